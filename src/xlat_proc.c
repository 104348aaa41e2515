/* xlat_proc.c - names of process, signal-mask, wait, futex, prctl and
 * SysV ipc constants. */
#include "config.h"

#include <inttypes.h>
#include <linux/futex.h>
#include <linux/ipc.h>
#include <linux/sched.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#if __has_include(<asm/prctl.h>)
#include <asm/prctl.h>		/* x86 only */
#endif

#include "xlat.h"

/* clone() takes its exit signal in the low byte (CSIGNAL), where
 * unshare() and clone3() have CLONE_NEWTIME; hence two tables. */
#define CLONE_FLAGS_COMMON \
	XLAT(CLONE_VM), XLAT(CLONE_FS), XLAT(CLONE_FILES), XLAT(CLONE_SIGHAND), \
	XLAT(CLONE_PIDFD), XLAT(CLONE_PTRACE), XLAT(CLONE_VFORK), \
	XLAT(CLONE_PARENT), XLAT(CLONE_THREAD), XLAT(CLONE_NEWNS), \
	XLAT(CLONE_SYSVSEM), XLAT(CLONE_SETTLS), XLAT(CLONE_PARENT_SETTID), \
	XLAT(CLONE_CHILD_CLEARTID), XLAT(CLONE_DETACHED), XLAT(CLONE_UNTRACED), \
	XLAT(CLONE_CHILD_SETTID), XLAT(CLONE_NEWCGROUP), XLAT(CLONE_NEWUTS), \
	XLAT(CLONE_NEWIPC), XLAT(CLONE_NEWUSER), XLAT(CLONE_NEWPID), \
	XLAT(CLONE_NEWNET), XLAT(CLONE_IO), XLAT(CLONE_CLEAR_SIGHAND), \
	XLAT(CLONE_INTO_CGROUP)

static const struct xlat clone_flags[] = {
	CLONE_FLAGS_COMMON,
	XLAT_END
};

static const struct xlat unshare_flags[] = {
	XLAT(CLONE_NEWTIME),
	CLONE_FLAGS_COMMON,
	XLAT_END
};

void xlat_put_clone_flags(struct strbuf *sb, uint64_t flags, bool with_signal)
{
	if (!with_signal) {
		xlat_put_flags(sb, unshare_flags, flags, NULL);
		return;
	}
	uint64_t sig = flags & CSIGNAL;
	flags &= ~(uint64_t)CSIGNAL;
	if (flags)
		xlat_put_flags(sb, clone_flags, flags, NULL);
	if (sig) {
		if (flags)
			sb_putc(sb, '|');
		xlat_put_signal(sb, (int)sig);
	}
	if (!flags && !sig)
		sb_putc(sb, '0');
}

static const struct xlat sigprocmask_hows[] = {
	XLAT(SIG_BLOCK), XLAT(SIG_UNBLOCK), XLAT(SIG_SETMASK),
	XLAT_END
};

void xlat_put_sigprocmask_how(struct strbuf *sb, uint64_t how)
{
	xlat_put_val(sb, sigprocmask_hows, how & 0xffffffffu, "SIG_???");
}

/* WSTOPPED has WUNTRACED's value; wait4's name is the one shown. */
static const struct xlat wait_options[] = {
	XLAT(WNOHANG), XLAT(WUNTRACED), XLAT(WEXITED), XLAT(WCONTINUED),
	XLAT(WNOWAIT), XLAT(__WNOTHREAD), XLAT(__WALL), XLAT(__WCLONE),
	XLAT_END
};

void xlat_put_wait_options(struct strbuf *sb, uint64_t options)
{
	xlat_put_flags(sb, wait_options, options & 0xffffffffu, NULL);
}

static const struct xlat futex_ops[] = {
	XLAT(FUTEX_WAIT), XLAT(FUTEX_WAKE), XLAT(FUTEX_FD), XLAT(FUTEX_REQUEUE),
	XLAT(FUTEX_CMP_REQUEUE), XLAT(FUTEX_WAKE_OP), XLAT(FUTEX_LOCK_PI),
	XLAT(FUTEX_UNLOCK_PI), XLAT(FUTEX_TRYLOCK_PI), XLAT(FUTEX_WAIT_BITSET),
	XLAT(FUTEX_WAKE_BITSET), XLAT(FUTEX_WAIT_REQUEUE_PI),
	XLAT(FUTEX_CMP_REQUEUE_PI),
#ifdef FUTEX_LOCK_PI2
	XLAT(FUTEX_LOCK_PI2),
#endif
	XLAT_END
};

/* strace's notation: FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME. */
void xlat_put_futex_op(struct strbuf *sb, uint64_t op)
{
	op &= 0xffffffffu;
	const char *name = xlat_name(futex_ops, op & (uint64_t)(uint32_t)FUTEX_CMD_MASK);
	if (!name) {
		sb_printf(sb, "%#" PRIx64 " /* FUTEX_??? */", op);
		return;
	}
	sb_puts(sb, name);
	if (op & FUTEX_PRIVATE_FLAG)
		sb_puts(sb, "_PRIVATE");
	if (op & FUTEX_CLOCK_REALTIME)
		sb_puts(sb, "|FUTEX_CLOCK_REALTIME");
}

unsigned xlat_futex_args(uint64_t op)
{
	switch (op & (uint32_t)FUTEX_CMD_MASK) {
	case FUTEX_WAIT:		return 0x3;
	case FUTEX_WAKE:		return 0x1;
	case FUTEX_FD:			return 0x1;
	case FUTEX_REQUEUE:		return 0x7;
	case FUTEX_CMP_REQUEUE:		return 0xf;
	case FUTEX_WAKE_OP:		return 0xf;
	case FUTEX_LOCK_PI:		return 0x2;
#ifdef FUTEX_LOCK_PI2
	case FUTEX_LOCK_PI2:		return 0x2;
#endif
	case FUTEX_UNLOCK_PI:		return 0x0;
	case FUTEX_TRYLOCK_PI:		return 0x0;
	case FUTEX_WAIT_BITSET:		return 0xb;
	case FUTEX_WAKE_BITSET:		return 0x9;
	case FUTEX_WAIT_REQUEUE_PI:	return 0x7;
	case FUTEX_CMP_REQUEUE_PI:	return 0xf;
	}
	return 0xf;			/* unknown op: show everything */
}

static const struct xlat prctl_ops[] = {
	XLAT(PR_SET_PDEATHSIG), XLAT(PR_GET_PDEATHSIG), XLAT(PR_GET_DUMPABLE),
	XLAT(PR_SET_DUMPABLE), XLAT(PR_GET_UNALIGN), XLAT(PR_SET_UNALIGN),
	XLAT(PR_GET_KEEPCAPS), XLAT(PR_SET_KEEPCAPS), XLAT(PR_GET_FPEMU),
	XLAT(PR_SET_FPEMU), XLAT(PR_GET_FPEXC), XLAT(PR_SET_FPEXC),
	XLAT(PR_GET_TIMING), XLAT(PR_SET_TIMING), XLAT(PR_SET_NAME),
	XLAT(PR_GET_NAME), XLAT(PR_GET_ENDIAN), XLAT(PR_SET_ENDIAN),
	XLAT(PR_GET_SECCOMP), XLAT(PR_SET_SECCOMP), XLAT(PR_CAPBSET_READ),
	XLAT(PR_CAPBSET_DROP), XLAT(PR_GET_TSC), XLAT(PR_SET_TSC),
	XLAT(PR_GET_SECUREBITS), XLAT(PR_SET_SECUREBITS), XLAT(PR_SET_TIMERSLACK),
	XLAT(PR_GET_TIMERSLACK), XLAT(PR_TASK_PERF_EVENTS_DISABLE),
	XLAT(PR_TASK_PERF_EVENTS_ENABLE), XLAT(PR_MCE_KILL), XLAT(PR_MCE_KILL_GET),
	XLAT(PR_SET_MM), XLAT(PR_SET_PTRACER), XLAT(PR_SET_CHILD_SUBREAPER),
	XLAT(PR_GET_CHILD_SUBREAPER), XLAT(PR_SET_NO_NEW_PRIVS),
	XLAT(PR_GET_NO_NEW_PRIVS), XLAT(PR_GET_TID_ADDRESS),
	XLAT(PR_SET_THP_DISABLE), XLAT(PR_GET_THP_DISABLE),
	XLAT(PR_MPX_ENABLE_MANAGEMENT), XLAT(PR_MPX_DISABLE_MANAGEMENT),
	XLAT(PR_SET_FP_MODE), XLAT(PR_GET_FP_MODE), XLAT(PR_CAP_AMBIENT),
	XLAT(PR_SVE_SET_VL), XLAT(PR_SVE_GET_VL), XLAT(PR_GET_SPECULATION_CTRL),
	XLAT(PR_SET_SPECULATION_CTRL), XLAT(PR_PAC_RESET_KEYS),
	XLAT(PR_SET_TAGGED_ADDR_CTRL), XLAT(PR_GET_TAGGED_ADDR_CTRL),
	XLAT(PR_SET_IO_FLUSHER), XLAT(PR_GET_IO_FLUSHER),
	XLAT(PR_SET_SYSCALL_USER_DISPATCH),
	/* Newer than some supported kernel headers. */
#ifdef PR_PAC_SET_ENABLED_KEYS
	XLAT(PR_PAC_SET_ENABLED_KEYS), XLAT(PR_PAC_GET_ENABLED_KEYS),
#endif
#ifdef PR_SCHED_CORE
	XLAT(PR_SCHED_CORE),
#endif
#ifdef PR_SME_SET_VL
	XLAT(PR_SME_SET_VL), XLAT(PR_SME_GET_VL),
#endif
#ifdef PR_SET_MDWE
	XLAT(PR_SET_MDWE), XLAT(PR_GET_MDWE),
#endif
#ifdef PR_SET_VMA
	XLAT(PR_SET_VMA),
#endif
#ifdef PR_GET_AUXV
	XLAT(PR_GET_AUXV),
#endif
#ifdef PR_SET_MEMORY_MERGE
	XLAT(PR_SET_MEMORY_MERGE), XLAT(PR_GET_MEMORY_MERGE),
#endif
	XLAT_END
};

void xlat_put_prctl_op(struct strbuf *sb, uint64_t op)
{
	xlat_put_val(sb, prctl_ops, op & 0xffffffffu, "PR_???");
}

static const struct xlat arch_prctl_ops[] = {
#ifdef ARCH_SET_GS
	XLAT(ARCH_SET_GS), XLAT(ARCH_SET_FS), XLAT(ARCH_GET_FS), XLAT(ARCH_GET_GS),
	XLAT(ARCH_GET_CPUID), XLAT(ARCH_SET_CPUID),
	XLAT(ARCH_MAP_VDSO_X32), XLAT(ARCH_MAP_VDSO_32), XLAT(ARCH_MAP_VDSO_64),
#endif
#ifdef ARCH_GET_XCOMP_SUPP
	XLAT(ARCH_GET_XCOMP_SUPP), XLAT(ARCH_GET_XCOMP_PERM),
	XLAT(ARCH_REQ_XCOMP_PERM),
#endif
#ifdef ARCH_GET_XCOMP_GUEST_PERM
	XLAT(ARCH_GET_XCOMP_GUEST_PERM), XLAT(ARCH_REQ_XCOMP_GUEST_PERM),
#endif
#ifdef ARCH_GET_UNTAG_MASK
	XLAT(ARCH_GET_UNTAG_MASK), XLAT(ARCH_ENABLE_TAGGED_ADDR),
	XLAT(ARCH_GET_MAX_TAG_BITS), XLAT(ARCH_FORCE_TAGGED_SVA),
#endif
#ifdef ARCH_SHSTK_ENABLE
	XLAT(ARCH_SHSTK_ENABLE), XLAT(ARCH_SHSTK_DISABLE), XLAT(ARCH_SHSTK_LOCK),
	XLAT(ARCH_SHSTK_UNLOCK), XLAT(ARCH_SHSTK_STATUS),
#endif
	XLAT_END
};

void xlat_put_arch_prctl_op(struct strbuf *sb, uint64_t op)
{
	xlat_put_val(sb, arch_prctl_ops, op & 0xffffffffu, "ARCH_???");
}

/* i386 ipc(2): the low 16 bits select the call, the high 16 bits are
 * the interface version (IPCCALL). */
static const struct xlat ipc_calls[] = {
	XLAT(SEMOP), XLAT(SEMGET), XLAT(SEMCTL), XLAT(SEMTIMEDOP),
	XLAT(MSGSND), XLAT(MSGRCV), XLAT(MSGGET), XLAT(MSGCTL),
	XLAT(SHMAT), XLAT(SHMDT), XLAT(SHMGET), XLAT(SHMCTL),
	XLAT_END
};

void xlat_put_ipc_call(struct strbuf *sb, uint64_t call)
{
	call &= 0xffffffffu;
	uint64_t version = call >> 16;
	const char *name = xlat_name(ipc_calls, call & 0xffff);
	if (!name)
		sb_printf(sb, "%#" PRIx64 " /* IPCCALL_??? */", call);
	else if (version)
		sb_printf(sb, "IPCCALL(%" PRIu64 ", %s)", version, name);
	else
		sb_puts(sb, name);
}
