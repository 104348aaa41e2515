/* reopen.h - a program opening a descriptor it holds by name:
 * "/proc/self/fd/N", "/dev/stdin", "/dev/fd/N" (canon.h tells when a path
 * ends on one).  Such an open asking no more access than the descriptor
 * gives is a call on that descriptor, which fs rules do not judge (as
 * read and write on it), so a script can `cat /dev/stdin` from a pipe.
 * The kernel is then given "/proc/thread-self/fd/N", N is guarded for the
 * call (pinfd_guard) and must still be the file that was judged
 * (doc/races.md, section 2). */
#ifndef JANUS_REOPEN_H
#define JANUS_REOPEN_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

/* What identifies an open file description well enough: a descriptor
 * swapped for another file changes one of these. */
struct reopen_id {
	unsigned flags;		/* open flags (O_ACCMODE, O_PATH ...) */
	int mnt_id;
	uint64_t ino;
};

/* Reads /proc/TID/fdinfo/FD.  0, or -errno (ENOENT: FD is not open). */
int reopen_identify(pid_t tid, int fd, struct reopen_id *id);
bool reopen_same(const struct reopen_id *a, const struct reopen_id *b);

/* The descriptor table of pid is tid's own: the same task, or shared
 * (CLONE_FILES; kcmp).  Unknown counts as not. */
bool reopen_own_table(pid_t tid, pid_t pid);

#endif
