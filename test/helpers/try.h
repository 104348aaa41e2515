/* try.h - the `try` test helper: perform one operation, print its result.
 *
 *	try OP ARG...
 *
 * prints exactly one line, "ok" or "errno=NAME" (the errno of the
 * operation itself), and exits 0 either way.  Steps that only prepare the
 * operation (opening a directory for openat, creating a socket before
 * connect ...) print "setup-failed WHAT errno=NAME" and exit 3; usage
 * errors exit 2.  System calls are made with syscall(2) where libc would
 * pick another call, so the test knows which call the supervisor sees.
 * Each try-*.c file holds the operations of one area. */
#ifndef JANUS_TEST_TRY_H
#define JANUS_TEST_TRY_H

#include <errno.h>
#include <sys/types.h>

struct try_op {
	const char *name;
	int min, max;		/* number of arguments after OP */
	int (*run)(char **av);	/* 0: ok; > 0: the errno of the operation */
	const char *args;	/* usage text of the arguments */
};

extern const struct try_op try_fs_ops[];
extern const struct try_op try_net_ops[];
extern const struct try_op try_fd_ops[];
extern const struct try_op try_proc_ops[];
extern const struct try_op try_sys_ops[];

/* The result of a call that returns -1 and sets errno on failure. */
#define TRY_RC(expr) ((expr) < 0 ? errno : 0)

__attribute__((noreturn, format(printf, 1, 2))) void try_usage(const char *fmt, ...);
/* A preparation step failed (errno describes it). */
__attribute__((noreturn)) void try_setup_fail(const char *what);

/* try -H OP ...: the int arguments of ioctl, fcntl, setsockopt, socket,
 * kill, tgkill, getsid and fcntl-sigio carry a stray bit 32, which the kernel ignores
 * (it reads them as 32-bit ints); a supervisor must ignore it too.
 * try_wide(v) is v as the call passes it. */
extern unsigned long try_high;
static inline long try_wide(int v)
{
	return (long)((unsigned long)(unsigned int)v | try_high);
}

long try_num(const char *s);		/* integer (0x.. accepted) or usage error */
int try_signal(const char *s);		/* TERM, SIGTERM, 15, 0 */

/* A process named on the command line: a pid, "self", or "child" (a
 * child forked here, a member of the jail, that waits to be killed).
 * try_target_done() reaps the child, if any. */
pid_t try_target(const char *s);
void try_target_done(void);

#endif
