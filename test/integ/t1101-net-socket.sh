#!/bin/sh
# Proves: socket rules are an allowlist of domain/type/protocol (protocol
# 0 of an inet stream socket is tcp; a deny rule refuses with its errno;
# what no rule names is refused with EACCES), and the default policy
# allows no network at all: no inet, inet6, raw, packet or netlink socket
# (unix sockets only), so a listener on the loopback interface outside the
# jail sees nothing of a jailed client.  As root every refused socket is
# created natively (positive control).  (test/policies/net-socket.policy)
. "$SRCDIR/test/lib/init.sh"
. "$SRCDIR/test/lib/policy.sh"
D='<default>'
policy_including_ p "$POLICIES/net-socket.policy"
policy_including_ d "$POLICIES/default-helpers.policy"
P=p.policy
root=; [ "$(id -u)" = 0 ] && root=y

ok_ tcp $P socket inet stream tcp
ok_ tcp0 $P socket inet stream 0
ok_ udp $P socket inet dgram udp
ok_ unixd $P socket unix dgram 0
no_ tcp6 $P EACCES "$D" socket inet6 stream tcp
no_ raw $P EPROTONOSUPPORT "$(rule_ "$POLICIES/net-socket.policy" 'deny socket inet raw')" socket inet raw icmp
no_ packet $P EACCES "$D" socket packet raw all
no_ netlink $P EACCES "$D" socket netlink raw 0
no_ unixs $P EACCES "$D" socket unix stream 0

# The default policy: unix sockets only.
for s in "unix stream 0" "unix dgram 0" "unix seqpacket 0"; do
	ok_ "d.$(echo $s | tr ' ' .)" d.policy socket $s
done
for s in "inet stream tcp" "inet dgram udp" "inet6 stream tcp" "inet6 dgram udp" \
	"inet raw icmp" "inet6 raw icmpv6" "packet raw all" "packet dgram all" "netlink raw 0"; do
	n=d.$(echo $s | tr ' ' .)
	no_ "$n" d.policy EACCES "$D" socket $s
	case $s in *raw*|packet*) [ -n "$root" ] || continue ;; esac
	native_ "$n" ok socket $s
done

# ... and nothing reaches a listener on the loopback interface.
listen_ tl stream 127.0.0.1:0
listen_ ul dgram 127.0.0.1:0
listen_ tl6 stream '[::1]:0'
jail_ d.c d.policy "$TRY" connect "127.0.0.1:$(port_ tl)" jailed
jail_ d.c6 d.policy "$TRY" connect "[::1]:$(port_ tl6)" jailed
jail_ d.u d.policy "$TRY" sendto "127.0.0.1:$(port_ ul)" jailed
for n in d.c d.c6 d.u; do
	[ "$(cat $n.out)" = "setup-failed socket errno=EACCES" ] || fail_ "$n: $(cat $n.out)"
done
probe_ tl connect "127.0.0.1:$(port_ tl)"
probe_ tl6 connect "[::1]:$(port_ tl6)"
probe_ ul sendto "127.0.0.1:$(port_ ul)"
reached_ tl jailed 0
reached_ tl6 jailed 0
reached_ ul jailed 0
exit 0
