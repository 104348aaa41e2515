/* supervisor.h - the event loop: every stop of every tracee, classified and
 * answered.  State lives in struct supervisor, never in globals, so the
 * dispatcher can be driven with synthetic events. */
#ifndef JANUS_SUPERVISOR_H
#define JANUS_SUPERVISOR_H

#include <stdbool.h>
#include <sys/types.h>

#include "cli.h"
#include "fdpass.h"
#include "judge.h"
#include "mmfreeze.h"
#include "pinfd.h"
#include "policy.h"
#include "proclimit.h"
#include "scratch.h"
#include "sysedit.h"
#include "trace.h"
#include "tracee.h"

/* Kinds of stop.  Each comment gives the resume action the dispatcher owes. */
enum janus_stop {
	EV_SYSCALL,		/* entry or exit stop: PTRACE_SYSCALL, no signal */
	EV_NEW_CHILD,		/* fork/vfork/clone event in the parent: PTRACE_SYSCALL */
	EV_EXEC,		/* exec event (tid may have changed): PTRACE_SYSCALL */
	EV_SECCOMP,		/* seccomp RET_TRACE event: PTRACE_SYSCALL */
	EV_EVENT_STOP,		/* attach stop of a new tracee, or PTRACE_INTERRUPT: PTRACE_SYSCALL */
	EV_GROUP_STOP,		/* job-control stop: PTRACE_LISTEN */
	EV_SIGNAL,		/* signal-delivery stop: PTRACE_SYSCALL with the signal */
	EV_EXITED,		/* the task exited: forget it */
	EV_KILLED,		/* the task died of a signal: forget it */
};

struct janus_event {
	enum janus_stop kind;
	pid_t tid;
	int status;		/* as from waitpid */
	int sig;		/* EV_SIGNAL / EV_GROUP_STOP: the signal */
	unsigned event;		/* PTRACE_EVENT_* */
};

struct supervisor {
	const struct janus_opts *opts;
	struct tracee_table tracees;
	struct trace_sink trace;
	pid_t command;		/* the first tracee: its status is janus's */
	int command_status;
	bool command_done;
	bool use_syscall_info;
	/* The command runs under the seccomp prefilter: a call stops (at a
	 * seccomp stop) only when the filter says so, and a task outside a
	 * call janus stopped is resumed with PTRACE_CONT. */
	bool prefilter;
	enum sysedit_mode edit_mode;
	const struct policy *policy;	/* NULL: allow everything (no checks) */
	struct judge judge;
	struct scratch_set regions;	/* every tracee's scratch region */
	struct call_record report_rec;	/* scratch for denial reports */
	struct strbuf report_line;
	struct fdpass fdpass;		/* descriptors from outside (fdpass.h) */
	struct proclimit plimit;	/* `limit processes` (proclimit.h) */
	struct pinfd pins;		/* pinned directories in flight (pinfd.h) */
	struct mmfreeze freeze;		/* address spaces held still (mmfreeze.h) */
};

/* pol may be NULL: every call is allowed, nothing is fetched. */
void sup_init(struct supervisor *sup, const struct janus_opts *opts, const struct policy *pol);
/* Registers the first tracee (already seized, about to exec). */
void sup_adopt_command(struct supervisor *sup, pid_t pid);
/* Waits for the next stop; false when no tracee is left. */
bool sup_next_event(struct supervisor *sup, struct janus_event *ev);
void sup_dispatch(struct supervisor *sup, const struct janus_event *ev);
/* SIGKILLs every tracee: the fail-closed path. */
void sup_kill_all(struct supervisor *sup);
void sup_fini(struct supervisor *sup);

#endif
