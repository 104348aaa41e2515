/* prefilter.h - the seccomp filter janus installs in the command before
 * it execs, so that only the calls janus must look at stop.
 *
 * For each system call of each ABI janus has a table for, the filter
 * answers, in the kernel:
 *   SECCOMP_RET_ALLOW   when the policy allows it whatever its arguments,
 *                       does not log it, and janus itself has nothing to
 *                       check or pin (prefilter_watched());
 *   SECCOMP_RET_ERRNO   when the policy refuses it whatever its arguments
 *                       and nobody asked to see the refusal (--quiet, no
 *                       `log`);
 *   SECCOMP_RET_TRACE   for everything else: a PTRACE_EVENT_SECCOMP stop,
 *                       where janus judges the call as at a syscall-entry
 *                       stop.  Also the default: unknown numbers, other
 *                       ABIs (x32), anything the filter does not name.
 * Without a tracer RET_TRACE fails the call with ENOSYS, so a command
 * that somehow lost janus still runs nothing unchecked (fail closed).
 * The engine never sees seccomp; this file never sees policy syntax. */
#ifndef JANUS_PREFILTER_H
#define JANUS_PREFILTER_H

#include <linux/filter.h>
#include <stdbool.h>

#include "arch.h"
#include "policy.h"

struct prefilter {
	struct sock_filter *code;
	unsigned short len;
	unsigned n_allow, n_errno;	/* numbers answered in the kernel */
};

/* Builds the filter for pol into *pf (quiet: static refusals need not be
 * reported).  Returns 0 or -errno. */
int prefilter_build(const struct policy *pol, bool quiet, struct prefilter *pf);
/* In the command, before exec: installs pf (no_new_privs must be set).
 * Async-signal-safe.  Returns 0 or -errno. */
int prefilter_install(const struct prefilter *pf);
void prefilter_free(struct prefilter *pf);

/* Calls janus must see whatever the policy says: to defend its scratch
 * memory, keep new tasks traced, refuse tracer-competing seccomp filters,
 * follow exec.  The filter still lets some through in the kernel when
 * their register arguments show they are harmless (mmap without
 * MAP_FIXED). */
bool prefilter_watched(enum sc_id id);

#endif
