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
#include <sys/personality.h>
#include <sys/un.h>
#include <unistd.h>

#include "canon.h"
#include "clone_args.h"
#include "judge.h"
#include "log.h"
#include "mapped.h"
#include "mem.h"
#include "members.h"
#include "msghdr.h"
#include "subcall.h"

/* The kernel refuses larger control buffers (net.core.optmem_max: 20 KiB
 * by default before Linux 6.8, 128 KiB since); janus reads them whole so
 * nothing hides past a cap. */
#define CONTROL_MAX (64 * 1024)
/* What fits in the scratch region beside a msghdr, its address and
 * socketcall's argument array: the most control data janus can pin. */
#define PIN_CONTROL_MAX (SCRATCH_SIZE - 512)

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

/* The kernel is given the canonical path janus checked: absolute, no
 * symlink left to follow, so neither another thread's chdir nor a changed
 * buffer alters what it opens; and, for the calls pinfd.h pins, walked
 * from a descriptor of its directory, so that no component swapped after
 * the check is followed either.  exec keeps the program's own spelling
 * (it becomes AT_EXECFN and a script's $0), copied as it was read; the
 * file it runs is checked at the exec event (execcheck.h). */
static void plan_path(struct judge *j, struct copy_plan *plan, const struct policy_path *p,
		      const char *raw, const char *canonical)
{
	const char *s = (p->access & POLICY_FS_EXEC) ? raw : canonical;
	bool names_fixed = pinfd_only_looks(p) && !policy_fs_mutable(j->policy, canonical);
	pinfd_want_path(&j->want, plan_add(plan, p->arg, s, strlen(s) + 1), p, raw, canonical,
			names_fixed);
}

/* An open of path i that ended on a descriptor the caller holds
 * (canon's via), asking no more than that descriptor gives: a call on the
 * descriptor (reopen.h).  The kernel gets "/proc/thread-self/fd/N", which
 * pinfd_entry guards and checks is still the file judged.  False: an
 * ordinary path (also when more access is asked: then the path is judged
 * and opened by name, as any). */
static bool plan_reopen(struct judge *j, struct tracee *tr, struct sc_event *ev,
			const struct policy_path *pp, int i, const struct canon_fd *via,
			struct copy_plan *plan)
{
	const struct sc_desc *sc = arch_syscall(ev->arch, ev->nr);
	enum sc_id id = sc ? sc->id : SC_COUNT;
	struct reopen_id held;
	if (via->fd < 0 || pp->arg < 0 || !plan || j->want.held_fd >= 0 ||
	    (id != SC_open && id != SC_openat && id != SC_openat2 && id != SC_creat) ||
	    !reopen_own_table(tr->tid, via->pid) || reopen_identify(tr->tid, via->fd, &held) < 0 ||
	    (pp->access & ~policy_fs_held(held.flags)))
		return false;
	ev->held[i] = policy_fs_held(held.flags);
	snprintf(j->reopen, sizeof j->reopen, "/proc/thread-self/fd/%d", via->fd);
	plan_add(plan, pp->arg, j->reopen, strlen(j->reopen) + 1);
	j->want.held_fd = via->fd;
	j->want.held_id = held;
	return true;
}

/* A call on a descriptor (fchmod, fchown, fsetxattr, futimens, mmap with
 * PROT_EXEC ...): the descriptor is guarded for the call and must still
 * be the file judged when it runs, as for a reopen (pinfd_entry):
 * another thread could put another file at its number (dup2) between the
 * check and the kernel (escape e0210).  Its identity is taken before its
 * path is resolved, so that a swap in between fails the check.  Not
 * fchdir: a cwd grants nothing, every later path is resolved from where
 * the cwd really is. */
static int guard_object_fd(struct judge *j, struct tracee *tr, const struct sc_event *ev,
			   const struct policy_path *pp)
{
	const struct sc_desc *sc = arch_syscall(ev->arch, ev->nr);
	if (!sc || sc->id == SC_fchdir || pp->dirfd < 0 || j->want.held_fd >= 0)
		return 0;
	int fd = (int)(int32_t)ev->args[pp->dirfd];
	if (fd < 0)
		return 0;	/* AT_FDCWD: the kernel's error */
	int r = reopen_identify(tr->tid, fd, &j->want.held_id);
	if (r < 0)
		return r == -ENOENT ? -EBADF : r;
	j->want.held_fd = fd;
	return 0;
}

/* mprotect adding PROT_EXEC: the file mapped there (mapped.h); "" for
 * anonymous memory.  More than one file is refused by the caller. */
static int resolve_mapped(struct tracee *tr, const struct sc_event *ev, char *out)
{
	/* The thread's own view: a leader that exited (a zombie while its
	 * threads live) has no mappings left to show. */
	return mapped_file(tr->tid, ev->args[0], ev->args[1], out, PATH_MAX);
}

static int resolve_paths(struct judge *j, struct tracee *tr, struct sc_event *ev,
			 struct copy_plan *plan)
{
	struct policy_path pp[2];
	int n = policy_paths(ev, pp);
	struct canon_fd via;
	struct canon_ctx cc = { tr->tid, tgid_of(tr), &via };
	for (int i = 0; i < n; i++) {
		int dirfd = pp[i].dirfd >= 0 ? (int)(int32_t)ev->args[pp[i].dirfd] : AT_FDCWD;
		int r;
		if (pp[i].mapped) {
			r = resolve_mapped(tr, ev, j->path[i]);
		} else if (pp[i].arg < 0) {
			r = guard_object_fd(j, tr, ev, &pp[i]);
			if (r == 0)
				r = canon_resolve(&cc, dirfd, "", CANON_EMPTY_PATH, j->path[i],
						  PATH_MAX);
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
		if (pp[i].arg >= 0 && !plan_reopen(j, tr, ev, &pp[i], i, &via, plan))
			plan_path(j, plan, &pp[i], j->raw[i], j->path[i]);
	}
	return 0;
}

/* The kernel gets the socket path janus checked (plan item `item`, the
 * address argument arg): connect and sendto the socket file itself,
 * pinned with a descriptor (pinfd.h; as i386 socketcall sub-calls, whose
 * length word is then patched in the copy of the argument array, see
 * lengths_in_array); bind, which creates it, and a path under /proc, the
 * canonical path, absolute, so another thread's chdir cannot change it.
 * The kernel takes at most 108 bytes (sun_path): a canonical path longer
 * than that is refused (ENAMETOOLONG), as janus cannot pin the program's
 * relative spelling. */
static int plan_unix_path(struct judge *j, struct copy_plan *plan, int item, int arg, bool creates,
			  bool subcall, unsigned ws)
{
	const char *canonical = j->path[0];
	if (item < 0)
		return 0;
	if (!creates && (!subcall || ws == 4) && strncmp(canonical, "/proc/", 6) != 0) {
		pinfd_want_socket(&j->want, item, canonical, -1, 0);
		return 0;
	}
	size_t n = strlen(canonical);
	if (n > sizeof(struct sockaddr_un) - offsetof(struct sockaddr_un, sun_path))
		return -ENAMETOOLONG;
	size_t len = offsetof(struct sockaddr_un, sun_path) + n + 1;
	if (len > sizeof(struct sockaddr_un))
		len = sizeof(struct sockaddr_un);	/* 108 bytes, no NUL: the kernel's limit */
	if (subcall && len > plan->item[item].len)
		return 0;	/* the length is in the argument array: as it was (to do) */
	/* As large as any address, so an item keeping its length reads no
	 * further than this copy. */
	struct sockaddr_un *un = plan_own(plan, sizeof(struct sockaddr_storage));
	if (!un)
		return -ENOBUFS;
	un->sun_family = AF_UNIX;
	memcpy(un->sun_path, canonical, n);
	plan->item[item].data = un;
	if (!subcall) {
		plan->item[item].len = len;
		plan_set(plan, arg + 1, len);
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
	int item = arg >= 0 ? plan_add(plan, arg, &j->addr, (size_t)len) : -1;
	const struct sockaddr_un *un = (const struct sockaddr_un *)&j->addr;
	size_t pathlen = len > offsetof(struct sockaddr_un, sun_path)
			 ? len - offsetof(struct sockaddr_un, sun_path) : 0;
	if (un->sun_family == AF_UNIX && pathlen && un->sun_path[0]) {
		/* sockaddr_storage is larger than sockaddr_un: always NUL-ended. */
		struct canon_ctx cc = { tr->tid, tgid_of(tr), NULL };
		unsigned f = creates ? CANON_NOFOLLOW | CANON_MAY_NOT_EXIST : CANON_MAY_NOT_EXIST;
		int r = canon_resolve(&cc, AT_FDCWD, un->sun_path, f, j->path[0], PATH_MAX);
		if (r < 0)
			return r;
		ev->path[0] = j->path[0];
		return plan_unix_path(j, plan, item, arg, creates, ev->id != SC_COUNT,
				      ev->arch->wordsize);
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

/* The msg_name to give the kernel for a checked AF_UNIX pathname: the
 * canonical path janus checked, absolute (as for bind), so another
 * thread's chdir cannot move it (escape e0110); pinned then like
 * connect's address (pin_msghdr).  NULL: keep the bytes that were
 * checked. */
static const void *canonical_name(const struct sc_event *ev, struct copy_plan *plan, size_t *len,
				  int *err)
{
	const char *path = ev->path[0];
	if (!ev->addr || ev->addr->sa_family != AF_UNIX || !path || path[0] != '/' ||
	    strncmp(path, "/proc/", 6) == 0)
		return NULL;
	size_t n = strlen(path);
	if (n > sizeof(struct sockaddr_un) - offsetof(struct sockaddr_un, sun_path)) {
		*err = -ENAMETOOLONG;
		return NULL;
	}
	struct sockaddr_un *un = plan_own(plan, sizeof(struct sockaddr_storage));
	if (!un) {
		*err = -ENOBUFS;
		return NULL;
	}
	un->sun_family = AF_UNIX;
	memcpy(un->sun_path, path, n);
	*len = offsetof(struct sockaddr_un, sun_path) + n + 1;
	if (*len > sizeof(struct sockaddr_un))
		*len = sizeof(struct sockaddr_un);	/* 108 bytes, no NUL: the kernel's limit */
	return un;
}

/* Pins the msghdr m was read as (plan item for args[arg]; -1: linked by
 * the caller): a copy of it whose msg_name and msg_control point at
 * copies of the address and control bytes that were checked (what was not
 * checked keeps the program's pointer).  sendmsg only reads the msghdr
 * (net/socket.c ___sys_sendmsg): a read-only copy serves. */
static int pin_msghdr(struct judge *j, const struct sc_event *ev, struct msghdr_view *m,
		      bool control, struct copy_plan *plan, int arg)
{
	unsigned ws = ev->arch->wordsize;
	const void *name = ev->addr;
	size_t namelen = ev->addrlen;
	int err = 0;
	const void *canon = canonical_name(ev, plan, &namelen, &err);
	if (err)
		return err;
	if (canon)
		name = canon;
	unsigned char *img = plan_own(plan, msghdr_size(ws));
	if (!img)
		return -ENOBUFS;
	if (name)
		m->namelen = (uint32_t)namelen;	/* what was checked, clamped as below */
	msghdr_image(ws, m, img);
	int hdr = plan_add(plan, arg, img, msghdr_size(ws));
	if (name) {
		int item = plan_add(plan, -1, name, namelen);
		plan_link(plan, hdr, 0, item);
		/* The socket file walked from a descriptor, as for connect
		 * (escape e0208): msg_namelen follows msg_name's pointer. */
		if (canon)
			pinfd_want_socket(&j->want, item, ev->path[0], hdr, ws);
	}
	if (control)
		plan_link(plan, hdr, 4 * (size_t)ws, plan_add(plan, -1, j->control, m->controllen));
	return plan->full ? -ENOBUFS : 0;
}

/* One struct msghdr of sendmsg/sendmmsg: its msg_name and its cmsgs,
 * pinned when plan is given (see pin_msghdr).  *out: the msghdr read. */
static int fetch_msghdr(struct judge *j, struct tracee *tr, struct sc_event *ev,
			uint64_t addr, unsigned need, struct copy_plan *plan, int arg,
			struct msghdr_view *out)
{
	struct msghdr_view m;
	unsigned ws = ev->arch->wordsize;
	int r = msghdr_read(mem_read_cb, (void *)(intptr_t)tr->tid, ws, addr, &m);
	if (r < 0)
		return r;
	/* msg_namelen as the kernel's __copy_msghdr takes it: none without a
	 * name, negative refused, longer than any address cut to one. */
	if (!m.name)
		m.namelen = 0;
	if ((int32_t)m.namelen < 0)
		return -EINVAL;
	if (m.namelen > sizeof(struct sockaddr_storage))
		m.namelen = sizeof(struct sockaddr_storage);
	if (need & POLICY_NEED_SOCKADDR) {
		r = fetch_sockaddr(j, tr, ev, m.name, m.namelen, false, NULL, -1);
		if (r < 0)
			return r;
	}
	bool control = (need & POLICY_NEED_CMSG) && m.control && m.controllen;
	if (control) {
		/* Too much to pin is refused as the kernel refuses control data
		 * beyond net.core.optmem_max (doc/races.md). */
		if (m.controllen > (plan ? PIN_CONTROL_MAX : CONTROL_MAX))
			return -ENOBUFS;
		long got = mem_read(tr->tid, m.control, j->control, (size_t)m.controllen);
		if (got < (long)m.controllen)
			return -EFAULT;
		cmsg_walk(j->control, (size_t)m.controllen, ws, note_cmsg, &ev->cmsg);
	}
	if (out)
		*out = m;
	return plan ? pin_msghdr(j, ev, &m, control, plan, arg) : 0;
}

/* The address-carrying calls; the sockaddr or msghdr is pinned as the
 * argument register it came in (a socketcall sub-call's plan is nested
 * into a copy of its argument array afterwards, by subcall_pin). */
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
		return fetch_msghdr(j, tr, ev, ev->args[1], need, plan, 1, NULL);
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
	if (ev->id != SC_COUNT && !(sc && sc->id == SC_socketcall))
		plan = NULL;	/* ipc(2): nothing it points at is checked */
	if (need & POLICY_NEED_PATHS) {
		r = resolve_paths(j, tr, ev, plan);
		if (r < 0)
			return r;	/* the kernel's own lookup would fail so */
		if (ev->path[0] && ev->path[0][0] && j->want.held_fd < 0)
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

/* One message of sendmmsg judged as a sendmsg (pinned when plan is
 * given).  False: *v refuses the call. */
static bool judge_message(struct judge *j, struct tracee *tr, struct sc_event *ev,
			  uint64_t addr, unsigned need, struct verdict *v, struct copy_plan *plan,
			  struct msghdr_view *m)
{
	struct sc_event one = *ev;
	one.id = SC_sendmsg;
	one.addr = NULL;
	one.addrlen = 0;
	one.cmsg = 0;
	one.path[0] = NULL;
	int r = fetch_msghdr(j, tr, &one, addr, need, plan, 1, m);
	if (r < 0) {
		refuse(v, -r, JUDGE_KERNEL);
		return false;
	}
	policy_eval(j->policy, &one, v);
	if (v->action == VERDICT_ALLOW)
		return true;
	/* The report names what the refused message was sent to. */
	ev->addr = one.addr;
	ev->addrlen = one.addrlen;
	ev->path[0] = one.path[0];
	ev->cmsg = one.cmsg;
	return false;
}

/* sendmmsg: each message is judged as a sendmsg; one refused refuses the
 * call.  The kernel writes each message's msg_len back into the vector,
 * so the vector cannot be handed over read-only: the call runs as a
 * sendmsg of a pinned copy of the first message, and the exit stop writes
 * its msg_len and returns 1 (pin_exit.h); the caller sends the rest with
 * another call, as after any short count (doc/races.md).  The first
 * message is judged last, so the judge's buffers hold it when pinned. */
static void judge_sendmmsg(struct judge *j, struct tracee *tr, struct sc_event *ev,
			   unsigned need, struct verdict *v, struct copy_plan *plan)
{
	unsigned ws = ev->arch->wordsize;
	uint64_t vec = ev->args[1];
	unsigned vlen = (unsigned)ev->args[2];
	if (vlen > 1024)
		vlen = 1024;	/* UIO_MAXIOV: the kernel sends no more */
	for (unsigned i = 1; i < vlen; i++)
		if (!judge_message(j, tr, ev, vec + i * mmsghdr_size(ws), need, v, NULL, NULL))
			return;
	struct msghdr_view m;
	if (vlen == 0 || !judge_message(j, tr, ev, vec, need, v, plan, &m))
		return;		/* vlen 0: the kernel reads nothing */
	plan->call_as = SC_sendmsg;
	/* sendmmsg honours MSG_EOR in a message's msg_flags, sendmsg only in
	 * its flags argument (net/socket.c ___sys_sendmsg's allowed flags). */
	plan_set(plan, 2, (uint32_t)ev->args[3] | ((uint32_t)m.flags & MSG_EOR));
	plan_set(plan, 3, 0);
	plan->mmsg_vec = vec;
}

/* i386's old mmap takes its arguments in memory, where another thread
 * could change PROT_EXEC after the check: refused where paths are
 * checked (ENOSYS: no libc uses it, they have mmap2). */
static bool old_mmap(const struct sc_event *ev)
{
	const struct sc_desc *sc = arch_syscall(ev->arch, ev->nr);
	return sc && sc->id == SC_mmap && ev->arch->wordsize == 4;
}

/* personality(READ_IMPLIES_EXEC) makes every readable mapping executable
 * (PROT_READ implies PROT_EXEC), out of sight of the exec check of
 * mappings (policy/access.c exec_mapping): refused where paths are
 * checked.  0xffffffff only asks. */
static bool reads_as_exec(const struct judge *j, const struct sc_event *ev)
{
	const struct sc_desc *sc = arch_syscall(ev->arch, ev->nr);
	return sc && sc->id == SC_personality && (uint32_t)ev->args[0] != 0xffffffffu &&
	       (ev->args[0] & READ_IMPLIES_EXEC) && judge_checks_mappings(j, ev->arch);
}

bool judge_checks_mappings(const struct judge *j, const struct janus_arch *a)
{
	long nr = a ? arch_syscall_nr_by_id(a, SC_mprotect) : -1;
	return j->policy && nr >= 0 && (policy_needs(j->policy, a, (uint64_t)nr) & POLICY_NEED_PATHS);
}

/* mprotect: the range maps several files (mapped.h, -EMLINK). */
static bool mapped_call(const struct sc_event *ev)
{
	const struct sc_desc *sc = arch_syscall(ev->arch, ev->nr);
	return sc && (sc->id == SC_mprotect || sc->id == SC_pkey_mprotect);
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

/* Calls that would make a task janus does not trace: refused (-EPERM)
 * whatever the policy says.  clone3 carries its flags in memory: its
 * struct clone_args is read as the kernel reads it (other errors are the
 * kernel's own), checked, and pinned, so that the kernel creates the
 * task janus checked.  The kernel only reads it (copy_clone_args_from_user). */
static int untraced_child(struct judge *j, struct tracee *tr, const struct sc_event *ev,
			  struct copy_plan *plan)
{
	const struct sc_desc *sc = arch_syscall(ev->arch, ev->nr);
	if (sc && sc->id == SC_clone && (ev->args[0] & CLONE_UNTRACED))
		return -EPERM;
	if (!sc || sc->id != SC_clone3)
		return 0;
	long page = sysconf(_SC_PAGESIZE);
	size_t len, cap = page > 0 && page < CONTROL_MAX ? (size_t)page : CONTROL_MAX;
	int r = clone_args_read(mem_read_cb, (void *)(intptr_t)tr->tid, ev->args[0], ev->args[1],
				cap, j->control, &len);
	if (r < 0)
		return r;
	if (clone_args_flags(j->control) & CLONE_UNTRACED)
		return -EPERM;
	plan_add(plan, 0, j->control, len);
	if (len != ev->args[1])
		plan_set(plan, 1, len);	/* what follows was all zero */
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

/* After subcall_pin: a pinned socket address of a sub-call (connect,
 * sendto) was argument argof[i]; its length is the next word of the
 * argument array's copy, the plan's last item, not a register. */
static void lengths_in_array(struct pinfd_want *w, const int8_t argof[2], struct copy_plan *plan,
			     unsigned ws)
{
	for (unsigned i = 0; i < w->n; i++)
		if (w->it[i].kind == PINFD_SOCKET && w->it[i].len_item < 0) {
			w->it[i].len_item = (int8_t)(plan->n - 1);
			w->it[i].len_at = (uint16_t)((argof[i] + 1) * ws);
		}
}

void judge_call(struct judge *j, struct tracee *tr, const struct stop_info *si,
		struct sc_event *ev, struct verdict *v, struct copy_plan *plan)
{
	plan_init(plan);
	j->want.n = 0;
	j->want.held_fd = -1;
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
	if (reads_as_exec(j, ev)) {
		refuse(v, EPERM, "read implies exec");
		v->file = "<fixed>";
		return;
	}
	if (competes_with_tracer(ev)) {
		refuse(v, EPERM, "listener");
		v->file = "<fixed>";
		return;
	}
	int pinned = pinfd_guard(j->pins, tr, ev);
	if (pinned) {
		refuse(v, pinned, "pinned fd");
		v->file = "<fixed>";
		return;
	}
	int err = untraced_child(j, tr, ev, plan);
	if (err) {
		refuse(v, -err, err == -EPERM ? "untraced" : JUDGE_KERNEL);
		v->file = "<fixed>";
		return;
	}
	unsigned need = policy_needs(j->policy, si->arch, si->nr);
	if ((need & POLICY_NEED_PATHS) && old_mmap(ev)) {
		refuse(v, ENOSYS, "old mmap");
		v->file = "<fixed>";
		return;
	}
	if (need & ~POLICY_NEED_ARGS) {
		int r = fetch(j, tr, ev, need, plan);
		if (r == -EMLINK && mapped_call(ev)) {
			refuse(v, EACCES, "mapped files");
			v->file = "<fixed>";
			return;
		}
		if (r < 0) {
			/* Not a policy decision: the errno the kernel itself gives
			 * for this call (missing path, bad pointer, ...). */
			refuse(v, -r, JUDGE_KERNEL);
			return;
		}
	}
	const struct sc_desc *sc = arch_syscall(ev->arch, ev->nr);
	enum sc_id id = ev->id != SC_COUNT ? ev->id : sc ? sc->id : SC_COUNT;
	/* sendmmsg: the call as a whole must pass too (its syscall rule). */
	policy_eval(j->policy, ev, v);
	if (v->action == VERDICT_ALLOW && id == SC_sendmmsg &&
	    (need & (POLICY_NEED_SOCKADDR | POLICY_NEED_CMSG)))
		judge_sendmmsg(j, tr, ev, need, v, plan);
	/* A socketcall sub-call was judged on its argument array: the kernel
	 * gets a copy of it, pointing at the copies of the rest. */
	if (v->action == VERDICT_ALLOW && ev->id != SC_COUNT && sc && sc->id == SC_socketcall) {
		int8_t argof[2];
		for (unsigned i = 0; i < j->want.n; i++)
			argof[i] = plan->item[j->want.it[i].item].arg;
		int r = subcall_pin(plan, si->args[0], ev->args, ev->arch->wordsize);
		if (r < 0)
			refuse(v, -r, JUDGE_KERNEL);
		else
			lengths_in_array(&j->want, argof, plan, ev->arch->wordsize);
	}
}
