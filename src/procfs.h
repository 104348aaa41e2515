/* procfs.h - small files of /proc/TID read whole: the one way janus reads
 * its tracees' stat, personality, comm. */
#ifndef JANUS_PROCFS_H
#define JANUS_PROCFS_H

#include <stddef.h>
#include <sys/types.h>

/* Reads /proc/TID/NAME into buf (size bytes, NUL-terminated; what does
 * not fit is left out).  The length read, or -errno (ENOENT: no such
 * task). */
ssize_t procfs_read(pid_t tid, const char *name, char *buf, size_t size);

/* In the text of /proc/TID/stat: the fields after "(comm)", which may
 * hold anything; NULL when malformed. */
const char *procfs_stat_fields(const char *stat);

#endif
