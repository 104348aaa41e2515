/* mmfreeze.h - while janus checks and runs an mprotect that makes memory
 * executable (its file judged as exec, mapped.h), no other task of the
 * address space runs: otherwise one could map another file over the range
 * (MAP_FIXED, mremap, or munmap and a plain mmap the prefilter lets by)
 * between the check and the call, and the call would make that file's
 * code executable (escape e0514).
 *
 * At the entry stop of such a call, janus interrupts every other traced
 * task sharing the address space (kcmp KCMP_VM) and waits until each is
 * stopped; a task in a call finishes it first (or is sent back to restart
 * it, and is judged again later).  Their stops are kept, and so is every
 * stop of such a task that reaches the event loop meanwhile (a thread
 * being born, a task that was blocked), until the exit stop (or death) of
 * the call's task: then they go to the event loop, in order (pinfd_stash).
 * Not interrupted, their next stop coming before any instruction of
 * theirs: a task listening in a group-stop (SIGCONT reports a stop first)
 * and a vfork parent waiting for its child (it is interrupted, but not
 * waited for: the child may be the very task of the call). */
#ifndef JANUS_MMFREEZE_H
#define JANUS_MMFREEZE_H

#include <stdbool.h>
#include <sys/types.h>

#include "pinfd.h"
#include "sysinfo.h"
#include "tracee.h"

struct mmfreeze {
	struct mmfreeze_stop {
		pid_t tid, owner;
		int status;
	} *kept;
	unsigned nkept, cap;
	pid_t *owner;		/* tasks whose call froze their address space */
	unsigned nowner, owner_cap;
};

/* Whether the call at *si (an entry) makes memory executable by mprotect. */
bool mmfreeze_wanted(const struct stop_info *si);
/* Stops the other tasks of tr's address space (above).  tr->mm_frozen is
 * set: its exit stop (or death) ends it (mmfreeze_end). */
void mmfreeze_begin(struct mmfreeze *f, struct pinfd *p, struct tracee_table *t,
		    struct tracee *tr);
/* A stop (status) of tid, not a death: true when it is kept, as tid shares
 * the address space of a task with a freeze on. */
bool mmfreeze_keep(struct mmfreeze *f, struct tracee_table *t, pid_t tid, int status);
/* owner's call is over (its exit stop): its kept stops go to the event
 * loop. */
void mmfreeze_end(struct mmfreeze *f, struct pinfd *p, struct tracee_table *t, pid_t owner);
/* tid is gone (its death reaped): a stop kept of it is dropped, and a
 * freeze of its call ends. */
void mmfreeze_gone(struct mmfreeze *f, struct pinfd *p, struct tracee_table *t, pid_t tid);
void mmfreeze_free(struct mmfreeze *f);

#endif
