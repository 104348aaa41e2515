/* mem.h - bounded reads of tracee memory. */
#ifndef JANUS_MEM_H
#define JANUS_MEM_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* Reads up to len bytes at addr of tid.  Returns the number of bytes read
 * (less than len when the range runs into an unmapped page) or -errno when
 * nothing could be read.  Never crosses into memory it was not asked for. */
long mem_read(pid_t tid, uint64_t addr, void *buf, size_t len);

/* mem_read_fn adapter for decode.h: ctx carries the tid. */
long mem_read_cb(void *ctx, uint64_t addr, void *buf, size_t len);

#endif
