#!/bin/sh
# Proves: job control sees through janus.  A driver acting as a shell runs
# the command in its own process group; when the command stops itself
# (SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU) waitpid(WUNTRACED) must report janus
# stopped by the same signal, and SIGCONT to the group (or to janus alone)
# must let the command print "resumed" and janus exit 0 -- exactly the
# events of the native run.
. "$SRCDIR/test/lib/init.sh"
require_helper_ jobctl-driver
driver=$HELPERS/jobctl-driver
require_helper_ stop-self
stop=$HELPERS/stop-self

for sig in STOP TSTP TTIN TTOU; do
	for how in group -p; do
		opt=; [ "$how" = -p ] && opt=-p
		run_native_ "$sig$how.native" "$driver" $opt "$sig" "$stop" "$sig"
		expect_rc_ "$sig$how.native" 0
		printf 'stopped by SIG%s\nresumed\nexited 0\n' "$sig" >expected
		cmp -s expected "$sig$how.native.out" || framework_failure_ "native run of $sig$how: $(cat "$sig$how.native.out")"
		run_native_ "$sig$how.janus" "$driver" $opt "$sig" "$JANUS" -p allow-all -- "$stop" "$sig"
		compare_ "$sig$how.native" "$sig$how.janus" out err rc
	done
done
exit 0
