#!/bin/sh
# Proves: connect rules decide where TCP goes, judged by listeners outside
# the jail (test/policies/net-connect.policy): connect to the allowed
# 127.0.0.1:P1 reaches its listener; to another port of the same host it
# fails with EACCES and that listener sees no connection; a CIDR rule
# (127.0.0.0/8) admits 127.0.0.2, and a deny rule inside it refuses
# 127.0.0.3 with its errno (ENETUNREACH); [::1] is matched as IPv6;
# IPv4-mapped IPv6 (::ffff:127.0.0.1) is judged as the IPv4 address both
# ways: it reaches the allowed port and is refused on the others, and a
# rule written mapped admits plain IPv4.  Each refused connection
# succeeds natively (positive control: the listener then sees it).
. "$SRCDIR/test/lib/init.sh"
. "$SRCDIR/test/lib/policy.sh"
N=$POLICIES/net-connect.policy
D='<default>'

# The kernel picks a free port for each address on its own: l2
# (127.0.0.1) may get the number of l3 or l4 (127.0.0.2, .3), and then the
# rule `127.0.0.0/8 port $P3,$P4` admits c2.  So every listener gets a
# port number no other one has.
# listen_apart_ NAME stream ADDR: listen_, again while the port is taken.
taken=
listen_apart_() {
	while :; do
		listen_ "$@"
		case " $taken " in
		*" $(port_ "$1") "*)
			kill "$!"	# listen_ started the listener last: $! is it
			wait "$!" 2>/dev/null
			rm -f "$1.port" ;;
		*)
			taken="$taken $(port_ "$1")"
			return ;;
		esac
	done
}
listen_apart_ l1 stream 127.0.0.1:0
listen_apart_ l2 stream 127.0.0.1:0
listen_apart_ l3 stream 127.0.0.2:0
listen_apart_ l4 stream 127.0.0.3:0
listen_apart_ l5 stream 127.0.0.2:0
listen_apart_ l6 stream '[::1]:0'
listen_apart_ l7 stream '[::1]:0'
policy_including_ p "$N" P1=$(port_ l1) P3=$(port_ l3) P4=$(port_ l4) \
	P5=$(port_ l5) P6=$(port_ l6) U1=0
P=p.policy

ok_ c1 $P connect "127.0.0.1:$(port_ l1)" jailed
no_ c2 $P EACCES "$D" connect "127.0.0.1:$(port_ l2)" jailed
ok_ c3 $P connect "127.0.0.2:$(port_ l3)" jailed
no_ c4 $P ENETUNREACH "$(rule_ "$N" 'deny connect 127.0.0.3')" connect "127.0.0.3:$(port_ l4)" jailed
ok_ c5 $P connect "127.0.0.2:$(port_ l5)" jailed
ok_ c6 $P connect "[::1]:$(port_ l6)" jailed
no_ c7 $P EACCES "$D" connect "[::1]:$(port_ l7)" jailed
ok_ m1 $P connect "[::ffff:127.0.0.1]:$(port_ l1)" mapped
no_ m2 $P EACCES "$D" connect "[::ffff:127.0.0.1]:$(port_ l2)" mapped
no_ m4 $P ENETUNREACH "$(rule_ "$N" 'deny connect 127.0.0.3')" connect "[::ffff:127.0.0.3]:$(port_ l4)" mapped
ok_ m5 $P connect "[::ffff:127.0.0.2]:$(port_ l5)" mapped
# Inside the CIDR rule, on its ports, with no listener there: the
# connection is allowed and the kernel answers.
ok_ cidr-port $P sendto "127.0.0.9:$(port_ l3)" x

for l in l1 l2 l3 l4 l5 l6 l7; do
	case $l in l6|l7) a='[::1]' ;; l3|l5) a=127.0.0.2 ;; l4) a=127.0.0.3 ;; *) a=127.0.0.1 ;; esac
	probe_ $l connect "$a:$(port_ $l)"
done
reached_ l1 jailed 1
reached_ l1 mapped 1
reached_ l2 jailed 0
reached_ l2 mapped 0
reached_ l3 jailed 1
reached_ l4 jailed 0
reached_ l4 mapped 0
reached_ l5 jailed 1
reached_ l5 mapped 1
reached_ l6 jailed 1
reached_ l7 jailed 0

# Positive controls: natively the refused connections get through.
native_ c2 ok connect "127.0.0.1:$(port_ l2)" native
native_ c4 ok connect "127.0.0.3:$(port_ l4)" native
native_ c7 ok connect "[::1]:$(port_ l7)" native
native_ m2 ok connect "[::ffff:127.0.0.1]:$(port_ l2)" native
for l in l2 l4 l7; do wait_line_ $l.log "data=native "; done
exit 0
