/* tracee.h - what the supervisor knows about each traced task (thread). */
#ifndef JANUS_TRACEE_H
#define JANUS_TRACEE_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "decode.h"
#include "inject.h"

enum tracee_flags {
	TF_STARTUP = 1 << 0,	/* attached, first stop not seen yet */
	TF_IN_SYSCALL = 1 << 1,	/* between entry and exit stop (none: skip_exit_stop) */
	TF_HIDE = 1 << 2,	/* janus's own pre-exec calls: not traced */
	TF_DENIED = 1 << 3,	/* the call in progress was refused: write deny_err at exit */
	TF_REWROTE = 1 << 4,	/* its arguments point at scratch: restore them at exit */
	/* Until its next stop, it runs no instruction of its own without
	 * stopping first (mmfreeze.h): */
	TF_LISTENING = 1 << 5,	/* in a group-stop, restarted with PTRACE_LISTEN */
	TF_VFORK_WAIT = 1 << 6,	/* a vfork parent waiting for its child */
};

struct tracee {
	pid_t tid;
	unsigned flags;
	pid_t tgid;		/* 0 until needed (judge.c reads it lazily) */
	int deny_err;		/* TF_DENIED: the errno the call returns */
	const struct janus_arch *arch;	/* ABI of the call in progress */
	/* Scratch regions (scratch.h) of this task: [0] for 64-bit calls,
	 * [1] below 4 GiB for 32-bit ones (they see 32-bit pointers). */
	uint64_t scratch[2];
	/* scratch_write_tr: /proc/TID/mem kept open (of this address space). */
	bool mem_open;
	int mem_fd;
	uint64_t saved_args[6];		/* TF_REWROTE: the program's own */
	unsigned rewrote;		/* TF_REWROTE: which args (bit i) */
	uint64_t saved_nr;		/* TF_REWROTE: the program's own number */
	uint64_t mmsg_vec;		/* TF_REWROTE: sendmmsg run as sendmsg (pin_exit.h) */
	struct call_record rec;	/* the call in progress (trace mode) */
	/* Side doors: what the exit stop owes the call in progress. */
	uint8_t fdpass_exit;	/* fdpass.h FDPASS_EXIT_*: seal the sockets it makes */
	bool fork_counted;	/* proclimit.h: counted as the task it may create */
	uint64_t fdpass_arg;	/* FDPASS_EXIT_PAIR: socketpair's int[2] */
	bool seal_again;	/* fdpass_seal_again: seal_fd, once guarded */
	int seal_fd;
	bool recv_check;	/* fdpass_recv_guarded: recv_fd guarded first */
	int recv_fd;
	bool recv_trunc;	/* fdpass_recv.h RECV_AS_RECVFROM_DGRAM */
	bool recv_cloexec;	/* the recvmsg asked MSG_CMSG_CLOEXEC */
	uint8_t recv_mode;	/* fdpass_recv.h RECV_AS_*: exit stop owes it */
	uint64_t recv_hdr, recv_len;
	/* pinfd.h: descriptors janus opened in this task for the call in
	 * progress, and the signals and stops held back meanwhile. */
	int pin_fd[2];
	unsigned npin;
	bool held_guard;	/* reopen.h: a descriptor of its own guarded */
	struct inject_state held;
	uint8_t fd_guard;	/* enum pinfd_guard_state: inherited by its children */
	uint8_t fd_call;	/* an allowed close/dup2/dup3/close_range: 1 running, 2 done */
	bool mm_frozen;		/* mmfreeze.h: its call holds its address space still */
	bool mm_kept;		/* mmfreeze.h: a stop of it is kept (no one may wait for one) */
	/* execcheck.h: the file the exec in progress was checked as. */
	bool exec_known;
	uint64_t exec_dev, exec_ino;
	struct tracee *next;	/* hash chain */
};

struct tracee_table {
	struct tracee **bucket;
	unsigned nbucket;
	unsigned count;
};

void tracee_table_init(struct tracee_table *t);
void tracee_table_free(struct tracee_table *t);
struct tracee *tracee_find(struct tracee_table *t, pid_t tid);
/* Adds a tracee in TF_STARTUP state; returns the existing one if present. */
struct tracee *tracee_add(struct tracee_table *t, pid_t tid, unsigned flags);
void tracee_remove(struct tracee_table *t, pid_t tid);
/* Moves the entry of old_tid to new_tid (exec from a non-leader thread),
 * dropping whatever new_tid had. */
struct tracee *tracee_rename(struct tracee_table *t, pid_t old_tid, pid_t new_tid);
/* Calls fn for every tracee; fn must not add or remove. */
void tracee_foreach(struct tracee_table *t, void (*fn)(struct tracee *, void *), void *arg);

#endif
