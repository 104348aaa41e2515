#!/bin/sh
# Proves: janus follows 8 threads making thousands of system calls at once
# without losing, mixing up or corrupting any (the helper checks every
# result); output equals the native run, and --trace shows every thread's
# calls under its own tid.
. "$SRCDIR/test/lib/init.sh"
require_helper_ threads
threads=$HELPERS/threads

same_as_native_ threads "$threads"
expect_rc_ threads.janus 0
grep -q '^checksum [0-9]' threads.janus.out || fail_ "no checksum printed"

run_janus_ traced --trace -o trace -- "$threads" tids
expect_rc_ traced 0
compare_ threads.native traced out
# The main thread and each worker (tids from the helper) appear; each
# worker's 2000 getpid calls are all attributed to it.
[ "$(wc -l <tids)" -eq 9 ] || framework_failure_ "helper wrote $(wc -l <tids) tids"
for tid in $(cat tids); do
	grep -q "^\[pid  *$tid\] " trace || fail_ "no trace line from tid $tid"
done
for tid in $(tail -n 8 tids); do
	n=$(grep -c "^\[pid  *$tid\] getpid() = " trace)
	[ "$n" -eq 2000 ] || fail_ "tid $tid: $n getpid lines in the trace, expected 2000"
done
distinct=$(sed -n 's/^\[pid  *\([0-9]*\)\] .*/\1/p' trace | sort -u | wc -l)
[ "$distinct" -ge 9 ] || fail_ "trace shows $distinct distinct tids, expected 9"
exit 0
