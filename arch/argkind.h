/* argkind.h - how each syscall argument and result is to be understood.
 *
 * The tables in arch/syscalls.list name these kinds (the token after
 * AK_/RK_, lower-case: "path", "open_flags", ...).  The decoder renders
 * each kind; the policy engine uses the same kinds to know which
 * arguments are paths, addresses, fds.
 */
#ifndef JANUS_ARGKIND_H
#define JANUS_ARGKIND_H

enum argkind {
	AK_NONE = 0,
	AK_INT,			/* signed decimal (int width of the ABI) */
	AK_LONG,		/* signed decimal, full word */
	AK_UINT,		/* unsigned decimal */
	AK_HEX,			/* hexadecimal number */
	AK_PTR,			/* opaque pointer: NULL or 0x... */
	AK_FD,			/* file descriptor */
	AK_DIRFD,		/* fd or AT_FDCWD */
	AK_PATH,		/* NUL-terminated path read from the tracee */
	AK_STR,			/* NUL-terminated string, capped */
	AK_BUF_IN,		/* buffer the call reads; length is the next arg */
	AK_BUF_OUT,		/* buffer the call fills; length is the result */
	AK_ARGV,		/* NULL-terminated array of strings */
	AK_OPEN_FLAGS,		/* O_* */
	AK_MODE,		/* octal permission bits */
	AK_AT_FLAGS,		/* AT_* */
	AK_ACCESS_MODE,		/* F_OK / R_OK|W_OK|X_OK */
	AK_PROT,		/* PROT_* */
	AK_MMAP_FLAGS,		/* MAP_* */
	AK_CLONE_FLAGS,		/* CLONE_* plus exit signal */
	AK_SIGNAL,		/* signal number: SIGTERM */
	AK_SIGPROCMASK_HOW,	/* SIG_BLOCK ... */
	AK_SOCKADDR,		/* struct sockaddr *; length is the next arg */
	AK_SOCKADDR_OUT,	/* sockaddr filled by the call; next arg is socklen_t * */
	AK_SOCK_DOMAIN,		/* AF_* */
	AK_SOCK_TYPE,		/* SOCK_* | SOCK_NONBLOCK | SOCK_CLOEXEC */
	AK_SOCK_LEVEL,		/* SOL_SOCKET, IPPROTO_* */
	AK_SOCKOPT,		/* option name; decoded with the previous level */
	AK_MSGHDR,		/* struct msghdr * (sendmsg / recvmsg) */
	AK_IOCTL_CMD,		/* TCGETS, FIONREAD, ... */
	AK_FCNTL_CMD,		/* F_GETFL, ... */
	AK_WHENCE,		/* SEEK_* */
	AK_WAIT_OPTIONS,	/* WNOHANG ... */
	AK_PID,			/* process id (decimal) */
	AK_FUTEX_OP,		/* FUTEX_* */
	AK_PRCTL_OP,		/* PR_* */
	AK_ARCH_PRCTL_OP,	/* ARCH_* (x86) */
	AK_SOCKETCALL,		/* i386 socketcall(2) sub-call number */
	AK_IPC_CALL,		/* i386 ipc(2) sub-call number */
	AK_COUNT
};

enum retkind {
	RK_INT = 0,		/* -4095..-1 are -errno; else decimal */
	RK_FD,			/* like RK_INT, the value is a new fd */
	RK_HEX,			/* address (mmap, brk): hexadecimal */
	RK_NORETURN,		/* exit, exit_group: "= ?" */
	RK_COUNT
};

#endif
