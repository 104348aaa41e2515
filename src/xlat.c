/* xlat.c - generic constant lookups, errno and signal names. */
#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <string.h>

#include "decode.h"
#include "xlat.h"

const char *xlat_name(const struct xlat *x, uint64_t val)
{
	for (; x->name; x++)
		if (x->val == val)
			return x->name;
	return NULL;
}

void xlat_put_val(struct strbuf *sb, const struct xlat *x, uint64_t val, const char *unknown)
{
	const char *name = xlat_name(x, val);
	if (name)
		sb_puts(sb, name);
	else if (unknown)
		sb_printf(sb, "%#" PRIx64 " /* %s */", val, unknown);
	else
		sb_printf(sb, "%#" PRIx64, val);
}

void xlat_put_flags(struct strbuf *sb, const struct xlat *x, uint64_t val, const char *zero_name)
{
	if (!val) {
		sb_puts(sb, zero_name ? zero_name : "0");
		return;
	}
	const char *sep = "";
	for (; x->name; x++) {
		if (x->val && (val & x->val) == x->val) {
			sb_puts(sb, sep);
			sb_puts(sb, x->name);
			sep = "|";
			val &= ~x->val;
		}
	}
	if (val)
		sb_printf(sb, "%s%#" PRIx64, sep, val);
}

/* Only used when the C library cannot name errors itself (glibc < 2.32);
 * aliases (EWOULDBLOCK, EDEADLOCK, ENOTSUP) are left out so each value
 * has the name strace prints. */
const struct xlat xlat_errno_fallback[] = {
	XLAT(EPERM), XLAT(ENOENT), XLAT(ESRCH), XLAT(EINTR), XLAT(EIO),
	XLAT(ENXIO), XLAT(E2BIG), XLAT(ENOEXEC), XLAT(EBADF), XLAT(ECHILD),
	XLAT(EAGAIN), XLAT(ENOMEM), XLAT(EACCES), XLAT(EFAULT), XLAT(ENOTBLK),
	XLAT(EBUSY), XLAT(EEXIST), XLAT(EXDEV), XLAT(ENODEV), XLAT(ENOTDIR),
	XLAT(EISDIR), XLAT(EINVAL), XLAT(ENFILE), XLAT(EMFILE), XLAT(ENOTTY),
	XLAT(ETXTBSY), XLAT(EFBIG), XLAT(ENOSPC), XLAT(ESPIPE), XLAT(EROFS),
	XLAT(EMLINK), XLAT(EPIPE), XLAT(EDOM), XLAT(ERANGE), XLAT(EDEADLK),
	XLAT(ENAMETOOLONG), XLAT(ENOLCK), XLAT(ENOSYS), XLAT(ENOTEMPTY),
	XLAT(ELOOP), XLAT(ENOMSG), XLAT(EIDRM), XLAT(ECHRNG), XLAT(EL2NSYNC),
	XLAT(EL3HLT), XLAT(EL3RST), XLAT(ELNRNG), XLAT(EUNATCH), XLAT(ENOCSI),
	XLAT(EL2HLT), XLAT(EBADE), XLAT(EBADR), XLAT(EXFULL), XLAT(ENOANO),
	XLAT(EBADRQC), XLAT(EBADSLT), XLAT(EBFONT), XLAT(ENOSTR), XLAT(ENODATA),
	XLAT(ETIME), XLAT(ENOSR), XLAT(ENONET), XLAT(ENOPKG), XLAT(EREMOTE),
	XLAT(ENOLINK), XLAT(EADV), XLAT(ESRMNT), XLAT(ECOMM), XLAT(EPROTO),
	XLAT(EMULTIHOP), XLAT(EDOTDOT), XLAT(EBADMSG), XLAT(EOVERFLOW),
	XLAT(ENOTUNIQ), XLAT(EBADFD), XLAT(EREMCHG), XLAT(ELIBACC), XLAT(ELIBBAD),
	XLAT(ELIBSCN), XLAT(ELIBMAX), XLAT(ELIBEXEC), XLAT(EILSEQ), XLAT(ERESTART),
	XLAT(ESTRPIPE), XLAT(EUSERS), XLAT(ENOTSOCK), XLAT(EDESTADDRREQ),
	XLAT(EMSGSIZE), XLAT(EPROTOTYPE), XLAT(ENOPROTOOPT), XLAT(EPROTONOSUPPORT),
	XLAT(ESOCKTNOSUPPORT), XLAT(EOPNOTSUPP), XLAT(EPFNOSUPPORT),
	XLAT(EAFNOSUPPORT), XLAT(EADDRINUSE), XLAT(EADDRNOTAVAIL), XLAT(ENETDOWN),
	XLAT(ENETUNREACH), XLAT(ENETRESET), XLAT(ECONNABORTED), XLAT(ECONNRESET),
	XLAT(ENOBUFS), XLAT(EISCONN), XLAT(ENOTCONN), XLAT(ESHUTDOWN),
	XLAT(ETOOMANYREFS), XLAT(ETIMEDOUT), XLAT(ECONNREFUSED), XLAT(EHOSTDOWN),
	XLAT(EHOSTUNREACH), XLAT(EALREADY), XLAT(EINPROGRESS), XLAT(ESTALE),
	XLAT(EUCLEAN), XLAT(ENOTNAM), XLAT(ENAVAIL), XLAT(EISNAM), XLAT(EREMOTEIO),
	XLAT(EDQUOT), XLAT(ENOMEDIUM), XLAT(EMEDIUMTYPE), XLAT(ECANCELED),
	XLAT(ENOKEY), XLAT(EKEYEXPIRED), XLAT(EKEYREVOKED), XLAT(EKEYREJECTED),
	XLAT(EOWNERDEAD), XLAT(ENOTRECOVERABLE),
#ifdef ERFKILL
	XLAT(ERFKILL),
#endif
#ifdef EHWPOISON
	XLAT(EHWPOISON),
#endif
	XLAT_END
};

/* Codes of the kernel's include/linux/errno.h, which is not exported to
 * userspace headers; a tracer sees them at syscall exit (restart codes,
 * before the kernel turns them into EINTR or restarts the call) and a
 * few leak from drivers.  Values typed in for that reason. */
static const struct {
	int err;
	const char *name;
	const char *desc;	/* NULL: strerror's */
} kernel_errnos[] = {
	{ 512, "ERESTARTSYS", "To be restarted if SA_RESTART is set" },
	{ 513, "ERESTARTNOINTR", "To be restarted" },
	{ 514, "ERESTARTNOHAND", "To be restarted if no handler" },
	{ 515, "ENOIOCTLCMD", "No ioctl command" },
	{ 516, "ERESTART_RESTARTBLOCK", "Interrupted by signal" },
	{ 517, "EPROBE_DEFER", NULL },
	{ 518, "EOPENSTALE", NULL },
	{ 519, "ENOPARAM", NULL },
	{ 524, "ENOTSUPP", NULL },
};

static int kernel_errno_index(int err)
{
	for (unsigned i = 0; i < sizeof kernel_errnos / sizeof kernel_errnos[0]; i++)
		if (kernel_errnos[i].err == err)
			return (int)i;
	return -1;
}

bool xlat_errno_is_restart(int err)
{
	return err >= 512 && err <= 516 && err != 515;
}

const char *xlat_errno(int err)
{
	int k = kernel_errno_index(err);
	if (k >= 0)
		return kernel_errnos[k].name;
	if (err <= 0)
		return NULL;
#ifdef HAVE_STRERRORNAME_NP
	return strerrorname_np(err);
#else
	return xlat_name(xlat_errno_fallback, (uint64_t)err);
#endif
}

const char *xlat_errno_desc(int err, char *buf, unsigned len)
{
	int k = kernel_errno_index(err);
	if (k >= 0 && kernel_errnos[k].desc)
		return kernel_errnos[k].desc;
	/* GNU strerror_r: thread-safe, returns its own or buf's text. */
	return strerror_r(err, buf, len);
}

/* Classic signals by their Linux numbers (SIGIOT, SIGPOLL, SIGCLD are
 * aliases and left out).  A unit test checks this table against the C
 * library's sigabbrev_np where there is one; the table is used even then
 * because xlat_signal() must return the full name with its "SIG". */
static const struct xlat signals[] = {
	XLAT(SIGHUP), XLAT(SIGINT), XLAT(SIGQUIT), XLAT(SIGILL), XLAT(SIGTRAP),
	XLAT(SIGABRT), XLAT(SIGBUS), XLAT(SIGFPE), XLAT(SIGKILL), XLAT(SIGUSR1),
	XLAT(SIGSEGV), XLAT(SIGUSR2), XLAT(SIGPIPE), XLAT(SIGALRM), XLAT(SIGTERM),
	XLAT(SIGSTKFLT), XLAT(SIGCHLD), XLAT(SIGCONT), XLAT(SIGSTOP), XLAT(SIGTSTP),
	XLAT(SIGTTIN), XLAT(SIGTTOU), XLAT(SIGURG), XLAT(SIGXCPU), XLAT(SIGXFSZ),
	XLAT(SIGVTALRM), XLAT(SIGPROF), XLAT(SIGWINCH), XLAT(SIGIO), XLAT(SIGPWR),
	XLAT(SIGSYS),
	XLAT_END
};

/* Real-time signals in strace's words: the kernel's first one (glibc's
 * __SIGRTMIN, not the SIGRTMIN macro, which skips the two glibc keeps)
 * is SIGRTMIN, the next ones SIGRT_1 ... */
#ifndef __SIGRTMIN
#define __SIGRTMIN 32		/* the kernel's SIGRTMIN, where libc hides it */
#define __SIGRTMAX 64
#endif
#define RT(n) "SIGRT_" #n
static const char *const rt_signals[] = {
	"SIGRTMIN", RT(1), RT(2), RT(3), RT(4), RT(5), RT(6), RT(7), RT(8),
	RT(9), RT(10), RT(11), RT(12), RT(13), RT(14), RT(15), RT(16), RT(17),
	RT(18), RT(19), RT(20), RT(21), RT(22), RT(23), RT(24), RT(25), RT(26),
	RT(27), RT(28), RT(29), RT(30), RT(31), RT(32),
};
#undef RT

const char *xlat_signal(int sig)
{
	if (sig >= __SIGRTMIN && sig <= __SIGRTMAX
	    && sig - __SIGRTMIN < (int)(sizeof rt_signals / sizeof rt_signals[0]))
		return rt_signals[sig - __SIGRTMIN];
	if (sig <= 0)
		return NULL;
	return xlat_name(signals, (uint64_t)sig);
}

void xlat_put_signal(struct strbuf *sb, int sig)
{
	const char *name = xlat_signal(sig);
	if (name)
		sb_puts(sb, name);
	else
		sb_printf(sb, "%d", sig);
}
