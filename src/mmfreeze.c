/* mmfreeze.c - the other tasks of an address space held stopped (see
 * mmfreeze.h). */
#include "config.h"

#include <errno.h>
#include <linux/kcmp.h>
#include <linux/mman.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <stdio.h>
#include <unistd.h>

#include "grow.h"
#include "log.h"
#include "mmfreeze.h"
#include "procfs.h"

bool mmfreeze_wanted(const struct stop_info *si)
{
	const struct sc_desc *sc = si->arch ? arch_syscall(si->arch, si->nr) : NULL;
	return sc && (sc->id == SC_mprotect || sc->id == SC_pkey_mprotect) &&
	       (si->args[2] & PROT_EXEC);
}

/* a and b share an address space; unknown (kcmp failed: a kernel
 * without it, or one task gone) counts as shared: a gone task is not
 * interrupted anyway (ptrace fails), and a live one is held for nothing
 * rather than left free to remap. */
static bool same_vm(pid_t a, pid_t b)
{
	long order = syscall(SYS_kcmp, a, b, KCMP_VM, 0, 0);
	return order != 1 && order != 2;
}

static void keep(struct mmfreeze *f, struct tracee *t, pid_t owner, int status)
{
	pid_t tid = t->tid;
	t->mm_kept = true;
	f->kept = grow_room(f->kept, f->nkept, &f->cap, sizeof *f->kept, 8, "kept stops");
	f->kept[f->nkept++] = (struct mmfreeze_stop){ tid, owner, status };
}

struct begin {
	struct mmfreeze *f;
	struct pinfd *p;
	struct tracee *owner;
};

/* Whether t is leaving: PF_EXITING in /proc/TID/stat's flags (field 9).
 * An exiting task runs no instruction of its own again, and never stops
 * (janus does not trace exits): an interrupt does nothing to it. */
static bool exiting(pid_t tid)
{
	char buf[1024];
	if (procfs_read(tid, "stat", buf, sizeof buf) <= 0)
		return true;	/* gone */
	const char *p = procfs_stat_fields(buf);
	unsigned long flags = 0;
	char state = 0;
	if (!p || sscanf(p, "%c %*d %*d %*d %*d %*d %lu", &state, &flags) != 2)
		return true;
	return state == 'Z' || state == 'X' || (flags & 0x4);	/* PF_EXITING */
}

/* Stops t (it shares the owner's address space) and keeps its stop.  The
 * interrupt reaches a running task or one in a call within moments; until
 * then janus polls, so that a task that starts exiting meanwhile is not
 * waited for. */
static void freeze_one(struct tracee *t, void *arg)
{
	struct begin *b = arg;
	if (t == b->owner || t->mm_kept || !same_vm(t->tid, b->owner->tid))
		return;
	if (pinfd_stashed(b->p, t->tid) || (t->flags & TF_LISTENING))
		return;		/* stopped: its stop passes mmfreeze_keep */
	if (ptrace(PTRACE_INTERRUPT, t->tid, NULL, NULL) < 0)
		return;		/* gone: its death is an event */
	if (t->flags & TF_VFORK_WAIT)
		return;		/* see mmfreeze.h */
	for (unsigned spins = 0;; spins++) {
		int status;
		pid_t r = waitpid(t->tid, &status, __WALL | WNOHANG);
		if (r == t->tid) {
			if (WIFSTOPPED(status))
				keep(b->f, t, b->owner->tid, status);
			else
				pinfd_stash(b->p, t->tid, status);	/* its death, for the loop */
			return;
		}
		if (r < 0 && errno != EINTR)
			return;
		if (r == 0 && exiting(t->tid))
			return;
		struct timespec ts = { 0, spins < 100 ? 10000 : 1000000 };
		nanosleep(&ts, NULL);
	}
}

void mmfreeze_begin(struct mmfreeze *f, struct pinfd *p, struct tracee_table *t,
		    struct tracee *tr)
{
	f->owner = grow_room(f->owner, f->nowner, &f->owner_cap, sizeof *f->owner, 4,
			     "frozen address spaces");
	f->owner[f->nowner++] = tr->tid;
	tr->mm_frozen = true;
	struct begin b = { f, p, tr };
	tracee_foreach(t, freeze_one, &b);
}

bool mmfreeze_keep(struct mmfreeze *f, struct tracee_table *t, pid_t tid, int status)
{
	for (unsigned i = 0; i < f->nowner; i++)
		if (f->owner[i] != tid && same_vm(tid, f->owner[i])) {
			/* A thread janus has not heard of yet is known from here. */
			keep(f, tracee_add(t, tid, 0), f->owner[i], status);
			return true;
		}
	return false;
}

void mmfreeze_end(struct mmfreeze *f, struct pinfd *p, struct tracee_table *t, pid_t owner)
{
	unsigned i, n = 0;
	for (i = 0; i < f->nowner && f->owner[i] != owner; i++)
		;
	if (i == f->nowner)
		return;
	f->owner[i] = f->owner[--f->nowner];
	struct tracee *tr = tracee_find(t, owner);
	if (tr)
		tr->mm_frozen = false;
	/* Also the stops of tasks janus has not heard of yet (a thread
	 * whose first stop came before its parent's clone event). */
	for (i = 0; i < f->nkept; i++) {
		struct mmfreeze_stop *k = &f->kept[i];
		if (k->owner != owner) {
			f->kept[n++] = *k;
		} else {
			pinfd_stash(p, k->tid, k->status);
			struct tracee *kt = tracee_find(t, k->tid);
			if (kt)
				kt->mm_kept = false;	/* stashed: pinfd_stashed tells */
		}
	}
	f->nkept = n;
}

void mmfreeze_gone(struct mmfreeze *f, struct pinfd *p, struct tracee_table *t, pid_t tid)
{
	unsigned n = 0;
	for (unsigned i = 0; i < f->nkept; i++)
		if (f->kept[i].tid != tid)
			f->kept[n++] = f->kept[i];
	f->nkept = n;
	mmfreeze_end(f, p, t, tid);
}

void mmfreeze_free(struct mmfreeze *f)
{
	free(f->kept);
	free(f->owner);
	memset(f, 0, sizeof *f);
}
