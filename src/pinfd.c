/* pinfd.c - pinned directories for path calls (see pinfd.h). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "grow.h"
#include "inject.h"
#include "log.h"
#include "pinfd.h"
#include "scratch.h"

/* The region holds the path at its start and struct open_how a page on. */
_Static_assert(SCRATCH_SIZE >= SCRATCH_PATH_MAX + 24, "scratch region too small for a pin");

static bool under_proc(const char *path)
{
	return strncmp(path, "/proc", 5) == 0 && (path[5] == '/' || path[5] == '\0');
}

bool pinfd_only_looks(const struct policy_path *p)
{
	return !(p->access & ~(uint32_t)(POLICY_FS_STAT | POLICY_FS_READLINK));
}

void pinfd_want_path(struct pinfd_want *w, int item, const struct policy_path *p,
		     const char *raw, const char *canonical, bool names_fixed)
{
	if (item < 0 || w->n == 2 || (p->access & POLICY_FS_EXEC) || under_proc(canonical))
		return;
	/* A call that only looks is pinned where a member could swap a name
	 * on its way (doc/races.md: the stat family is the most frequent
	 * checked call, and mostly looks where nothing can change). */
	if (pinfd_only_looks(p) && names_fixed)
		return;
	bool parent = !p->follow;
	if (parent && strcmp(canonical, "/") == 0)
		return;		/* no parent; "/" itself cannot be swapped */
	size_t n = strlen(raw);
	struct pinfd_item *it = &w->it[w->n++];
	*it = (struct pinfd_item){ (int8_t)item, parent ? PINFD_PARENT : PINFD_OBJECT,
				   n && raw[n - 1] == '/', "", canonical, -1, 0 };
	/* "d/." or "d/..": the kernel refuses to act on them (EINVAL,
	 * ENOTEMPTY, EEXIST ...), whichever directory they are in; the
	 * call gets the same last component. */
	while (n > 1 && raw[n - 1] == '/')
		n--;
	size_t b = n;
	while (b > 0 && raw[b - 1] != '/')
		b--;
	if (parent && (n - b == 1 || n - b == 2) && strncmp(raw + b, "..", n - b) == 0)
		memcpy(it->dot, raw + b, n - b);
}

void pinfd_want_socket(struct pinfd_want *w, int item, const char *canonical, int len_item,
		       size_t len_at)
{
	if (item >= 0 && w->n < 2 && !under_proc(canonical))
		w->it[w->n++] = (struct pinfd_item){ (int8_t)item, PINFD_SOCKET, false, "", canonical,
						     (int8_t)len_item, (uint16_t)len_at };
}

void pinfd_init(struct pinfd *p, const struct policy *pol)
{
	static const enum sc_id probes[] = { SC_unlinkat, SC_renameat2, SC_fchmodat, SC_connect };
	const struct janus_arch *a = arch_native();
	memset(p, 0, sizeof *p);
	for (unsigned i = 0; pol && i < sizeof probes / sizeof probes[0]; i++) {
		long nr = arch_syscall_nr_by_id(a, probes[i]);
		if (nr >= 0 && (policy_needs(pol, a, (uint64_t)nr) &
				(POLICY_NEED_PATHS | POLICY_NEED_SOCKADDR)))
			p->active = true;
	}
}

static void free_held(struct tracee *tr, void *arg)
{
	(void)arg;
	inject_state_free(&tr->held);
}

void pinfd_free(struct pinfd *p, struct tracee_table *t)
{
	tracee_foreach(t, free_held, NULL);
	free(p->v);
	free(p->stash);
	memset(p, 0, sizeof *p);
}

static void hold_ref(struct pinfd *p, pid_t tid, int fd)
{
	p->v = grow_room(p->v, p->n, &p->cap, sizeof *p->v, 16, "pinned descriptors");
	p->v[p->n++] = (struct pinfd_ref){ tid, fd };
}

void pinfd_forget(struct pinfd *p, struct tracee *tr)
{
	pinfd_call_done(p, tr);
	for (unsigned i = 0; i < p->n;)
		if (p->v[i].tid == tr->tid)
			p->v[i] = p->v[--p->n];
		else
			i++;
	tr->npin = 0;
	tr->held_guard = false;
}

void pinfd_drop(struct pinfd *p, struct tracee *tr)
{
	pinfd_forget(p, tr);
	inject_state_free(&tr->held);
}

void pinfd_stash(struct pinfd *p, pid_t tid, int status)
{
	p->stash = grow_room(p->stash, p->nstash, &p->stash_cap, sizeof *p->stash, 8,
			     "stashed stops");
	p->stash[p->nstash++] = (struct pinfd_stop){ tid, status };
}

/* tr could not be brought back from janus's calls: it must not go on.
 * A death janus reaped meanwhile goes to the event loop.  -ESRCH. */
int pinfd_lost(struct pinfd *p, struct tracee *tr, int r, const char *what)
{
	if (tr->held.dead) {
		tr->held.dead = false;
		pinfd_stash(p, tr->tid, tr->held.status);
		return -ESRCH;
	}
	if (r != -ESRCH)
		warn_msg("pid %d: cannot %s: %s: killing it", (int)tr->tid, what, strerror(-r));
	kill(tr->tid, SIGKILL);
	return -ESRCH;
}

/* Opens path in tr by injection: *fd, or *err the openat2 error.
 * Returns 0, or -errno when tr could not be brought back. */
static int open_in(struct pinfd *p, struct tracee *tr, const struct janus_arch *a,
		   enum sysedit_mode mode, const char *path, bool dir, int *fd, int *err)
{
	uint64_t base = tr->scratch[a->wordsize == 4];
	long nr = arch_syscall_nr_by_id(a, SC_openat2);
	size_t len = strlen(path) + 1;
	*err = 0;
	if (!base || nr < 0 || len > SCRATCH_PATH_MAX) {
		*err = !base ? ENOMEM : nr < 0 ? ENOSYS : ENAMETOOLONG;
		return 0;
	}
	/* struct open_how: flags, mode, resolve. */
	uint64_t how[3] = { O_PATH | O_CLOEXEC | (dir ? O_DIRECTORY : 0), 0,
			    RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS };
	int r = scratch_write_tr(tr, base, path, len);
	if (r == 0)
		r = scratch_write_tr(tr, base + SCRATCH_PATH_MAX, how, sizeof how);
	if (r < 0) {
		*err = -r;
		return r == -ESRCH ? r : 0;
	}
	uint64_t args[6] = { (uint64_t)(int64_t)AT_FDCWD, base, base + SCRATCH_PATH_MAX, sizeof how, 0, 0 };
	int64_t res;
	r = inject_at_entry(tr->tid, a, mode, (uint64_t)nr, args, &res, &tr->held);
	if (r < 0)
		return r;
	if (res < 0) {
		*err = res >= -4095 ? (int)-res : EIO;
		return 0;
	}
	*fd = (int)res;
	debug_msg("pid %d: %s pinned as its fd %d", (int)tr->tid, path, *fd);
	tr->pin_fd[tr->npin++] = *fd;
	hold_ref(p, tr->tid, *fd);
	return 0;
}

/* The directory or object item it of the plan is pinned as: *target
 * (PATH_MAX bytes) and, for a parent, the last component in *last. */
static void target_of(const struct pinfd_item *it, char *target, const char **last)
{
	snprintf(target, PATH_MAX, "%s", it->path);
	*last = it->dot;
	if (it->kind != PINFD_PARENT || it->dot[0])
		return;
	char *cut = strrchr(target, '/');
	*last = it->path + (cut - target) + 1;
	if (cut == target)
		cut[1] = '\0';	/* "/x": the parent is "/" */
	else
		*cut = '\0';
}

/* Points plan item it at descriptor fd. */
static void repoint(struct pinfd *p, unsigned i, const struct pinfd_item *it, int fd,
		    const char *last, struct copy_plan *plan)
{
	struct copy_item *ci = &plan->item[it->item];
	char *s = p->built[i];
	if (it->kind == PINFD_PARENT)
		snprintf(s, PINFD_PATH_MAX, "/proc/thread-self/fd/%d/%s%s", fd, last, it->slash ? "/" : "");
	else
		snprintf(s, PINFD_PATH_MAX, "/proc/thread-self/fd/%d", fd);
	if (it->kind != PINFD_SOCKET) {
		ci->data = s;
		ci->len = strlen(s) + 1;
		return;
	}
	/* The whole struct, so no length the program gave can cut it; the
	 * length is the argument after the address (connect, sendto) or the
	 * msg_namelen of the msghdr copy that links to it (sendmsg). */
	struct sockaddr_un *un = &p->un[i];
	memset(un, 0, sizeof *un);
	un->sun_family = AF_UNIX;
	memcpy(un->sun_path, s, strlen(s));
	ci->data = un;
	ci->len = sizeof *un;
	if (it->len_item >= 0)
		plan_put_u32(plan, it->len_item, it->len_at, sizeof *un);
	else
		plan_set(plan, ci->arg + 1, sizeof *un);
}

bool pinfd_stashed(const struct pinfd *p, pid_t tid)
{
	for (unsigned i = 0; i < p->nstash; i++)
		if (p->stash[i].tid == tid)
			return true;
	return false;
}

bool pinfd_unstash(struct pinfd *p, pid_t *tid, int *status)
{
	if (!p->nstash)
		return false;
	*tid = p->stash[0].tid;
	*status = p->stash[0].status;
	memmove(p->stash, p->stash + 1, --p->nstash * sizeof *p->stash);
	return true;
}

/* The program's own descriptor w->held_fd, opened again by name
 * (reopen.h): guarded like a pin until the exit stop, and still the file
 * that was judged (another thread may have put another there before the
 * guard).  0 or -errno. */
int pinfd_guard_fd(struct pinfd *p, struct tracee_table *t, struct tracee *tr, int fd)
{
	if (tr->fd_guard == PINFD_UNGUARDABLE)
		return -EPERM;
	pinfd_quiesce(p, t, tr);
	hold_ref(p, tr->tid, fd);
	tr->held_guard = true;
	return 0;
}

static int guard_held(struct pinfd *p, struct tracee *tr, const struct pinfd_want *w)
{
	struct reopen_id now;
	hold_ref(p, tr->tid, w->held_fd);
	tr->held_guard = true;
	int r = reopen_identify(tr->tid, w->held_fd, &now);
	if (r == -ENOENT)
		return r;	/* closed meanwhile: as the kernel would say */
	if (r < 0 || !reopen_same(&now, &w->held_id)) {
		debug_msg("pid %d: fd %d changed after the check", (int)tr->tid, w->held_fd);
		return -EACCES;
	}
	return 0;
}

int pinfd_entry(struct pinfd *p, struct tracee_table *t, struct tracee *tr, struct stop_info *si,
		enum sysedit_mode mode, bool use_info, const struct pinfd_want *w,
		struct copy_plan *plan)
{
	if ((!w->n || plan->to_openat2) && w->held_fd < 0)
		return 0;
	if (tr->fd_guard == PINFD_UNGUARDABLE)
		return -EPERM;	/* another task could swap the descriptor */
	/* Calls janus allowed before the pin existed cannot be refused now:
	 * they finish first.  No other can start until janus is done here. */
	pinfd_quiesce(p, t, tr);
	if (w->held_fd >= 0) {
		int r = guard_held(p, tr, w);
		if (r < 0 || !w->n || plan->to_openat2)
			return r;
	}
	static char target[2][PATH_MAX];
	int fds[2] = { -1, -1 };
	for (unsigned i = 0; i < w->n; i++) {
		const struct pinfd_item *it = &w->it[i];
		const char *last;
		if (it->item < 0 || (unsigned)it->item >= plan->n)
			continue;
		target_of(it, target[i], &last);
		for (unsigned k = 0; k < i; k++)
			if (fds[k] >= 0 && strcmp(target[k], target[i]) == 0)
				fds[i] = fds[k];	/* rename in one directory: one pin */
		if (fds[i] < 0) {
			int err;
			int r = open_in(p, tr, si->arch, mode, target[i], it->kind == PINFD_PARENT,
					&fds[i], &err);
			if (r < 0)	/* somewhere between two of janus's calls */
				return pinfd_lost(p, tr, r, "pin a path");
			if (err) {
				debug_msg("pid %d: pin of %s: %s", (int)tr->tid, target[i], strerror(err));
				return -err;
			}
		}
		repoint(p, i, it, fds[i], last, plan);
	}
	int r = sysinfo_get(tr->tid, use_info, true, si);
	return r == -ESRCH ? r : r < 0 ? -EIO : 0;
}

int pinfd_exit(struct pinfd *p, struct tracee *tr, enum sysedit_mode mode)
{
	int r = 0;
	pinfd_call_done(p, tr);
	if (tr->npin) {
		long nr = arch_syscall_nr_by_id(tr->arch, SC_close);
		for (unsigned i = 0; i < tr->npin && r == 0; i++) {
			uint64_t args[6] = { (uint64_t)tr->pin_fd[i], 0, 0, 0, 0, 0 };
			int64_t res;
			r = nr < 0 ? -ENOSYS
				   : inject_at_exit(tr->tid, tr->arch, mode, (uint64_t)nr, args, &res, &tr->held);
		}
		pinfd_forget(p, tr);
		if (r < 0)
			return pinfd_lost(p, tr, r, "close its pinned directory");
		r = 1;
	} else if (tr->held_guard) {
		pinfd_forget(p, tr);
	}
	if (tr->held.nsig || tr->held.group_stop)
		inject_settle(tr->tid, &tr->held);
	return r;
}

void pinfd_signal(struct tracee *tr, int sig)
{
	if (tr->held.nsig)
		inject_signal_stop(tr->tid, sig, &tr->held);
}

