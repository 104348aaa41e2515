/* decode_sockaddr.c - struct sockaddr in strace's notation, e.g.
 * {sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr("127.0.0.1")}.
 * Never reads past the length the call gave: a truncated address is
 * shown with the bytes it has (sa_data=...), not with made-up fields. */
#include "config.h"

#include <arpa/inet.h>
#include <inttypes.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <netpacket/packet.h>
#include <stddef.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "decode_priv.h"
#include "xlat.h"

/* Without sin6_scope_id: the RFC 2133 size the kernel also accepts. */
#define SIN6_LEN_RFC2133 24

static void put_sa_data(struct strbuf *sb, const unsigned char *data, size_t len)
{
	size_t off = offsetof(struct sockaddr, sa_data);
	if (len > off) {
		sb_puts(sb, ", sa_data=");
		sb_put_quoted(sb, (const char *)data + off, len - off, len - off, 0);
	}
}

static void put_in(struct strbuf *sb, const unsigned char *data)
{
	struct sockaddr_in in;
	char text[INET_ADDRSTRLEN];
	memcpy(&in, data, sizeof in);
	inet_ntop(AF_INET, &in.sin_addr, text, sizeof text);
	sb_printf(sb, ", sin_port=htons(%u), sin_addr=inet_addr(\"%s\")",
		  ntohs(in.sin_port), text);
}

static void put_in6(struct strbuf *sb, const unsigned char *data, size_t len)
{
	struct sockaddr_in6 in6;
	char text[INET6_ADDRSTRLEN];
	memset(&in6, 0, sizeof in6);
	memcpy(&in6, data, len < sizeof in6 ? len : sizeof in6);
	inet_ntop(AF_INET6, &in6.sin6_addr, text, sizeof text);
	sb_printf(sb, ", sin6_port=htons(%u), sin6_flowinfo=htonl(%u)"
		  ", inet_pton(AF_INET6, \"%s\", &sin6_addr)",
		  ntohs(in6.sin6_port), ntohl(in6.sin6_flowinfo), text);
	if (len >= sizeof in6)
		sb_printf(sb, ", sin6_scope_id=%u", in6.sin6_scope_id);
}

/* sun_path is bounded by the length, not by a NUL: an abstract name
 * (leading NUL) is every byte up to len, shown as @"name". */
static void put_un(struct strbuf *sb, const unsigned char *data, size_t len)
{
	size_t off = offsetof(struct sockaddr_un, sun_path);
	size_t max = sizeof(((struct sockaddr_un *)0)->sun_path);
	if (len <= off)
		return;				/* unnamed */
	const char *path = (const char *)data + off;
	size_t n = len - off < max ? len - off : max;
	sb_puts(sb, ", sun_path=");
	if (path[0] == '\0') {
		sb_putc(sb, '@');
		sb_put_quoted(sb, path + 1, n - 1, n - 1, 0);
	} else {
		sb_put_quoted(sb, path, strnlen(path, n), max, 0);
	}
}

static void put_nl(struct strbuf *sb, const unsigned char *data)
{
	struct sockaddr_nl nl;
	memcpy(&nl, data, sizeof nl);
	sb_printf(sb, ", nl_pid=%u, nl_groups=%#08x", nl.nl_pid, nl.nl_groups);
}

static void put_ll(struct strbuf *sb, const unsigned char *data)
{
	struct sockaddr_ll ll;
	memcpy(&ll, data, sizeof ll);
	sb_printf(sb, ", sll_protocol=htons(%#x), sll_ifindex=%d, sll_hatype=%u"
		  ", sll_pkttype=%u, sll_halen=%u",
		  ntohs(ll.sll_protocol), ll.sll_ifindex, ll.sll_hatype,
		  ll.sll_pkttype, ll.sll_halen);
	if (ll.sll_halen) {
		size_t n = ll.sll_halen < sizeof ll.sll_addr ? ll.sll_halen : sizeof ll.sll_addr;
		sb_puts(sb, ", sll_addr=[");
		for (size_t i = 0; i < n; i++)
			sb_printf(sb, "%s%#02x", i ? ", " : "", ll.sll_addr[i]);
		sb_putc(sb, ']');
	}
}

void decode_sockaddr_bytes(struct strbuf *sb, const void *data, size_t len)
{
	const unsigned char *d = data;
	sa_family_t family;
	if (len < sizeof family) {
		sb_puts(sb, "{}");
		return;
	}
	memcpy(&family, d, sizeof family);
	sb_puts(sb, "{sa_family=");
	const char *name = xlat_sock_domain_name(family);
	if (name)
		sb_puts(sb, name);
	else
		sb_printf(sb, "%#x /* AF_??? */", family);

	if (family == AF_UNIX)
		put_un(sb, d, len);
	else if (family == AF_INET && len >= sizeof(struct sockaddr_in))
		put_in(sb, d);
	else if (family == AF_INET6 && len >= SIN6_LEN_RFC2133)
		put_in6(sb, d, len);
	else if (family == AF_NETLINK && len >= sizeof(struct sockaddr_nl))
		put_nl(sb, d);
	else if (family == AF_PACKET && len >= sizeof(struct sockaddr_ll))
		put_ll(sb, d);
	else
		put_sa_data(sb, d, len);
	sb_putc(sb, '}');
}

void decode_put_sockaddr(struct strbuf *sb, const struct arg_ctx *ax, uint64_t addr, uint64_t len)
{
	struct sockaddr_storage ss;
	addr = decode_word(ax, addr);
	if (!addr) {
		sb_puts(sb, "NULL");
		return;
	}
	/* Too short to hold a family: strace shows the address. */
	if (len < sizeof(sa_family_t)) {
		decode_put_ptr(sb, addr);
		return;
	}
	size_t n = len < sizeof ss ? (size_t)len : sizeof ss;
	if (decode_read_full(ax, addr, &ss, n)) {
		decode_put_ptr(sb, addr);
		return;
	}
	decode_sockaddr_bytes(sb, &ss, n);
}
