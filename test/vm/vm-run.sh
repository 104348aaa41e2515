#!/bin/sh
# vm-run.sh [--share DIR]... -- CMD [ARG...]
#
# Runs CMD as root in a throw-away qemu VM booted from the kernel that
# fetch-kernel.sh put in $JANUS_VM_KERNEL, and exits with CMD's status
# (99 if the VM could not run it).  CMD's stdout and stderr come back as
# its own, as they come; it gets the caller's exported environment plus
# JANUS_IN_VM=1 and TMPDIR=/var/tmp.
#
# The VM sees the host's root read-only, a fresh /tmp, /var/tmp, /run and
# /dev, and each DIR read-only at its own path (name here what lives under
# /tmp, such as the build tree).  The kernel command line turns on the x32
# ABI and turns off the 32-bit vDSO: with no AT_SYSINFO, i386 programs make
# every call with `int $0x80`, the entry the escape suite is about.
# No KVM is needed: qemu emulates the CPU (about ten times slower).
#
# Environment: JANUS_VM_KERNEL (required), JANUS_VM_TIMEOUT (seconds for
# the whole run, default 900), JANUS_VM_CPUS (default 2), JANUS_VM_MEM
# (MiB, default 1536).
set -u
me=vm-run
fail() { echo "$me: $*" >&2; exit 99; }

shares=
while [ $# -gt 0 ]; do
	case $1 in
	--share) shares="$shares
$(cd "$2" && pwd -P)" || fail "no directory $2"; shift 2 ;;
	--) shift; break ;;
	*) fail "usage: vm-run.sh [--share DIR]... -- CMD [ARG...]" ;;
	esac
done
[ $# -gt 0 ] || fail "no command"
kdir=${JANUS_VM_KERNEL:-}
[ -n "$kdir" ] && [ -s "$kdir/vmlinuz" ] || fail "no VM kernel in '${kdir}' (make vm-kernel)"
qemu=$(command -v qemu-system-x86_64) || fail "qemu-system-x86_64 is not installed"
bb=$(command -v busybox) || fail "busybox is not installed"
grep -q /ld-linux "$bb" &&
	fail "$bb is dynamically linked (install busybox-static)"

work=$(mktemp -d "${TMPDIR:-/tmp}/vm-run.XXXXXX") || fail "no temporary directory"
trap 'rm -rf "$work"' EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

# The initramfs: busybox, the modules, our init.
ir=$work/initramfs
mkdir -p "$ir/bin" "$ir/proc" "$ir/sys" "$ir/dev" "$ir/new" "$ir/modules"
cp "$bb" "$ir/bin/busybox"
cp "$kdir"/modules/* "$ir/modules/"
cp "$(dirname "$0")/init" "$ir/init"
chmod 755 "$ir/init"
(cd "$ir" && find . | "$bb" cpio -o -H newc 2>/dev/null) | gzip -1 >"$work/initrd.gz" ||
	fail "cannot pack the initramfs"

# The io directory: the command and its environment in, results out.
io=$work/io
mkdir -p "$io"
q() { printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"; }
{
	# The exported environment, whatever shell runs this (export -p's
	# format is not portable): each name's value, quoted.
	for n in $(env -0 | tr '\n\0' '\001\n' | sed -n 's/^\([A-Za-z_][A-Za-z0-9_]*\)=.*/\1/p'); do
		case $n in PWD|OLDPWD|SHLVL|_) continue ;; esac
		eval "v=\${$n}"
		printf 'export %s=%s\n' "$n" "$(q "$v")"
	done
	echo "export JANUS_IN_VM=1"
	# /tmp and /var/tmp are two tmpfs here: tests that link or rename
	# between their temporary directory and /var/tmp need one.
	echo "export TMPDIR=/var/tmp"
	echo "cd / || exit 99"
	printf 'exec'
	for a in "$@"; do printf ' %s' "$(q "$a")"; done
	echo
} >"$io/cmd.sh"
printf '%s\n' "$shares" | sed '/^$/d' >"$io/shares"

set -- -machine q35 -cpu max -smp "${JANUS_VM_CPUS:-2}" -m "${JANUS_VM_MEM:-1536}" \
	-nographic -no-reboot -nodefaults -serial "file:$work/console" \
	-kernel "$kdir/vmlinuz" -initrd "$work/initrd.gz" \
	-append "console=ttyS0 quiet panic=-1 syscall.x32=y vdso32=0" \
	-virtfs "local,path=/,mount_tag=host,security_model=none,readonly=on,multidevs=remap" \
	-virtfs "local,path=$io,mount_tag=io,security_model=none"
i=0
while read -r s; do
	set -- "$@" -virtfs "local,path=$s,mount_tag=share$i,security_model=none,readonly=on,multidevs=remap"
	i=$((i + 1))
done <"$io/shares"

timeout -k 10 "${JANUS_VM_TIMEOUT:-900}" "$qemu" "$@" </dev/null >"$work/qemu.out" 2>&1 &
qpid=$!
# The command's output as it comes (the io share is uncached).
: >"$io/out"
: >"$io/err"
tail -n +1 -s 0.5 -f --pid=$qpid "$io/out" &
tpid=$!
tail -n +1 -s 0.5 -f --pid=$qpid "$io/err" >&2 &
wait $qpid
qrc=$?
wait $tpid $!
if [ ! -s "$io/rc" ]; then
	echo "$me: the VM did not run the command (qemu exit $qrc); its console:" >&2
	tail -n 30 "$work/console" "$work/qemu.out" >&2
	exit 99
fi
exit "$(cat "$io/rc")"
