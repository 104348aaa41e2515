#!/bin/sh
# Proves: the default policy's fcntl rules (review: "F_SETOWN may give a
# backdoor way to send signals to processes outside the jail"): F_GETFL,
# F_SETFL, F_GETFD, F_SETFD, F_DUPFD, F_GETOWN are allowed; F_SETOWN,
# F_SETOWN_EX and F_SETSIG are refused with EPERM and reported with the
# rule.  From outside: a jailed program that makes a canary process the
# owner of an O_ASYNC pipe and writes to it leaves the canary alive,
# while natively the same steps kill it with SIGIO (positive control).
. "$SRCDIR/test/lib/init.sh"
. "$SRCDIR/test/lib/policy.sh"
policy_including_ d "$POLICIES/default-helpers.policy"
R=$(rule_ "$DEFAULT_POLICY" 'deny fcntl F_SETOWN F_SETOWN_EX F_SETSIG')

for c in F_GETFL F_SETFL F_GETFD F_SETFD F_DUPFD F_GETOWN; do
	ok_ $c d.policy fcntl $c
done
for c in F_SETOWN F_SETOWN_EX F_SETSIG; do
	no_ $c d.policy EPERM "$R" fcntl $c
	native_ $c ok fcntl $c
done

for how in setown setown_ex; do
	canary_
	no_ sigio.$how d.policy EPERM "$R" fcntl-sigio $canary $how
	sleep 0.2
	canary_alive_ "fcntl-sigio $how"
	native_ sigio.$how ok fcntl-sigio $canary $how
	wait $canary 2>/dev/null
	st=$?
	[ $st -gt 128 ] && [ "$(kill -l $((st - 128)))" = IO ] || fail_ "natively the canary did not die of SIGIO ($how): status $st"
done
exit 0
