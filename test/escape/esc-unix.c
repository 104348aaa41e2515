/* esc-unix.c - unix sockets of the attack's own and the races that send
 * to them: connect in e0102, e0108 and e0207 (and over TCP in e0103),
 * sendmsg in e0110 and e0208 (see escape.h). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "escape.h"

static void *accept_all(void *listener)
{
	struct esc_listener *l = listener;
	while (!l->stop) {
		int c = accept(l->fd, NULL, NULL);
		if (c >= 0)
			close(c);
	}
	return NULL;
}

void esc_listener_start(struct esc_listener *l, const char *path)
{
	struct sockaddr_un sa;
	socklen_t len = esc_unix_addr(&sa, path);
	l->stop = 0;
	l->fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (l->fd < 0 || bind(l->fd, (struct sockaddr *)&sa, len) < 0 || listen(l->fd, 512) < 0)
		esc_die("listen on our own socket");
	if (pthread_create(&l->thread, NULL, accept_all, l) != 0)
		esc_die("pthread_create");
}

void esc_listener_stop(struct esc_listener *l)
{
	l->stop = 1;
	/* Wakes the thread out of accept(). */
	shutdown(l->fd, SHUT_RDWR);
	pthread_join(l->thread, NULL);
}

bool esc_race_connect(const struct sockaddr *sa, socklen_t len, int type, esc_peer_fn *forbidden,
		      const void *arg, const char *what)
{
	struct esc_race r;
	long connected = 0, refused = 0;
	int last = 0;
	bool reached = false;
	esc_race_init(&r);
	while (!reached && esc_race_go(&r)) {
		int s = socket(sa->sa_family, type, 0);
		if (s < 0)
			esc_die("socket");
		if (connect(s, sa, len) == 0) {
			struct sockaddr_storage peer;
			socklen_t pl = sizeof peer;
			connected++;
			memset(&peer, 0, sizeof peer);
			/* The peer's name is where the kernel connected. */
			if (getpeername(s, (struct sockaddr *)&peer, &pl) == 0 && forbidden(&peer, arg))
				reached = true;
		} else {
			refused++;
			last = errno;
		}
		close(s);
	}
	printf("connect race: %ld tries, %ld connected, %ld refused%s%s; peer was the forbidden %s: %s\n",
	       r.tries, connected, refused, refused ? ", last " : "",
	       refused ? esc_errno_name(last) : "", what, reached ? "yes" : "no");
	return reached;
}

static bool is_unix_path(const struct sockaddr_storage *peer, const void *path)
{
	return strcmp(((const struct sockaddr_un *)peer)->sun_path, path) == 0;
}

bool esc_race_connect_unix(const struct sockaddr_un *sa, socklen_t len, const char *forbidden)
{
	return esc_race_connect((const struct sockaddr *)sa, len,
				SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, is_unix_path, forbidden,
				"socket");
}

int esc_unix_dgram_bind(const char *path)
{
	struct sockaddr_un sa;
	socklen_t len = esc_unix_addr(&sa, path);
	int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0 || bind(fd, (struct sockaddr *)&sa, len) < 0)
		esc_die("bind our own socket");
	return fd;
}

void esc_race_sendmsg_unix(struct sockaddr_un *sa, socklen_t len, int mine, bool with_mmsg)
{
	int s = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (s < 0)
		esc_die("socket");
	struct iovec iov = { (void *)"x", 1 };
	struct mmsghdr mm = { .msg_hdr = { .msg_name = sa, .msg_namelen = len,
					   .msg_iov = &iov, .msg_iovlen = 1 } };
	struct esc_race r;
	long sent = 0, refused = 0;
	int last = 0;
	char drain[16];
	esc_race_init(&r);
	while (esc_race_go(&r)) {
		int ok = with_mmsg && r.tries % 2 ? sendmmsg(s, &mm, 1, MSG_DONTWAIT) == 1
						  : sendmsg(s, &mm.msg_hdr, MSG_DONTWAIT) >= 0;
		if (ok) {
			sent++;
		} else {
			refused++;
			last = errno;
		}
		/* Else ours fills up and the sends to it fail with EAGAIN. */
		while (recv(mine, drain, sizeof drain, MSG_DONTWAIT) > 0)
			;
	}
	printf("sendmsg race: %ld tries, %ld sent, %ld refused%s%s\n", r.tries, sent, refused,
	       refused ? ", last " : "", refused ? esc_errno_name(last) : "");
	close(s);
}
