/* spinners N READY: fork N children (one of which forks a grandchild)
 * that run forever -- busy in system calls, sleeping, or blocked in
 * read() -- then write their pids to READY and block in wait().
 * A test kills their supervisor and checks that none survive. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int never[2], report[2];

static void run_forever(int kind)
{
	struct timespec tick = { 0, 10 * 1000 * 1000 };
	char c;

	for (;;) {
		switch (kind % 3) {
		case 0:
			syscall(SYS_getppid);
			break;
		case 1:
			nanosleep(&tick, NULL);
			break;
		default:
			if (read(never[0], &c, 1) >= 0)
				_exit(1);
		}
	}
}

int main(int argc, char **argv)
{
	int n = argc == 3 ? atoi(argv[1]) : 0;
	char tmp[4096];
	FILE *f;

	if (n <= 0) {
		fprintf(stderr, "usage: spinners N READY\n");
		return 2;
	}
	if (pipe(never) != 0 || pipe(report) != 0)
		return 1;
	snprintf(tmp, sizeof(tmp), "%s.tmp", argv[2]);
	f = fopen(tmp, "w");
	if (!f)
		return 1;
	for (int i = 0; i < n; i++) {
		pid_t pid = fork();

		if (pid < 0)
			return 1;
		if (pid == 0) {
			if (i == 0) {
				pid_t gc = fork();

				if (gc == 0)
					run_forever(1);
				if (write(report[1], &gc, sizeof(gc)) != sizeof(gc))
					_exit(1);
			}
			run_forever(i);
		}
		fprintf(f, "%d\n", (int)pid);
		if (i == 0) {
			pid_t gc;

			if (read(report[0], &gc, sizeof(gc)) != sizeof(gc) || gc <= 0)
				return 1;
			fprintf(f, "%d\n", (int)gc);
		}
	}
	fclose(f);
	if (rename(tmp, argv[2]) != 0)
		return 1;
	for (;;)
		if (wait(NULL) < 0)
			pause();
}
