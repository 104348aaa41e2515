/* policy.h - the policy engine: what the supervisor and the engine share.
 *
 * The engine reads a policy (man janus-policy(5)), compiles it once, and
 * then answers, for one decoded system call, allow / deny with an errno /
 * kill.  It never calls ptrace and never reads tracee memory: the
 * supervisor decodes the call into a struct sc_event, fetching from the
 * tracee only what policy_needs() asks for, and the engine returns a
 * struct verdict.  policy_eval() is pure: no I/O, no allocation.
 *
 * Typical use by the supervisor, at a syscall-entry stop:
 *
 *	unsigned need = policy_needs(pol, arch, nr);	// cacheable per (arch, nr)
 *	struct sc_event ev = { .arch = arch, .nr = nr, .id = SC_COUNT, .args = {...} };
 *	if (need & POLICY_NEED_SUBCALL)  decode socketcall/ipc into ev.id, ev.args
 *	if (need & POLICY_NEED_PATHS)    policy_paths(&ev, p) says what to resolve
 *	if (need & POLICY_NEED_SOCKADDR) copy the address into ev.addr/addrlen
 *	if (need & POLICY_NEED_CMSG)     scan msg_control into ev.cmsg
 *	if (need & POLICY_NEED_TARGET)   policy_targets(&ev, t) says whom to check
 *	policy_eval(pol, &ev, &v);
 */
#ifndef JANUS_POLICY_H
#define JANUS_POLICY_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/socket.h>

#include "arch.h"

struct policy;

/* Values of the predefined variables.  A NULL member leaves the variable
 * undefined: a policy that uses it fails to load. */
struct policy_vars {
	const char *home;	/* $HOME */
	const char *cwd;	/* $CWD: the directory janus was started in */
	const char *tmpdir;	/* $TMPDIR: janus's private temporary directory */
	const char *jail;	/* $JAIL: the jail directory */
};

/* A load error.  text is ready to print:
 *	web.policy:12:9: unknown syscall 'opne' (did you mean 'open'?)
 *	    allow syscall opne
 *	                  ^~~~
 * line and col count from 1; both are 0 for an error about a whole file
 * (cannot open it).  Long names and messages are truncated. */
struct policy_diag {
	char file[256];
	unsigned line, col;
	char msg[512];		/* the message alone, without "file:line:col: " */
	char text[1536];	/* "file:line:col: msg\n" + source line + caret line */
};

/* Loaders.  Return NULL and fill *diag (if not NULL) on error.
 * policy_load_string: name is used in diagnostics and verdicts, and its
 * directory is where relative includes are looked up.
 * policy_load_default: the built-in default policy (policies/default.policy,
 * compiled into the library; its text is policy_default_text). */
struct policy *policy_load_file(const char *path, const struct policy_vars *vars,
				struct policy_diag *diag);
struct policy *policy_load_string(const char *name, const char *text,
				  const struct policy_vars *vars, struct policy_diag *diag);
struct policy *policy_load_default(const struct policy_vars *vars, struct policy_diag *diag);
extern const char policy_default_text[];
void policy_free(struct policy *pol);

/* Readable compiled form (janus --check) and the load-time warnings
 * about rules that open more than they seem to ("file:line:col: warning:
 * ..." lines).  policy_warnings returns how many it printed. */
void policy_dump(const struct policy *pol, FILE *out);
unsigned policy_warnings(const struct policy *pol, FILE *out);

/* ---- what the supervisor fetches ---------------------------------- */

/* policy_needs() result bits.  0: the verdict depends on nothing but the
 * number (a seccomp prefilter may decide it). */
enum {
	POLICY_NEED_ARGS = 1u << 0,	/* depends on register arguments only */
	POLICY_NEED_PATHS = 1u << 1,	/* fill path[]: see policy_paths() */
	POLICY_NEED_SOCKADDR = 1u << 2,	/* fill addr/addrlen */
	POLICY_NEED_CMSG = 1u << 3,	/* fill cmsg */
	POLICY_NEED_TARGET = 1u << 4,	/* fill target_in_jail: see policy_targets() */
	POLICY_NEED_SUBCALL = 1u << 5,	/* i386 socketcall/ipc: decode the sub-call */
};
unsigned policy_needs(const struct policy *pol, const struct janus_arch *arch, uint64_t nr);

/* sc_event.cmsg bits: control messages present in a sendmsg. */
enum {
	POLICY_CMSG_RIGHTS = 1u << 0,		/* SOL_SOCKET / SCM_RIGHTS */
	POLICY_CMSG_CREDENTIALS = 1u << 1,	/* SOL_SOCKET / SCM_CREDENTIALS */
};

/* One system call as the supervisor decoded it. */
struct sc_event {
	const struct janus_arch *arch;	/* ABI of the stop */
	uint64_t nr;			/* syscall number as the tracee passed it */
	/* The call to evaluate.  Ignored (may be SC_COUNT) unless nr is i386
	 * socketcall(2) or ipc(2): then the supervisor decodes the sub-call
	 * and gives it as the direct call, id = SC_connect, SC_semop, ...,
	 * with args[] in the direct call's order (send/recv as sendto/recvfrom
	 * with a NULL address).  SC_COUNT or an id that is no sub-call of nr:
	 * the socketcall/ipc rule itself decides. */
	enum sc_id id;
	uint64_t args[6];		/* register arguments (sub-call's for socketcall/ipc) */

	/* POLICY_NEED_PATHS: for each entry of policy_paths(), the canonical
	 * absolute path the kernel would act on (symlinks resolved as the
	 * entry's `follow` says, no "." or ".." or "//").  NULL: the supervisor
	 * could not tell; the call is refused.  For connect/bind/sendto/sendmsg
	 * to an AF_UNIX pathname, path[0] is the canonical sun_path. */
	const char *path[2];
	/* POLICY_NEED_PATHS: path[i] opens again a descriptor the caller
	 * holds ("/dev/stdin", "/proc/self/fd/N"): the POLICY_FS_* access that
	 * descriptor gives.  Asking no more than that is a call on the
	 * descriptor, which fs rules do not judge (janus-policy(5), FILE
	 * ACCESS); 0: an ordinary path. */
	uint32_t held[2];

	/* POLICY_NEED_SOCKADDR: the address of connect/bind, the destination of
	 * sendto, or msg_name of sendmsg.  sendmmsg: evaluate the call once
	 * without address and control data (its syscall rule), then once per
	 * message with that message's msg_name and cmsg; the first refusal
	 * decides.  NULL/0 for sendto/sendmsg/sendmmsg means "no address"
	 * (connected socket) and passes; for connect/bind it is refused. */
	const struct sockaddr *addr;
	socklen_t addrlen;

	/* POLICY_NEED_CMSG: POLICY_CMSG_* bits of the control messages. */
	unsigned cmsg;

	/* POLICY_NEED_TARGET: every process named by policy_targets() is a
	 * member of the jail (see there for pid 0, -1, groups). */
	bool target_in_jail;
};

/* ---- engine knowledge the supervisor uses to fill the event ------- */

/* Access a call makes on a path (fs rules, janus-policy(5)). */
enum {
	POLICY_FS_READ = 1u << 0,
	POLICY_FS_WRITE = 1u << 1,
	POLICY_FS_CREATE = 1u << 2,
	POLICY_FS_EXEC = 1u << 3,
	POLICY_FS_UNLINK = 1u << 4,
	POLICY_FS_RENAME = 1u << 5,
	POLICY_FS_LINK = 1u << 6,
	POLICY_FS_SYMLINK = 1u << 7,
	POLICY_FS_CHMOD = 1u << 8,
	POLICY_FS_CHOWN = 1u << 9,
	POLICY_FS_MKDIR = 1u << 10,
	POLICY_FS_RMDIR = 1u << 11,
	POLICY_FS_MKNOD_FIFO = 1u << 12,
	POLICY_FS_MKNOD_DEV = 1u << 13,
	POLICY_FS_STAT = 1u << 14,
	POLICY_FS_CHDIR = 1u << 15,
	POLICY_FS_XATTR = 1u << 16,
	POLICY_FS_TRUNCATE = 1u << 17,
	POLICY_FS_UTIME = 1u << 18,
	POLICY_FS_READLINK = 1u << 19,
	POLICY_FS_ALL = (1u << 20) - 1
};

/* One filesystem object a call acts on. */
struct policy_path {
	int8_t arg;		/* args[] index of the path pointer; -1: the object
				 * is the open file args[dirfd] itself (fchmod,
				 * utimensat(fd, NULL, ...)) */
	int8_t dirfd;		/* args[] index of the directory fd the path is
				 * relative to; -1: AT_FDCWD implied */
	bool follow;		/* the kernel follows a symlink in the last component */
	bool empty_fd;		/* AT_EMPTY_PATH: an empty path names args[dirfd] */
	/* With an empty path the call only looks at an open descriptor, as
	 * fstat does (newfstatat/statx/... with AT_EMPTY_PATH): such calls
	 * are not checked.  The supervisor then sets ev->path[i] = "" instead
	 * of resolving the descriptor (a resolved path is checked as usual). */
	bool empty_unchecked;
	/* The object is the file mapped at args[0] .. args[0] + args[1]
	 * (mprotect adding PROT_EXEC); arg and dirfd are -1.  The supervisor
	 * names it from the task's mappings, or sets ev->path[i] = "" when
	 * only anonymous memory is there (not checked). */
	bool mapped;
	uint32_t access;	/* POLICY_FS_* the call needs on it */
};

/* The objects of the call ev describes, in ev->path[] order (for rename,
 * link: old then new).  Returns how many (0..2).  Uses ev->arch, ev->nr,
 * ev->id (sub-calls) and the flag arguments in ev->args. */
int policy_paths(const struct sc_event *ev, struct policy_path out[2]);

/* For sc_event.held: the access an open of a descriptor opened with
 * open_flags may ask for, being a call on it: its own read and/or write
 * (write includes create: the object exists, O_CREAT makes nothing), and
 * stat (O_PATH) always. */
uint32_t policy_fs_held(unsigned open_flags);

/* Whether a member could change what path (absolute, canonical) names:
 * some fs rule allows creating, removing or renaming at the object or at
 * a directory on the way to it, or a mount or namespace call is allowed.
 * Deny rules are not weighed (true may be too cautious, never false too
 * bold).  A name no member can change cannot be swapped between a check
 * and the kernel's walk. */
bool policy_fs_mutable(const struct policy *pol, const char *path);

/* How a target argument names processes. */
enum policy_target_kind {
	POLICY_TARGET_PID,	/* >0 a process; 0 the caller's process group;
				 * -1 every process (never in the jail);
				 * < -1 the process group -pid (kill) */
	POLICY_TARGET_SELF0,	/* >0 a process; 0 the caller (getsid, prlimit64, ...) */
	POLICY_TARGET_TID,	/* a thread id (tkill, tgkill's tid) */
	POLICY_TARGET_PGID,	/* setpgid's pgid: 0 = the pid argument's own new group */
	POLICY_TARGET_PIDFD,	/* a pidfd */
	POLICY_TARGET_PRIO,	/* setpriority: args[arg-1] is PRIO_PROCESS/PGRP/USER */
	POLICY_TARGET_IOPRIO,	/* ioprio_set: args[arg-1] is IOPRIO_WHO_* */
};
struct policy_target {
	int8_t arg;		/* args[] index */
	enum policy_target_kind kind;
};
/* The process arguments of a signal-like call (`signal` rules); returns
 * how many (0..2).  target_in_jail must be true only if all of them
 * name members of the jail. */
int policy_targets(const struct sc_event *ev, struct policy_target out[2]);

/* ---- the decision ------------------------------------------------- */

enum verdict_action { VERDICT_ALLOW, VERDICT_DENY, VERDICT_KILL };

struct verdict {
	enum verdict_action action;
	int err;		/* VERDICT_DENY: the positive errno to return */
	bool log;		/* report this call (log action or `log` modifier) */
	const char *check;	/* what decided: "syscall", "fs", "socket", "connect",
				 * "bind", "ioctl", "fcntl", "sockopt", "cmsg",
				 * "signal", "fixed" (policy-independent refusal) */
	const char *file;	/* deciding rule: its file, or "<default>" (no
				 * rule; built-in default action or errno), or
				 * "<fixed>"; valid while the policy lives */
	unsigned line;		/* its line; 0 for "<default>"/"<fixed>" */
};

void policy_eval(const struct policy *pol, const struct sc_event *ev, struct verdict *v);

/* ---- what holds for the whole jail -------------------------------- */

/* `limit processes N`: the most tasks (processes and threads, counted as
 * RLIMIT_NPROC counts them) the jail may have at once; 0: no limit.
 * policy_limit_processes_rule gives the directive's file and line
 * ("<default>" and 0 when no directive set it), for reports. */
unsigned policy_limit_processes(const struct policy *pol);
void policy_limit_processes_rule(const struct policy *pol, const char **file, unsigned *line);

/* The POLICY_CMSG_* types the cmsg rules allow (an allow or log rule
 * matches the type and no deny or kill rule does): what a member may
 * send, and may receive.  The supervisor keeps descriptors out of the
 * jail's members when POLICY_CMSG_RIGHTS is not among them. */
unsigned policy_cmsg_allowed(const struct policy *pol);

#endif
