/* access.c - which filesystem objects a call acts on and how.
 *
 * Computed from the number and the flag arguments only, so it is the same
 * before and after the supervisor reads the paths.  Argument positions
 * come from the ABI's descriptor of the call (the i-th AK_PATH argument, the AK_DIRFD just
 * before it, the first AK_OPEN_FLAGS / AK_AT_FLAGS / AK_MODE), because
 * i386 moves some arguments (64-bit values split over two registers).
 *
 * O_* and AT_* values are those of asm-generic/fcntl.h and linux/fcntl.h,
 * the same on x86_64, i386 and aarch64, except O_NOFOLLOW (below).
 */
#include "config.h"

#include <errno.h>
#include <linux/fcntl.h>
#include <linux/mman.h>
#include <sys/stat.h>
#include <string.h>

#include "access.h"
#include "names.h"

/* arch/arm64/include/uapi/asm/fcntl.h moves O_NOFOLLOW. */
#define O_NOFOLLOW_X86 00400000
#define O_NOFOLLOW_ARM64 0100000
/* inotify.h IN_DONT_FOLLOW, fanotify.h FAN_MARK_DONT_FOLLOW. */
#define IN_DONT_FOLLOW_ 0x02000000
#define FAN_MARK_DONT_FOLLOW_ 0x00000004

bool access_is_fs(enum sc_id id)
{
	switch (id) {
	case SC_open: case SC_openat: case SC_creat: case SC_execve: case SC_execveat:
	case SC_unlink: case SC_unlinkat: case SC_rmdir: case SC_rename:
	case SC_renameat: case SC_renameat2: case SC_link: case SC_linkat:
	case SC_symlink: case SC_symlinkat: case SC_mkdir: case SC_mkdirat:
	case SC_mknod: case SC_mknodat: case SC_chmod: case SC_fchmod:
	case SC_fchmodat: case SC_fchmodat2: case SC_chown: case SC_chown32:
	case SC_lchown: case SC_lchown32: case SC_fchown: case SC_fchown32:
	case SC_fchownat: case SC_truncate: case SC_truncate64: case SC_utime:
	case SC_utimes: case SC_futimesat: case SC_utimensat:
	case SC_utimensat_time64: case SC_chdir: case SC_fchdir: case SC_readlink:
	case SC_readlinkat: case SC_stat: case SC_stat64: case SC_oldstat:
	case SC_lstat: case SC_lstat64: case SC_oldlstat: case SC_newfstatat:
	case SC_fstatat64: case SC_statx: case SC_access: case SC_faccessat:
	case SC_faccessat2: case SC_statfs: case SC_statfs64: case SC_getxattr:
	case SC_lgetxattr: case SC_listxattr: case SC_llistxattr: case SC_getxattrat:
	case SC_listxattrat: case SC_setxattr: case SC_lsetxattr: case SC_removexattr:
	case SC_lremovexattr: case SC_fsetxattr: case SC_fremovexattr:
	case SC_setxattrat: case SC_removexattrat: case SC_inotify_add_watch:
	case SC_fanotify_mark: case SC_name_to_handle_at: case SC_uselib: case SC_acct:
	case SC_swapon: case SC_swapoff: case SC_quotactl: case SC_file_getattr:
	case SC_file_setattr:
	/* Code mapped from a file is that file run (exec_mapping). */
	case SC_mmap: case SC_mmap2: case SC_mprotect: case SC_pkey_mprotect:
		return true;
	default:
		return false;
	}
}

/* Argument positions of one call on one ABI. */
struct argpos {
	int path[2];		/* i-th AK_PATH, -1 */
	int dirfd[2];		/* AK_DIRFD just before it, -1 */
	int fd;			/* first AK_FD, -1 */
	int oflags, atflags, mode;
	int prot, mflags;	/* AK_PROT, AK_MMAP_FLAGS */
};

static void find_args(const struct sc_desc *d, struct argpos *p)
{
	int np = 0;

	memset(p, -1, sizeof(*p));
	for (int i = 0; d && i < d->nargs && i < 6; i++) {
		switch (d->arg[i]) {
		case AK_PATH:
			if (np < 2) {
				p->path[np] = i;
				p->dirfd[np] = i > 0 && d->arg[i - 1] == AK_DIRFD ? i - 1 : -1;
				np++;
			}
			break;
		case AK_FD:
			if (p->fd < 0)
				p->fd = i;
			break;
		case AK_OPEN_FLAGS:
			if (p->oflags < 0)
				p->oflags = i;
			break;
		case AK_AT_FLAGS:
			if (p->atflags < 0)
				p->atflags = i;
			break;
		case AK_MODE:
			if (p->mode < 0)
				p->mode = i;
			break;
		case AK_PROT:
			p->prot = i;
			break;
		case AK_MMAP_FLAGS:
			p->mflags = i;
			break;
		default:
			break;
		}
	}
}

static uint64_t arg(const uint64_t args[6], int i)
{
	return i >= 0 && i < 6 ? args[i] : 0;
}

static uint32_t open_access(uint64_t flags)
{
	uint32_t acc;

	if (flags & __O_TMPFILE)
		return POLICY_FS_CREATE | POLICY_FS_WRITE;	/* in the directory */
	if (flags & O_PATH)
		return POLICY_FS_STAT;	/* other flags are ignored with O_PATH */
	switch (flags & O_ACCMODE) {
	case O_RDONLY:
		acc = POLICY_FS_READ;
		break;
	case O_WRONLY:
		acc = POLICY_FS_WRITE;
		break;
	default:		/* O_RDWR, and 3 (ioctl-only access) */
		acc = POLICY_FS_READ | POLICY_FS_WRITE;
		break;
	}
	if (flags & (O_TRUNC | O_APPEND))
		acc |= POLICY_FS_WRITE;
	if (flags & O_CREAT)
		acc |= POLICY_FS_CREATE | POLICY_FS_WRITE;
	return acc;
}

static bool open_follows(const struct janus_arch *a, uint64_t flags)
{
	uint64_t nofollow = a->abi == JANUS_ABI_AARCH64 ? O_NOFOLLOW_ARM64 : O_NOFOLLOW_X86;

	if (flags & nofollow)
		return false;
	/* O_CREAT|O_EXCL fails on any existing last component, symlinks too. */
	return (flags & (O_CREAT | O_EXCL)) != (O_CREAT | O_EXCL);
}

static uint32_t mknod_access(uint64_t mode)
{
	switch (mode & S_IFMT) {
	case S_IFIFO:
		return POLICY_FS_MKNOD_FIFO;
	case 0:
	case S_IFREG:
		return POLICY_FS_CREATE;	/* an empty regular file */
	default:
		return POLICY_FS_MKNOD_DEV;	/* devices, and sockets */
	}
}

static void set(struct policy_path *o, int arg_i, int dirfd, bool follow, uint32_t acc)
{
	o->arg = (int8_t)arg_i;
	o->dirfd = (int8_t)dirfd;
	o->follow = follow;
	o->empty_fd = false;
	o->empty_unchecked = false;
	o->mapped = false;
	o->access = acc;
}

/* The object is the open file itself. */
static void set_fd(struct policy_path *o, int fd, uint32_t acc)
{
	set(o, -1, fd, true, acc);
}

/* mmap of a file with PROT_EXEC runs the file's code as exec would: it
 * needs exec on the descriptor's file.  mprotect adding PROT_EXEC needs
 * it on the file mapped there (the supervisor reads the mappings).
 * Anonymous memory is not a file: JITs need no rule.  (i386's old mmap
 * takes its arguments in memory: its descriptor has no AK_PROT, and the
 * supervisor refuses it where paths are checked, see judge.c.)
 * READ_IMPLIES_EXEC (personality), which makes PROT_READ executable, is
 * refused or killed by the supervisor (judge.c reads_as_exec). */
static int exec_mapping(const struct sc_desc *d, const struct argpos *p, const uint64_t args[6],
			struct policy_path *o)
{
	if (p->prot < 0 || !(arg(args, p->prot) & PROT_EXEC))
		return 0;
	if (d->id == SC_mprotect || d->id == SC_pkey_mprotect) {
		set(o, -1, -1, true, POLICY_FS_EXEC);
		o->mapped = true;
		return 1;
	}
	if (p->mflags < 0 || (arg(args, p->mflags) & MAP_ANONYMOUS))
		return 0;
	set_fd(o, p->fd, POLICY_FS_EXEC);
	return 1;
}

int access_paths(const struct janus_arch *a, const struct sc_desc *d, const uint64_t args[6],
		 struct policy_path out[2])
{
	struct argpos p;

	if (!a || !d || !access_is_fs(d->id))
		return 0;
	find_args(d, &p);

	uint64_t at = arg(args, p.atflags);
	bool at_follow = !(at & AT_SYMLINK_NOFOLLOW);
	bool at_empty = at & AT_EMPTY_PATH;
	int n = 1;

	switch (d->id) {
	case SC_open: case SC_openat: {
		uint64_t fl = arg(args, p.oflags);

		set(&out[0], p.path[0], p.dirfd[0], open_follows(a, fl), open_access(fl));
		break;
	}
	case SC_creat:
		set(&out[0], p.path[0], -1, true, POLICY_FS_CREATE | POLICY_FS_WRITE);
		break;
	case SC_execve:
		set(&out[0], p.path[0], -1, true, POLICY_FS_EXEC | POLICY_FS_READ);
		break;
	case SC_execveat: case SC_uselib:
		set(&out[0], p.path[0], p.dirfd[0], at_follow, POLICY_FS_EXEC | POLICY_FS_READ);
		out[0].empty_fd = at_empty;
		break;
	case SC_unlink:
		set(&out[0], p.path[0], -1, false, POLICY_FS_UNLINK);
		break;
	case SC_unlinkat:
		set(&out[0], p.path[0], p.dirfd[0], false,
		    at & AT_REMOVEDIR ? POLICY_FS_RMDIR : POLICY_FS_UNLINK);
		break;
	case SC_rmdir:
		set(&out[0], p.path[0], -1, false, POLICY_FS_RMDIR);
		break;
	case SC_rename: case SC_renameat: case SC_renameat2:
		set(&out[0], p.path[0], p.dirfd[0], false, POLICY_FS_RENAME);
		set(&out[1], p.path[1], p.dirfd[1], false, POLICY_FS_RENAME);
		n = 2;
		break;
	case SC_link:		/* link(2) does not follow a symlink oldpath */
		set(&out[0], p.path[0], -1, false, POLICY_FS_READ);
		set(&out[1], p.path[1], -1, false, POLICY_FS_LINK);
		n = 2;
		break;
	case SC_linkat:
		set(&out[0], p.path[0], p.dirfd[0], at & AT_SYMLINK_FOLLOW, POLICY_FS_READ);
		out[0].empty_fd = at_empty;
		set(&out[1], p.path[1], p.dirfd[1], false, POLICY_FS_LINK);
		n = 2;
		break;
	case SC_symlink: case SC_symlinkat:	/* the target is a string, not checked */
		set(&out[0], p.path[0], p.dirfd[0], false, POLICY_FS_SYMLINK);
		break;
	case SC_mkdir: case SC_mkdirat:
		set(&out[0], p.path[0], p.dirfd[0], false, POLICY_FS_MKDIR);
		break;
	case SC_mknod: case SC_mknodat:
		set(&out[0], p.path[0], p.dirfd[0], false, mknod_access(arg(args, p.mode)));
		break;
	case SC_chmod: case SC_fchmodat:
		set(&out[0], p.path[0], p.dirfd[0], true, POLICY_FS_CHMOD);
		break;
	case SC_fchmodat2: case SC_fchownat:
		set(&out[0], p.path[0], p.dirfd[0], at_follow,
		    d->id == SC_fchownat ? POLICY_FS_CHOWN : POLICY_FS_CHMOD);
		out[0].empty_fd = at_empty;
		break;
	case SC_fchmod:
		set_fd(&out[0], p.fd, POLICY_FS_CHMOD);
		break;
	case SC_chown: case SC_chown32:
		set(&out[0], p.path[0], -1, true, POLICY_FS_CHOWN);
		break;
	case SC_lchown: case SC_lchown32:
		set(&out[0], p.path[0], -1, false, POLICY_FS_CHOWN);
		break;
	case SC_fchown: case SC_fchown32:
		set_fd(&out[0], p.fd, POLICY_FS_CHOWN);
		break;
	case SC_truncate: case SC_truncate64:
		set(&out[0], p.path[0], -1, true, POLICY_FS_TRUNCATE);
		break;
	case SC_utime: case SC_utimes:
		set(&out[0], p.path[0], -1, true, POLICY_FS_UTIME);
		break;
	case SC_futimesat: case SC_utimensat: case SC_utimensat_time64:
		/* A NULL path means the file dirfd refers to (futimens). */
		if (arg(args, p.path[0]) == 0)
			set_fd(&out[0], p.dirfd[0], POLICY_FS_UTIME);
		else
			set(&out[0], p.path[0], p.dirfd[0], at_follow, POLICY_FS_UTIME);
		out[0].empty_fd = at_empty;
		break;
	case SC_chdir:
		set(&out[0], p.path[0], -1, true, POLICY_FS_CHDIR);
		break;
	case SC_fchdir:
		set_fd(&out[0], p.fd, POLICY_FS_CHDIR);
		break;
	case SC_readlink:
		set(&out[0], p.path[0], -1, false, POLICY_FS_READLINK);
		break;
	case SC_readlinkat:	/* an empty path reads the link dirfd refers to */
		set(&out[0], p.path[0], p.dirfd[0], false, POLICY_FS_READLINK);
		out[0].empty_fd = true;
		break;
	case SC_stat: case SC_stat64: case SC_oldstat: case SC_access:
	case SC_faccessat: case SC_statfs: case SC_statfs64: case SC_quotactl:
		set(&out[0], p.path[0], p.dirfd[0], true, POLICY_FS_STAT);
		break;
	case SC_lstat: case SC_lstat64: case SC_oldlstat:
		set(&out[0], p.path[0], -1, false, POLICY_FS_STAT);
		break;
	case SC_newfstatat: case SC_fstatat64: case SC_statx: case SC_faccessat2:
	case SC_getxattrat: case SC_listxattrat: case SC_file_getattr:
		set(&out[0], p.path[0], p.dirfd[0], at_follow, POLICY_FS_STAT);
		out[0].empty_fd = at_empty;
		break;
	case SC_name_to_handle_at:	/* follows only with AT_SYMLINK_FOLLOW */
		set(&out[0], p.path[0], p.dirfd[0], at & AT_SYMLINK_FOLLOW, POLICY_FS_STAT);
		out[0].empty_fd = at_empty;
		break;
	case SC_getxattr: case SC_listxattr:
		set(&out[0], p.path[0], -1, true, POLICY_FS_STAT);
		break;
	case SC_lgetxattr: case SC_llistxattr:
		set(&out[0], p.path[0], -1, false, POLICY_FS_STAT);
		break;
	case SC_setxattr: case SC_removexattr:
		set(&out[0], p.path[0], -1, true, POLICY_FS_XATTR);
		break;
	case SC_lsetxattr: case SC_lremovexattr:
		set(&out[0], p.path[0], -1, false, POLICY_FS_XATTR);
		break;
	case SC_fsetxattr: case SC_fremovexattr:
		set_fd(&out[0], p.fd, POLICY_FS_XATTR);
		break;
	case SC_setxattrat: case SC_removexattrat: case SC_file_setattr:
		set(&out[0], p.path[0], p.dirfd[0], at_follow, POLICY_FS_XATTR);
		out[0].empty_fd = at_empty;
		break;
	case SC_inotify_add_watch:
		set(&out[0], p.path[0], -1, !(arg(args, 2) & IN_DONT_FOLLOW_), POLICY_FS_READ);
		break;
	case SC_fanotify_mark:	/* a NULL path marks the directory dirfd itself */
		if (arg(args, p.path[0]) == 0)
			set_fd(&out[0], p.dirfd[0], POLICY_FS_READ);
		else
			set(&out[0], p.path[0], p.dirfd[0],
			    !(arg(args, 1) & FAN_MARK_DONT_FOLLOW_), POLICY_FS_READ);
		break;
	case SC_acct:		/* acct(NULL) switches accounting off */
		if (arg(args, p.path[0]) == 0)
			return 0;
		set(&out[0], p.path[0], -1, true, POLICY_FS_WRITE);
		break;
	case SC_swapon: case SC_swapoff:
		set(&out[0], p.path[0], -1, true, POLICY_FS_READ | POLICY_FS_WRITE);
		break;
	case SC_mmap: case SC_mmap2: case SC_mprotect: case SC_pkey_mprotect:
		return exec_mapping(d, &p, args, &out[0]);
	default:
		return 0;
	}
	/* An empty path with AT_EMPTY_PATH and only metadata read is fstat,
	 * fgetxattr...: calls on a descriptor are not checked again. */
	for (int i = 0; i < n; i++)
		out[i].empty_unchecked = out[i].empty_fd && out[i].arg >= 0 &&
					 out[i].access == POLICY_FS_STAT;
	return n;
}

int policy_paths(const struct sc_event *ev, struct policy_path out[2])
{
	const struct sc_desc *d = arch_syscall(ev->arch, ev->nr);

	/* Sub-calls of socketcall/ipc take no paths. */
	return access_paths(ev->arch, d, ev->args, out);
}

static const struct {
	const char *name;
	uint32_t mask;
} access_names[] = {
	{ "read", POLICY_FS_READ }, { "write", POLICY_FS_WRITE },
	{ "create", POLICY_FS_CREATE }, { "exec", POLICY_FS_EXEC },
	{ "unlink", POLICY_FS_UNLINK }, { "rename", POLICY_FS_RENAME },
	{ "link", POLICY_FS_LINK }, { "symlink", POLICY_FS_SYMLINK },
	{ "chmod", POLICY_FS_CHMOD }, { "chown", POLICY_FS_CHOWN },
	{ "mkdir", POLICY_FS_MKDIR }, { "rmdir", POLICY_FS_RMDIR },
	{ "mknod-fifo", POLICY_FS_MKNOD_FIFO }, { "mknod-dev", POLICY_FS_MKNOD_DEV },
	{ "stat", POLICY_FS_STAT }, { "chdir", POLICY_FS_CHDIR },
	{ "xattr", POLICY_FS_XATTR }, { "truncate", POLICY_FS_TRUNCATE },
	{ "utime", POLICY_FS_UTIME }, { "readlink", POLICY_FS_READLINK },
	/* aliases: keep after the single accesses */
	{ "ro", ACCESS_RO }, { "rw", ACCESS_RW }, { "all", POLICY_FS_ALL },
};
#define NACCESS (sizeof access_names / sizeof access_names[0])

int access_by_name(const char *name, uint32_t *mask)
{
	for (size_t i = 0; i < NACCESS; i++)
		if (strcmp(access_names[i].name, name) == 0) {
			*mask = access_names[i].mask;
			return 0;
		}
	return -ENOENT;
}

const char *access_name(uint32_t bit)
{
	for (size_t i = 0; i < NACCESS; i++)
		if (access_names[i].mask == bit)
			return access_names[i].name;
	return "?";
}

void access_format(uint32_t mask, char *buf, size_t size)
{
	size_t len = 0;

	if (size)
		buf[0] = '\0';
	if (mask == POLICY_FS_ALL) {
		snprintf(buf, size, "all");
		return;
	}
	for (unsigned b = 0; b < 20; b++) {
		if (!(mask & (1u << b)))
			continue;
		int w = snprintf(buf + len, size > len ? size - len : 0, "%s%s",
				 len ? "," : "", access_name(1u << b));
		if (w < 0 || (size_t)w >= size - len)
			return;
		len += (size_t)w;
	}
}

const char *access_suggest(const char *name)
{
	struct suggest s;

	suggest_init(&s, name);
	for (size_t i = 0; i < NACCESS; i++)
		suggest_offer(&s, access_names[i].name);
	return suggest_result(&s);
}

uint32_t policy_fs_held(unsigned open_flags)
{
	uint32_t a = POLICY_FS_STAT;
	if (open_flags & O_PATH)
		return a;
	switch (open_flags & O_ACCMODE) {
	case O_RDONLY:
		return a | POLICY_FS_READ;
	case O_WRONLY:
		return a | POLICY_FS_WRITE | POLICY_FS_CREATE;
	case O_RDWR:
		return a | POLICY_FS_READ | POLICY_FS_WRITE | POLICY_FS_CREATE;
	default:
		return a;	/* 3: an ioctl-only descriptor gives neither */
	}
}
