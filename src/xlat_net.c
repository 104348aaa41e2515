/* xlat_net.c - names of socket constants: families, types, levels,
 * options, message flags, control-message types, socketcall sub-calls. */
#include "config.h"

#include <inttypes.h>
#include <linux/net.h>		/* SYS_SOCKET ...: socketcall(2) sub-calls */
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <netinet/udp.h>
#include <sys/socket.h>

#include "xlat.h"

/* The socket calls take these as int: only the low 32 bits reach the
 * kernel, and only those are looked up. */
static void put_int_val(struct strbuf *sb, const struct xlat *x, uint64_t v, const char *unknown)
{
	xlat_put_val(sb, x, v & 0xffffffffu, unknown);
}

/* AF_LOCAL and AF_ROUTE are aliases of AF_UNIX and AF_NETLINK. */
static const struct xlat domains[] = {
	XLAT(AF_UNSPEC), XLAT(AF_UNIX), XLAT(AF_INET), XLAT(AF_AX25),
	XLAT(AF_IPX), XLAT(AF_APPLETALK), XLAT(AF_NETROM), XLAT(AF_BRIDGE),
	XLAT(AF_ATMPVC), XLAT(AF_X25), XLAT(AF_INET6), XLAT(AF_ROSE),
	XLAT(AF_DECnet), XLAT(AF_NETBEUI), XLAT(AF_SECURITY), XLAT(AF_KEY),
	XLAT(AF_NETLINK), XLAT(AF_PACKET), XLAT(AF_ASH), XLAT(AF_ECONET),
	XLAT(AF_ATMSVC), XLAT(AF_RDS), XLAT(AF_SNA), XLAT(AF_IRDA),
	XLAT(AF_PPPOX), XLAT(AF_WANPIPE), XLAT(AF_LLC), XLAT(AF_IB),
	XLAT(AF_MPLS), XLAT(AF_CAN), XLAT(AF_TIPC), XLAT(AF_BLUETOOTH),
	XLAT(AF_IUCV), XLAT(AF_RXRPC), XLAT(AF_ISDN), XLAT(AF_PHONET),
	XLAT(AF_IEEE802154), XLAT(AF_CAIF), XLAT(AF_ALG), XLAT(AF_NFC),
	XLAT(AF_VSOCK), XLAT(AF_KCM), XLAT(AF_QIPCRTR), XLAT(AF_SMC),
	XLAT(AF_XDP),
#ifdef AF_MCTP
	XLAT(AF_MCTP),
#endif
	XLAT_END
};

const char *xlat_sock_domain_name(uint64_t domain)
{
	return xlat_name(domains, domain);
}

void xlat_put_sock_domain(struct strbuf *sb, uint64_t domain)
{
	put_int_val(sb, domains, domain, "AF_???");
}

static const struct xlat sock_types[] = {
	XLAT(SOCK_STREAM), XLAT(SOCK_DGRAM), XLAT(SOCK_RAW), XLAT(SOCK_RDM),
	XLAT(SOCK_SEQPACKET), XLAT(SOCK_DCCP), XLAT(SOCK_PACKET),
	XLAT_END
};

static const struct xlat sock_type_flags[] = {
	XLAT(SOCK_NONBLOCK), XLAT(SOCK_CLOEXEC),
	XLAT_END
};

/* The kernel's SOCK_TYPE_MASK (include/linux/net.h) is not exported to
 * userspace headers: the type is the low four bits. */
#define SOCK_TYPE_BITS 0xfu

void xlat_put_sock_type(struct strbuf *sb, uint64_t type)
{
	type &= 0xffffffffu;
	if (!type) {
		sb_putc(sb, '0');
		return;
	}
	uint64_t base = type & SOCK_TYPE_BITS;
	uint64_t flags = type & (SOCK_NONBLOCK | SOCK_CLOEXEC);
	uint64_t rest = type & ~(SOCK_TYPE_BITS | flags);
	const char *sep = "";
	/* accept4() passes the flags alone: no type to show then. */
	if (base || !flags) {
		xlat_put_val(sb, sock_types, base, "SOCK_???");
		sep = "|";
	}
	if (flags) {
		sb_puts(sb, sep);
		xlat_put_flags(sb, sock_type_flags, flags, NULL);
		sep = "|";
	}
	if (rest)
		sb_printf(sb, "%s%#" PRIx64 " /* SOCK_??? */", sep, rest);
}

/* strace names protocol levels SOL_IP, SOL_TCP ... where glibc has a
 * SOL_ name, and IPPROTO_ otherwise; SOL_ entries come first to win. */
static const struct xlat levels[] = {
	XLAT(SOL_SOCKET), XLAT(SOL_IP), XLAT(SOL_TCP), XLAT(SOL_UDP),
	XLAT(SOL_IPV6), XLAT(SOL_ICMPV6), XLAT(SOL_RAW), XLAT(SOL_DECNET),
	XLAT(SOL_X25), XLAT(SOL_PACKET), XLAT(SOL_ATM), XLAT(SOL_AAL),
	XLAT(SOL_IRDA), XLAT(SOL_NETBEUI), XLAT(SOL_LLC), XLAT(SOL_DCCP),
	XLAT(SOL_NETLINK), XLAT(SOL_TIPC), XLAT(SOL_RXRPC), XLAT(SOL_PPPOL2TP),
	XLAT(SOL_BLUETOOTH), XLAT(SOL_PNPIPE), XLAT(SOL_RDS), XLAT(SOL_IUCV),
	XLAT(SOL_CAIF), XLAT(SOL_ALG), XLAT(SOL_NFC), XLAT(SOL_KCM),
	XLAT(SOL_TLS),
#ifdef SOL_XDP
	XLAT(SOL_XDP),
#endif
#ifdef SOL_MPTCP
	XLAT(SOL_MPTCP),
#endif
#ifdef SOL_MCTP
	XLAT(SOL_MCTP),
#endif
#ifdef SOL_SMC
	XLAT(SOL_SMC),
#endif
	XLAT(IPPROTO_ICMP), XLAT(IPPROTO_IGMP), XLAT(IPPROTO_IPIP),
	XLAT(IPPROTO_EGP), XLAT(IPPROTO_PUP), XLAT(IPPROTO_IDP), XLAT(IPPROTO_TP),
	XLAT(IPPROTO_RSVP), XLAT(IPPROTO_GRE), XLAT(IPPROTO_ESP), XLAT(IPPROTO_AH),
	XLAT(IPPROTO_MTP), XLAT(IPPROTO_BEETPH), XLAT(IPPROTO_ENCAP),
	XLAT(IPPROTO_PIM), XLAT(IPPROTO_COMP), XLAT(IPPROTO_SCTP),
	XLAT(IPPROTO_UDPLITE), XLAT(IPPROTO_MPLS),
#ifdef IPPROTO_ETHERNET
	XLAT(IPPROTO_ETHERNET),
#endif
	XLAT_END
};

void xlat_put_sock_level(struct strbuf *sb, uint64_t level)
{
	put_int_val(sb, levels, level, "SOL_???");
}

/* The _OLD and _NEW pairs are the 32- and 64-bit time_t variants; the
 * plain glibc names pick one of them per build. */
static const struct xlat so_options[] = {
	XLAT(SO_DEBUG), XLAT(SO_REUSEADDR), XLAT(SO_TYPE), XLAT(SO_ERROR),
	XLAT(SO_DONTROUTE), XLAT(SO_BROADCAST), XLAT(SO_SNDBUF), XLAT(SO_RCVBUF),
	XLAT(SO_SNDBUFFORCE), XLAT(SO_RCVBUFFORCE), XLAT(SO_KEEPALIVE),
	XLAT(SO_OOBINLINE), XLAT(SO_NO_CHECK), XLAT(SO_PRIORITY), XLAT(SO_LINGER),
	XLAT(SO_BSDCOMPAT), XLAT(SO_REUSEPORT), XLAT(SO_PASSCRED),
	XLAT(SO_PEERCRED), XLAT(SO_RCVLOWAT), XLAT(SO_SNDLOWAT),
#ifdef SO_RCVTIMEO_OLD
	XLAT(SO_RCVTIMEO_OLD), XLAT(SO_SNDTIMEO_OLD), XLAT(SO_TIMESTAMP_OLD),
	XLAT(SO_TIMESTAMPNS_OLD), XLAT(SO_TIMESTAMPING_OLD),
	XLAT(SO_RCVTIMEO_NEW), XLAT(SO_SNDTIMEO_NEW), XLAT(SO_TIMESTAMP_NEW),
	XLAT(SO_TIMESTAMPNS_NEW), XLAT(SO_TIMESTAMPING_NEW),
#else
	XLAT(SO_RCVTIMEO), XLAT(SO_SNDTIMEO), XLAT(SO_TIMESTAMP),
	XLAT(SO_TIMESTAMPNS), XLAT(SO_TIMESTAMPING),
#endif
	XLAT(SO_SECURITY_AUTHENTICATION), XLAT(SO_SECURITY_ENCRYPTION_TRANSPORT),
	XLAT(SO_SECURITY_ENCRYPTION_NETWORK), XLAT(SO_BINDTODEVICE),
	XLAT(SO_ATTACH_FILTER), XLAT(SO_DETACH_FILTER), XLAT(SO_PEERNAME),
	XLAT(SO_ACCEPTCONN), XLAT(SO_PEERSEC), XLAT(SO_PASSSEC), XLAT(SO_MARK),
	XLAT(SO_PROTOCOL), XLAT(SO_DOMAIN), XLAT(SO_RXQ_OVFL),
	XLAT(SO_WIFI_STATUS), XLAT(SO_PEEK_OFF), XLAT(SO_NOFCS),
	XLAT(SO_LOCK_FILTER), XLAT(SO_SELECT_ERR_QUEUE), XLAT(SO_BUSY_POLL),
	XLAT(SO_MAX_PACING_RATE), XLAT(SO_BPF_EXTENSIONS), XLAT(SO_INCOMING_CPU),
	XLAT(SO_ATTACH_BPF), XLAT(SO_ATTACH_REUSEPORT_CBPF),
	XLAT(SO_ATTACH_REUSEPORT_EBPF), XLAT(SO_CNX_ADVICE), XLAT(SO_MEMINFO),
	XLAT(SO_INCOMING_NAPI_ID), XLAT(SO_COOKIE), XLAT(SO_PEERGROUPS),
	XLAT(SO_ZEROCOPY), XLAT(SO_TXTIME), XLAT(SO_BINDTOIFINDEX),
#ifdef SO_DETACH_REUSEPORT_BPF
	XLAT(SO_DETACH_REUSEPORT_BPF),
#endif
#ifdef SO_PREFER_BUSY_POLL
	XLAT(SO_PREFER_BUSY_POLL), XLAT(SO_BUSY_POLL_BUDGET),
#endif
#ifdef SO_NETNS_COOKIE
	XLAT(SO_NETNS_COOKIE),
#endif
#ifdef SO_BUF_LOCK
	XLAT(SO_BUF_LOCK),
#endif
#ifdef SO_RESERVE_MEM
	XLAT(SO_RESERVE_MEM),
#endif
#ifdef SO_TXREHASH
	XLAT(SO_TXREHASH),
#endif
#ifdef SO_RCVMARK
	XLAT(SO_RCVMARK),
#endif
	XLAT_END
};

static const struct xlat ip_options[] = {
	XLAT(IP_TOS), XLAT(IP_TTL), XLAT(IP_HDRINCL), XLAT(IP_OPTIONS),
	XLAT(IP_ROUTER_ALERT), XLAT(IP_RECVOPTS), XLAT(IP_RETOPTS),
	XLAT(IP_PKTINFO), XLAT(IP_PKTOPTIONS), XLAT(IP_MTU_DISCOVER),
	XLAT(IP_RECVERR), XLAT(IP_RECVTTL), XLAT(IP_RECVTOS), XLAT(IP_MTU),
	XLAT(IP_FREEBIND), XLAT(IP_IPSEC_POLICY), XLAT(IP_XFRM_POLICY),
	XLAT(IP_PASSSEC), XLAT(IP_TRANSPARENT), XLAT(IP_ORIGDSTADDR),
	XLAT(IP_MINTTL), XLAT(IP_NODEFRAG), XLAT(IP_CHECKSUM),
	XLAT(IP_BIND_ADDRESS_NO_PORT), XLAT(IP_RECVFRAGSIZE),
	XLAT(IP_MULTICAST_IF), XLAT(IP_MULTICAST_TTL), XLAT(IP_MULTICAST_LOOP),
	XLAT(IP_ADD_MEMBERSHIP), XLAT(IP_DROP_MEMBERSHIP),
	XLAT(IP_UNBLOCK_SOURCE), XLAT(IP_BLOCK_SOURCE),
	XLAT(IP_ADD_SOURCE_MEMBERSHIP), XLAT(IP_DROP_SOURCE_MEMBERSHIP),
	XLAT(IP_MSFILTER), XLAT(IP_MULTICAST_ALL), XLAT(IP_UNICAST_IF),
	XLAT_END
};

static const struct xlat ipv6_options[] = {
	XLAT(IPV6_ADDRFORM), XLAT(IPV6_2292PKTINFO), XLAT(IPV6_2292HOPOPTS),
	XLAT(IPV6_2292DSTOPTS), XLAT(IPV6_2292RTHDR), XLAT(IPV6_2292PKTOPTIONS),
	XLAT(IPV6_CHECKSUM), XLAT(IPV6_2292HOPLIMIT), XLAT(IPV6_NEXTHOP),
	XLAT(IPV6_AUTHHDR), XLAT(IPV6_UNICAST_HOPS), XLAT(IPV6_MULTICAST_IF),
	XLAT(IPV6_MULTICAST_HOPS), XLAT(IPV6_MULTICAST_LOOP),
	XLAT(IPV6_JOIN_GROUP), XLAT(IPV6_LEAVE_GROUP), XLAT(IPV6_ROUTER_ALERT),
	XLAT(IPV6_MTU_DISCOVER), XLAT(IPV6_MTU), XLAT(IPV6_RECVERR),
	XLAT(IPV6_V6ONLY), XLAT(IPV6_JOIN_ANYCAST), XLAT(IPV6_LEAVE_ANYCAST),
	XLAT(IPV6_IPSEC_POLICY), XLAT(IPV6_XFRM_POLICY), XLAT(IPV6_HDRINCL),
	XLAT(IPV6_RECVPKTINFO), XLAT(IPV6_PKTINFO), XLAT(IPV6_RECVHOPLIMIT),
	XLAT(IPV6_HOPLIMIT), XLAT(IPV6_RECVHOPOPTS), XLAT(IPV6_HOPOPTS),
	XLAT(IPV6_RTHDRDSTOPTS), XLAT(IPV6_RECVRTHDR), XLAT(IPV6_RTHDR),
	XLAT(IPV6_RECVDSTOPTS), XLAT(IPV6_DSTOPTS), XLAT(IPV6_RECVPATHMTU),
	XLAT(IPV6_PATHMTU), XLAT(IPV6_DONTFRAG), XLAT(IPV6_RECVTCLASS),
	XLAT(IPV6_TCLASS), XLAT(IPV6_AUTOFLOWLABEL), XLAT(IPV6_ADDR_PREFERENCES),
	XLAT(IPV6_MINHOPCOUNT), XLAT(IPV6_ORIGDSTADDR), XLAT(IPV6_TRANSPARENT),
	XLAT(IPV6_UNICAST_IF), XLAT(IPV6_RECVFRAGSIZE), XLAT(IPV6_FREEBIND),
	XLAT_END
};

static const struct xlat tcp_options[] = {
	XLAT(TCP_NODELAY), XLAT(TCP_MAXSEG), XLAT(TCP_CORK), XLAT(TCP_KEEPIDLE),
	XLAT(TCP_KEEPINTVL), XLAT(TCP_KEEPCNT), XLAT(TCP_SYNCNT),
	XLAT(TCP_LINGER2), XLAT(TCP_DEFER_ACCEPT), XLAT(TCP_WINDOW_CLAMP),
	XLAT(TCP_INFO), XLAT(TCP_QUICKACK), XLAT(TCP_CONGESTION),
	XLAT(TCP_MD5SIG), XLAT(TCP_THIN_LINEAR_TIMEOUTS), XLAT(TCP_THIN_DUPACK),
	XLAT(TCP_USER_TIMEOUT), XLAT(TCP_REPAIR), XLAT(TCP_REPAIR_QUEUE),
	XLAT(TCP_QUEUE_SEQ), XLAT(TCP_REPAIR_OPTIONS), XLAT(TCP_FASTOPEN),
	XLAT(TCP_TIMESTAMP), XLAT(TCP_NOTSENT_LOWAT), XLAT(TCP_CC_INFO),
	XLAT(TCP_SAVE_SYN), XLAT(TCP_SAVED_SYN), XLAT(TCP_REPAIR_WINDOW),
	XLAT(TCP_FASTOPEN_CONNECT), XLAT(TCP_ULP), XLAT(TCP_MD5SIG_EXT),
	XLAT(TCP_FASTOPEN_KEY), XLAT(TCP_FASTOPEN_NO_COOKIE),
	XLAT(TCP_ZEROCOPY_RECEIVE), XLAT(TCP_INQ), XLAT(TCP_TX_DELAY),
	XLAT_END
};

static const struct xlat udp_options[] = {
	XLAT(UDP_CORK), XLAT(UDP_ENCAP),
#ifdef UDP_NO_CHECK6_TX
	XLAT(UDP_NO_CHECK6_TX), XLAT(UDP_NO_CHECK6_RX),
#endif
#ifdef UDP_SEGMENT
	XLAT(UDP_SEGMENT),
#endif
#ifdef UDP_GRO
	XLAT(UDP_GRO),
#endif
	XLAT_END
};

static const struct {
	int level;
	const struct xlat *options;
	const char *unknown;
} options_by_level[] = {
	{ SOL_SOCKET, so_options, "SO_???" },
	{ SOL_IP, ip_options, "IP_???" },
	{ SOL_IPV6, ipv6_options, "IPV6_???" },
	{ SOL_TCP, tcp_options, "TCP_???" },
	{ SOL_UDP, udp_options, "UDP_???" },
};

void xlat_put_sockopt(struct strbuf *sb, uint64_t level, uint64_t opt)
{
	level &= 0xffffffffu;
	for (unsigned i = 0; i < sizeof options_by_level / sizeof options_by_level[0]; i++)
		if ((uint64_t)(uint32_t)options_by_level[i].level == level) {
			put_int_val(sb, options_by_level[i].options, opt, options_by_level[i].unknown);
			return;
		}
	/* A level without a table: the number, as strace does. */
	sb_printf(sb, "%" PRIu64, opt & 0xffffffffu);
}

static const struct xlat msg_flags[] = {
	XLAT(MSG_OOB), XLAT(MSG_PEEK), XLAT(MSG_DONTROUTE), XLAT(MSG_CTRUNC),
	XLAT(MSG_PROXY), XLAT(MSG_TRUNC), XLAT(MSG_DONTWAIT), XLAT(MSG_EOR),
	XLAT(MSG_WAITALL), XLAT(MSG_FIN), XLAT(MSG_SYN), XLAT(MSG_CONFIRM),
	XLAT(MSG_RST), XLAT(MSG_ERRQUEUE), XLAT(MSG_NOSIGNAL), XLAT(MSG_MORE),
	XLAT(MSG_WAITFORONE), XLAT(MSG_BATCH), XLAT(MSG_ZEROCOPY),
	XLAT(MSG_FASTOPEN), XLAT(MSG_CMSG_CLOEXEC),
	XLAT_END
};

void xlat_put_msg_flags(struct strbuf *sb, uint64_t flags)
{
	xlat_put_flags(sb, msg_flags, flags & 0xffffffffu, NULL);
}

static const struct xlat scm_types[] = {
	XLAT(SCM_RIGHTS), XLAT(SCM_CREDENTIALS),
#ifdef SCM_SECURITY
	XLAT(SCM_SECURITY),
#endif
#ifdef SO_TIMESTAMP_OLD
	XLAT(SO_TIMESTAMP_OLD), XLAT(SO_TIMESTAMPNS_OLD), XLAT(SO_TIMESTAMPING_OLD),
	XLAT(SO_TIMESTAMP_NEW), XLAT(SO_TIMESTAMPNS_NEW), XLAT(SO_TIMESTAMPING_NEW),
#endif
	XLAT_END
};

/* Control-message types are SCM_* at SOL_SOCKET and the option numbers
 * of the protocol level elsewhere (IP_PKTINFO, IPV6_HOPLIMIT ...). */
void xlat_put_scm_type(struct strbuf *sb, uint64_t level, uint64_t type)
{
	level &= 0xffffffffu;
	if (level == SOL_SOCKET)
		put_int_val(sb, scm_types, type, "SCM_???");
	else
		xlat_put_sockopt(sb, level, type);
}

static const struct xlat socketcalls[] = {
	XLAT(SYS_SOCKET), XLAT(SYS_BIND), XLAT(SYS_CONNECT), XLAT(SYS_LISTEN),
	XLAT(SYS_ACCEPT), XLAT(SYS_GETSOCKNAME), XLAT(SYS_GETPEERNAME),
	XLAT(SYS_SOCKETPAIR), XLAT(SYS_SEND), XLAT(SYS_RECV), XLAT(SYS_SENDTO),
	XLAT(SYS_RECVFROM), XLAT(SYS_SHUTDOWN), XLAT(SYS_SETSOCKOPT),
	XLAT(SYS_GETSOCKOPT), XLAT(SYS_SENDMSG), XLAT(SYS_RECVMSG),
	XLAT(SYS_ACCEPT4), XLAT(SYS_RECVMMSG), XLAT(SYS_SENDMMSG),
	XLAT_END
};

void xlat_put_socketcall(struct strbuf *sb, uint64_t call)
{
	put_int_val(sb, socketcalls, call, "SYS_???");
}
