/* fork-storm [N]: fork N processes (default 500) in waves of 50, each
 * child exiting with a code computed from its index; the parent checks
 * every code it reaps.  A supervisor that loses or mixes up children makes
 * the check or the count fail (or hang). */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#define WAVE 50

static int code_of(int i)
{
	return (i * 7 + 3) % 251;
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 500;
	pid_t pids[WAVE];
	int reaped = 0, wrong = 0;
	unsigned long sum = 0;

	for (int base = 0; base < n; base += WAVE) {
		int count = n - base < WAVE ? n - base : WAVE;

		for (int k = 0; k < count; k++) {
			pids[k] = fork();
			if (pids[k] < 0) {
				perror("fork");
				return 1;
			}
			if (pids[k] == 0)
				_exit(getpid() > 0 ? code_of(base + k) : 255);
		}
		for (int k = 0; k < count; k++) {
			int status;

			if (waitpid(pids[k], &status, 0) != pids[k])
				continue;
			reaped++;
			if (!WIFEXITED(status) || WEXITSTATUS(status) != code_of(base + k))
				wrong++;
			else
				sum += (unsigned long)WEXITSTATUS(status);
		}
	}
	printf("forked %d, reaped %d, wrong codes %d, sum %lu\n", n, reaped, wrong, sum);
	return reaped == n && wrong == 0 ? 0 : 1;
}
