/* canon.h - the canonical absolute path the kernel would act on for a path
 * argument of a traced process.  Path rules match on this, so it follows
 * the kernel's path walk (path_resolution(7)) step by step, reading the
 * tracee's cwd, root and fds through /proc.  No ptrace here.
 *
 * Deliberate differences from the kernel, all of them refusals:
 *  - a canonical path (or one step of it) longer than PATH_MAX - 1 is
 *    ENAMETOOLONG, even where the kernel would get there through a short
 *    relative path;
 *  - search permission is not checked (janus may be root while the tracee is
 *    not; the kernel still checks it when the call runs); where janus itself
 *    cannot look, its own errno (EACCES) is returned;
 *  - a /proc magic link whose target has no path ("pipe:[12]",
 *    "socket:[9]", "anon_inode:[eventfd]", a file or directory whose path
 *    ends in " (deleted)", one in another mount namespace) resolves to the
 *    link itself, e.g. "/proc/123/fd/4", so that policies can refuse it;
 *    walking on from such a directory (a deleted cwd, even "..") is ENOENT;
 *  - a tracee root other than "/" (chroot) is supported by prefixing it:
 *    results are then host paths (e.g. "/srv/jail/etc/passwd"); a root that
 *    has no checkable path is EACCES.
 * Assumptions: janus shares the tracee's mount and pid namespaces, and
 * procfs mounts belong to that pid namespace. */
#ifndef JANUS_CANON_H
#define JANUS_CANON_H

#include <stddef.h>
#include <sys/types.h>

/* Symlinks followed per lookup before ELOOP (the kernel's MAXSYMLINKS). */
#define CANON_MAXSYMLINKS 40

/* An open file the walk ended on through its /proc magic link. */
struct canon_fd {
	pid_t pid;	/* /proc/PID/fd/FD or /proc/.../task/PID/fd/FD */
	int fd;		/* -1: the walk did not end so */
};

/* Whose view the path is resolved in. */
struct canon_ctx {
	pid_t tid;	/* cwd, root, fd table and "/proc/thread-self" */
	pid_t tgid;	/* "/proc/self" */
	/* Optional, written by canon_resolve: set when the last step of the
	 * walk followed a descriptor's magic link ("/dev/stdin" ->
	 * "/proc/self/fd/0" -> the pipe), so the supervisor can tell a
	 * reopening of a descriptor from an open of a path. */
	struct canon_fd *via;
};

enum canon_flags {
	/* Do not follow a symlink in the last component (lstat, O_NOFOLLOW,
	 * AT_SYMLINK_NOFOLLOW, unlink, rename, readlink, the name a symlink or
	 * O_CREAT|O_EXCL creates).  A trailing slash follows anyway. */
	CANON_NOFOLLOW = 1,
	/* The last component may be missing (O_CREAT, mkdir, mknod, the new
	 * name of symlink/link/rename): the result is then the resolved parent
	 * plus that name; without CANON_NOFOLLOW a dangling symlink resolves
	 * to the missing target path, as O_CREAT would create it. */
	CANON_MAY_NOT_EXIST = 2,
	/* AT_EMPTY_PATH: "" names dirfd itself (which need not be a dir). */
	CANON_EMPTY_PATH = 4,
	/* openat2's RESOLVE_IN_ROOT: dirfd is the root of this lookup, where
	 * absolute paths and symlinks start and ".." stops; magic links are
	 * EXDEV, as the kernel refuses them in scoped lookups.  The other
	 * RESOLVE_* flags need nothing here: they only make the kernel fail
	 * more often, never land elsewhere. */
	CANON_IN_ROOT = 8,
};

/* Resolves path (read from the tracee, NUL-terminated within PATH_MAX
 * bytes, else ENAMETOOLONG) relative to dirfd (AT_FDCWD or a tracee fd)
 * into out (outlen bytes, PATH_MAX is always enough).  Returns 0, or -errno
 * as the kernel's lookup would fail: ENOENT, ENOTDIR, ELOOP, ENAMETOOLONG,
 * EBADF (dirfd not open, used by a relative path), ENOTDIR (dirfd not a
 * directory); ESRCH when the tracee has gone; ENOMEM.  out is written only
 * on success. */
int canon_resolve(const struct canon_ctx *c, int dirfd, const char *path,
		  unsigned flags, char *out, size_t outlen);

#endif
