#!/bin/sh
# bootstrap.sh - from a fresh Debian 12 checkout to a built janus in ./build.
#
# Installs the Debian packages the build and the test suite need (when run
# as root, or through sudo), then runs autoreconf, configure and make.
# Idempotent: run it again after pulling.  Extra arguments go to configure
# (e.g. --enable-sanitizers).
set -eu
cd "$(dirname "$0")/.."

pkgs="autoconf automake libtool pkg-config make gcc libc6-dev linux-libc-dev
      libelf-dev libunwind-dev libseccomp-dev check strace python3"
# i386 test programs (-m32) need the multilib toolchain, on x86_64 only;
# where the kernel runs no i386 or x32 programs, their tests run in a qemu
# VM booted from Debian's kernel (test/vm; JANUS_NO_VM=1: skip them).
amd64=
[ "$(dpkg --print-architecture 2>/dev/null)" = amd64 ] && amd64=yes
[ -n "$amd64" ] && pkgs="$pkgs gcc-multilib"
[ -n "$amd64" ] && [ -z "${JANUS_NO_VM:-}" ] && pkgs="$pkgs qemu-system-x86 busybox-static"

missing=
for p in $pkgs; do
	dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing="$missing $p"
done
if [ -n "$missing" ]; then
	echo "bootstrap: installing Debian packages:$missing"
	if [ "$(id -u)" = 0 ]; then
		sudo=
	elif command -v sudo >/dev/null 2>&1; then
		sudo=sudo
	else
		echo "bootstrap: missing packages:$missing; run this script as root" >&2
		exit 1
	fi
	$sudo apt-get update -qq
	# shellcheck disable=SC2086 # the list is meant to split
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
fi

autoreconf -fi
mkdir -p build
cd build
../configure --enable-werror "$@"
make -j"$(nproc)"
if [ -n "$amd64" ] && [ -z "${JANUS_NO_VM:-}" ]; then
	make vm-kernel
fi
echo "bootstrap: built $(pwd)/src/janus"
