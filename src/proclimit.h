/* proclimit.h - `limit processes N`: the jail may have at most N tasks.
 *
 * Tasks are counted as RLIMIT_NPROC counts them: every process and every
 * thread (each is a tracee janus serves, and a thread storm costs the
 * host and janus as much as a fork storm), plus the zombies of members
 * their parents have not reaped yet (each holds a pid).  The members are
 * janus's tracee table; a fork, vfork or clone allowed at its entry stop
 * counts as the task it may create until the child is in the table or
 * the call is over, so concurrent forks cannot overshoot.  A call that
 * would make one task too many is refused with EAGAIN, as the kernel
 * refuses fork beyond RLIMIT_NPROC; the first refusal is reported, later
 * ones are not news. */
#ifndef JANUS_PROCLIMIT_H
#define JANUS_PROCLIMIT_H

#include <stdbool.h>
#include <sys/types.h>

#include "policy.h"
#include "tracee.h"

struct proclimit {
	unsigned max;			/* 0: no limit */
	const char *file;		/* the `limit processes` directive */
	unsigned line;
	unsigned pending;		/* tasks counted before janus sees them */
	bool reported;			/* the first refusal was */
	struct zombie {
		pid_t pid;
		unsigned long long start;	/* /proc/PID/stat starttime */
	} *zombie;
	unsigned nzombie, capzombie;
};

void proclimit_init(struct proclimit *pl, const struct policy *pol);
void proclimit_fini(struct proclimit *pl);
/* Entry stop of tr, after the policy's verdict *v on ev: a task-creating
 * call beyond the limit is refused (EAGAIN); an allowed one is counted. */
void proclimit_judge(struct proclimit *pl, const struct tracee_table *t, struct tracee *tr,
		     const struct sc_event *ev, struct verdict *v);
/* tr's new task is in the table (fork/clone event), or its call is over
 * (exit stop): it no longer counts for one in advance. */
void proclimit_settled(struct proclimit *pl, struct tracee *tr);
/* tr (NULL if unknown) is gone, tid its id: its advance count is
 * released, and a zombie it leaves is counted until its parent reaps it. */
void proclimit_gone(struct proclimit *pl, struct tracee *tr, pid_t tid);
/* Members now: the table, tasks counted in advance, zombies (stale ones
 * dropped first).  For the limit and for tests. */
unsigned proclimit_count(struct proclimit *pl, const struct tracee_table *t);

#endif
