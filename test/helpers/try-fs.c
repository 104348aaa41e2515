/* try-fs.c - file operations of `try` (see try.h).  Each makes the raw
 * system call its name says (open is open(2), not libc's openat). */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <fcntl.h>
#include <linux/openat2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "try.h"

extern char **environ;

/* FLAGS: comma-separated r w rw creat trunc append excl path tmpfile dir nofollow. */
static int open_flags(const char *s)
{
	static const struct { const char *name; int flag; } names[] = {
		{ "r", O_RDONLY }, { "w", O_WRONLY }, { "rw", O_RDWR },
		{ "creat", O_CREAT }, { "trunc", O_TRUNC }, { "append", O_APPEND },
		{ "excl", O_EXCL }, { "path", O_PATH }, { "tmpfile", O_TMPFILE },
		{ "dir", O_DIRECTORY }, { "nofollow", O_NOFOLLOW },
	};
	char *copy = strdup(s), *save = NULL;
	int flags = 0;

	if (!copy)
		try_setup_fail("strdup");
	for (char *w = strtok_r(copy, ",", &save); w; w = strtok_r(NULL, ",", &save)) {
		size_t i;

		for (i = 0; i < sizeof names / sizeof names[0]; i++)
			if (strcmp(names[i].name, w) == 0)
				break;
		if (i == sizeof names / sizeof names[0])
			try_usage("unknown open flag '%s'", w);
		flags |= names[i].flag;
	}
	free(copy);
	return flags;
}

static int fd_result(long fd)
{
	if (fd < 0)
		return errno;
	close((int)fd);
	return 0;
}

static int op_open(char **av)
{
	return fd_result(syscall(SYS_open, av[0], open_flags(av[1]), 0644));
}

static int op_openat(char **av)
{
	int dfd = open(av[0], O_PATH | O_DIRECTORY);

	if (dfd < 0)
		try_setup_fail("open directory");
	return fd_result(syscall(SYS_openat, dfd, av[1], open_flags(av[2]), 0644));
}

/* openat relative to an inherited descriptor (opened outside the jail). */
static int op_openat_fd(char **av)
{
	return fd_result(syscall(SYS_openat, (int)try_num(av[0]), av[1], open_flags(av[2]), 0644));
}

static int op_openat2(char **av)
{
	struct open_how how = { .flags = O_RDONLY };

	return fd_result(syscall(SYS_openat2, AT_FDCWD, av[0], &how, sizeof how));
}

static int op_creat(char **av)
{
	return fd_result(syscall(SYS_creat, av[0], 0644));
}

/* read PATH: open it read-only and read it all. */
static int op_read(char **av)
{
	char buf[4096];
	long fd = syscall(SYS_openat, AT_FDCWD, av[0], O_RDONLY);
	ssize_t n;

	if (fd < 0)
		return errno;
	while ((n = read((int)fd, buf, sizeof buf)) > 0)
		;
	close((int)fd);
	return n < 0 ? errno : 0;
}

/* write PATH DATA (existing file, truncated) / create PATH DATA (new file). */
static int write_with(const char *path, int flags, const char *data)
{
	long fd = syscall(SYS_openat, AT_FDCWD, path, flags, 0644);
	size_t len = strlen(data);
	int err = 0;

	if (fd < 0)
		return errno;
	if (write((int)fd, data, len) != (ssize_t)len)
		err = errno ? errno : EIO;
	close((int)fd);
	return err;
}

static int op_write(char **av)
{
	return write_with(av[0], O_WRONLY | O_TRUNC, av[1]);
}

static int op_create(char **av)
{
	return write_with(av[0], O_WRONLY | O_CREAT | O_EXCL, av[1]);
}

static int op_mkdir(char **av) { return TRY_RC(syscall(SYS_mkdir, av[0], 0755)); }
static int op_rmdir(char **av) { return TRY_RC(syscall(SYS_rmdir, av[0])); }
static int op_unlink(char **av) { return TRY_RC(syscall(SYS_unlink, av[0])); }
static int op_rename(char **av) { return TRY_RC(syscall(SYS_rename, av[0], av[1])); }
static int op_link(char **av) { return TRY_RC(syscall(SYS_link, av[0], av[1])); }
/* linkat-follow OLD NEW: AT_SYMLINK_FOLLOW, so a symlink OLD is followed. */
static int op_linkat_follow(char **av)
{
	return TRY_RC(syscall(SYS_linkat, AT_FDCWD, av[0], AT_FDCWD, av[1], AT_SYMLINK_FOLLOW));
}

/* linkat-empty PATH NEW: a name for the file of an O_PATH descriptor
 * (AT_EMPTY_PATH; the kernel asks for CAP_DAC_READ_SEARCH). */
static int op_linkat_empty(char **av)
{
	int fd = open(av[0], O_PATH);

	if (fd < 0)
		try_setup_fail("open");
	return TRY_RC(syscall(SYS_linkat, fd, "", AT_FDCWD, av[1], AT_EMPTY_PATH));
}

/* opath-reopen PATH: open PATH with O_PATH (prepares), then open
 * /proc/self/fd/N read-only (the operation). */
static int op_opath_reopen(char **av)
{
	char proc[64];
	int fd = open(av[0], O_PATH);

	if (fd < 0)
		try_setup_fail("open");
	snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
	return fd_result(syscall(SYS_open, proc, O_RDONLY, 0));
}

static int op_symlink(char **av) { return TRY_RC(syscall(SYS_symlink, av[0], av[1])); }
static int op_readlink(char **av)
{
	char buf[4096];

	return TRY_RC(syscall(SYS_readlink, av[0], buf, sizeof buf));
}

static int op_chmod(char **av)
{
	return TRY_RC(syscall(SYS_chmod, av[0], (mode_t)strtoul(av[1], NULL, 8)));
}

/* fchmod PATH MODE: on a descriptor opened read-only. */
static int op_fchmod(char **av)
{
	int fd = open(av[0], O_RDONLY);

	if (fd < 0)
		try_setup_fail("open");
	return TRY_RC(syscall(SYS_fchmod, fd, (mode_t)strtoul(av[1], NULL, 8)));
}

static int op_chown(char **av)
{
	return TRY_RC(syscall(SYS_chown, av[0], (uid_t)try_num(av[1]), (gid_t)try_num(av[2])));
}

static int op_truncate(char **av)
{
	return TRY_RC(syscall(SYS_truncate, av[0], try_num(av[1])));
}

/* utime PATH: both times set to 1000000000 (2001-09-09), visible from outside. */
static int op_utime(char **av)
{
	struct timespec ts[2] = { { 1000000000, 0 }, { 1000000000, 0 } };

	return TRY_RC(syscall(SYS_utimensat, AT_FDCWD, av[0], ts, 0));
}

static int op_mknod_fifo(char **av)
{
	return TRY_RC(syscall(SYS_mknod, av[0], S_IFIFO | 0644, 0));
}

/* mknod-dev PATH: a character device with /dev/null's numbers (1, 3). */
static int op_mknod_dev(char **av)
{
	return TRY_RC(syscall(SYS_mknod, av[0], S_IFCHR | 0600, makedev(1, 3)));
}

/* The kernel's stat structures differ by ABI: a buffer larger than all. */
#ifndef SYS_newfstatat
#define SYS_newfstatat SYS_fstatat64	/* i386 */
#endif
static int op_stat(char **av)
{
	char st[512];

	return TRY_RC(syscall(SYS_newfstatat, AT_FDCWD, av[0], st, 0));
}

static int op_lstat(char **av)
{
	char st[512];

	return TRY_RC(syscall(SYS_lstat, av[0], st));
}

static int op_access(char **av) { return TRY_RC(syscall(SYS_access, av[0], F_OK)); }
static int op_chdir(char **av) { return TRY_RC(syscall(SYS_chdir, av[0])); }

/* chdir-open DIR REL FLAGS: the chdir prepares; the open is the operation. */
static int op_chdir_open(char **av)
{
	if (chdir(av[0]) < 0)
		try_setup_fail("chdir");
	return fd_result(syscall(SYS_open, av[1], open_flags(av[2]), 0644));
}

static int op_setxattr(char **av)
{
	return TRY_RC(syscall(SYS_setxattr, av[0], av[1], av[2], strlen(av[2]), 0));
}

static int op_getxattr(char **av)
{
	char buf[256];

	return TRY_RC(syscall(SYS_getxattr, av[0], av[1], buf, sizeof buf));
}

/* execve PATH [ARG...]: on success the new program speaks for itself. */
static int op_execve(char **av)
{
	syscall(SYS_execve, av[0], av, environ);
	return errno;
}

/* fexecve PATH [ARG...]: execveat of an O_PATH descriptor with
 * AT_EMPTY_PATH: the file is named by the descriptor only. */
static int op_fexecve(char **av)
{
	int fd = open(av[0], O_PATH);

	if (fd < 0)
		try_setup_fail("open");
	syscall(SYS_execveat, fd, "", av, environ, AT_EMPTY_PATH);
	return errno;
}

/* fchdir-open FD REL FLAGS: fchdir to FD (inherited) prepares; the open of
 * REL is the operation. */
static int op_fchdir_open(char **av)
{
	if (fchdir((int)try_num(av[0])) < 0)
		try_setup_fail("fchdir");
	return fd_result(syscall(SYS_open, av[1], open_flags(av[2]), 0644));
}

/* open-by-handle PATH [DIR]: name_to_handle_at prepares, open_by_handle_at
 * (read-only, the mount named by DIR, default ".") is tried. */
static int op_open_by_handle(char **av)
{
	struct { struct file_handle fh; unsigned char buf[MAX_HANDLE_SZ]; } h;
	int mount_id, mfd;

	h.fh.handle_bytes = MAX_HANDLE_SZ;
	if (name_to_handle_at(AT_FDCWD, av[0], &h.fh, &mount_id, 0) < 0)
		try_setup_fail("name_to_handle_at");
	/* Not O_PATH: the kernel does not take those as the mount's descriptor. */
	mfd = open(av[1] ? av[1] : ".", O_RDONLY | O_DIRECTORY);
	if (mfd < 0)
		try_setup_fail("open");
	return fd_result(syscall(SYS_open_by_handle_at, mfd, &h.fh, O_RDONLY));
}

/* mount DIR: an unknown file system type; natively ENODEV, never a mount. */
static int op_mount(char **av)
{
	return TRY_RC(syscall(SYS_mount, "none", av[0], "janus-no-such-fs", 0UL, NULL));
}

/* umount DIR: DIR is no mount point; natively EINVAL. */
static int op_umount(char **av) { return TRY_RC(syscall(SYS_umount2, av[0], 0)); }
/* chroot DIR: only this short-lived process would change its root. */
static int op_chroot(char **av) { return TRY_RC(syscall(SYS_chroot, av[0])); }

const struct try_op try_fs_ops[] = {
	{ "open", 2, 2, op_open, "PATH FLAGS (r,w,rw,creat,trunc,append,excl,path,tmpfile,dir,nofollow)" },
	{ "openat", 3, 3, op_openat, "DIR REL FLAGS" },
	{ "openat-fd", 3, 3, op_openat_fd, "FD REL FLAGS" },
	{ "openat2", 1, 1, op_openat2, "PATH" },
	{ "creat", 1, 1, op_creat, "PATH" },
	{ "read", 1, 1, op_read, "PATH" },
	{ "write", 2, 2, op_write, "PATH DATA" },
	{ "create", 2, 2, op_create, "PATH DATA" },
	{ "mkdir", 1, 1, op_mkdir, "PATH" },
	{ "rmdir", 1, 1, op_rmdir, "PATH" },
	{ "unlink", 1, 1, op_unlink, "PATH" },
	{ "rename", 2, 2, op_rename, "OLD NEW" },
	{ "link", 2, 2, op_link, "OLD NEW" },
	{ "linkat-follow", 2, 2, op_linkat_follow, "OLD NEW" },
	{ "linkat-empty", 2, 2, op_linkat_empty, "PATH NEW" },
	{ "opath-reopen", 1, 1, op_opath_reopen, "PATH" },
	{ "symlink", 2, 2, op_symlink, "TARGET LINK" },
	{ "readlink", 1, 1, op_readlink, "PATH" },
	{ "chmod", 2, 2, op_chmod, "PATH OCTAL-MODE" },
	{ "fchmod", 2, 2, op_fchmod, "PATH OCTAL-MODE" },
	{ "chown", 3, 3, op_chown, "PATH UID GID" },
	{ "truncate", 2, 2, op_truncate, "PATH LENGTH" },
	{ "utime", 1, 1, op_utime, "PATH" },
	{ "mknod-fifo", 1, 1, op_mknod_fifo, "PATH" },
	{ "mknod-dev", 1, 1, op_mknod_dev, "PATH" },
	{ "stat", 1, 1, op_stat, "PATH" },
	{ "lstat", 1, 1, op_lstat, "PATH" },
	{ "access", 1, 1, op_access, "PATH" },
	{ "chdir", 1, 1, op_chdir, "PATH" },
	{ "chdir-open", 3, 3, op_chdir_open, "DIR REL FLAGS" },
	{ "setxattr", 3, 3, op_setxattr, "PATH NAME VALUE" },
	{ "getxattr", 2, 2, op_getxattr, "PATH NAME" },
	{ "execve", 1, 16, op_execve, "PATH [ARG...]" },
	{ "fexecve", 1, 16, op_fexecve, "PATH [ARG...]" },
	{ "fchdir-open", 3, 3, op_fchdir_open, "FD REL FLAGS" },
	{ "open-by-handle", 1, 2, op_open_by_handle, "PATH [DIR]" },
	{ "mount", 1, 1, op_mount, "DIR" },
	{ "umount", 1, 1, op_umount, "DIR" },
	{ "chroot", 1, 1, op_chroot, "DIR" },
	{ NULL, 0, 0, NULL, NULL },
};
