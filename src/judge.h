/* judge.h - from a syscall-entry stop to a verdict: fetch from the tracee
 * what the policy needs (paths, addresses, control messages, targets,
 * i386 socketcall/ipc sub-calls), then ask the engine.  The engine never
 * sees ptrace; this file never sees policy syntax. */
#ifndef JANUS_JUDGE_H
#define JANUS_JUDGE_H

#include <limits.h>
#include <sys/socket.h>

#include "policy.h"
#include "scratch.h"
#include "sysinfo.h"
#include "tracee.h"

/* What the kernel must read instead of the tracee's own memory: each item
 * is copied into the caller's scratch region and args[arg] pointed at it. */
struct copy_plan {
	unsigned n;
	struct copy_item {
		int8_t arg;
		const void *data;
		size_t len;
	} item[3];
	/* The open family becomes openat2(AT_FDCWD, item[0], &how, 24) with
	 * RESOLVE_NO_SYMLINKS on the canonical path: a component swapped for a
	 * symlink after the check fails (ELOOP) instead of being followed. */
	bool to_openat2;
	uint64_t how_flags, how_mode;
};

struct judge {
	const struct policy *policy;
	struct tracee_table *tracees;
	/* Scratch reused for every call: no allocation on the hot path. */
	char path[2][PATH_MAX];
	char raw[2][PATH_MAX];
	const struct scratch_set *regions;	/* janus's regions: never remapped */
	struct sockaddr_storage addr;
	unsigned char *control;		/* CONTROL_MAX bytes */
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

#endif
