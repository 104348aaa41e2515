/* inject.h - make a stopped tracee run a system call of janus's choosing.
 *
 * At the entry stop of the tracee's own call, the call is replaced by
 * janus's; at its exit stop the registers are restored with the
 * instruction pointer rewound over the syscall instruction, so the tracee
 * enters its own call again, unaware.  Used to map the scratch region. */
#ifndef JANUS_INJECT_H
#define JANUS_INJECT_H

#include <stdint.h>
#include <sys/types.h>

#include "arch.h"
#include "sysedit.h"

/* mmap(NULL, len, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) in tid.
 * tid must be at a syscall-entry stop; it is at the entry stop of the same
 * call again when this returns 0.  -errno: the mapping failed (tid is
 * still usable) or tid could not be brought back (the caller kills it). */
int inject_mmap(pid_t tid, const struct janus_arch *a, enum sysedit_mode mode,
		uint64_t len, uint64_t *addr);

#endif
