/* esc-listen.c - driver-side sockets: listeners that count what reaches
 * them, an fd server, a connect prober (see esc-tool.h).
 *
 * STATE is a path prefix: STATE.ready appears (holding the port) once the
 * socket is bound, STATE.count holds the count, rewritten after every
 * event and once more after SIGTERM, when what is still queued has been
 * counted too. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "escape.h"
#include "esc-tool.h"

static void put_number(const char *state, const char *suffix, long n)
{
	char path[4096], text[32];
	snprintf(path, sizeof path, "%s.%s", state, suffix);
	snprintf(text, sizeof text, "%ld\n", n);
	if (esc_put_file(path, text) < 0)
		esc_die(path);
}

/* A bound socket of KIND at ADDR; *port gets the port for inet kinds. */
static int open_socket(const char *kind, const char *addr, unsigned *port)
{
	bool stream = strstr(kind, "stream") || strncmp(kind, "tcp", 3) == 0;
	/* Non-blocking: the final drain must stop when the queue is empty. */
	int type = (stream ? SOCK_STREAM : SOCK_DGRAM) | SOCK_CLOEXEC | SOCK_NONBLOCK;
	int one = 1, fd;
	*port = 0;
	if (strncmp(kind, "unix", 4) == 0 || strncmp(kind, "abstract", 8) == 0) {
		struct sockaddr_un sa;
		socklen_t len = esc_unix_addr(&sa, addr);
		fd = socket(AF_UNIX, type, 0);
		if (fd < 0 || bind(fd, (struct sockaddr *)&sa, len) < 0)
			esc_die(addr);
	} else if (strcmp(kind, "tcp6") == 0) {
		struct sockaddr_in6 sa6;
		memset(&sa6, 0, sizeof sa6);
		sa6.sin6_family = AF_INET6;
		sa6.sin6_port = htons((unsigned short)esc_number(addr));
		sa6.sin6_addr = in6addr_loopback;
		fd = socket(AF_INET6, type, 0);
		if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) < 0 ||
		    bind(fd, (struct sockaddr *)&sa6, sizeof sa6) < 0)
			esc_die("bind [::1]");
		socklen_t l = sizeof sa6;
		getsockname(fd, (struct sockaddr *)&sa6, &l);
		*port = ntohs(sa6.sin6_port);
	} else if (strcmp(kind, "tcp4") == 0 || strcmp(kind, "udp4") == 0) {
		struct sockaddr_in sa;
		esc_inet_loopback(&sa, (unsigned)esc_number(addr));
		fd = socket(AF_INET, type, 0);
		if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) < 0 ||
		    bind(fd, (struct sockaddr *)&sa, sizeof sa) < 0)
			esc_die("bind 127.0.0.1");
		socklen_t l = sizeof sa;
		getsockname(fd, (struct sockaddr *)&sa, &l);
		*port = ntohs(sa.sin_port);
	} else {
		fprintf(stderr, "esc-tool listen: unknown kind %s\n", kind);
		exit(2);
	}
	if (stream && listen(fd, 512) < 0)
		esc_die("listen");
	return fd;
}

/* One event on fd: a connection accepted or a datagram received. */
static bool take_one(int fd, bool stream, const char *give)
{
	if (!stream) {
		char buf[2048];
		return recv(fd, buf, sizeof buf, MSG_DONTWAIT) >= 0;
	}
	int c = accept4(fd, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK);
	if (c < 0)
		return false;
	if (give) {
		/* fd-server: pass a descriptor of the file to the client. */
		int f = open(give, O_RDONLY | O_CLOEXEC);
		char byte = 'f';
		struct iovec iov = { &byte, 1 };
		union {
			char buf[CMSG_SPACE(sizeof(int))];
			struct cmsghdr align;
		} u;
		struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1,
				    .msg_control = u.buf, .msg_controllen = sizeof u.buf };
		struct cmsghdr *cm = CMSG_FIRSTHDR(&m);
		cm->cmsg_level = SOL_SOCKET;
		cm->cmsg_type = SCM_RIGHTS;
		cm->cmsg_len = CMSG_LEN(sizeof(int));
		memcpy(CMSG_DATA(cm), &f, sizeof f);
		if (f >= 0)
			sendmsg(c, &m, MSG_NOSIGNAL);
		if (f >= 0)
			close(f);
	}
	close(c);
	return true;
}

static int serve(const char *kind, const char *addr, const char *state, const char *give)
{
	bool stream = strstr(kind, "stream") || strncmp(kind, "tcp", 3) == 0 || give;
	unsigned port;
	long count = 0;
	esc_on_stop_signals();
	int fd = open_socket(give ? "unix-stream" : kind, addr, &port);
	put_number(state, "count", 0);
	put_number(state, "ready", port);
	long long end = esc_now_ms() + ESC_TOOL_LIFETIME * 1000LL;
	while (!esc_stop && esc_now_ms() < end) {
		struct pollfd p = { fd, POLLIN, 0 };
		if (poll(&p, 1, 100) > 0 && take_one(fd, stream, give))
			put_number(state, "count", ++count);
	}
	/* Count what is still queued: it reached the listener too. */
	while (take_one(fd, stream, give))
		count++;
	put_number(state, "count", count);
	return 0;
}

int esc_cmd_listen(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: esc-tool listen tcp4|tcp6|udp4|unix-stream|unix-dgram|abstract-stream|abstract-dgram"
				" ADDR STATE\n");
		return 2;
	}
	return serve(argv[0], argv[1], argv[2], NULL);
}

int esc_cmd_fd_server(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: esc-tool fd-server PATH FILE STATE\n");
		return 2;
	}
	return serve("unix-stream", argv[0], argv[2], argv[1]);
}

int esc_cmd_probe_tcp(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: esc-tool probe-tcp PORT STATE\n");
		return 2;
	}
	struct sockaddr_in sa;
	long count = 0;
	esc_inet_loopback(&sa, (unsigned)esc_number(argv[0]));
	esc_on_stop_signals();
	put_number(argv[1], "count", 0);
	put_number(argv[1], "ready", (long)esc_number(argv[0]));
	long long end = esc_now_ms() + ESC_TOOL_LIFETIME * 1000LL;
	while (!esc_stop && esc_now_ms() < end) {
		int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
		if (fd >= 0 && connect(fd, (struct sockaddr *)&sa, sizeof sa) == 0)
			put_number(argv[1], "count", ++count);
		if (fd >= 0)
			close(fd);
		struct timespec ts = { 0, 20 * 1000 * 1000 };
		nanosleep(&ts, NULL);
	}
	put_number(argv[1], "count", count);
	return 0;
}

int esc_cmd_free_low_port(int argc, char **argv)
{
	(void)argv;
	if (argc != 0)
		return 2;
	for (unsigned p = 1023; p >= 600; p--) {
		struct sockaddr_in sa;
		esc_inet_loopback(&sa, p);
		int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
		if (fd < 0)
			esc_die("socket");
		int r = bind(fd, (struct sockaddr *)&sa, sizeof sa);
		close(fd);
		if (r == 0) {
			printf("%u\n", p);
			return 0;
		}
	}
	fprintf(stderr, "no free port below 1024\n");
	return 1;
}

/* chatter PORT TOKEN STATE: local traffic for a sniffer to see, a UDP
 * datagram holding TOKEN to 127.0.0.1:PORT every 20 ms. */
int esc_cmd_chatter(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: esc-tool chatter PORT TOKEN STATE\n");
		return 2;
	}
	struct sockaddr_in sa;
	long count = 0;
	esc_inet_loopback(&sa, (unsigned)esc_number(argv[0]));
	int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		esc_die("socket");
	esc_on_stop_signals();
	put_number(argv[2], "count", 0);
	put_number(argv[2], "ready", (long)esc_number(argv[0]));
	long long end = esc_now_ms() + ESC_TOOL_LIFETIME * 1000LL;
	while (!esc_stop && esc_now_ms() < end) {
		if (sendto(fd, argv[1], strlen(argv[1]), 0, (struct sockaddr *)&sa, sizeof sa) >= 0)
			count++;
		struct timespec ts = { 0, 20 * 1000 * 1000 };
		nanosleep(&ts, NULL);
	}
	put_number(argv[2], "count", count);
	return 0;
}
