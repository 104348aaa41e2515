/* xlat_fs.c - names of file-related constants.
 *
 * Open flags, AT_* and fcntl commands come from the kernel's
 * <linux/fcntl.h>, not glibc's <fcntl.h>: the decoder shows what the
 * kernel receives, and glibc hides some kernel bits (O_LARGEFILE is 0 in
 * 64-bit glibc but 0100000 in every i386 open).  The two headers cannot
 * be included together, hence no <fcntl.h> in this file.
 */
#include "config.h"

#include <inttypes.h>
#include <linux/fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xlat.h"

/* strace's order.  Multi-bit flags come before the bits they contain:
 * O_SYNC includes O_DSYNC and O_TMPFILE includes O_DIRECTORY. */
static const struct xlat open_flags[] = {
	XLAT(O_CREAT), XLAT(O_EXCL), XLAT(O_NOCTTY), XLAT(O_TRUNC),
	XLAT(O_APPEND), XLAT(O_NONBLOCK), XLAT(O_SYNC), XLAT(O_DSYNC),
	XLAT(O_DIRECT), XLAT(O_LARGEFILE), XLAT(O_NOFOLLOW), XLAT(O_NOATIME),
	XLAT(O_CLOEXEC), XLAT(O_PATH), XLAT(O_TMPFILE), XLAT(O_DIRECTORY),
	XLAT(FASYNC),
	XLAT_END
};

static const struct xlat access_modes[] = {
	XLAT(O_RDONLY), XLAT(O_WRONLY), XLAT(O_RDWR), XLAT(O_ACCMODE),
	XLAT_END
};

void xlat_put_open_flags(struct strbuf *sb, uint64_t flags)
{
	flags &= 0xffffffffu;		/* an int in every ABI */
	xlat_put_val(sb, access_modes, flags & O_ACCMODE, NULL);
	flags &= ~(uint64_t)O_ACCMODE;
	if (flags) {
		sb_putc(sb, '|');
		xlat_put_flags(sb, open_flags, flags, NULL);
	}
}

bool xlat_open_flags_take_mode(uint64_t flags)
{
	return (flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE;
}

static const struct xlat file_types[] = {
	XLAT(S_IFREG), XLAT(S_IFDIR), XLAT(S_IFCHR), XLAT(S_IFBLK),
	XLAT(S_IFIFO), XLAT(S_IFLNK), XLAT(S_IFSOCK),
	XLAT_END
};

void xlat_put_mode(struct strbuf *sb, uint64_t mode)
{
	mode &= 0xffffffffu;
	if (mode & S_IFMT) {
		xlat_put_val(sb, file_types, mode & S_IFMT, NULL);
		sb_putc(sb, '|');
	}
	mode &= ~(uint64_t)S_IFMT;
	/* strace's "%#03o": 000, 0644, 01777 */
	sb_printf(sb, "%#03" PRIo64, mode);
}

static const struct xlat at_flags_removedir[] = {
	XLAT(AT_SYMLINK_NOFOLLOW), XLAT(AT_REMOVEDIR), XLAT(AT_SYMLINK_FOLLOW),
	XLAT(AT_NO_AUTOMOUNT), XLAT(AT_EMPTY_PATH), XLAT(AT_STATX_FORCE_SYNC),
	XLAT(AT_STATX_DONT_SYNC), XLAT(AT_RECURSIVE),
	XLAT_END
};

static const struct xlat at_flags_eaccess[] = {
	XLAT(AT_SYMLINK_NOFOLLOW), XLAT(AT_EACCESS), XLAT(AT_SYMLINK_FOLLOW),
	XLAT(AT_NO_AUTOMOUNT), XLAT(AT_EMPTY_PATH), XLAT(AT_STATX_FORCE_SYNC),
	XLAT(AT_STATX_DONT_SYNC), XLAT(AT_RECURSIVE),
	XLAT_END
};

void xlat_put_at_flags(struct strbuf *sb, uint64_t flags, bool removedir)
{
	xlat_put_flags(sb, removedir ? at_flags_removedir : at_flags_eaccess,
		       flags & 0xffffffffu, NULL);
}

static const struct xlat access_bits[] = {
	XLAT(R_OK), XLAT(W_OK), XLAT(X_OK),
	XLAT_END
};

void xlat_put_access_mode(struct strbuf *sb, uint64_t mode)
{
	xlat_put_flags(sb, access_bits, mode & 0xffffffffu, "F_OK");
}

static const struct xlat whences[] = {
	XLAT(SEEK_SET), XLAT(SEEK_CUR), XLAT(SEEK_END), XLAT(SEEK_DATA),
	XLAT(SEEK_HOLE),
	XLAT_END
};

void xlat_put_whence(struct strbuf *sb, uint64_t whence)
{
	xlat_put_val(sb, whences, whence & 0xffffffffu, "SEEK_???");
}

static const struct xlat fcntl_cmds[] = {
	XLAT(F_DUPFD), XLAT(F_GETFD), XLAT(F_SETFD), XLAT(F_GETFL),
	XLAT(F_SETFL), XLAT(F_GETLK), XLAT(F_SETLK), XLAT(F_SETLKW),
	XLAT(F_SETOWN), XLAT(F_GETOWN), XLAT(F_SETSIG), XLAT(F_GETSIG),
	XLAT(F_SETOWN_EX), XLAT(F_GETOWN_EX), XLAT(F_GETOWNER_UIDS),
	XLAT(F_OFD_GETLK), XLAT(F_OFD_SETLK), XLAT(F_OFD_SETLKW),
	XLAT(F_SETLEASE), XLAT(F_GETLEASE), XLAT(F_NOTIFY), XLAT(F_CANCELLK),
	XLAT(F_DUPFD_CLOEXEC), XLAT(F_SETPIPE_SZ), XLAT(F_GETPIPE_SZ),
	XLAT(F_ADD_SEALS), XLAT(F_GET_SEALS), XLAT(F_GET_RW_HINT),
	XLAT(F_SET_RW_HINT), XLAT(F_GET_FILE_RW_HINT), XLAT(F_SET_FILE_RW_HINT),
#ifdef F_DUPFD_QUERY
	XLAT(F_DUPFD_QUERY),
#endif
	XLAT_END
};

/* fcntl64's struct flock64 commands exist only in 32-bit ABIs, and the
 * kernel header defines them only when built for one (__BITS_PER_LONG ==
 * 32), so a 64-bit janus decoding i386 needs the values typed in. */
static const struct xlat fcntl_cmds_compat32[] = {
#ifdef F_GETLK64
	XLAT(F_GETLK64), XLAT(F_SETLK64), XLAT(F_SETLKW64),
#else
	XLAT_PAIR(12, "F_GETLK64"), XLAT_PAIR(13, "F_SETLK64"), XLAT_PAIR(14, "F_SETLKW64"),
#endif
	XLAT_END
};

static const char *fcntl_cmd_name(uint64_t cmd, bool compat32)
{
	const char *name = compat32 ? xlat_name(fcntl_cmds_compat32, cmd) : NULL;
	return name ? name : xlat_name(fcntl_cmds, cmd);
}

void xlat_put_fcntl_cmd(struct strbuf *sb, uint64_t cmd, bool compat32)
{
	cmd &= 0xffffffffu;
	const char *name = fcntl_cmd_name(cmd, compat32);
	if (name)
		sb_puts(sb, name);
	else
		sb_printf(sb, "%#" PRIx64 " /* F_??? */", cmd);
}

enum fcntl_arg xlat_fcntl_arg(uint64_t cmd, bool compat32)
{
	cmd &= 0xffffffffu;
	switch (cmd) {
	case F_GETFD: case F_GETFL: case F_GETOWN: case F_GETSIG:
	case F_GETLEASE: case F_GETPIPE_SZ: case F_GET_SEALS:
		return FCNTL_ARG_NONE;
	case F_DUPFD: case F_DUPFD_CLOEXEC: case F_SETOWN: case F_SETPIPE_SZ:
#ifdef F_DUPFD_QUERY
	case F_DUPFD_QUERY:
#endif
		return FCNTL_ARG_INT;
	case F_SETFD:
		return FCNTL_ARG_FD_FLAGS;
	case F_SETFL:
		return FCNTL_ARG_OPEN_FLAGS;
	case F_SETSIG:
		return FCNTL_ARG_SIGNAL;
	case F_SETLEASE:
		return FCNTL_ARG_LEASE;
	case F_ADD_SEALS:
		return FCNTL_ARG_SEALS;
	case F_NOTIFY:
		return FCNTL_ARG_NOTIFY;
	}
	return fcntl_cmd_name(cmd, compat32) ? FCNTL_ARG_PTR : FCNTL_ARG_HEX;
}

static const struct xlat fd_flags[] = { XLAT(FD_CLOEXEC), XLAT_END };

static const struct xlat lease_types[] = {
	XLAT(F_RDLCK), XLAT(F_WRLCK), XLAT(F_UNLCK),
	XLAT_END
};

static const struct xlat seals[] = {
	XLAT(F_SEAL_SEAL), XLAT(F_SEAL_SHRINK), XLAT(F_SEAL_GROW),
	XLAT(F_SEAL_WRITE), XLAT(F_SEAL_FUTURE_WRITE),
#ifdef F_SEAL_EXEC
	XLAT(F_SEAL_EXEC),
#endif
	XLAT_END
};

static const struct xlat dnotify[] = {
	XLAT(DN_ACCESS), XLAT(DN_MODIFY), XLAT(DN_CREATE), XLAT(DN_DELETE),
	XLAT(DN_RENAME), XLAT(DN_ATTRIB), XLAT(DN_MULTISHOT),
	XLAT_END
};

void xlat_put_fcntl_arg(struct strbuf *sb, enum fcntl_arg kind, uint64_t v, unsigned wordsize)
{
	uint64_t word = wordsize == 4 ? v & 0xffffffffu : v;
	switch (kind) {
	case FCNTL_ARG_NONE:
		break;
	case FCNTL_ARG_INT:
		sb_printf(sb, "%d", (int)(int32_t)(uint32_t)v);
		break;
	case FCNTL_ARG_FD_FLAGS:
		xlat_put_flags(sb, fd_flags, v & 0xffffffffu, NULL);
		break;
	case FCNTL_ARG_OPEN_FLAGS:
		xlat_put_open_flags(sb, v);
		break;
	case FCNTL_ARG_SIGNAL:
		xlat_put_signal(sb, (int)(int32_t)(uint32_t)v);
		break;
	case FCNTL_ARG_LEASE:
		xlat_put_val(sb, lease_types, v & 0xffffffffu, "F_???");
		break;
	case FCNTL_ARG_SEALS:
		xlat_put_flags(sb, seals, v & 0xffffffffu, NULL);
		break;
	case FCNTL_ARG_NOTIFY:
		xlat_put_flags(sb, dnotify, v & 0xffffffffu, NULL);
		break;
	case FCNTL_ARG_PTR:
		if (!word) {
			sb_puts(sb, "NULL");
			break;
		}
		/* fall through */
	case FCNTL_ARG_HEX:
		sb_printf(sb, "%#" PRIx64, word);
		break;
	}
}
