#!/bin/sh
# Proves: kill(-1) and kill of an outside process group are refused by
# the default policy (EPERM, reported as a signal check) and the canaries
# outside the jail live on: a `sleep` and a `sleep` leading its own
# process group.  A process group made of jail members only may be
# signalled.  Natively kill(-1) and kill(-PGID) kill the canaries
# (positive control).  Everything runs in a new PID namespace, so that a
# kill(-1) that got through could reach nothing but this test.
. "$SRCDIR/test/lib/init.sh"
. "$SRCDIR/test/lib/policy.sh"
command -v unshare >/dev/null || skip_ "unshare(1) is needed"
unshare --pid --fork --mount-proc true 2>/dev/null ||
	skip_ "cannot make a PID namespace (unshare --pid --fork --mount-proc)"
policy_including_ d "$POLICIES/default-helpers.policy"
D='<default>'

cat >inner.sh <<'EOF_SH'
# Runs as pid 1 of a new PID namespace, in $T.
state_() { s=$(cat /proc/$1/stat 2>/dev/null) && s=${s##*) } && echo "${s%% *}" || echo gone; }
run_() { n=$1; shift; "$@" </dev/null >"$n.out" 2>"$n.err"; echo $? >"$n.rc"; }
sleep 300 & c=$!
setsid sleep 300 & g=$!
sleep 0.2
run_ member "$JANUS" -p d.policy -- "$TRY" kill-pgrp pgchild TERM
run_ all "$JANUS" -p d.policy -- "$TRY" kill-1 TERM
run_ grp "$JANUS" -p d.policy -- "$TRY" kill-pgrp $g TERM
run_ grp0 "$JANUS" -p d.policy -- "$TRY" kill-pgrp $g 0
sleep 0.2
echo "$(state_ $c) $(state_ $g)" >jailed.state
run_ grp.native "$TRY" kill-pgrp $g TERM
run_ all.native "$TRY" kill-1 TERM
sleep 0.2
echo "$(state_ $c) $(state_ $g)" >native.state
EOF_SH
JANUS=$JANUS TRY=$TRY unshare --pid --fork --mount-proc sh inner.sh ||
	framework_failure_ "the PID namespace script failed"

expect_ member ok
expect_ all errno=EPERM
denied_ all EPERM "$D" signal
expect_ grp errno=EPERM
denied_ grp EPERM "$D" signal
expect_ grp0 errno=EPERM
set -- $(cat jailed.state)
[ "$1" = S ] && [ "$2" = S ] || fail_ "canaries after the jailed kills: $* (expected sleeping)"
expect_ grp.native ok
expect_ all.native ok
set -- $(cat native.state)
case $1 in S|R) fail_ "natively kill(-1) left the canary running" ;; esac
case $2 in S|R) fail_ "natively kill(-PGID) left the group canary running" ;; esac
exit 0
