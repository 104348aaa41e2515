#!/bin/sh
# Proves: rule precedence of janus-policy(5), SEMANTICS: a rule naming a
# syscall beats a rule naming a @group containing it (in either order),
# which beats `default`; among rules of equal specificity the last one
# read wins, so a policy that includes a base policy overrides it
# (test/policies/prec-base.policy, prec-override.policy): a named rule
# reopens getcwd, a later group rule changes the errno of the group, a
# later `default` changes the default; but for typed rules deny beats
# allow, so the override cannot reopen the base's `deny fs`.  Each
# refusal names the deciding rule; refused mkdir made no directory.
. "$SRCDIR/test/lib/init.sh"
. "$SRCDIR/test/lib/policy.sh"
policy_including_ b "$POLICIES/prec-base.policy"
policy_including_ o "$POLICIES/prec-override.policy"
PB=$POLICIES/prec-base.policy PO=$POLICIES/prec-override.policy
echo secret >secret && echo plain >plain || framework_failure_ "cannot write files"

# The base policy.
ok_ b.uname b.policy uname
no_ b.sysfs b.policy EIO "$(rule_ "$PB" '@info errno EIO')" sysfs
no_ b.statfs b.policy EIO "$(rule_ "$PB" '@info errno EIO')" statfs "$T"
no_ b.getcwd b.policy ENOTTY "$(rule_ "$PB" 'getcwd errno ENOTTY')" getcwd
no_ b.mkdir b.policy EROFS "$(rule_ "$PB" 'mkdir errno EROFS')" mkdir "$T/d"
[ ! -e d ] || fail_ "refused mkdir made a directory"
no_ b.acct b.policy ENOSYS "$(rule_ "$POLICIES/base.policy" 'default deny errno ENOSYS')" acct "$T/missing"
no_ b.secret b.policy EXDEV "$(rule_ "$PB" 'deny fs read $CWD/secret')" read "$T/secret"
ok_ b.plain b.policy read "$T/plain"

# The override.
ok_ o.uname o.policy uname
ok_ o.getcwd o.policy getcwd
no_ o.sysfs o.policy ENOLINK "$(rule_ "$PO" '@info errno ENOLINK')" sysfs
no_ o.statfs o.policy ENOLINK "$(rule_ "$PO" '@info errno ENOLINK')" statfs "$T"
no_ o.mkdir o.policy EROFS "$(rule_ "$PB" 'mkdir errno EROFS')" mkdir "$T/d"
[ ! -e d ] || fail_ "refused mkdir made a directory"
no_ o.acct o.policy EOPNOTSUPP "$(rule_ "$PO" 'default deny errno EOPNOTSUPP')" acct "$T/missing"
no_ o.secret o.policy EXDEV "$(rule_ "$PB" 'deny fs read $CWD/secret')" read "$T/secret"
ok_ o.plain o.policy read "$T/plain"
native_ getcwd ok getcwd
native_ secret ok read "$T/secret"
exit 0
