/* check_policy_access.c - the engine's knowledge of calls: which objects
 * a call acts on and with which access (policy_paths), which processes
 * it names (policy_targets), checked per ABI. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "policy_test.h"
#include "policy/access.h"
#include "policy/calls.h"

#define AT_FDCWD_ ((uint64_t)(int64_t)-100)
#define P 0x7ff000u		/* some non-NULL path pointer */

/* Flags as the ABIs define them (asm-generic; O_NOFOLLOW and O_DIRECTORY
 * are arm64's below where it differs). */
#define RD 0
#define WR 01
#define RW 02
#define CREAT 0100
#define EXCL 0200
#define TRUNC 01000
#define APPEND 02000
#define TMPFILE_X86 (020000000 | 0200000)
#define PATH_ 010000000
#define NOFOLLOW_X86 0400000
#define NOFOLLOW_ARM 0100000
#define SYMLINK_NOFOLLOW 0x100
#define REMOVEDIR 0x200
#define SYMLINK_FOLLOW 0x400
#define EMPTY_PATH 0x1000
#define IFIFO 0010000
#define IFCHR 0020000
#define IFREG 0100000
#define IFSOCK 0140000

/* "p1 d0 follow read,write | ..." for the paths of a call. */
static void describe(const struct sc_event *ev, char *buf, size_t size)
{
	struct policy_path pp[2];
	int n = policy_paths(ev, pp);
	size_t len = 0;

	buf[0] = '\0';
	for (int i = 0; i < n; i++) {
		char acc[256], dirfd[8] = "";

		access_format(pp[i].access, acc, sizeof acc);
		if (pp[i].dirfd >= 0)
			snprintf(dirfd, sizeof dirfd, " d%d", pp[i].dirfd);
		if (pp[i].mapped)
			len += (size_t)snprintf(buf + len, size - len, "%smapped %s", i ? " | " : "",
						acc);
		else if (pp[i].arg < 0)
			len += (size_t)snprintf(buf + len, size - len, "%sfd%d %s", i ? " | " : "",
						pp[i].dirfd, acc);
		else
			len += (size_t)snprintf(buf + len, size - len, "%sp%d%s%s%s%s %s", i ? " | " : "",
						pp[i].arg, dirfd, pp[i].follow ? " follow" : "",
						pp[i].empty_fd ? " empty" : "",
						pp[i].empty_unchecked ? "-unchecked" : "", acc);
	}
}

static const struct {
	const char *abi, *name;
	uint64_t a[6];
	const char *expect;
} paths[] = {
	/* open flags */
	{ "x86_64", "openat", { AT_FDCWD_, P, RD, 0 }, "p1 d0 follow read" },
	{ "x86_64", "openat", { AT_FDCWD_, P, WR, 0 }, "p1 d0 follow write" },
	{ "x86_64", "openat", { AT_FDCWD_, P, RW, 0 }, "p1 d0 follow read,write" },
	{ "x86_64", "openat", { AT_FDCWD_, P, 3, 0 }, "p1 d0 follow read,write" },
	{ "x86_64", "openat", { AT_FDCWD_, P, WR | TRUNC, 0 }, "p1 d0 follow write" },
	{ "x86_64", "openat", { AT_FDCWD_, P, RD | TRUNC, 0 }, "p1 d0 follow read,write" },
	{ "x86_64", "openat", { AT_FDCWD_, P, RD | APPEND, 0 }, "p1 d0 follow read,write" },
	{ "x86_64", "openat", { AT_FDCWD_, P, WR | CREAT, 0644 }, "p1 d0 follow write,create" },
	{ "x86_64", "openat", { AT_FDCWD_, P, RW | CREAT | EXCL, 0600 }, "p1 d0 read,write,create" },
	{ "x86_64", "openat", { AT_FDCWD_, P, RD | NOFOLLOW_X86, 0 }, "p1 d0 read" },
	{ "x86_64", "openat", { AT_FDCWD_, P, RD | NOFOLLOW_ARM, 0 }, "p1 d0 follow read" },
	{ "aarch64", "openat", { AT_FDCWD_, P, RD | NOFOLLOW_ARM, 0 }, "p1 d0 read" },
	{ "aarch64", "openat", { AT_FDCWD_, P, RD | NOFOLLOW_X86, 0 }, "p1 d0 follow read" },
	{ "i386", "openat", { AT_FDCWD_, P, RD | NOFOLLOW_X86, 0 }, "p1 d0 read" },
	{ "x86_64", "openat", { AT_FDCWD_, P, PATH_, 0 }, "p1 d0 follow stat" },
	{ "x86_64", "openat", { AT_FDCWD_, P, PATH_ | WR | TRUNC, 0 }, "p1 d0 follow stat" },
	{ "x86_64", "openat", { AT_FDCWD_, P, TMPFILE_X86 | RW, 0600 }, "p1 d0 follow write,create" },
	{ "x86_64", "open", { P, RD, 0 }, "p0 follow read" },
	{ "i386", "open", { P, WR | CREAT, 0 }, "p0 follow write,create" },
	{ "x86_64", "creat", { P, 0644 }, "p0 follow write,create" },
	/* exec */
	{ "x86_64", "execve", { P, 0, 0 }, "p0 follow read,exec" },
	{ "x86_64", "execveat", { 3, P, 0, 0, EMPTY_PATH }, "p1 d0 follow empty read,exec" },
	{ "x86_64", "execveat", { AT_FDCWD_, P, 0, 0, SYMLINK_NOFOLLOW }, "p1 d0 read,exec" },
	{ "i386", "execveat", { 3, P, 0, 0, EMPTY_PATH }, "p1 d0 follow empty read,exec" },
	{ "x86_64", "uselib", { P }, "p0 follow read,exec" },
	/* names */
	{ "x86_64", "unlink", { P }, "p0 unlink" },
	{ "x86_64", "unlinkat", { AT_FDCWD_, P, 0 }, "p1 d0 unlink" },
	{ "x86_64", "unlinkat", { AT_FDCWD_, P, REMOVEDIR }, "p1 d0 rmdir" },
	{ "x86_64", "rmdir", { P }, "p0 rmdir" },
	{ "x86_64", "rename", { P, P }, "p0 rename | p1 rename" },
	{ "x86_64", "renameat", { 3, P, 4, P }, "p1 d0 rename | p3 d2 rename" },
	{ "aarch64", "renameat2", { 3, P, 4, P, 0 }, "p1 d0 rename | p3 d2 rename" },
	{ "x86_64", "link", { P, P }, "p0 read | p1 link" },
	{ "x86_64", "linkat", { 3, P, 4, P, 0 }, "p1 d0 read | p3 d2 link" },
	{ "x86_64", "linkat", { 3, P, 4, P, SYMLINK_FOLLOW }, "p1 d0 follow read | p3 d2 link" },
	{ "x86_64", "linkat", { 3, P, 4, P, EMPTY_PATH }, "p1 d0 empty read | p3 d2 link" },
	{ "x86_64", "symlink", { P, P }, "p1 symlink" },
	{ "x86_64", "symlinkat", { P, 3, P }, "p2 d1 symlink" },
	{ "x86_64", "mkdir", { P, 0755 }, "p0 mkdir" },
	{ "aarch64", "mkdirat", { AT_FDCWD_, P, 0755 }, "p1 d0 mkdir" },
	{ "x86_64", "mknod", { P, IFIFO | 0600, 0 }, "p0 mknod-fifo" },
	{ "x86_64", "mknod", { P, IFCHR | 0600, 0x103 }, "p0 mknod-dev" },
	{ "x86_64", "mknod", { P, IFSOCK | 0600, 0 }, "p0 mknod-dev" },
	{ "x86_64", "mknod", { P, IFREG | 0600, 0 }, "p0 create" },
	{ "x86_64", "mknod", { P, 0600, 0 }, "p0 create" },
	{ "i386", "mknodat", { AT_FDCWD_, P, IFIFO | 0600, 0 }, "p1 d0 mknod-fifo" },
	/* metadata */
	{ "x86_64", "chmod", { P, 0600 }, "p0 follow chmod" },
	{ "x86_64", "fchmod", { 3, 0600 }, "fd0 chmod" },
	{ "x86_64", "fchmodat", { 3, P, 0600 }, "p1 d0 follow chmod" },
	{ "x86_64", "fchmodat2", { 3, P, 0600, SYMLINK_NOFOLLOW }, "p1 d0 chmod" },
	{ "x86_64", "chown", { P, 0, 0 }, "p0 follow chown" },
	{ "x86_64", "lchown", { P, 0, 0 }, "p0 chown" },
	{ "i386", "lchown32", { P, 0, 0 }, "p0 chown" },
	{ "x86_64", "fchown", { 3, 0, 0 }, "fd0 chown" },
	{ "x86_64", "fchownat", { 3, P, 0, 0, SYMLINK_NOFOLLOW | EMPTY_PATH }, "p1 d0 empty chown" },
	{ "x86_64", "truncate", { P, 0 }, "p0 follow truncate" },
	{ "i386", "truncate64", { P, 0, 0 }, "p0 follow truncate" },
	{ "x86_64", "utime", { P, 0 }, "p0 follow utime" },
	{ "x86_64", "utimes", { P, 0 }, "p0 follow utime" },
	{ "x86_64", "utimensat", { AT_FDCWD_, P, 0, SYMLINK_NOFOLLOW }, "p1 d0 utime" },
	{ "x86_64", "utimensat", { 3, 0, 0, 0 }, "fd0 utime" },
	{ "i386", "utimensat_time64", { 3, 0, 0, 0 }, "fd0 utime" },
	{ "x86_64", "futimesat", { 3, 0, 0 }, "fd0 utime" },
	{ "x86_64", "setxattr", { P, P, 0, 0, 0 }, "p0 follow xattr" },
	{ "x86_64", "lremovexattr", { P, P }, "p0 xattr" },
	{ "x86_64", "fsetxattr", { 3, P, 0, 0, 0 }, "fd0 xattr" },
	{ "x86_64", "getxattr", { P, P, 0, 0 }, "p0 follow stat" },
	{ "x86_64", "llistxattr", { P, 0, 0 }, "p0 stat" },
	/* lookups */
	{ "x86_64", "chdir", { P }, "p0 follow chdir" },
	{ "x86_64", "fchdir", { 3 }, "fd0 chdir" },
	{ "x86_64", "readlink", { P, 0, 0 }, "p0 readlink" },
	{ "x86_64", "readlinkat", { 3, P, 0, 0 }, "p1 d0 empty readlink" },
	{ "x86_64", "stat", { P, 0 }, "p0 follow stat" },
	{ "x86_64", "lstat", { P, 0 }, "p0 stat" },
	{ "i386", "stat64", { P, 0 }, "p0 follow stat" },
	{ "i386", "oldlstat", { P, 0 }, "p0 stat" },
	{ "x86_64", "newfstatat", { AT_FDCWD_, P, 0, SYMLINK_NOFOLLOW }, "p1 d0 stat" },
	{ "x86_64", "newfstatat", { 3, P, 0, EMPTY_PATH }, "p1 d0 follow empty-unchecked stat" },
	{ "aarch64", "statx", { 3, P, EMPTY_PATH, 0, 0 }, "p1 d0 follow empty-unchecked stat" },
	{ "i386", "fstatat64", { 3, P, 0, EMPTY_PATH }, "p1 d0 follow empty-unchecked stat" },
	{ "i386", "fstatat64", { AT_FDCWD_, P, 0, 0 }, "p1 d0 follow stat" },
	{ "aarch64", "statx", { AT_FDCWD_, P, SYMLINK_NOFOLLOW, 0, 0 }, "p1 d0 stat" },
	{ "x86_64", "access", { P, 0 }, "p0 follow stat" },
	{ "x86_64", "faccessat", { 3, P, 0 }, "p1 d0 follow stat" },
	{ "x86_64", "faccessat2", { 3, P, 0, SYMLINK_NOFOLLOW }, "p1 d0 stat" },
	{ "x86_64", "statfs", { P, 0 }, "p0 follow stat" },
	{ "i386", "statfs64", { P, 84, 0 }, "p0 follow stat" },
	{ "x86_64", "name_to_handle_at", { 3, P, 0, 0, 0 }, "p1 d0 stat" },
	{ "x86_64", "name_to_handle_at", { 3, P, 0, 0, SYMLINK_FOLLOW }, "p1 d0 follow stat" },
	{ "x86_64", "inotify_add_watch", { 3, P, 0 }, "p1 follow read" },
	{ "x86_64", "inotify_add_watch", { 3, P, 0x02000000 }, "p1 read" },
	/* fanotify_mark: i386 splits the 64-bit mask over two registers. */
	{ "x86_64", "fanotify_mark", { 3, 0, 0, 4, P }, "p4 d3 follow read" },
	{ "x86_64", "fanotify_mark", { 3, 0x4, 0, 4, P }, "p4 d3 read" },
	{ "x86_64", "fanotify_mark", { 3, 0, 0, 4, 0 }, "fd3 read" },
	{ "i386", "fanotify_mark", { 3, 0, 0, 0, 4, P }, "p5 d4 follow read" },
	{ "x86_64", "acct", { P }, "p0 follow write" },
	{ "x86_64", "acct", { 0 }, "" },
	/* code mapped from a file: PROT_EXEC 4, MAP_PRIVATE 2, MAP_ANONYMOUS 0x20 */
	{ "x86_64", "mmap", { 0, 4096, 5, 2, 3, 0 }, "fd4 exec" },
	{ "aarch64", "mmap", { 0, 4096, 7, 0x12, 3, 0 }, "fd4 exec" },
	{ "i386", "mmap2", { 0, 4096, 4, 2, 3, 0 }, "fd4 exec" },
	{ "x86_64", "mmap", { 0, 4096, 1, 2, 3, 0 }, "" },
	{ "x86_64", "mmap", { 0, 4096, 7, 0x22, -1, 0 }, "" },
	{ "i386", "mmap", { P }, "" },
	{ "x86_64", "mprotect", { P, 4096, 5 }, "mapped exec" },
	{ "i386", "pkey_mprotect", { P, 4096, 4, 1 }, "mapped exec" },
	{ "x86_64", "mprotect", { P, 4096, 3 }, "" },
	/* no filesystem object */
	{ "x86_64", "read", { 0, 0, 0 }, "" },
	{ "x86_64", "connect", { 3, P, 16 }, "" },
	{ "x86_64", "mount", { P, P, P, 0, 0 }, "" },
	{ "x86_64", "open_by_handle_at", { 3, P, 0 }, "" },
	{ "x86_64", "getcwd", { P, 4096 }, "" },
};

START_TEST(test_paths)
{
	struct sc_event ev = make_event(paths[_i].abi, paths[_i].name, paths[_i].a[0], paths[_i].a[1],
					paths[_i].a[2], paths[_i].a[3]);
	char got[512];

	ev.args[4] = paths[_i].a[4];
	ev.args[5] = paths[_i].a[5];
	describe(&ev, got, sizeof got);
	ck_assert_msg(strcmp(got, paths[_i].expect) == 0, "%s %s: expected \"%s\", got \"%s\"",
		      paths[_i].abi, paths[_i].name, paths[_i].expect, got);
}
END_TEST

/* Over every number of every ABI: an fs call names at least one object,
 * with some access, through arguments of the right kind; and every
 * syscall with a path argument is either checked by fs rules or refused
 * whatever the policy says. */
START_TEST(test_paths_consistent)
{
	for (unsigned abi = 0; abi < JANUS_ABI_COUNT; abi++) {
		const struct janus_arch *a = arch_by_abi((enum janus_abi)abi);

		for (uint32_t nr = 0; nr < a->nr_count; nr++) {
			const struct sc_desc *d = arch_syscall(a, nr);
			struct sc_event ev = { .arch = a, .nr = nr, .id = SC_COUNT };
			struct policy_path pp[2];
			bool has_path = false;
			int n;

			if (!d)
				continue;
			for (int k = 0; k < d->nargs; k++)
				has_path |= d->arg[k] == AK_PATH;
			for (int k = 0; k < 6; k++)
				ev.args[k] = P;
			/* Mappings are file access only when executable (and, for
			 * mmap, of a file); i386's old mmap is refused instead. */
			bool mapping = d->id == SC_mmap || d->id == SC_mmap2 ||
				       d->id == SC_mprotect || d->id == SC_pkey_mprotect;
			if (mapping) {
				ev.args[2] = 4;		/* PROT_EXEC */
				ev.args[3] = 2;		/* MAP_PRIVATE, or pkey 2 */
			}
			n = policy_paths(&ev, pp);
			if (mapping && d->id == SC_mmap && a->wordsize == 4) {
				ck_assert_int_eq(n, 0);
				continue;
			}
			if (has_path)
				ck_assert_msg(access_is_fs(d->id) || calls_fixed_errno(d->id),
					      "%s %s takes a path but neither fs rules nor a fixed refusal cover it",
					      a->name, d->name);
			ck_assert_msg(!!(calls_checks(d->id) & CK_FS) == access_is_fs(d->id), "%s", d->name);
			if (!access_is_fs(d->id)) {
				ck_assert_msg(n == 0, "%s %s: paths but no fs check", a->name, d->name);
				continue;
			}
			ck_assert_msg(n >= 1, "%s %s: fs call without an object", a->name, d->name);
			for (int i = 0; i < n; i++) {
				ck_assert_msg(pp[i].access != 0, "%s %s: no access", a->name, d->name);
				if (pp[i].arg >= 0)
					ck_assert_msg(pp[i].arg < d->nargs && d->arg[pp[i].arg] == AK_PATH,
						      "%s %s: path %d is argument %d, not a path", a->name,
						      d->name, i, pp[i].arg);
				else
					ck_assert_msg(pp[i].dirfd >= 0 || pp[i].mapped,
						      "%s %s: neither path nor fd", a->name, d->name);
				ck_assert(!pp[i].mapped || (pp[i].arg < 0 && pp[i].dirfd < 0));
				if (pp[i].dirfd >= 0)
					ck_assert_msg(pp[i].dirfd < d->nargs &&
						      (d->arg[pp[i].dirfd] == AK_DIRFD || d->arg[pp[i].dirfd] == AK_FD),
						      "%s %s: dirfd %d is not an fd argument", a->name, d->name,
						      pp[i].dirfd);
			}
		}
	}
}
END_TEST

static const struct {
	const char *abi, *name;
	const char *expect;	/* "arg:kind ..." */
} targets[] = {
	{ "x86_64", "kill", "0:pid" },
	{ "x86_64", "rt_sigqueueinfo", "0:pid" },
	{ "x86_64", "tkill", "0:tid" },
	{ "x86_64", "tgkill", "1:tid" },
	{ "i386", "rt_tgsigqueueinfo", "1:tid" },
	{ "x86_64", "ptrace", "1:tid" },
	{ "x86_64", "pidfd_send_signal", "0:pidfd" },
	{ "x86_64", "pidfd_getfd", "0:pidfd" },
	{ "x86_64", "process_madvise", "0:pidfd" },
	{ "x86_64", "setpgid", "0:self0 1:pgid" },
	{ "x86_64", "getsid", "0:self0" },
	{ "x86_64", "getpgid", "0:self0" },
	{ "aarch64", "prlimit64", "0:self0" },
	{ "x86_64", "process_vm_readv", "0:self0" },
	{ "x86_64", "kcmp", "0:self0 1:self0" },
	{ "x86_64", "sched_setaffinity", "0:self0" },
	{ "x86_64", "setpriority", "1:prio" },
	{ "x86_64", "ioprio_set", "1:ioprio" },
	{ "x86_64", "read", "" },
	{ "x86_64", "getpid", "" },
};

START_TEST(test_targets)
{
	static const char *const kinds[] = { "pid", "self0", "tid", "pgid", "pidfd", "prio", "ioprio" };
	struct sc_event ev = make_event(targets[_i].abi, targets[_i].name, 0, 0, 0, 0);
	struct policy_target t[2];
	int n = policy_targets(&ev, t);
	char got[64] = "";

	for (int i = 0; i < n; i++)
		snprintf(got + strlen(got), sizeof got - strlen(got), "%s%d:%s", i ? " " : "", t[i].arg,
			 kinds[t[i].kind]);
	ck_assert_msg(strcmp(got, targets[_i].expect) == 0, "%s: expected \"%s\", got \"%s\"",
		      targets[_i].name, targets[_i].expect, got);
	/* Target calls are the ones signal rules check. */
	ck_assert(!!(calls_checks(calls_event_id(&ev)) & CK_SIGNAL) == (n > 0));
}
END_TEST

/* Every signal-checked call names at least one process argument within
 * its arguments, on every ABI. */
START_TEST(test_targets_consistent)
{
	for (unsigned abi = 0; abi < JANUS_ABI_COUNT; abi++) {
		const struct janus_arch *a = arch_by_abi((enum janus_abi)abi);

		for (uint32_t nr = 0; nr < a->nr_count; nr++) {
			const struct sc_desc *d = arch_syscall(a, nr);
			struct sc_event ev = { .arch = a, .nr = nr, .id = SC_COUNT };
			struct policy_target t[2];
			int n;

			if (!d)
				continue;
			n = policy_targets(&ev, t);
			ck_assert_msg(!!(calls_checks(d->id) & CK_SIGNAL) == (n > 0), "%s %s", a->name, d->name);
			for (int i = 0; i < n; i++)
				ck_assert_msg(t[i].arg < d->nargs, "%s %s: target %d out of range",
					      a->name, d->name, t[i].arg);
		}
	}
}
END_TEST

/* socketcall/ipc sub-calls: evaluated as the direct call; an id that
 * is no sub-call of the number leaves the number's own id. */
START_TEST(test_subcall_id)
{
	struct sc_event ev = make_event("i386", "socketcall", 3, 0, 0, 0);

	ev.id = SC_connect;
	ck_assert_int_eq(calls_event_id(&ev), SC_connect);
	ev.id = SC_openat;
	ck_assert_int_eq(calls_event_id(&ev), SC_socketcall);
	ev.id = SC_COUNT;
	ck_assert_int_eq(calls_event_id(&ev), SC_socketcall);
	ev = make_event("i386", "ipc", 0, 0, 0, 0);
	ev.id = SC_semop;
	ck_assert_int_eq(calls_event_id(&ev), SC_semop);
	ev.id = SC_connect;
	ck_assert_int_eq(calls_event_id(&ev), SC_ipc);
	/* A plain syscall ignores ev.id. */
	ev = make_event("x86_64", "read", 0, 0, 0, 0);
	ev.id = SC_connect;
	ck_assert_int_eq(calls_event_id(&ev), SC_read);
	/* Unknown number. */
	ev.nr = 100000;
	ck_assert_int_eq(calls_event_id(&ev), SC_COUNT);
}
END_TEST

/* policy_fs_mutable: a name is changeable where a rule allows creating,
 * removing or renaming at it or at a directory on the way to it. */
START_TEST(test_mutable)
{
	struct policy *p = load_ok("allow fs ro /usr/** /etc/**\n"
				   "allow fs rw $CWD/**\n"
				   "allow fs symlink /srv/drop/*\n"
				   "deny fs all $CWD/locked/**\n");

	ck_assert(!policy_fs_mutable(p, "/usr/include/stdio.h"));
	ck_assert(!policy_fs_mutable(p, "/etc"));
	ck_assert(!policy_fs_mutable(p, "/"));
	ck_assert(!policy_fs_mutable(p, "/home/u"));	/* $CWD's parent */
	ck_assert(policy_fs_mutable(p, "/home/u/work/a"));
	ck_assert(policy_fs_mutable(p, "/home/u/work/a/b/c"));
	/* Deny rules are not weighed: too cautious, never too bold. */
	ck_assert(policy_fs_mutable(p, "/home/u/work/locked/x"));
	/* A symlink may be put at /srv/drop/x: whatever lies below it. */
	ck_assert(policy_fs_mutable(p, "/srv/drop/x"));
	ck_assert(policy_fs_mutable(p, "/srv/drop/x/y"));
	ck_assert(!policy_fs_mutable(p, "/srv/drop"));
	ck_assert(policy_fs_mutable(p, "relative"));
	policy_free(p);

	/* A new mount namespace could put anything anywhere; mount itself is
	 * refused whatever a policy says. */
	p = load_ok("allow fs ro /usr/**\nallow syscall mount\n");
	ck_assert(!policy_fs_mutable(p, "/usr/include/stdio.h"));
	policy_free(p);
	p = load_ok("allow fs ro /usr/**\nallow syscall unshare\n");
	ck_assert(policy_fs_mutable(p, "/usr/include/stdio.h"));
	policy_free(p);
}
END_TEST

TCase *tcase_policy_access(void)
{
	TCase *tc = tcase_create("access");

	tcase_add_loop_test(tc, test_paths, 0, (int)(sizeof paths / sizeof paths[0]));
	tcase_add_test(tc, test_paths_consistent);
	tcase_add_loop_test(tc, test_targets, 0, (int)(sizeof targets / sizeof targets[0]));
	tcase_add_test(tc, test_targets_consistent);
	tcase_add_test(tc, test_subcall_id);
	tcase_add_test(tc, test_mutable);
	return tc;
}
