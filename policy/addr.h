/* addr.h - address specifications of connect and bind rules.
 *
 *	127.0.0.1   10.0.0.0/8   [::1]   [fe80::]/10   any
 *	    each optionally followed by: port 80 | port 8000-8080 | port 80,443,1024-2047
 *	unix "/path/glob"   abstract "name-glob"   family NAME
 */
#ifndef JANUS_POLICY_ADDR_H
#define JANUS_POLICY_ADDR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>

#include "glob.h"

enum addr_fam { AFAM_V4, AFAM_V6, AFAM_UNIX, AFAM_ABSTRACT, AFAM_OTHER, AFAM_COUNT };

struct port_range {
	uint16_t lo, hi;
};

struct addr_spec {
	enum addr_fam fam;
	uint8_t plen;			/* prefix length (v4: 0..32, v6: 0..128) */
	uint8_t net[16];		/* v4 in net[0..3], network byte order */
	struct glob path;		/* AFAM_UNIX */
	const char *name;		/* AFAM_ABSTRACT flat pattern */
	int family;			/* AFAM_OTHER: AF_*, -1: any */
	const struct port_range *ports;	/* NULL: the default ports (see rules) */
	unsigned nports;
};

/* Parse "10.0.0.0/8", "[::1]", "[fe80::]/10" into *s (fam, plen, net).
 * -EINVAL with *why when malformed. */
int addr_parse_ip(const char *text, struct addr_spec *s, const char **why);
/* Parse "80", "80-90", "80,443-500" (ports[] has room for max entries). */
int addr_parse_ports(const char *text, struct port_range *ports, unsigned max, unsigned *n,
		     const char **why);

/* A call's address, classified. */
struct addr_view {
	enum addr_fam fam;
	uint8_t ip[16];			/* v4 in ip[0..3] (mapped v6 made v4) */
	uint16_t port;			/* host order */
	const char *name;		/* abstract name bytes */
	size_t namelen;
	int family;			/* AF_* for AFAM_OTHER */
};

/* Classify addr; -EINVAL when too short for its family, -EAFNOSUPPORT
 * for AF_UNSPEC.  AF_UNIX pathname: fam AFAM_UNIX, the caller takes the
 * canonical path from the event. */
int addr_view(const struct sockaddr *addr, socklen_t len, struct addr_view *v);

bool addr_ip_match(const struct addr_spec *s, const struct addr_view *v);
bool addr_port_in(const struct port_range *r, unsigned n, uint16_t port);

/* "10.0.0.0/8" / "[::1]/128" into buf. */
void addr_format(const struct addr_spec *s, char *buf, size_t size);

#endif
