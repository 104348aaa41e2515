/* members.h - who is in the jail: the tasks janus traces.  Used to judge
 * calls that name other processes (kill, setpgid, prlimit64, ...). */
#ifndef JANUS_MEMBERS_H
#define JANUS_MEMBERS_H

#include <stdbool.h>
#include <sys/types.h>

#include "tracee.h"

/* pid (a process or thread id) is traced by janus. */
bool member_pid(struct tracee_table *t, pid_t pid);
/* Every process of process group pgrp is traced, and the group is not
 * empty.  Scans /proc: only for the rare calls that name a group. */
bool member_pgrp(struct tracee_table *t, pid_t pgrp);
/* The process behind pidfd number fd of tracee tid is traced. */
bool member_pidfd(struct tracee_table *t, pid_t tid, int fd);
/* The process group of tid (0 if unknown). */
pid_t member_pgrp_of(pid_t tid);

#endif
