/* try-proc.c - operations of `try` on other processes (see try.h).
 * TARGET: a pid, "self", "child" (a member forked here) or "pgchild"
 * (the same in its own process group). */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#include "try.h"

static const char probe_bytes[8] = "janus!!";	/* what vm-read reads in a child */

static int op_kill(char **av)
{
	return TRY_RC(syscall(SYS_kill, try_wide(try_target(av[0])), try_signal(av[1])));
}

static int op_kill_1(char **av)
{
	return TRY_RC(syscall(SYS_kill, try_wide(-1), try_signal(av[0])));
}

/* kill-pgrp PGID SIG: kill(-PGID, SIG). */
static int op_kill_pgrp(char **av)
{
	return TRY_RC(syscall(SYS_kill, -try_target(av[0]), try_signal(av[1])));
}

static int op_tkill(char **av)
{
	return TRY_RC(syscall(SYS_tkill, try_target(av[0]), try_signal(av[1])));
}

static int op_tgkill(char **av)
{
	pid_t pid = try_target(av[0]);

	return TRY_RC(syscall(SYS_tgkill, try_wide(pid), try_wide(pid), try_signal(av[1])));
}

static int op_sigqueue(char **av)
{
	siginfo_t si;

	memset(&si, 0, sizeof si);
	si.si_signo = try_signal(av[1]);
	si.si_code = SI_QUEUE;
	si.si_pid = getpid();
	si.si_uid = getuid();
	return TRY_RC(syscall(SYS_rt_sigqueueinfo, try_target(av[0]), si.si_signo, &si));
}

/* pidfd-send TARGET SIG: pidfd_open, then pidfd_send_signal. */
static int op_pidfd_send(char **av)
{
	long fd = syscall(SYS_pidfd_open, try_target(av[0]), 0);

	if (fd < 0)
		return errno;
	return TRY_RC(syscall(SYS_pidfd_send_signal, (int)fd, try_signal(av[1]), NULL, 0));
}

/* pidfd-send-fd FD SIG: a pidfd inherited from outside the jail. */
static int op_pidfd_send_fd(char **av)
{
	return TRY_RC(syscall(SYS_pidfd_send_signal, (int)try_num(av[0]), try_signal(av[1]), NULL, 0));
}

/* pidfd-getfd-fd FD TARGETFD: pidfd_getfd, with a pidfd inherited from outside. */
static int op_pidfd_getfd_fd(char **av)
{
	long fd = syscall(SYS_pidfd_getfd, (int)try_num(av[0]), (int)try_num(av[1]), 0);

	if (fd < 0)
		return errno;
	close((int)fd);
	return 0;
}

static int op_getsid(char **av) { return TRY_RC(syscall(SYS_getsid, try_wide(try_target(av[0])))); }
static int op_getpgid(char **av) { return TRY_RC(syscall(SYS_getpgid, try_target(av[0]))); }

/* setpgid TARGET PGID|same: "same" puts TARGET in a group of its own. */
static int op_setpgid(char **av)
{
	pid_t pid = try_target(av[0]);
	pid_t pg = strcmp(av[1], "same") == 0 ? pid : (pid_t)try_num(av[1]);

	return TRY_RC(syscall(SYS_setpgid, pid, pg));
}

/* prlimit TARGET: read RLIMIT_NOFILE.  prlimit-set TARGET: set the soft
 * RLIMIT_CORE to 0 (seen from outside in /proc/PID/limits). */
static int op_prlimit(char **av)
{
	struct rlimit old;

	return TRY_RC(syscall(SYS_prlimit64, try_target(av[0]), RLIMIT_NOFILE, NULL, &old));
}

static int op_prlimit_set(char **av)
{
	pid_t pid = try_target(av[0]);
	struct rlimit lim;

	if (getrlimit(RLIMIT_CORE, &lim) < 0)
		try_setup_fail("getrlimit");
	lim.rlim_cur = 0;
	return TRY_RC(syscall(SYS_prlimit64, pid, RLIMIT_CORE, &lim, NULL));
}

/* ptrace TARGET: PTRACE_SEIZE; our exit detaches again. */
static int op_ptrace(char **av)
{
	return TRY_RC(syscall(SYS_ptrace, PTRACE_SEIZE, try_target(av[0]), NULL, NULL));
}

/* vm-read TARGET [ADDR]: 8 bytes at ADDR (default: probe_bytes, valid in a child). */
static int op_vm_read(char **av)
{
	pid_t pid = try_target(av[0]);
	char buf[8];
	struct iovec local = { buf, sizeof buf };
	struct iovec remote = { (void *)probe_bytes, sizeof buf };

	if (av[1])
		remote.iov_base = (void *)(uintptr_t)try_num(av[1]);
	return TRY_RC(syscall(SYS_process_vm_readv, pid, &local, 1UL, &remote, 1UL, 0UL));
}

/* setpriority TARGET: to the priority it has (no change). */
static int op_setpriority(char **av)
{
	pid_t pid = try_target(av[0]);
	int prio;

	errno = 0;
	prio = getpriority(PRIO_PROCESS, (id_t)pid);
	if (prio == -1 && errno)
		try_setup_fail("getpriority");
	return TRY_RC(syscall(SYS_setpriority, PRIO_PROCESS, pid, prio));
}

const struct try_op try_proc_ops[] = {
	{ "kill", 2, 2, op_kill, "TARGET SIG" },
	{ "kill-1", 1, 1, op_kill_1, "SIG" },
	{ "kill-pgrp", 2, 2, op_kill_pgrp, "PGID|pgchild SIG" },
	{ "tkill", 2, 2, op_tkill, "TARGET SIG" },
	{ "tgkill", 2, 2, op_tgkill, "TARGET SIG" },
	{ "sigqueue", 2, 2, op_sigqueue, "TARGET SIG" },
	{ "pidfd-send", 2, 2, op_pidfd_send, "TARGET SIG" },
	{ "pidfd-send-fd", 2, 2, op_pidfd_send_fd, "FD SIG" },
	{ "pidfd-getfd-fd", 2, 2, op_pidfd_getfd_fd, "FD TARGETFD" },
	{ "getsid", 1, 1, op_getsid, "TARGET" },
	{ "getpgid", 1, 1, op_getpgid, "TARGET" },
	{ "setpgid", 2, 2, op_setpgid, "TARGET PGID|same" },
	{ "prlimit", 1, 1, op_prlimit, "TARGET" },
	{ "prlimit-set", 1, 1, op_prlimit_set, "TARGET" },
	{ "ptrace", 1, 1, op_ptrace, "TARGET" },
	{ "vm-read", 1, 2, op_vm_read, "TARGET [ADDR]" },
	{ "setpriority", 1, 1, op_setpriority, "TARGET" },
	{ NULL, 0, 0, NULL, NULL },
};
