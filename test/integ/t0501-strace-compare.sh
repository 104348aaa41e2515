#!/bin/sh
# Proves: janus's trace of a deterministic, static, single-threaded
# program lists the same system calls in the same order with the same
# results as strace's.  Both traces are reduced to "name = result" lines:
# arguments and errno text dropped, addresses (mmap, brk ...) and pids
# replaced by ADDR and PID.  Also with --no-syscall-info (the decoding
# from registers that older kernels need).
. "$SRCDIR/test/lib/init.sh"
require_helper_ det-calls
det=$HELPERS/det-calls
command -v strace >/dev/null 2>&1 || skip_ "strace is not installed"

strace -f -qq -e signal=none -o strace.raw "$det" </dev/null >strace.out 2>strace.err ||
	skip_ "strace cannot trace here: $(cat strace.err)"
run_janus_ janus --trace -o janus.raw -- "$det"
expect_rc_ janus 0
cmp -s strace.out janus.out || fail_ "the program's output differs under janus: $(cat janus.out)"

# normalise_ < TRACE: one "name = result" line per completed call.
normalise_() {
	sed -n -e 's/^\[pid  *[0-9]*\] //' -e 's/^[0-9][0-9]*  *//' \
		-e 's/^\([a-z_0-9]*\)(.*) *= \(.*\)$/\1 = \2/p' |
	sed -e 's/ = \(-1 E[A-Z0-9]*\) .*/ = \1/' \
		-e 's/ = 0x[0-9a-f]*$/ = ADDR/' \
		-e 's/^\(mmap\|brk\|mremap\) = [0-9][0-9]*$/\1 = ADDR/' \
		-e 's/^\(getpid\|gettid\|set_tid_address\) = [0-9][0-9]*$/\1 = PID/'
}
normalise_ <strace.raw >strace.calls
[ "$(wc -l <strace.calls)" -ge 20 ] || framework_failure_ "strace trace too short: $(cat strace.raw)"
grep -qx 'openat = -1 ENOENT' strace.calls || framework_failure_ "normalisation lost the failing open"
normalise_ <janus.raw >janus.calls
if ! cmp -s strace.calls janus.calls; then
	diff -u strace.calls janus.calls >&2
	fail_ "janus's trace differs from strace's (- strace, + janus)"
fi

# The same through the register-table fallback.
run_janus_ regs --trace --no-syscall-info -o regs.raw -- "$det"
expect_rc_ regs 0
normalise_ <regs.raw >regs.calls
if ! cmp -s strace.calls regs.calls; then
	diff -u strace.calls regs.calls >&2
	fail_ "with --no-syscall-info, janus's trace differs from strace's (- strace, + janus)"
fi
exit 0
