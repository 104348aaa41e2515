#!/bin/sh
# Proves: under the default policy a program may confine itself with a
# seccomp filter of its own, installed with seccomp(2) or with
# prctl(PR_SET_SECCOMP), and the filter is in force (it answers uname()
# with ENOTTY); but a filter with a user-notification listener
# (SECCOMP_FILTER_FLAG_NEW_LISTENER), which would let a sibling decide
# calls beside janus, is refused with EPERM whatever the policy says
# (reported as <fixed>, even under allow-all).  Natively all three
# succeed (positive control).
. "$SRCDIR/test/lib/init.sh"
. "$SRCDIR/test/lib/policy.sh"
policy_including_ d "$POLICIES/default-helpers.policy"
policy_including_ a "$SRCDIR/policy/policies/allow-all.policy"
F='<fixed>'

ok_ seccomp.syscall d.policy seccomp syscall
ok_ seccomp.prctl d.policy seccomp prctl
no_ seccomp.listener d.policy EPERM "$F" seccomp listener
no_ seccomp.listener.all a.policy EPERM "$F" seccomp listener
native_ seccomp.syscall ok seccomp syscall
native_ seccomp.prctl ok seccomp prctl
native_ seccomp.listener ok seccomp listener
exit 0
