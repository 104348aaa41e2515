#!/bin/sh
# Proves: execve() from a non-main thread, while other threads are blocked
# in read(), in a futex and busy in system calls, works under janus: same
# output and exit status as native, and after the exec the new program's
# calls are traced under the thread-group leader's pid.
. "$SRCDIR/test/lib/init.sh"
require_helper_ thread-exec
texec=$HELPERS/thread-exec

same_as_native_ texec "$texec"
expect_rc_ texec.janus 7
grep -q 'same pid yes, exec came from a non-main thread yes' texec.janus.out ||
	fail_ "unexpected output: $(cat texec.janus.out)"

run_janus_ traced --trace -o trace -- "$texec"
compare_ texec.native traced out rc
leader=$(trace_leader_ trace) || exit 1
grep -q 'execve("/proc/self/exe", \["thread-exec", "--after"' trace ||
	fail_ "the thread's execve is not in the trace"
grep -q "^\[pid  *$leader\] write(1, \"after exec: same pid yes" trace ||
	fail_ "the exec'd program's write is not traced under the leader pid $leader"
grep "^\[pid  *[0-9]*\] exit_group(7)" trace | grep -q "^\[pid  *$leader\] " ||
	fail_ "exit_group(7) not traced under the leader pid $leader"
exit 0
