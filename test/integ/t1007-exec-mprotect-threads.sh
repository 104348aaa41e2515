#!/bin/sh
# Proves: while janus checks and runs an mprotect that makes memory
# executable, it stops the other threads of the address space
# (src/mmfreeze.h), and the program cannot tell: 400 rounds of a JIT's
# mprotect(PROT_EXEC) on anonymous memory, whose code returns the value
# expected, while other threads sit in a pipe read, a condition variable
# and nanosleep, take signals (no SA_RESTART), map and unmap memory and
# posix_spawn /bin/true (vfork) — completes as natively, with and
# without the prefilter.  And with all of that going on, a mapping of a
# file of the test's directory (readable, not executable by the default
# policy) still cannot be made executable: EACCES (natively: ok).  And
# two ways janus once hung: a main thread exiting while another makes
# memory executable (an exiting task never stops: not waited for), and a
# dup2 whose stop the freeze already holds while a process sharing the
# descriptor table pins a path (janus waited for that dup2 to stop).
. "$SRCDIR/test/lib/init.sh"
. "$SRCDIR/test/lib/policy.sh"
require_helper_ mprotect-threads
PATH=/usr/bin:/bin
export PATH
policy_ p <<EOF2
include "$POLICIES/default-helpers.policy"
EOF2
cp /bin/true prog || framework_failure_ "cannot copy /bin/true"
mt=$HELPERS/mprotect-threads

run_native_ native "$mt" 400 prog
expect_rc_ native 0
[ "$(cat native.out)" = "rounds 400 ok
file ok" ] || framework_failure_ "natively: $(cat native.out native.err)"

for mode in prefilter no-prefilter; do
	opts=
	[ $mode = no-prefilter ] && opts=--no-prefilter
	JANUS_OPTS=$opts jail_ $mode p.policy "$mt" 400 "$TDIR/prog"
	expect_rc_ $mode 0
	[ "$(cat $mode.out)" = "rounds 400 ok
file EACCES" ] || fail_ "$mode: printed '$(cat $mode.out)' $(cat $mode.err)"
	grep -q "mprotect(.*PROT_EXEC.*-> EACCES (fs $TDIR/prog;" $mode.err ||
		fail_ "$mode: no report of the refused mprotect: $(cat $mode.err)"
	# Tasks janus must not wait for while it holds an address space:
	# one exiting (it never stops), one whose stop it holds already.
	JANUS_OPTS=$opts jail_ $mode-exit p.policy "$mt" leader-exit 100
	expect_ $mode-exit "leader-exit 100 ok"
	JANUS_OPTS=$opts jail_ $mode-fd p.policy "$mt" fd-calls 5000
	expect_ $mode-fd "fd-calls 5000 ok"
done
exit 0
