/* regset_io.h - fetch a tracee's NT_PRSTATUS regset and write it back.
 *
 * The one place janus moves the general registers with PTRACE_GETREGSET
 * and PTRACE_SETREGSET; the slots are read and changed in between through
 * the arch/ layout (regs_get, regs_set) that matches the size the kernel
 * returned. */
#ifndef JANUS_REGSET_IO_H
#define JANUS_REGSET_IO_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "arch.h"

struct regset {
	uint64_t buf[64];	/* 512 bytes: larger than any NT_PRSTATUS janus knows */
	size_t len;		/* the size the kernel returned */
	const struct janus_arch *arch;		/* whose layout it is */
	const struct regset_layout *layout;
};

/* Fetches tid's regset into *r and finds its layout by size: among a's
 * layouts, or, with a NULL (the ABI not known yet), among the native
 * layouts of every ABI, the first that fits.  0, -errno from ptrace, or
 * -ENOEXEC when no layout has the size. */
int regset_fetch(pid_t tid, const struct janus_arch *a, struct regset *r);

/* Writes *r (as fetched, then changed) back to tid; 0 or -errno. */
int regset_store(pid_t tid, struct regset *r);

#endif
