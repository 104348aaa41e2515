/* mapped.h - the file an address range of a task maps, for mprotect
 * adding PROT_EXEC: code made executable from a file is that file run,
 * and fs rules judge it as exec (policy/access.c exec_mapping).  No
 * ptrace here: it reads /proc/TID/maps. */
#ifndef JANUS_MAPPED_H
#define JANUS_MAPPED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* Names into out (outlen bytes) the one file mapped in [addr, addr+len)
 * of tid's address space, as mprotect(addr, len, ...) would take the
 * range (len rounded up to pages):
 *  - its path, when the mapping shows one that is still the file's name;
 *  - "/proc/TID/map_files/START-END" (the kernel's own name for the
 *    mapping) when it has none: a deleted file, a memfd, shared anonymous
 *    memory, an anonymous inode; policies do not grant exec on it;
 *  - "" when only anonymous memory is there.
 * Returns 0; -EINVAL (addr not page-aligned), -ENOMEM (a part of the
 * range is not mapped), the errors mprotect itself would give;
 * -EMLINK when the range maps more than one file (the caller refuses);
 * -errno when the mappings cannot be read. */
int mapped_file(pid_t tid, uint64_t addr, uint64_t len, char *out, size_t outlen);

/* mapped_file asks the kernel for each mapping of the range with the
 * PROCMAP_QUERY ioctl (Linux 6.11), and reads the text of
 * /proc/PID/maps on older kernels, or when this is set (tests). */
extern bool mapped_text_only;

/* One line of /proc/PID/maps, for mapped_file and its tests. */
struct mapped_line {
	uint64_t start, end;
	unsigned dev_major, dev_minor;
	uint64_t ino;
	const char *path;	/* into the line: "" when there is none */
};
/* Parses line (NUL-terminated, no newline).  0, or -EINVAL. */
int mapped_parse(char *line, struct mapped_line *m);

#endif
