/* spawn-loop: process creation.  Starts a program (by default /bin/true)
 * many times with posix_spawn and waits for each, so the run time is
 * dominated by fork, exec, dynamic loading and exit.
 * Usage: spawn-loop [COUNT [PROGRAM]]; prints how many exited 0. */
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

extern char **environ;

int main(int argc, char **argv)
{
	long n = argc > 1 ? strtol(argv[1], NULL, 10) : 300;
	char *prog = argc > 2 ? argv[2] : "/bin/true";
	char *child_argv[] = { prog, NULL };
	long ok = 0;

	for (long i = 0; i < n; i++) {
		pid_t pid;
		int status, err = posix_spawn(&pid, prog, NULL, NULL, child_argv, environ);

		if (err) {
			fprintf(stderr, "spawn-loop: %s: %s\n", prog, strerror(err));
			return 1;
		}
		if (waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
		    WEXITSTATUS(status) == 0)
			ok++;
	}
	printf("spawn-loop: %ld spawns of %s, %ld exited 0\n", n, prog, ok);
	return ok == n ? 0 : 1;
}
