# test/lib/vm.sh: sourced by test/lib/init.sh.  Tests of an ABI this
# kernel cannot run (i386 without IA32 emulation, x32 without the x32 ABI)
# re-run themselves in a qemu VM booted from Debian's kernel, which has
# both (test/vm/vm-run.sh; the kernel comes from `make vm-kernel`).  They
# are skipped, saying why, only where no such VM can be had either.
#
#   need_abi_ i386|x32   at the top of a test, after init.sh
#
# JANUS_TEST_SELF names the test script when $0 does not (t0304);
# JANUS_NO_VM=1 skips instead of booting a VM.

: "${JANUS_VM_KERNEL:=${HELPERS%/*}/vm/kernel}"
export JANUS_VM_KERNEL

# abspath_ FILE: FILE's absolute name (make check names tests relative to
# the build directory; the test cds away, and the VM starts in /).
abspath_() {
	case $1 in
	/*) printf '%s\n' "$1" ;;
	*) printf '%s/%s\n' "$(cd "$(dirname "$1")" && pwd)" "$(basename "$1")" ;;
	esac
}

# The test and its command line, for a re-run (init.sh is sourced with
# them, before it changes directory).
self_=$(abspath_ "${JANUS_TEST_SELF:-$0}")
self_args_="$*"

# abi_runs_ ABI: true if this kernel runs programs of ABI.
abi_runs_() {
	case $1 in
	i386)
		if [ -x "$HELPERS/abi-probe-m32" ]; then
			[ "$("$HELPERS/abi-probe-m32" 2>/dev/null)" = "running as 32-bit" ]
		else
			"$HELPERS/int80" >/dev/null 2>&1
		fi ;;
	x32) [ "$("$HELPERS/abi-probe" x32 2>/dev/null)" = "x32 works" ] ;;
	*) framework_failure_ "abi_runs_: unknown ABI $1" ;;
	esac
}

# vm_why_not_: prints why no VM can run the test here (nothing if one can).
vm_why_not_() {
	if [ -n "${JANUS_NO_VM:-}" ]; then echo "JANUS_NO_VM is set"
	elif [ "$(uname -m)" != x86_64 ]; then echo "the VM is for x86_64 hosts"
	elif ! command -v qemu-system-x86_64 >/dev/null 2>&1; then echo "qemu-system-x86_64 is not installed"
	elif ! command -v busybox >/dev/null 2>&1; then echo "busybox(-static) is not installed"
	elif [ ! -s "$JANUS_VM_KERNEL/vmlinuz" ]; then echo "no VM kernel in $JANUS_VM_KERNEL (make vm-kernel)"
	fi
}

# need_abi_ ABI: return if this kernel runs ABI; else re-run the whole
# test in a VM and exit with its status; else skip.
need_abi_() {
	abi_runs_ "$1" && return 0
	[ -z "${JANUS_IN_VM:-}" ] || skip_ "even the VM's kernel runs no $1 programs"
	nv_why_=$(vm_why_not_)
	[ -z "$nv_why_" ] || skip_ "this kernel runs no $1 programs, and no VM can: $nv_why_"
	nv_self_=$self_
	[ -f "$nv_self_" ] || framework_failure_ "need_abi_: cannot re-run '$nv_self_'"
	warn_ "this kernel runs no $1 programs: the test runs in a VM ($(cat "$JANUS_VM_KERNEL/VERSION" 2>/dev/null))"
	# shellcheck disable=SC2086 # the arguments are words (a test's file names)
	"$SRCDIR/test/vm/vm-run.sh" --share "$SRCDIR" --share "${HELPERS%/test/helpers}" \
		-- /bin/sh "$nv_self_" $self_args_
	exit $?
}
