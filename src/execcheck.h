/* execcheck.h - make sure an exec ran the file janus checked.
 *
 * execve and execveat keep the program's own spelling of the path (it
 * becomes AT_EXECFN and a script's $0), so the kernel resolves it again
 * and may reach another file if a symlink or a directory component was
 * swapped after the check.  At the entry stop of an allowed exec, janus
 * notes which file it checked: device and inode of the canonical path,
 * opened by janus itself with RESOLVE_NO_SYMLINKS.  At the exec event,
 * before the new program runs an instruction, it compares them with
 * /proc/PID/exe.  Another file may run only if the policy lets the
 * program exec it by its own path: a script's interpreter (the kernel
 * opens it by the #! line, with no system call janus could check), or a
 * program the swap happened to land on that was allowed anyway.  Anything
 * else is killed (doc/races.md, section 2). */
#ifndef JANUS_EXECCHECK_H
#define JANUS_EXECCHECK_H

#include <stdbool.h>

#include "policy.h"
#include "tracee.h"

/* At the entry stop of any call of tr, once judged (allowed or not):
 * for execve/execveat, forgets the previous exec and, if this one is
 * allowed, notes the file ev->path[0] names. */
void execcheck_entry(struct tracee *tr, const struct sc_event *ev, bool allowed);

/* At tr's exec event.  True if tr ran something it was not allowed to
 * run and was killed (SIGKILL, reported on stderr). */
bool execcheck_event(const struct policy *pol, struct tracee *tr);

#endif
