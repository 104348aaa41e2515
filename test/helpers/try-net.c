/* try-net.c - socket operations of `try` (see try.h).
 *
 * Addresses (SPEC):
 *	127.0.0.1:PORT		IPv4
 *	[::1]:PORT		IPv6 (also [::ffff:127.0.0.1]:PORT, IPv4-mapped)
 *	unix:PATH		a unix socket path
 *	abstract:NAME		an abstract unix name (the leading NUL added;
 *				%XX in NAME is the byte 0xXX, %00 a NUL)
 *	autobind		a unix address of only the family
 * Stream operations use SOCK_STREAM, datagram ones SOCK_DGRAM, in the
 * address's family. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <arpa/inet.h>
#include <linux/if_ether.h>
#include <netinet/in.h>
#include <netinet/ip.h>
#include <netinet/tcp.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <unistd.h>

#include "try.h"

struct addr {
	struct sockaddr_storage ss;
	socklen_t len;
	int family;
};

static void parse_addr(const char *spec, struct addr *a)
{
	memset(a, 0, sizeof *a);
	if (strncmp(spec, "unix:", 5) == 0 || strncmp(spec, "abstract:", 9) == 0) {
		struct sockaddr_un *un = (struct sockaddr_un *)&a->ss;
		int abstract = spec[0] == 'a';
		const char *name = strchr(spec, ':') + 1;
		size_t n = 0;

		un->sun_family = AF_UNIX;
		for (const char *c = name; *c; c++) {
			unsigned byte = (unsigned char)*c;

			if (abstract && c[0] == '%' && c[1] && c[2] && sscanf(c + 1, "%2x", &byte) == 1)
				c += 2;
			if (n + (size_t)abstract + 1 >= sizeof un->sun_path)
				try_usage("unix address too long: %s", spec);
			un->sun_path[abstract + n++] = (char)byte;
		}
		a->len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + n + (size_t)abstract +
				     (abstract ? 0 : 1));
		a->family = AF_UNIX;
		return;
	}
	if (strcmp(spec, "autobind") == 0) {
		a->ss.ss_family = AF_UNIX;
		a->len = sizeof(sa_family_t);
		a->family = AF_UNIX;
		return;
	}
	const char *colon = strrchr(spec, ':');
	if (!colon)
		try_usage("address without port: %s", spec);
	int port = (int)try_num(colon + 1);
	if (spec[0] == '[') {
		struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)&a->ss;
		char host[INET6_ADDRSTRLEN];
		size_t n = (size_t)(colon - spec);

		if (n < 3 || spec[n - 1] != ']' || n - 2 >= sizeof host)
			try_usage("bad IPv6 address: %s", spec);
		memcpy(host, spec + 1, n - 2);
		host[n - 2] = '\0';
		s6->sin6_family = AF_INET6;
		s6->sin6_port = htons((uint16_t)port);
		if (inet_pton(AF_INET6, host, &s6->sin6_addr) != 1)
			try_usage("bad IPv6 address: %s", host);
		a->len = sizeof *s6;
		a->family = AF_INET6;
	} else {
		struct sockaddr_in *s4 = (struct sockaddr_in *)&a->ss;
		char host[INET_ADDRSTRLEN];
		size_t n = (size_t)(colon - spec);

		if (n >= sizeof host)
			try_usage("bad IPv4 address: %s", spec);
		memcpy(host, spec, n);
		host[n] = '\0';
		s4->sin_family = AF_INET;
		s4->sin_port = htons((uint16_t)port);
		if (inet_pton(AF_INET, host, &s4->sin_addr) != 1)
			try_usage("bad IPv4 address: %s", host);
		a->len = sizeof *s4;
		a->family = AF_INET;
	}
}

static int open_socket(int family, int type)
{
	int fd = socket(family, type, 0);

	if (fd < 0)
		try_setup_fail("socket");
	return fd;
}

static int lookup(const char *s, const char *const *names, const int *values, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(names[i], s) == 0)
			return values[i];
	return (int)try_num(s);
}

#define LOOKUP(s, names, values) lookup(s, names, values, sizeof values / sizeof values[0])

/* TYPE[,cloexec][,nonblock] */
static int socket_type(const char *s)
{
	static const char *const tn[] = { "stream", "dgram", "raw", "seqpacket" };
	static const int tv[] = { SOCK_STREAM, SOCK_DGRAM, SOCK_RAW, SOCK_SEQPACKET };
	char buf[64];
	const char *comma = strchr(s, ',');
	int type;

	snprintf(buf, sizeof buf, "%.*s", comma ? (int)(comma - s) : (int)strlen(s), s);
	type = LOOKUP(buf, tn, tv);
	if (comma && strstr(comma, ",cloexec"))
		type |= SOCK_CLOEXEC;
	if (comma && strstr(comma, ",nonblock"))
		type |= SOCK_NONBLOCK;
	return type;
}

/* socket DOMAIN TYPE PROTO */
static int op_socket(char **av)
{
	static const char *const dn[] = { "unix", "inet", "inet6", "packet", "netlink" };
	static const int dv[] = { AF_UNIX, AF_INET, AF_INET6, AF_PACKET, AF_NETLINK };
	static const char *const pn[] = { "tcp", "udp", "icmp", "icmpv6", "raw", "all" };
	static const int pv[] = { IPPROTO_TCP, IPPROTO_UDP, IPPROTO_ICMP, IPPROTO_ICMPV6,
				  IPPROTO_RAW, 0x0300 /* htons(ETH_P_ALL) */ };
	long fd = syscall(SYS_socket, try_wide(LOOKUP(av[0], dn, dv)), try_wide(socket_type(av[1])),
			  try_wide(LOOKUP(av[2], pn, pv)));

	if (fd < 0)
		return errno;
	close((int)fd);
	return 0;
}

static int send_data(int fd, const char *data)
{
	size_t len = strlen(data);

	return write(fd, data, len) == (ssize_t)len ? 0 : errno;
}

/* connect SPEC [DATA]: a stream connection, then DATA written on it. */
static int op_connect(char **av)
{
	struct addr a;
	int fd;

	parse_addr(av[0], &a);
	fd = open_socket(a.family, SOCK_STREAM);
	if (syscall(SYS_connect, fd, &a.ss, a.len) < 0)
		return errno;
	int err = av[1] ? send_data(fd, av[1]) : 0;
	close(fd);
	return err;
}

/* bind SPEC / bind-dgram SPEC */
static int bind_type(const char *spec, int type)
{
	struct addr a;
	int fd, one = 1;

	parse_addr(spec, &a);
	fd = open_socket(a.family, type);
	if (a.family != AF_UNIX)
		setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	return TRY_RC(syscall(SYS_bind, fd, &a.ss, a.len));
}

static int op_bind(char **av) { return bind_type(av[0], SOCK_STREAM); }
static int op_bind_dgram(char **av) { return bind_type(av[0], SOCK_DGRAM); }

/* serve SPEC FILE: a one-connection server.  Binds SPEC (port 0: the
 * kernel picks), listens, writes the port to FILE (whole, by rename),
 * accepts one connection and writes what it read to FILE.data.  The
 * result is that of the first of bind, listen, accept that fails. */
static int op_serve(char **av)
{
	struct addr a;
	char tmp[4096], buf[4096];
	int fd, c, one = 1;
	FILE *f;
	ssize_t n;

	parse_addr(av[0], &a);
	fd = open_socket(a.family, SOCK_STREAM);
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	if (syscall(SYS_bind, fd, &a.ss, a.len) < 0 || listen(fd, 4) < 0)
		return errno;
	a.len = sizeof a.ss;
	if (getsockname(fd, (struct sockaddr *)&a.ss, &a.len) < 0)
		try_setup_fail("getsockname");
	snprintf(tmp, sizeof tmp, "%s.tmp", av[1]);
	if (!(f = fopen(tmp, "w")))
		try_setup_fail("fopen");
	fprintf(f, "%u\n", ntohs(a.family == AF_INET6 ? ((struct sockaddr_in6 *)&a.ss)->sin6_port
						      : ((struct sockaddr_in *)&a.ss)->sin_port));
	if (fclose(f) != 0 || rename(tmp, av[1]) < 0)
		try_setup_fail("write the port file");
	c = accept(fd, NULL, NULL);
	if (c < 0)
		return errno;
	snprintf(tmp, sizeof tmp, "%s.data", av[1]);
	if (!(f = fopen(tmp, "w")))
		try_setup_fail("fopen");
	while ((n = read(c, buf, sizeof buf)) > 0)
		fwrite(buf, 1, (size_t)n, f);
	fclose(f);
	return n < 0 ? errno : 0;
}

/* sendto SPEC DATA: one datagram to SPEC. */
static int op_sendto(char **av)
{
	struct addr a;
	int fd;

	parse_addr(av[0], &a);
	fd = open_socket(a.family, SOCK_DGRAM);
	return TRY_RC(syscall(SYS_sendto, fd, av[1], strlen(av[1]), 0, &a.ss, a.len));
}

/* sendmsg SPEC DATA: one datagram, the destination in msg_name. */
static int op_sendmsg(char **av)
{
	struct addr a;
	struct iovec iov = { av[1], strlen(av[1]) };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1 };
	int fd;

	parse_addr(av[0], &a);
	fd = open_socket(a.family, SOCK_DGRAM);
	mh.msg_name = &a.ss;
	mh.msg_namelen = a.len;
	return TRY_RC(syscall(SYS_sendmsg, fd, &mh, 0));
}

/* sendmmsg SPEC DATA: the same as one message of sendmmsg. */
static int op_sendmmsg(char **av)
{
	struct addr a;
	struct iovec iov = { av[1], strlen(av[1]) };
	struct mmsghdr mm = { .msg_hdr = { .msg_iov = &iov, .msg_iovlen = 1 } };
	int fd;

	parse_addr(av[0], &a);
	fd = open_socket(a.family, SOCK_DGRAM);
	mm.msg_hdr.msg_name = &a.ss;
	mm.msg_hdr.msg_namelen = a.len;
	long n = syscall(SYS_sendmmsg, fd, &mm, 1, 0);
	return n < 0 ? errno : n == 1 ? 0 : EIO;
}

/* sendmmsg2 SPEC1 SPEC2 DATA: one sendmmsg, a message to each; the
 * result is the call's, or EIO if it sent only some. */
static int op_sendmmsg2(char **av)
{
	struct addr a[2];
	struct iovec iov = { av[2], strlen(av[2]) };
	struct mmsghdr mm[2];
	int fd;

	parse_addr(av[0], &a[0]);
	parse_addr(av[1], &a[1]);
	if (a[0].family != a[1].family)
		try_usage("sendmmsg2: both addresses must be of one family");
	fd = open_socket(a[0].family, SOCK_DGRAM);
	memset(mm, 0, sizeof mm);
	for (int i = 0; i < 2; i++) {
		mm[i].msg_hdr.msg_iov = &iov;
		mm[i].msg_hdr.msg_iovlen = 1;
		mm[i].msg_hdr.msg_name = &a[i].ss;
		mm[i].msg_hdr.msg_namelen = a[i].len;
	}
	long n = syscall(SYS_sendmmsg, fd, mm, 2, 0);
	return n < 0 ? errno : n == 2 ? 0 : EIO;
}

/* sendmsg-noname DATA: sendmsg without msg_name on a connected socketpair;
 * the peer must receive DATA. */
static int op_sendmsg_noname(char **av)
{
	struct iovec iov = { av[0], strlen(av[0]) };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1 };
	char buf[256];
	int sv[2];

	if (socketpair(AF_UNIX, SOCK_DGRAM, 0, sv) < 0)
		try_setup_fail("socketpair");
	if (syscall(SYS_sendmsg, sv[0], &mh, 0) < 0)
		return errno;
	ssize_t n = recv(sv[1], buf, sizeof buf, MSG_DONTWAIT);
	return n == (ssize_t)iov.iov_len ? 0 : EIO;
}

/* The socket a control message goes through: a stream connected to SPEC,
 * or (no SPEC) one end of a socketpair whose other end is *peer. */
static int cmsg_socket(const char *spec, int *peer)
{
	int sv[2];

	*peer = -1;
	if (spec) {
		struct addr a;
		int fd;

		parse_addr(spec, &a);
		fd = open_socket(a.family, SOCK_STREAM);
		if (connect(fd, (struct sockaddr *)&a.ss, a.len) < 0)
			try_setup_fail("connect");
		return fd;
	}
	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) < 0)
		try_setup_fail("socketpair");
	*peer = sv[1];
	return sv[0];
}

/* sendmsg-rights [SPEC] / sendmsg-creds [SPEC]: "x" with SCM_RIGHTS
 * (standard output's descriptor) or SCM_CREDENTIALS (our own). */
static int send_cmsg(const char *spec, int type)
{
	union {
		char buf[CMSG_SPACE(sizeof(struct ucred))];
		struct cmsghdr align;
	} u;
	struct iovec iov = { "x", 1 };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = u.buf };
	struct cmsghdr *c;
	int peer, fd = cmsg_socket(spec, &peer);

	memset(&u, 0, sizeof u);
	if (type == SCM_CREDENTIALS) {
		int one = 1;
		struct ucred cr = { getpid(), getuid(), getgid() };

		if (peer >= 0)
			setsockopt(peer, SOL_SOCKET, SO_PASSCRED, &one, sizeof one);
		mh.msg_controllen = CMSG_SPACE(sizeof cr);
		c = CMSG_FIRSTHDR(&mh);
		c->cmsg_len = CMSG_LEN(sizeof cr);
		memcpy(CMSG_DATA(c), &cr, sizeof cr);
	} else {
		int out = 1;

		mh.msg_controllen = CMSG_SPACE(sizeof out);
		c = CMSG_FIRSTHDR(&mh);
		c->cmsg_len = CMSG_LEN(sizeof out);
		memcpy(CMSG_DATA(c), &out, sizeof out);
	}
	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = type;
	if (syscall(SYS_sendmsg, fd, &mh, 0) < 0)
		return errno;
	close(fd);
	return 0;
}

static int op_sendmsg_rights(char **av) { return send_cmsg(av[0], SCM_RIGHTS); }
static int op_sendmsg_creds(char **av) { return send_cmsg(av[0], SCM_CREDENTIALS); }

/* Socket options: name, level, value (an int 1 unless said). */
static const struct sockopt {
	const char *name;
	int level, opt;
	const char *str;	/* a string value (interface name) */
	int zero_len;		/* set with an empty value */
} sockopts[] = {
	{ "SO_DEBUG", SOL_SOCKET, SO_DEBUG, NULL, 0 },
	{ "SO_BINDTODEVICE", SOL_SOCKET, SO_BINDTODEVICE, "lo", 0 },
	{ "SO_BINDTOIFINDEX", SOL_SOCKET, SO_BINDTOIFINDEX, NULL, 0 },
	{ "SO_REUSEADDR", SOL_SOCKET, SO_REUSEADDR, NULL, 0 },
	{ "SO_REUSEPORT", SOL_SOCKET, SO_REUSEPORT, NULL, 0 },
	{ "SO_PASSCRED", SOL_SOCKET, SO_PASSCRED, NULL, 0 },
	{ "SO_KEEPALIVE", SOL_SOCKET, SO_KEEPALIVE, NULL, 0 },
	{ "SO_MARK", SOL_SOCKET, SO_MARK, NULL, 0 },
	{ "IP_HDRINCL", IPPROTO_IP, IP_HDRINCL, NULL, 0 },
	{ "IP_OPTIONS", IPPROTO_IP, IP_OPTIONS, NULL, 1 },
	{ "IP_PKTINFO", IPPROTO_IP, IP_PKTINFO, NULL, 0 },
	{ "IP_TTL", IPPROTO_IP, IP_TTL, NULL, 0 },
	{ "TCP_NODELAY", IPPROTO_TCP, TCP_NODELAY, NULL, 0 },
};

/* SOCK: unix udp tcp udp6 raw (an IPv4 raw socket, protocol 255). */
static int sockopt_socket(const char *s)
{
	static const char *const n[] = { "unix", "udp", "tcp", "udp6" };
	static const int fam[] = { AF_UNIX, AF_INET, AF_INET, AF_INET6 };
	static const int type[] = { SOCK_DGRAM, SOCK_DGRAM, SOCK_STREAM, SOCK_DGRAM };
	int fd;

	if (strcmp(s, "raw") == 0) {
		fd = socket(AF_INET, SOCK_RAW, IPPROTO_RAW);
		if (fd < 0)
			try_setup_fail("socket");
		return fd;
	}
	for (size_t i = 0; i < sizeof n / sizeof n[0]; i++)
		if (strcmp(n[i], s) == 0)
			return open_socket(fam[i], type[i]);
	try_usage("unknown socket kind '%s' (unix udp tcp udp6 raw)", s);
}

static const struct sockopt *find_sockopt(const char *name)
{
	for (size_t i = 0; i < sizeof sockopts / sizeof sockopts[0]; i++)
		if (strcmp(sockopts[i].name, name) == 0)
			return &sockopts[i];
	try_usage("unknown socket option '%s'", name);
}

/* setsockopt SOCK OPTION / getsockopt SOCK OPTION */
static int op_setsockopt(char **av)
{
	const struct sockopt *o = find_sockopt(av[1]);
	int fd = sockopt_socket(av[0]), one = 1;
	const void *val = o->str ? (const void *)o->str : &one;
	socklen_t len = o->zero_len ? 0 : o->str ? (socklen_t)strlen(o->str) + 1 : sizeof one;

	return TRY_RC(syscall(SYS_setsockopt, fd, try_wide(o->level), try_wide(o->opt), val, len));
}

static int op_getsockopt(char **av)
{
	const struct sockopt *o = find_sockopt(av[1]);
	int fd = sockopt_socket(av[0]);
	char buf[64];
	socklen_t len = sizeof buf;

	return TRY_RC(syscall(SYS_getsockopt, fd, o->level, o->opt, buf, &len));
}

#if defined(__i386__)
/* socketcall-connect SPEC: connect(2) through socketcall(SYS_CONNECT). */
#include <linux/net.h>
static int op_socketcall_connect(char **av)
{
	struct addr a;
	unsigned long args[3];
	long fd;

	parse_addr(av[0], &a);
	args[0] = (unsigned long)a.family;
	args[1] = SOCK_STREAM;
	args[2] = 0;
	fd = syscall(SYS_socketcall, SYS_SOCKET, args);
	if (fd < 0)
		try_setup_fail("socketcall(SYS_SOCKET)");
	args[0] = (unsigned long)fd;
	args[1] = (unsigned long)&a.ss;
	args[2] = a.len;
	return TRY_RC(syscall(SYS_socketcall, SYS_CONNECT, args));
}
#endif

const struct try_op try_net_ops[] = {
	{ "socket", 3, 3, op_socket, "DOMAIN TYPE[,cloexec][,nonblock] PROTO (unix inet inet6 packet netlink | stream dgram raw seqpacket | tcp udp icmp raw all N)" },
	{ "connect", 1, 2, op_connect, "SPEC [DATA]" },
	{ "bind", 1, 1, op_bind, "SPEC" },
	{ "bind-dgram", 1, 1, op_bind_dgram, "SPEC" },
	{ "serve", 2, 2, op_serve, "SPEC PORT-FILE (accepts one connection, data to PORT-FILE.data)" },
	{ "sendto", 2, 2, op_sendto, "SPEC DATA" },
	{ "sendmsg", 2, 2, op_sendmsg, "SPEC DATA" },
	{ "sendmmsg", 2, 2, op_sendmmsg, "SPEC DATA" },
	{ "sendmmsg2", 3, 3, op_sendmmsg2, "SPEC1 SPEC2 DATA" },
	{ "sendmsg-noname", 1, 1, op_sendmsg_noname, "DATA" },
	{ "sendmsg-rights", 0, 1, op_sendmsg_rights, "[SPEC]" },
	{ "sendmsg-creds", 0, 1, op_sendmsg_creds, "[SPEC]" },
	{ "setsockopt", 2, 2, op_setsockopt, "SOCK OPTION" },
	{ "getsockopt", 2, 2, op_getsockopt, "SOCK OPTION" },
#if defined(__i386__)
	{ "socketcall-connect", 1, 1, op_socketcall_connect, "SPEC" },
#endif
	{ NULL, 0, 0, NULL, NULL },
};
