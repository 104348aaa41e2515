/* check_arch.c - unit tests of arch/: syscall tables against libseccomp,
 * the neutral vocabulary, bounds of the lookups, register layouts
 * against real structs, and one live ptrace stop on the native ABI.
 */
#include "config.h"

#include <check.h>
#include <elf.h>
#include <errno.h>
#include <linux/audit.h>
#include <seccomp.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <unistd.h>

#include "arch.h"
#include "aarch64/user_regs.h"
#include "i386/user_regs.h"
#include "x86_64/user_regs.h"
#include "unit_run.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* How far past the end of each table libseccomp is asked, to catch a
 * number the table forgot at its end. */
#define NR_MARGIN 600

/* Syscalls added after Linux 6.1, which libseccomp 2.5.4 may not know.
 * Only these may be absent from libseccomp, and each must sit at exactly
 * this number in our table. */
struct known { uint32_t nr; const char *name; };

static const struct known post61_common[] = {
	{ 451, "cachestat" }, { 452, "fchmodat2" }, { 453, "map_shadow_stack" },
	{ 454, "futex_wake" }, { 455, "futex_wait" }, { 456, "futex_requeue" },
	{ 457, "statmount" }, { 458, "listmount" },
	{ 459, "lsm_get_self_attr" }, { 460, "lsm_set_self_attr" },
	{ 461, "lsm_list_modules" }, { 462, "mseal" },
	{ 463, "setxattrat" }, { 464, "getxattrat" }, { 465, "listxattrat" },
	{ 466, "removexattrat" }, { 467, "open_tree_attr" },
	{ 468, "file_getattr" }, { 469, "file_setattr" },
};
static const struct known post61_x86_64[] = {
	{ 335, "uretprobe" },		/* Linux 6.11 */
	{ 336, "uprobe" },		/* Linux 6.18 */
};

/* libseccomp spells these differently from the kernel tables: none so
 * far.  Pairs of (libseccomp name, our name). */
static const char *const aliases[][2] = {
	{ NULL, NULL },
};

static const struct abi_case {
	enum janus_abi abi;
	uint32_t scmp_arch;
	const struct known *extra;
	size_t nextra;
} abi_cases[] = {
	{ JANUS_ABI_X86_64, SCMP_ARCH_X86_64, post61_x86_64, ARRAY_SIZE(post61_x86_64) },
	{ JANUS_ABI_I386, SCMP_ARCH_X86, NULL, 0 },
	{ JANUS_ABI_AARCH64, SCMP_ARCH_AARCH64, NULL, 0 },
};

static const char *our_spelling(const char *scmp_name)
{
	for (size_t i = 0; i < ARRAY_SIZE(aliases); i++)
		if (aliases[i][0] && strcmp(aliases[i][0], scmp_name) == 0)
			return aliases[i][1];
	return scmp_name;
}

/* 1 when (nr, name) is one of the post-6.1 calls allowed for this ABI. */
static int is_post61(const struct abi_case *c, uint32_t nr, const char *name)
{
	for (size_t i = 0; i < ARRAY_SIZE(post61_common); i++)
		if (post61_common[i].nr == nr && strcmp(post61_common[i].name, name) == 0)
			return 1;
	for (size_t i = 0; i < c->nextra; i++)
		if (c->extra[i].nr == nr && strcmp(c->extra[i].name, name) == 0)
			return 1;
	return 0;
}

/* ---- tables against libseccomp ------------------------------------ */

/* Every number libseccomp names must carry the same name with us, and
 * every number we name must be libseccomp's or a listed newer call. */
START_TEST(test_numbers_match_libseccomp)
{
	const struct abi_case *c = &abi_cases[_i];
	const struct janus_arch *a = arch_by_abi(c->abi);
	unsigned known = 0;

	ck_assert_ptr_nonnull(a);
	for (uint32_t nr = 0; nr < a->nr_count + NR_MARGIN; nr++) {
		char *ls = seccomp_syscall_resolve_num_arch(c->scmp_arch, (int)nr);
		const struct sc_desc *d = arch_syscall(a, nr);

		if (ls) {
			ck_assert_msg(d != NULL, "%s: libseccomp has %s at %u, we have nothing",
				      a->name, ls, nr);
			ck_assert_msg(strcmp(d->name, our_spelling(ls)) == 0,
				      "%s: %u is %s for libseccomp, %s for us",
				      a->name, nr, ls, d->name);
			known++;
			free(ls);
		} else if (d) {
			ck_assert_msg(is_post61(c, nr, d->name),
				      "%s: %u %s is unknown to libseccomp and not a listed newer call",
				      a->name, nr, d->name);
		}
	}
	/* Guard against a libseccomp that knows nothing of this arch. */
	ck_assert_uint_gt(known, 250);
}
END_TEST

START_TEST(test_names_match_libseccomp)
{
	const struct abi_case *c = &abi_cases[_i];
	const struct janus_arch *a = arch_by_abi(c->abi);

	for (uint32_t nr = 0; nr < a->nr_count; nr++) {
		const struct sc_desc *d = arch_syscall(a, nr);

		if (!d)
			continue;
		int r = seccomp_syscall_resolve_name_arch(c->scmp_arch, d->name);
		char *back;

		if (r >= 0) {
			ck_assert_msg((uint32_t)r == nr, "%s: %s is %u for us, %d for libseccomp",
				      a->name, d->name, nr, r);
			continue;
		}
		/* On i386, libseccomp resolves the names of the direct socket
		 * and SysV IPC calls to negative pseudo numbers (their
		 * socketcall/ipc form); accept that only where it maps our
		 * number to our name in the other direction. */
		back = seccomp_syscall_resolve_num_arch(c->scmp_arch, (int)nr);
		if (back && strcmp(our_spelling(back), d->name) == 0) {
			free(back);
			continue;
		}
		free(back);
		ck_assert_msg(is_post61(c, nr, d->name),
			      "%s: libseccomp does not know %s (%u)", a->name, d->name, nr);
	}
}
END_TEST

/* The newer calls are not only allowed but present, at their numbers. */
START_TEST(test_post61_present)
{
	const struct abi_case *c = &abi_cases[_i];
	const struct janus_arch *a = arch_by_abi(c->abi);

	for (size_t i = 0; i < ARRAY_SIZE(post61_common); i++)
		ck_assert_int_eq(arch_syscall_nr(a, post61_common[i].name), post61_common[i].nr);
	for (size_t i = 0; i < c->nextra; i++)
		ck_assert_int_eq(arch_syscall_nr(a, c->extra[i].name), c->extra[i].nr);
	/* Linux 6.18 ends at 469 on all three. */
	ck_assert_uint_eq(a->nr_count, 470);
}
END_TEST

/* A second, independent source for the native ABI: glibc's SYS_*. */
START_TEST(test_native_matches_libc)
{
	static const struct { const char *name; long nr; } sys[] = {
		{ "read", SYS_read }, { "openat", SYS_openat }, { "execve", SYS_execve },
		{ "execveat", SYS_execveat }, { "connect", SYS_connect },
		{ "sendmsg", SYS_sendmsg }, { "clone", SYS_clone }, { "clone3", SYS_clone3 },
		{ "ptrace", SYS_ptrace }, { "kill", SYS_kill }, { "ioctl", SYS_ioctl },
		{ "io_uring_setup", SYS_io_uring_setup }, { "openat2", SYS_openat2 },
		{ "process_vm_writev", SYS_process_vm_writev }, { "mmap", SYS_mmap },
		{ "exit_group", SYS_exit_group }, { "renameat2", SYS_renameat2 },
	};
	const struct janus_arch *a = arch_native();

	for (size_t i = 0; i < ARRAY_SIZE(sys); i++)
		ck_assert_msg(arch_syscall_nr(a, sys[i].name) == sys[i].nr,
			      "%s: %ld, libc says %ld", sys[i].name,
			      arch_syscall_nr(a, sys[i].name), sys[i].nr);
}
END_TEST

/* ---- the neutral vocabulary ---------------------------------------- */

/* Each entry's id names it, and the id is the same on every ABI. */
START_TEST(test_ids_consistent)
{
	for (unsigned abi = 0; abi < JANUS_ABI_COUNT; abi++) {
		const struct janus_arch *a = arch_by_abi((enum janus_abi)abi);

		ck_assert_ptr_nonnull(a);
		for (uint32_t nr = 0; nr < a->nr_count; nr++) {
			const struct sc_desc *d = arch_syscall(a, nr);

			if (!d)
				continue;
			ck_assert_str_eq(sc_id_name(d->id), d->name);
			ck_assert_int_eq(sc_id_by_name(d->name), d->id);
			ck_assert_int_eq(arch_syscall_nr_by_id(a, d->id), nr);
			ck_assert_int_eq(arch_syscall_nr(a, d->name), nr);
		}
	}
	for (unsigned id = 0; id < SC_COUNT; id++) {
		int found = 0;

		for (unsigned abi = 0; abi < JANUS_ABI_COUNT; abi++) {
			const struct janus_arch *a = arch_by_abi((enum janus_abi)abi);
			long nr = arch_syscall_nr_by_id(a, (enum sc_id)id);

			if (nr < 0)
				continue;
			found = 1;
			ck_assert_str_eq(arch_syscall(a, (uint64_t)nr)->name, sc_id_name((enum sc_id)id));
		}
		ck_assert_msg(found, "%s is in syscalls.list but on no ABI",
			      sc_id_name((enum sc_id)id));
	}
	ck_assert_ptr_null(sc_id_name(SC_COUNT));
	ck_assert_ptr_null(sc_id_name((enum sc_id)-1));
	ck_assert_int_eq(sc_id_by_name("no_such_call"), SC_COUNT);
	ck_assert_int_eq(sc_id_by_name(NULL), SC_COUNT);
	ck_assert_int_eq(arch_syscall_nr(arch_native(), "no_such_call"), -1);
	ck_assert_int_eq(arch_syscall_nr_by_id(arch_native(), SC_COUNT), -1);
	/* i386-only and x86_64-only names exist but not everywhere. */
	ck_assert_int_eq(arch_syscall_nr(arch_by_abi(JANUS_ABI_X86_64), "socketcall"), -1);
	ck_assert_int_eq(arch_syscall_nr(arch_by_abi(JANUS_ABI_AARCH64), "open"), -1);
	ck_assert_int_eq(arch_syscall_nr(arch_by_abi(JANUS_ABI_I386), "socketcall"), 102);
}
END_TEST

/* Kinds are in range, the argument count matches the kinds given. */
START_TEST(test_kinds_well_formed)
{
	for (unsigned abi = 0; abi < JANUS_ABI_COUNT; abi++) {
		const struct janus_arch *a = arch_by_abi((enum janus_abi)abi);

		for (uint32_t nr = 0; nr < a->nr_count; nr++) {
			const struct sc_desc *d = arch_syscall(a, nr);

			if (!d)
				continue;
			ck_assert_uint_le(d->nargs, 6);
			ck_assert_uint_lt(d->ret, RK_COUNT);
			for (unsigned i = 0; i < 6; i++) {
				ck_assert_uint_lt(d->arg[i], AK_COUNT);
				if (i < d->nargs)
					ck_assert_msg(d->arg[i] != AK_NONE, "%s %s arg %u",
						      a->name, d->name, i);
				else
					ck_assert_uint_eq(d->arg[i], AK_NONE);
			}
		}
	}
}
END_TEST

/* Argument kinds that the policy relies on, per ABI: where the paths,
 * dirfds, fds and flags are.  -1 as abi: every ABI that has the call. */
static const struct expect {
	int abi;
	const char *name;
	uint8_t ret;
	uint8_t nargs;
	uint8_t arg[6];
} expects[] = {
	{ -1, "open", RK_FD, 3, { AK_PATH, AK_OPEN_FLAGS, AK_MODE } },
	{ -1, "openat", RK_FD, 4, { AK_DIRFD, AK_PATH, AK_OPEN_FLAGS, AK_MODE } },
	{ -1, "openat2", RK_FD, 4, { AK_DIRFD, AK_PATH, AK_PTR, AK_UINT } },
	{ -1, "creat", RK_FD, 2, { AK_PATH, AK_MODE } },
	{ -1, "execve", RK_INT, 3, { AK_PATH, AK_ARGV, AK_ARGV } },
	{ -1, "execveat", RK_INT, 5, { AK_DIRFD, AK_PATH, AK_ARGV, AK_ARGV, AK_AT_FLAGS } },
	{ -1, "renameat2", RK_INT, 5, { AK_DIRFD, AK_PATH, AK_DIRFD, AK_PATH, AK_HEX } },
	{ -1, "linkat", RK_INT, 5, { AK_DIRFD, AK_PATH, AK_DIRFD, AK_PATH, AK_AT_FLAGS } },
	{ -1, "symlinkat", RK_INT, 3, { AK_STR, AK_DIRFD, AK_PATH } },
	{ -1, "unlinkat", RK_INT, 3, { AK_DIRFD, AK_PATH, AK_AT_FLAGS } },
	{ -1, "mknodat", RK_INT, 4, { AK_DIRFD, AK_PATH, AK_MODE, AK_HEX } },
	{ -1, "faccessat2", RK_INT, 4, { AK_DIRFD, AK_PATH, AK_ACCESS_MODE, AK_AT_FLAGS } },
	{ -1, "fchmodat2", RK_INT, 4, { AK_DIRFD, AK_PATH, AK_MODE, AK_AT_FLAGS } },
	{ -1, "statx", RK_INT, 5, { AK_DIRFD, AK_PATH, AK_AT_FLAGS, AK_HEX, AK_PTR } },
	{ -1, "newfstatat", RK_INT, 4, { AK_DIRFD, AK_PATH, AK_PTR, AK_AT_FLAGS } },
	{ -1, "fstatat64", RK_INT, 4, { AK_DIRFD, AK_PATH, AK_PTR, AK_AT_FLAGS } },
	{ -1, "mount", RK_INT, 5, { AK_PATH, AK_PATH, AK_STR, AK_HEX, AK_PTR } },
	{ -1, "move_mount", RK_INT, 5, { AK_DIRFD, AK_PATH, AK_DIRFD, AK_PATH, AK_HEX } },
	{ -1, "name_to_handle_at", RK_INT, 5, { AK_DIRFD, AK_PATH, AK_PTR, AK_PTR, AK_AT_FLAGS } },
	{ -1, "inotify_add_watch", RK_INT, 3, { AK_FD, AK_PATH, AK_HEX } },
	{ -1, "setxattrat", RK_INT, 6, { AK_DIRFD, AK_PATH, AK_AT_FLAGS, AK_STR, AK_PTR, AK_UINT } },
	{ -1, "file_setattr", RK_INT, 5, { AK_DIRFD, AK_PATH, AK_PTR, AK_UINT, AK_AT_FLAGS } },
	{ JANUS_ABI_X86_64, "fanotify_mark", RK_INT, 5, { AK_FD, AK_HEX, AK_HEX, AK_DIRFD, AK_PATH } },
	{ JANUS_ABI_AARCH64, "fanotify_mark", RK_INT, 5, { AK_FD, AK_HEX, AK_HEX, AK_DIRFD, AK_PATH } },
	{ JANUS_ABI_I386, "fanotify_mark", RK_INT, 6, { AK_FD, AK_HEX, AK_HEX, AK_HEX, AK_DIRFD, AK_PATH } },
	{ -1, "socket", RK_FD, 3, { AK_SOCK_DOMAIN, AK_SOCK_TYPE, AK_INT } },
	{ -1, "connect", RK_INT, 3, { AK_FD, AK_SOCKADDR, AK_UINT } },
	{ -1, "bind", RK_INT, 3, { AK_FD, AK_SOCKADDR, AK_UINT } },
	{ -1, "accept4", RK_FD, 4, { AK_FD, AK_SOCKADDR_OUT, AK_PTR, AK_SOCK_TYPE } },
	{ -1, "sendto", RK_INT, 6, { AK_FD, AK_BUF_IN, AK_UINT, AK_HEX, AK_SOCKADDR, AK_UINT } },
	{ -1, "sendmsg", RK_INT, 3, { AK_FD, AK_MSGHDR, AK_HEX } },
	{ -1, "setsockopt", RK_INT, 5, { AK_FD, AK_SOCK_LEVEL, AK_SOCKOPT, AK_BUF_IN, AK_UINT } },
	{ JANUS_ABI_I386, "socketcall", RK_INT, 2, { AK_SOCKETCALL, AK_PTR } },
	{ JANUS_ABI_I386, "ipc", RK_INT, 6, { AK_IPC_CALL, AK_INT, AK_INT, AK_INT, AK_PTR, AK_LONG } },
	{ -1, "ioctl", RK_INT, 3, { AK_FD, AK_IOCTL_CMD, AK_HEX } },
	{ -1, "fcntl", RK_INT, 3, { AK_FD, AK_FCNTL_CMD, AK_HEX } },
	{ -1, "fcntl64", RK_INT, 3, { AK_FD, AK_FCNTL_CMD, AK_HEX } },
	{ -1, "kill", RK_INT, 2, { AK_PID, AK_SIGNAL } },
	{ -1, "tkill", RK_INT, 2, { AK_PID, AK_SIGNAL } },
	{ -1, "tgkill", RK_INT, 3, { AK_PID, AK_PID, AK_SIGNAL } },
	{ -1, "pidfd_send_signal", RK_INT, 4, { AK_FD, AK_SIGNAL, AK_PTR, AK_HEX } },
	{ -1, "rt_sigaction", RK_INT, 4, { AK_SIGNAL, AK_PTR, AK_PTR, AK_UINT } },
	{ -1, "rt_sigprocmask", RK_INT, 4, { AK_SIGPROCMASK_HOW, AK_PTR, AK_PTR, AK_UINT } },
	{ JANUS_ABI_X86_64, "clone", RK_INT, 5, { AK_CLONE_FLAGS, AK_PTR, AK_PTR, AK_PTR, AK_HEX } },
	{ JANUS_ABI_I386, "clone", RK_INT, 5, { AK_CLONE_FLAGS, AK_PTR, AK_PTR, AK_HEX, AK_PTR } },
	{ JANUS_ABI_AARCH64, "clone", RK_INT, 5, { AK_CLONE_FLAGS, AK_PTR, AK_PTR, AK_HEX, AK_PTR } },
	{ -1, "wait4", RK_INT, 4, { AK_PID, AK_PTR, AK_WAIT_OPTIONS, AK_PTR } },
	{ -1, "prctl", RK_INT, 5, { AK_PRCTL_OP, AK_HEX, AK_HEX, AK_HEX, AK_HEX } },
	{ -1, "arch_prctl", RK_INT, 2, { AK_ARCH_PRCTL_OP, AK_HEX } },
	{ JANUS_ABI_X86_64, "mmap", RK_HEX, 6, { AK_PTR, AK_UINT, AK_PROT, AK_MMAP_FLAGS, AK_FD, AK_HEX } },
	{ JANUS_ABI_AARCH64, "mmap", RK_HEX, 6, { AK_PTR, AK_UINT, AK_PROT, AK_MMAP_FLAGS, AK_FD, AK_HEX } },
	{ JANUS_ABI_I386, "mmap", RK_HEX, 1, { AK_PTR } },
	{ JANUS_ABI_I386, "mmap2", RK_HEX, 6, { AK_PTR, AK_UINT, AK_PROT, AK_MMAP_FLAGS, AK_FD, AK_HEX } },
	{ -1, "mprotect", RK_INT, 3, { AK_PTR, AK_UINT, AK_PROT } },
	{ JANUS_ABI_I386, "pread64", RK_INT, 5, { AK_FD, AK_BUF_OUT, AK_UINT, AK_UINT, AK_UINT } },
	{ JANUS_ABI_X86_64, "pread64", RK_INT, 4, { AK_FD, AK_BUF_OUT, AK_UINT, AK_LONG } },
	{ JANUS_ABI_I386, "fallocate", RK_INT, 6, { AK_FD, AK_HEX, AK_UINT, AK_UINT, AK_UINT, AK_UINT } },
	{ -1, "exit_group", RK_NORETURN, 1, { AK_INT } },
	{ -1, "exit", RK_NORETURN, 1, { AK_INT } },
	{ -1, "read", RK_INT, 3, { AK_FD, AK_BUF_OUT, AK_UINT } },
	{ -1, "write", RK_INT, 3, { AK_FD, AK_BUF_IN, AK_UINT } },
};

START_TEST(test_expected_kinds)
{
	unsigned checked = 0;

	for (size_t i = 0; i < ARRAY_SIZE(expects); i++) {
		const struct expect *e = &expects[i];

		for (unsigned abi = 0; abi < JANUS_ABI_COUNT; abi++) {
			const struct janus_arch *a = arch_by_abi((enum janus_abi)abi);
			long nr;

			if (e->abi >= 0 && (unsigned)e->abi != abi)
				continue;
			nr = arch_syscall_nr(a, e->name);
			if (nr < 0) {
				ck_assert_msg(e->abi < 0, "%s: no %s", a->name, e->name);
				continue;
			}
			const struct sc_desc *d = arch_syscall(a, (uint64_t)nr);

			ck_assert_msg(d->ret == e->ret && d->nargs == e->nargs &&
				      memcmp(d->arg, e->arg, sizeof d->arg) == 0,
				      "%s %s: kinds differ from the expected ones", a->name, e->name);
			checked++;
		}
	}
	ck_assert_uint_gt(checked, ARRAY_SIZE(expects));
}
END_TEST

/* ---- registry and lookups ------------------------------------------ */

START_TEST(test_registry)
{
	const struct janus_arch *x = arch_by_abi(JANUS_ABI_X86_64);
	const struct janus_arch *i = arch_by_abi(JANUS_ABI_I386);
	const struct janus_arch *r = arch_by_abi(JANUS_ABI_AARCH64);

	ck_assert_ptr_nonnull(x);
	ck_assert_ptr_nonnull(i);
	ck_assert_ptr_nonnull(r);
	ck_assert_ptr_null(arch_by_abi(JANUS_ABI_COUNT));
	ck_assert_ptr_null(arch_by_abi((enum janus_abi)-1));
	ck_assert_ptr_eq(arch_by_audit(AUDIT_ARCH_X86_64), x);
	ck_assert_ptr_eq(arch_by_audit(AUDIT_ARCH_I386), i);
	ck_assert_ptr_eq(arch_by_audit(AUDIT_ARCH_AARCH64), r);
	ck_assert_ptr_null(arch_by_audit(AUDIT_ARCH_ARM));
	ck_assert_ptr_null(arch_by_audit(0));
	ck_assert_ptr_eq(arch_by_name("x86_64"), x);
	ck_assert_ptr_eq(arch_by_name("i386"), i);
	ck_assert_ptr_eq(arch_by_name("aarch64"), r);
	ck_assert_ptr_eq(arch_by_name("arm64"), r);
	ck_assert_ptr_null(arch_by_name("x32"));
	ck_assert_ptr_null(arch_by_name(NULL));
	for (unsigned abi = 0; abi < JANUS_ABI_COUNT; abi++) {
		const struct janus_arch *a = arch_by_abi((enum janus_abi)abi);

		ck_assert_int_eq(a->abi, abi);
		ck_assert_ptr_eq(arch_by_name(a->name), a);
		ck_assert_ptr_eq(arch_by_audit(a->audit_arch), a);
		ck_assert_ptr_nonnull(a->layouts);
		ck_assert_ptr_nonnull(a->layouts[0]);
	}
	ck_assert_uint_eq(i->wordsize, 4);
	ck_assert_uint_eq(x->wordsize, 8);
	ck_assert_uint_eq(r->scno_regset, NT_ARM_SYSTEM_CALL);
	ck_assert_uint_eq(x->scno_regset, 0);
#if defined(__x86_64__)
	ck_assert_ptr_eq(arch_native(), x);
#elif defined(__aarch64__)
	ck_assert_ptr_eq(arch_native(), r);
#endif
}
END_TEST

START_TEST(test_lookup_bounds)
{
	const struct janus_arch *a = arch_by_abi((enum janus_abi)_i);
	const uint64_t bad[] = {
		(uint64_t)-1, (uint64_t)-2, 0x40000000u | 1u, 0x40000000u,
		UINT64_MAX / 2, (uint64_t)1 << 32, ((uint64_t)1 << 32) | 1u,
		0xffffffffu, a->nr_count, (uint64_t)a->nr_count + 1,
	};

	for (size_t i = 0; i < ARRAY_SIZE(bad); i++)
		ck_assert_msg(arch_syscall(a, bad[i]) == NULL, "%s: %#llx gave an entry",
			      a->name, (unsigned long long)bad[i]);
	ck_assert_ptr_null(arch_syscall(NULL, 0));
	/* Both ends of the range are real calls on every ABI. */
	ck_assert_ptr_nonnull(arch_syscall(a, 1));
	ck_assert_ptr_nonnull(arch_syscall(a, a->nr_count - 1));
}
END_TEST

START_TEST(test_holes)
{
	ck_assert_ptr_null(arch_syscall(arch_by_abi(JANUS_ABI_X86_64), 400));
	ck_assert_ptr_null(arch_syscall(arch_by_abi(JANUS_ABI_I386), 222));
	ck_assert_ptr_null(arch_syscall(arch_by_abi(JANUS_ABI_I386), 415));
	ck_assert_ptr_null(arch_syscall(arch_by_abi(JANUS_ABI_AARCH64), 244));
	ck_assert_ptr_null(arch_syscall(arch_by_abi(JANUS_ABI_AARCH64), 403));
}
END_TEST

/* ---- register layouts ---------------------------------------------- */

/* Distinct values per byte position, so a wrong offset or width shows. */
static void fill_pattern(void *buf, size_t len)
{
	unsigned char *p = buf;

	for (size_t i = 0; i < len; i++)
		p[i] = (unsigned char)(0x11 + i * 7);
}

static uint64_t word_at(const void *buf, size_t off, size_t width)
{
	uint64_t v = 0;

	memcpy(&v, (const unsigned char *)buf + off, width);
	return v;
}

struct slot { enum janus_reg r; size_t off; };

/* regs_get of each slot reads the named field; regs_set writes it and
 * nothing else. */
static void check_slots(const struct regset_layout *l, void *regs, size_t size,
			const struct slot *slots, size_t n, size_t width)
{
	unsigned char before[512], expect[512];

	ck_assert_uint_eq(l->size, size);
	ck_assert_uint_le(size, sizeof before);
	fill_pattern(regs, size);
	for (size_t i = 0; i < n; i++)
		ck_assert_msg(regs_get(l, regs, slots[i].r) == word_at(regs, slots[i].off, width),
			      "%s: slot %d", l->name, slots[i].r);
	for (size_t i = 0; i < n; i++) {
		uint64_t v = 0x0102030405060708ull + i;

		memcpy(before, regs, size);
		regs_set(l, regs, slots[i].r, v);
		memcpy(expect, before, size);
		memcpy(expect + slots[i].off, &v, width);
		ck_assert_msg(memcmp(regs, expect, size) == 0, "%s: set slot %d", l->name, slots[i].r);
		ck_assert_uint_eq(regs_get(l, regs, slots[i].r),
				  width == 8 ? v : (v & 0xffffffffu));
	}
}

#define SLOT(r, type, field) { r, offsetof(type, field) }

#if defined(__x86_64__)
START_TEST(test_layout_x86_64)
{
	struct user_regs_struct u;
	const struct slot s[] = {
		SLOT(JR_SCNO, struct user_regs_struct, orig_rax),
		SLOT(JR_ARG0, struct user_regs_struct, rdi),
		SLOT(JR_ARG1, struct user_regs_struct, rsi),
		SLOT(JR_ARG2, struct user_regs_struct, rdx),
		SLOT(JR_ARG3, struct user_regs_struct, r10),
		SLOT(JR_ARG4, struct user_regs_struct, r8),
		SLOT(JR_ARG5, struct user_regs_struct, r9),
		SLOT(JR_RETVAL, struct user_regs_struct, rax),
		SLOT(JR_IP, struct user_regs_struct, rip),
		SLOT(JR_SP, struct user_regs_struct, rsp),
	};
	const struct regset_layout *l = arch_layout_for(arch_by_abi(JANUS_ABI_X86_64), sizeof u);

	ck_assert_ptr_nonnull(l);
	ck_assert_uint_eq(sizeof(struct x86_64_user_regs), sizeof u);
	check_slots(l, &u, sizeof u, s, ARRAY_SIZE(s), 8);
	/* Through the field names too, not only through offsets. */
	u.orig_rax = 231;
	u.r10 = 0xdeadbeefcafeull;
	ck_assert_uint_eq(regs_get(l, &u, JR_SCNO), 231);
	ck_assert_uint_eq(regs_get(l, &u, JR_ARG3), 0xdeadbeefcafeull);
	ck_assert_ptr_null(arch_layout_for(arch_by_abi(JANUS_ABI_X86_64), 68));
}
END_TEST

/* int $0x80 from a 64-bit task: i386 registers in the 64-bit regset. */
START_TEST(test_layout_i386_int80)
{
	struct user_regs_struct u;
	const struct slot s[] = {
		SLOT(JR_IP, struct user_regs_struct, rip),
		SLOT(JR_SP, struct user_regs_struct, rsp),
	};
	const struct slot s32[] = {
		SLOT(JR_SCNO, struct user_regs_struct, orig_rax),
		SLOT(JR_ARG0, struct user_regs_struct, rbx),
		SLOT(JR_ARG1, struct user_regs_struct, rcx),
		SLOT(JR_ARG2, struct user_regs_struct, rdx),
		SLOT(JR_ARG3, struct user_regs_struct, rsi),
		SLOT(JR_ARG4, struct user_regs_struct, rdi),
		SLOT(JR_ARG5, struct user_regs_struct, rbp),
		SLOT(JR_RETVAL, struct user_regs_struct, rax),
	};
	const struct janus_arch *a = arch_by_abi(JANUS_ABI_I386);
	const struct regset_layout *l = arch_layout_for(a, sizeof u);

	ck_assert_ptr_nonnull(l);
	ck_assert_ptr_ne(l, arch_layout_for(a, sizeof(struct i386_user_regs)));
	/* rip and rsp: full 64-bit. */
	check_slots(l, &u, sizeof u, s, ARRAY_SIZE(s), 8);
	/* The rest: the kernel's view is the low half, whatever the upper. */
	fill_pattern(&u, sizeof u);
	for (size_t i = 0; i < ARRAY_SIZE(s32); i++)
		ck_assert_uint_eq(regs_get(l, &u, s32[i].r), word_at(&u, s32[i].off, 4));
	u.rbx = 0xabcdef0000001234ull;
	ck_assert_uint_eq(regs_get(l, &u, JR_ARG0), 0x1234);
	u.orig_rax = 0x100000000ull | 11;	/* execve for the kernel */
	ck_assert_uint_eq(regs_get(l, &u, JR_SCNO), 11);
	/* Stored sign-extended, like the kernel's own 32-bit results. */
	regs_set(l, &u, JR_RETVAL, (uint64_t)-1);
	ck_assert_uint_eq(u.rax, UINT64_MAX);
	regs_set(l, &u, JR_RETVAL, 0xfffffff3u);	/* -EACCES as 32 bits */
	ck_assert_uint_eq(u.rax, (uint64_t)-13);
	regs_set(l, &u, JR_RETVAL, 7);
	ck_assert_uint_eq(u.rax, 7);
	ck_assert_int_eq(arch_sign_extend(a, regs_get(l, &u, JR_RETVAL)), 7);
	regs_set(l, &u, JR_ARG1, 0x1122334455667788ull);
	ck_assert_uint_eq(u.rcx, 0x55667788ull);
}
END_TEST
#endif

/* The 68-byte compat regset of a 32-bit task. */
START_TEST(test_layout_i386)
{
	struct i386_user_regs u;
	const struct slot s[] = {
		SLOT(JR_SCNO, struct i386_user_regs, orig_eax),
		SLOT(JR_ARG0, struct i386_user_regs, ebx),
		SLOT(JR_ARG1, struct i386_user_regs, ecx),
		SLOT(JR_ARG2, struct i386_user_regs, edx),
		SLOT(JR_ARG3, struct i386_user_regs, esi),
		SLOT(JR_ARG4, struct i386_user_regs, edi),
		SLOT(JR_ARG5, struct i386_user_regs, ebp),
		SLOT(JR_RETVAL, struct i386_user_regs, eax),
		SLOT(JR_IP, struct i386_user_regs, eip),
		SLOT(JR_SP, struct i386_user_regs, esp),
	};
	const struct janus_arch *a = arch_by_abi(JANUS_ABI_I386);
	const struct regset_layout *l = arch_layout_for(a, 68);

	ck_assert_ptr_nonnull(l);
	/* Offsets the kernel ABI fixes (asm/user_32.h). */
	ck_assert_uint_eq(offsetof(struct i386_user_regs, orig_eax), 44);
	ck_assert_uint_eq(offsetof(struct i386_user_regs, eip), 48);
	ck_assert_uint_eq(offsetof(struct i386_user_regs, esp), 60);
	check_slots(l, &u, sizeof u, s, ARRAY_SIZE(s), 4);
	u.orig_eax = 0xffffffffu;		/* -1: no syscall */
	ck_assert_ptr_null(arch_syscall(a, regs_get(l, &u, JR_SCNO)));
	u.eax = (uint32_t)-1;
	ck_assert_int_eq(arch_sign_extend(a, regs_get(l, &u, JR_RETVAL)), -1);
	u.eax = 0x7fffffffu;
	ck_assert_int_eq(arch_sign_extend(a, regs_get(l, &u, JR_RETVAL)), 0x7fffffff);
	ck_assert_ptr_null(arch_layout_for(a, 69));
}
END_TEST

/* arm64 user_pt_regs, from a fixture buffer. */
START_TEST(test_layout_aarch64)
{
	struct aarch64_user_regs u;
	const struct slot s[] = {
		SLOT(JR_SCNO, struct aarch64_user_regs, regs[8]),
		SLOT(JR_ARG0, struct aarch64_user_regs, regs[0]),
		SLOT(JR_ARG1, struct aarch64_user_regs, regs[1]),
		SLOT(JR_ARG2, struct aarch64_user_regs, regs[2]),
		SLOT(JR_ARG3, struct aarch64_user_regs, regs[3]),
		SLOT(JR_ARG4, struct aarch64_user_regs, regs[4]),
		SLOT(JR_ARG5, struct aarch64_user_regs, regs[5]),
		SLOT(JR_IP, struct aarch64_user_regs, pc),
		SLOT(JR_SP, struct aarch64_user_regs, sp),
	};
	const struct janus_arch *a = arch_by_abi(JANUS_ABI_AARCH64);
	const struct regset_layout *l = arch_layout_for(a, 272);
	/* openat(AT_FDCWD, path, O_RDONLY) at an svc: x8 = 56. */
	unsigned char fixture[272] = { 0 };
	const uint64_t x0 = (uint64_t)-100, x1 = 0x0000aaaadead0000ull, x8 = 56;
	const uint64_t pc = 0x0000ffff80001234ull, sp = 0x0000fffffffff000ull;

	ck_assert_ptr_nonnull(l);
	check_slots(l, &u, sizeof u, s, ARRAY_SIZE(s), 8);
	memcpy(fixture + 0, &x0, 8);
	memcpy(fixture + 8, &x1, 8);
	memcpy(fixture + 64, &x8, 8);
	memcpy(fixture + 248, &sp, 8);
	memcpy(fixture + 256, &pc, 8);
	ck_assert_str_eq(arch_syscall(a, regs_get(l, fixture, JR_SCNO))->name, "openat");
	ck_assert_int_eq((int64_t)regs_get(l, fixture, JR_ARG0), -100);
	ck_assert_uint_eq(regs_get(l, fixture, JR_ARG1), x1);
	ck_assert_uint_eq(regs_get(l, fixture, JR_IP), pc);
	ck_assert_uint_eq(regs_get(l, fixture, JR_SP), sp);
	/* The result replaces x0. */
	ck_assert_uint_eq(l->off[JR_RETVAL], l->off[JR_ARG0]);
	regs_set(l, fixture, JR_RETVAL, (uint64_t)-13);
	ck_assert_int_eq(arch_sign_extend(a, regs_get(l, fixture, JR_ARG0)), -13);
}
END_TEST

/* ---- one live stop on the native ABI ------------------------------- */

#if defined(__x86_64__)
static pid_t child = -1;

/* Fail the test, killing the stopped child first so none is left. */
#define CHECK_OR_KILL(cond, ...) do {					\
	if (!(cond)) {							\
		if (child > 0)						\
			kill(child, SIGKILL);				\
		ck_abort_msg(__VA_ARGS__);				\
	}								\
} while (0)

static void wait_stop(int want_sig)
{
	int st;

	CHECK_OR_KILL(waitpid(child, &st, __WALL) == child, "waitpid: %s", strerror(errno));
	CHECK_OR_KILL(WIFSTOPPED(st) && WSTOPSIG(st) == want_sig,
		      "expected stop by %d, status %#x", want_sig, st);
}

static size_t get_regs(void *buf, size_t len)
{
	struct iovec iov = { buf, len };

	CHECK_OR_KILL(ptrace(PTRACE_GETREGSET, child, NT_PRSTATUS, &iov) == 0,
		      "GETREGSET: %s", strerror(errno));
	return iov.iov_len;
}

/* A real entry stop: the layout picked by regset size reads the number
 * and the six arguments the child passed, GET_SYSCALL_INFO's arch maps
 * to the native descriptor, and a number written through regs_set is
 * the call the kernel runs (getppid becomes getpid). */
START_TEST(test_live_x86_64)
{
	unsigned char regs[512];
	struct __ptrace_syscall_info info;
	const struct janus_arch *a;
	const struct regset_layout *l;
	size_t len;
	int st;

	child = fork();
	ck_assert_int_ge(child, 0);
	if (child == 0) {
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		if (ptrace(PTRACE_TRACEME, 0, 0, 0) != 0)
			_exit(90);
		raise(SIGSTOP);
		long r = syscall(SYS_getppid, 11L, 12L, 13L, 14L, 15L, 16L);
		_exit(r == getpid() ? 0 : 91);
	}
	wait_stop(SIGSTOP);
	CHECK_OR_KILL(ptrace(PTRACE_SETOPTIONS, child, 0,
			     PTRACE_O_TRACESYSGOOD | PTRACE_O_EXITKILL) == 0, "SETOPTIONS");
	/* Run to the entry of the first syscall after raise() returns:
	 * skip the stops of raise's own tgkill exit and anything libc does
	 * until the getppid entry. */
	for (int n = 0; ; n++) {
		CHECK_OR_KILL(n < 20, "no getppid entry stop");
		CHECK_OR_KILL(ptrace(PTRACE_SYSCALL, child, 0, 0) == 0, "PTRACE_SYSCALL");
		wait_stop(SIGTRAP | 0x80);
		CHECK_OR_KILL(ptrace(PTRACE_GET_SYSCALL_INFO, child,
				     (void *)(uintptr_t)sizeof info, &info) > 0,
			      "GET_SYSCALL_INFO: %s", strerror(errno));
		if (info.op == PTRACE_SYSCALL_INFO_ENTRY && info.entry.nr == SYS_getppid)
			break;
	}
	a = arch_by_audit(info.arch);
	CHECK_OR_KILL(a == arch_by_abi(JANUS_ABI_X86_64), "arch %#x is not x86_64", info.arch);
	CHECK_OR_KILL(a == arch_native(), "native is not x86_64");

	len = get_regs(regs, sizeof regs);
	l = arch_layout_for(a, len);
	CHECK_OR_KILL(l != NULL, "no layout for a %zu-byte regset", len);
	CHECK_OR_KILL(regs_get(l, regs, JR_SCNO) == SYS_getppid, "scno %llu",
		      (unsigned long long)regs_get(l, regs, JR_SCNO));
	CHECK_OR_KILL(strcmp(arch_syscall(a, regs_get(l, regs, JR_SCNO))->name, "getppid") == 0,
		      "table name");
	for (int i = 0; i < 6; i++)
		CHECK_OR_KILL(regs_get(l, regs, (enum janus_reg)(JR_ARG0 + i)) == (uint64_t)(11 + i),
			      "arg %d is %llu", i,
			      (unsigned long long)regs_get(l, regs, (enum janus_reg)(JR_ARG0 + i)));
	CHECK_OR_KILL(regs_get(l, regs, JR_IP) == info.instruction_pointer, "ip");
	CHECK_OR_KILL(regs_get(l, regs, JR_SP) == info.stack_pointer, "sp");

	/* Rewrite the call through the layout. */
	regs_set(l, regs, JR_SCNO, (uint64_t)arch_syscall_nr(a, "getpid"));
	{
		struct iovec iov = { regs, len };

		CHECK_OR_KILL(ptrace(PTRACE_SETREGSET, child, NT_PRSTATUS, &iov) == 0,
			      "SETREGSET: %s", strerror(errno));
	}
	CHECK_OR_KILL(ptrace(PTRACE_SYSCALL, child, 0, 0) == 0, "PTRACE_SYSCALL");
	wait_stop(SIGTRAP | 0x80);
	len = get_regs(regs, sizeof regs);
	CHECK_OR_KILL(arch_sign_extend(a, regs_get(l, regs, JR_RETVAL)) == child,
		      "rewritten call returned %lld, not the child's pid",
		      (long long)arch_sign_extend(a, regs_get(l, regs, JR_RETVAL)));

	CHECK_OR_KILL(ptrace(PTRACE_DETACH, child, 0, 0) == 0, "DETACH");
	ck_assert_int_eq(waitpid(child, &st, 0), child);
	ck_assert_msg(WIFEXITED(st) && WEXITSTATUS(st) == 0, "child status %#x", st);
	child = -1;
}
END_TEST
#endif

static Suite *arch_suite(void)
{
	Suite *s = suite_create("arch");
	TCase *tables = tcase_create("tables");
	TCase *regs = tcase_create("regs");
	TCase *live = tcase_create("live");

	tcase_add_loop_test(tables, test_numbers_match_libseccomp, 0, ARRAY_SIZE(abi_cases));
	tcase_add_loop_test(tables, test_names_match_libseccomp, 0, ARRAY_SIZE(abi_cases));
	tcase_add_loop_test(tables, test_post61_present, 0, ARRAY_SIZE(abi_cases));
	tcase_add_test(tables, test_native_matches_libc);
	tcase_add_test(tables, test_ids_consistent);
	tcase_add_test(tables, test_kinds_well_formed);
	tcase_add_test(tables, test_expected_kinds);
	tcase_add_test(tables, test_registry);
	tcase_add_loop_test(tables, test_lookup_bounds, 0, JANUS_ABI_COUNT);
	tcase_add_test(tables, test_holes);
	tcase_set_timeout(tables, 30);
	suite_add_tcase(s, tables);

#if defined(__x86_64__)
	tcase_add_test(regs, test_layout_x86_64);
	tcase_add_test(regs, test_layout_i386_int80);
#endif
	tcase_add_test(regs, test_layout_i386);
	tcase_add_test(regs, test_layout_aarch64);
	suite_add_tcase(s, regs);

#if defined(__x86_64__)
	tcase_add_test(live, test_live_x86_64);
	tcase_set_timeout(live, 10);
#endif
	suite_add_tcase(s, live);
	return s;
}

int main(void)
{
	return check_run(arch_suite());
}
