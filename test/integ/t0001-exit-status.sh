#!/bin/sh
# Proves: janus is transparent for exit status and output: same stdout,
# stderr and $? as a native run for normal exits, a pipeline, and commands
# killed by SIGSEGV and SIGTERM (janus then dies of the same signal), and
# janus itself leaves no core file behind.
. "$SRCDIR/test/lib/init.sh"
require_helper_ crash
crash=$HELPERS/crash

same_as_native_ true true
expect_rc_ true.janus 0
same_as_native_ false false
expect_rc_ false.janus 1
same_as_native_ exit3 sh -c 'echo out; echo err >&2; exit 3'
expect_rc_ exit3.janus 3
same_as_native_ pipeline sh -c 'echo a | tr a b | cat; exit 42'
expect_rc_ pipeline.janus 42
[ "$(cat pipeline.janus.out)" = b ] || fail_ "pipeline printed '$(cat pipeline.janus.out)'"

# Crashes.  Cores are enabled; the helper chdirs to its own directory
# first, so its core lands there and a core in $T could only be janus's.
ulimit -S -c unlimited 2>/dev/null || skip_ "cannot enable core dumps"
# A sanitizer build of janus would set RLIMIT_CORE to 0 for itself, and so
# for the command (ASan's disable_coredump); janus must not dump core anyway.
ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}disable_coredump=0
export ASAN_OPTIONS
mkdir native-crash janus-crash
run_native_ segv.native "$crash" segv native-crash
run_janus_ segv.janus "$crash" segv janus-crash
# Not stderr: the shell's "Segmentation fault (core dumped)" rightly
# loses "(core dumped)" since janus itself must not dump core.
compare_ segv.native segv.janus out rc
expect_rc_ segv.janus 139
run_native_ term.native "$crash" term native-crash
run_janus_ term.janus "$crash" term janus-crash
compare_ term.native term.janus out err rc
expect_rc_ term.janus 143

cores=$(ls | grep '^core' || :)
[ -z "$cores" ] || fail_ "core file(s) in janus's directory: $cores"
if [ -n "$(ls native-crash)" ] && [ -z "$(ls janus-crash)" ]; then
	fail_ "the command dumped core natively but not under janus"
fi
exit 0
