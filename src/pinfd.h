/* pinfd.h - pin the directory (or the object) of a checked path with a
 * descriptor in the tracee, so that the kernel's walk cannot be sent
 * elsewhere by a directory component swapped for a symlink after the
 * check (doc/races.md, section 2).
 *
 * At the entry stop of an allowed call, janus runs in the tracee, in
 * place of its call (inject.h),
 *     openat2(AT_FDCWD, checked, {O_PATH|O_CLOEXEC[|O_DIRECTORY],
 *             RESOLVE_NO_SYMLINKS|RESOLVE_NO_MAGICLINKS})
 * on the canonical path janus checked: its parent directory for calls
 * that do not follow their last component (unlink, rename, mkdir, lchown
 * ...), the object itself for those that do (chmod, truncate, connect
 * ...).  A component that is no longer what was checked makes it fail
 * with ELOOP.  The call is then given "/proc/thread-self/fd/N/LAST" or
 * "/proc/thread-self/fd/N" (a sockaddr_un holding it, for connect and
 * sendto): the kernel starts its walk at the pinned directory.  At the
 * exit stop janus closes N the same way, before the program runs again.
 *
 * While N is open, no other task sharing the descriptor table may close
 * it or put another file at its number (pinfd_guard). */
#ifndef JANUS_PINFD_H
#define JANUS_PINFD_H

#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>
#include <sys/un.h>

#include "copy_plan.h"
#include "policy.h"
#include "reopen.h"
#include "sysedit.h"
#include "sysinfo.h"
#include "tracee.h"

/* "/proc/thread-self/fd/" + an int + "/" + a name + a slash. */
#define PINFD_PATH_MAX (21 + 11 + 1 + NAME_MAX + 2)

enum pinfd_kind {
	PINFD_PARENT = 1,	/* the parent directory; the call names LAST in it */
	PINFD_OBJECT,		/* the object; the call follows the descriptor */
	PINFD_SOCKET,		/* the socket file of connect/sendto (a sockaddr) */
};

/* What the judge asks to pin: items of its copy plan. */
struct pinfd_want {
	unsigned n;
	struct pinfd_item {
		int8_t item;		/* index in the copy plan */
		uint8_t kind;		/* enum pinfd_kind */
		bool slash;		/* PARENT: the program's path ended in '/' */
		char dot[3];		/* PARENT: its last component was "." or "..":
					 * pinned is the directory path names */
		const char *path;	/* the canonical path janus checked */
		/* SOCKET: where the address's length goes: the 32-bit word at
		 * len_at in item len_item's copy (msg_namelen of a pinned
		 * msghdr), or, len_item -1, the argument after the address's. */
		int8_t len_item;
		uint16_t len_at;
	} it[2];
	/* A descriptor of the caller's own opened again by name (reopen.h):
	 * guarded for the call, and still held_id when the call runs; -1:
	 * none. */
	int held_fd;
	struct reopen_id held_id;
};

/* Whether the call only looks at path p (stat/readlink access). */
bool pinfd_only_looks(const struct policy_path *p);
/* A path argument the judge planned as item (its canonical copy): pinned
 * unless it is exec'd (exec keeps the program's spelling, execcheck.h),
 * under /proc, or only looked at where names_fixed: no member can change
 * a name on the way to it (policy_fs_mutable). */
void pinfd_want_path(struct pinfd_want *w, int item, const struct policy_path *p,
		     const char *raw, const char *canonical, bool names_fixed);
/* The AF_UNIX address planned as item: of connect/sendto (len_item -1),
 * or the msg_name of a msghdr planned as len_item (its msg_namelen at
 * byte len_at). */
void pinfd_want_socket(struct pinfd_want *w, int item, const char *canonical, int len_item,
		       size_t len_at);

/* Descriptors in flight, and the strings the plan points at until it is
 * applied. */
struct pinfd {
	struct pinfd_ref {
		pid_t tid;
		int fd;
	} *v;
	unsigned n, cap;
	char built[2][PINFD_PATH_MAX];
	struct sockaddr_un un[2];
	bool active;		/* the policy checks paths: calls may be pinned */
	/* Tasks whose allowed close/dup2/dup3/close_range may still run. */
	unsigned fd_calls;
	/* Stops of other tasks janus waited for while pinning: the event
	 * loop takes them before new ones (pinfd_unstash). */
	struct pinfd_stop {
		pid_t tid;
		int status;
	} *stash;
	unsigned nstash, stash_cap;
};

/* p for a supervisor enforcing pol. */
void pinfd_init(struct pinfd *p, const struct policy *pol);
/* Frees p and what the tasks of t still hold. */
void pinfd_free(struct pinfd *p, struct tracee_table *t);

/* At the entry stop of tr's call, once judged: an allowed close, dup2,
 * dup3 or close_range is noted as running until its exit stop. */
void pinfd_note_call(struct pinfd *p, struct tracee *tr, const struct sc_event *ev, bool allowed);
/* Whether a stop of tid is kept for the event loop. */
bool pinfd_stashed(const struct pinfd *p, pid_t tid);
/* A stop pinfd took from the kernel for the event loop; false: none. */
bool pinfd_unstash(struct pinfd *p, pid_t *tid, int *status);

/* At the entry stop of tr's allowed call (*si, scratch region mapped):
 * opens what w asks for and points the plan's items at the descriptors
 * (*si is read again).  Returns 0; -errno, the error of a pin, that the
 * call must fail with (descriptors already open are closed at the exit
 * stop); -ESRCH when tr is gone or was killed (it could not be brought
 * back to its call). */
int pinfd_entry(struct pinfd *p, struct tracee_table *t, struct tracee *tr, struct stop_info *si,
		enum sysedit_mode mode, bool use_info, const struct pinfd_want *w,
		struct copy_plan *plan);

/* Guards tr's descriptor fd until tr's exit stop, as a pin is guarded
 * (for a socket fdpass sealed: fdpass_seal_again).  0, or -EPERM when tr
 * cannot be guarded. */
int pinfd_guard_fd(struct pinfd *p, struct tracee_table *t, struct tracee *tr, int fd);

/* At tr's exit stop: closes its descriptors, registers and result kept,
 * and settles what happened meanwhile (inject_settle).  1 when janus ran
 * calls in tr (see pin_keep_restart), 0 when it had nothing to close, or
 * -ESRCH (tr gone or killed). */
int pinfd_exit(struct pinfd *p, struct tracee *tr, enum sysedit_mode mode);

/* At a signal-delivery-stop of tr. */
void pinfd_signal(struct tracee *tr, int sig);

/* tr's descriptors are no longer janus's (tr exec'd or closed them). */
void pinfd_forget(struct pinfd *p, struct tracee *tr);
/* tr is gone: that, and what it held. */
void pinfd_drop(struct pinfd *p, struct tracee *tr);

/* Under the seccomp prefilter close, close_range, dup2 and dup3 do not
 * stop, so pinfd_guard would never see them.  Before the first call of
 * a task that makes another task share its descriptor table (clone or
 * clone3 with CLONE_FILES: a thread), janus adds a filter of its own to
 * the task, inherited by every task it makes, that makes those four
 * calls stop (SECCOMP_RET_TRACE).  A task alone with its table pays
 * nothing: nobody else can touch its descriptors while it is inside a
 * call; nor does any task when the policy checks no path (nothing is
 * pinned).  clone3_args: the struct clone_args janus checked and pins. */
enum pinfd_guard_state {
	PINFD_UNGUARDED,	/* no filter: its table is not shared */
	PINFD_GUARDED,		/* the filter is in place */
	PINFD_UNGUARDABLE,	/* it could not be added: nothing is pinned */
};
bool pinfd_needs_guard(const struct pinfd *p, const struct tracee *tr, const struct sc_event *ev,
		       const unsigned char *clone3_args);
/* Adds the filter by injection (tr at the entry stop *si, scratch region
 * mapped; *si is read again).  0, or -ESRCH (tr gone or killed). */
int pinfd_add_guard(struct pinfd *p, struct tracee *tr, struct stop_info *si,
		    enum sysedit_mode mode, bool use_info);

/* The errno a call ev of tr must fail with because it would close or
 * replace a descriptor pinned for another task with the same descriptor
 * table (close: EBADF, as if the number were free; dup2, dup3,
 * close_range: EBUSY, as the kernel answers a dup2 racing an open); 0 if
 * it would not.  A call allowed before the pin existed may still be
 * running when janus opens it: pinfd_entry first waits for every such
 * call of a task sharing the table to finish. */
int pinfd_guard(const struct pinfd *p, const struct tracee *tr, const struct sc_event *ev);

/* Between pinfd.c and pinfd_guard.c. */
/* tr's allowed close/dup2/dup3/close_range is over (its exit stop). */
void pinfd_call_done(struct pinfd *p, struct tracee *tr);
/* Waits for the allowed fd calls still running in tasks sharing tr's
 * descriptor table (see pinfd_guard). */
void pinfd_quiesce(struct pinfd *p, struct tracee_table *t, const struct tracee *tr);
/* Keeps a stop (or death) of tid for the event loop. */
void pinfd_stash(struct pinfd *p, pid_t tid, int status);
/* tr could not be brought back from janus's calls: killed (or its death,
 * if janus reaped it, stashed); what says what failed.  -ESRCH. */
int pinfd_lost(struct pinfd *p, struct tracee *tr, int r, const char *what);

#endif
