/* supervisor.c - the event loop (see supervisor.h). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/kcmp.h>
#include <linux/openat2.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/personality.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "execcheck.h"
#include "fdpass_recv.h"
#include "jobctl.h"
#include "log.h"
#include "mem.h"
#include "pin_exit.h"
#include "procfs.h"
#include "report.h"
#include "supervisor.h"
#include "sysinfo.h"

void sup_init(struct supervisor *sup, const struct janus_opts *opts, const struct policy *pol)
{
	memset(sup, 0, sizeof *sup);
	sup->opts = opts;
	sup->use_syscall_info = !opts->no_syscall_info;
	sup->edit_mode = opts->no_syscall_info ? SYSEDIT_REGS : SYSEDIT_AUTO;
	sup->policy = pol;
	tracee_table_init(&sup->tracees);
	if (pol)
		judge_init(&sup->judge, pol, &sup->tracees, &sup->regions);
	pinfd_init(&sup->pins, pol);
	sup->judge.pins = &sup->pins;
	if (pol) {
		fdpass_init(&sup->fdpass, pol);
		proclimit_init(&sup->plimit, pol);
	}
}

void sup_adopt_command(struct supervisor *sup, pid_t pid)
{
	sup->command = pid;
	/* Seized while blocked before exec: no attach stop will come, and its
	 * calls up to execve are janus's, not the command's. */
	struct tracee *tr = tracee_add(&sup->tracees, pid, TF_HIDE);
	tr->flags &= ~TF_STARTUP;
}

static void kill_one(struct tracee *tr, void *arg)
{
	(void)arg;
	kill(tr->tid, SIGKILL);
}

void sup_kill_all(struct supervisor *sup)
{
	tracee_foreach(&sup->tracees, kill_one, NULL);
}

static void close_mem(struct tracee *tr, void *arg)
{
	(void)arg;
	scratch_mem_close(tr);
}

void sup_fini(struct supervisor *sup)
{
	trace_close(&sup->trace);
	tracee_foreach(&sup->tracees, close_mem, NULL);
	pinfd_free(&sup->pins, &sup->tracees);
	mmfreeze_free(&sup->freeze);
	tracee_table_free(&sup->tracees);
	if (sup->policy)
		judge_fini(&sup->judge);
	call_record_free(&sup->report_rec);
	sb_free(&sup->report_line);
	scratch_set_free(&sup->regions);
	proclimit_fini(&sup->plimit);
}

static void drop_scratch(struct supervisor *sup, struct tracee *tr)
{
	for (int i = 0; i < 2; i++)
		if (tr->scratch[i])
			scratch_release(&sup->regions, tr->scratch[i]);
	tr->scratch[0] = tr->scratch[1] = 0;
	tr->flags &= ~TF_REWROTE;
	scratch_mem_close(tr);	/* of the address space it leaves */
}

/* Forgets a task, and its scratch regions with it. */
static void forget(struct supervisor *sup, pid_t tid)
{
	struct tracee *tr = tracee_find(&sup->tracees, tid);
	if (tr) {
		drop_scratch(sup, tr);
		pinfd_drop(&sup->pins, tr);
	}
	tracee_remove(&sup->tracees, tid);
	mmfreeze_gone(&sup->freeze, &sup->pins, &sup->tracees, tid);
}

static bool is_stop_signal(int sig)
{
	return sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU;
}

bool sup_next_event(struct supervisor *sup, struct janus_event *ev)
{
	int status;
	pid_t tid;
	if (!pinfd_unstash(&sup->pins, &tid, &status)) {	/* stops pinfd waited for first */
		do
			tid = waitpid(-1, &status, __WALL);
		while (tid < 0 && errno == EINTR);
	}
	if (tid < 0) {
		if (errno == ECHILD)
			return false;
		die_perror("waitpid");
	}
	(void)sup;
	memset(ev, 0, sizeof *ev);
	ev->tid = tid;
	ev->status = status;
	if (WIFEXITED(status)) {
		ev->kind = EV_EXITED;
	} else if (WIFSIGNALED(status)) {
		ev->kind = EV_KILLED;
	} else if (WSTOPSIG(status) == (SIGTRAP | 0x80)) {
		ev->kind = EV_SYSCALL;
	} else {
		ev->sig = WSTOPSIG(status);
		ev->event = (unsigned)status >> 16;
		switch (ev->event) {
		case 0:
			ev->kind = EV_SIGNAL;
			break;
		case PTRACE_EVENT_FORK:
		case PTRACE_EVENT_VFORK:
		case PTRACE_EVENT_CLONE:
			ev->kind = EV_NEW_CHILD;
			break;
		case PTRACE_EVENT_EXEC:
			ev->kind = EV_EXEC;
			break;
		case PTRACE_EVENT_SECCOMP:
			ev->kind = EV_SECCOMP;
			break;
		case PTRACE_EVENT_STOP:
			ev->kind = is_stop_signal(ev->sig) ? EV_GROUP_STOP : EV_EVENT_STOP;
			break;
		default:
			ev->kind = EV_EVENT_STOP;
			break;
		}
	}
	return true;
}

/* Resumes tid; a tracee that vanished (ESRCH: killed meanwhile) reports
 * its death as a later event, anything else is janus's failure. */
static void resume(pid_t tid, int request, int sig)
{
	if (ptrace((enum __ptrace_request)request, tid, NULL, (void *)(long)sig) < 0 && errno != ESRCH)
		die_perror("ptrace resume of %d", (int)tid);
}

/* How to resume tr: under the prefilter, a task inside a call janus
 * stopped comes back at its exit stop, any other runs free until the
 * filter stops it; without it, every call stops. */
static int resume_request(const struct supervisor *sup, const struct tracee *tr)
{
	if (!sup->prefilter || (tr->flags & TF_IN_SYSCALL))
		return PTRACE_SYSCALL;
	return PTRACE_CONT;
}

static bool tracing(const struct supervisor *sup, const struct tracee *tr)
{
	return sup->trace.out && !(tr->flags & TF_HIDE);
}

static void fill_view(struct call_view *cv, pid_t tid, const struct stop_info *si)
{
	memset(cv, 0, sizeof *cv);
	cv->pid = tid;
	cv->arch = si->arch;
	cv->sc = arch_syscall(si->arch, si->nr);
	cv->nr = si->nr;
	memcpy(cv->args, si->args, sizeof cv->args);
	cv->retval = si->rval;
	cv->read = mem_read_cb;
	cv->read_ctx = (void *)(intptr_t)tid;
}

/* Applies the policy's verdict at the entry stop.  A refused call is
 * skipped (number -1: the kernel runs nothing) and its errno written at
 * the exit stop; a killed task never returns to user space. */
static void refuse_now(struct supervisor *sup, struct tracee *tr, const struct stop_info *si,
		       int err, const char *why)
{
	if (why)	/* NULL: the kernel's own answer, not news */
		warn_msg("pid %d: %s: refusing its call: %s", (int)tr->tid, why, strerror(err));
	int r = sysedit_entry(tr->tid, si->arch, sup->edit_mode, (uint64_t)-1, NULL);
	if (r < 0 && r != -ESRCH) {
		errno = -r;
		die_perror("cannot refuse a call of pid %d", (int)tr->tid);
	}
	tr->flags |= TF_DENIED;
	tr->deny_err = err;
}

/* Makes sure tr has a scratch region for calls of si's ABI, mapping one
 * (the call is re-entered: *si is read again).  Returns 0 or -errno. */
static int need_scratch(struct supervisor *sup, struct tracee *tr, struct stop_info *si)
{
	int low = si->arch->wordsize == 4;
	if (tr->scratch[low])
		return 0;
	uint64_t base;
	int r = scratch_map(tr->tid, si->arch, sup->edit_mode, &base);
	if (r < 0)
		return r;
	if (low && base + SCRATCH_SIZE > UINT64_C(1) << 32)
		return -ENOMEM;	/* a 32-bit call could not address it */
	tr->scratch[low] = base;
	scratch_hold(&sup->regions, base);
	return sysinfo_get(tr->tid, sup->use_syscall_info, true, si);
}

/* Copies what was checked into the scratch region (mapped now if the
 * call needed none before) and points the call at it; the program's
 * registers come back at the exit stop.  The items are laid out and their
 * links resolved here (copy_plan.h), and written in one go. */
static int apply_plan(struct supervisor *sup, struct tracee *tr, struct stop_info *si,
		      const struct copy_plan *plan)
{
	static unsigned char image[SCRATCH_SIZE];
	struct copy_plan p = *plan;
	uint64_t addr[PLAN_ITEMS];
	/* struct open_how: flags, mode, resolve (u64 each). */
	uint64_t how[3] = { p.how_flags, p.how_mode, RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS };
	int how_item = p.to_openat2 ? plan_add(&p, -1, how, sizeof how) : -1;
	int r = need_scratch(sup, tr, si);
	if (r < 0)
		return r;
	uint64_t base = tr->scratch[si->arch->wordsize == 4];
	long len = plan_layout(&p, base, si->arch->wordsize, image, sizeof image, addr);
	if (len < 0)
		return (int)len;
	r = scratch_write_tr(tr, base, image, (size_t)len);
	if (r < 0)
		return r;
	uint64_t args[6];
	memcpy(args, si->args, sizeof args);
	unsigned mask = p.set_mask;
	for (unsigned i = 0; i < p.n; i++)
		if (p.item[i].arg >= 0) {
			args[p.item[i].arg] = addr[i];
			mask |= 1u << p.item[i].arg;
		}
	for (int i = 0; i < 6; i++)
		if (p.set_mask & (1u << i))
			args[i] = p.set[i];
	uint64_t nr = si->nr;
	if (p.call_as != SC_COUNT) {
		long to = arch_syscall_nr_by_id(si->arch, p.call_as);
		if (to < 0)
			return -ENOSYS;
		nr = (uint64_t)to;
	}
	if (p.to_openat2) {
		long o2 = arch_syscall_nr_by_id(si->arch, SC_openat2);
		if (o2 < 0 || how_item < 0)
			return -ENOSYS;
		uint64_t path = addr[0];
		memcpy(args, (uint64_t[6]){ (uint64_t)(int64_t)AT_FDCWD, path, addr[how_item], sizeof how, 0, 0 },
		       sizeof args);
		nr = (uint64_t)o2;
		mask = 0x3f;
	}
	r = sysedit_entry(tr->tid, si->arch, sup->edit_mode, nr, args);
	if (r < 0)
		return r;
	memcpy(tr->saved_args, si->args, sizeof tr->saved_args);
	tr->saved_nr = si->nr;
	tr->mmsg_vec = p.mmsg_vec;
	tr->rewrote = mask;
	tr->flags |= TF_REWROTE;
	return 0;
}

/* The descriptors an allowed call needs (pinfd.h): the guard before a
 * task shares its descriptor table, the pinned directories of its paths.
 * 0; -errno, the call's result; -ESRCH: tr is gone. */
static int pin_allowed(struct supervisor *sup, struct tracee *tr, struct stop_info *si,
		       const struct sc_event *ev, struct copy_plan *plan)
{
	if (sup->prefilter && pinfd_needs_guard(&sup->pins, tr, ev, sup->judge.control)) {
		/* No region: the guard cannot be added, nothing is pinned. */
		if (need_scratch(sup, tr, si) == -ESRCH ||
		    pinfd_add_guard(&sup->pins, tr, si, sup->edit_mode, sup->use_syscall_info) == -ESRCH)
			return -ESRCH;
	}
	return pinfd_entry(&sup->pins, &sup->tracees, tr, si, sup->edit_mode, sup->use_syscall_info,
			   &sup->judge.want, plan);
}

static void enforce(struct supervisor *sup, struct tracee *tr, struct stop_info *si)
{
	struct sc_event ev;
	struct verdict v;
	struct copy_plan plan;
	unsigned need = policy_needs(sup->policy, si->arch, si->nr);
	if (need & (POLICY_NEED_PATHS | POLICY_NEED_SOCKADDR)) {
		int r = need_scratch(sup, tr, si);
		if (r == -ESRCH)
			return;
		if (r < 0) {
			refuse_now(sup, tr, si, ENOMEM, "no scratch memory");
			return;
		}
	}
	/* No other task of its address space runs until its exit stop. */
	if ((need & POLICY_NEED_PATHS) && mmfreeze_wanted(si))
		mmfreeze_begin(&sup->freeze, &sup->pins, &sup->tracees, tr);
	judge_call(&sup->judge, tr, si, &ev, &v, &plan);
	fdpass_judge(&sup->fdpass, tr, &ev, &v);
	proclimit_judge(&sup->plimit, &sup->tracees, tr, &ev, &v);
	/* Refusals that are the kernel's own answer (a path that does not
	 * resolve, a number the ABI does not have) are not policy news. */
	bool policy_said = strcmp(v.check ? v.check : "", JUDGE_KERNEL) != 0 &&
			   arch_syscall(si->arch, si->nr) != NULL;
	if ((v.action != VERDICT_ALLOW && policy_said) || v.log) {
		if (!sup->opts->quiet || v.log)
			report_verdict(stderr, &sup->report_rec, &sup->report_line, tr->tid, si, &ev, &v);
	}
	execcheck_entry(tr, &ev, v.action == VERDICT_ALLOW);
	pinfd_note_call(&sup->pins, tr, &ev, v.action == VERDICT_ALLOW);
	if (v.action == VERDICT_ALLOW) {
		/* A pin that fails (ENOENT, ELOOP ...) is the kernel's answer. */
		int r = pin_allowed(sup, tr, si, &ev, &plan);
		if (r == 0 && tr->seal_again) {
			r = pinfd_guard_fd(&sup->pins, &sup->tracees, tr, tr->seal_fd);
			if (r == 0)
				r = fdpass_seal_again(tr);
		}
		if (r == 0 && tr->recv_check) {
			r = pinfd_guard_fd(&sup->pins, &sup->tracees, tr, tr->recv_fd);
			if (r == 0)
				r = fdpass_recv_guarded(tr, &ev, &plan);
			if (r == -EPERM) {
				/* Said once; --debug tells each. */
				debug_msg("pid %d: recvmsg refused (fdpass fallback)", (int)tr->tid);
				refuse_now(sup, tr, si, EPERM, sup->fdpass.told_refusal ? NULL :
					   "a receive on a unix socket that could take descriptors "
					   "(control data, recvmmsg, or a datagram over several buffers; "
					   "no SO_PASSRIGHTS before Linux 6.16): refused, here and from now on");
				sup->fdpass.told_refusal = true;
				return;
			}
		}
		if (r < 0 && r != -ESRCH) {
			refuse_now(sup, tr, si, -r, NULL);
			return;
		}
		r = r == 0 && (plan.n || plan.call_as != SC_COUNT) ? apply_plan(sup, tr, si, &plan) : r;
		if (r < 0 && r != -ESRCH)
			refuse_now(sup, tr, si, -r, "cannot pin its arguments");
		return;
	}
	int r = sysedit_entry(tr->tid, si->arch, sup->edit_mode, (uint64_t)-1, NULL);
	if (r < 0 && r != -ESRCH) {
		errno = -r;
		die_perror("cannot refuse a call of pid %d", (int)tr->tid);
	}
	if (v.action == VERDICT_KILL) {
		kill(tr->tid, SIGKILL);
		return;
	}
	tr->flags |= TF_DENIED;
	tr->deny_err = v.err;
}

static void on_syscall_entry(struct supervisor *sup, struct tracee *tr, struct stop_info *si)
{
	if (!si->arch) {
		/* DESIGN: a stop of an ABI janus has no table for kills the task. */
		warn_msg("pid %d: system call of unknown ABI (AUDIT_ARCH 0x%x): killing it",
			 (int)tr->tid, si->audit_arch);
		kill(tr->tid, SIGKILL);
		return;
	}
	const struct sc_desc *sc = arch_syscall(si->arch, si->nr);
	if ((tr->flags & TF_HIDE) && sc && sc->id == SC_execve) {
		tr->flags &= ~TF_HIDE;	/* the command's own life starts here */
		if (sup->policy)
			fdpass_start(&sup->fdpass, tr->tid);
	}
	tr->flags |= TF_IN_SYSCALL;
	tr->arch = si->arch;
	if (sup->policy && !(tr->flags & TF_HIDE))
		enforce(sup, tr, si);
	if (!tracing(sup, tr))
		return;
	struct call_view cv;
	fill_view(&cv, tr->tid, si);
	decode_entry(&tr->rec, &cv);
	if (sc && sc->ret == RK_NORETURN) {
		decode_unfinished(&tr->rec);
		trace_call(&sup->trace, &tr->rec);
		tr->flags &= ~TF_IN_SYSCALL;
	}
}

/* Whether the exit stop of tr's call owes it anything: every piece of
 * work on_syscall_exit does, as a test.  A call that needs none runs
 * without an exit stop under the prefilter (skip_exit_stop), so exit
 * work added there must be added here, or its exit stop never comes. */
static bool exit_work_needed(const struct supervisor *sup, const struct tracee *tr)
{
	return (tr->flags & (TF_REWROTE | TF_DENIED)) ||	/* registers back; the errno */
	       tr->npin || tr->fd_call ||		/* pinfd_exit: close the pins; pinfd_call_done */
	       tr->held_guard ||			/* pinfd_exit: drop a guard (reopen, fdpass) */
	       tr->held.nsig || tr->held.group_stop ||	/* pinfd_exit: inject_settle */
	       tr->fdpass_exit != FDPASS_EXIT_NONE ||	/* fdpass_exit: seal new sockets */
	       tr->fork_counted ||			/* proclimit_settled */
	       tr->mm_frozen ||				/* mmfreeze_end */
	       tracing(sup, tr);			/* the trace line's result */
}

static void on_syscall_exit(struct supervisor *sup, struct tracee *tr, const struct stop_info *si_in)
{
	/* Pinned directories closed first: the rest finds the stop as it was. */
	bool ran_own = pinfd_exit(&sup->pins, tr, sup->edit_mode) > 0;
	bool pending = tr->flags & TF_IN_SYSCALL;
	struct stop_info copy = *si_in, *si = &copy;
	tr->flags &= ~TF_IN_SYSCALL;
	if (tr->flags & TF_REWROTE) {
		tr->flags &= ~TF_REWROTE;
		int r = sysedit_restore_args(tr->tid, tr->arch, tr->saved_args, tr->rewrote);
		if (r == 0 && pin_restarts(si->rval))
			r = pin_restore_nr(tr->tid, tr->arch, tr->saved_nr);
		if (r == 0 && tr->mmsg_vec) {
			int64_t rv = pin_mmsg_result(tr->tid, tr->arch->wordsize, tr->mmsg_vec, si->rval);
			if (rv != si->rval)
				r = sysedit_result(tr->tid, tr->arch, sup->edit_mode, rv);
			si->rval = rv;
		}
		tr->mmsg_vec = 0;
		if (r == 0 && tr->recv_mode) {
			int64_t rv = fdpass_recv_result(tr, si->rval);
			if (rv != si->rval)
				r = sysedit_result(tr->tid, tr->arch, sup->edit_mode, rv);
			si->rval = rv;
		}
		tr->recv_mode = 0;
		if (r == 0 && ran_own)
			r = pin_keep_restart(tr->tid, tr->arch, tr->saved_nr, tr->saved_args[0], si->rval);
		if (r < 0 && r != -ESRCH) {
			errno = -r;
			die_perror("cannot restore the registers of pid %d", (int)tr->tid);
		}
	}
	if (tr->flags & TF_DENIED) {
		tr->flags &= ~TF_DENIED;
		int r = sysedit_result(tr->tid, tr->arch, sup->edit_mode, -(int64_t)tr->deny_err);
		if (r < 0 && r != -ESRCH) {
			errno = -r;
			die_perror("cannot set the result of pid %d", (int)tr->tid);
		}
		si->rval = -(int64_t)tr->deny_err;
	}
	fdpass_exit(&sup->fdpass, tr, si->rval);
	proclimit_settled(&sup->plimit, tr);
	if (tr->mm_frozen)
		mmfreeze_end(&sup->freeze, &sup->pins, &sup->tracees, tr->tid);
	/* An exit without our entry: the call janus attached in. */
	if (!pending || !tracing(sup, tr))
		return;
	struct call_view cv;
	fill_view(&cv, tr->tid, si);
	cv.arch = tr->rec.arch;		/* the entry's ABI governs the decoding */
	cv.sc = tr->rec.sc;
	cv.nr = tr->rec.nr;
	memcpy(cv.args, tr->rec.args, sizeof cv.args);
	decode_exit(&tr->rec, &cv);
	trace_call(&sup->trace, &tr->rec);
}

/* Whether tr is at a seccomp stop still: janus's own calls in it at its
 * entry (inject.h) leave it at a syscall-entry stop instead.  Unknown
 * (no PTRACE_GET_SYSCALL_INFO) counts as not. */
static bool at_seccomp_stop(const struct supervisor *sup, pid_t tid)
{
	struct __ptrace_syscall_info info;
	if (!sup->use_syscall_info)
		return false;
	long n = ptrace((enum __ptrace_request)PTRACE_GET_SYSCALL_INFO, tid, (void *)sizeof info, &info);
	return n > 0 && info.op == PTRACE_SYSCALL_INFO_SECCOMP;
}

/* Under the prefilter, a call judged at its seccomp stop that owes its
 * exit stop nothing runs without one: janus counts it out of its call
 * and resumes it with PTRACE_CONT, so the next stop of tr is a new
 * call's or an event.  Only from the seccomp stop itself: from the
 * syscall-entry stop janus's calls leave it at, the call meets the
 * filter again and stops there (on_seccomp, which asks again). */
static void skip_exit_stop(const struct supervisor *sup, struct tracee *tr, bool at_seccomp)
{
	if (sup->prefilter && (tr->flags & TF_IN_SYSCALL) && !exit_work_needed(sup, tr) &&
	    (at_seccomp || at_seccomp_stop(sup, tr->tid)))
		tr->flags &= ~TF_IN_SYSCALL;
}

/* seccomp: a seccomp stop (the call not judged yet). */
static void on_syscall(struct supervisor *sup, struct tracee *tr, bool seccomp)
{
	struct stop_info si;
	bool entry_hint = !(tr->flags & TF_IN_SYSCALL);
	int r = sysinfo_get(tr->tid, sup->use_syscall_info, entry_hint, &si);
	if (r == -ESRCH)
		return;		/* killed meanwhile: its death is the next event */
	if (r < 0) {
		errno = -r;
		die_perror("cannot read the system call of pid %d", (int)tr->tid);
	}
	if (si.op == STOP_ENTRY)
		on_syscall_entry(sup, tr, &si);
	else if (si.op == STOP_EXIT)
		on_syscall_exit(sup, tr, &si);
	if (seccomp && si.op == STOP_ENTRY)
		skip_exit_stop(sup, tr, false);
	resume(tr->tid, resume_request(sup, tr), 0);
}

/* A prefilter stop, or one of a filter of the program's own that answered
 * SECCOMP_RET_TRACE.  A call janus judged at its syscall-entry stop
 * (or re-entered after janus's calls in it) already goes on to its exit,
 * if it owes that anything; any other is judged here, as at an entry
 * stop (the call has not run). */
static void on_seccomp(struct supervisor *sup, struct tracee *tr)
{
	if (tr->flags & TF_IN_SYSCALL) {
		skip_exit_stop(sup, tr, true);
		resume(tr->tid, resume_request(sup, tr), 0);
		return;
	}
	on_syscall(sup, tr, true);
}

/* clone(CLONE_VM|SIGCHLD) is reported as a fork: only a child with an
 * address space of its own may keep its parent's region.  Unknown
 * (kcmp failed) counts as shared: the child then maps its own. */
static bool same_mm(pid_t a, pid_t b)
{
	long order = syscall(SYS_kcmp, a, b, KCMP_VM, 0, 0);
	return order != 1 && order != 2;	/* 0: same; -1: unknown */
}

static void on_new_child(struct supervisor *sup, struct tracee *tr, bool ev_is_fork,
			 bool ev_is_vfork)
{
	unsigned long msg = 0;
	if (ptrace(PTRACE_GETEVENTMSG, tr->tid, NULL, &msg) == 0 && msg) {
		/* The child may have reported its attach stop already. */
		struct tracee *child = tracee_add(&sup->tracees, (pid_t)msg, 0);
		/* Until its next stop, which the exit stop of its vfork makes
		 * sure comes before it runs again (mmfreeze.h). */
		if (ev_is_vfork && sup->policy)
			tr->flags |= TF_VFORK_WAIT | TF_IN_SYSCALL;
		child->fd_guard = tr->fd_guard;		/* filters are inherited */
		proclimit_settled(&sup->plimit, tr);	/* the child counts itself now */
		debug_msg("pid %d: new tracee %lu", (int)tr->tid, msg);
		/* A fork child has its own copy of the parent's regions at the
		 * same addresses; threads and vfork children map their own. */
		if (ev_is_fork && !child->scratch[0] && !child->scratch[1] &&
		    !same_mm(tr->tid, child->tid)) {
			for (int i = 0; i < 2; i++)
				if ((child->scratch[i] = tr->scratch[i]))
					scratch_hold(&sup->regions, child->scratch[i]);
		}
	}
	resume(tr->tid, resume_request(sup, tr), 0);
}

/* tid's personality has READ_IMPLIES_EXEC; unknown counts as not (a task
 * gone has nothing left to run). */
static bool reads_as_exec(pid_t tid)
{
	char buf[32];
	return procfs_read(tid, "personality", buf, sizeof buf) > 0 &&
	       (strtoul(buf, NULL, 16) & READ_IMPLIES_EXEC);
}

static void on_exec(struct supervisor *sup, struct tracee *tr)
{
	unsigned long former = 0;
	pid_t tid = tr->tid;
	if (ptrace(PTRACE_GETEVENTMSG, tid, NULL, &former) == 0 && (pid_t)former != tid) {
		/* A non-leader thread exec'd: it now has the leader's tid, and
		 * its call record (the execve) moves with it. */
		debug_msg("exec by thread %lu: it is now %d", former, (int)tid);
		struct tracee *leader = tracee_find(&sup->tracees, tid);
		if (leader) {
			drop_scratch(sup, leader);
			pinfd_drop(&sup->pins, leader);
		}
		struct tracee *moved = tracee_rename(&sup->tracees, (pid_t)former, tid);
		moved->rec.pid = tid;	/* the execve line is the leader's now */
		tr = moved;
	}
	/* Killed here if it runs what was not checked (execcheck.h), or
	 * with READ_IMPLIES_EXEC, which the kernel gives a 32-bit program
	 * whose header asks for an executable stack: every readable mapping
	 * would be executable, out of sight of the exec check of mappings. */
	if (!execcheck_event(sup->policy, tr) && sup->policy &&
	    judge_checks_mappings(&sup->judge, tr->arch ? tr->arch : arch_native()) &&
	    reads_as_exec(tid)) {
		warn_msg("pid %d: runs with READ_IMPLIES_EXEC (an executable stack asked by a "
			 "32-bit program): its readable mappings would be executable: killing it",
			 (int)tid);
		kill(tid, SIGKILL);
	}
	/* A new program, a new address space: no region, nothing to restore. */
	drop_scratch(sup, tr);
	resume(tid, resume_request(sup, tr), 0);
}

static void on_group_stop(struct supervisor *sup, struct tracee *tr, const struct janus_event *ev)
{
	if (ptrace(PTRACE_LISTEN, ev->tid, NULL, NULL) < 0 && errno != ESRCH)
		die_perror("PTRACE_LISTEN %d", (int)ev->tid);
	tr->flags |= TF_LISTENING;	/* until its next stop */
	if (ev->tid == sup->command)
		jobctl_mirror_stop(sup->command, ev->sig);
}

static void on_gone(struct supervisor *sup, const struct janus_event *ev)
{
	struct tracee *tr = tracee_find(&sup->tracees, ev->tid);
	if (tr && (tr->flags & TF_IN_SYSCALL) && tracing(sup, tr)) {
		decode_unfinished(&tr->rec);	/* killed inside a call */
		trace_call(&sup->trace, &tr->rec);
	}
	if (tr && !(tr->flags & TF_HIDE))
		trace_exit(&sup->trace, ev->tid, ev->status);
	if (ev->tid == sup->command) {
		sup->command_status = ev->status;
		sup->command_done = true;
	}
	proclimit_gone(&sup->plimit, tr, ev->tid);
	forget(sup, ev->tid);
}

void sup_dispatch(struct supervisor *sup, const struct janus_event *ev)
{
	if (ev->kind == EV_EXITED || ev->kind == EV_KILLED) {
		on_gone(sup, ev);
		return;
	}
	/* Kept while another task's call holds its address space still. */
	if (sup->freeze.nowner && mmfreeze_keep(&sup->freeze, &sup->tracees, ev->tid, ev->status))
		return;
	/* A stop of a task janus has not heard of yet: a new child whose
	 * attach stop overtook its parent's fork event. */
	struct tracee *tr = tracee_add(&sup->tracees, ev->tid, 0);
	tr->flags &= ~(TF_LISTENING | TF_VFORK_WAIT);
	if (tr->flags & TF_STARTUP) {
		tr->flags &= ~TF_STARTUP;
		if (ev->kind == EV_EVENT_STOP || ev->kind == EV_GROUP_STOP) {
			resume(ev->tid, resume_request(sup, tr), 0);	/* the attach stop */
			return;
		}
	}
	switch (ev->kind) {
	case EV_SYSCALL:
		on_syscall(sup, tr, false);
		break;
	case EV_NEW_CHILD:
		on_new_child(sup, tr, ev->event == PTRACE_EVENT_FORK,
			     ev->event == PTRACE_EVENT_VFORK);
		break;
	case EV_EXEC:
		on_exec(sup, tr);
		break;
	case EV_SECCOMP:
		on_seccomp(sup, tr);
		break;
	case EV_EVENT_STOP:
		resume(ev->tid, resume_request(sup, tr), 0);
		break;
	case EV_GROUP_STOP:
		on_group_stop(sup, tr, ev);
		break;
	case EV_SIGNAL:
		pinfd_signal(tr, ev->sig);	/* one janus held back: its own siginfo */
		resume(ev->tid, resume_request(sup, tr), ev->sig);
		break;
	case EV_EXITED:
	case EV_KILLED:
		break;
	}
}
