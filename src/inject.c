/* inject.c - run a call of janus's in a tracee (see inject.h). */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "grow.h"
#include "inject.h"
#include "log.h"
#include "regset_io.h"
#include "sysinfo.h"

struct saved_regs {
	struct regset r;
	int32_t scno;		/* aarch64: the number's own regset */
};

static int regs_save(pid_t tid, const struct janus_arch *a, struct saved_regs *s)
{
	int err = regset_fetch(tid, a, &s->r);
	if (err)
		return err;
	if (a->scno_regset) {
		struct iovec iov = { &s->scno, sizeof s->scno };
		if (ptrace(PTRACE_GETREGSET, tid, (void *)(long)a->scno_regset, &iov) < 0)
			return -errno;
	}
	return 0;
}

static int regs_put(pid_t tid, const struct janus_arch *a, struct saved_regs *s)
{
	int err = regset_store(tid, &s->r);
	if (err)
		return err;
	if (a->scno_regset) {
		struct iovec iov = { &s->scno, sizeof s->scno };
		if (ptrace(PTRACE_SETREGSET, tid, (void *)(long)a->scno_regset, &iov) < 0)
			return -errno;
	}
	return 0;
}

/* The register the syscall instruction reads the number from: rax/eax
 * on x86 (where the number and the result share no register with the
 * first argument), x8 on arm64. */
static void set_user_nr(struct saved_regs *s, uint64_t nr)
{
	const struct regset_layout *l = s->r.layout;
	enum janus_reg reg = l->off[JR_RETVAL] != l->off[JR_ARG0] ? JR_RETVAL : JR_SCNO;
	regs_set(l, s->r.buf, reg, nr);
}

static void push(struct inject_state *st, const siginfo_t *info, bool sent)
{
	st->sig = grow_room(st->sig, st->nsig, &st->cap, sizeof *st->sig, 4, "held signals");
	st->sig[st->nsig++] = (struct inject_sig){ *info, sent };
}

/* A copy of a held signal that janus sent again (inject_settle's tkill:
 * si_pid janus's, or 0 when janus is outside the tracee's namespace). */
static bool is_copy(const siginfo_t *info)
{
	return info->si_code == SI_TKILL && (info->si_pid == getpid() || info->si_pid == 0);
}

/* A signal about to be delivered while janus's calls are in flight:
 * discarded now, remembered to be sent again (a standard signal already
 * held is one signal, as the kernel would merge it).  A real-time signal
 * queued after janus held others of its number but before janus's
 * copies of them is not a copy: it is held after them. */
static void hold(pid_t tid, int sig, struct inject_state *st)
{
	siginfo_t info;
	if (ptrace(PTRACE_GETSIGINFO, tid, NULL, &info) < 0) {
		memset(&info, 0, sizeof info);
		info.si_signo = sig;
		info.si_code = SI_KERNEL;
	}
	for (unsigned i = 0; i < st->nsig; i++) {
		if (st->sig[i].info.si_signo != sig)
			continue;
		if (st->sig[i].sent && (sig < SIGRTMIN || is_copy(&info))) {
			st->sig[i].sent = false;	/* ours again: its own info stays */
			return;
		}
		if (sig < SIGRTMIN)
			return;
	}
	debug_msg("pid %d: signal %d held back until its call is over", (int)tid, sig);
	push(st, &info, false);
}

void inject_state_free(struct inject_state *st)
{
	free(st->sig);
	memset(st, 0, sizeof *st);
}

/* Waits for tid's next syscall stop.  Without st (inject_mmap), signals
 * are delivered and any other stop gives up (-EINTR); with st, signals
 * are held and group-stops passed over.  A stop of the prefilter for
 * janus's own call is passed over in both. */
static int next_syscall_stop(pid_t tid, struct inject_state *st)
{
	for (;;) {
		/* A death is left for the event loop to reap (it may be the
		 * command's, whose status is janus's). */
		siginfo_t info;
		memset(&info, 0, sizeof info);
		if (waitid(P_PID, (id_t)tid, &info, WEXITED | WSTOPPED | WNOWAIT | __WALL) < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		if (info.si_code != CLD_TRAPPED && info.si_code != CLD_STOPPED)
			return -ESRCH;
		int status;
		if (waitpid(tid, &status, __WALL) != tid)
			return errno == EINTR ? -EINTR : -errno;
		if (!WIFSTOPPED(status)) {
			/* Killed between the two waits: the caller passes it on. */
			if (st) {
				st->dead = true;
				st->status = status;
			}
			return -ESRCH;
		}
		int sig = WSTOPSIG(status), pass = 0;
		unsigned event = (unsigned)status >> 16;
		if (sig == (SIGTRAP | 0x80))
			return 0;
		if (event == PTRACE_EVENT_STOP && sig == SIGTRAP) {
			/* An interrupt of janus's own (mmfreeze.h): nothing. */
		} else if (event == PTRACE_EVENT_STOP && st) {
			st->group_stop = true;
		} else if (event != 0 && event != PTRACE_EVENT_SECCOMP) {
			if (!st)
				return -EINTR;
		} else if (event == 0) {
			if (st)
				hold(tid, sig, st);
			else
				pass = sig;
		}
		if (ptrace(PTRACE_SYSCALL, tid, NULL, (void *)(long)pass) < 0)
			return -errno;
	}
}

static uint64_t nr_bits(const struct janus_arch *a, uint64_t nr)
{
	return a->wordsize == 4 ? (uint32_t)nr : nr;
}

/* Resumes tid to its next syscall stop and reads it. */
static int step(pid_t tid, const struct janus_arch *a, enum sysedit_mode mode, bool entry,
		struct inject_state *st, struct stop_info *si)
{
	if (ptrace(PTRACE_SYSCALL, tid, NULL, NULL) < 0)
		return -errno;
	int r = next_syscall_stop(tid, st);
	if (r < 0)
		return r;
	r = sysinfo_get(tid, mode == SYSEDIT_AUTO, entry, si);
	if (r == 0 && si->arch != a)
		r = -EIO;
	return r;
}

int inject_at_entry(pid_t tid, const struct janus_arch *a, enum sysedit_mode mode,
		    uint64_t nr, const uint64_t args[6], int64_t *result, struct inject_state *st)
{
	struct saved_regs s;
	int r = regs_save(tid, a, &s);
	if (r < 0)
		return r;
	uint64_t own_nr = regs_get(s.r.layout, s.r.buf, JR_SCNO);
	uint64_t ip = regs_get(s.r.layout, s.r.buf, JR_IP);
	if ((r = sysedit_entry(tid, a, mode, nr, args)) < 0)
		return r;
	struct stop_info si;
	if ((r = step(tid, a, mode, false, st, &si)) < 0)
		return r;
	*result = si.rval;

	/* Back to the tracee's own call: its registers, the instruction
	 * pointer over the syscall instruction again, and the number where
	 * the instruction reads it. */
	regs_set(s.r.layout, s.r.buf, JR_IP, ip - a->syscall_insn_len);
	set_user_nr(&s, own_nr);
	if ((r = regs_put(tid, a, &s)) < 0)
		return r;
	if ((r = step(tid, a, mode, true, st, &si)) < 0)
		return r;
	/* With signals held, nothing else can run before the call comes back. */
	if (st && (si.op != STOP_ENTRY || nr_bits(a, si.nr) != nr_bits(a, own_nr) || si.ip != ip))
		return -EIO;
	return 0;
}

int inject_at_exit(pid_t tid, const struct janus_arch *a, enum sysedit_mode mode,
		   uint64_t nr, const uint64_t args[6], int64_t *result, struct inject_state *st)
{
	struct saved_regs s, m;
	int r = regs_save(tid, a, &s);
	if (r < 0)
		return r;
	m = s;
	uint64_t ip = regs_get(m.r.layout, m.r.buf, JR_IP);
	regs_set(m.r.layout, m.r.buf, JR_IP, ip - a->syscall_insn_len);
	for (int i = 0; i < 6; i++)
		regs_set(m.r.layout, m.r.buf, (enum janus_reg)(JR_ARG0 + i), args[i]);
	set_user_nr(&m, nr);
	if ((r = regs_put(tid, a, &m)) < 0)
		return r;
	struct stop_info si;
	if ((r = step(tid, a, mode, true, st, &si)) < 0)
		return r;
	if (si.op != STOP_ENTRY || nr_bits(a, si.nr) != nr_bits(a, nr))
		return -EIO;
	if ((r = step(tid, a, mode, false, st, &si)) < 0)
		return r;
	*result = si.rval;
	/* The exit stop of the tracee's own call, as it was: result, number
	 * (the kernel's restart logic reads it) and instruction pointer. */
	return regs_put(tid, a, &s);
}

void inject_settle(pid_t tid, struct inject_state *st)
{
	for (unsigned i = 0; i < st->nsig; i++) {
		if (st->sig[i].sent)
			continue;
		if (syscall(SYS_tkill, tid, st->sig[i].info.si_signo) < 0)
			debug_msg("pid %d: cannot send signal %d again: %s", (int)tid,
				  st->sig[i].info.si_signo, strerror(errno));
		st->sig[i].sent = true;
	}
	if (st->group_stop) {
		/* The task stops again if its group is still stopped. */
		st->group_stop = false;
		if (ptrace(PTRACE_INTERRUPT, tid, NULL, NULL) < 0 && errno != ESRCH)
			debug_msg("pid %d: PTRACE_INTERRUPT: %s", (int)tid, strerror(errno));
	}
}

void inject_signal_stop(pid_t tid, int sig, struct inject_state *st)
{
	for (unsigned i = 0; i < st->nsig; i++) {
		if (!st->sig[i].sent || st->sig[i].info.si_signo != sig)
			continue;
		/* A real-time signal queued before janus's copy overtook it:
		 * it is given the held siginfo, and its own goes to the copy
		 * still queued, so the program sees them in the order sent. */
		siginfo_t cur;
		bool overtook = sig >= SIGRTMIN && ptrace(PTRACE_GETSIGINFO, tid, NULL, &cur) == 0 &&
				!is_copy(&cur);
		if (ptrace(PTRACE_SETSIGINFO, tid, NULL, &st->sig[i].info) < 0)
			debug_msg("pid %d: PTRACE_SETSIGINFO: %s", (int)tid, strerror(errno));
		memmove(&st->sig[i], &st->sig[i + 1], (st->nsig - i - 1) * sizeof st->sig[0]);
		st->nsig--;
		if (overtook)
			push(st, &cur, true);
		return;
	}
}

static long mmap_number(const struct janus_arch *a)
{
	/* 32-bit ABIs: mmap2 (offset in pages); i386's plain mmap takes a
	 * pointer to a struct. */
	long nr = arch_syscall_nr_by_id(a, SC_mmap2);
	return nr >= 0 ? nr : arch_syscall_nr_by_id(a, SC_mmap);
}

int inject_mmap(pid_t tid, const struct janus_arch *a, enum sysedit_mode mode,
		uint64_t len, uint64_t *addr)
{
	long nr = mmap_number(a);
	if (nr < 0)
		return -ENOSYS;
	uint64_t args[6] = { 0, len, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, (uint64_t)-1, 0 };
	int64_t result;
	int r = inject_at_entry(tid, a, mode, (uint64_t)nr, args, &result, NULL);
	if (r < 0)
		return r;
	if (result < 0 && result >= -4095)
		return (int)result;	/* the tracee is back; only the mapping failed */
	*addr = (uint64_t)result;
	return 0;
}
