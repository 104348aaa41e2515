#!/bin/sh
# Proves: the seccomp prefilter (on unless --no-prefilter) changes no
# verdict.
# 1. With -q, a call the policy refuses whatever its arguments fails
#    inside the kernel with the errno the policy names (EIO, which the
#    kernel never gives syslog) and nothing is reported; without -q the
#    call still stops, so it is reported with its rule; with
#    --no-prefilter the same.  Natively syslog does not fail with EIO.
# 2. The fs, connect, signal and seccomp policy tests (t1001, t1102,
#    t1301, t1403) pass again with every janus run under --no-prefilter,
#    where every call stops: the filter only decides earlier what the
#    policy decides anyway.  (Every other test runs with the filter.)
. "$SRCDIR/test/lib/init.sh"
. "$SRCDIR/test/lib/policy.sh"
policy_including_ p "$POLICIES/base.policy"
printf 'deny syscall syslog errno EIO\n' >>p.policy
L=$(grep -n 'errno EIO' p.policy | cut -d: -f1)

JANUS_OPTS=-q jail_ q p.policy "$TRY" syslog
expect_ q errno=EIO
[ ! -s q.err ] || { cat q.err >&2; fail_ "-q: something was reported"; }
jail_ r p.policy "$TRY" syslog
expect_ r errno=EIO
denied_ r EIO "p.policy:$L"
JANUS_OPTS='-q --no-prefilter' jail_ n p.policy "$TRY" syslog
expect_ n errno=EIO
native_not_ syslog EIO syslog

for t in t1001-fs-access t1102-net-connect t1301-signals t1403-own-seccomp; do
	JANUS_OPTS=--no-prefilter /bin/sh "$SRCDIR/test/integ/$t.sh" >"$t.log" 2>&1
	rc=$?
	[ $rc = 0 ] || { cat "$t.log" >&2; fail_ "$t with --no-prefilter: exit $rc"; }
done
exit 0
