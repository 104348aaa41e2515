#!/bin/sh
# Proves: fs patterns match as janus-policy(5) says: * within a component
# (leading dot included), ** across zero or more components, ?, [set],
# [!set], \* literally; a deny rule beats an allow rule in either order,
# refuses with the errno it names (the last matching deny's), is reported
# with its file:line, and only refuses the accesses it names.
# (test/policies/fs-globs.policy; every refused read succeeds natively.)
. "$SRCDIR/test/lib/init.sh"
. "$SRCDIR/test/lib/policy.sh"
policy_including_ p "$POLICIES/fs-globs.policy"
P=p.policy
D='<default>'
G=$POLICIES/fs-globs.policy

mkdir -p star/sub deep/a/b q set esc mixed || framework_failure_ mkdir
for f in star/a.txt star/.h.txt star/a.txt.bak star/sub/a.txt deep/ok deep/a/b/ok \
	deep/a/notok q/file1 q/file q/file12 set/ax set/bx set/cx set/cy set/ay \
	'esc/*' esc/x mixed/plain mixed/secret1 mixed/secret2 mixed/wonly; do
	echo orig >"$f" || framework_failure_ "cannot create $f"
done

# yes_ FILE... / nay_ FILE...: reading each is allowed / refused (EACCES, no rule).
yes_() { for y_ in "$@"; do ok_ "r.$(echo "$y_" | tr '/*' '__')" $P read "$T/$y_"; done; }
nay_() {
	for n_ in "$@"; do
		nm_=r.$(echo "$n_" | tr '/*' '__')
		no_ "$nm_" $P EACCES "$D" read "$T/$n_"
		native_ "$nm_" ok read "$T/$n_"
	done
}

yes_ star/a.txt star/.h.txt
nay_ star/a.txt.bak star/sub/a.txt
yes_ deep/ok deep/a/b/ok
nay_ deep/a/notok
yes_ q/file1
nay_ q/file q/file12
yes_ set/ax set/bx set/cy
nay_ set/cx set/ay
yes_ 'esc/*'
nay_ esc/x

# deny beats allow; custom errnos; reported rule
ok_ plain $P read "$T/mixed/plain"
no_ secret1 $P EXDEV "$(rule_ "$G" 'secret* errno EXDEV')" read "$T/mixed/secret1"
native_ secret1 ok read "$T/mixed/secret1"
no_ secret2 $P ENOTTY "$(rule_ "$G" 'secret2 errno ENOTTY')" read "$T/mixed/secret2"
no_ secret2.w $P ENOTTY "$(rule_ "$G" 'secret2 errno ENOTTY')" write "$T/mixed/secret2" new
[ "$(cat mixed/secret2)" = orig ] || fail_ "refused write changed mixed/secret2"
ok_ wonly.r $P read "$T/mixed/wonly"
no_ wonly.w $P EROFS "$(rule_ "$G" 'wonly errno EROFS')" write "$T/mixed/wonly" new
[ "$(cat mixed/wonly)" = orig ] || fail_ "refused write changed mixed/wonly"
ok_ plain.w $P write "$T/mixed/plain" new
[ "$(cat mixed/plain)" = new ] || fail_ "allowed write did not write"
exit 0
