/* pinfd_guard.c - no task may replace a pinned descriptor (see pinfd.h:
 * pinfd_guard, the guard filter, calls that were running already). */
#include "config.h"

#include <errno.h>
#include <linux/close_range.h>
#include <linux/filter.h>
#include <linux/kcmp.h>
#include <linux/sched.h>
#include <linux/seccomp.h>
#include <signal.h>
#include <stddef.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "clone_args.h"
#include "inject.h"
#include "log.h"
#include "pinfd.h"
#include "pinfd_guard.h"
#include "scratch.h"

/* Tasks a and b share one descriptor table; unknown (kcmp failed) counts
 * as shared. */
static bool same_files(pid_t a, pid_t b)
{
	long order = syscall(SYS_kcmp, a, b, KCMP_FILES, 0, 0);
	return order != 1 && order != 2;
}

void pinfd_call_done(struct pinfd *p, struct tracee *tr)
{
	if (tr->fd_call) {
		tr->fd_call = 0;
		p->fd_calls--;
	}
}

static bool fd_call(const struct sc_event *ev)
{
	const struct sc_desc *sc = arch_syscall(ev->arch, ev->nr);
	enum sc_id id = sc ? sc->id : SC_COUNT;
	return id == SC_close || id == SC_close_range || id == SC_dup2 || id == SC_dup3;
}

void pinfd_note_call(struct pinfd *p, struct tracee *tr, const struct sc_event *ev, bool allowed)
{
	if (allowed && !tr->fd_call && fd_call(ev)) {
		tr->fd_call = 1;
		p->fd_calls++;
	}
}

/* Waits until the allowed call t is running has finished: its next stop
 * is kept for the event loop; a death is left to it (not reaped). */
static void wait_call_done(struct pinfd *p, struct tracee *t)
{
	for (;;) {
		siginfo_t info;
		memset(&info, 0, sizeof info);
		if (waitid(P_PID, (id_t)t->tid, &info, WEXITED | WSTOPPED | WNOWAIT | __WALL) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (info.si_code != CLD_TRAPPED && info.si_code != CLD_STOPPED)
			break;
		int status;
		if (waitpid(t->tid, &status, __WALL) != t->tid)
			break;
		/* A prefilter stop of a call judged at its entry stop: on. */
		if (WIFSTOPPED(status) && (unsigned)status >> 16 == PTRACE_EVENT_SECCOMP &&
		    ptrace(PTRACE_SYSCALL, t->tid, NULL, NULL) == 0)
			continue;
		pinfd_stash(p, t->tid, status);
		break;
	}
	t->fd_call = 2;
}

struct quiesce {
	struct pinfd *p;
	const struct tracee *pinning;
};

static void quiesce_one(struct tracee *t, void *arg)
{
	struct quiesce *q = arg;
	if (t->fd_call != 1 || t == q->pinning || !same_files(t->tid, q->pinning->tid))
		return;
	if (t->mm_kept || pinfd_stashed(q->p, t->tid))
		t->fd_call = 2;	/* stopped after its call: its stop is kept already */
	else
		wait_call_done(q->p, t);
}

void pinfd_quiesce(struct pinfd *p, struct tracee_table *t, const struct tracee *tr)
{
	struct quiesce q = { p, tr };
	if (p->fd_calls)
		tracee_foreach(t, quiesce_one, &q);
}

int pinfd_guard(const struct pinfd *p, const struct tracee *tr, const struct sc_event *ev)
{
	if (!p || !p->n)
		return 0;
	const struct sc_desc *sc = arch_syscall(ev->arch, ev->nr);
	const uint64_t *a = ev->args;
	int64_t lo, hi;
	int err = EBUSY;
	switch (sc ? sc->id : SC_COUNT) {
	case SC_close:
		lo = hi = (int32_t)a[0];
		err = EBADF;
		break;
	case SC_dup2:
		if ((int32_t)a[0] == (int32_t)a[1])
			return 0;	/* changes nothing */
		/* fall through */
	case SC_dup3:
		lo = hi = (int32_t)a[1];
		break;
	case SC_close_range:
		/* CLOSE_RANGE_UNSHARE closes in a private copy of the table,
		 * CLOSE_RANGE_CLOEXEC only marks: neither touches the pin. */
		if (a[2] & (CLOSE_RANGE_UNSHARE | CLOSE_RANGE_CLOEXEC))
			return 0;
		lo = (uint32_t)a[0];
		hi = (uint32_t)a[1];
		break;
	default:
		return 0;
	}
	for (unsigned i = 0; i < p->n; i++)
		if (p->v[i].fd >= lo && p->v[i].fd <= hi && p->v[i].tid != tr->tid &&
		    same_files(tr->tid, p->v[i].tid))
			return err;
	return 0;
}

bool pinfd_needs_guard(const struct pinfd *p, const struct tracee *tr, const struct sc_event *ev,
		       const unsigned char *clone3_args)
{
	const struct sc_desc *sc = arch_syscall(ev->arch, ev->nr);
	if (!p->active || tr->fd_guard != PINFD_UNGUARDED || !sc)
		return false;
	if (sc->id == SC_clone)
		return ev->args[0] & CLONE_FILES;
	return sc->id == SC_clone3 && (clone_args_flags(clone3_args) & CLONE_FILES);
}

/* A jump over n instructions when the accumulator is not k. */
#define JNE(k, n) BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (k), 0, (n))

/* The guard: for each ABI janus knows, SECCOMP_RET_TRACE for the calls
 * that can close or replace a descriptor (and, on x86_64, for any x32
 * call, an ABI janus refuses anyway); SECCOMP_RET_ALLOW for the rest,
 * which the filters below (janus's prefilter, the program's own) decide. */
unsigned pinfd_guard_filter(struct sock_filter *f, unsigned cap)
{
	static const enum sc_id ids[] = { SC_close, SC_close_range, SC_dup2, SC_dup3 };
	unsigned n = 0;
	f[n++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
					      offsetof(struct seccomp_data, arch));
	for (int abi = 0; abi < JANUS_ABI_COUNT; abi++) {
		const struct janus_arch *a = arch_by_abi((enum janus_abi)abi);
		long nr[4];
		unsigned k = 0;
		for (unsigned i = 0; a && i < 4; i++)
			if ((nr[k] = arch_syscall_nr_by_id(a, ids[i])) >= 0)
				k++;
		bool x32 = a && a->abi == JANUS_ABI_X86_64;
		unsigned body = 1 + x32 + k + 2;	/* load, x32, compares, two returns */
		if (!a || n + 1 + body + 1 > cap)
			continue;
		f[n++] = (struct sock_filter)JNE(a->audit_arch, body);
		f[n++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
						      offsetof(struct seccomp_data, nr));
		if (x32)	/* __X32_SYSCALL_BIT */
			f[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, 0x40000000,
							      (uint8_t)(k + 1), 0);
		for (unsigned i = 0; i < k; i++)
			f[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (uint32_t)nr[i],
							      (uint8_t)(k - i), 0);
		f[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
		f[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE);
	}
	f[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
	return n;
}

int pinfd_add_guard(struct pinfd *p, struct tracee *tr, struct stop_info *si,
		    enum sysedit_mode mode, bool use_info)
{
	const struct janus_arch *a = si->arch;
	uint64_t base = tr->scratch[a->wordsize == 4];
	long nr = arch_syscall_nr_by_id(a, SC_seccomp);
	struct sock_filter f[64];
	unsigned n = pinfd_guard_filter(f, sizeof f / sizeof f[0]);
	/* struct sock_fprog in the tracee's ABI: a short, then a pointer. */
	uint64_t prog_at = base + sizeof f, code = base;
	unsigned char prog[16] = { 0 };
	memcpy(prog, &(uint16_t){ (uint16_t)n }, 2);
	if (a->wordsize == 4)
		memcpy(prog + 4, &(uint32_t){ (uint32_t)code }, 4);
	else
		memcpy(prog + 8, &code, 8);
	int err = !base ? ENOMEM : nr < 0 ? ENOSYS : 0;
	int r = err ? 0 : scratch_write_tr(tr, code, f, n * sizeof f[0]);
	if (r == 0 && !err)
		r = scratch_write_tr(tr, prog_at, prog, sizeof prog);
	int64_t res = -err;
	if (r == 0 && !err) {
		uint64_t args[6] = { SECCOMP_SET_MODE_FILTER, 0, prog_at, 0, 0, 0 };
		r = inject_at_entry(tr->tid, a, mode, (uint64_t)nr, args, &res, &tr->held);
		if (r < 0)
			return pinfd_lost(p, tr, r, "guard its descriptors");
	} else if (r < 0) {
		res = r;
	}
	tr->fd_guard = res == 0 ? PINFD_GUARDED : PINFD_UNGUARDABLE;
	if (res != 0)
		warn_msg("pid %d: cannot guard its descriptors (%s): its path calls that need a pinned directory will fail",
			 (int)tr->tid, strerror((int)-res));
	r = sysinfo_get(tr->tid, use_info, true, si);
	return r == -ESRCH ? r : 0;
}
