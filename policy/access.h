/* access.h - the access a call makes on its path arguments. */
#ifndef JANUS_POLICY_ACCESS_H
#define JANUS_POLICY_ACCESS_H

#include "policy.h"

/* Does id act on filesystem objects (fs rules apply)? */
bool access_is_fs(enum sc_id id);
/* The objects a call (d: its descriptor on ABI arch) with these
 * arguments acts on, as policy_paths() describes them; 0 when none. */
int access_paths(const struct janus_arch *arch, const struct sc_desc *d, const uint64_t args[6],
		 struct policy_path out[2]);
/* Access names ("read", "mknod-fifo", ...) and aliases ("ro", "rw", "all"). */
int access_by_name(const char *name, uint32_t *mask);	/* 0 or -ENOENT */
const char *access_name(uint32_t bit);
/* "read,write,stat" into buf. */
void access_format(uint32_t mask, char *buf, size_t size);
/* For did-you-mean. */
const char *access_suggest(const char *name);

#define ACCESS_RO (POLICY_FS_READ | POLICY_FS_STAT | POLICY_FS_READLINK | POLICY_FS_CHDIR)
#define ACCESS_RW (ACCESS_RO | POLICY_FS_WRITE | POLICY_FS_CREATE | POLICY_FS_UNLINK | \
		   POLICY_FS_RENAME | POLICY_FS_LINK | POLICY_FS_SYMLINK | POLICY_FS_CHMOD | \
		   POLICY_FS_MKDIR | POLICY_FS_RMDIR | POLICY_FS_MKNOD_FIFO | POLICY_FS_XATTR | \
		   POLICY_FS_TRUNCATE | POLICY_FS_UTIME)

#endif
