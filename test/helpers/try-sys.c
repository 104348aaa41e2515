/* try-sys.c - host information and administration operations of `try`
 * (see try.h).  The administration calls get arguments that make them
 * fail harmlessly natively, as root too: they can never reboot, set the
 * clock, turn on swap or change a name. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <fcntl.h>
#include <linux/filter.h>
#include <linux/reboot.h>
#include <linux/seccomp.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/prctl.h>
#include <string.h>
#include <sys/quota.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/timex.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include "try.h"

static int op_noop(char **av)
{
	(void)av;
	return 0;
}

/* syslog: SYSLOG_ACTION_SIZE_BUFFER (10), which only reads a size. */
static int op_syslog(char **av)
{
	(void)av;
	return TRY_RC(syscall(SYS_syslog, 10, NULL, 0));
}

#ifdef SYS_sysfs
/* sysfs: option 3, the number of file system types. */
static int op_sysfs(char **av)
{
	(void)av;
	return TRY_RC(syscall(SYS_sysfs, 3));
}
#endif

#ifdef SYS_ustat
/* ustat [DEV]: DEV defaults to 0. */
static int op_ustat(char **av)
{
	char buf[64];

	return TRY_RC(syscall(SYS_ustat, av[0] ? (unsigned)try_num(av[0]) : 0u, buf));
}
#endif

static int op_statfs(char **av)
{
	char sf[512];	/* larger than every ABI's struct statfs */

	return TRY_RC(syscall(SYS_statfs, av[0], sf));
}

static int op_fstatfs(char **av)
{
	char sf[512];
	int fd = open(av[0], O_PATH);

	if (fd < 0)
		try_setup_fail("open");
	return TRY_RC(syscall(SYS_fstatfs, fd, sf));
}

static int op_uname(char **av)
{
	struct utsname u;

	(void)av;
	return TRY_RC(syscall(SYS_uname, &u));
}

static int op_getcwd(char **av)
{
	char buf[4096];

	(void)av;
	return TRY_RC(syscall(SYS_getcwd, buf, sizeof buf));
}

/* seccomp HOW: installs a filter of the program's own that answers
 * uname() with ENOTTY (and with a user notification when HOW is
 * "listener"), then checks it is in force.  HOW: "syscall" (seccomp(2)),
 * "prctl" (PR_SET_SECCOMP), "listener" (seccomp(2) with
 * SECCOMP_FILTER_FLAG_NEW_LISTENER; ok once the listener fd exists).
 * ECANCELED: installed, but uname() was not refused by it. */
static int op_seccomp(char **av)
{
	bool listener = strcmp(av[0], "listener") == 0;
	struct sock_filter code[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_uname, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, listener ? SECCOMP_RET_USER_NOTIF
						   : SECCOMP_RET_ERRNO | ENOTTY),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = { sizeof code / sizeof code[0], code };
	struct utsname u;
	long r;

	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
		try_setup_fail("PR_SET_NO_NEW_PRIVS");
	if (strcmp(av[0], "prctl") == 0)
		r = prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog, 0, 0);
	else if (strcmp(av[0], "syscall") == 0 || listener)
		r = syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER,
			    listener ? SECCOMP_FILTER_FLAG_NEW_LISTENER : 0, &prog);
	else
		try_usage("seccomp syscall|prctl|listener");
	if (r < 0)
		return errno;
	if (listener)
		return 0;	/* uname() would now wait for an answer */
	if (syscall(SYS_uname, &u) == 0 || errno != ENOTTY)
		return ECANCELED;
	return 0;
}

/* reboot: magic numbers 0, so the kernel answers EINVAL after the
 * permission check and never reboots. */
static int op_reboot(char **av)
{
	(void)av;
	return TRY_RC(syscall(SYS_reboot, 0, 0, LINUX_REBOOT_CMD_RESTART, NULL));
}

/* swapon PATH / swapoff PATH: PATH must not exist (ENOENT natively). */
static int op_swapon(char **av) { return TRY_RC(syscall(SYS_swapon, av[0], 0)); }
static int op_swapoff(char **av) { return TRY_RC(syscall(SYS_swapoff, av[0])); }

/* settimeofday: an invalid microsecond count, EINVAL before any change. */
static int op_settimeofday(char **av)
{
	struct timeval tv = { 0, -1 };

	(void)av;
	return TRY_RC(syscall(SYS_settimeofday, &tv, NULL));
}

/* clock_settime: CLOCK_MONOTONIC cannot be set, and the time is invalid. */
static int op_clock_settime(char **av)
{
	struct timespec ts = { 0, -1 };

	(void)av;
	return TRY_RC(syscall(SYS_clock_settime, CLOCK_MONOTONIC, &ts));
}

/* adjtimex: modes 0 only reads the clock's state. */
static int op_adjtimex(char **av)
{
	struct timex tx;

	(void)av;
	memset(&tx, 0, sizeof tx);
	return TRY_RC(syscall(SYS_adjtimex, &tx));
}

/* sethostname / setdomainname: to the name the host already has. */
static int op_sethostname(char **av)
{
	struct utsname u;

	(void)av;
	if (uname(&u) < 0)
		try_setup_fail("uname");
	return TRY_RC(syscall(SYS_sethostname, u.nodename, strlen(u.nodename)));
}

static int op_setdomainname(char **av)
{
	struct utsname u;

	(void)av;
	if (uname(&u) < 0)
		try_setup_fail("uname");
	return TRY_RC(syscall(SYS_setdomainname, u.domainname, strlen(u.domainname)));
}

/* acct PATH: PATH must not exist (ENOENT natively, accounting untouched). */
static int op_acct(char **av) { return TRY_RC(syscall(SYS_acct, av[0])); }

/* quotactl PATH: Q_GETINFO on a device PATH that must not exist. */
static int op_quotactl(char **av)
{
	char buf[64];

	return TRY_RC(syscall(SYS_quotactl, QCMD(Q_GETINFO, USRQUOTA), av[0], 0, buf));
}

const struct try_op try_sys_ops[] = {
	{ "noop", 0, 0, op_noop, "" },
	{ "syslog", 0, 0, op_syslog, "" },
#ifdef SYS_sysfs
	{ "sysfs", 0, 0, op_sysfs, "" },
#endif
#ifdef SYS_ustat
	{ "ustat", 0, 1, op_ustat, "[DEV]" },
#endif
	{ "statfs", 1, 1, op_statfs, "PATH" },
	{ "fstatfs", 1, 1, op_fstatfs, "PATH" },
	{ "uname", 0, 0, op_uname, "" },
	{ "getcwd", 0, 0, op_getcwd, "" },
	{ "seccomp", 1, 1, op_seccomp, "syscall|prctl|listener" },
	{ "reboot", 0, 0, op_reboot, "(bad magic: EINVAL natively)" },
	{ "swapon", 1, 1, op_swapon, "MISSING-PATH" },
	{ "swapoff", 1, 1, op_swapoff, "MISSING-PATH" },
	{ "settimeofday", 0, 0, op_settimeofday, "(invalid time: EINVAL natively)" },
	{ "clock_settime", 0, 0, op_clock_settime, "(CLOCK_MONOTONIC: EINVAL natively)" },
	{ "adjtimex", 0, 0, op_adjtimex, "(read-only)" },
	{ "sethostname", 0, 0, op_sethostname, "(the current name)" },
	{ "setdomainname", 0, 0, op_setdomainname, "(the current name)" },
	{ "acct", 1, 1, op_acct, "MISSING-PATH" },
	{ "quotactl", 1, 1, op_quotactl, "MISSING-PATH" },
	{ NULL, 0, 0, NULL, NULL },
};
