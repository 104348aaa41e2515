/* judge.c - build the engine's view of a call (see judge.h). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/sched.h>
#include <linux/seccomp.h>
#include <sys/mman.h>
#include <sys/un.h>

#include "canon.h"
#include "judge.h"
#include "log.h"
#include "mem.h"
#include "members.h"
#include "msghdr.h"
#include "subcall.h"

/* The kernel refuses larger control buffers (net.core.optmem_max is
 * 20 KiB by default); janus reads them whole so nothing hides past a cap. */
#define CONTROL_MAX (64 * 1024)

void judge_init(struct judge *j, const struct policy *pol, struct tracee_table *t,
		const struct scratch_set *regions)
{
	memset(j, 0, sizeof *j);
	j->policy = pol;
	j->tracees = t;
	j->regions = regions;
	j->control = malloc(CONTROL_MAX);
	if (!j->control)
		die_perror("judge");
}

void judge_fini(struct judge *j)
{
	free(j->control);
	j->control = NULL;
}

static void refuse(struct verdict *v, int err, const char *what)
{
	memset(v, 0, sizeof *v);
	v->action = VERDICT_DENY;
	v->err = err;
	v->check = what;
	v->file = "<janus>";
}

static pid_t tgid_of(struct tracee *tr)
{
	if (tr->tgid)
		return tr->tgid;
	char path[64], line[128];
	snprintf(path, sizeof path, "/proc/%d/status", (int)tr->tid);
	FILE *f = fopen(path, "re");
	if (f) {
		int v;
		while (fgets(line, sizeof line, f))
			if (sscanf(line, "Tgid: %d", &v) == 1) {
				tr->tgid = v;
				break;
			}
		fclose(f);
	}
	return tr->tgid ? tr->tgid : tr->tid;
}

/* Reads the NUL-terminated string at addr into raw.  -ENAMETOOLONG
 * when no NUL comes within PATH_MAX, as the kernel's getname(). */
static int read_path(char raw[PATH_MAX], pid_t tid, uint64_t addr)
{
	size_t got = 0;
	while (got < PATH_MAX) {
		/* Read up to the next page boundary only: the string may end
		 * just before an unmapped page. */
		size_t chunk = 4096 - (size_t)((addr + got) % 4096);
		if (chunk > PATH_MAX - got)
			chunk = PATH_MAX - got;
		long n = mem_read(tid, addr + got, raw + got, chunk);
		if (n <= 0)
			return n < 0 ? (int)n : -EFAULT;
		char *nul = memchr(raw + got, '\0', (size_t)n);
		if (nul)
			return 0;
		got += (size_t)n;
		if ((size_t)n < chunk)
			return -EFAULT;
	}
	return -ENAMETOOLONG;
}

static unsigned canon_flags(const struct policy_path *p, const char *raw)
{
	unsigned f = CANON_MAY_NOT_EXIST;	/* absence is the kernel's to report */
	if (!p->follow)
		f |= CANON_NOFOLLOW;
	if (p->empty_fd && raw[0] == '\0')
		f |= CANON_EMPTY_PATH;
	return f;
}

/* open/openat/creat of a canonical path outside /proc (whose magic links
 * the program cannot swap, and which RESOLVE_NO_SYMLINKS would refuse):
 * plan the openat2 form, with flags and mode normalised as the kernel's
 * own open() does (build_open_how), since openat2 refuses what open
 * ignores. */
static void plan_openat2(struct copy_plan *plan, enum sc_id id, const uint64_t *a,
			 const char *canonical)
{
	uint64_t flags, mode;
	switch (id) {
	case SC_open: flags = a[1]; mode = a[2]; break;
	case SC_openat: flags = a[2]; mode = a[3]; break;
	case SC_creat: flags = O_CREAT | O_WRONLY | O_TRUNC; mode = a[1]; break;
	default: return;
	}
	if (!plan || plan->n != 1 || strncmp(canonical, "/proc/", 6) == 0)
		return;
	flags &= 0xffffffffu;	/* an int in every ABI */
	mode &= 07777;
	if (flags & O_PATH)
		flags &= O_DIRECTORY | O_NOFOLLOW | O_PATH | O_CLOEXEC;
	if (!(flags & (O_CREAT | __O_TMPFILE)))
		mode = 0;
	plan->to_openat2 = true;
	plan->how_flags = flags;
	plan->how_mode = mode;
}

/* A member's own /proc/PID is shown to the policy as /proc/self, so rules
 * can name it (the resolver turned /proc/self into /proc/PID). */
static void name_self(char *path, pid_t tgid)
{
	char own[32];
	int n = snprintf(own, sizeof own, "/proc/%d", (int)tgid);
	if (strncmp(path, own, (size_t)n) != 0 || (path[n] != '/' && path[n] != '\0'))
		return;
	memmove(path + 10, path + n, strlen(path + n) + 1);	/* 10 = strlen("/proc/self") */
	memcpy(path, "/proc/self", 10);
}

static void plan_add(struct copy_plan *plan, int arg, const void *data, size_t len)
{
	if (plan && plan->n < sizeof plan->item / sizeof plan->item[0])
		plan->item[plan->n++] = (struct copy_item){ (int8_t)arg, data, len };
}

/* The kernel is given the canonical path janus checked: absolute, no
 * symlink left to follow, so neither another thread's chdir nor a changed
 * buffer alters what it opens.  exec keeps the program's own spelling
 * (it becomes AT_EXECFN and a script's $0), copied as it was read. */
static void plan_path(struct copy_plan *plan, const struct policy_path *p,
		      const char *raw, const char *canonical)
{
	const char *s = (p->access & POLICY_FS_EXEC) ? raw : canonical;
	plan_add(plan, p->arg, s, strlen(s) + 1);
}

static int resolve_paths(struct judge *j, struct tracee *tr, struct sc_event *ev,
			 struct copy_plan *plan)
{
	struct policy_path pp[2];
	int n = policy_paths(ev, pp);
	struct canon_ctx cc = { tr->tid, tgid_of(tr) };
	for (int i = 0; i < n; i++) {
		int dirfd = pp[i].dirfd >= 0 ? (int)(int32_t)ev->args[pp[i].dirfd] : AT_FDCWD;
		int r;
		if (pp[i].arg < 0) {
			r = canon_resolve(&cc, dirfd, "", CANON_EMPTY_PATH, j->path[i], PATH_MAX);
		} else {
			r = read_path(j->raw[i], tr->tid, ev->args[pp[i].arg]);
			if (r == 0 && pp[i].empty_unchecked && j->raw[i][0] == '\0') {
				ev->path[i] = "";	/* fstat by another name */
				plan_add(plan, pp[i].arg, "", 1);
				continue;
			}
			if (r == 0)
				r = canon_resolve(&cc, dirfd, j->raw[i], canon_flags(&pp[i], j->raw[i]),
						  j->path[i], PATH_MAX);
		}
		if (r < 0)
			return r;
		name_self(j->path[i], cc.tgid);
		ev->path[i] = j->path[i];
		if (pp[i].arg >= 0)
			plan_path(plan, &pp[i], j->raw[i], j->path[i]);
	}
	return 0;
}

/* Copies the sockaddr at addr (len bytes) for the engine; an AF_UNIX
 * pathname is also resolved like a path (bind creates it: no follow). */
static int fetch_sockaddr(struct judge *j, struct tracee *tr, struct sc_event *ev,
			  uint64_t addr, uint64_t len, bool creates, struct copy_plan *plan, int arg)
{
	if (!addr || !len)
		return 0;	/* no address: a connected socket */
	if (len > sizeof j->addr)
		return -EINVAL;	/* as the kernel's move_addr_to_kernel() */
	memset(&j->addr, 0, sizeof j->addr);
	long got = mem_read(tr->tid, addr, &j->addr, (size_t)len);
	if (got < (long)len)
		return -EFAULT;
	ev->addr = (const struct sockaddr *)&j->addr;
	ev->addrlen = (socklen_t)len;
	if (arg >= 0)
		plan_add(plan, arg, &j->addr, (size_t)len);
	const struct sockaddr_un *un = (const struct sockaddr_un *)&j->addr;
	size_t pathlen = len > offsetof(struct sockaddr_un, sun_path)
			 ? len - offsetof(struct sockaddr_un, sun_path) : 0;
	if (un->sun_family == AF_UNIX && pathlen && un->sun_path[0]) {
		/* sockaddr_storage is larger than sockaddr_un: always NUL-ended. */
		struct canon_ctx cc = { tr->tid, tgid_of(tr) };
		unsigned f = creates ? CANON_NOFOLLOW | CANON_MAY_NOT_EXIST : CANON_MAY_NOT_EXIST;
		int r = canon_resolve(&cc, AT_FDCWD, un->sun_path, f, j->path[0], PATH_MAX);
		if (r < 0)
			return r;
		ev->path[0] = j->path[0];
	}
	return 0;
}

static void note_cmsg(void *arg, int level, int type, const unsigned char *data, size_t dlen)
{
	(void)data;
	(void)dlen;
	unsigned *bits = arg;
	if (level == SOL_SOCKET && type == SCM_RIGHTS)
		*bits |= POLICY_CMSG_RIGHTS;
	else if (level == SOL_SOCKET && type == SCM_CREDENTIALS)
		*bits |= POLICY_CMSG_CREDENTIALS;
}

/* One struct msghdr of sendmsg/sendmmsg: its msg_name and its cmsgs. */
static int fetch_msghdr(struct judge *j, struct tracee *tr, struct sc_event *ev,
			uint64_t addr, unsigned need)
{
	struct msghdr_view m;
	unsigned ws = ev->arch->wordsize;
	int r = msghdr_read(mem_read_cb, (void *)(intptr_t)tr->tid, ws, addr, &m);
	if (r < 0)
		return r;
	if (need & POLICY_NEED_SOCKADDR) {
		r = fetch_sockaddr(j, tr, ev, m.name, m.namelen, false, NULL, -1);
		if (r < 0)
			return r;
	}
	if ((need & POLICY_NEED_CMSG) && m.control && m.controllen) {
		if (m.controllen > CONTROL_MAX)
			return -ENOBUFS;
		long got = mem_read(tr->tid, m.control, j->control, (size_t)m.controllen);
		if (got < (long)m.controllen)
			return -EFAULT;
		cmsg_walk(j->control, (size_t)m.controllen, ws, note_cmsg, &ev->cmsg);
	}
	return 0;
}

/* plan is NULL for socketcall sub-calls: their arguments live in tracee
 * memory, not in registers (the copy of the argument array is to do). */
static int fetch_addresses(struct judge *j, struct tracee *tr, struct sc_event *ev,
			   enum sc_id id, unsigned need, struct copy_plan *plan)
{
	switch (id) {
	case SC_connect:
		return fetch_sockaddr(j, tr, ev, ev->args[1], ev->args[2], false, plan, 1);
	case SC_bind:
		return fetch_sockaddr(j, tr, ev, ev->args[1], ev->args[2], true, plan, 1);
	case SC_sendto:
		return fetch_sockaddr(j, tr, ev, ev->args[4], ev->args[5], false, plan, 4);
	case SC_sendmsg:
		return fetch_msghdr(j, tr, ev, ev->args[1], need);
	default:
		return 0;
	}
}

static bool target_member(struct judge *j, struct tracee *tr, const struct sc_event *ev,
			  const struct policy_target *t)
{
	int v = (int)(int32_t)ev->args[t->arg];
	switch (t->kind) {
	case POLICY_TARGET_PID:
		if (v > 0)
			return member_pid(j->tracees, v);
		if (v == 0)
			return member_pgrp(j->tracees, member_pgrp_of(tr->tid));
		if (v == -1)
			return false;
		return member_pgrp(j->tracees, -v);
	case POLICY_TARGET_SELF0:
		return v == 0 || member_pid(j->tracees, v);
	case POLICY_TARGET_TID:
		return member_pid(j->tracees, v);
	case POLICY_TARGET_PGID:
		/* 0, or a group led by a member, or one made only of members. */
		return v == 0 || member_pid(j->tracees, v) || member_pgrp(j->tracees, v);
	case POLICY_TARGET_PIDFD:
		return member_pidfd(j->tracees, tr->tid, v);
	case POLICY_TARGET_PRIO:
	case POLICY_TARGET_IOPRIO: {
		int which = (int)(int32_t)ev->args[t->arg - 1];
		/* PRIO_PROCESS / IOPRIO_WHO_PROCESS = 1 for ioprio, 0 for prio;
		 * groups; users are never "the jail". */
		bool process = t->kind == POLICY_TARGET_PRIO ? which == 0 : which == 1;
		bool group = t->kind == POLICY_TARGET_PRIO ? which == 1 : which == 2;
		if (process)
			return v == 0 || member_pid(j->tracees, v);
		if (group)
			return v == 0 ? member_pgrp(j->tracees, member_pgrp_of(tr->tid))
				      : member_pgrp(j->tracees, v);
		return false;
	}
	}
	return false;
}

static int fetch(struct judge *j, struct tracee *tr, struct sc_event *ev, unsigned need,
		 struct copy_plan *plan)
{
	int r;
	if (need & POLICY_NEED_SUBCALL) {
		r = subcall_decode(tr->tid, ev);
		if (r < 0)
			return r;
	}
	const struct sc_desc *sc = arch_syscall(ev->arch, ev->nr);
	enum sc_id id = ev->id != SC_COUNT ? ev->id : sc ? sc->id : SC_COUNT;
	if (ev->id != SC_COUNT)
		plan = NULL;	/* a sub-call: see fetch_addresses */
	if (need & POLICY_NEED_PATHS) {
		r = resolve_paths(j, tr, ev, plan);
		if (r < 0)
			return r;	/* the kernel's own lookup would fail so */
		if (ev->path[0] && ev->path[0][0])
			plan_openat2(plan, id, ev->args, ev->path[0]);
	}
	if (need & (POLICY_NEED_SOCKADDR | POLICY_NEED_CMSG)) {
		r = fetch_addresses(j, tr, ev, id, need, plan);
		if (r < 0)
			return r;
	}
	if (need & POLICY_NEED_TARGET) {
		struct policy_target t[2];
		int n = policy_targets(ev, t);
		ev->target_in_jail = true;
		for (int i = 0; i < n; i++)
			ev->target_in_jail &= target_member(j, tr, ev, &t[i]);
	}
	return 0;
}

/* sendmmsg: each message is judged as a sendmsg; the first refusal wins. */
static void judge_sendmmsg(struct judge *j, struct tracee *tr, struct sc_event *ev,
			   unsigned need, struct verdict *v)
{
	unsigned ws = ev->arch->wordsize;
	size_t stride = (7 * ws + 4 + ws - 1) / ws * ws;	/* struct mmsghdr */
	uint64_t vec = ev->args[1];
	unsigned vlen = (unsigned)ev->args[2];
	if (vlen > 1024)
		vlen = 1024;	/* UIO_MAXIOV: the kernel sends no more */
	struct sc_event one = *ev;
	one.id = SC_sendmsg;
	for (unsigned i = 0; i < vlen; i++) {
		one.addr = NULL;
		one.addrlen = 0;
		one.cmsg = 0;
		one.path[0] = NULL;
		int r = fetch_msghdr(j, tr, &one, vec + i * stride, need);
		if (r < 0) {
			refuse(v, -r, JUDGE_KERNEL);
			return;
		}
		policy_eval(j->policy, &one, v);
		if (v->action != VERDICT_ALLOW)
			return;
	}
}

/* Calls that would unmap, remap, unprotect, replace or seal a scratch
 * region: refused whatever the policy says. */
static bool touches_scratch(const struct judge *j, const struct sc_event *ev)
{
	const struct sc_desc *sc = arch_syscall(ev->arch, ev->nr);
	const uint64_t *a = ev->args;
	if (!sc || !j->regions || !j->regions->n)
		return false;
	switch (sc->id) {
	case SC_munmap: case SC_mprotect: case SC_pkey_mprotect: case SC_madvise:
	case SC_remap_file_pages: case SC_mseal:
		return scratch_touches(j->regions, a[0], a[1]);
	case SC_mremap:
		return scratch_touches(j->regions, a[0], a[1]) ||
		       ((a[3] & MREMAP_FIXED) && scratch_touches(j->regions, a[4], a[2]));
	case SC_mmap: case SC_mmap2:
		if (ev->arch->wordsize == 4 && sc->id == SC_mmap)
			return false;	/* i386 old_mmap: arguments in memory (to do) */
		return (a[3] & (MAP_FIXED | MAP_FIXED_NOREPLACE)) &&
		       scratch_touches(j->regions, a[0], a[1]);
	case SC_shmat:
		return a[1] && scratch_touches(j->regions, a[1], 1);
	default:
		return false;
	}
}

/* Calls that would make a task janus does not trace: refused whatever the
 * policy says.  clone3 carries its flags in memory, which janus does not
 * pin yet: ENOSYS, and libc falls back to clone, whose flags are in a
 * register. */
static int untraced_child(const struct sc_event *ev)
{
	const struct sc_desc *sc = arch_syscall(ev->arch, ev->nr);
	if (sc && sc->id == SC_clone3)
		return ENOSYS;
	if (sc && sc->id == SC_clone && (ev->args[0] & CLONE_UNTRACED))
		return EPERM;
	return 0;
}

/* A seccomp filter of the program's own is fine (it can only refuse
 * more; janus sees each call at its ptrace entry stop, before seccomp
 * runs), but not one with a user-notification listener: a sibling
 * answering SECCOMP_USER_NOTIF_FLAG_CONTINUE would decide calls beside
 * janus, and under a RET_TRACE prefilter, instead of it. */
static bool competes_with_tracer(const struct sc_event *ev)
{
	const struct sc_desc *sc = arch_syscall(ev->arch, ev->nr);
	return sc && sc->id == SC_seccomp && (uint32_t)ev->args[0] == SECCOMP_SET_MODE_FILTER &&
	       (ev->args[1] & SECCOMP_FILTER_FLAG_NEW_LISTENER);
}

void judge_call(struct judge *j, struct tracee *tr, const struct stop_info *si,
		struct sc_event *ev, struct verdict *v, struct copy_plan *plan)
{
	memset(plan, 0, sizeof *plan);
	memset(ev, 0, sizeof *ev);
	ev->arch = si->arch;
	ev->nr = si->nr;
	ev->id = SC_COUNT;
	memcpy(ev->args, si->args, sizeof ev->args);
	if (touches_scratch(j, ev)) {
		refuse(v, EPERM, "scratch");
		v->file = "<fixed>";
		return;
	}
	if (competes_with_tracer(ev)) {
		refuse(v, EPERM, "listener");
		v->file = "<fixed>";
		return;
	}
	int err = untraced_child(ev);
	if (err) {
		refuse(v, err, err == ENOSYS ? JUDGE_KERNEL : "untraced");
		v->file = "<fixed>";
		return;
	}
	unsigned need = policy_needs(j->policy, si->arch, si->nr);
	if (need & ~POLICY_NEED_ARGS) {
		int r = fetch(j, tr, ev, need, plan);
		if (r < 0) {
			/* Not a policy decision: the errno the kernel itself gives
			 * for this call (missing path, bad pointer, ...). */
			refuse(v, -r, JUDGE_KERNEL);
			return;
		}
	}
	const struct sc_desc *sc = arch_syscall(ev->arch, ev->nr);
	enum sc_id id = ev->id != SC_COUNT ? ev->id : sc ? sc->id : SC_COUNT;
	if (id == SC_sendmmsg && (need & (POLICY_NEED_SOCKADDR | POLICY_NEED_CMSG))) {
		/* The call as a whole must pass too (its syscall rule). */
		policy_eval(j->policy, ev, v);
		if (v->action == VERDICT_ALLOW)
			judge_sendmmsg(j, tr, ev, need, v);
		return;
	}
	policy_eval(j->policy, ev, v);
}
