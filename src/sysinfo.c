/* sysinfo.c - decode a syscall stop (see sysinfo.h). */
#include "config.h"

#include <errno.h>
#include <linux/audit.h>
#include <stdint.h>
#include <string.h>
#include <sys/ptrace.h>

#include "mem.h"
#include "regset_io.h"
#include "sysinfo.h"

static int from_syscall_info(pid_t tid, struct stop_info *si)
{
	/* glibc's copy of the kernel's struct ptrace_syscall_info. */
	struct __ptrace_syscall_info info;
	memset(&info, 0, sizeof info);
	long n = ptrace((enum __ptrace_request)PTRACE_GET_SYSCALL_INFO, tid,
			(void *)sizeof info, &info);
	if (n < 0)
		return -errno;
	si->audit_arch = info.arch;
	si->arch = arch_by_audit(info.arch);
	si->ip = info.instruction_pointer;
	switch (info.op) {
	case PTRACE_SYSCALL_INFO_ENTRY:
		si->op = STOP_ENTRY;
		si->nr = info.entry.nr;
		memcpy(si->args, info.entry.args, sizeof si->args);
		break;
	case PTRACE_SYSCALL_INFO_EXIT:
		si->op = STOP_EXIT;
		si->rval = info.exit.rval;
		break;
	case PTRACE_SYSCALL_INFO_SECCOMP:
		/* A prefilter stop: the call has not run yet, as at an entry
		 * stop, and is judged the same way. */
		si->op = STOP_ENTRY;
		si->nr = info.seccomp.nr;
		memcpy(si->args, info.seccomp.args, sizeof si->args);
		break;
	default:
		si->op = STOP_NONE;
		break;
	}
	return 0;
}

/* On x86_64 a 64-bit process may enter the kernel through the i386 gate
 * (`int $0x80`, or sysenter), with i386 numbers and argument registers but
 * the 64-bit regset.  Without PTRACE_GET_SYSCALL_INFO the only witness is
 * the instruction just before the instruction pointer. */
static bool entered_via_i386_gate(pid_t tid, uint64_t ip)
{
	unsigned char insn[2];
	if (ip < 2 || mem_read(tid, ip - 2, insn, 2) != 2)
		return false;
	return (insn[0] == 0xcd && insn[1] == 0x80) || (insn[0] == 0x0f && insn[1] == 0x34);
}

static int from_registers(pid_t tid, bool entry_hint, struct stop_info *si)
{
	struct regset r;
	int err = regset_fetch(tid, NULL, &r);
	if (err)
		return err;
	const struct janus_arch *a = r.arch;
	const struct regset_layout *l = r.layout;
	si->ip = regs_get(l, r.buf, JR_IP);
	const struct janus_arch *i386 = arch_by_abi(JANUS_ABI_I386);
	if (a == arch_native() && a->abi == JANUS_ABI_X86_64 && i386 &&
	    entered_via_i386_gate(tid, si->ip)) {
		a = i386;
		l = arch_layout_for(a, r.len);
		if (!l)
			return -ENOEXEC;
	}
	si->arch = a;
	si->audit_arch = a->audit_arch;
	si->op = entry_hint ? STOP_ENTRY : STOP_EXIT;
	si->nr = regs_get(l, r.buf, JR_SCNO);
	/* The kernel reports a 32-bit ABI's number as a sign-extended int,
	 * so -1 (no syscall) is UINT64_MAX there as on 64-bit ABIs. */
	if (a->wordsize == 4)
		si->nr = (uint64_t)(int64_t)(int32_t)si->nr;
	for (int i = 0; i < 6; i++)
		si->args[i] = regs_get(l, r.buf, (enum janus_reg)(JR_ARG0 + i));
	si->rval = arch_sign_extend(a, regs_get(l, r.buf, JR_RETVAL));
	return 0;
}

int sysinfo_get(pid_t tid, bool use_syscall_info, bool entry_hint, struct stop_info *si)
{
	memset(si, 0, sizeof *si);
	if (use_syscall_info) {
		int r = from_syscall_info(tid, si);
		if (r != -EIO && r != -EINVAL)	/* EIO/EINVAL: kernel lacks the request */
			return r;
	}
	return from_registers(tid, entry_hint, si);
}
