#!/bin/sh
# Proves: the default policy's socket option rules: SO_BINDTODEVICE,
# SO_BINDTOIFINDEX, IP_HDRINCL, SO_DEBUG, IP_OPTIONS, IP_PKTINFO,
# SO_PASSCRED, SO_REUSEPORT and SO_MARK are refused with EPERM and
# reported with the rule's file:line, in setsockopt and getsockopt alike,
# while ordinary options (SO_REUSEADDR, SO_KEEPALIVE, IP_TTL)
# are allowed.  As root every refused option is set natively (positive
# control).  Inet sockets come from test/policies/default-inet.policy,
# which adds only the socket rules to the default policy.
. "$SRCDIR/test/lib/init.sh"
. "$SRCDIR/test/lib/policy.sh"
policy_including_ d "$POLICIES/default-helpers.policy"
policy_including_ i "$POLICIES/default-inet.policy"
[ "$(id -u)" = 0 ] || skip_ "the positive controls (SO_DEBUG, IP_HDRINCL ...) need root"
r_() { rule_ "$DEFAULT_POLICY" "$1"; }
dev=$(r_ 'deny sockopt SO_BINDTODEVICE')
dbg=$(r_ 'deny sockopt SO_DEBUG')
cred=$(r_ 'deny sockopt SO_PASSCRED')
mark=$(r_ 'deny sockopt SO_MARK')

# refused_ POLICY SOCK OPTION RULE
refused_() {
	n=$1.$2.$3
	no_ "$n" "$1.policy" EPERM "$4" setsockopt "$2" "$3"
	native_ "$n" ok setsockopt "$2" "$3"
}
refused_ d unix SO_DEBUG "$dbg"
refused_ d unix SO_BINDTODEVICE "$dev"
refused_ d unix SO_PASSCRED "$cred"
refused_ d unix SO_MARK "$mark"
refused_ i udp SO_BINDTODEVICE "$dev"
refused_ i udp SO_BINDTOIFINDEX "$dev"
refused_ i raw IP_HDRINCL "$dev"
refused_ i udp IP_OPTIONS "$dbg"
refused_ i udp IP_PKTINFO "$dbg"
refused_ i udp SO_REUSEPORT "$cred"
no_ get.debug d.policy EPERM "$dbg" getsockopt unix SO_DEBUG
no_ get.hdrincl i.policy EPERM "$dev" getsockopt raw IP_HDRINCL

ok_ reuseaddr d.policy setsockopt unix SO_REUSEADDR
ok_ keepalive i.policy setsockopt udp SO_KEEPALIVE
ok_ ttl i.policy setsockopt udp IP_TTL
ok_ getttl i.policy getsockopt udp IP_TTL
exit 0
