/* timeit: run one command and record how long it took.
 *
 * Usage: timeit RESULT-FILE PROGRAM [ARGUMENT ...]
 *
 * Runs PROGRAM (found on PATH) with timeit's own standard streams and
 * writes "NANOSECONDS STATUS CPU-NANOSECONDS\n" to RESULT-FILE: the elapsed
 * CLOCK_MONOTONIC time from just before fork to just after the wait, the
 * exit status (128 + N if killed by signal N, 127 if it could not be
 * started), and the CPU time (user + system) PROGRAM and the processes it
 * waited for used: on a busy machine that varies much less than the
 * elapsed time, which includes waiting for a CPU.  The shell around it
 * cannot time as precisely: `date +%s%N` costs a fork and an exec of its
 * own and is not monotonic.
 *
 * Exit status: 0 when RESULT-FILE was written, 2 otherwise. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* The status as a shell reports it in $?. */
static int shell_status(int wstatus)
{
	if (WIFEXITED(wstatus))
		return WEXITSTATUS(wstatus);
	if (WIFSIGNALED(wstatus))
		return 128 + WTERMSIG(wstatus);
	return 255;
}

static long long tv_ns(struct timeval tv)
{
	return (long long)tv.tv_sec * 1000000000LL + (long long)tv.tv_usec * 1000LL;
}

static int write_result(const char *path, long long ns, int status, long long cpu_ns)
{
	FILE *f = fopen(path, "w");

	if (!f)
		return -errno;
	fprintf(f, "%lld %d %lld\n", ns, status, cpu_ns);
	if (fclose(f) != 0)
		return -errno;
	return 0;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: timeit RESULT-FILE PROGRAM [ARGUMENT ...]\n");
		return 2;
	}

	long long start = now_ns();
	pid_t pid = fork();
	if (pid < 0) {
		perror("timeit: fork");
		return 2;
	}
	if (pid == 0) {
		execvp(argv[2], argv + 2);
		fprintf(stderr, "timeit: %s: %s\n", argv[2], strerror(errno));
		_exit(127);
	}

	int wstatus;
	struct rusage ru;
	while (wait4(pid, &wstatus, 0, &ru) < 0) {
		if (errno != EINTR) {
			perror("timeit: wait4");
			return 2;
		}
	}
	long long elapsed = now_ns() - start;
	long long cpu = tv_ns(ru.ru_utime) + tv_ns(ru.ru_stime);

	int err = write_result(argv[1], elapsed, shell_status(wstatus), cpu);
	if (err < 0) {
		fprintf(stderr, "timeit: %s: %s\n", argv[1], strerror(-err));
		return 2;
	}
	return 0;
}
