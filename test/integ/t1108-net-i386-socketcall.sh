#!/bin/sh
# Proves: on i386, connect through socketcall(2) (SYS_SOCKET, then
# SYS_CONNECT) is judged exactly as connect(2) (janus-policy(5), "The same
# on every ABI"): under test/policies/net-connect.policy the allowed
# 127.0.0.1:P1 is reached, another port is refused with EACCES, reported
# as the connect sub-call of an i386 process, and its listener sees no
# connection; natively it connects (positive control).  Skips, saying
# why, where i386 programs cannot run.
. "$SRCDIR/test/lib/init.sh"
. "$SRCDIR/test/lib/policy.sh"
require_i386_helper_ try-m32
TRY32=$HELPERS/try-m32
D='<default>'

listen_ l1 stream 127.0.0.1:0
listen_ l2 stream 127.0.0.1:0
policy_including_ p "$POLICIES/net-connect.policy" P1=$(port_ l1) P3=0 P4=0 P5=0 P6=0 U1=0

jail_ ok p.policy "$TRY32" socketcall-connect "127.0.0.1:$(port_ l1)"
expect_ ok ok
jail_ no p.policy "$TRY32" socketcall-connect "127.0.0.1:$(port_ l2)"
expect_ no errno=EACCES
denied_ no EACCES "$D" connect
grep -q '^janus: denied pid [0-9]* ([^)]*) \[i386\] connect: ' no.err ||
	{ cat no.err >&2; fail_ "the refusal is not reported as i386 socketcall's connect"; }
probe_ l1 connect "127.0.0.1:$(port_ l1)"
probe_ l2 connect "127.0.0.1:$(port_ l2)"
[ "$(grep -c '^conn ' l1.log)" = 2 ] || { cat l1.log >&2; fail_ "the allowed socketcall connect did not arrive"; }
[ "$(grep -c '^conn ' l2.log)" = 1 ] || { cat l2.log >&2; fail_ "the refused socketcall connect arrived"; }

run_native_ nat "$TRY32" socketcall-connect "127.0.0.1:$(port_ l2)"
expect_ nat ok
exit 0
