/* launch.h - start the command as the first tracee. */
#ifndef JANUS_LAUNCH_H
#define JANUS_LAUNCH_H

#include <sys/types.h>

#include "creds.h"
#include "prefilter.h"

/* The ptrace options every tracee gets: children are traced from their
 * first instruction (fork/vfork/clone), exec is an event, and every tracee
 * is SIGKILLed if janus dies (fail closed). */
#define JANUS_PTRACE_OPTIONS \
	(PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK | \
	 PTRACE_O_TRACECLONE | PTRACE_O_TRACEEXEC | PTRACE_O_TRACESECCOMP | \
	 PTRACE_O_EXITKILL)

/* Resolves cmd[0] like execvp(3).  On failure prints a message naming the
 * command and returns JANUS_EXIT_NOTFOUND or JANUS_EXIT_NOEXEC; on success
 * stores a malloc'd path in *path and returns 0. */
int launch_resolve(const char *name, char **path);

/* Forks the command, attaches to it with PTRACE_SEIZE before it runs a
 * single instruction of its own, and lets it exec.  Returns its pid; dies
 * (exit 125) when it cannot attach. */
/* pf: the seccomp prefilter the command installs just before exec (NULL:
 * none). */
pid_t launch_command(const char *path, char *const argv[], const struct creds *creds,
		     const struct prefilter *pf);

#endif
