/* judge.h - from a syscall-entry stop to a verdict: fetch from the tracee
 * what the policy needs (paths, addresses, control messages, targets,
 * i386 socketcall/ipc sub-calls), then ask the engine.  The engine never
 * sees ptrace; this file never sees policy syntax. */
#ifndef JANUS_JUDGE_H
#define JANUS_JUDGE_H

#include <limits.h>
#include <sys/socket.h>

#include "copy_plan.h"
#include "pinfd.h"
#include "policy.h"
#include "scratch.h"
#include "sysinfo.h"
#include "tracee.h"

struct judge {
	const struct policy *policy;
	struct tracee_table *tracees;
	/* Scratch reused for every call: no allocation on the hot path. */
	char path[2][PATH_MAX];
	char raw[2][PATH_MAX];
	const struct scratch_set *regions;	/* janus's regions: never remapped */
	struct sockaddr_storage addr;
	unsigned char *control;		/* CONTROL_MAX bytes */
	/* The call's plan items to pin with descriptors (pinfd.h), and the
	 * descriptors pinned for other tasks, which no call may replace. */
	struct pinfd_want want;
	const struct pinfd *pins;
	char reopen[32];	/* "/proc/thread-self/fd/N" (reopen.h) */
};

/* verdict.check of a call refused with the errno the kernel would give
 * itself (the path does not resolve, a pointer is bad): not reported. */
#define JUDGE_KERNEL "kernel"

void judge_init(struct judge *j, const struct policy *pol, struct tracee_table *t,
		const struct scratch_set *regions);
void judge_fini(struct judge *j);
/* Decides the call tr is entering.  Fills *v; *ev is the event the
 * engine saw (for reports).  Never fails: what cannot be fetched is
 * refused with the errno the kernel would have given (EFAULT, ...). */
void judge_call(struct judge *j, struct tracee *tr, const struct stop_info *si,
		struct sc_event *ev, struct verdict *v, struct copy_plan *plan);
/* Whether the policy judges executable mappings of files on ABI a (it has
 * fs rules): then READ_IMPLIES_EXEC, which would make every readable
 * mapping executable out of its sight, is refused. */
bool judge_checks_mappings(const struct judge *j, const struct janus_arch *a);

#endif
