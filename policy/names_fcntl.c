/* names_fcntl.c - fcntl command names (linux/fcntl.h, asm-generic/fcntl.h). */
#include "config.h"

#include <linux/fcntl.h>

#include "names.h"

/* asm-generic/fcntl.h defines F_GETLK64/F_SETLK64/F_SETLKW64 only in
 * 32-bit builds; their values are the same on every 32-bit ABI janus
 * knows.  A 32-bit libc sends them through fcntl64 for the same request
 * as F_GETLK/F_SETLK/F_SETLKW, so the policy name covers both numbers
 * (12..14 mean nothing to a 64-bit fcntl: the kernel returns EINVAL). */
#define COMPAT_F_GETLK64 12
#define COMPAT_F_SETLK64 13
#define COMPAT_F_SETLKW64 14

#define F(n) { #n, { n, 0 }, 1 }
#define F2(n, b) { #n, { n, b }, 2 }

static const struct name_entry fcntls[] = {
	F(F_DUPFD), F(F_GETFD), F(F_SETFD), F(F_GETFL), F(F_SETFL),
	F2(F_GETLK, COMPAT_F_GETLK64), F2(F_SETLK, COMPAT_F_SETLK64),
	F2(F_SETLKW, COMPAT_F_SETLKW64),
	F(F_SETOWN), F(F_GETOWN), F(F_SETSIG), F(F_GETSIG),
	F(F_SETOWN_EX), F(F_GETOWN_EX), F(F_GETOWNER_UIDS),
	F(F_OFD_GETLK), F(F_OFD_SETLK), F(F_OFD_SETLKW),
	F(F_SETLEASE), F(F_GETLEASE), F(F_NOTIFY), F(F_CANCELLK),
	F(F_DUPFD_CLOEXEC), F(F_SETPIPE_SZ), F(F_GETPIPE_SZ),
	F(F_ADD_SEALS), F(F_GET_SEALS),
	F(F_GET_RW_HINT), F(F_SET_RW_HINT), F(F_GET_FILE_RW_HINT), F(F_SET_FILE_RW_HINT),
	{ "F_GETLK64", { COMPAT_F_GETLK64, 0 }, 1 },
	{ "F_SETLK64", { COMPAT_F_SETLK64, 0 }, 1 },
	{ "F_SETLKW64", { COMPAT_F_SETLKW64, 0 }, 1 },
};

const struct name_table names_fcntl = {
	"fcntl command", NULL, 0, fcntls, sizeof fcntls / sizeof fcntls[0]
};
