/* sysedit.c - change a stopped system call (see sysedit.h). */
#include "config.h"

#include <errno.h>
#include <stdbool.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/uio.h>

#include "ptrace_compat.h"
#include "regset_io.h"
#include "sysedit.h"

/* Cleared the first time the kernel refuses the request as unknown. */
static bool have_set_info = true;

static int info_get(pid_t tid, struct janus_syscall_info *info)
{
	memset(info, 0, sizeof *info);
	if (ptrace((enum __ptrace_request)PTRACE_GET_SYSCALL_INFO, tid,
		   (void *)sizeof *info, info) < 0)
		return -errno;
	info->reserved = 0;
	info->flags = 0;
	return 0;
}

static int info_set(pid_t tid, struct janus_syscall_info *info)
{
	if (ptrace((enum __ptrace_request)PTRACE_SET_SYSCALL_INFO, tid,
		   (void *)sizeof *info, info) == 0)
		return 0;
	if (errno == EIO) {	/* request unknown to this kernel */
		have_set_info = false;
		return -ENOSYS;
	}
	return -errno;
}

/* aarch64: the number lives in x8 only until the kernel copied it to
 * pt_regs->syscallno; a tracer changes that copy through its own regset
 * (NT_ARM_SYSTEM_CALL, Linux 3.19). */
static int set_scno_regset(pid_t tid, unsigned regset, uint64_t nr)
{
	int32_t v = (int32_t)nr;
	struct iovec iov = { &v, sizeof v };
	return ptrace(PTRACE_SETREGSET, tid, (void *)(long)regset, &iov) < 0 ? -errno : 0;
}

static int entry_by_regs(pid_t tid, const struct janus_arch *a, uint64_t nr, const uint64_t args[6])
{
	struct regset r;
	int err = regset_fetch(tid, a, &r);
	if (err)
		return err;
	if (!a->scno_regset)
		regs_set(r.layout, r.buf, JR_SCNO, nr);
	for (int i = 0; args && i < 6; i++)
		regs_set(r.layout, r.buf, (enum janus_reg)(JR_ARG0 + i), args[i]);
	err = regset_store(tid, &r);
	if (!err && a->scno_regset)
		err = set_scno_regset(tid, a->scno_regset, nr);
	return err;
}

int sysedit_entry(pid_t tid, const struct janus_arch *a, enum sysedit_mode mode,
		  uint64_t nr, const uint64_t args[6])
{
	if (mode == SYSEDIT_AUTO && have_set_info) {
		struct janus_syscall_info info;
		int err = info_get(tid, &info);
		if (err)
			return err;
		/* entry and seccomp share the layout of nr and args */
		if (info.op != PTRACE_SYSCALL_INFO_ENTRY && info.op != PTRACE_SYSCALL_INFO_SECCOMP)
			return -EINVAL;
		info.entry.nr = nr;
		if (args)
			memcpy(info.entry.args, args, sizeof info.entry.args);
		err = info_set(tid, &info);
		if (err != -ENOSYS)
			return err;
	}
	return entry_by_regs(tid, a, nr, args);
}

int sysedit_result(pid_t tid, const struct janus_arch *a, enum sysedit_mode mode, int64_t rval)
{
	if (mode == SYSEDIT_AUTO && have_set_info) {
		struct janus_syscall_info info;
		int err = info_get(tid, &info);
		if (err)
			return err;
		if (info.op != PTRACE_SYSCALL_INFO_EXIT)
			return -EINVAL;
		info.exit.rval = rval;
		info.exit.is_error = rval < 0 && rval >= -4095;
		err = info_set(tid, &info);
		if (err != -ENOSYS)
			return err;
	}
	struct regset r;
	int err = regset_fetch(tid, a, &r);
	if (err)
		return err;
	regs_set(r.layout, r.buf, JR_RETVAL, (uint64_t)rval);
	return regset_store(tid, &r);
}

int sysedit_restore_args(pid_t tid, const struct janus_arch *a, const uint64_t args[6],
			 unsigned mask)
{
	struct regset r;
	int err = regset_fetch(tid, a, &r);
	if (err)
		return err;
	for (int i = 0; i < 6; i++) {
		enum janus_reg reg = (enum janus_reg)(JR_ARG0 + i);
		if ((mask & (1u << i)) && r.layout->off[reg] != r.layout->off[JR_RETVAL])
			regs_set(r.layout, r.buf, reg, args[i]);
	}
	return regset_store(tid, &r);
}
