#!/bin/sh
# Proves: children created by vfork() and posix_spawn() run, print and
# have their exit statuses collected as natively; --trace shows each
# child's execve under the child's own pid.
. "$SRCDIR/test/lib/init.sh"
require_helper_ vfork-spawn
vspawn=$HELPERS/vfork-spawn

same_as_native_ vspawn "$vspawn"
expect_rc_ vspawn.janus 0
for line in 'vfork exec' 'vfork+exec sh: exit 5' 'vfork+_exit: exit 3' \
	'spawned echo' 'posix_spawn echo: exit 0' 'spawned sh' 'posix_spawnp sh: exit 9'; do
	grep -qxF "$line" vspawn.janus.out || fail_ "missing output line '$line'"
done

run_janus_ traced --trace -o trace -- "$vspawn"
compare_ vspawn.native traced out rc
leader=$(trace_leader_ trace) || exit 1
for exe in '"/bin/sh", \["sh", "-c", "echo vfork exec; exit 5"\]' '"/bin/echo", \["echo", "spawned echo"\]' \
	'"[^"]*/sh", \["sh", "-c", "echo spawned sh; exit 9"\]'; do
	line=$(grep "^\[pid  *[0-9]*\] execve($exe" trace | grep ' = 0$') ||
		fail_ "no successful execve($exe ...) in the trace"
	[ "$(trace_pid_ "$line")" != "$leader" ] ||
		fail_ "child execve traced under the parent's pid: $line"
done
exit 0
