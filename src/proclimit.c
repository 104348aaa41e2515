/* proclimit.c - the jail's task limit (see proclimit.h). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "grow.h"
#include "judge.h"
#include "log.h"
#include "procfs.h"
#include "proclimit.h"

void proclimit_init(struct proclimit *pl, const struct policy *pol)
{
	memset(pl, 0, sizeof *pl);
	pl->max = policy_limit_processes(pol);
	policy_limit_processes_rule(pol, &pl->file, &pl->line);
}

void proclimit_fini(struct proclimit *pl)
{
	free(pl->zombie);
	memset(pl, 0, sizeof *pl);
}

/* The state letter and start time (clock ticks after boot) of pid, from
 * /proc/PID/stat; false when there is no such task. */
static bool task_stat(pid_t pid, char *state, unsigned long long *start)
{
	char buf[1024];
	if (procfs_read(pid, "stat", buf, sizeof buf) <= 0)
		return false;
	/* starttime is the 19th field after the state. */
	const char *p = procfs_stat_fields(buf);
	if (!p)
		return false;
	*state = *p;
	for (int i = 0; i < 19; i++) {
		p = strchr(p, ' ');
		if (!p)
			return false;
		p++;
	}
	*start = strtoull(p, NULL, 10);
	return true;
}

static bool still_zombie(const struct zombie *z)
{
	char state;
	unsigned long long start;
	return task_stat(z->pid, &state, &start) && (state == 'Z' || state == 'X') &&
	       start == z->start;
}

/* Drops the zombies that were reaped (or whose pid is another task now). */
static void prune(struct proclimit *pl)
{
	unsigned kept = 0;
	for (unsigned i = 0; i < pl->nzombie; i++)
		if (still_zombie(&pl->zombie[i]))
			pl->zombie[kept++] = pl->zombie[i];
	pl->nzombie = kept;
}

unsigned proclimit_count(struct proclimit *pl, const struct tracee_table *t)
{
	prune(pl);
	return t->count + pl->pending + pl->nzombie;
}

static bool creates_task(const struct sc_event *ev)
{
	const struct sc_desc *sc = arch_syscall(ev->arch, ev->nr);
	enum sc_id id = ev->id != SC_COUNT ? ev->id : sc ? sc->id : SC_COUNT;
	return id == SC_fork || id == SC_vfork || id == SC_clone || id == SC_clone3;
}

void proclimit_judge(struct proclimit *pl, const struct tracee_table *t, struct tracee *tr,
		     const struct sc_event *ev, struct verdict *v)
{
	if (!pl->max || v->action != VERDICT_ALLOW || !creates_task(ev))
		return;
	unsigned n = t->count + pl->pending + pl->nzombie;
	if (n >= pl->max && pl->nzombie)
		n = proclimit_count(pl, t);	/* only near the limit: it reads /proc */
	if (n < pl->max) {
		if (!tr->fork_counted)
			pl->pending++;
		tr->fork_counted = true;
		return;
	}
	memset(v, 0, sizeof *v);
	v->action = VERDICT_DENY;
	v->err = EAGAIN;
	/* Reported once: after that, EAGAIN is the answer the program knows. */
	v->check = pl->reported ? JUDGE_KERNEL : "limit";
	v->file = pl->file;
	v->line = pl->line;
	pl->reported = true;
}

void proclimit_settled(struct proclimit *pl, struct tracee *tr)
{
	if (tr->fork_counted && pl->pending)
		pl->pending--;
	tr->fork_counted = false;
}

void proclimit_gone(struct proclimit *pl, struct tracee *tr, pid_t tid)
{
	if (tr)
		proclimit_settled(pl, tr);
	if (!pl->max)
		return;
	struct zombie z = { tid, 0 };
	char state;
	if (!task_stat(tid, &state, &z.start) || (state != 'Z' && state != 'X'))
		return;		/* reaped already, or a thread: no pid held */
	pl->zombie = grow_room(pl->zombie, pl->nzombie, &pl->capzombie, sizeof *pl->zombie, 64,
			       "process limit");
	pl->zombie[pl->nzombie++] = z;
}
