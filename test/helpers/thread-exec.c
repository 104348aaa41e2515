/* thread-exec: a non-main thread calls execve() while the other threads
 * are blocked in read(), in a futex (join) and in a busy getppid() loop.
 * The kernel kills the other threads and gives the exec'ing thread the
 * leader's pid; the new image (this program again, with --after) checks
 * that and exits 7.  Output is deterministic. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static int blocker[2];
static pthread_barrier_t ready;

static void *block_in_read(void *arg)
{
	char c;

	(void)arg;
	pthread_barrier_wait(&ready);
	if (read(blocker[0], &c, 1) >= 0)
		fprintf(stderr, "thread-exec: read returned\n");
	return NULL;
}

static void *spin_in_syscalls(void *arg)
{
	(void)arg;
	pthread_barrier_wait(&ready);
	for (;;)
		syscall(SYS_getppid);
	return NULL;
}

static void *exec_self(void *arg)
{
	char pid[32], tid[32];
	char *argv[] = { "thread-exec", "--after", pid, tid, NULL };

	(void)arg;
	pthread_barrier_wait(&ready);
	usleep(100 * 1000);	/* let the others enter their calls */
	snprintf(pid, sizeof(pid), "%d", (int)getpid());
	snprintf(tid, sizeof(tid), "%ld", (long)syscall(SYS_gettid));
	execv("/proc/self/exe", argv);
	perror("execv /proc/self/exe");
	exit(1);
}

static int after_exec(const char *old_pid, const char *old_tid)
{
	int same_pid = getpid() == atoi(old_pid);
	int was_leader = atoi(old_tid) == atoi(old_pid);

	printf("after exec: same pid %s, exec came from a non-main thread %s\n",
	       same_pid ? "yes" : "no", was_leader ? "no" : "yes");
	return same_pid && !was_leader ? 7 : 1;
}

int main(int argc, char **argv)
{
	pthread_t t[3];

	if (argc == 4 && strcmp(argv[1], "--after") == 0)
		return after_exec(argv[2], argv[3]);
	setvbuf(stdout, NULL, _IONBF, 0);
	printf("before exec\n");
	if (pipe(blocker) != 0) {
		perror("pipe");
		return 1;
	}
	pthread_barrier_init(&ready, NULL, 3);
	pthread_create(&t[0], NULL, block_in_read, NULL);
	pthread_create(&t[1], NULL, spin_in_syscalls, NULL);
	pthread_create(&t[2], NULL, exec_self, NULL);
	pthread_join(t[2], NULL);	/* never returns: the exec kills us */
	fprintf(stderr, "thread-exec: join returned\n");
	return 1;
}
