/* threads [TIDFILE]: 8 threads make many system calls at once, each
 * checking every result, so a supervisor that mixes up threads or loses a
 * call shows up as a wrong line.  Output is deterministic; the thread ids
 * (main first) go to TIDFILE so a test can find them in a trace. */
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#define NTHREADS 8
#define ROUNDS 2000

struct worker {
	pthread_t thread;
	int index;
	pid_t tid;
	long errors;
	unsigned long sum;
};

static pthread_barrier_t start;
static pid_t pid;

static void *work(void *arg)
{
	struct worker *w = arg;
	char buf[64];

	w->tid = (pid_t)syscall(SYS_gettid);
	pthread_barrier_wait(&start);
	for (int i = 0; i < ROUNDS; i++) {
		int len = snprintf(buf, sizeof(buf), "thread %d round %d\n", w->index, i);
		int fd = open("/dev/null", O_WRONLY | O_CLOEXEC);

		if (fd < 0 || write(fd, buf, (size_t)len) != len || close(fd) != 0)
			w->errors++;
		if (syscall(SYS_getpid) != pid || syscall(SYS_gettid) != w->tid)
			w->errors++;
		w->sum += (unsigned long)len * (unsigned long)(i + 1);
	}
	return NULL;
}

int main(int argc, char **argv)
{
	struct worker w[NTHREADS];
	unsigned long total = 0;
	int bad = 0;

	pid = getpid();
	pthread_barrier_init(&start, NULL, NTHREADS);
	for (int i = 0; i < NTHREADS; i++) {
		memset(&w[i], 0, sizeof(w[i]));
		w[i].index = i;
		if (pthread_create(&w[i].thread, NULL, work, &w[i]) != 0) {
			perror("pthread_create");
			return 1;
		}
	}
	for (int i = 0; i < NTHREADS; i++)
		pthread_join(w[i].thread, NULL);
	for (int i = 0; i < NTHREADS; i++) {
		printf("thread %d: %d rounds, %ld errors, sum %lu\n",
		       i, ROUNDS, w[i].errors, w[i].sum);
		total += w[i].sum;
		bad |= w[i].errors != 0;
	}
	printf("checksum %lu\n", total);
	if (argc > 1) {
		FILE *f = fopen(argv[1], "w");

		if (!f) {
			perror(argv[1]);
			return 1;
		}
		fprintf(f, "%d\n", (int)pid);
		for (int i = 0; i < NTHREADS; i++)
			fprintf(f, "%d\n", (int)w[i].tid);
		fclose(f);
	}
	return bad;
}
