/* inject.h - make a stopped tracee run a system call of janus's choosing.
 *
 * At the entry stop of the tracee's own call, the call is replaced by
 * janus's; at its exit stop the registers are restored with the
 * instruction pointer rewound over the syscall instruction, so the tracee
 * enters its own call again, unaware (inject_at_entry).  At the exit stop
 * of the tracee's own call, the instruction pointer is rewound and the
 * registers set for janus's call; once it has run, the registers of the
 * exit stop come back whole, result included (inject_at_exit).  Used to
 * map the scratch region and to open and close pinned directories
 * (pinfd.h).
 *
 * Between janus's call and the tracee's own, the tracee passes through
 * user mode, where the kernel delivers pending signals and group-stops.
 * The program must not run there (a signal handler would see janus's
 * registers, or janus's descriptor): with a struct inject_state, signals
 * are held back and group-stops passed over, for the caller to settle
 * once the tracee's own call is over (inject_settle). */
#ifndef JANUS_INJECT_H
#define JANUS_INJECT_H

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "arch.h"
#include "sysedit.h"

/* What happened to a tracee while janus ran its own calls in it.  Zeroed
 * is empty; inject_state_free frees it. */
struct inject_state {
	unsigned nsig, cap;
	struct inject_sig {
		siginfo_t info;		/* as the kernel would have delivered it */
		bool sent;		/* sent again: restore info at its delivery */
	} *sig;			/* in arrival order; real-time signals each */
	bool group_stop;		/* a group-stop was passed over */
	bool dead;			/* janus reaped the tracee's death: status */
	int status;
};

/* nr(args) in tid, which is at a syscall-entry stop and is there again
 * (same call, same registers) when this returns 0; *result is the
 * injected call's result (-errno for an error).  -errno: tid could not
 * be brought back (st->dead if it died); the caller kills it. */
int inject_at_entry(pid_t tid, const struct janus_arch *a, enum sysedit_mode mode,
		    uint64_t nr, const uint64_t args[6], int64_t *result, struct inject_state *st);

/* The same at a syscall-exit stop: tid is at an exit stop again with the
 * registers (and result) it had, when this returns 0.  A result that asks
 * for a restart (-ERESTARTSYS ...) still restarts the tracee's call on
 * x86, where the number and arguments come from the restored registers;
 * arm64 restarts with its orig_x0, which janus's call replaced and no
 * regset restores (untested there: no arm64 machine runs janus yet). */
int inject_at_exit(pid_t tid, const struct janus_arch *a, enum sysedit_mode mode,
		   uint64_t nr, const uint64_t args[6], int64_t *result, struct inject_state *st);

/* At the tracee's last stop before it returns to the program: the held
 * signals are sent to it again (their siginfo restored by
 * inject_signal_stop at delivery), a passed-over group-stop is asked
 * for again (PTRACE_INTERRUPT). */
void inject_settle(pid_t tid, struct inject_state *st);

/* At a signal-delivery-stop of tid for sig: if it is a held signal sent
 * again, gives it back its own siginfo. */
void inject_signal_stop(pid_t tid, int sig, struct inject_state *st);

void inject_state_free(struct inject_state *st);

/* mmap(NULL, len, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) in tid.
 * tid must be at a syscall-entry stop; it is at the entry stop of the same
 * call again when this returns 0.  -errno: the mapping failed (tid is
 * still usable) or tid could not be brought back (the caller kills it).
 * Signals in between are delivered at once (the call is judged again). */
int inject_mmap(pid_t tid, const struct janus_arch *a, enum sysedit_mode mode,
		uint64_t len, uint64_t *addr);

#endif
