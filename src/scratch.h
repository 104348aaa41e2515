/* scratch.h - janus-owned memory inside traced address spaces.
 *
 * A checked pointer argument (a path, a sockaddr) is copied into a region
 * janus maps into the tracee PROT_READ, and the call is pointed at the
 * copy: what the kernel reads is byte for byte what was checked, whatever
 * other threads or processes do to the original.  The tracee cannot write
 * the region (read-only; janus writes it through /proc/PID/mem, which
 * ignores page protections), and calls that would unmap, remap, unprotect
 * or replace it are refused (scratch_touches).
 *
 * A thread is inside at most one system call, so each thread has its own
 * region of one slot: threads never share a copy.  A fork child inherits
 * its parent's region (same address, its own copy); a new thread, a vfork
 * child and an exec'd program start without one and get it mapped on
 * their first call that needs it. */
#ifndef JANUS_SCRATCH_H
#define JANUS_SCRATCH_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "arch.h"
#include "sysedit.h"
#include "tracee.h"

#define SCRATCH_SIZE ((uint64_t)3 * 4096)	/* two paths and a sockaddr */
#define SCRATCH_PATH_MAX 4096

/* Every live region's address, with how many tasks hold it (fork copies
 * share an address), so that a call touching any of them is refused. */
struct scratch_set {
	struct scratch_ref { uint64_t base; unsigned holders; } *v;
	unsigned n, cap;
};

void scratch_hold(struct scratch_set *s, uint64_t base);
void scratch_release(struct scratch_set *s, uint64_t base);
void scratch_set_free(struct scratch_set *s);
/* [addr, addr+len) touches a region (len 0: the byte at addr). */
bool scratch_touches(const struct scratch_set *s, uint64_t addr, uint64_t len);

/* Maps a region in tid's address space by running an mmap in place of the
 * call tid is entering (see inject.h); tid is back at the entry stop of
 * its own call afterwards.  Returns 0 or -errno. */
int scratch_map(pid_t tid, const struct janus_arch *a, enum sysedit_mode mode, uint64_t *base);
/* Writes len bytes at addr of tid's memory, protections notwithstanding. */
int scratch_write(pid_t tid, uint64_t addr, const void *buf, size_t len);
/* The same through tr's own /proc/TID/mem descriptor, opened on its first
 * write and kept (an open per write is a path walk in /proc each time).
 * The descriptor holds the address space it was opened on: it must be
 * closed (scratch_mem_close) when tr execs or goes away.  A thread's is
 * its own, though its group shares the address space: simplest sound.
 * Past half of janus's descriptor limit none is kept. */
int scratch_write_tr(struct tracee *tr, uint64_t addr, const void *buf, size_t len);
void scratch_mem_close(struct tracee *tr);

#endif
