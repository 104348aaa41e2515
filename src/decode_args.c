/* decode_args.c - one renderer per argument kind (argkind.h), and the
 * few arguments whose meaning depends on a neighbour (open's mode on its
 * flags, fcntl's argument on its command, a socket option on its level). */
#include "config.h"

#include <fcntl.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include "decode_priv.h"
#include "xlat.h"

unsigned decode_wordsize(const struct janus_arch *arch)
{
	return arch && arch->wordsize == 4 ? 4 : 8;
}

uint64_t decode_word(const struct arg_ctx *ax, uint64_t v)
{
	return decode_wordsize(ax->arch) == 4 ? v & 0xffffffffu : v;
}

/* int is 32 bits in every ABI: the low half of the register, signed. */
static int as_int(uint64_t v)
{
	return (int)(int32_t)(uint32_t)v;
}

static int64_t as_long(const struct arg_ctx *ax, uint64_t v)
{
	return decode_wordsize(ax->arch) == 4 ? (int64_t)as_int(v) : (int64_t)v;
}

bool decode_is_error(int64_t retval)
{
	return retval >= -4095 && retval <= -1;
}

unsigned decode_nargs(const struct sc_desc *sc)
{
	if (!sc)
		return 6;
	return sc->nargs > 6 ? 6 : sc->nargs;
}

static enum argkind kind_of(const struct arg_ctx *ax, unsigned i)
{
	if (!ax->sc)
		return AK_HEX;
	if (i >= decode_nargs(ax->sc))
		return AK_NONE;
	return ax->sc->arg[i] < AK_COUNT ? (enum argkind)ax->sc->arg[i] : AK_HEX;
}

static bool sc_is(const struct arg_ctx *ax, const char *name)
{
	return ax->sc && ax->sc->name && !strcmp(ax->sc->name, name);
}

/* Argument i; 0 past the call's arguments, whatever the register holds. */
static uint64_t arg(const struct arg_ctx *ax, unsigned i)
{
	return i < decode_nargs(ax->sc) ? ax->args[i] : 0;
}

void decode_put_ptr(struct strbuf *sb, uint64_t addr)
{
	if (addr)
		sb_printf(sb, "%#" PRIx64, addr);
	else
		sb_puts(sb, "NULL");
}

static void put_hex(struct strbuf *sb, uint64_t v)
{
	sb_printf(sb, "%#" PRIx64, v);	/* "0" for zero, as strace */
}

void decode_put_str(struct strbuf *sb, const struct arg_ctx *ax, uint64_t addr, size_t cap)
{
	char buf[DECODE_PATH_MAX + 1];
	size_t len;
	bool terminated;
	addr = decode_word(ax, addr);
	if (!addr) {
		sb_puts(sb, "NULL");
		return;
	}
	if (cap > DECODE_PATH_MAX)
		cap = DECODE_PATH_MAX;
	/* One byte past the cap tells a string of exactly cap bytes from a
	 * longer one. */
	if (decode_read_cstr(ax, addr, buf, cap + 1, &len, &terminated))
		decode_put_ptr(sb, addr);
	else
		sb_put_quoted(sb, buf, len, cap, !terminated);
}

void decode_put_buf(struct strbuf *sb, const struct arg_ctx *ax, uint64_t addr, uint64_t len)
{
	char buf[DECODE_STR_CAP];
	size_t shown = len < DECODE_STR_CAP ? (size_t)len : DECODE_STR_CAP;
	addr = decode_word(ax, addr);
	if (!addr) {
		sb_puts(sb, "NULL");
		return;
	}
	if (decode_read_full(ax, addr, buf, shown)) {
		decode_put_ptr(sb, addr);
		return;
	}
	sb_put_quoted(sb, buf, shown, DECODE_STR_CAP, len > shown);
}

/* ["ls", "-l"]: at most DECODE_ARRAY_CAP strings, then "...". */
static void put_argv(struct strbuf *sb, const struct arg_ctx *ax, uint64_t addr)
{
	unsigned ws = decode_wordsize(ax->arch);
	uint64_t p;
	addr = decode_word(ax, addr);
	if (!addr) {
		sb_puts(sb, "NULL");
		return;
	}
	if (decode_read_word(ax, addr, &p)) {
		decode_put_ptr(sb, addr);
		return;
	}
	sb_putc(sb, '[');
	for (unsigned k = 0; p; ) {
		if (k)
			sb_puts(sb, ", ");
		if (k == DECODE_ARRAY_CAP) {
			sb_puts(sb, "...");
			break;
		}
		decode_put_str(sb, ax, p, DECODE_STR_CAP);
		k++;
		if (decode_read_word(ax, decode_word(ax, addr + (uint64_t)k * ws), &p)) {
			sb_puts(sb, ", ...");
			break;
		}
	}
	sb_putc(sb, ']');
}

/* The environment as strace shows it by default: its address and size. */
#define ENVP_COUNT_MAX 65536u
static void put_envp(struct strbuf *sb, const struct arg_ctx *ax, uint64_t addr)
{
	unsigned ws = decode_wordsize(ax->arch);
	unsigned char chunk[512];
	unsigned count = 0;
	bool complete = false;
	addr = decode_word(ax, addr);
	if (!addr) {
		sb_puts(sb, "NULL");
		return;
	}
	while (count < ENVP_COUNT_MAX && !complete) {
		long got = decode_read(ax, decode_word(ax, addr + (uint64_t)count * ws), chunk, sizeof chunk);
		if (got < (long)ws)
			break;
		for (size_t off = 0; off + ws <= (size_t)got; off += ws) {
			uint64_t p = 0;
			memcpy(&p, chunk + off, ws);	/* little-endian hosts */
			if (!p) {
				complete = true;
				break;
			}
			count++;
		}
	}
	decode_put_ptr(sb, addr);
	if (complete)
		sb_printf(sb, " /* %u var%s */", count, count == 1 ? "" : "s");
	else if (count)
		sb_printf(sb, " /* %u+ vars */", count);
}

static void put_sockaddr_out(struct strbuf *sb, const struct arg_ctx *ax, unsigned i)
{
	uint64_t addr = decode_word(ax, arg(ax, i));
	uint64_t lenp = decode_word(ax, arg(ax, i + 1));
	uint32_t out;
	if (!addr || !lenp || decode_is_error(ax->retval)
	    || decode_read_full(ax, lenp, &out, sizeof out)) {
		decode_put_ptr(sb, addr);
		return;
	}
	/* The kernel wrote min(in, out) bytes; in was saved at entry. */
	if (ax->scratch && i + 1 < 6 && ax->scratch[i + 1].len) {
		unsigned long in = strtoul(ax->scratch[i + 1].s, NULL, 10);
		if (in < out)
			out = (uint32_t)in;
	}
	decode_put_sockaddr(sb, ax, addr, out);
}

/* A socklen_t * (accept's addrlen, getsockopt's optlen): "[16]", or
 * "[128 => 16]" when the call changed it. */
static void put_len_ptr(struct strbuf *sb, const struct arg_ctx *ax, unsigned i,
			bool have_in, uint32_t in)
{
	uint64_t p = decode_word(ax, arg(ax, i));
	uint32_t out;
	if (!p || decode_read_full(ax, p, &out, sizeof out)) {
		decode_put_ptr(sb, p);
		return;
	}
	if (have_in && in != out)
		sb_printf(sb, "[%u => %u]", in, out);
	else
		sb_printf(sb, "[%u]", out);
}

/* setsockopt's optval at entry, getsockopt's at exit: an int as [1],
 * anything else as bytes. */
static void put_sockopt_val(struct strbuf *sb, const struct arg_ctx *ax, unsigned i)
{
	uint64_t p = decode_word(ax, arg(ax, i));
	uint64_t len = arg(ax, i + 1) & 0xffffffffu;
	if (ax->exiting) {
		uint32_t out;
		uint64_t lenp = decode_word(ax, arg(ax, i + 1));
		if (decode_is_error(ax->retval) || !lenp
		    || decode_read_full(ax, lenp, &out, sizeof out)) {
			decode_put_ptr(sb, p);
			return;
		}
		len = out;
	}
	int32_t v;
	if (p && len == sizeof v && !decode_read_full(ax, p, &v, sizeof v))
		sb_printf(sb, "[%d]", v);
	else
		decode_put_buf(sb, ax, p, len);
}

/* Roles: how an argument is read beyond its own kind. */
enum role {
	ROLE_PLAIN,
	ROLE_OPEN_MODE,		/* AK_MODE after AK_OPEN_FLAGS: only with O_CREAT */
	ROLE_FCNTL_ARG,		/* after AK_FCNTL_CMD */
	ROLE_ADDRLEN,		/* socklen_t * after AK_SOCKADDR_OUT */
	ROLE_SOCKOPT_VAL,	/* after AK_SOCKOPT */
	ROLE_SOCKOPT_LEN,	/* getsockopt's socklen_t * */
	ROLE_ENVP,		/* second AK_ARGV of a call */
	ROLE_DEV,		/* mknod's device after AK_MODE: only for devices */
	ROLE_FUTEX_ARG,		/* after AK_FUTEX_OP: only those the op uses */
	ROLE_CWD,		/* getcwd's buffer: a path at exit */
};

static enum role role_of(const struct arg_ctx *ax, unsigned i)
{
	enum argkind k = kind_of(ax, i);
	enum argkind prev = i ? kind_of(ax, i - 1) : AK_NONE;
	if (!ax->sc)
		return ROLE_PLAIN;
	if (prev == AK_OPEN_FLAGS && k == AK_MODE)
		return ROLE_OPEN_MODE;
	if (prev == AK_FCNTL_CMD)
		return ROLE_FCNTL_ARG;
	if (prev == AK_SOCKADDR_OUT)
		return ROLE_ADDRLEN;
	if (prev == AK_MODE && (k == AK_HEX || k == AK_UINT))
		return ROLE_DEV;
	for (unsigned j = 0; j < i; j++)
		if (kind_of(ax, j) == AK_FUTEX_OP)
			return ROLE_FUTEX_ARG;
	if (prev == AK_SOCKOPT)
		return ROLE_SOCKOPT_VAL;
	if (i >= 2 && kind_of(ax, i - 2) == AK_SOCKOPT && sc_is(ax, "getsockopt"))
		return ROLE_SOCKOPT_LEN;
	if (k == AK_ARGV)
		for (unsigned j = 0; j < i; j++)
			if (kind_of(ax, j) == AK_ARGV)
				return ROLE_ENVP;
	if (i == 0 && (k == AK_STR || k == AK_BUF_OUT || k == AK_PTR) && sc_is(ax, "getcwd"))
		return ROLE_CWD;
	return ROLE_PLAIN;
}

static bool is_output(const struct arg_ctx *ax, unsigned i)
{
	switch (role_of(ax, i)) {
	case ROLE_ADDRLEN:
	case ROLE_SOCKOPT_LEN:
	case ROLE_CWD:
		return true;
	case ROLE_SOCKOPT_VAL:
		return sc_is(ax, "getsockopt");
	default:
		break;
	}
	switch (kind_of(ax, i)) {
	case AK_BUF_OUT:
	case AK_SOCKADDR_OUT:
		return true;
	case AK_MSGHDR:		/* recvmsg fills it; sendmsg reads it */
		return ax->sc && ax->sc->name && !strncmp(ax->sc->name, "recv", 4);
	default:
		return false;
	}
}

static void put_by_kind(struct strbuf *sb, const struct arg_ctx *ax, unsigned i)
{
	uint64_t v = arg(ax, i);
	bool compat32 = decode_wordsize(ax->arch) == 4;
	switch (kind_of(ax, i)) {
	case AK_INT: case AK_FD: case AK_PID:
		sb_printf(sb, "%d", as_int(v));
		break;
	case AK_LONG:
		sb_printf(sb, "%" PRId64, as_long(ax, v));
		break;
	case AK_UINT:
		sb_printf(sb, "%" PRIu64, decode_word(ax, v));
		break;
	case AK_PTR:
		decode_put_ptr(sb, decode_word(ax, v));
		break;
	case AK_DIRFD:
		if (as_int(v) == AT_FDCWD)
			sb_puts(sb, "AT_FDCWD");
		else
			sb_printf(sb, "%d", as_int(v));
		break;
	case AK_PATH:
		decode_put_str(sb, ax, v, DECODE_PATH_MAX);
		break;
	case AK_STR:
		decode_put_str(sb, ax, v, DECODE_STR_CAP);
		break;
	case AK_BUF_IN:
		decode_put_buf(sb, ax, v, decode_word(ax, arg(ax, i + 1)));
		break;
	case AK_BUF_OUT:
		if (!ax->exiting || decode_is_error(ax->retval))
			decode_put_ptr(sb, decode_word(ax, v));
		else
			decode_put_buf(sb, ax, v, (uint64_t)ax->retval);
		break;
	case AK_ARGV:
		put_argv(sb, ax, v);
		break;
	case AK_OPEN_FLAGS:
		xlat_put_open_flags(sb, v);
		break;
	case AK_MODE:
		xlat_put_mode(sb, v);
		break;
	case AK_AT_FLAGS:
		xlat_put_at_flags(sb, v, sc_is(ax, "unlinkat"));
		break;
	case AK_ACCESS_MODE:
		xlat_put_access_mode(sb, v);
		break;
	case AK_PROT:
		xlat_put_prot(sb, v);
		break;
	case AK_MMAP_FLAGS:
		xlat_put_mmap_flags(sb, v);
		break;
	case AK_CLONE_FLAGS:
		xlat_put_clone_flags(sb, decode_word(ax, v),
				     !sc_is(ax, "unshare") && !sc_is(ax, "setns"));
		break;
	case AK_SIGNAL:
		xlat_put_signal(sb, as_int(v));
		break;
	case AK_SIGPROCMASK_HOW:
		xlat_put_sigprocmask_how(sb, v);
		break;
	case AK_SOCKADDR:
		decode_put_sockaddr(sb, ax, v, arg(ax, i + 1) & 0xffffffffu);
		break;
	case AK_SOCKADDR_OUT:
		put_sockaddr_out(sb, ax, i);
		break;
	case AK_SOCK_DOMAIN:
		xlat_put_sock_domain(sb, v);
		break;
	case AK_SOCK_TYPE:
		xlat_put_sock_type(sb, v);
		break;
	case AK_SOCK_LEVEL:
		xlat_put_sock_level(sb, v);
		break;
	case AK_SOCKOPT:
		xlat_put_sockopt(sb, i ? arg(ax, i - 1) : UINT64_MAX, v);
		break;
	case AK_MSGHDR:
		if (ax->exiting && decode_is_error(ax->retval))
			decode_put_ptr(sb, decode_word(ax, v));
		else
			decode_put_msghdr(sb, ax, v, ax->exiting ? ax->retval : -1, -1);
		break;
	case AK_IOCTL_CMD:
		xlat_put_ioctl_cmd(sb, v);
		break;
	case AK_FCNTL_CMD:
		xlat_put_fcntl_cmd(sb, v, compat32);
		break;
	case AK_WHENCE:
		xlat_put_whence(sb, v);
		break;
	case AK_WAIT_OPTIONS:
		xlat_put_wait_options(sb, v);
		break;
	case AK_FUTEX_OP:
		xlat_put_futex_op(sb, v);
		break;
	case AK_PRCTL_OP:
		xlat_put_prctl_op(sb, v);
		break;
	case AK_ARCH_PRCTL_OP:
		xlat_put_arch_prctl_op(sb, v);
		break;
	case AK_SOCKETCALL:
		xlat_put_socketcall(sb, v);
		break;
	case AK_IPC_CALL:
		xlat_put_ipc_call(sb, v);
		break;
	case AK_NONE: case AK_HEX: case AK_COUNT:
	default:
		put_hex(sb, decode_word(ax, v));
		break;
	}
}

/* Entry scratch of an output argument: the input value of a socklen_t *,
 * or recvmsg's msg_namelen. */
static void stash_entry(struct strbuf *sb, const struct arg_ctx *ax, unsigned i)
{
	enum role r = role_of(ax, i);
	uint64_t p = decode_word(ax, arg(ax, i));
	uint32_t in;
	sb_reset(sb);
	if (!p)
		return;
	if ((r == ROLE_ADDRLEN || r == ROLE_SOCKOPT_LEN) && !decode_read_full(ax, p, &in, sizeof in))
		sb_printf(sb, "%u", in);
	else if (r == ROLE_PLAIN && kind_of(ax, i) == AK_MSGHDR && !decode_msghdr_namelen(ax, p, &in))
		sb_printf(sb, "%u", in);
}

bool decode_arg(struct strbuf *sb, const struct arg_ctx *ax, unsigned i)
{
	bool output = is_output(ax, i);
	if (!ax->exiting && output) {
		stash_entry(sb, ax, i);
		return false;
	}
	bool have_in = sb->len > 0;
	uint32_t in = have_in ? (uint32_t)strtoul(sb->s, NULL, 10) : 0;
	sb_reset(sb);
	switch (role_of(ax, i)) {
	case ROLE_OPEN_MODE:
		if (xlat_open_flags_take_mode(arg(ax, i - 1)))
			xlat_put_mode(sb, arg(ax, i));
		break;		/* else omitted */
	case ROLE_FCNTL_ARG: {
		bool compat32 = decode_wordsize(ax->arch) == 4;
		xlat_put_fcntl_arg(sb, xlat_fcntl_arg(arg(ax, i - 1), compat32), arg(ax, i),
				   decode_wordsize(ax->arch));
		break;
	}
	case ROLE_ADDRLEN:
	case ROLE_SOCKOPT_LEN:
		/* Also after an error, as strace: the length the call was given. */
		put_len_ptr(sb, ax, i, have_in && output, in);
		break;
	case ROLE_SOCKOPT_VAL:
		put_sockopt_val(sb, ax, i);
		break;
	case ROLE_ENVP:
		put_envp(sb, ax, arg(ax, i));
		break;
	case ROLE_FUTEX_ARG: {
		unsigned j = 0;
		while (kind_of(ax, j) != AK_FUTEX_OP)
			j++;
		if (xlat_futex_args(arg(ax, j)) & (1u << (i - j - 1)))
			put_by_kind(sb, ax, i);
		break;		/* else omitted */
	}
	case ROLE_DEV: {
		uint64_t type = arg(ax, i - 1) & S_IFMT;
		uint32_t dev = (uint32_t)arg(ax, i);	/* the kernel's 32-bit encoding */
		if (type == S_IFCHR || type == S_IFBLK)
			sb_printf(sb, "makedev(%#x, %#x)", major(dev), minor(dev));
		break;		/* else omitted */
	}
	case ROLE_CWD:
		if (decode_is_error(ax->retval))
			decode_put_ptr(sb, decode_word(ax, arg(ax, i)));
		else
			decode_put_str(sb, ax, arg(ax, i), DECODE_PATH_MAX);
		break;
	case ROLE_PLAIN:
		if (kind_of(ax, i) == AK_MSGHDR && output && !decode_is_error(ax->retval))
			decode_put_msghdr(sb, ax, arg(ax, i), ax->retval, have_in ? (int64_t)in : -1);
		else
			put_by_kind(sb, ax, i);
		break;
	}
	return true;
}
