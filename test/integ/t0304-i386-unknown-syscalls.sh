#!/bin/sh
# Proves: what t0303 proves, for an i386 (-m32) program: unknown numbers
# are reported by number with the i386 abi, return ENOSYS as natively, and
# do not crash janus.  (Runs t0303's script under this test's name.)
JANUS_TEST_ABI=i386
JANUS_TEST_SELF=$0	# what need_abi_ re-runs in a VM
export JANUS_TEST_ABI JANUS_TEST_SELF
exec /bin/sh -c '. "$1"' t0304-i386-unknown-syscalls "$SRCDIR/test/integ/t0303-unknown-syscalls.sh"
