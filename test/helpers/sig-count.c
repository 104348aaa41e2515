/* sig-count N: count signal deliveries, which must be exactly N each.
 *  1. a child sends SIGUSR1 N times, waiting for an acknowledgement after
 *     each one (so none can merge with the next);
 *  2. the process raises SIGUSR2 on itself N times;
 *  3. N (<= 32) real-time signals are queued while blocked, each with its
 *     index as value, then unblocked: all must arrive, in order.
 * A supervisor that swallows a signal makes this hang (caught by the test
 * timeout); one that duplicates a signal makes a count too high. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAXRT 32

static volatile sig_atomic_t usr1, usr2, rt;
static volatile int rt_values[MAXRT];

static void on_usr1(int sig) { (void)sig; usr1++; }
static void on_usr2(int sig) { (void)sig; usr2++; }

static void on_rt(int sig, siginfo_t *si, void *ctx)
{
	(void)sig;
	(void)ctx;
	if (rt < MAXRT)
		rt_values[rt] = si->si_value.sival_int;
	rt++;
}

static int from_child(int n)
{
	int ack[2], status;
	sigset_t usr1_set, others;
	pid_t child;

	sigemptyset(&usr1_set);
	sigaddset(&usr1_set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &usr1_set, &others);
	sigdelset(&others, SIGUSR1);
	if (pipe(ack) != 0)
		return -1;
	child = fork();
	if (child == 0) {
		char c;

		for (int i = 0; i < n; i++)
			if (kill(getppid(), SIGUSR1) != 0 || read(ack[0], &c, 1) != 1)
				_exit(1);
		_exit(0);
	}
	for (int i = 0; i < n; i++) {
		while (usr1 <= i)
			sigsuspend(&others);
		if (write(ack[1], "a", 1) != 1)
			return -1;
	}
	if (waitpid(child, &status, 0) != child || status != 0)
		return -1;
	sigprocmask(SIG_UNBLOCK, &usr1_set, NULL);
	return usr1;
}

static int queued(int n, int *in_order)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGRTMIN);
	sigprocmask(SIG_BLOCK, &set, NULL);
	for (int i = 0; i < n; i++) {
		union sigval v = { .sival_int = i };

		if (sigqueue(getpid(), SIGRTMIN, v) != 0)
			return -1;
	}
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	*in_order = 1;
	for (int i = 0; i < n && i < rt; i++)
		if (rt_values[i] != i)
			*in_order = 0;
	return rt;
}

int main(int argc, char **argv)
{
	struct sigaction sa = { 0 };
	int n = argc > 1 ? atoi(argv[1]) : 100;
	int in_order = 0, got;

	if (n <= 0) {
		fprintf(stderr, "usage: sig-count N\n");
		return 2;
	}
	sa.sa_handler = on_usr1;
	sigaction(SIGUSR1, &sa, NULL);
	sa.sa_handler = on_usr2;
	sigaction(SIGUSR2, &sa, NULL);
	sa.sa_sigaction = on_rt;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGRTMIN, &sa, NULL);

	printf("SIGUSR1 sent by a child: %d delivered\n", from_child(n));
	for (int i = 0; i < n; i++)
		raise(SIGUSR2);
	printf("SIGUSR2 raised: %d delivered\n", (int)usr2);
	got = queued(n < MAXRT ? n : MAXRT, &in_order);
	printf("SIGRTMIN queued: %d delivered, %s\n", got, in_order ? "in order" : "OUT OF ORDER");
	return 0;
}
