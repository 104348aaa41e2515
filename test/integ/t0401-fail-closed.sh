#!/bin/sh
# Proves: janus fails closed.  When janus is SIGKILLed, every process it
# traces (the command, its children and a grandchild; busy in system
# calls, sleeping or blocked) dies with it.  Control: without janus, the
# same processes survive the SIGKILL of their parent shell.
. "$SRCDIR/test/lib/init.sh"
require_helper_ spinners
spin=$HELPERS/spinners

# snapshot_ PID: "pid starttime" of every descendant of PID.
snapshot_() {
	for p in $(descendants_ "$1"); do
		echo "$p $(proc_field_ "$p" 20)"
	done
}

# survivors_ FILE: the processes of a snapshot that are still alive.
survivors_() {
	while read -r p start; do
		alive_ "$p" "$start" && echo "$p"
	done <"$1"
}

# start_ NAME CMD...: run CMD in the background; its pid is $bg.
start_() {
	n=$1; shift
	"$@" </dev/null >"$n.out" 2>"$n.err" &
	bg=$!
	track_pid_ $bg
}

# Control: kill -9 a plain sh running the helper; its processes live on.
start_ native sh -c "\"$spin\" 3 native.ready; :"
wait_for_file_ native.ready
snapshot_ $bg >native.procs
track_pid_ $(cut -d' ' -f1 native.procs)
for p in $(cat native.ready); do
	grep -q "^$p " native.procs || framework_failure_ "descendants_ missed pid $p"
done
kill -9 $bg
wait $bg 2>/dev/null
sleep 1
[ "$(survivors_ native.procs | wc -l)" -eq "$(wc -l <native.procs)" ] ||
	framework_failure_ "natively, processes died with their parent"
for p in $(cut -d' ' -f1 native.procs); do kill -9 "$p"; done

# Under janus: the helper, its 3 children and its grandchild all die.
for cmd in spinners sh; do
	if [ $cmd = spinners ]; then
		start_ janus-$cmd "$JANUS" -p allow-all -- "$spin" 3 janus-$cmd.ready
		wait_for_file_ janus-$cmd.ready
		want=5
	else
		start_ janus-$cmd "$JANUS" -p allow-all -- sh -c 'sleep 100 & sleep 100 & echo ready >janus-sh.ready; wait'
		while [ "$(cat janus-$cmd.ready 2>/dev/null)" != ready ]; do sleep 0.05; done
		want=3
	fi
	snapshot_ $bg >janus-$cmd.procs
	track_pid_ $(cut -d' ' -f1 janus-$cmd.procs)
	[ "$(wc -l <janus-$cmd.procs)" -ge $want ] ||
		framework_failure_ "$cmd: found $(wc -l <janus-$cmd.procs) tracees, expected $want"
	kill -9 $bg
	wait $bg 2>/dev/null
	sleep 1
	left=$(survivors_ janus-$cmd.procs)
	[ -z "$left" ] || {
		ps -o pid,ppid,stat,args -p "$(echo $left | tr ' ' ,)" >&2 || :
		fail_ "$cmd: tracees survived the SIGKILL of janus: $left"
	}
done
exit 0
