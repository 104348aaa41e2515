#!/bin/sh
# Proves: a signal sent to janus by another process (kill(1)-style) is
# forwarded to the command.  A command that catches it reports it and
# exits 0, so janus exits 0; a command that dies of it makes janus die of
# the same signal.  Both must end exactly like the native runs.
. "$SRCDIR/test/lib/init.sh"
require_helper_ sig-driver
driver=$HELPERS/sig-driver
require_helper_ wait-sig
waitsig=$HELPERS/wait-sig

for sig in INT TERM HUP QUIT USR1 USR2; do
	# Caught by the command: janus must deliver it, not act on it.
	run_native_ "$sig-caught.native" "$driver" "$sig" "$waitsig" -c
	printf 'caught SIG%s\nexited 0\n' "$sig" >expected
	cmp -s expected "$sig-caught.native.out" || framework_failure_ "native: $(cat "$sig-caught.native.out")"
	run_native_ "$sig-caught.janus" "$driver" "$sig" "$JANUS" -p allow-all -- "$waitsig" -c
	compare_ "$sig-caught.native" "$sig-caught.janus" out err rc

	# Default action: the command dies of it, then so does janus.
	run_native_ "$sig-dies.native" "$driver" "$sig" "$waitsig"
	printf 'killed by SIG%s\n' "$sig" >expected
	cmp -s expected "$sig-dies.native.out" || framework_failure_ "native: $(cat "$sig-dies.native.out")"
	run_native_ "$sig-dies.janus" "$driver" "$sig" "$JANUS" -p allow-all -- "$waitsig"
	compare_ "$sig-dies.native" "$sig-dies.janus" out err rc
done

# The same through the shell: `kill -INT` of a background janus.  (sh
# starts background commands with SIGINT ignored; env undoes that.)
env --default-signal=INT true 2>/dev/null || skip_ "env --default-signal is not supported"
env --default-signal=INT "$JANUS" -p allow-all -- "$waitsig" >ready </dev/null &
pid=$!
track_pid_ $pid
while [ "$(cat ready)" != ready ]; do sleep 0.05; done
kill -INT $pid
wait $pid
rc=$?
[ $rc -eq 130 ] || fail_ "janus exited $rc after SIGINT, expected 130 (died of SIGINT)"
exit 0
