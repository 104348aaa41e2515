/* check_pinfd.c - pinned descriptors (pinfd.h): which path and socket
 * arguments are pinned and in which form (PINFD_PARENT, PINFD_OBJECT,
 * PINFD_SOCKET), from a call's own number and flags through
 * policy_paths() as the judge does; which close/dup2/dup3/close_range the
 * supervisor refuses because they would close or replace another task's
 * pin in a shared descriptor table (pinfd_guard, on real tasks: the kernel
 * says what "shared" is); when a task needs the guard filter; and the
 * filter itself, run by the kernel on this machine's ABI and by a small
 * classic-BPF interpreter for what this machine cannot run (i386 and
 * aarch64 calls, x32 numbers). */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/audit.h>
#include <linux/close_range.h>
#include <linux/filter.h>
#include <linux/kcmp.h>
#include <linux/sched.h>
#include <linux/seccomp.h>
#include <pthread.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "arch.h"
#include "pinfd.h"
#include "pinfd_guard.h"
#include "unit_run.h"

#define PTR UINT64_C(0x1000)	/* a path pointer: only "not NULL" matters */
#define ATCWD ((uint64_t)(int64_t)AT_FDCWD)

static const struct janus_arch *abi(enum janus_abi a)
{
	const struct janus_arch *arch = arch_by_abi(a);
	ck_assert_ptr_nonnull(arch);
	return arch;
}

static uint64_t nr_of(const struct janus_arch *a, enum sc_id id)
{
	long nr = arch_syscall_nr_by_id(a, id);
	ck_assert_int_ge(nr, 0);
	return (uint64_t)nr;
}

/* ------------------------------------------------ what is pinned, how */

/* One call: its paths as the program wrote them (raw) and as janus
 * resolved them (canonical), and what each must be pinned as (0: not). */
struct want_case {
	enum sc_id id;
	uint64_t args[6];
	const char *raw[2], *canon[2];
	uint8_t kind[2];
	bool slash[2];
	const char *dot[2];
};

static const struct want_case want_cases[] = {
	/* Calls that do not follow their last component: its directory. */
	{ SC_unlinkat, { ATCWD, PTR, 0 }, { "d/x" }, { "/t/d/x" }, { PINFD_PARENT }, { 0 }, { "" } },
	{ SC_unlinkat, { ATCWD, PTR, AT_REMOVEDIR }, { "d/x/" }, { "/t/d/x" }, { PINFD_PARENT },
	  { true }, { "" } },
	{ SC_mkdirat, { ATCWD, PTR, 0755 }, { "new" }, { "/t/new" }, { PINFD_PARENT }, { 0 }, { "" } },
	{ SC_renameat2, { ATCWD, PTR, ATCWD, PTR + 8, 0 }, { "a", "sub/b" }, { "/t/a", "/t/sub/b" },
	  { PINFD_PARENT, PINFD_PARENT }, { 0 }, { "", "" } },
	{ SC_linkat, { ATCWD, PTR, ATCWD, PTR + 8, 0 }, { "a", "b" }, { "/t/a", "/t/b" },
	  { PINFD_PARENT, PINFD_PARENT }, { 0 }, { "", "" } },
	{ SC_symlinkat, { PTR, ATCWD, PTR + 8 }, { "l" }, { "/t/l" }, { PINFD_PARENT }, { 0 }, { "" } },
	{ SC_mknodat, { ATCWD, PTR, S_IFIFO | 0600, 0 }, { "fifo" }, { "/t/fifo" }, { PINFD_PARENT },
	  { 0 }, { "" } },
	{ SC_fchownat, { ATCWD, PTR, 0, 0, AT_SYMLINK_NOFOLLOW }, { "f" }, { "/t/f" },
	  { PINFD_PARENT }, { 0 }, { "" } },
	{ SC_lsetxattr, { PTR, PTR + 8, PTR + 16, 1, 0 }, { "f" }, { "/t/f" }, { PINFD_PARENT }, { 0 },
	  { "" } },
	{ SC_openat, { ATCWD, PTR, O_WRONLY | O_CREAT | O_EXCL, 0600 }, { "n" }, { "/t/n" },
	  { PINFD_PARENT }, { 0 }, { "" } },
	{ SC_openat, { ATCWD, PTR, O_RDONLY | O_NOFOLLOW }, { "f" }, { "/t/f" }, { PINFD_PARENT },
	  { 0 }, { "" } },
	/* "." and ".." as last component: the call gets them again, in the
	 * directory the path names; "..." is an ordinary name. */
	{ SC_mkdirat, { ATCWD, PTR, 0755 }, { "d/." }, { "/t/d" }, { PINFD_PARENT }, { 0 }, { "." } },
	{ SC_rmdir, { PTR }, { "d/../" }, { "/t" }, { PINFD_PARENT }, { true }, { ".." } },
	{ SC_rmdir, { PTR }, { ".." }, { "/" }, { 0 }, { 0 }, { "" } },	/* "/": no parent */
	{ SC_rmdir, { PTR }, { "d/..." }, { "/t/d/..." }, { PINFD_PARENT }, { 0 }, { "" } },
	{ SC_linkat, { ATCWD, PTR, ATCWD, PTR + 8, 0 }, { "a", "x/.." }, { "/t/a", "/t" },
	  { PINFD_PARENT, PINFD_PARENT }, { 0 }, { "", ".." } },
	/* Calls that follow it: the object itself. */
	{ SC_fchmodat, { ATCWD, PTR, 0600 }, { "f" }, { "/t/f" }, { PINFD_OBJECT }, { 0 }, { "" } },
	{ SC_fchownat, { ATCWD, PTR, 0, 0, 0 }, { "d/." }, { "/t/d" }, { PINFD_OBJECT }, { 0 },
	  { "" } },
	{ SC_truncate, { PTR, 0 }, { "f" }, { "/t/f" }, { PINFD_OBJECT }, { 0 }, { "" } },
	{ SC_setxattr, { PTR, PTR + 8, PTR + 16, 1, 0 }, { "f" }, { "/t/f" }, { PINFD_OBJECT }, { 0 },
	  { "" } },
	{ SC_chdir, { PTR }, { "/" }, { "/" }, { PINFD_OBJECT }, { 0 }, { "" } },
	{ SC_openat, { ATCWD, PTR, O_RDWR | O_CREAT, 0600 }, { "f" }, { "/t/f" }, { PINFD_OBJECT },
	  { 0 }, { "" } },
	{ SC_linkat, { ATCWD, PTR, ATCWD, PTR + 8, AT_SYMLINK_FOLLOW }, { "a", "b" },
	  { "/t/a", "/t/b" }, { PINFD_OBJECT, PINFD_PARENT }, { 0 }, { "", "" } },
	/* Not pinned: only looked at (where no name can change), exec'd,
	 * or under /proc. */
	{ SC_newfstatat, { ATCWD, PTR, PTR + 8, 0 }, { "f" }, { "/t/f" }, { 0 }, { 0 }, { "" } },
	{ SC_readlinkat, { ATCWD, PTR, PTR + 8, 64 }, { "l" }, { "/t/l" }, { 0 }, { 0 }, { "" } },
	{ SC_faccessat, { ATCWD, PTR, R_OK }, { "f" }, { "/t/f" }, { 0 }, { 0 }, { "" } },
	{ SC_openat, { ATCWD, PTR, O_PATH }, { "f" }, { "/t/f" }, { 0 }, { 0 }, { "" } },
	{ SC_execve, { PTR, 0, 0 }, { "/bin/true" }, { "/usr/bin/true" }, { 0 }, { 0 }, { "" } },
	{ SC_execveat, { ATCWD, PTR, 0, 0, 0 }, { "x" }, { "/t/x" }, { 0 }, { 0 }, { "" } },
	{ SC_unlinkat, { ATCWD, PTR, 0 }, { "/proc/self/fd/3" }, { "/proc/42/fd/3" }, { 0 }, { 0 },
	  { "" } },
	{ SC_chdir, { PTR }, { "/proc" }, { "/proc" }, { 0 }, { 0 }, { "" } },
	{ SC_unlinkat, { ATCWD, PTR, 0 }, { "/procx/f" }, { "/procx/f" }, { PINFD_PARENT }, { 0 },
	  { "" } },
};

START_TEST(test_want_path)
{
	const struct want_case *c = &want_cases[_i];
	struct sc_event ev;
	memset(&ev, 0, sizeof ev);
	ev.arch = arch_native();
	ev.nr = nr_of(ev.arch, c->id);
	ev.id = SC_COUNT;
	memcpy(ev.args, c->args, sizeof ev.args);
	struct policy_path pp[2];
	int n = policy_paths(&ev, pp);
	ck_assert_int_eq(n, c->raw[1] ? 2 : 1);
	struct pinfd_want w;
	memset(&w, 0, sizeof w);
	for (int i = 0; i < n; i++)
		pinfd_want_path(&w, i, &pp[i], c->raw[i], c->canon[i], true);
	unsigned k = 0;
	for (int i = 0; i < n; i++) {
		if (!c->kind[i])
			continue;
		ck_assert_uint_gt(w.n, k);
		const struct pinfd_item *it = &w.it[k++];
		ck_assert_msg(it->item == i && it->kind == c->kind[i],
			      "case %d, path %d (%s): pinned as item %d kind %d, want kind %d", _i, i,
			      c->raw[i], it->item, it->kind, c->kind[i]);
		ck_assert_ptr_eq(it->path, c->canon[i]);	/* what was checked, kept */
		if (it->kind == PINFD_PARENT)	/* what slash means */
			ck_assert_int_eq(it->slash, c->slash[i]);
		ck_assert_str_eq(it->dot, c->dot[i]);
	}
	ck_assert_msg(w.n == k, "case %d (%s): %u pinned, want %u", _i, c->raw[0], w.n, k);
}
END_TEST

static const struct policy_path writes = { .arg = 1, .dirfd = 0, .follow = false,
					   .access = POLICY_FS_UNLINK };

START_TEST(test_want_limits)
{
	struct pinfd_want w;
	memset(&w, 0, sizeof w);
	pinfd_want_path(&w, -1, &writes, "x", "/t/x", false);		/* the plan was full */
	ck_assert_uint_eq(w.n, 0);
	/* Metadata only is not pinned where no name on the way can change;
	 * where one can, it is; more than metadata always is. */
	struct policy_path p = writes;
	p.access = POLICY_FS_STAT | POLICY_FS_READLINK;
	ck_assert(pinfd_only_looks(&p));
	pinfd_want_path(&w, 0, &p, "x", "/t/x", true);
	ck_assert_uint_eq(w.n, 0);
	pinfd_want_path(&w, 0, &p, "x", "/t/x", false);
	ck_assert_uint_eq(w.n, 1);
	w.n = 0;
	p.access = POLICY_FS_STAT | POLICY_FS_WRITE;
	ck_assert(!pinfd_only_looks(&p));
	pinfd_want_path(&w, 0, &p, "x", "/t/x", true);
	ck_assert_uint_eq(w.n, 1);
	p.access = POLICY_FS_EXEC | POLICY_FS_READ;
	pinfd_want_path(&w, 1, &p, "x", "/t/x", false);
	ck_assert_uint_eq(w.n, 1);
	/* Two at most: a third is not written past the array. */
	pinfd_want_path(&w, 1, &writes, "y", "/t/y", false);
	pinfd_want_path(&w, 2, &writes, "z", "/t/z", false);
	ck_assert_uint_eq(w.n, 2);
	ck_assert_str_eq(w.it[1].path, "/t/y");
	pinfd_want_socket(&w, 3, "/t/sock", -1, 0);
	ck_assert_uint_eq(w.n, 2);
}
END_TEST

START_TEST(test_want_socket)
{
	struct pinfd_want w;
	memset(&w, 0, sizeof w);
	pinfd_want_socket(&w, -1, "/t/s", -1, 0);
	pinfd_want_socket(&w, 0, "/proc/self/root/t/s", -1, 0);
	ck_assert_uint_eq(w.n, 0);
	pinfd_want_socket(&w, 0, "/t/s", -1, 0);		/* connect, sendto */
	pinfd_want_socket(&w, 2, "/t/u", 1, 8);			/* a msghdr's msg_name */
	ck_assert_uint_eq(w.n, 2);
	ck_assert_int_eq(w.it[0].kind, PINFD_SOCKET);
	ck_assert_int_eq(w.it[0].item, 0);
	ck_assert_str_eq(w.it[0].path, "/t/s");
	ck_assert_int_eq(w.it[0].len_item, -1);
	ck_assert_int_eq(w.it[1].kind, PINFD_SOCKET);
	ck_assert_int_eq(w.it[1].item, 2);
	ck_assert_int_eq(w.it[1].len_item, 1);
	ck_assert_uint_eq(w.it[1].len_at, 8);
	ck_assert(!w.it[1].slash);
	ck_assert_str_eq(w.it[1].dot, "");
}
END_TEST

/* ------------------------------------- pinfd_guard: which calls fail */

/* Tasks that hold a pin: a thread of this process, a process sharing its
 * descriptor table (clone CLONE_FILES) and a fork child (a copy). */
static int hold[2] = { -1, -1 };	/* the holders block reading hold[0] */
static pid_t thread_tid;

static void *holder_thread(void *arg)
{
	char c;
	thread_tid = (pid_t)syscall(SYS_gettid);
	__atomic_store_n((int *)arg, 1, __ATOMIC_RELEASE);
	while (read(hold[0], &c, 1) < 0 && errno == EINTR)
		;
	return NULL;
}

static pid_t holder_process(unsigned long flags)
{
	long pid = syscall(SYS_clone, flags | SIGCHLD, 0L, 0L, 0L, 0L);
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		char c;
		while (read(hold[0], &c, 1) < 0 && errno == EINTR)
			;
		_exit(0);
	}
	return (pid_t)pid;
}

static int guard(const struct pinfd *p, pid_t caller, const struct janus_arch *a, enum sc_id id,
		 uint64_t a0, uint64_t a1, uint64_t a2)
{
	struct tracee tr;
	memset(&tr, 0, sizeof tr);
	tr.tid = caller;
	struct sc_event ev;
	memset(&ev, 0, sizeof ev);
	ev.arch = a;
	ev.nr = nr_of(a, id);
	ev.id = SC_COUNT;
	ev.args[0] = a0;
	ev.args[1] = a1;
	ev.args[2] = a2;
	return pinfd_guard(p, &tr, &ev);
}

#define PIN 7

START_TEST(test_guard_calls)
{
	ck_assert_int_eq(pipe(hold), 0);
	int started = 0;
	pthread_t t;
	ck_assert_int_eq(pthread_create(&t, NULL, holder_thread, &started), 0);
	while (!__atomic_load_n(&started, __ATOMIC_ACQUIRE))
		usleep(1000);
	pid_t me = (pid_t)syscall(SYS_gettid);
	const struct janus_arch *a = arch_native();
	struct pinfd_ref ref = { thread_tid, PIN };
	struct pinfd p;
	memset(&p, 0, sizeof p);
	p.v = &ref;
	p.n = p.cap = 1;

	ck_assert_int_eq(guard(&p, me, a, SC_close, PIN, 0, 0), EBADF);
	ck_assert_int_eq(guard(&p, me, a, SC_close, PIN + 1, 0, 0), 0);
	/* The kernel takes an unsigned int: the upper half is not the number. */
	ck_assert_int_eq(guard(&p, me, a, SC_close, (UINT64_C(1) << 32) | PIN, 0, 0), EBADF);
	ck_assert_int_eq(guard(&p, me, a, SC_dup2, 3, PIN, 0), EBUSY);
	ck_assert_int_eq(guard(&p, me, a, SC_dup2, PIN, PIN, 0), 0);	/* changes nothing */
	ck_assert_int_eq(guard(&p, me, a, SC_dup2, PIN, 3, 0), 0);	/* the pin as source */
	ck_assert_int_eq(guard(&p, me, a, SC_dup3, 3, PIN, O_CLOEXEC), EBUSY);
	ck_assert_int_eq(guard(&p, me, a, SC_dup3, 3, PIN + 1, 0), 0);
	ck_assert_int_eq(guard(&p, me, a, SC_close_range, 0, ~0u, 0), EBUSY);
	ck_assert_int_eq(guard(&p, me, a, SC_close_range, PIN, PIN, 0), EBUSY);
	ck_assert_int_eq(guard(&p, me, a, SC_close_range, PIN + 1, ~0u, 0), 0);
	ck_assert_int_eq(guard(&p, me, a, SC_close_range, 0, PIN - 1, 0), 0);
	ck_assert_int_eq(guard(&p, me, a, SC_close_range, 0, ~0u, CLOSE_RANGE_CLOEXEC), 0);
	ck_assert_int_eq(guard(&p, me, a, SC_close_range, 0, ~0u, CLOSE_RANGE_UNSHARE), 0);
	/* Calls that cannot replace a descriptor. */
	ck_assert_int_eq(guard(&p, me, a, SC_read, PIN, 0, 0), 0);
	ck_assert_int_eq(guard(&p, me, a, SC_dup, PIN, 0, 0), 0);
	ck_assert_int_eq(guard(&p, me, a, SC_fcntl, PIN, F_DUPFD, PIN), 0);
	/* The other ABIs, by their own numbers. */
	ck_assert_int_eq(guard(&p, me, abi(JANUS_ABI_I386), SC_close, PIN, 0, 0), EBADF);
	ck_assert_int_eq(guard(&p, me, abi(JANUS_ABI_I386), SC_dup2, 3, PIN, 0), EBUSY);
	ck_assert_int_eq(guard(&p, me, abi(JANUS_ABI_AARCH64), SC_dup3, 3, PIN, 0), EBUSY);
	ck_assert_int_eq(guard(&p, me, abi(JANUS_ABI_AARCH64), SC_close_range, 0, ~0u, 0), EBUSY);
	/* The pin's own task is inside its call: nothing of its own to fear. */
	ck_assert_int_eq(guard(&p, thread_tid, a, SC_close, PIN, 0, 0), 0);
	/* No pins, no guard. */
	p.n = 0;
	ck_assert_int_eq(guard(&p, me, a, SC_close, PIN, 0, 0), 0);
	ck_assert_int_eq(guard(NULL, me, a, SC_close, PIN, 0, 0), 0);

	/* Another process: it counts when it shares the table, not when it
	 * has a copy of it. */
	pid_t shares = holder_process(CLONE_FILES), copy = holder_process(0);
	p.n = 1;
	ref.tid = shares;
	ck_assert_int_eq(guard(&p, me, a, SC_close, PIN, 0, 0), EBADF);
	ref.tid = copy;
	if (syscall(SYS_kcmp, me, me, KCMP_FILES, 0, 0) == 0)
		ck_assert_int_eq(guard(&p, me, a, SC_close, PIN, 0, 0), 0);
	/* Unknown (no kcmp) counts as shared: refused rather than lost. */

	ck_assert_int_eq(write(hold[1], "xxx", 3), 3);	/* one byte a holder */
	close(hold[1]);
	pthread_join(t, NULL);
	ck_assert_int_eq(waitpid(shares, NULL, 0), shares);
	ck_assert_int_eq(waitpid(copy, NULL, 0), copy);
	close(hold[0]);
}
END_TEST

/* ------------------------------------- who needs the guard filter */

static bool needs(bool active, uint8_t state, const struct janus_arch *a, enum sc_id id,
		  uint64_t flags, const unsigned char *clone3_args)
{
	struct pinfd p;
	memset(&p, 0, sizeof p);
	p.active = active;
	struct tracee tr;
	memset(&tr, 0, sizeof tr);
	tr.tid = getpid();
	tr.fd_guard = state;
	struct sc_event ev;
	memset(&ev, 0, sizeof ev);
	ev.arch = a;
	ev.nr = nr_of(a, id);
	ev.id = SC_COUNT;
	ev.args[0] = flags;
	return pinfd_needs_guard(&p, &tr, &ev, clone3_args);
}

START_TEST(test_needs_guard)
{
	const struct janus_arch *a = arch_native();
	const uint64_t thread = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD;
	ck_assert(needs(true, PINFD_UNGUARDED, a, SC_clone, thread, NULL));
	ck_assert(needs(true, PINFD_UNGUARDED, a, SC_clone, CLONE_FILES | SIGCHLD, NULL));
	ck_assert(!needs(true, PINFD_UNGUARDED, a, SC_clone, CLONE_VM | SIGCHLD, NULL));
	ck_assert(needs(true, PINFD_UNGUARDED, abi(JANUS_ABI_I386), SC_clone, thread, NULL));
	unsigned char ca[64];
	memset(ca, 0, sizeof ca);
	memcpy(ca, &thread, sizeof thread);
	ck_assert(needs(true, PINFD_UNGUARDED, a, SC_clone3, 0, ca));
	uint64_t plain = CLONE_VM;
	memcpy(ca, &plain, sizeof plain);
	/* clone3's flags are in memory: its register holds a pointer. */
	ck_assert(!needs(true, PINFD_UNGUARDED, a, SC_clone3, CLONE_FILES, ca));
	ck_assert(!needs(true, PINFD_UNGUARDED, a, SC_fork, CLONE_FILES, NULL));
	ck_assert(!needs(true, PINFD_UNGUARDED, a, SC_vfork, CLONE_FILES, NULL));
	/* Nothing is ever pinned; the filter is there; it cannot be. */
	ck_assert(!needs(false, PINFD_UNGUARDED, a, SC_clone, thread, NULL));
	ck_assert(!needs(true, PINFD_GUARDED, a, SC_clone, thread, NULL));
	ck_assert(!needs(true, PINFD_UNGUARDABLE, a, SC_clone, thread, NULL));
}
END_TEST

/* ------------------------------------------------ the guard filter */

#define BAD UINT32_MAX

/* Runs the classic BPF program f on d as seccomp does, for the
 * instructions a guard may hold; BAD for any other, or for running off
 * the end (the kernel's checker refuses both). */
static uint32_t bpf_run(const struct sock_filter *f, unsigned n, const struct seccomp_data *d)
{
	uint32_t acc = 0;
	for (unsigned pc = 0; pc < n; pc++) {
		const struct sock_filter *in = &f[pc];
		switch (in->code) {
		case BPF_LD | BPF_W | BPF_ABS:
			if (in->k > sizeof *d - 4 || in->k % 4)
				return BAD;
			memcpy(&acc, (const char *)d + in->k, 4);
			break;
		case BPF_JMP | BPF_JEQ | BPF_K:
			pc += acc == in->k ? in->jt : in->jf;
			break;
		case BPF_JMP | BPF_JGE | BPF_K:
			pc += acc >= in->k ? in->jt : in->jf;
			break;
		case BPF_JMP | BPF_JA:
			pc += in->k;
			break;
		case BPF_RET | BPF_K:
			return in->k;
		default:
			return BAD;
		}
	}
	return BAD;
}

static struct sock_filter filter[64];
static unsigned filter_len;

static uint32_t verdict(uint32_t audit_arch, uint64_t nr)
{
	struct seccomp_data d;
	memset(&d, 0, sizeof d);
	d.arch = audit_arch;
	d.nr = (int)nr;
	return bpf_run(filter, filter_len, &d);
}

/* The same 64 instructions janus injects (pinfd_add_guard). */
static void build(void)
{
	filter_len = pinfd_guard_filter(filter, sizeof filter / sizeof filter[0]);
	ck_assert_uint_gt(filter_len, 0);
	ck_assert_uint_le(filter_len, sizeof filter / sizeof filter[0]);
}

START_TEST(test_filter_abis)
{
	static const enum sc_id trapped[] = { SC_close, SC_close_range, SC_dup2, SC_dup3 };
	static const enum sc_id passed[] = { SC_read, SC_write, SC_openat, SC_getpid, SC_dup,
					     SC_fcntl, SC_mmap, SC_clone, SC_exit_group };
	build();
	for (int i = 0; i < JANUS_ABI_COUNT; i++) {
		const struct janus_arch *a = abi((enum janus_abi)i);
		unsigned ntrapped = 0;
		for (unsigned k = 0; k < sizeof trapped / sizeof trapped[0]; k++) {
			long nr = arch_syscall_nr_by_id(a, trapped[k]);
			if (nr < 0)
				continue;	/* aarch64 has no dup2 */
			ntrapped++;
			ck_assert_msg(verdict(a->audit_arch, (uint64_t)nr) == SECCOMP_RET_TRACE,
				      "ABI %d: %s (%ld) not sent to janus", i,
				      arch_syscall(a, (uint64_t)nr)->name, nr);
		}
		ck_assert_uint_ge(ntrapped, 3);
		for (unsigned k = 0; k < sizeof passed / sizeof passed[0]; k++) {
			long nr = arch_syscall_nr_by_id(a, passed[k]);
			if (nr >= 0)
				ck_assert_msg(verdict(a->audit_arch, (uint64_t)nr) == SECCOMP_RET_ALLOW,
					      "ABI %d: %ld stops", i, nr);
		}
	}
	/* Numbers are read per ABI: i386's close is x86_64's lstat and the
	 * other way round x86_64's close is i386's read. */
	const struct janus_arch *x64 = abi(JANUS_ABI_X86_64), *x86 = abi(JANUS_ABI_I386);
	ck_assert_uint_ne(nr_of(x86, SC_close), nr_of(x64, SC_close));
	ck_assert_uint_eq(verdict(x64->audit_arch, nr_of(x86, SC_close)), SECCOMP_RET_ALLOW);
	ck_assert_uint_eq(verdict(x86->audit_arch, nr_of(x64, SC_close)), SECCOMP_RET_ALLOW);
	/* x32 calls (x86_64's audit arch, __X32_SYSCALL_BIT): any stops. */
	ck_assert_uint_eq(verdict(x64->audit_arch, 0x40000000u | nr_of(x64, SC_read)),
			  SECCOMP_RET_TRACE);
	ck_assert_uint_eq(verdict(x64->audit_arch, 0x40000000u | nr_of(x64, SC_close)),
			  SECCOMP_RET_TRACE);
	/* An ABI janus has no table for is left to the other filters. */
	ck_assert_uint_eq(verdict(AUDIT_ARCH_ARM, 6), SECCOMP_RET_ALLOW);
}
END_TEST

/* In a child under the filter, with no tracer: a call the filter sends
 * to janus fails with ENOSYS and does not run. */
enum probe {
	P_CLOSE, P_CLOSE_OTHER, P_DUP2, P_DUP3, P_CLOSE_RANGE, P_CLOSE_RANGE_CLOEXEC,
	P_STILL_OPEN, P_SAME_FILE, P_GETPPID, P_DUP, P_DUPFD, P_COUNT
};
struct probe_result {
	long ret;
	int err;
};

static void probe(struct probe_result *r, long ret)
{
	r->ret = ret;
	r->err = ret < 0 ? errno : 0;
}

static void __attribute__((noreturn)) run_filtered(int out, int fd, int other)
{
	struct probe_result r[P_COUNT];
	memset(r, 0, sizeof r);
	struct sock_fprog prog = { (unsigned short)filter_len, filter };
	struct stat before, after;
	if (fstat(fd, &before) < 0 || prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0 ||
	    syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) < 0)
		_exit(2);
	probe(&r[P_CLOSE], syscall(SYS_close, fd));
	probe(&r[P_CLOSE_OTHER], syscall(SYS_close, other));
	probe(&r[P_DUP2], syscall(SYS_dup2, other, fd));
	probe(&r[P_DUP3], syscall(SYS_dup3, other, fd, O_CLOEXEC));
	probe(&r[P_CLOSE_RANGE], syscall(SYS_close_range, fd, fd, 0));
	probe(&r[P_CLOSE_RANGE_CLOEXEC], syscall(SYS_close_range, 0, ~0u, CLOSE_RANGE_CLOEXEC));
	probe(&r[P_STILL_OPEN], syscall(SYS_fcntl, fd, F_GETFD));
	probe(&r[P_SAME_FILE], fstat(fd, &after));
	if (r[P_SAME_FILE].ret == 0)
		r[P_SAME_FILE].ret = after.st_ino == before.st_ino && after.st_dev == before.st_dev;
	probe(&r[P_GETPPID], syscall(SYS_getppid));
	probe(&r[P_DUP], syscall(SYS_dup, fd));
	probe(&r[P_DUPFD], syscall(SYS_fcntl, fd, F_DUPFD, 100));
	_exit(write(out, r, sizeof r) == (ssize_t)sizeof r ? 0 : 3);
}

START_TEST(test_filter_kernel)
{
	build();
	int fd = open("/dev/null", O_RDONLY);	/* no FD_CLOEXEC: see P_STILL_OPEN */
	int pfd[2];
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(pipe(pfd), 0);
	pid_t pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0)
		run_filtered(pfd[1], fd, pfd[0]);
	close(pfd[1]);
	int status;
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);	/* the results fit in the pipe */
	ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0,
		      "the child could not install the filter (status %#x)", status);
	struct probe_result r[P_COUNT];
	ck_assert_int_eq(read(pfd[0], r, sizeof r), (ssize_t)sizeof r);
	/* Sent to janus, whatever the descriptor: janus decides by number. */
	static const enum probe stopped[] = { P_CLOSE, P_CLOSE_OTHER, P_DUP2, P_DUP3, P_CLOSE_RANGE,
					      P_CLOSE_RANGE_CLOEXEC };
	for (unsigned i = 0; i < sizeof stopped / sizeof stopped[0]; i++)
		ck_assert_msg(r[stopped[i]].ret == -1 && r[stopped[i]].err == ENOSYS,
			      "probe %d: %ld (errno %d), not ENOSYS", stopped[i], r[stopped[i]].ret,
			      r[stopped[i]].err);
	/* ... and none of them ran: the descriptor is open, on its file, and
	 * not marked close-on-exec by close_range. */
	ck_assert_int_eq(r[P_STILL_OPEN].ret, 0);
	ck_assert_int_eq(r[P_SAME_FILE].ret, 1);
	/* The rest runs. */
	ck_assert_int_eq(r[P_GETPPID].ret, getpid());
	ck_assert_int_ge(r[P_DUP].ret, 0);
	ck_assert_int_ge(r[P_DUPFD].ret, 100);
	close(pfd[0]);
	close(fd);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("pinfd");
	TCase *tc = tcase_create("want");
	tcase_add_loop_test(tc, test_want_path, 0, (int)(sizeof want_cases / sizeof want_cases[0]));
	tcase_add_test(tc, test_want_limits);
	tcase_add_test(tc, test_want_socket);
	suite_add_tcase(s, tc);
	tc = tcase_create("guard");
	tcase_add_test(tc, test_guard_calls);
	tcase_add_test(tc, test_needs_guard);
	tcase_add_test(tc, test_filter_abis);
	tcase_add_test(tc, test_filter_kernel);
	suite_add_tcase(s, tc);
	return check_run(s);
}
