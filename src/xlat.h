/* xlat.h - names of kernel constants, for the decoder.
 *
 * Every table entry is made with XLAT(NAME), which takes the value from
 * the system or kernel header that defines NAME and the text from the
 * name itself, so a table cannot disagree with the headers.  Tables end
 * with XLAT_END.  Where several names share a value, the table lists the
 * one strace prints.
 *
 * The xlat_put_* printers append to a strbuf in strace's notation: a
 * value by name ("F_GETFL"), an unknown value in hex followed by a C
 * comment naming the family ("F_???"), a flag set as "O_RDWR|O_CLOEXEC"
 * with unknown bits as a trailing "|0x...".
 */
#ifndef JANUS_XLAT_H
#define JANUS_XLAT_H

#include <stdbool.h>
#include <stdint.h>

#include "strbuf.h"

struct xlat {
	uint64_t val;
	const char *name;
};

#define XLAT(name) { (uint64_t)(name), #name }
/* For values no installed header provides; each use says why. */
#define XLAT_PAIR(val, name) { (uint64_t)(val), name }
#define XLAT_END { 0, NULL }

/* Generic lookups and printers (xlat.c). */
const char *xlat_name(const struct xlat *x, uint64_t val);	/* NULL: unknown */
/* Name, or hex followed by a comment naming the family ("F_???"). */
void xlat_put_val(struct strbuf *sb, const struct xlat *x, uint64_t val, const char *unknown);
/* Bit set: known flags joined by '|', then leftover bits in hex; a zero
 * value prints zero_name, or "0" when zero_name is NULL.  Entries are
 * taken in table order, so multi-bit flags must come before their parts. */
void xlat_put_flags(struct strbuf *sb, const struct xlat *x, uint64_t val, const char *zero_name);

/* Errors and signals (xlat.c). */
/* errno names of the fallback table, used when the C library has no
 * strerrorname_np; exported so a test can check it against the library. */
extern const struct xlat xlat_errno_fallback[];
/* Kernel-internal restart codes seen by tracers at syscall exit. */
bool xlat_errno_is_restart(int err);
/* Text of an error: strerror(), or strace's wording for restart codes. */
const char *xlat_errno_desc(int err, char *buf, unsigned len);
void xlat_put_signal(struct strbuf *sb, int sig);	/* name, or decimal */

/* Files (xlat_fs.c). */
void xlat_put_open_flags(struct strbuf *sb, uint64_t flags);
bool xlat_open_flags_take_mode(uint64_t flags);	/* O_CREAT or O_TMPFILE */
void xlat_put_mode(struct strbuf *sb, uint64_t mode);	/* [S_IFxxx|]0644 */
/* AT_* flags; 0x200 is AT_REMOVEDIR for unlinkat, AT_EACCESS elsewhere. */
void xlat_put_at_flags(struct strbuf *sb, uint64_t flags, bool removedir);
void xlat_put_access_mode(struct strbuf *sb, uint64_t mode);
void xlat_put_whence(struct strbuf *sb, uint64_t whence);
void xlat_put_fcntl_cmd(struct strbuf *sb, uint64_t cmd, bool compat32);
/* How fcntl's third argument is to be shown, by command. */
enum fcntl_arg {
	FCNTL_ARG_NONE,		/* F_GETFD ...: no argument */
	FCNTL_ARG_INT,		/* F_DUPFD, F_SETOWN, F_SETPIPE_SZ ... */
	FCNTL_ARG_FD_FLAGS,	/* F_SETFD: FD_CLOEXEC */
	FCNTL_ARG_OPEN_FLAGS,	/* F_SETFL: O_* */
	FCNTL_ARG_SIGNAL,	/* F_SETSIG */
	FCNTL_ARG_LEASE,	/* F_SETLEASE: F_RDLCK ... */
	FCNTL_ARG_SEALS,	/* F_ADD_SEALS: F_SEAL_* */
	FCNTL_ARG_NOTIFY,	/* F_NOTIFY: DN_* */
	FCNTL_ARG_PTR,		/* struct flock *, ...: NULL or 0x... */
	FCNTL_ARG_HEX,		/* unknown command: the raw word */
};
enum fcntl_arg xlat_fcntl_arg(uint64_t cmd, bool compat32);
void xlat_put_fcntl_arg(struct strbuf *sb, enum fcntl_arg kind, uint64_t v, unsigned wordsize);

/* Memory (xlat_mm.c). */
void xlat_put_prot(struct strbuf *sb, uint64_t prot);
void xlat_put_mmap_flags(struct strbuf *sb, uint64_t flags);

/* Processes (xlat_proc.c). */
/* CLONE_* flags; with_signal: the low byte is clone()'s exit signal. */
void xlat_put_clone_flags(struct strbuf *sb, uint64_t flags, bool with_signal);
void xlat_put_sigprocmask_how(struct strbuf *sb, uint64_t how);
void xlat_put_wait_options(struct strbuf *sb, uint64_t options);
void xlat_put_futex_op(struct strbuf *sb, uint64_t op);
/* The arguments after futex's op that the op uses, as bits of their
 * position after it (bit 0: val, 1: timeout or val2, 2: uaddr2, 3: val3);
 * strace shows only those. */
unsigned xlat_futex_args(uint64_t op);
void xlat_put_prctl_op(struct strbuf *sb, uint64_t op);
void xlat_put_arch_prctl_op(struct strbuf *sb, uint64_t op);
void xlat_put_ipc_call(struct strbuf *sb, uint64_t call);

/* Sockets (xlat_net.c). */
void xlat_put_sock_domain(struct strbuf *sb, uint64_t domain);
const char *xlat_sock_domain_name(uint64_t domain);	/* NULL: unknown */
void xlat_put_sock_type(struct strbuf *sb, uint64_t type);
void xlat_put_sock_level(struct strbuf *sb, uint64_t level);
void xlat_put_sockopt(struct strbuf *sb, uint64_t level, uint64_t opt);
void xlat_put_msg_flags(struct strbuf *sb, uint64_t flags);
void xlat_put_scm_type(struct strbuf *sb, uint64_t level, uint64_t type);
void xlat_put_socketcall(struct strbuf *sb, uint64_t call);

/* ioctl requests (xlat_ioctl.c): name, or _IOC(dir, type, nr, size). */
void xlat_put_ioctl_cmd(struct strbuf *sb, uint64_t cmd);

#endif
