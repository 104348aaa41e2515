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
#include <unistd.h>

#include "log.h"
#include "mmfreeze.h"

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

static void keep(struct mmfreeze *f, pid_t tid, pid_t owner, int status)
{
	if (f->nkept == f->cap) {
		unsigned cap = f->cap ? 2 * f->cap : 8;
		struct mmfreeze_stop *v = realloc(f->kept, cap * sizeof *v);
		if (!v)
			die_perror("kept stops");
		f->kept = v;
		f->cap = cap;
	}
	f->kept[f->nkept++] = (struct mmfreeze_stop){ tid, owner, status };
}

struct begin {
	struct mmfreeze *f;
	struct pinfd *p;
	struct tracee *owner;
};

/* Stops t (it shares the owner's address space) and keeps its stop. */
static void freeze_one(struct tracee *t, void *arg)
{
	struct begin *b = arg;
	if (t == b->owner || !same_vm(t->tid, b->owner->tid))
		return;
	if (pinfd_stashed(b->p, t->tid) || (t->flags & TF_LISTENING))
		return;		/* stopped: its stop passes mmfreeze_keep */
	if (ptrace(PTRACE_INTERRUPT, t->tid, NULL, NULL) < 0)
		return;		/* gone: its death is an event */
	if (t->flags & TF_VFORK_WAIT)
		return;		/* see mmfreeze.h */
	int status;
	pid_t r;
	do
		r = waitpid(t->tid, &status, __WALL);
	while (r < 0 && errno == EINTR);
	if (r != t->tid)
		return;
	if (WIFSTOPPED(status))
		keep(b->f, t->tid, b->owner->tid, status);
	else
		pinfd_stash(b->p, t->tid, status);	/* its death, for the event loop */
}

void mmfreeze_begin(struct mmfreeze *f, struct pinfd *p, struct tracee_table *t,
		    struct tracee *tr)
{
	if (f->nowner == f->owner_cap) {
		unsigned cap = f->owner_cap ? 2 * f->owner_cap : 4;
		pid_t *v = realloc(f->owner, cap * sizeof *v);
		if (!v)
			die_perror("frozen address spaces");
		f->owner = v;
		f->owner_cap = cap;
	}
	f->owner[f->nowner++] = tr->tid;
	tr->mm_frozen = true;
	struct begin b = { f, p, tr };
	tracee_foreach(t, freeze_one, &b);
}

bool mmfreeze_keep(struct mmfreeze *f, pid_t tid, int status)
{
	for (unsigned i = 0; i < f->nowner; i++)
		if (f->owner[i] != tid && same_vm(tid, f->owner[i])) {
			keep(f, tid, f->owner[i], status);
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
		if (k->owner != owner)
			f->kept[n++] = *k;
		else
			pinfd_stash(p, k->tid, k->status);
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
