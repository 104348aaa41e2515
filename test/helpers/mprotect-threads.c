/* mprotect-threads - makes memory executable by mprotect, again and again,
 * while other threads are blocked in calls (a pipe read, a condition
 * variable, nanosleep), spawn programs (posix_spawn: vfork), map and
 * unmap memory, and take signals: under janus each such mprotect stops
 * every other thread of the address space (src/mmfreeze.h), which must
 * neither hang nor change what any thread sees.  The code made
 * executable returns a value the caller checks.
 * Usage: mprotect-threads ROUNDS [FILE]: with FILE, last tries to make a
 * mapping of FILE executable and prints "file ok" or the errno.
 *        mprotect-threads leader-exit N: N processes whose main thread
 *          exits (SYS_exit) while another makes memory executable: an
 *          exiting task never stops, janus must not wait for it;
 *        mprotect-threads fd-calls N: a thread makes memory executable,
 *          another dup2s (janus notes the call running), a process sharing
 *          the descriptor table but not the memory makes pinned path calls
 *          (janus waits for running dup2s first): janus must not wait for a
 *          stop it already holds. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1	/* strerrorname_np */
#endif
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sched.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;
static int pfd[2];
static volatile sig_atomic_t stop, sigs;
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static long reads, spawns, maps, naps;

static void on_usr1(int s)
{
	(void)s;
	sigs++;
}

static void *reader(void *a)
{
	(void)a;
	char c;
	while (read(pfd[0], &c, 1) == 1 && c == 'x')
		reads++;
	return NULL;
}

static void *spawner(void *a)
{
	(void)a;
	char *av[] = { (char *)"true", NULL };
	while (!stop) {
		pid_t p;
		int st;
		if (posix_spawn(&p, "/bin/true", NULL, NULL, av, environ) != 0 ||
		    waitpid(p, &st, 0) != p || !WIFEXITED(st) || WEXITSTATUS(st) != 0) {
			fprintf(stderr, "posix_spawn of /bin/true failed\n");
			exit(1);
		}
		spawns++;
	}
	return NULL;
}

static void *waiter(void *a)
{
	(void)a;
	pthread_mutex_lock(&mu);
	while (!stop)
		pthread_cond_wait(&cv, &mu);
	pthread_mutex_unlock(&mu);
	return NULL;
}

static void *mapper(void *a)
{
	(void)a;
	while (!stop) {
		char *p = mmap(NULL, 65536, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (p == MAP_FAILED)
			exit(1);
		p[0] = 1;
		munmap(p, 65536);
		maps++;
	}
	return NULL;
}

static void *napper(void *a)
{
	(void)a;
	struct timespec ts = { 0, 1000000 };
	while (!stop) {
		nanosleep(&ts, NULL);
		naps++;
	}
	return NULL;
}

/* mov eax, v; ret */
static int run_code(int v)
{
	unsigned char *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return -1;
	p[0] = 0xb8;
	memcpy(p + 1, &v, 4);
	p[5] = 0xc3;
	if (mprotect(p, 4096, PROT_READ | PROT_EXEC) != 0) {
		perror("mprotect");
		exit(1);
	}
	int got = ((int (*)(void))p)();
	munmap(p, 4096);
	return got;
}

/* Makes a page executable and writable again, n times. */
static void *flip(void *a)
{
	long n = (long)a;
	char *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		exit(1);
	for (long i = 0; i < n; i++)
		if (mprotect(p, 4096, PROT_READ | PROT_EXEC) != 0 ||
		    mprotect(p, 4096, PROT_READ | PROT_WRITE) != 0)
			exit(1);
	return NULL;
}

static void *flip_then_exit(void *a)
{
	flip(a);
	_exit(0);
}

static int leader_exit(int n)
{
	for (int i = 0; i < n; i++) {
		pid_t c = fork();
		if (c < 0)
			return 1;
		if (c == 0) {
			pthread_t t;
			if (pthread_create(&t, NULL, flip_then_exit, (void *)500L) != 0)
				_exit(1);
			struct timespec ts = { 0, 100000 + (i % 50) * 20000 };
			nanosleep(&ts, NULL);
			syscall(SYS_exit, 0);	/* this thread only */
		}
		int st;
		if (waitpid(c, &st, 0) != c || !WIFEXITED(st) || WEXITSTATUS(st) != 0)
			return 1;
	}
	printf("leader-exit %d ok\n", n);
	return 0;
}

static void *dups(void *a)
{
	for (long i = 0; i < (long)a; i++)
		if (dup2(0, 100) != 100)
			exit(1);
	return NULL;
}

static int paths(void *a)
{
	for (long i = 0; i < (long)a; i++)
		if (mkdir("fd-calls.d", 0700) != 0 || rmdir("fd-calls.d") != 0)
			return 1;
	return 0;
}

static int fd_calls(long n)
{
	static char stack[1 << 16];
	pid_t c = clone(paths, stack + sizeof stack, CLONE_FILES | SIGCHLD, (void *)n);
	if (c < 0)
		return 1;
	pthread_t a, b;
	if (pthread_create(&a, NULL, flip, (void *)n) != 0 ||
	    pthread_create(&b, NULL, dups, (void *)n) != 0)
		return 1;
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	int st;
	if (waitpid(c, &st, 0) != c || !WIFEXITED(st) || WEXITSTATUS(st) != 0)
		return 1;
	printf("fd-calls %ld ok\n", n);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "leader-exit") == 0)
		return leader_exit(atoi(argv[2]));
	if (argc == 3 && strcmp(argv[1], "fd-calls") == 0)
		return fd_calls(atol(argv[2]));
	if (argc < 2) {
		fprintf(stderr, "usage: mprotect-threads ROUNDS [FILE]\n");
		return 2;
	}
	int rounds = atoi(argv[1]);
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_usr1;
	sigaction(SIGUSR1, &sa, NULL);	/* no SA_RESTART: calls see EINTR */
	if (pipe(pfd) < 0)
		return 1;
	pthread_t t[6];
	void *(*fn[6])(void *) = { reader, spawner, waiter, mapper, mapper, napper };
	for (int i = 0; i < 6; i++)
		if (pthread_create(&t[i], NULL, fn[i], NULL) != 0)
			return 1;
	for (int i = 0; i < rounds; i++) {
		if (run_code(i) != i) {
			fprintf(stderr, "round %d: the code made executable returned something else\n", i);
			return 1;
		}
		if (i % 16 == 0) {
			if (write(pfd[1], "x", 1) != 1)
				return 1;
			pthread_mutex_lock(&mu);
			pthread_cond_signal(&cv);
			pthread_mutex_unlock(&mu);
			pthread_kill(t[5], SIGUSR1);
		}
	}
	stop = 1;
	if (write(pfd[1], "q", 1) != 1)
		return 1;
	pthread_mutex_lock(&mu);
	pthread_cond_broadcast(&cv);
	pthread_mutex_unlock(&mu);
	for (int i = 0; i < 6; i++)
		pthread_join(t[i], NULL);
	if (reads != (rounds + 15) / 16) {
		fprintf(stderr, "the reader got %ld bytes, expected %d\n", reads, (rounds + 15) / 16);
		return 1;
	}
	printf("rounds %d ok\n", rounds);
	if (argc > 2) {
		int fd = open(argv[2], O_RDONLY);
		void *q = fd < 0 ? MAP_FAILED : mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, fd, 0);
		if (q == MAP_FAILED) {
			perror(argv[2]);
			return 1;
		}
		printf("file %s\n", mprotect(q, 4096, PROT_READ | PROT_EXEC) ? strerrorname_np(errno) : "ok");
	}
	return 0;
}
