/* e0902-huge-args - arguments built to exhaust or confuse the
 * supervisor's argument reading.
 *
 * Attack: paths with no NUL for a megabyte, a path that ends at an
 * unmapped page, thousands of "./" components, a chain of symbolic links
 * longer than the kernel follows, a symlink loop, socket address and
 * control lengths of a gigabyte, a sendmmsg vector of a million
 * messages, an execve with 20000 arguments, a poll of a million fds.
 * Each must fail as natively (or work) without hanging or killing the
 * supervisor; the program prints "done" at the end.
 * Source: DESIGN.md ("denial of service on the supervisor: huge
 * arguments").
 * Usage: e0902-huge-args NAME   (NAME: a file in the cwd) */
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "escape.h"

#define MIB (1024 * 1024)

static void paths(const char *name)
{
	char *big = mmap(NULL, MIB + 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (big == MAP_FAILED)
		esc_die("mmap");
	memset(big, 'a', MIB);
	mprotect(big + MIB, 4096, PROT_NONE);	/* no NUL before the guard page */
	esc_show_result("open of 1 MiB without NUL", open(big, O_RDONLY));
	esc_show_result("open of a path running into an unmapped page",
			open(big + MIB - 100, O_RDONLY));
	munmap(big, MIB + 4096);

	char p[PATH_MAX];
	size_t at = 0;
	while (at + 2 + strlen(name) + 1 < sizeof p) {
		memcpy(p + at, "./", 2);
		at += 2;
	}
	strcpy(p + at, name);
	esc_show_fd("open of ./././... NAME", open(p, O_RDONLY));

	unlink("e0902-l");
	if (symlink(".", "e0902-l") == 0) {
		at = 0;
		while (at + 8 + strlen(name) + 1 < sizeof p) {
			memcpy(p + at, "e0902-l/", 8);
			at += 8;
		}
		strcpy(p + at, name);
		esc_show_fd("open through 500 symlinks to .", open(p, O_RDONLY));
	}
	unlink("e0902-a");
	unlink("e0902-b");
	if (symlink("e0902-b", "e0902-a") == 0 && symlink("e0902-a", "e0902-b") == 0)
		esc_show_fd("open of a symlink loop", open("e0902-a", O_RDONLY));
}

static void sockets(void)
{
	int s = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	struct sockaddr_un sa;
	esc_unix_addr(&sa, "e0902-sock");
	esc_show_result("connect with addrlen 1 GiB", connect(s, (struct sockaddr *)&sa, 1U << 30));
	char small[64] = { 0 };
	struct iovec iov = { small, 1 };
	struct msghdr m = { .msg_name = &sa, .msg_namelen = sizeof sa, .msg_iov = &iov,
			    .msg_iovlen = 1, .msg_control = small, .msg_controllen = 1U << 30 };
	esc_show_result("sendmsg with controllen 1 GiB", sendmsg(s, &m, 0));
	struct mmsghdr mm[2];
	memset(mm, 0, sizeof mm);
	esc_show_result("sendmmsg of a million messages", sendmmsg(s, mm, 1U << 20, 0));
	struct pollfd pf[1];
	esc_show_result("poll of a million fds", syscall(SYS_poll, pf, 1UL << 20, 0));
	close(s);
}

static void big_exec(void)
{
	enum { N = 20000 };
	char **av = calloc(N + 2, sizeof *av);
	char *arg = malloc(100);
	if (!av || !arg)
		esc_die("malloc");
	memset(arg, 'x', 99);
	arg[99] = '\0';
	av[0] = (char *)"true";
	for (int i = 1; i <= N; i++)
		av[i] = arg;
	fflush(NULL);
	pid_t pid = fork();
	if (pid == 0) {
		execv("/bin/true", av);
		_exit(127);
	}
	int status = 0;
	waitpid(pid, &status, 0);
	printf("execve /bin/true with %d arguments: exit %d\n", N,
	       WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
	free(av);
	free(arg);
}

int main(int argc, char **argv)
{
	esc_need_args(argc, 2, "e0902-huge-args NAME");
	paths(argv[1]);
	sockets();
	big_exec();
	printf("done\n");
	return 0;
}
