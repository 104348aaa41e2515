#!/bin/sh
# Proves: fd and credential passing (review: "Beware the ability to pass
# file descriptors across Unix domain sockets"): under the default policy
# sendmsg with SCM_RIGHTS or SCM_CREDENTIALS fails with EPERM, reported
# with the `deny cmsg` rule, to a receiver outside the jail (which gets
# neither the message nor a descriptor) and over a socketpair; a policy
# with `allow cmsg` passes them (the receiver gets the descriptor), and
# natively they pass (positive control).
. "$SRCDIR/test/lib/init.sh"
. "$SRCDIR/test/lib/policy.sh"
policy_including_ d "$POLICIES/default-helpers.policy"
policy_including_ c "$POLICIES/net-cmsg.policy"
R=$(rule_ "$DEFAULT_POLICY" 'deny cmsg SCM_RIGHTS')
S=unix:$T/rcv.sock

listen_ rcv stream "$S"
no_ rights d.policy EPERM "$R" sendmsg-rights "$S"
no_ creds d.policy EPERM "$R" sendmsg-creds "$S"
no_ pair-rights d.policy EPERM "$R" sendmsg-rights
no_ pair-creds d.policy EPERM "$R" sendmsg-creds
probe_ rcv connect "$S"
reached_ rcv x 0
! grep -q 'fds=[1-9]' rcv.log || { cat rcv.log >&2; fail_ "a descriptor reached the receiver"; }

ok_ rights.ok c.policy sendmsg-rights "$S"
wait_line_ rcv.log "data=x fds=1 "
ok_ creds.ok c.policy sendmsg-creds "$S"
wait_line_ rcv.log "data=x fds=0 "
reached_ rcv x 2
ok_ pair-rights.ok c.policy sendmsg-rights
native_ rights ok sendmsg-rights "$S"
native_ creds ok sendmsg-creds "$S"
native_ pair-rights ok sendmsg-rights
exit 0
