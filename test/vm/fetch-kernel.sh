#!/bin/sh
# fetch-kernel.sh DIR - put a Debian x86_64 kernel able to run i386 and x32
# programs in DIR (vmlinuz, VERSION, and the modules the VM's init loads),
# for test/vm/vm-run.sh.
#
# Why: the i386 and x32 tests need a kernel with IA32 emulation (x32: the
# x32 ABI).  Some hosts have none, or a hypervisor that refuses `int $0x80`
# (seen: a general protection fault on vector 0x80); there these tests
# boot Debian's own kernel under qemu instead of being skipped.  Debian's
# kernel has IA32 emulation, and the x32 ABI behind `syscall.x32=y`.
#
# Needs apt-get (the package lists updated) and dpkg-deb.  Idempotent: a
# DIR that already holds the newest kernel is left alone.
set -eu
dir=${1:?usage: fetch-kernel.sh DIR}
mkdir -p "$dir"

# linux-image-amd64 depends on the current ABI's image package.
pkg=$(apt-cache depends linux-image-amd64 2>/dev/null |
	sed -n 's/^ *Depends: \(linux-image-[0-9][^ ]*-amd64\)$/\1/p' | head -n 1)
[ -n "$pkg" ] || {
	echo "fetch-kernel: apt knows no linux-image-amd64 (run apt-get update)" >&2
	exit 1
}
if [ -s "$dir/vmlinuz" ] && [ "$(cat "$dir/VERSION" 2>/dev/null)" = "$pkg" ]; then
	echo "fetch-kernel: $dir has $pkg"
	exit 0
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/fetch-kernel.XXXXXX")
trap 'rm -rf "$work"' EXIT
fetch() { (cd "$work" && apt-get download -q -o APT::Sandbox::User=root "$pkg" >/dev/null); }
# Stale package lists name a kernel the archive no longer has.
fetch || { apt-get update -qq && fetch; } || {
	echo "fetch-kernel: cannot download $pkg" >&2
	exit 1
}
dpkg-deb -x "$work"/"$pkg"_*.deb "$work/root"

rm -rf "$dir/modules"
mkdir -p "$dir/modules"
cp "$work"/root/boot/vmlinuz-* "$dir/vmlinuz"
# virtio PCI and 9p: the host's directories are shared with the VM over 9p.
for m in virtio_ring virtio virtio_pci_legacy_dev virtio_pci_modern_dev \
	virtio_pci netfs fscache 9pnet 9pnet_virtio 9p; do
	f=$(find "$work/root/lib/modules" -name "$m.ko" | head -n 1)
	[ -n "$f" ] || { echo "fetch-kernel: $pkg has no module $m" >&2; exit 1; }
	cp "$f" "$dir/modules/"
done
echo "$pkg" >"$dir/VERSION"
echo "fetch-kernel: $dir has $pkg"
