/* check_decode.c - the decoder against fake tracee memory.
 *
 * Each test builds its own struct sc_desc and struct janus_arch (the
 * generated tables are not needed), lays out arguments in a byte array
 * that stands for the tracee's memory at a fake base address, and checks
 * the exact strace-style text.  Expected strings were taken from strace
 * 6.1 on the same calls where strace decodes them.
 */
#include "config.h"

#include <arpa/inet.h>
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <linux/futex.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>

#include "decode.h"
#include "strbuf.h"
#include "xlat.h"
#include "unit_run.h"

/* ---- fake tracee memory ------------------------------------------------ */

#define MEM_BASE 0x10000u	/* below 4 GiB: usable by both ABIs */
#define MEM_SIZE 65536u

struct fakemem {
	uint64_t base;
	size_t used;
	size_t limit;		/* bytes readable from base; the rest faults */
	unsigned char bytes[MEM_SIZE];
};

static struct fakemem mem;

/* Reads like process_vm_readv: short at the end of the mapping, -EFAULT
 * when nothing at addr is mapped. */
static long fake_read(void *ctx, uint64_t addr, void *buf, size_t len)
{
	struct fakemem *m = ctx;
	if (addr < m->base || addr - m->base >= m->limit)
		return -EFAULT;
	size_t off = (size_t)(addr - m->base);
	size_t n = m->limit - off < len ? m->limit - off : len;
	memcpy(buf, m->bytes + off, n);
	return (long)n;
}

static void mem_reset(void)
{
	memset(&mem, 0, sizeof mem);
	mem.base = MEM_BASE;
	mem.limit = MEM_SIZE;
}

static uint64_t mem_put(const void *data, size_t len)
{
	mem.used = (mem.used + 7) & ~(size_t)7;
	ck_assert_uint_le(mem.used + len, MEM_SIZE);
	memcpy(mem.bytes + mem.used, data, len);
	uint64_t addr = mem.base + mem.used;
	mem.used += len;
	return addr;
}

static uint64_t mem_str(const char *s)
{
	return mem_put(s, strlen(s) + 1);
}

/* Places len bytes so that they end exactly where readable memory ends. */
static uint64_t mem_put_at_end(const void *data, size_t len)
{
	uint64_t addr = mem_put(data, len);
	mem.limit = (size_t)(addr - mem.base) + len;
	return addr;
}

/* An array of pointer-sized words of the given ABI. */
static uint64_t mem_words(unsigned ws, const uint64_t *w, size_t n)
{
	unsigned char buf[8 * 64];
	ck_assert_uint_le(n, 64);
	for (size_t i = 0; i < n; i++) {
		if (ws == 4) {
			uint32_t v = (uint32_t)w[i];
			memcpy(buf + 4 * i, &v, 4);
		} else {
			memcpy(buf + 8 * i, &w[i], 8);
		}
	}
	return mem_put(buf, ws * n);
}

static void mem_write(uint64_t addr, const void *data, size_t len)
{
	memcpy(mem.bytes + (addr - mem.base), data, len);
}

/* ---- fake ABIs and syscalls ---------------------------------------- */

static const struct janus_arch abi64 = { .name = "x86_64", .abi = JANUS_ABI_X86_64, .wordsize = 8 };
static const struct janus_arch abi32 = { .name = "i386", .abi = JANUS_ABI_I386, .wordsize = 4 };

#define SC(nm, rk, n, ...) { .name = nm, .nargs = n, .arg = { __VA_ARGS__ }, .ret = rk }
static const struct sc_desc sc_openat = SC("openat", RK_FD, 4, AK_DIRFD, AK_PATH, AK_OPEN_FLAGS, AK_MODE);
static const struct sc_desc sc_read = SC("read", RK_INT, 3, AK_FD, AK_BUF_OUT, AK_UINT);
static const struct sc_desc sc_write = SC("write", RK_INT, 3, AK_FD, AK_BUF_IN, AK_UINT);
static const struct sc_desc sc_mmap = SC("mmap", RK_HEX, 6, AK_PTR, AK_UINT, AK_PROT, AK_MMAP_FLAGS, AK_FD, AK_HEX);
static const struct sc_desc sc_exit_group = SC("exit_group", RK_NORETURN, 1, AK_INT);
static const struct sc_desc sc_connect = SC("connect", RK_INT, 3, AK_FD, AK_SOCKADDR, AK_UINT);
static const struct sc_desc sc_accept = SC("accept", RK_FD, 3, AK_FD, AK_SOCKADDR_OUT, AK_PTR);
static const struct sc_desc sc_clone = SC("clone", RK_INT, 5, AK_CLONE_FLAGS, AK_PTR, AK_PTR, AK_PTR, AK_HEX);
static const struct sc_desc sc_unshare = SC("unshare", RK_INT, 1, AK_CLONE_FLAGS);
static const struct sc_desc sc_execve = SC("execve", RK_INT, 3, AK_PATH, AK_ARGV, AK_ARGV);
static const struct sc_desc sc_fcntl = SC("fcntl", RK_INT, 3, AK_FD, AK_FCNTL_CMD, AK_HEX);
static const struct sc_desc sc_sendmsg = SC("sendmsg", RK_INT, 3, AK_FD, AK_MSGHDR, AK_HEX);
static const struct sc_desc sc_recvmsg = SC("recvmsg", RK_INT, 3, AK_FD, AK_MSGHDR, AK_HEX);
static const struct sc_desc sc_setsockopt = SC("setsockopt", RK_INT, 5, AK_FD, AK_SOCK_LEVEL, AK_SOCKOPT, AK_PTR, AK_UINT);
static const struct sc_desc sc_getsockopt = SC("getsockopt", RK_INT, 5, AK_FD, AK_SOCK_LEVEL, AK_SOCKOPT, AK_PTR, AK_PTR);
static const struct sc_desc sc_kill = SC("kill", RK_INT, 2, AK_PID, AK_SIGNAL);
static const struct sc_desc sc_futex = SC("futex", RK_INT, 6, AK_PTR, AK_FUTEX_OP, AK_UINT, AK_PTR, AK_PTR, AK_UINT);
static const struct sc_desc sc_ioctl = SC("ioctl", RK_INT, 3, AK_FD, AK_IOCTL_CMD, AK_PTR);
static const struct sc_desc sc_unlinkat = SC("unlinkat", RK_INT, 3, AK_DIRFD, AK_PATH, AK_AT_FLAGS);
static const struct sc_desc sc_faccessat2 = SC("faccessat2", RK_INT, 4, AK_DIRFD, AK_PATH, AK_ACCESS_MODE, AK_AT_FLAGS);
static const struct sc_desc sc_socket = SC("socket", RK_FD, 3, AK_SOCK_DOMAIN, AK_SOCK_TYPE, AK_INT);
static const struct sc_desc sc_wait4 = SC("wait4", RK_INT, 4, AK_PID, AK_PTR, AK_WAIT_OPTIONS, AK_PTR);
static const struct sc_desc sc_getcwd = SC("getcwd", RK_INT, 2, AK_BUF_OUT, AK_UINT);
static const struct sc_desc sc_sethostname = SC("sethostname", RK_INT, 2, AK_STR, AK_UINT);
static const struct sc_desc sc_lseek = SC("lseek", RK_INT, 3, AK_FD, AK_LONG, AK_WHENCE);
static const struct sc_desc sc_prctl = SC("prctl", RK_INT, 2, AK_PRCTL_OP, AK_HEX);
static const struct sc_desc sc_arch_prctl = SC("arch_prctl", RK_INT, 2, AK_ARCH_PRCTL_OP, AK_HEX);
static const struct sc_desc sc_sigprocmask = SC("rt_sigprocmask", RK_INT, 4, AK_SIGPROCMASK_HOW, AK_PTR, AK_PTR, AK_UINT);
static const struct sc_desc sc_socketcall = SC("socketcall", RK_INT, 2, AK_SOCKETCALL, AK_PTR);
static const struct sc_desc sc_ipc = SC("ipc", RK_INT, 2, AK_IPC_CALL, AK_INT);
static const struct sc_desc sc_mkdir = SC("mkdir", RK_INT, 2, AK_PATH, AK_MODE);
static const struct sc_desc sc_mknodat = SC("mknodat", RK_INT, 4, AK_DIRFD, AK_PATH, AK_MODE, AK_HEX);
static const struct sc_desc sc_accept4 = SC("accept4", RK_FD, 4, AK_FD, AK_SOCKADDR_OUT, AK_PTR, AK_SOCK_TYPE);

/* ---- driving the decoder -------------------------------------------- */

static struct call_record rec;
static struct strbuf out;

static void setup(void)
{
	mem_reset();
	memset(&rec, 0, sizeof rec);
	memset(&out, 0, sizeof out);
}

static void teardown(void)
{
	call_record_free(&rec);
	sb_free(&out);
}

static struct call_view view(const struct janus_arch *a, const struct sc_desc *sc, uint64_t nr,
			     const uint64_t args[6], int64_t retval)
{
	struct call_view cv = { .pid = 42, .arch = a, .sc = sc, .nr = nr,
				.retval = retval, .read = fake_read, .read_ctx = &mem };
	memcpy(cv.args, args, sizeof cv.args);
	return cv;
}

static void enter(const struct janus_arch *a, const struct sc_desc *sc, const uint64_t args[6])
{
	struct call_view cv = view(a, sc, 7, args, 0);
	decode_entry(&rec, &cv);
}

static void leave(const struct janus_arch *a, const struct sc_desc *sc, const uint64_t args[6], int64_t ret)
{
	struct call_view cv = view(a, sc, 7, args, ret);
	decode_exit(&rec, &cv);
}

static const char *text(void)
{
	sb_reset(&out);
	decode_text(&out, &rec);
	return out.s;
}

static const char *json(void)
{
	sb_reset(&out);
	decode_json(&out, &rec);
	return out.s;
}

/* Whole call, entry then exit with ret, as text. */
static const char *call(const struct janus_arch *a, const struct sc_desc *sc,
			const uint64_t args[6], int64_t ret)
{
	enter(a, sc, args);
	leave(a, sc, args, ret);
	return text();
}

#define A(...) ((const uint64_t[6]){ __VA_ARGS__ })

/* ---- a JSON syntax checker, independent of the code under test ------- */

struct jp {
	const unsigned char *s;
	size_t i, n;
};

static void j_ws(struct jp *p)
{
	while (p->i < p->n && strchr(" \t\r\n", p->s[p->i]))
		p->i++;
}

static bool j_lit(struct jp *p, const char *lit)
{
	size_t l = strlen(lit);
	if (p->n - p->i < l || memcmp(p->s + p->i, lit, l))
		return false;
	p->i += l;
	return true;
}

/* Well-formed UTF-8 sequence at p->i: decodes the code point and checks
 * it against the shortest form, surrogates and the Unicode maximum. */
static bool j_utf8(struct jp *p)
{
	unsigned c = p->s[p->i], len;
	uint32_t cp, min;
	if (c >= 0xc0 && c < 0xe0) { len = 2; cp = c & 0x1f; min = 0x80; }
	else if (c >= 0xe0 && c < 0xf0) { len = 3; cp = c & 0x0f; min = 0x800; }
	else if (c >= 0xf0 && c < 0xf8) { len = 4; cp = c & 0x07; min = 0x10000; }
	else return false;
	if (p->n - p->i < len)
		return false;
	for (unsigned k = 1; k < len; k++) {
		if ((p->s[p->i + k] & 0xc0) != 0x80)
			return false;
		cp = cp << 6 | (p->s[p->i + k] & 0x3f);
	}
	if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return false;
	p->i += len;
	return true;
}

/* A string; its decoded bytes go to dec (if not NULL, code points above
 * 0x7f as UTF-8... only \u00XX escapes are produced by the encoder, and
 * they decode to the byte XX, which is what the tests compare). */
static bool j_string(struct jp *p, struct strbuf *dec)
{
	if (p->i >= p->n || p->s[p->i] != '"')
		return false;
	p->i++;
	while (p->i < p->n) {
		unsigned char c = p->s[p->i];
		if (c == '"') {
			p->i++;
			return true;
		}
		if (c < 0x20)
			return false;
		if (c == '\\') {
			if (++p->i >= p->n)
				return false;
			c = p->s[p->i++];
			const char *simple = strchr("\"\\/bfnrt", c);
			if (c && simple) {
				static const char map[] = "\"\\/\b\f\n\r\t";
				if (dec)
					sb_putc(dec, map[simple - "\"\\/bfnrt"]);
				continue;
			}
			if (c != 'u' || p->n - p->i < 4)
				return false;
			unsigned v = 0;
			for (int k = 0; k < 4; k++) {
				char h = (char)p->s[p->i++];
				if (!strchr("0123456789abcdefABCDEF", h) || !h)
					return false;
				v = v * 16 + (unsigned)(h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10);
			}
			if (dec)
				sb_putc(dec, (char)v);
			continue;
		}
		if (c >= 0x80) {
			size_t start = p->i;
			if (!j_utf8(p))
				return false;
			if (dec)
				sb_putn(dec, (const char *)p->s + start, p->i - start);
			continue;
		}
		if (dec)
			sb_putc(dec, (char)c);
		p->i++;
	}
	return false;
}

static bool j_number(struct jp *p)
{
	size_t start = p->i;
	if (p->i < p->n && p->s[p->i] == '-')
		p->i++;
	if (p->i >= p->n)
		return false;
	if (p->s[p->i] == '0')
		p->i++;
	else if (p->s[p->i] >= '1' && p->s[p->i] <= '9')
		while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9')
			p->i++;
	else
		return false;
	if (p->i < p->n && p->s[p->i] == '.') {
		p->i++;
		if (p->i >= p->n || p->s[p->i] < '0' || p->s[p->i] > '9')
			return false;
		while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9')
			p->i++;
	}
	return p->i > start;
}

static bool j_value(struct jp *p, int depth);

static bool j_container(struct jp *p, int depth, char close, bool object)
{
	p->i++;
	j_ws(p);
	if (p->i < p->n && p->s[p->i] == close) {
		p->i++;
		return true;
	}
	for (;;) {
		j_ws(p);
		if (object) {
			if (!j_string(p, NULL))
				return false;
			j_ws(p);
			if (p->i >= p->n || p->s[p->i++] != ':')
				return false;
		}
		if (!j_value(p, depth + 1))
			return false;
		j_ws(p);
		if (p->i >= p->n)
			return false;
		if (p->s[p->i] == ',') {
			p->i++;
			continue;
		}
		if (p->s[p->i] == close) {
			p->i++;
			return true;
		}
		return false;
	}
}

static bool j_value(struct jp *p, int depth)
{
	if (depth > 32)
		return false;
	j_ws(p);
	if (p->i >= p->n)
		return false;
	switch (p->s[p->i]) {
	case '{': return j_container(p, depth, '}', true);
	case '[': return j_container(p, depth, ']', false);
	case '"': return j_string(p, NULL);
	case 't': return j_lit(p, "true");
	case 'f': return j_lit(p, "false");
	case 'n': return j_lit(p, "null");
	default:  return j_number(p);
	}
}

static bool json_valid(const char *s, size_t n)
{
	struct jp p = { (const unsigned char *)s, 0, n };
	if (!j_value(&p, 0))
		return false;
	j_ws(&p);
	return p.i == p.n;
}

/* The k-th string of the "args" array, decoded, into dec. */
static bool json_arg(const char *js, unsigned k, struct strbuf *dec)
{
	const char *a = strstr(js, "\"args\":[");
	if (!a)
		return false;
	struct jp p = { (const unsigned char *)js, (size_t)(a - js) + 8, strlen(js) };
	for (unsigned i = 0; i <= k; i++) {
		if (i && (p.i >= p.n || p.s[p.i++] != ','))
			return false;
		sb_reset(dec);
		if (!j_string(&p, dec))
			return false;
	}
	return true;
}

/* ---- tests ------------------------------------------------------------ */

START_TEST(test_openat)
{
	uint64_t path = mem_str("/etc/passwd");
	ck_assert_str_eq(call(&abi64, &sc_openat, A((uint64_t)AT_FDCWD, path, O_RDONLY | O_CLOEXEC, 0), 3),
			 "openat(AT_FDCWD, \"/etc/passwd\", O_RDONLY|O_CLOEXEC) = 3");
	uint64_t tmp = mem_str("/tmp/xx");
	ck_assert_str_eq(call(&abi64, &sc_openat, A((uint64_t)AT_FDCWD, tmp, O_WRONLY | O_CREAT | O_TRUNC, 0644), 6),
			 "openat(AT_FDCWD, \"/tmp/xx\", O_WRONLY|O_CREAT|O_TRUNC, 0644) = 6");
	ck_assert_str_eq(call(&abi64, &sc_openat, A((uint64_t)AT_FDCWD, mem_str("/tmp"), O_TMPFILE | O_RDWR, 0600), 7),
			 "openat(AT_FDCWD, \"/tmp\", O_RDWR|O_TMPFILE, 0600) = 7");
	ck_assert_str_eq(call(&abi64, &sc_openat, A(5, path, O_RDONLY | O_DIRECTORY | 0x40000000, 0), 8),
			 "openat(5, \"/etc/passwd\", O_RDONLY|O_DIRECTORY|0x40000000) = 8");
	/* Every bit, in strace's order (strace 6.1 output of the same call). */
	uint64_t ne = mem_str("/nonexist");
	ck_assert_str_eq(call(&abi64, &sc_openat, A((uint64_t)AT_FDCWD, ne, 0xfffffffc, 0), -ENOENT),
			 "openat(AT_FDCWD, \"/nonexist\", O_RDONLY|O_CREAT|O_EXCL|O_NOCTTY|O_TRUNC|O_APPEND|O_NONBLOCK"
			 "|O_SYNC|O_DIRECT|O_LARGEFILE|O_NOFOLLOW|O_NOATIME|O_CLOEXEC|O_PATH|O_TMPFILE|FASYNC|0xff80003c, 000)"
			 " = -1 ENOENT (No such file or directory)");
	ck_assert_str_eq(call(&abi64, &sc_openat, A((uint64_t)AT_FDCWD, ne, O_WRONLY | O_DSYNC | O_TMPFILE | O_EXCL, 0), -ENOENT),
			 "openat(AT_FDCWD, \"/nonexist\", O_WRONLY|O_EXCL|O_DSYNC|O_TMPFILE, 000) = -1 ENOENT (No such file or directory)");
	ck_assert_str_eq(call(&abi64, &sc_openat, A((uint64_t)AT_FDCWD, ne, 3, 0), -ENOENT),
			 "openat(AT_FDCWD, \"/nonexist\", O_ACCMODE) = -1 ENOENT (No such file or directory)");
	ck_assert_str_eq(call(&abi64, &sc_openat, A((uint64_t)AT_FDCWD, path, O_RDONLY, 0), -ENOENT),
			 "openat(AT_FDCWD, \"/etc/passwd\", O_RDONLY) = -1 ENOENT (No such file or directory)");
}
END_TEST

START_TEST(test_read_buffer_at_exit)
{
	char junk[64];
	memset(junk, 'J', sizeof junk);
	uint64_t buf = mem_put(junk, sizeof junk);
	const uint64_t *args = A(3, buf, 4096);
	enter(&abi64, &sc_read, args);
	/* The kernel fills the buffer between entry and exit. */
	const char *data = "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1";
	mem_write(buf, data, strlen(data));
	leave(&abi64, &sc_read, args, 1234);
	ck_assert_str_eq(text(), "read(3, \"root:x:0:0:root:/root:/bin/bash\\n\"..., 4096) = 1234");
	/* Only the bytes the call returned. */
	ck_assert_str_eq(call(&abi64, &sc_read, args, 5), "read(3, \"root:\", 4096) = 5");
	ck_assert_str_eq(call(&abi64, &sc_read, args, 0), "read(3, \"\", 4096) = 0");
	ck_assert_str_eq(call(&abi64, &sc_read, args, 32), "read(3, \"root:x:0:0:root:/root:/bin/bash\\n\", 4096) = 32");
	/* An error shows the address, not the buffer. */
	ck_assert_str_eq(call(&abi64, &sc_read, A(99, buf, 40), -EBADF),
			 "read(99, 0x10000, 40) = -1 EBADF (Bad file descriptor)");
}
END_TEST

START_TEST(test_read_unfinished_shows_pointer)
{
	uint64_t buf = mem_put("xxxx", 4);
	enter(&abi64, &sc_read, A(0, buf, 4));
	decode_unfinished(&rec);
	ck_assert_str_eq(text(), "read(0, 0x10000, 4) = ?");
	const char *js = json();
	ck_assert(json_valid(js, strlen(js)));
	ck_assert_ptr_nonnull(strstr(js, "\"retval\":null,\"errno\":null"));
}
END_TEST

START_TEST(test_bad_pointers)
{
	ck_assert_str_eq(call(&abi64, &sc_write, A(1, 8, 10), -EFAULT),
			 "write(1, 0x8, 10) = -1 EFAULT (Bad address)");
	ck_assert_str_eq(call(&abi64, &sc_openat, A((uint64_t)AT_FDCWD, 8, O_RDONLY, 0), -EFAULT),
			 "openat(AT_FDCWD, 0x8, O_RDONLY) = -1 EFAULT (Bad address)");
	ck_assert_str_eq(call(&abi64, &sc_openat, A((uint64_t)AT_FDCWD, 0, O_RDONLY, 0), -EFAULT),
			 "openat(AT_FDCWD, NULL, O_RDONLY) = -1 EFAULT (Bad address)");
	ck_assert_str_eq(call(&abi64, &sc_read, A(0, 0xdead0000, 10), 10),
			 "read(0, 0xdead0000, 10) = 10");
	/* A path running into unmapped memory without its NUL. */
	uint64_t p = mem_put_at_end("/no/terminator", 14);
	ck_assert_str_eq(call(&abi64, &sc_openat, A((uint64_t)AT_FDCWD, p, O_RDONLY, 0), -EFAULT),
			 "openat(AT_FDCWD, 0x10000, O_RDONLY) = -1 EFAULT (Bad address)");
	/* A string ending exactly at the end of readable memory is fine. */
	mem_reset();
	p = mem_put_at_end("/ok", 4);
	ck_assert_str_eq(call(&abi64, &sc_openat, A((uint64_t)AT_FDCWD, p, O_RDONLY, 0), 3),
			 "openat(AT_FDCWD, \"/ok\", O_RDONLY) = 3");
	/* A buffer whose shown part is only partly readable. */
	p = mem_put_at_end("abc", 3);
	ck_assert_str_eq(call(&abi64, &sc_write, A(1, p, 10), 3), "write(1, 0x10008, 10) = 3");
	ck_assert_str_eq(call(&abi64, &sc_write, A(1, p, 3), 3), "write(1, \"abc\", 3) = 3");
}
END_TEST

START_TEST(test_error_results)
{
	uint64_t path = mem_str("/x");
	ck_assert_str_eq(call(&abi64, &sc_mkdir, A(path, 0), -EEXIST),
			 "mkdir(\"/x\", 000) = -1 EEXIST (File exists)");
	ck_assert_str_eq(call(&abi64, &sc_mkdir, A(path, 0755), -4000),
			 "mkdir(\"/x\", 0755) = -1 ERRNO_4000 (Unknown error 4000)");
	ck_assert_str_eq(call(&abi64, &sc_mkdir, A(path, 0755), -4095),
			 "mkdir(\"/x\", 0755) = -1 ERRNO_4095 (Unknown error 4095)");
	/* -4096 is not an error: a plain (if odd) result. */
	ck_assert_str_eq(call(&abi64, &sc_mkdir, A(path, 0755), -4096), "mkdir(\"/x\", 0755) = -4096");
	ck_assert_str_eq(call(&abi64, &sc_wait4, A((uint64_t)-1, 0, 0, 0), -512),
			 "wait4(-1, NULL, 0, NULL) = ? ERESTARTSYS (To be restarted if SA_RESTART is set)");
	ck_assert_str_eq(call(&abi64, &sc_clone, A(0, 0, 0, 0, 0), -513),
			 "clone(0, NULL, NULL, NULL, 0) = ? ERESTARTNOINTR (To be restarted)");
	/* Errors of hex results are errors too. */
	ck_assert_str_eq(call(&abi64, &sc_mmap, A(0, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, (uint64_t)-1, 0), -ENOMEM),
			 "mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = -1 ENOMEM (Cannot allocate memory)");
	const char *js = json();
	ck_assert(json_valid(js, strlen(js)));
	ck_assert_ptr_nonnull(strstr(js, "\"retval\":-12,\"errno\":\"ENOMEM\""));
}
END_TEST

START_TEST(test_errno_names)
{
	ck_assert_str_eq(xlat_errno(ENOENT), "ENOENT");
	ck_assert_str_eq(xlat_errno(EAGAIN), "EAGAIN");
	ck_assert_str_eq(xlat_errno(EACCES), "EACCES");
	ck_assert_str_eq(xlat_errno(512), "ERESTARTSYS");
	ck_assert_ptr_null(xlat_errno(0));
	ck_assert_ptr_null(xlat_errno(-1));
	ck_assert_ptr_null(xlat_errno(100000));
#ifdef HAVE_STRERRORNAME_NP
	/* The fallback table names every value as the C library does. */
	unsigned n = 0;
	for (const struct xlat *x = xlat_errno_fallback; x->name; x++, n++)
		ck_assert_str_eq(x->name, strerrorname_np((int)x->val));
	ck_assert_uint_gt(n, 120);
#endif
}
END_TEST

START_TEST(test_signal_names)
{
	ck_assert_str_eq(xlat_signal(SIGTERM), "SIGTERM");
	ck_assert_str_eq(xlat_signal(SIGCHLD), "SIGCHLD");
	ck_assert_str_eq(xlat_signal(SIGSYS), "SIGSYS");
	ck_assert_str_eq(xlat_signal(32), "SIGRTMIN");
	ck_assert_str_eq(xlat_signal(33), "SIGRT_1");
	ck_assert_str_eq(xlat_signal(40), "SIGRT_8");
	ck_assert_str_eq(xlat_signal(64), "SIGRT_32");
	ck_assert_ptr_null(xlat_signal(65));
	ck_assert_ptr_null(xlat_signal(0));
	ck_assert_ptr_null(xlat_signal(-9));
#ifdef HAVE_SIGABBREV_NP
	for (int sig = 1; sig < 32; sig++) {
		const char *abbrev = sigabbrev_np(sig);
		/* glibc calls 29 POLL; strace and the kernel's siginfo say IO. */
		if (!abbrev || sig == SIGIO)
			continue;
		char want[32];
		snprintf(want, sizeof want, "SIG%s", abbrev);
		ck_assert_ptr_nonnull(xlat_signal(sig));
		ck_assert_str_eq(xlat_signal(sig), want);
	}
#endif
	ck_assert_str_eq(call(&abi64, &sc_kill, A((uint64_t)-12345, SIGTERM), -ESRCH),
			 "kill(-12345, SIGTERM) = -1 ESRCH (No such process)");
	ck_assert_str_eq(call(&abi64, &sc_kill, A(0, 0), 0), "kill(0, 0) = 0");
	ck_assert_str_eq(call(&abi64, &sc_kill, A(1, 65), 0), "kill(1, 65) = 0");
}
END_TEST

START_TEST(test_unknown_number)
{
	struct call_view cv = view(&abi64, NULL, 0x40000001, A(1, 2, 3, 0, 0, 0), 0);
	decode_entry(&rec, &cv);
	cv.retval = -ENOSYS;
	decode_exit(&rec, &cv);
	ck_assert_str_eq(text(), "syscall_0x40000001(0x1, 0x2, 0x3, 0, 0, 0) = -1 ENOSYS (Function not implemented)");
	const char *js = json();
	ck_assert(json_valid(js, strlen(js)));
	ck_assert_str_eq(js, "{\"pid\":42,\"abi\":\"x86_64\",\"nr\":1073741825,\"syscall\":null,"
			 "\"args\":[\"0x1\",\"0x2\",\"0x3\",\"0\",\"0\",\"0\"],\"raw\":[1,2,3,0,0,0],"
			 "\"retval\":-38,\"errno\":\"ENOSYS\"}");
	cv = view(&abi64, NULL, UINT64_MAX, A(UINT64_MAX, 0, 0, 0, 0, 0x8000000000000000u), -ENOSYS);
	decode_entry(&rec, &cv);
	decode_exit(&rec, &cv);
	ck_assert_str_eq(text(), "syscall_0xffffffffffffffff(0xffffffffffffffff, 0, 0, 0, 0, 0x8000000000000000)"
			 " = -1 ENOSYS (Function not implemented)");
}
END_TEST

START_TEST(test_i386_sign_extension)
{
	uint64_t path = mem_str("/etc/passwd");
	/* -100 in a 64-bit register slot, zero-extended from 32 bits. */
	ck_assert_str_eq(call(&abi32, &sc_openat, A(0x00000000ffffff9cu, path, O_RDONLY, 0), 3),
			 "openat(AT_FDCWD, \"/etc/passwd\", O_RDONLY) = 3");
	/* The kernel uses only the low half of a 32-bit call's registers. */
	ck_assert_str_eq(call(&abi32, &sc_openat, A(0xdeadbeefffffff9cu, 0xdeadbeef00000000u | path, O_RDONLY, 0), 3),
			 "openat(AT_FDCWD, \"/etc/passwd\", O_RDONLY) = 3");
	/* Result zero-extended or sign-extended: -2 either way. */
	ck_assert_str_eq(call(&abi32, &sc_openat, A(0xffffff9cu, path, O_RDONLY, 0), 0xfffffffe),
			 "openat(AT_FDCWD, \"/etc/passwd\", O_RDONLY) = -1 ENOENT (No such file or directory)");
	ck_assert_str_eq(call(&abi32, &sc_openat, A(0xffffff9cu, path, O_RDONLY, 0), -2),
			 "openat(AT_FDCWD, \"/etc/passwd\", O_RDONLY) = -1 ENOENT (No such file or directory)");
	/* fd -1 and a high mapping address, which is no error. */
	ck_assert_str_eq(call(&abi32, &sc_mmap, A(0, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, 0xffffffffu, 0), 0xf7f00000),
			 "mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0xf7f00000");
	ck_assert_str_eq(call(&abi32, &sc_mmap, A(0, 8192, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, 0xffffffffu, 0), -(int64_t)0x8000000),
			 "mmap(NULL, 8192, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0xf8000000");
	const char *mj = json();
	ck_assert_ptr_nonnull(strstr(mj, "\"retval\":4160749568,\"errno\":null"));
	/* A long is 32-bit on i386 and 64-bit on x86_64; an int is 32-bit on both. */
	ck_assert_str_eq(call(&abi32, &sc_lseek, A(0xffffffffu, 0xffffffffu, SEEK_CUR), -EBADF),
			 "lseek(-1, -1, SEEK_CUR) = -1 EBADF (Bad file descriptor)");
	ck_assert_str_eq(call(&abi64, &sc_lseek, A(0xffffffffu, 0xffffffffu, SEEK_CUR), -EBADF),
			 "lseek(-1, 4294967295, SEEK_CUR) = -1 EBADF (Bad file descriptor)");
	ck_assert_str_eq(call(&abi64, &sc_openat, A(0xffffff9cu, path, O_RDONLY, 0), 3),
			 "openat(AT_FDCWD, \"/etc/passwd\", O_RDONLY) = 3");
	const char *js = json();
	ck_assert(json_valid(js, strlen(js)));
	/* JSON of an i386 call names its ABI. */
	call(&abi32, &sc_openat, A(0xffffff9cu, path, O_RDONLY, 0), 0xfffffffe);
	js = json();
	ck_assert(json_valid(js, strlen(js)));
	ck_assert_ptr_nonnull(strstr(js, "\"abi\":\"i386\""));
	ck_assert_ptr_nonnull(strstr(js, "\"retval\":-2,\"errno\":\"ENOENT\""));
}
END_TEST

static uint64_t put_sockaddr(const void *sa, size_t len)
{
	return mem_put(sa, len);
}

START_TEST(test_sockaddr_inet)
{
	struct sockaddr_in in = { .sin_family = AF_INET, .sin_port = htons(80) };
	inet_pton(AF_INET, "127.0.0.1", &in.sin_addr);
	uint64_t a = put_sockaddr(&in, sizeof in);
	ck_assert_str_eq(call(&abi64, &sc_connect, A(3, a, sizeof in), -ECONNREFUSED),
			 "connect(3, {sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr(\"127.0.0.1\")}, 16)"
			 " = -1 ECONNREFUSED (Connection refused)");
	/* Shorter than a sockaddr_in: only the bytes given. */
	ck_assert_str_eq(call(&abi64, &sc_connect, A(3, a, 8), -EINVAL),
			 "connect(3, {sa_family=AF_INET, sa_data=\"\\0P\\177\\0\\0\\1\"}, 8) = -1 EINVAL (Invalid argument)");

	struct sockaddr_in6 in6 = { .sin6_family = AF_INET6, .sin6_port = htons(443) };
	inet_pton(AF_INET6, "::1", &in6.sin6_addr);
	a = put_sockaddr(&in6, sizeof in6);
	ck_assert_str_eq(call(&abi64, &sc_connect, A(4, a, sizeof in6), 0),
			 "connect(4, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), "
			 "inet_pton(AF_INET6, \"::1\", &sin6_addr), sin6_scope_id=0}, 28) = 0");
	ck_assert_str_eq(call(&abi64, &sc_connect, A(4, a, 24), 0),
			 "connect(4, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), "
			 "inet_pton(AF_INET6, \"::1\", &sin6_addr)}, 24) = 0");
	inet_pton(AF_INET6, "::ffff:10.1.2.3", &in6.sin6_addr);
	a = put_sockaddr(&in6, sizeof in6);
	ck_assert_str_eq(call(&abi64, &sc_connect, A(4, a, sizeof in6), 0),
			 "connect(4, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), "
			 "inet_pton(AF_INET6, \"::ffff:10.1.2.3\", &sin6_addr), sin6_scope_id=0}, 28) = 0");
}
END_TEST

START_TEST(test_sockaddr_unix)
{
	struct sockaddr_un un = { .sun_family = AF_UNIX };
	strcpy(un.sun_path, "/tmp/sock");
	uint64_t a = put_sockaddr(&un, sizeof un);
	ck_assert_str_eq(call(&abi64, &sc_connect, A(5, a, sizeof un), -ENOENT),
			 "connect(5, {sa_family=AF_UNIX, sun_path=\"/tmp/sock\"}, 110) = -1 ENOENT (No such file or directory)");
	ck_assert_str_eq(call(&abi64, &sc_connect, A(5, a, 7), 0),
			 "connect(5, {sa_family=AF_UNIX, sun_path=\"/tmp/\"}, 7) = 0");
	ck_assert_str_eq(call(&abi64, &sc_connect, A(5, a, 2), 0), "connect(5, {sa_family=AF_UNIX}, 2) = 0");
	ck_assert_str_eq(call(&abi64, &sc_connect, A(5, a, 1), 0), "connect(5, 0x10000, 1) = 0");
	ck_assert_str_eq(call(&abi64, &sc_connect, A(5, a, 0), 0), "connect(5, 0x10000, 0) = 0");
	/* Abstract: a leading NUL, then exactly len bytes, NULs included. */
	memset(un.sun_path, 0, sizeof un.sun_path);
	memcpy(un.sun_path + 1, "abs\"x", 5);
	a = put_sockaddr(&un, sizeof un);
	ck_assert_str_eq(call(&abi64, &sc_connect, A(5, a, 9), 0),
			 "connect(5, {sa_family=AF_UNIX, sun_path=@\"abs\\\"x\\0\"}, 9) = 0");
	/* Bounded by len: an address that ends where memory ends. */
	mem_reset();
	static const char tail[] = { AF_UNIX, 0, '/', 'a' };
	a = mem_put_at_end(tail, sizeof tail);
	ck_assert_str_eq(call(&abi64, &sc_connect, A(5, a, 4), 0),
			 "connect(5, {sa_family=AF_UNIX, sun_path=\"/a\"}, 4) = 0");
	/* A length beyond readable memory: the address. */
	ck_assert_str_eq(call(&abi64, &sc_connect, A(5, a, 110), 0), "connect(5, 0x10000, 110) = 0");
	ck_assert_str_eq(call(&abi64, &sc_connect, A(5, 1, 16), -EFAULT), "connect(5, 0x1, 16) = -1 EFAULT (Bad address)");
}
END_TEST

START_TEST(test_sockaddr_other_families)
{
	struct sockaddr_nl nl = { .nl_family = AF_NETLINK, .nl_pid = 5, .nl_groups = 3 };
	uint64_t a = put_sockaddr(&nl, sizeof nl);
	ck_assert_str_eq(call(&abi64, &sc_connect, A(5, a, sizeof nl), 0),
			 "connect(5, {sa_family=AF_NETLINK, nl_pid=5, nl_groups=0x000003}, 12) = 0");
	struct sockaddr sa = { .sa_family = AF_BLUETOOTH };
	memcpy(sa.sa_data, "abc", 3);
	a = put_sockaddr(&sa, sizeof sa);
	ck_assert_str_eq(call(&abi64, &sc_connect, A(5, a, sizeof sa), -EINVAL),
			 "connect(5, {sa_family=AF_BLUETOOTH, sa_data=\"abc\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\"}, 16)"
			 " = -1 EINVAL (Invalid argument)");
	sa.sa_family = 0x63;
	a = put_sockaddr(&sa, sizeof sa);
	ck_assert_str_eq(call(&abi64, &sc_connect, A(5, a, sizeof sa), -EINVAL),
			 "connect(5, {sa_family=0x63 /* AF_??? */, sa_data=\"abc\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\"}, 16)"
			 " = -1 EINVAL (Invalid argument)");
}
END_TEST

START_TEST(test_sockaddr_out)
{
	uint32_t len_in = 128;
	char space[128];
	memset(space, 0xaa, sizeof space);
	uint64_t addr = mem_put(space, sizeof space);
	uint64_t lenp = mem_put(&len_in, sizeof len_in);
	const uint64_t *args = A(3, addr, lenp);
	enter(&abi64, &sc_accept, args);
	struct sockaddr_in in = { .sin_family = AF_INET, .sin_port = htons(40000) };
	inet_pton(AF_INET, "10.0.0.7", &in.sin_addr);
	uint32_t len_out = sizeof in;
	mem_write(addr, &in, sizeof in);
	mem_write(lenp, &len_out, sizeof len_out);
	leave(&abi64, &sc_accept, args, 4);
	ck_assert_str_eq(text(), "accept(3, {sa_family=AF_INET, sin_port=htons(40000), "
			 "sin_addr=inet_addr(\"10.0.0.7\")}, [128 => 16]) = 4");
	/* Unchanged length; and an error shows addresses. */
	ck_assert_str_eq(call(&abi64, &sc_accept, args, 5), "accept(3, {sa_family=AF_INET, sin_port=htons(40000), "
			 "sin_addr=inet_addr(\"10.0.0.7\")}, [16]) = 5");
	ck_assert_str_eq(call(&abi64, &sc_accept, args, -EAGAIN),
			 "accept(3, 0x10000, [16]) = -1 EAGAIN (Resource temporarily unavailable)");
	ck_assert_str_eq(call(&abi64, &sc_accept, A(3, 0, 0), 6), "accept(3, NULL, NULL) = 6");
}
END_TEST

START_TEST(test_clone_flags)
{
	ck_assert_str_eq(call(&abi64, &sc_clone, A(CLONE_CHILD_CLEARTID | CLONE_CHILD_SETTID | SIGCHLD, 0, 0, 0x7f6d8c07ca10, 0), 8044),
			 "clone(CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, NULL, NULL, 0x7f6d8c07ca10, 0) = 8044");
	ck_assert_str_eq(call(&abi64, &sc_clone, A(CLONE_NEWNS | CLONE_UNTRACED | SIGCHLD, 0, 0, 0, 0), 8045),
			 "clone(CLONE_NEWNS|CLONE_UNTRACED|SIGCHLD, NULL, NULL, NULL, 0) = 8045");
	ck_assert_str_eq(call(&abi64, &sc_clone, A(CLONE_VM | CLONE_VFORK, 0, 0, 0, 0), 1), "clone(CLONE_VM|CLONE_VFORK, NULL, NULL, NULL, 0) = 1");
	ck_assert_str_eq(call(&abi64, &sc_clone, A(127, 0, 0, 0, 0), 1), "clone(127, NULL, NULL, NULL, 0) = 1");
	ck_assert_str_eq(call(&abi64, &sc_clone, A(0, 0, 0, 0, 0), 1), "clone(0, NULL, NULL, NULL, 0) = 1");
	ck_assert_str_eq(call(&abi64, &sc_unshare, A(0x80 | CLONE_NEWUSER), 0), "unshare(CLONE_NEWTIME|CLONE_NEWUSER) = 0");
}
END_TEST

START_TEST(test_mmap)
{
	ck_assert_str_eq(call(&abi64, &sc_mmap, A(0, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, (uint64_t)-1, 0), 0x7f54a1a0e000),
			 "mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f54a1a0e000");
	ck_assert_str_eq(call(&abi64, &sc_mmap, A(0x7f54a19dc000, 110592, PROT_READ | PROT_EXEC, MAP_PRIVATE | MAP_FIXED | MAP_DENYWRITE, 3, 0x7000), 0x7f54a19dc000),
			 "mmap(0x7f54a19dc000, 110592, PROT_READ|PROT_EXEC, MAP_PRIVATE|MAP_FIXED|MAP_DENYWRITE, 3, 0x7000) = 0x7f54a19dc000");
	ck_assert_str_eq(call(&abi64, &sc_mmap, A(0, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_HUGETLB | (21 << MAP_HUGE_SHIFT), (uint64_t)-1, 0), -ENOMEM),
			 "mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB|21<<MAP_HUGE_SHIFT, -1, 0) = -1 ENOMEM (Cannot allocate memory)");
	ck_assert_str_eq(call(&abi64, &sc_mmap, A(0, 4096, PROT_READ | 0x100, MAP_SHARED, (uint64_t)-1, 0), -EBADF),
			 "mmap(NULL, 4096, PROT_READ|0x100, MAP_SHARED, -1, 0) = -1 EBADF (Bad file descriptor)");
}
END_TEST

START_TEST(test_string_truncation)
{
	const char *s32 = "0123456789abcdef0123456789ABCDEF";
	char s33[40];
	snprintf(s33, sizeof s33, "%s!", s32);
	ck_assert_str_eq(call(&abi64, &sc_sethostname, A(mem_str(s32), 32), 0),
			 "sethostname(\"0123456789abcdef0123456789ABCDEF\", 32) = 0");
	ck_assert_str_eq(call(&abi64, &sc_sethostname, A(mem_str(s33), 33), 0),
			 "sethostname(\"0123456789abcdef0123456789ABCDEF\"..., 33) = 0");
	/* A 33-byte string whose NUL is unreadable is still shown cut. */
	mem_reset();
	uint64_t p = mem_put_at_end(s33, 33);
	ck_assert_str_eq(call(&abi64, &sc_sethostname, A(p, 33), 0),
			 "sethostname(\"0123456789abcdef0123456789ABCDEF\"..., 33) = 0");
	/* Paths are not cut at 32. */
	mem_reset();
	char path[301];
	memset(path, 'p', 300);
	path[0] = '/';
	path[300] = '\0';
	call(&abi64, &sc_openat, A((uint64_t)AT_FDCWD, mem_str(path), O_RDONLY, 0), 3);
	ck_assert_ptr_nonnull(strstr(out.s, path));
	ck_assert_ptr_null(strstr(out.s, "..."));
	/* Nor writes under 32, but longer ones are. */
	ck_assert_str_eq(call(&abi64, &sc_write, A(1, mem_str(s33), 33), 33),
			 "write(1, \"0123456789abcdef0123456789ABCDEF\"..., 33) = 33");
}
END_TEST

START_TEST(test_quoting)
{
	static const char data[16] = "\0" "1\0a\x80\xff\"\\\t\n\r\v\f\x7f\0/";
	ck_assert_str_eq(call(&abi64, &sc_write, A(1, mem_put(data, sizeof data), 16), 16),
			 "write(1, \"\\0001\\0a\\200\\377\\\"\\\\\\t\\n\\r\\v\\f\\177\\0/\", 16) = 16");
	struct strbuf sb = { 0 };
	sb_put_quoted(&sb, "abc", 3, 2, 0);
	ck_assert_str_eq(sb.s, "\"ab\"...");
	sb_reset(&sb);
	sb_put_quoted(&sb, "abc", 3, 8, 1);
	ck_assert_str_eq(sb.s, "\"abc\"...");
	sb_reset(&sb);
	sb_put_quoted(&sb, "\0""8", 2, 8, 0);	/* 8 is no octal digit */
	ck_assert_str_eq(sb.s, "\"\\08\"");
	sb_free(&sb);
}
END_TEST

START_TEST(test_argv)
{
	uint64_t v[64];
	char long_arg[60];
	memset(long_arg, 'b', sizeof long_arg - 1);
	long_arg[sizeof long_arg - 1] = '\0';
	v[0] = mem_str("a");
	v[1] = mem_str(long_arg);
	v[2] = 0;
	uint64_t argv = mem_words(8, v, 3);
	uint64_t envp = mem_words(8, v + 2, 1);
	char want1[200];
	snprintf(want1, sizeof want1, "execve(\"/nonexist\", [\"a\", \"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\"...], "
		 "%#" PRIx64 " /* 0 vars */) = -1 ENOENT (No such file or directory)", envp);
	ck_assert_str_eq(call(&abi64, &sc_execve, A(mem_str("/nonexist"), argv, envp), -ENOENT), want1);
	/* 40 arguments: 32 shown, then "...". */
	mem_reset();
	uint64_t s = mem_str("x");
	for (int i = 0; i < 40; i++)
		v[i] = s;
	v[40] = 0;
	argv = mem_words(8, v, 41);
	envp = mem_words(8, v + 38, 3);
	call(&abi64, &sc_execve, A(mem_str("/bin/x"), argv, envp), 0);
	struct strbuf want = { 0 };
	sb_puts(&want, "execve(\"/bin/x\", [");
	for (int i = 0; i < 32; i++)
		sb_puts(&want, "\"x\", ");
	sb_printf(&want, "...], %#" PRIx64 " /* 2 vars */) = 0", envp);
	ck_assert_str_eq(text(), want.s);
	sb_free(&want);
	/* Unreadable arrays show their address; a bad element its own. */
	ck_assert_str_eq(call(&abi64, &sc_execve, A(mem_str("/bin/x"), 8, 8), -EFAULT),
			 "execve(\"/bin/x\", 0x8, 0x8) = -1 EFAULT (Bad address)");
	mem_reset();
	v[0] = 0x99;
	v[1] = 0;
	argv = mem_words(8, v, 2);
	ck_assert_str_eq(call(&abi64, &sc_execve, A(mem_str("/x"), argv, 0), -EFAULT),
			 "execve(\"/x\", [0x99], NULL) = -1 EFAULT (Bad address)");
	/* An array that runs off readable memory. */
	mem_reset();
	v[0] = mem_str("y");
	argv = mem_put_at_end(v, 8);
	call(&abi64, &sc_execve, A(mem_str("/x"), argv, argv), -EFAULT);
	ck_assert_ptr_nonnull(strstr(text(), "[\"y\", ...], 0x10008 /* 1+ vars */"));
	/* i386: 4-byte pointers. */
	mem_reset();
	v[0] = mem_str("sh");
	v[1] = mem_str("-c");
	v[2] = 0;
	argv = mem_words(4, v, 3);
	envp = mem_words(4, v, 3);
	call(&abi32, &sc_execve, A(mem_str("/bin/sh"), argv, envp), 0);
	snprintf(want1, sizeof want1, "execve(\"/bin/sh\", [\"sh\", \"-c\"], %#" PRIx64 " /* 2 vars */) = 0", envp);
	ck_assert_str_eq(text(), want1);
}
END_TEST

START_TEST(test_fcntl)
{
	ck_assert_str_eq(call(&abi64, &sc_fcntl, A(0, F_GETFD, 0), 0), "fcntl(0, F_GETFD) = 0");
	ck_assert_str_eq(call(&abi64, &sc_fcntl, A(0, F_SETFD, FD_CLOEXEC), 0), "fcntl(0, F_SETFD, FD_CLOEXEC) = 0");
	ck_assert_str_eq(call(&abi64, &sc_fcntl, A(0, F_SETFL, O_NONBLOCK | O_RDWR), 0), "fcntl(0, F_SETFL, O_RDWR|O_NONBLOCK) = 0");
	ck_assert_str_eq(call(&abi64, &sc_fcntl, A(0, F_DUPFD_CLOEXEC, 10), 11), "fcntl(0, F_DUPFD_CLOEXEC, 10) = 11");
	ck_assert_str_eq(call(&abi64, &sc_fcntl, A(0, F_SETSIG, SIGUSR1), 0), "fcntl(0, F_SETSIG, SIGUSR1) = 0");
	ck_assert_str_eq(call(&abi64, &sc_fcntl, A(0, F_SETOWN, 1234), 0), "fcntl(0, F_SETOWN, 1234) = 0");
	ck_assert_str_eq(call(&abi64, &sc_fcntl, A(0, F_GETLK, 0), -EFAULT), "fcntl(0, F_GETLK, NULL) = -1 EFAULT (Bad address)");
	ck_assert_str_eq(call(&abi64, &sc_fcntl, A(0, 1234, 5), -EINVAL),
			 "fcntl(0, 0x4d2 /* F_??? */, 0x5) = -1 EINVAL (Invalid argument)");
	/* fcntl64's flock64 commands exist in the 32-bit ABI only. */
	ck_assert_str_eq(call(&abi32, &sc_fcntl, A(0, 12, 0x1000), 0), "fcntl(0, F_GETLK64, 0x1000) = 0");
	ck_assert_str_eq(call(&abi64, &sc_fcntl, A(0, 12, 0x1000), -EINVAL),
			 "fcntl(0, 0xc /* F_??? */, 0x1000) = -1 EINVAL (Invalid argument)");
}
END_TEST

START_TEST(test_named_constants)
{
	uint64_t path = mem_str("/x");
	ck_assert_str_eq(call(&abi64, &sc_unlinkat, A((uint64_t)AT_FDCWD, path, AT_REMOVEDIR), 0),
			 "unlinkat(AT_FDCWD, \"/x\", AT_REMOVEDIR) = 0");
	ck_assert_str_eq(call(&abi64, &sc_faccessat2, A((uint64_t)AT_FDCWD, path, F_OK, AT_EACCESS | AT_SYMLINK_NOFOLLOW | 0x10000), -EINVAL),
			 "faccessat2(AT_FDCWD, \"/x\", F_OK, AT_SYMLINK_NOFOLLOW|AT_EACCESS|0x10000) = -1 EINVAL (Invalid argument)");
	ck_assert_str_eq(call(&abi64, &sc_faccessat2, A(3, path, R_OK | X_OK, 0), 0),
			 "faccessat2(3, \"/x\", R_OK|X_OK, 0) = 0");
	ck_assert_str_eq(call(&abi64, &sc_mknodat, A((uint64_t)AT_FDCWD, path, S_IFIFO | 0644, 0), 0),
			 "mknodat(AT_FDCWD, \"/x\", S_IFIFO|0644) = 0");
	ck_assert_str_eq(call(&abi64, &sc_mknodat, A((uint64_t)AT_FDCWD, path, S_IFCHR | 0666, 0x103), 0),
			 "mknodat(AT_FDCWD, \"/x\", S_IFCHR|0666, makedev(0x1, 0x3)) = 0");
	ck_assert_str_eq(call(&abi64, &sc_accept4, A(3, 0, 0, SOCK_CLOEXEC), 4), "accept4(3, NULL, NULL, SOCK_CLOEXEC) = 4");
	ck_assert_str_eq(call(&abi64, &sc_accept4, A(3, 0, 0, 0), 4), "accept4(3, NULL, NULL, 0) = 4");
	ck_assert_str_eq(call(&abi64, &sc_mkdir, A(path, 01777), 0), "mkdir(\"/x\", 01777) = 0");
	ck_assert_str_eq(call(&abi64, &sc_socket, A(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0), 3),
			 "socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC, 0) = 3");
	ck_assert_str_eq(call(&abi64, &sc_socket, A(AF_INET6, SOCK_DGRAM | SOCK_NONBLOCK, IPPROTO_UDP), 4),
			 "socket(AF_INET6, SOCK_DGRAM|SOCK_NONBLOCK, 17) = 4");
	ck_assert_str_eq(call(&abi64, &sc_socket, A(99, 99, 0), -EINVAL),
			 "socket(0x63 /* AF_??? */, SOCK_RAW|0x60 /* SOCK_??? */, 0) = -1 EINVAL (Invalid argument)");
	ck_assert_str_eq(call(&abi64, &sc_wait4, A((uint64_t)-1, 0, WNOHANG | __WALL, 0), -ECHILD),
			 "wait4(-1, NULL, WNOHANG|__WALL, NULL) = -1 ECHILD (No child processes)");
	ck_assert_str_eq(call(&abi64, &sc_futex, A(0, FUTEX_WAIT_BITSET | FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME, 0, 0, 0, 0), -EINVAL),
			 "futex(NULL, FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME, 0, NULL, 0) = -1 EINVAL (Invalid argument)");
	/* Only the arguments the op uses, as strace shows them. */
	ck_assert_str_eq(call(&abi64, &sc_futex, A(0x1000, FUTEX_WAKE_PRIVATE, 2147483647, 0, 3, 0), 0),
			 "futex(0x1000, FUTEX_WAKE_PRIVATE, 2147483647) = 0");
	ck_assert_str_eq(call(&abi64, &sc_futex, A(0x1000, FUTEX_WAIT, 1, 0x2000, 3, 4), -EAGAIN),
			 "futex(0x1000, FUTEX_WAIT, 1, 0x2000) = -1 EAGAIN (Resource temporarily unavailable)");
	ck_assert_str_eq(call(&abi64, &sc_futex, A(0x1000, FUTEX_UNLOCK_PI_PRIVATE, 1, 2, 3, 4), 0),
			 "futex(0x1000, FUTEX_UNLOCK_PI_PRIVATE) = 0");
	ck_assert_str_eq(call(&abi64, &sc_futex, A(0, 77, 0, 0, 0, 0), -ENOSYS),
			 "futex(NULL, 0x4d /* FUTEX_??? */, 0, NULL, NULL, 0) = -1 ENOSYS (Function not implemented)");
	ck_assert_str_eq(call(&abi64, &sc_ioctl, A(0, 0x5401, 0), -ENOTTY),
			 "ioctl(0, TCGETS, NULL) = -1 ENOTTY (Inappropriate ioctl for device)");
	ck_assert_str_eq(call(&abi64, &sc_ioctl, A(1, 0x5413, 0x7ffc0000), 0), "ioctl(1, TIOCGWINSZ, 0x7ffc0000) = 0");
	ck_assert_str_eq(call(&abi64, &sc_ioctl, A(0, 0x5412, 0x1000), 0), "ioctl(0, TIOCSTI, 0x1000) = 0");
	ck_assert_str_eq(call(&abi64, &sc_ioctl, A(0, 0x541B, 0x1000), 0), "ioctl(0, FIONREAD, 0x1000) = 0");
	ck_assert_str_eq(call(&abi64, &sc_ioctl, A(0, 0x80045430, 0x1000), 0), "ioctl(0, TIOCGPTN, 0x1000) = 0");
	ck_assert_str_eq(call(&abi64, &sc_ioctl, A(0, 0x12345678, 0), -ENOTTY),
			 "ioctl(0, _IOC(_IOC_NONE, 0x56, 0x78, 0x1234), NULL) = -1 ENOTTY (Inappropriate ioctl for device)");
	ck_assert_str_eq(call(&abi64, &sc_ioctl, A(0, 0xdeadbeef00005401u, 0), 0), "ioctl(0, TCGETS, NULL) = 0");
	ck_assert_str_eq(call(&abi64, &sc_lseek, A(0, 0, SEEK_END), 0), "lseek(0, 0, SEEK_END) = 0");
	ck_assert_str_eq(call(&abi64, &sc_lseek, A(0, 0, 7), -EINVAL), "lseek(0, 0, 0x7 /* SEEK_??? */) = -1 EINVAL (Invalid argument)");
	ck_assert_str_eq(call(&abi64, &sc_prctl, A(38, 1), 0), "prctl(PR_SET_NO_NEW_PRIVS, 0x1) = 0");
	ck_assert_str_eq(call(&abi64, &sc_prctl, A(9999, 0), -EINVAL), "prctl(0x270f /* PR_??? */, 0) = -1 EINVAL (Invalid argument)");
	ck_assert_str_eq(call(&abi64, &sc_arch_prctl, A(0x1002, 0x7f54a1756800), 0), "arch_prctl(ARCH_SET_FS, 0x7f54a1756800) = 0");
	ck_assert_str_eq(call(&abi64, &sc_arch_prctl, A(0x9999, 0), -EINVAL), "arch_prctl(0x9999 /* ARCH_??? */, 0) = -1 EINVAL (Invalid argument)");
	ck_assert_str_eq(call(&abi64, &sc_sigprocmask, A(SIG_BLOCK, 0, 0x1000, 8), 0), "rt_sigprocmask(SIG_BLOCK, NULL, 0x1000, 8) = 0");
	ck_assert_str_eq(call(&abi64, &sc_sigprocmask, A(7, 0, 0, 8), -EINVAL), "rt_sigprocmask(0x7 /* SIG_??? */, NULL, NULL, 8) = -1 EINVAL (Invalid argument)");
	ck_assert_str_eq(call(&abi32, &sc_socketcall, A(3, 0x1000), 0), "socketcall(SYS_CONNECT, 0x1000) = 0");
	ck_assert_str_eq(call(&abi32, &sc_ipc, A(23, 0), 0), "ipc(SHMGET, 0) = 0");
	ck_assert_str_eq(call(&abi32, &sc_ipc, A(0x10015, 0), 0), "ipc(IPCCALL(1, SHMAT), 0) = 0");
}
END_TEST

START_TEST(test_sockopt)
{
	int one = 1;
	uint64_t val = mem_put(&one, sizeof one);
	ck_assert_str_eq(call(&abi64, &sc_setsockopt, A(3, SOL_SOCKET, SO_REUSEADDR, val, 4), 0),
			 "setsockopt(3, SOL_SOCKET, SO_REUSEADDR, [1], 4) = 0");
	ck_assert_str_eq(call(&abi64, &sc_setsockopt, A(3, IPPROTO_TCP, 1, val, 4), 0),
			 "setsockopt(3, SOL_TCP, TCP_NODELAY, [1], 4) = 0");
	ck_assert_str_eq(call(&abi64, &sc_setsockopt, A(3, SOL_IP, IP_TOS, val, 4), 0),
			 "setsockopt(3, SOL_IP, IP_TOS, [1], 4) = 0");
	uint64_t dev = mem_str("eth0");
	ck_assert_str_eq(call(&abi64, &sc_setsockopt, A(3, SOL_SOCKET, SO_BINDTODEVICE, dev, 5), -EPERM),
			 "setsockopt(3, SOL_SOCKET, SO_BINDTODEVICE, \"eth0\\0\", 5) = -1 EPERM (Operation not permitted)");
	/* getsockopt fills both at exit. */
	int err = 111;
	uint32_t len = 4;
	uint64_t errp = mem_put(&err, sizeof err), lenp = mem_put(&len, sizeof len);
	ck_assert_str_eq(call(&abi64, &sc_getsockopt, A(3, SOL_SOCKET, SO_ERROR, errp, lenp), 0),
			 "getsockopt(3, SOL_SOCKET, SO_ERROR, [111], [4]) = 0");
}
END_TEST

START_TEST(test_msghdr)
{
	/* The 64-bit struct msghdr, laid out by hand as the tracee has it. */
	uint64_t data = mem_put("hello\0\0\0\0\0", 10);
	uint64_t iov[2] = { data, 10 };
	uint64_t iovp = mem_words(8, iov, 2);
	unsigned char ctl[24] = { 0 };
	uint64_t clen = 20;
	int level = SOL_SOCKET, type = SCM_RIGHTS, fd = 1;
	memcpy(ctl, &clen, 8);
	memcpy(ctl + 8, &level, 4);
	memcpy(ctl + 12, &type, 4);
	memcpy(ctl + 16, &fd, 4);
	uint64_t ctlp = mem_put(ctl, sizeof ctl);
	uint64_t m[7] = { 0, 0, iovp, 1, ctlp, sizeof ctl, 0 };
	uint64_t mp = mem_words(8, m, 7);
	ck_assert_str_eq(call(&abi64, &sc_sendmsg, A(3, mp, 0), 10),
			 "sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"hello\\0\\0\\0\\0\\0\", iov_len=10}], "
			 "msg_iovlen=1, msg_control=[{cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[1]}], "
			 "msg_controllen=24, msg_flags=0}, 0) = 10");
	/* recvmsg: rendered at exit, iov bytes up to the result. */
	uint64_t m2[7] = { 0, 0, iovp, 1, 0, 0, 0 };
	uint64_t mp2 = mem_words(8, m2, 7);
	enter(&abi64, &sc_recvmsg, A(4, mp2, 0));
	mem_write(data, "world", 5);
	leave(&abi64, &sc_recvmsg, A(4, mp2, 0), 5);
	ck_assert_str_eq(text(), "recvmsg(4, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"world\", iov_len=10}], "
			 "msg_iovlen=1, msg_controllen=0, msg_flags=0}, 0) = 5");
	/* With a source address: msg_namelen as given and as returned. */
	char space[110] = { 0 };
	uint64_t from = mem_put(space, sizeof space);
	uint64_t m3[7] = { from, sizeof space, iovp, 1, 0, 0, 0 };
	uint64_t mp3 = mem_words(8, m3, 7);
	enter(&abi64, &sc_recvmsg, A(4, mp3, 0));
	static const char who[] = { AF_UNIX, 0, '/', 's' };
	uint32_t fromlen = sizeof who;
	mem_write(from, who, sizeof who);
	mem_write(mp3 + 8, &fromlen, sizeof fromlen);
	leave(&abi64, &sc_recvmsg, A(4, mp3, 0), 2);
	ck_assert_str_eq(text(), "recvmsg(4, {msg_name={sa_family=AF_UNIX, sun_path=\"/s\"}, msg_namelen=110 => 4, "
			 "msg_iov=[{iov_base=\"wo\", iov_len=10}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, 0) = 2");
	char want[100];
	snprintf(want, sizeof want, "recvmsg(4, %#" PRIx64 ", 0) = -1 EAGAIN (Resource temporarily unavailable)", mp2);
	ck_assert_str_eq(call(&abi64, &sc_recvmsg, A(4, mp2, 0), -EAGAIN), want);

	/* i386: 28-byte msghdr, 8-byte iovec, a destination address. */
	struct sockaddr_in in = { .sin_family = AF_INET, .sin_port = htons(53) };
	inet_pton(AF_INET, "9.9.9.9", &in.sin_addr);
	uint64_t name = mem_put(&in, sizeof in);
	uint64_t iov32 = mem_words(4, iov, 2);
	uint64_t m32[7] = { name, sizeof in, iov32, 1, 0, 0, MSG_TRUNC };
	uint64_t mp32 = mem_words(4, m32, 7);
	ck_assert_str_eq(call(&abi32, &sc_sendmsg, A(3, mp32, 0), 10),
			 "sendmsg(3, {msg_name={sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr(\"9.9.9.9\")}, "
			 "msg_namelen=16, msg_iov=[{iov_base=\"world\\0\\0\\0\\0\\0\", iov_len=10}], msg_iovlen=1, "
			 "msg_controllen=0, msg_flags=MSG_TRUNC}, 0) = 10");
}
END_TEST

START_TEST(test_getcwd_and_exit_group)
{
	char junk[16] = "junkjunkjunkjun";
	uint64_t buf = mem_put(junk, sizeof junk);
	enter(&abi64, &sc_getcwd, A(buf, 4096));
	mem_write(buf, "/tmp", 5);
	leave(&abi64, &sc_getcwd, A(buf, 4096), 5);
	ck_assert_str_eq(text(), "getcwd(\"/tmp\", 4096) = 5");

	enter(&abi64, &sc_exit_group, A(0));
	decode_unfinished(&rec);
	ck_assert_str_eq(text(), "exit_group(0) = ?");
	const char *js = json();
	ck_assert(json_valid(js, strlen(js)));
	ck_assert_str_eq(js, "{\"pid\":42,\"abi\":\"x86_64\",\"nr\":7,\"syscall\":\"exit_group\",\"args\":[\"0\"],"
			 "\"raw\":[0,0,0,0,0,0],\"retval\":null,\"errno\":null}");
	/* A no-return call seen returning anyway shows "?". */
	ck_assert_str_eq(call(&abi64, &sc_exit_group, A(3), 0), "exit_group(3) = ?");
}
END_TEST

START_TEST(test_exit_without_entry)
{
	uint64_t path = mem_str("/late");
	leave(&abi64, &sc_openat, A((uint64_t)AT_FDCWD, path, O_RDONLY, 0), 3);
	ck_assert_str_eq(text(), "openat(AT_FDCWD, \"/late\", O_RDONLY) = 3");
	/* A second exit without entry: rendered again, not stale. */
	leave(&abi64, &sc_openat, A(4, path, O_RDONLY, 0), 5);
	ck_assert_str_eq(text(), "openat(4, \"/late\", O_RDONLY) = 5");
	/* Reuse for another call clears everything. */
	ck_assert_str_eq(call(&abi64, &sc_kill, A(1, SIGKILL), 0), "kill(1, SIGKILL) = 0");
	enter(&abi64, &sc_kill, A(2, SIGHUP));
	ck_assert_str_eq(text(), "kill(2, SIGHUP) = ?");
}
END_TEST

START_TEST(test_json_escaping)
{
	static const char path[] = "/a\"b\\c\nd\x80\xff\xc3\xa9";
	uint64_t p = mem_str(path);
	call(&abi64, &sc_openat, A((uint64_t)AT_FDCWD, p, O_RDONLY, 0), -ENOENT);
	const char *js = json();
	ck_assert_msg(json_valid(js, strlen(js)), "invalid JSON: %s", js);
	ck_assert_ptr_nonnull(strstr(js, "\"errno\":\"ENOENT\""));
	ck_assert_ptr_nonnull(strstr(js, "\"raw\":[18446744073709551516,65536,0,0,0,0]"));
	/* The JSON argument carries exactly the text form's argument. */
	struct strbuf dec = { 0 };
	ck_assert(json_arg(js, 1, &dec));
	ck_assert_str_eq(dec.s, "\"/a\\\"b\\\\c\\nd\\200\\377\\303\\251\"");
	ck_assert(json_arg(js, 2, &dec));
	ck_assert_str_eq(dec.s, "O_RDONLY");
	ck_assert(!json_arg(js, 3, &dec));	/* mode omitted */

	/* Raw bytes: every byte value, and UTF-8 good and bad. */
	struct strbuf sb = { 0 };
	char all[256];
	for (int i = 0; i < 256; i++)
		all[i] = (char)i;
	sb_put_json_string(&sb, all, sizeof all);
	ck_assert_msg(json_valid(sb.s, sb.len), "invalid JSON: %s", sb.s);
	struct jp jp = { (const unsigned char *)sb.s, 0, sb.len };
	sb_reset(&dec);
	ck_assert(j_string(&jp, &dec));
	ck_assert_uint_eq(dec.len, 256);
	ck_assert(!memcmp(dec.s, all, 256));	/* \u00XX keeps each byte's value */
	static const char *const samples[] = {
		"\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80",		/* valid */
		"\xc0\xaf", "\xe0\x80\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80",	/* overlong, surrogate, > U+10FFFF */
		"\xc3", "\xe2\x82", "\xf0\x9f\x98", "\x80\x80", "a\xffz",	/* truncated, stray */
	};
	for (unsigned i = 0; i < sizeof samples / sizeof samples[0]; i++) {
		sb_reset(&sb);
		sb_put_json_string(&sb, samples[i], strlen(samples[i]));
		ck_assert_msg(json_valid(sb.s, sb.len), "invalid JSON for sample %u: %s", i, sb.s);
		if (i < 3)	/* valid UTF-8 passes through unescaped */
			ck_assert_ptr_nonnull(strstr(sb.s, samples[i]));
		else
			ck_assert_ptr_nonnull(strstr(sb.s, "\\u00"));
	}
	sb_free(&sb);
	sb_free(&dec);
	/* The checker itself rejects what it must. */
	static const char *const bad[] = {
		"{\"a\":\"\x80\"}", "{\"a\":\"\n\"}", "{\"a\":1,}", "[\"\\x\"]", "[1] x", "{\"a\"}",
	};
	for (unsigned i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_msg(!json_valid(bad[i], strlen(bad[i])), "accepted: %s", bad[i]);
	static const char good[] = "{\"a\":[1,-2.5,\"\\u00e9\",null,true]}";
	ck_assert(json_valid(good, strlen(good)));
}
END_TEST

START_TEST(test_strbuf_growth)
{
	struct strbuf sb = { 0 };
	sb_reset(&sb);			/* on an empty buffer: no crash */
	for (int i = 0; i < 1000; i++)
		sb_printf(&sb, "%04d,", i);
	ck_assert_uint_eq(sb.len, 5000);
	ck_assert_uint_eq(strlen(sb.s), 5000);
	ck_assert(!strncmp(sb.s + 4995, "0999,", 5));
	char big[3000];
	memset(big, 'z', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	sb_reset(&sb);
	sb_printf(&sb, "<%s>", big);
	ck_assert_uint_eq(sb.len, sizeof big + 1);
	ck_assert_int_eq(sb.s[sb.len - 1], '>');
	sb_putn(&sb, "", 0);
	ck_assert_uint_eq(sb.len, sizeof big + 1);
	sb_free(&sb);
	ck_assert_ptr_null(sb.s);
}
END_TEST

/* Random calls of random kinds on random memory: the decoder must not
 * crash (the sanitizer build checks every access), must keep its output
 * bounded, and its JSON must always be valid. */
static uint64_t rng_state = 0x9e3779b97f4a7c15u;

static uint64_t rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

static uint64_t random_arg(void)
{
	switch (rnd() % 8) {
	case 0: return 0;
	case 1: return rnd() % 64;
	case 2: return (uint64_t)-(int64_t)(rnd() % 200);
	case 3: return mem.base + rnd() % MEM_SIZE;		/* inside */
	case 4: return mem.base + mem.limit - rnd() % 64;	/* near the end */
	case 5: return mem.base + rnd() % 64;
	case 6: return rnd() & 0xffffffffu;
	default: return rnd();
	}
}

START_TEST(test_fuzz_never_crashes)
{
	static const char *const names[] = {
		"recvmsg", "sendmsg", "getsockopt", "setsockopt", "getcwd", "unlinkat",
		"unshare", "execve", "accept", "x", "",
	};
	struct sc_desc sc;
	for (int iter = 0; iter < 4000; iter++) {
		mem_reset();
		for (size_t i = 0; i < MEM_SIZE; i += 8) {
			uint64_t r = rnd();
			/* Sprinkle pointers into memory and NULs between strings. */
			if (r % 5 == 0)
				r = mem.base + r % MEM_SIZE;
			else if (r % 7 == 0)
				r = 0;
			memcpy(mem.bytes + i, &r, 8);
		}
		mem.limit = MEM_SIZE - rnd() % 4096;
		memset(&sc, 0, sizeof sc);
		sc.name = names[rnd() % (sizeof names / sizeof names[0])];
		sc.nargs = (uint8_t)(rnd() % 8);
		for (int i = 0; i < 6; i++)
			sc.arg[i] = (uint8_t)(rnd() % (AK_COUNT + 2));
		sc.ret = (uint8_t)(rnd() % (RK_COUNT + 1));
		const struct janus_arch *a = rnd() % 2 ? &abi64 : &abi32;
		uint64_t args[6];
		for (int i = 0; i < 6; i++)
			args[i] = random_arg();
		struct call_view cv = view(a, rnd() % 10 ? &sc : NULL, rnd() % 500, args, 0);
		decode_entry(&rec, &cv);
		switch (rnd() % 4) {
		case 0:
			decode_unfinished(&rec);
			break;
		case 1:
			cv.retval = -(int64_t)(rnd() % 4200);
			decode_exit(&rec, &cv);
			break;
		default:
			cv.retval = (int64_t)random_arg();
			decode_exit(&rec, &cv);
			break;
		}
		const char *t = text();
		ck_assert_uint_lt(strlen(t), 65536);
		const char *js = json();
		ck_assert_msg(json_valid(js, strlen(js)), "iteration %d: invalid JSON: %s", iter, js);
	}
}
END_TEST

static Suite *decode_suite(void)
{
	Suite *s = suite_create("decode");
	TCase *tc = tcase_create("text");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_openat);
	tcase_add_test(tc, test_read_buffer_at_exit);
	tcase_add_test(tc, test_read_unfinished_shows_pointer);
	tcase_add_test(tc, test_bad_pointers);
	tcase_add_test(tc, test_error_results);
	tcase_add_test(tc, test_errno_names);
	tcase_add_test(tc, test_signal_names);
	tcase_add_test(tc, test_unknown_number);
	tcase_add_test(tc, test_i386_sign_extension);
	tcase_add_test(tc, test_sockaddr_inet);
	tcase_add_test(tc, test_sockaddr_unix);
	tcase_add_test(tc, test_sockaddr_other_families);
	tcase_add_test(tc, test_sockaddr_out);
	tcase_add_test(tc, test_clone_flags);
	tcase_add_test(tc, test_mmap);
	tcase_add_test(tc, test_string_truncation);
	tcase_add_test(tc, test_quoting);
	tcase_add_test(tc, test_argv);
	tcase_add_test(tc, test_fcntl);
	tcase_add_test(tc, test_named_constants);
	tcase_add_test(tc, test_sockopt);
	tcase_add_test(tc, test_msghdr);
	tcase_add_test(tc, test_getcwd_and_exit_group);
	tcase_add_test(tc, test_exit_without_entry);
	tcase_add_test(tc, test_json_escaping);
	tcase_add_test(tc, test_strbuf_growth);
	tcase_add_test(tc, test_fuzz_never_crashes);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return check_run(decode_suite());
}
