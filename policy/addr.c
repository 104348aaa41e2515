/* addr.c - parse and match IPv4/IPv6 CIDRs and port ranges. */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/un.h>

#include "addr.h"

/* Decimal 0..max, no sign, no leading zeros beyond "0"; end at *end. */
static int parse_uint(const char *s, const char **end, unsigned long max, unsigned long *out)
{
	unsigned long v = 0;
	const char *p = s;

	if (*p < '0' || *p > '9')
		return -EINVAL;
	if (*p == '0' && p[1] >= '0' && p[1] <= '9')
		return -EINVAL;
	for (; *p >= '0' && *p <= '9'; p++) {
		v = v * 10 + (unsigned long)(*p - '0');
		if (v > max)
			return -ERANGE;
	}
	*end = p;
	*out = v;
	return 0;
}

/* ::ffff:a.b.c.d, on bytes (no alignment assumed). */
static bool is_v4mapped(const uint8_t a[16])
{
	static const uint8_t prefix[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };

	return memcmp(a, prefix, sizeof prefix) == 0;
}

static bool host_bits_set(const uint8_t *net, unsigned bytes, unsigned plen)
{
	for (unsigned b = plen; b < bytes * 8; b++)
		if (net[b / 8] & (0x80 >> (b % 8)))
			return true;
	return false;
}

int addr_parse_ip(const char *text, struct addr_spec *s, const char **why)
{
	char buf[INET6_ADDRSTRLEN + 8];
	const char *slash, *p = text;
	bool v6 = text[0] == '[';
	size_t alen;

	memset(s, 0, sizeof(*s));
	if (v6) {
		const char *close = strchr(text, ']');

		if (!close) {
			*why = "missing ']' after an IPv6 address";
			return -EINVAL;
		}
		p = text + 1;
		alen = (size_t)(close - p);
		slash = close[1] == '/' ? close + 1 : NULL;
		if (close[1] && !slash) {
			*why = "expected '/' and a prefix length after ']'";
			return -EINVAL;
		}
	} else {
		slash = strchr(text, '/');
		alen = slash ? (size_t)(slash - text) : strlen(text);
		if (strchr(text, ':')) {
			*why = "an IPv6 address must be written in brackets, as [::1] or [fe80::]/10";
			return -EINVAL;
		}
	}
	if (alen == 0 || alen >= INET6_ADDRSTRLEN) {
		*why = "expected an IP address";
		return -EINVAL;
	}
	memcpy(buf, p, alen);
	buf[alen] = '\0';
	if (v6) {
		if (inet_pton(AF_INET6, buf, s->net) != 1) {
			*why = "malformed IPv6 address";
			return -EINVAL;
		}
		s->fam = AFAM_V6;
		s->plen = 128;
	} else {
		if (inet_pton(AF_INET, buf, s->net) != 1) {
			*why = "malformed IPv4 address (expected four numbers 0-255, as 10.0.0.1)";
			return -EINVAL;
		}
		s->fam = AFAM_V4;
		s->plen = 32;
	}
	if (slash) {
		unsigned long plen;
		const char *end;
		unsigned max = s->fam == AFAM_V4 ? 32 : 128;

		if (parse_uint(slash + 1, &end, max, &plen) < 0 || *end) {
			*why = s->fam == AFAM_V4 ? "prefix length must be a number 0-32"
						 : "prefix length must be a number 0-128";
			return -EINVAL;
		}
		s->plen = (uint8_t)plen;
	}
	if (host_bits_set(s->net, s->fam == AFAM_V4 ? 4 : 16, s->plen)) {
		*why = "address has bits set beyond the prefix length";
		return -EINVAL;
	}
	/* [::ffff:a.b.c.d]/n is the IPv4 network a.b.c.d/(n-96). */
	if (s->fam == AFAM_V6 && is_v4mapped(s->net) && s->plen >= 96) {
		memmove(s->net, s->net + 12, 4);
		memset(s->net + 4, 0, 12);
		s->plen -= 96;
		s->fam = AFAM_V4;
	}
	return 0;
}

int addr_parse_ports(const char *text, struct port_range *ports, unsigned max, unsigned *n,
		     const char **why)
{
	const char *p = text;

	*n = 0;
	for (;;) {
		unsigned long lo, hi;
		const char *end;

		if (parse_uint(p, &end, 65535, &lo) < 0) {
			*why = "expected a port number 0-65535";
			return -EINVAL;
		}
		hi = lo;
		p = end;
		if (*p == '-') {
			if (parse_uint(p + 1, &end, 65535, &hi) < 0) {
				*why = "expected a port number 0-65535 after '-'";
				return -EINVAL;
			}
			if (hi < lo) {
				*why = "bad port range: the first port is greater than the last";
				return -EINVAL;
			}
			p = end;
		}
		if (*n >= max) {
			*why = "too many port ranges in one rule";
			return -EINVAL;
		}
		ports[*n].lo = (uint16_t)lo;
		ports[*n].hi = (uint16_t)hi;
		(*n)++;
		if (*p == '\0')
			return 0;
		if (*p != ',') {
			*why = "expected ',' or '-' in a port list (as 80,443,8000-8080)";
			return -EINVAL;
		}
		p++;
	}
}

int addr_view(const struct sockaddr *addr, socklen_t len, struct addr_view *v)
{
	memset(v, 0, sizeof(*v));
	if (!addr || len < sizeof(sa_family_t))
		return -EINVAL;
	switch (addr->sa_family) {
	case AF_INET: {
		const struct sockaddr_in *in = (const struct sockaddr_in *)addr;

		if (len < sizeof(*in))
			return -EINVAL;
		v->fam = AFAM_V4;
		memcpy(v->ip, &in->sin_addr, 4);
		v->port = ntohs(in->sin_port);
		return 0;
	}
	case AF_INET6: {
		const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)addr;

		/* The kernel accepts the RFC 2133 size without scope id. */
		if (len < offsetof(struct sockaddr_in6, sin6_scope_id))
			return -EINVAL;
		v->port = ntohs(in6->sin6_port);
		if (is_v4mapped(in6->sin6_addr.s6_addr)) {
			v->fam = AFAM_V4;
			memcpy(v->ip, in6->sin6_addr.s6_addr + 12, 4);
		} else {
			v->fam = AFAM_V6;
			memcpy(v->ip, &in6->sin6_addr, 16);
		}
		return 0;
	}
	case AF_UNIX: {
		const struct sockaddr_un *un = (const struct sockaddr_un *)addr;
		size_t n = len - offsetof(struct sockaddr_un, sun_path);

		if (len > sizeof(*un))
			n = sizeof(un->sun_path);
		if (n == 0 || un->sun_path[0] == '\0') {
			/* Abstract name (or autobind: the empty name). */
			v->fam = AFAM_ABSTRACT;
			v->name = n ? un->sun_path + 1 : "";
			v->namelen = n ? n - 1 : 0;
			return 0;
		}
		v->fam = AFAM_UNIX;
		return 0;
	}
	case AF_UNSPEC:
		return -EAFNOSUPPORT;
	default:
		v->fam = AFAM_OTHER;
		v->family = addr->sa_family;
		return 0;
	}
}

bool addr_ip_match(const struct addr_spec *s, const struct addr_view *v)
{
	unsigned full = s->plen / 8, rest = s->plen % 8;

	if (s->fam != v->fam || (s->fam != AFAM_V4 && s->fam != AFAM_V6))
		return false;
	if (memcmp(s->net, v->ip, full) != 0)
		return false;
	if (rest) {
		uint8_t mask = (uint8_t)(0xff << (8 - rest));

		if ((s->net[full] & mask) != (v->ip[full] & mask))
			return false;
	}
	return true;
}

bool addr_port_in(const struct port_range *r, unsigned n, uint16_t port)
{
	for (unsigned i = 0; i < n; i++)
		if (r[i].lo <= port && port <= r[i].hi)
			return true;
	return false;
}

void addr_format(const struct addr_spec *s, char *buf, size_t size)
{
	char ip[INET6_ADDRSTRLEN];

	if (s->fam == AFAM_V4) {
		inet_ntop(AF_INET, s->net, ip, sizeof ip);
		snprintf(buf, size, "%s/%u", ip, s->plen);
	} else {
		inet_ntop(AF_INET6, s->net, ip, sizeof ip);
		snprintf(buf, size, "[%s]/%u", ip, s->plen);
	}
}
