#!/bin/sh
# Proves: running janus as root does not widen the jail.  Every command
# runs with no_new_privs (a setuid binary gains nothing); --user USER runs
# it as USER with every capability set empty, bounding set included; an
# unknown user or --user without root is janus's error (125), nothing runs.
. "$SRCDIR/test/lib/init.sh"

"$JANUS" -p allow-all -- sh -c 'grep NoNewPrivs /proc/self/status' >nnp.out 2>nnp.err ||
	fail_ "janus -- sh failed: $(cat nnp.err)"
grep -q 'NoNewPrivs:[[:space:]]*1' nnp.out || fail_ "no_new_privs not set: $(cat nnp.out)"
# Positive control: natively the shell does not have it.
sh -c 'grep NoNewPrivs /proc/self/status' | grep -q 'NoNewPrivs:[[:space:]]*0' ||
	skip_ "this shell already runs with no_new_privs: the check above proves nothing"

[ "$(id -u)" = 0 ] || skip_ "--user needs root"
id nobody >/dev/null 2>&1 || skip_ "no user 'nobody'"
nobody=$(id -u nobody)

"$JANUS" -p allow-all --user nobody -- sh -c 'id -u; grep "^Cap" /proc/self/status' \
	>user.out 2>user.err || fail_ "janus --user nobody failed: $(cat user.err)"
[ "$(sed -n 1p user.out)" = "$nobody" ] || fail_ "command ran as uid $(sed -n 1p user.out), not $nobody"
for set in CapInh CapPrm CapEff CapBnd CapAmb; do
	grep -q "^$set:[[:space:]]*0000000000000000$" user.out ||
		fail_ "$set not empty: $(grep "^$set" user.out)"
done
# Positive control: as root natively, the bounding set is not empty.
grep -q '^CapBnd:[[:space:]]*0000000000000000$' /proc/self/status &&
	skip_ "this machine's root has an empty bounding set: the check above proves nothing"

"$JANUS" -p allow-all --user no-such-user-here -- touch marker 2>unknown.err
rc=$?
[ $rc = 125 ] || fail_ "unknown user: exit $rc, expected 125"
grep -q "unknown user 'no-such-user-here'" unknown.err || fail_ "message: $(cat unknown.err)"
[ ! -e marker ] || fail_ "the command ran although the user is unknown"
exit 0
