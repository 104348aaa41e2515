/* wait-sig [-c]: print "ready" and wait for signals.  Without -c every
 * signal has its default action (the process dies of it); with -c the
 * first signal is caught, reported as "caught SIGxxx", and the program
 * exits 0 -- proof that it was delivered rather than acted on by a
 * supervisor. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "signame.h"

static volatile sig_atomic_t caught;

static void on_signal(int sig)
{
	caught = sig;
}

int main(int argc, char **argv)
{
	int catch = argc > 1 && strcmp(argv[1], "-c") == 0;
	sigset_t all, none;

	/* Blocked until sigsuspend(): a signal that comes right after "ready"
	 * cannot slip in between the test of `caught` and the wait. */
	sigfillset(&all);
	sigprocmask(SIG_SETMASK, &all, NULL);
	for (int sig = 1; sig < 32; sig++)
		if (sig != SIGKILL && sig != SIGSTOP && sig != SIGCHLD && sig != SIGCONT)
			signal(sig, catch ? on_signal : SIG_DFL);
	printf("ready\n");
	fflush(stdout);
	sigemptyset(&none);
	while (!caught)
		sigsuspend(&none);
	printf("caught %s\n", sig_name(caught));
	return 0;
}
