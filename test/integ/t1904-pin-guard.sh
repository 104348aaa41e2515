#!/bin/sh
# Proves: a descriptor janus pinned for a call of one thread cannot be
# replaced by another thread of the program (src/pinfd.c pinfd_guard):
# while the main thread hard-links d/NAME again and again, a thread
# closes descriptor numbers and dup2s onto them a directory from outside
# the jail (inherited, fd 3) that holds another NAME.  Every link made
# must be to the decoy.  (With the guard disabled about one link in
# twenty went to the other file.)  And signals arriving while janus runs
# its own calls in a thread are held back and delivered after the call,
# each once, in order, with its own siginfo (sigqueue's value): every
# rename succeeds.  A pinned connect that signals interrupt, whose handler
# asks for restarts (SA_RESTART), goes on as natively and succeeds: janus
# closes its descriptor at the exit stop without losing the restart --
# also when another thread took the signal that interrupted the connect,
# so that no signal is left for the kernel's restart logic to look at
# after janus's close (ERESTARTSYS reached the program before the fix).
# And the socket of a waiting connect is guarded the same way (fdpass
# sealed it before the call: no unsealed socket may take its number):
# another thread's dup2 onto it gets EBUSY (natively it succeeds), and
# the connect goes on.  (Where the kernel has no SO_PASSRIGHTS, before
# Linux 6.16, nothing is sealed and nothing needs guarding: the dup2
# succeeds as natively; janus --debug says which.)
# With and without the seccomp prefilter.
. "$SRCDIR/test/lib/init.sh"
. "$SRCDIR/test/lib/policy.sh"
require_helper_ pin-calls
policy_including_ p "$POLICIES/default-helpers.policy"
# in_ DIR NAME CMD...: CMD run in DIR; NAME.out, NAME.err, NAME.rc.
in_() {
	id_=$1 in_n_=$2; shift 2
	(cd "$id_" && exec "$@") </dev/null >"$in_n_.out" 2>"$in_n_.err"
	echo $? >"$in_n_.rc"
}
mkdir evil && echo OTHER >evil/NAME || framework_failure_ "cannot make evil/NAME"

mkdir native || framework_failure_ mkdir
(cd native && "$HELPERS/pin-calls" dup2-race NAME 3 3<"$T/evil") >native.out 2>&1
grep -q '^dup2 race: [1-9][0-9]* linked, 0 to another file$' native.out ||
	framework_failure_ "natively: $(cat native.out)"
in_ native nsig "$HELPERS/pin-calls" sig-race
expect_ nsig 'sig race: renames made, failed 0, signals all received, bad siginfo 0'
in_ native nrestart timeout 20 "$HELPERS/pin-calls" restart
expect_ nrestart "connect-restarted: ok
interrupted by signals: yes"
# (Natively the other thread may never win the signal on a loaded
# machine; under janus, which stops the connecting thread, it does.)
in_ native nstolen timeout 20 "$HELPERS/pin-calls" restart-stolen
grep -qx 'connect-restarted: ok' nstolen.out ||
	framework_failure_ "restart-stolen natively: $(cat nstolen.out)"

in_ native ndup2 timeout 20 "$HELPERS/pin-calls" connect-dup2
expect_ ndup2 "dup2 onto the connecting socket: ok
connect: ok"

for mode in prefilter no-prefilter; do
	opt=
	[ $mode = no-prefilter ] && opt=--no-prefilter
	rm -rf jail && mkdir jail || framework_failure_ mkdir
	(cd jail && "$JANUS" $opt -p "$T/p.policy" -- "$HELPERS/pin-calls" dup2-race NAME 3 \
		3<"$T/evil") >$mode.out 2>$mode.err </dev/null
	rc=$?
	grep -q '^dup2 race: [1-9][0-9]* linked, 0 to another file$' $mode.out ||
		{ cat $mode.err >&2; fail_ "$mode: $(cat $mode.out)"; }
	[ $rc = 0 ] || fail_ "$mode: janus exited $rc"
	rm -rf jail && mkdir jail || framework_failure_ mkdir
	in_ jail $mode.sig "$JANUS" $opt -p "$T/p.policy" -- "$HELPERS/pin-calls" sig-race
	expect_ $mode.sig 'sig race: renames made, failed 0, signals all received, bad siginfo 0'
	rm -rf jail && mkdir jail || framework_failure_ mkdir
	in_ jail $mode.restart timeout 20 "$JANUS" $opt -p "$T/p.policy" -- "$HELPERS/pin-calls" restart
	expect_ $mode.restart "connect-restarted: ok
interrupted by signals: yes"
	rm -rf jail && mkdir jail || framework_failure_ mkdir
	in_ jail $mode.stolen timeout 20 "$JANUS" $opt -p "$T/p.policy" -- "$HELPERS/pin-calls" restart-stolen
	expect_ $mode.stolen "connect-restarted: ok
signals taken by another thread: yes"
	rm -rf jail && mkdir jail || framework_failure_ mkdir
	in_ jail $mode.dup2 timeout 20 "$JANUS" --debug $opt -p "$T/p.policy" -- \
		"$HELPERS/pin-calls" connect-dup2
	if grep -q 'no SO_PASSRIGHTS' $mode.dup2.err; then
		dup2_want=ok	# nothing sealed: nothing to keep sealed
	else
		dup2_want=EBUSY
	fi
	expect_ $mode.dup2 "dup2 onto the connecting socket: $dup2_want
connect: ok"
done
exit 0
