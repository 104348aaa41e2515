#!/bin/sh
# Proves: connect rules also govern where datagrams go, whatever call
# carries the address: sendto, sendmsg (its msg_name) and sendmmsg to the
# allowed UDP destination reach its receiver outside the jail; to another
# port they fail with EACCES and the receiver gets nothing (a native probe
# sent afterwards arrives alone), also written as IPv4-mapped IPv6;
# sendmsg without an address on a connected socket passes; a sendmmsg
# whose second message goes to the refused port is refused whole (its
# first message, to the allowed port, is not sent either).  Natively the
# refused sends arrive (positive control).
. "$SRCDIR/test/lib/init.sh"
. "$SRCDIR/test/lib/policy.sh"
D='<default>'

listen_ u1 dgram 127.0.0.1:0
listen_ u2 dgram 127.0.0.1:0
policy_including_ p "$POLICIES/net-connect.policy" P1=0 P3=0 P4=0 P5=0 P6=0 U1=$(port_ u1)
P=p.policy
a1=127.0.0.1:$(port_ u1) a2=127.0.0.1:$(port_ u2)

for op in sendto sendmsg sendmmsg; do
	ok_ $op.ok $P $op "$a1" "jailed-$op"
	no_ $op.no $P EACCES "$D" $op "$a2" "jailed-$op"
	no_ $op.mapped $P EACCES "$D" $op "[::ffff:127.0.0.1]:$(port_ u2)" "jailed-$op"
done
ok_ mapped.ok $P sendto "[::ffff:127.0.0.1]:$(port_ u1)" jailed-mapped
ok_ noname $P sendmsg-noname hello
no_ mmsg2 $P EACCES "$D" sendmmsg2 "$a1" "$a2" jailed-mmsg2
no_ mmsg2r $P EACCES "$D" sendmmsg2 "$a2" "$a1" jailed-mmsg2
# The report names the refused message's address, not only the call.
for r in mmsg2 mmsg2r; do
	grep -q "sendmmsg(.*-> EACCES (connect $a2;" $r.err || fail_ "$r: report: $(cat $r.err)"
done

probe_ u1 sendto "$a1"
probe_ u2 sendto "$a2"
for op in sendto sendmsg sendmmsg; do
	reached_ u1 "jailed-$op" 1
	reached_ u2 "jailed-$op" 0
done
reached_ u1 jailed-mapped 1
reached_ u1 jailed-mmsg2 0
reached_ u2 jailed-mmsg2 0

for op in sendto sendmsg sendmmsg; do native_ $op ok $op "$a2" "native-$op"; done
for op in sendto sendmsg sendmmsg; do wait_line_ u2.log "data=native-$op "; done
exit 0
