#!/bin/sh
# Proves: signal rules (default policy: `allow signal jail`): kill,
# tkill, tgkill, rt_sigqueueinfo and pidfd_open+pidfd_send_signal reach a
# member of the jail (a child of the jailed program), and towards a canary
# process started here, outside the jail, fail with EPERM: the canary is
# alive afterwards.  A pidfd of the canary inherited from outside does not
# help: pidfd_send_signal and pidfd_getfd (stealing its descriptor) on it
# fail with EPERM.  Natively each call kills the canary (positive control).
. "$SRCDIR/test/lib/init.sh"
. "$SRCDIR/test/lib/policy.sh"
policy_including_ d "$POLICIES/default-helpers.policy"
D='<default>'

ok_ self d.policy kill self 0
for op in kill tkill tgkill sigqueue pidfd-send; do
	ok_ $op.member d.policy $op child TERM
	canary_
	no_ $op.outside d.policy EPERM "$D" $op $canary TERM
	denied_ $op.outside EPERM "$D" signal
	canary_alive_ "$op"
	native_ $op ok $op $canary TERM
	wait $canary 2>/dev/null
	[ $? = 143 ] || fail_ "natively $op did not kill the canary"
done

# pidfd_send_signal with a pidfd of the canary opened outside (fd 9).
canary_
pidfd_() {
	"$PYTHON" -c 'import os, sys
fd = os.pidfd_open(int(sys.argv[1]))
os.dup2(fd, 9)
os.execvp(sys.argv[2], sys.argv[2:])' "$@"
}
pidfd_ $canary "$JANUS" ${JANUS_OPTS:-} -p d.policy -- "$TRY" pidfd-send-fd 9 TERM </dev/null >pidfd.out 2>pidfd.err
echo $? >pidfd.rc
expect_ pidfd errno=EPERM
denied_ pidfd EPERM "$D" signal
canary_alive_ "pidfd_send_signal on an inherited pidfd"
pidfd_ $canary "$JANUS" ${JANUS_OPTS:-} -p d.policy -- "$TRY" pidfd-getfd-fd 9 1 </dev/null >getfd.out 2>getfd.err
echo $? >getfd.rc
expect_ getfd errno=EPERM
denied_ getfd EPERM "$D" signal
pidfd_ $canary "$TRY" pidfd-getfd-fd 9 1 >getfd.native.out 2>getfd.native.err
echo $? >getfd.native.rc
expect_ getfd.native ok
pidfd_ $canary "$TRY" pidfd-send-fd 9 TERM >pidfd.native.out 2>pidfd.native.err
echo $? >pidfd.native.rc
expect_ pidfd.native ok
exit 0
