/* tmpdir.h - the jail's private temporary directory ($TMPDIR in policies).
 * Created before the command starts, given to it as TMPDIR, and removed
 * with its contents when janus exits (every tracee is gone by then). */
#ifndef JANUS_TMPDIR_H
#define JANUS_TMPDIR_H

#include <limits.h>

/* Creates $TMPDIR/janus.XXXXXX (or /tmp/...), mode 0700.  Returns 0 or -errno. */
int tmpdir_create(char out[PATH_MAX]);
/* Removes the tree without following symlinks.  Returns 0 or -errno. */
int tmpdir_remove(const char *path);

#endif
