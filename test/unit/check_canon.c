/* check_canon.c - canon_resolve() against the kernel.  A helper process
 * (the stand-in tracee) lives in a temporary tree with a cwd, a dirfd, a
 * pipe and a second thread.  Each path is resolved by canon_resolve() in
 * the helper's name and, where the kernel can say, opened by the helper
 * itself with O_PATH: /proc/HELPER/fd/N and the helper's fstat() then tell
 * which file the kernel found.
 */
#include "config.h"

#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/openat2.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "canon.h"
#include "unit_run.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* ---- fixture: the tree and the helper ---- */

enum hop { H_OPEN, H_OPENAT2_IN_ROOT, H_CLOSE, H_CHDIR, H_CHROOT, H_MKDIR };

struct hreq {
	int op, dirfd, oflags;
	char path[2 * PATH_MAX];
};

struct hresp {
	int ret;		/* fd or 0, or -errno */
	dev_t dev;		/* H_OPEN: what the fd is, from fstat() */
	ino_t ino;
};

struct hello {
	int dfd;		/* O_PATH on T/d */
	int ffd;		/* O_PATH on T/f */
	int pipefd;		/* read end of a pipe */
	pid_t thread;		/* tid of a second, idle thread */
};

static struct {
	char base[PATH_MAX];	/* holds every test's tree; removed after all */
	char tree[PATH_MAX];	/* T: this test's tree, by its real path */
	pid_t helper;
	int sock;
	struct hello h;
} fx;

static void *idle_thread(void *arg)
{
	pid_t tid = gettid();
	if (write(*(int *)arg, &tid, sizeof tid) != sizeof tid)
		_exit(3);
	for (;;)
		pause();
	return NULL;
}

static void helper_main(int sock, pid_t parent)
{
	static struct hreq rq;
	struct hello h;
	int p[2], t[2];
	pthread_t th;

	if (prctl(PR_SET_PDEATHSIG, SIGKILL) < 0 || getppid() != parent)
		_exit(1);
	if (chdir(fx.tree) < 0 || pipe(p) < 0 || pipe(t) < 0)
		_exit(2);
	h.dfd = open("d", O_PATH | O_DIRECTORY);
	h.ffd = open("f", O_PATH);
	h.pipefd = p[0];
	if (h.dfd < 0 || h.ffd < 0 || pthread_create(&th, NULL, idle_thread, &t[1]))
		_exit(2);
	if (read(t[0], &h.thread, sizeof h.thread) != sizeof h.thread)
		_exit(2);
	close(t[0]);
	close(t[1]);
	if (send(sock, &h, sizeof h, 0) != sizeof h)
		_exit(2);
	for (;;) {
		struct hresp rs = { 0 };
		struct open_how how = { 0 };
		struct stat st;
		if (recv(sock, &rq, sizeof rq, 0) != sizeof rq)
			_exit(0);
		rq.path[sizeof rq.path - 1] = '\0';
		switch (rq.op) {
		case H_OPEN:
		case H_OPENAT2_IN_ROOT:
			if (rq.op == H_OPEN) {
				rs.ret = openat(rq.dirfd, rq.path, rq.oflags, 0600);
			} else {
				how.flags = (unsigned)rq.oflags;
				how.resolve = RESOLVE_IN_ROOT;
				rs.ret = (int)syscall(SYS_openat2, rq.dirfd, rq.path, &how, sizeof how);
			}
			if (rs.ret >= 0 && fstat(rs.ret, &st) == 0) {
				rs.dev = st.st_dev;
				rs.ino = st.st_ino;
			}
			break;
		case H_CLOSE: rs.ret = close(rq.dirfd); break;
		case H_CHDIR: rs.ret = chdir(rq.path); break;
		case H_CHROOT: rs.ret = chroot(rq.path); break;
		case H_MKDIR: rs.ret = mkdirat(rq.dirfd, rq.path, 0700); break;
		default: rs.ret = -1; errno = EINVAL;
		}
		if (rs.ret < 0)
			rs.ret = -errno;
		if (send(sock, &rs, sizeof rs, 0) != sizeof rs)
			_exit(2);
	}
}

static struct hresp helper_call(int op, int dirfd, int oflags, const char *path)
{
	static struct hreq rq;
	struct hresp rs;
	ck_assert(strlen(path) < sizeof rq.path);
	rq.op = op;
	rq.dirfd = dirfd;
	rq.oflags = oflags;
	strcpy(rq.path, path);
	ck_assert_int_eq(send(fx.sock, &rq, sizeof rq, 0), sizeof rq);
	ck_assert_int_eq(recv(fx.sock, &rs, sizeof rs, 0), sizeof rs);
	return rs;
}

static void rm_at(int dfd, const char *name)
{
	struct stat st;
	if (fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) < 0)
		return;
	if (S_ISDIR(st.st_mode)) {
		int fd = openat(dfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
		DIR *d = fd < 0 ? NULL : fdopendir(fd);
		struct dirent *e;
		while (d && (e = readdir(d)))
			if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
				rm_at(fd, e->d_name);
		if (d)
			closedir(d);
		unlinkat(dfd, name, AT_REMOVEDIR);
	} else {
		unlinkat(dfd, name, 0);
	}
}

/* A failed check ends a test with _exit(), before its teardown: the helper
 * then dies of PR_SET_PDEATHSIG and the tree goes with fx.base. */
static void cleanup(void)
{
	if (fx.helper > 0) {
		kill(fx.helper, SIGKILL);
		waitpid(fx.helper, NULL, 0);
		fx.helper = 0;
	}
	if (fx.tree[0]) {
		rm_at(AT_FDCWD, fx.tree);
		fx.tree[0] = '\0';
	}
}

/* Formats into one of a few rotating buffers. */
__attribute__((format(printf, 1, 2)))
static char *P(const char *fmt, ...)
{
	static char bufs[8][2 * PATH_MAX];
	static unsigned next;
	char *b = bufs[next++ % ARRAY_SIZE(bufs)];
	va_list ap;
	va_start(ap, fmt);
	ck_assert(vsnprintf(b, sizeof bufs[0], fmt, ap) < (int)sizeof bufs[0]);
	va_end(ap);
	return b;
}

static void mk_dir(const char *rel)
{
	ck_assert_msg(mkdir(P("%s/%s", fx.tree, rel), 0755) == 0, "mkdir %s", rel);
}

static void mk_file(const char *rel)
{
	int fd = open(P("%s/%s", fx.tree, rel), O_CREAT | O_EXCL | O_WRONLY, 0644);
	ck_assert_msg(fd >= 0, "create %s", rel);
	close(fd);
}

static void mk_link(const char *target, const char *rel)
{
	ck_assert_msg(symlink(target, P("%s/%s", fx.tree, rel)) == 0, "symlink %s", rel);
}

/* Names of the chain c0 -> c1 -> ... -> c40 -> f: c0 needs 41 links. */
#define CHAIN 41

static void mk_tree(void)
{
	char *tmpl = P("%s/t.XXXXXX", fx.base);
	char name[NAME_MAX + 1];
	ck_assert(mkdtemp(tmpl));
	ck_assert(realpath(tmpl, fx.tree));
	mk_dir("d");
	mk_dir("d/sub");
	mk_dir("x (deleted)");
	mk_file("d/f");
	mk_file("d/sub/g");
	mk_file("f");
	ck_assert(mkfifo(P("%s/fifo", fx.tree), 0644) == 0);
	mk_link("d/sub", "rel");
	mk_link(P("%s/d", fx.tree), "abs");
	mk_link("f", "lf");
	mk_link("..", "d/up");
	mk_link("../../f", "d/sub/lnk");
	mk_link("nonexist", "dang");
	mk_link("nodir/x", "dangdir");
	mk_link("loop2", "loop1");
	mk_link("loop1", "loop2");
	mk_link("self", "self");
	mk_link("d/", "slashdir");
	mk_link("f/", "slashfile");
	mk_link(".", "dotlink");
	mk_link("/", "rootlink");
	mk_link(P("/../..%s/d", fx.tree), "updown");
	mk_link("/proc/self", "procself");
	mk_link("/proc/self/cwd/d", "cwdlink");
	mk_link("/proc/thread-self", "threadself");
	mk_link("/dev/fd", "devfd");
	mk_link("/proc/net", "procnet");
	for (int i = 0; i < CHAIN; i++)
		mk_link(i + 1 < CHAIN ? P("c%d", i + 1) : "f", P("c%d", i));
	memset(name, 'n', NAME_MAX);
	name[NAME_MAX] = '\0';
	mk_file(name);
}

static void setup(void)
{
	struct hello h;
	int sv[2];
	pid_t parent = getpid();

	mk_tree();
	ck_assert(socketpair(AF_UNIX, SOCK_SEQPACKET, 0, sv) == 0);
	fx.helper = fork();
	ck_assert(fx.helper >= 0);
	if (fx.helper == 0) {
		close(sv[0]);
		helper_main(sv[1], parent);
		_exit(0);
	}
	close(sv[1]);
	fx.sock = sv[0];
	ck_assert_int_eq(recv(fx.sock, &h, sizeof h, 0), sizeof h);
	fx.h = h;
	/* Links that only make sense with the helper's fd numbers and tid. */
	mk_link(P("/proc/self/fd/%d", fx.h.pipefd), "pipelink");
	mk_link(P("/proc/self/fd/%d", fx.h.dfd), "dfdlink");
	mk_link(P("/proc/self/task/%d/cwd", (int)fx.h.thread), "taskcwd");
}

static void teardown(void)
{
	close(fx.sock);
	cleanup();
}

/* Unchecked: run once, in the runner process, whatever the tests did. */
static void setup_base(void)
{
	strcpy(fx.base, "/tmp/check_canon.XXXXXX");
	ck_assert(mkdtemp(fx.base));
}

static void teardown_base(void)
{
	rm_at(AT_FDCWD, fx.base);
}

/* ---- comparisons ---- */

static const struct canon_ctx *hctx(void)
{
	static struct canon_ctx c;
	c.tid = c.tgid = fx.helper;
	return &c;
}

static const char *err_s(int r)
{
	return r ? strerror(-r) : "ok";
}

/* canon_resolve() in ctx c must give err, or want. */
static void expect_in(const struct canon_ctx *c, int dirfd, const char *path,
		      unsigned flags, int err, const char *want)
{
	char got[PATH_MAX];
	int r = canon_resolve(c, dirfd, path, flags, got, sizeof got);
	ck_assert_msg(r == err, "canon(%d, \"%s\", %u) = %s, want %s",
		      dirfd, path, flags, err_s(r), err_s(err));
	if (!err)
		ck_assert_msg(strcmp(got, want) == 0, "canon(%d, \"%s\", %u) = \"%s\", want \"%s\"",
			      dirfd, path, flags, got, want);
}

static void expect(int dirfd, const char *path, unsigned flags, int err, const char *want)
{
	expect_in(hctx(), dirfd, path, flags, err, want);
}

static bool is_inode(const struct stat *st, const struct hresp *k)
{
	return st->st_dev == k->dev && st->st_ino == k->ino;
}

/* The helper's fd k.ret (what the kernel opened) and canon's `got' must be
 * the same file: got is its path, or, when the kernel shows no path for
 * it, a /proc magic link to it. */
static void same_file(const char *what, const char *got, const struct hresp *k)
{
	char want[PATH_MAX], text[PATH_MAX];
	struct stat st;
	ssize_t n = readlink(P("/proc/%d/fd/%d", fx.helper, k->ret), want, sizeof want - 1);
	ck_assert(n > 0);
	want[n] = '\0';
	if (strcmp(got, want) == 0) {
		ck_assert_msg(lstat(got, &st) == 0 && is_inode(&st, k),
			      "%s: \"%s\" is another file than the kernel's", what, got);
		return;
	}
	ck_assert_msg(want[0] != '/' || lstat(want, &st) < 0 || !is_inode(&st, k),
		      "%s: canon \"%s\", kernel \"%s\"", what, got, want);
	n = readlink(got, text, sizeof text - 1);
	ck_assert_msg(n > 0 && strncmp(got, "/proc/", 6) == 0,
		      "%s: canon \"%s\" for pathless \"%s\"", what, got, want);
	text[n] = '\0';
	ck_assert_msg(strcmp(text, want) == 0 && stat(got, &st) == 0 && is_inode(&st, k),
		      "%s: canon \"%s\" -> \"%s\", kernel \"%s\"", what, got, text, want);
}

/* canon_resolve() and the kernel's openat(dirfd, path, oflags) agree
 * (openat2 with RESOLVE_IN_ROOT for CANON_IN_ROOT). */
static void agree_open(int dirfd, const char *path, unsigned flags, int oflags)
{
	char got[PATH_MAX], what[PATH_MAX + 64];
	struct hresp k = helper_call(flags & CANON_IN_ROOT ? H_OPENAT2_IN_ROOT : H_OPEN,
				     dirfd, oflags, path);
	int r = canon_resolve(hctx(), dirfd, path, flags, got, sizeof got);

	snprintf(what, sizeof what, "(%d, \"%.*s\", %u)", dirfd, 3 * PATH_MAX / 4, path, flags);
	ck_assert_msg(r == (k.ret < 0 ? k.ret : 0), "%s: canon %s, kernel %s",
		      what, err_s(r), err_s(k.ret < 0 ? k.ret : 0));
	if (k.ret >= 0) {
		same_file(what, got, &k);
		ck_assert_int_eq(helper_call(H_CLOSE, k.ret, 0, "").ret, 0);
	}
}

static void agree(int dirfd, const char *path, unsigned flags)
{
	agree_open(dirfd, path, flags,
		   O_PATH | (flags & CANON_NOFOLLOW ? O_NOFOLLOW : 0));
}

/* For a name that does not exist yet: canon's answer, then the kernel's
 * O_CREAT, must name the same new file. */
static void agree_create(int dirfd, const char *path)
{
	char got[PATH_MAX];
	struct stat st;
	int r = canon_resolve(hctx(), dirfd, path, CANON_MAY_NOT_EXIST, got, sizeof got);
	if (r == 0)
		ck_assert_msg(lstat(got, &st) < 0 && errno == ENOENT,
			      "create \"%s\": \"%s\" already exists", path, got);
	agree_open(dirfd, path, CANON_MAY_NOT_EXIST, O_CREAT | O_RDONLY | O_NONBLOCK);
	if (r == 0)
		ck_assert(unlink(got) == 0);
}

/* Same for mkdir, which never follows a last symlink. */
static void agree_mkdir(int dirfd, const char *path)
{
	const unsigned flags = CANON_MAY_NOT_EXIST | CANON_NOFOLLOW;
	char got[PATH_MAX];
	struct hresp k;
	int r = canon_resolve(hctx(), dirfd, path, flags, got, sizeof got);
	k = helper_call(H_MKDIR, dirfd, 0, path);
	ck_assert_msg(r == k.ret, "mkdir(%d, \"%s\"): canon %s, kernel %s",
		      dirfd, path, err_s(r), err_s(k.ret));
	if (r == 0) {
		k = helper_call(H_OPEN, dirfd, O_PATH | O_DIRECTORY, path);
		ck_assert(k.ret >= 0);
		same_file(path, got, &k);
		helper_call(H_CLOSE, k.ret, 0, "");
		ck_assert(rmdir(got) == 0);
	}
}

static void helper_ok(int op, int dirfd, const char *path)
{
	struct hresp k = helper_call(op, dirfd, 0, path);
	ck_assert_msg(k.ret == 0, "helper op %d \"%s\": %s", op, path, err_s(k.ret));
}

/* ---- tests ---- */

START_TEST(t_relative_cwd)
{
	const char *T = fx.tree;
	expect(AT_FDCWD, "d/f", 0, 0, P("%s/d/f", T));
	expect(AT_FDCWD, ".", 0, 0, T);
	expect(AT_FDCWD, "./d/./sub/.", 0, 0, P("%s/d/sub", T));
	expect(AT_FDCWD, "d/sub/../f", 0, 0, P("%s/d/f", T));
	expect(AT_FDCWD, "", 0, -ENOENT, NULL);
	expect(AT_FDCWD, "", CANON_EMPTY_PATH, 0, T);
	agree(AT_FDCWD, "d/f", 0);
	agree(AT_FDCWD, "", 0);
	/* After the helper moves, so does the result: it is its cwd, not ours. */
	helper_ok(H_CHDIR, AT_FDCWD, "d/sub");
	expect(AT_FDCWD, "g", 0, 0, P("%s/d/sub/g", T));
	expect(AT_FDCWD, "..", 0, 0, P("%s/d", T));
	agree(AT_FDCWD, "g", 0);
}
END_TEST

START_TEST(t_dirfd)
{
	const char *T = fx.tree;
	int dfd = fx.h.dfd, ffd = fx.h.ffd;
	expect(dfd, "sub/g", 0, 0, P("%s/d/sub/g", T));
	expect(dfd, "..", 0, 0, T);
	expect(dfd, "", CANON_EMPTY_PATH, 0, P("%s/d", T));
	expect(dfd, "", 0, -ENOENT, NULL);
	expect(ffd, "x", 0, -ENOTDIR, NULL);
	expect(ffd, ".", 0, -ENOTDIR, NULL);
	expect(ffd, "", CANON_EMPTY_PATH, 0, P("%s/f", T));
	expect(ffd, P("%s/d", T), 0, 0, P("%s/d", T));	/* absolute: dirfd unused */
	expect(9999, "x", 0, -EBADF, NULL);
	expect(-5, "x", 0, -EBADF, NULL);
	expect(9999, "", CANON_EMPTY_PATH, -EBADF, NULL);
	expect(9999, P("%s/f", T), 0, 0, P("%s/f", T));
	agree(dfd, "sub/g", 0);
	agree(dfd, "../lf", CANON_NOFOLLOW);
	agree(ffd, "x", 0);
	agree(ffd, ".", 0);
	agree(9999, "x", 0);
	agree(-5, "x", 0);
	agree(9999, P("%s/f", T), 0);
}
END_TEST

START_TEST(t_dotdot_and_slashes)
{
	const char *T = fx.tree;
	expect(AT_FDCWD, "/..", 0, 0, "/");
	expect(AT_FDCWD, "/../../..", 0, 0, "/");
	expect(AT_FDCWD, "/", 0, 0, "/");
	expect(AT_FDCWD, "//", 0, 0, "/");
	expect(AT_FDCWD, P("/../..%s/d", T), 0, 0, P("%s/d", T));
	expect(AT_FDCWD, P("/%s//d//sub/", T), 0, 0, P("%s/d/sub", T));
	expect(AT_FDCWD, P("%s/d/sub/../../d/./sub///g", T), 0, 0, P("%s/d/sub/g", T));
	expect(AT_FDCWD, "rootlink/..", 0, 0, "/");
	expect(AT_FDCWD, "updown", 0, 0, P("%s/d", T));
	agree(AT_FDCWD, "/../../..", 0);
	agree(AT_FDCWD, P("/%s//d//sub/", T), 0);
	agree(AT_FDCWD, "updown/..", 0);
}
END_TEST

START_TEST(t_trailing_slash)
{
	const char *T = fx.tree;
	expect(AT_FDCWD, "f/", 0, -ENOTDIR, NULL);
	expect(AT_FDCWD, "f/.", 0, -ENOTDIR, NULL);
	expect(AT_FDCWD, "f/..", 0, -ENOTDIR, NULL);
	expect(AT_FDCWD, "lf/", CANON_NOFOLLOW, -ENOTDIR, NULL);
	expect(AT_FDCWD, "fifo/", 0, -ENOTDIR, NULL);
	expect(AT_FDCWD, "slashfile", 0, -ENOTDIR, NULL);
	expect(AT_FDCWD, "slashdir", 0, 0, P("%s/d", T));
	/* A trailing slash follows the last link even under NOFOLLOW. */
	expect(AT_FDCWD, "rel", CANON_NOFOLLOW, 0, P("%s/rel", T));
	expect(AT_FDCWD, "rel/", CANON_NOFOLLOW, 0, P("%s/d/sub", T));
	expect(AT_FDCWD, "rel//", CANON_NOFOLLOW, 0, P("%s/d/sub", T));
	agree(AT_FDCWD, "f/", 0);
	agree(AT_FDCWD, "lf/", CANON_NOFOLLOW);
	agree(AT_FDCWD, "slashfile", 0);
	agree(AT_FDCWD, "slashfile", CANON_NOFOLLOW);
	agree(AT_FDCWD, "rel/", CANON_NOFOLLOW);
	agree(AT_FDCWD, "rel", CANON_NOFOLLOW);
}
END_TEST

START_TEST(t_loops)
{
	const char *T = fx.tree;
	expect(AT_FDCWD, "loop1", 0, -ELOOP, NULL);
	expect(AT_FDCWD, "self", 0, -ELOOP, NULL);
	expect(AT_FDCWD, "loop1", CANON_NOFOLLOW, 0, P("%s/loop1", T));
	expect(AT_FDCWD, "loop1/x", CANON_NOFOLLOW, -ELOOP, NULL);
	expect(AT_FDCWD, "loop1/", CANON_NOFOLLOW, -ELOOP, NULL);
	expect(AT_FDCWD, "loop1", CANON_MAY_NOT_EXIST, -ELOOP, NULL);
	/* The limit is exactly 40 links, as the kernel's MAXSYMLINKS. */
	expect(AT_FDCWD, "c1", 0, 0, P("%s/f", T));
	expect(AT_FDCWD, "c0", 0, -ELOOP, NULL);
	expect(AT_FDCWD, "c0", CANON_NOFOLLOW, 0, P("%s/c0", T));
	expect(AT_FDCWD, "c1/", 0, -ENOTDIR, NULL);
	agree(AT_FDCWD, "c0", 0);
	agree(AT_FDCWD, "c1", 0);
	agree(AT_FDCWD, "c2", 0);
	agree(AT_FDCWD, "loop1", 0);
	agree(AT_FDCWD, "self/x", CANON_NOFOLLOW);
	/* /proc/self and magic links count too: dfdlink/up/ is 4 links
	 * (dfdlink, self, fd/N, up), ten of them are the whole budget. */
	for (int last = 0; last < 2; last++) {
		char path[PATH_MAX] = "";
		for (int i = 0; i < 10; i++)
			strcat(path, "dfdlink/up/");
		strcat(path, last ? "lf" : "f");
		expect(AT_FDCWD, path, 0, last ? -ELOOP : 0, P("%s/f", T));
		agree(AT_FDCWD, path, 0);
		agree(AT_FDCWD, path + strlen("dfdlink/up/"), 0);
	}
}
END_TEST

START_TEST(t_missing)
{
	const char *T = fx.tree;
	expect(AT_FDCWD, "nope", 0, -ENOENT, NULL);
	expect(AT_FDCWD, "nope/x", 0, -ENOENT, NULL);
	expect(AT_FDCWD, "nope/x", CANON_MAY_NOT_EXIST, -ENOENT, NULL);
	expect(AT_FDCWD, "nope/..", CANON_MAY_NOT_EXIST, -ENOENT, NULL);
	expect(AT_FDCWD, "nope", CANON_MAY_NOT_EXIST, 0, P("%s/nope", T));
	expect(AT_FDCWD, "nope/", CANON_MAY_NOT_EXIST, 0, P("%s/nope", T));
	expect(AT_FDCWD, "rel/nope", CANON_MAY_NOT_EXIST, 0, P("%s/d/sub/nope", T));
	expect(AT_FDCWD, "f/nope", CANON_MAY_NOT_EXIST, -ENOTDIR, NULL);
	expect(AT_FDCWD, "dang", 0, -ENOENT, NULL);
	expect(AT_FDCWD, "dang", CANON_NOFOLLOW, 0, P("%s/dang", T));
	/* O_CREAT through a dangling link creates its target. */
	expect(AT_FDCWD, "dang", CANON_MAY_NOT_EXIST, 0, P("%s/nonexist", T));
	expect(AT_FDCWD, "dang", CANON_MAY_NOT_EXIST | CANON_NOFOLLOW, 0, P("%s/dang", T));
	expect(AT_FDCWD, "dangdir", CANON_MAY_NOT_EXIST, -ENOENT, NULL);
	agree(AT_FDCWD, "nope/x", 0);
	agree(AT_FDCWD, "dang", 0);
	agree(AT_FDCWD, "dang", CANON_NOFOLLOW);
	agree_create(AT_FDCWD, "nope");
	agree_create(AT_FDCWD, "dang");
	agree_create(AT_FDCWD, "dangdir");
	agree_create(AT_FDCWD, "nope/x");
	agree_create(AT_FDCWD, "f/nope");
	agree_create(AT_FDCWD, "d/up/rel/nope");
	agree_create(fx.h.dfd, "nope");
	agree_create(AT_FDCWD, "/proc/self/cwd/nope");
	agree_create(AT_FDCWD, P("%s/d/../nope", T));
	agree_mkdir(AT_FDCWD, "nope");
	agree_mkdir(AT_FDCWD, "nope/");
	agree_mkdir(AT_FDCWD, "rel/nope//");
	agree_mkdir(AT_FDCWD, "/proc/self/cwd/nope/");
	agree_mkdir(AT_FDCWD, "nope/x");
	agree_mkdir(AT_FDCWD, "f/x");
	agree_mkdir(fx.h.dfd, "../nope");
}
END_TEST

START_TEST(t_link_dotdot)
{
	const char *T = fx.tree;
	/* link/.. is the parent of the target, not the link's directory. */
	expect(AT_FDCWD, "rel/..", 0, 0, P("%s/d", T));
	expect(AT_FDCWD, "rel/../..", 0, 0, T);
	expect(AT_FDCWD, "abs/..", 0, 0, T);
	expect(AT_FDCWD, "d/up/d/up/rel/../f", 0, 0, P("%s/d/f", T));
	expect(AT_FDCWD, "d/sub/lnk", 0, 0, P("%s/f", T));
	expect(AT_FDCWD, "dotlink/dotlink/d", 0, 0, P("%s/d", T));
	agree(AT_FDCWD, "rel/..", 0);
	agree(AT_FDCWD, "rel/../..", 0);
	agree(AT_FDCWD, "d/up/d/up/rel/../f", 0);
	agree(AT_FDCWD, "d/sub/lnk", CANON_NOFOLLOW);
}
END_TEST

START_TEST(t_proc_self)
{
	const char *T = fx.tree;
	int h = fx.helper;
	pid_t tid = fx.h.thread;
	struct canon_ctx thread = { .tid = tid, .tgid = h };
	char got[PATH_MAX], parent[PATH_MAX];

	ck_assert_int_ne(h, getpid());
	strcpy(parent, T);
	*strrchr(parent, '/') = '\0';
	expect(AT_FDCWD, "/proc/self", 0, 0, P("/proc/%d", h));
	expect(AT_FDCWD, "/proc/self", CANON_NOFOLLOW, 0, "/proc/self");
	expect(AT_FDCWD, "/proc/self/", CANON_NOFOLLOW, 0, P("/proc/%d", h));
	expect(AT_FDCWD, "/proc/thread-self", 0, 0, P("/proc/%d/task/%d", h, h));
	expect(AT_FDCWD, "/proc/self/cwd", 0, 0, T);
	expect(AT_FDCWD, "/proc/self/cwd", CANON_NOFOLLOW, 0, P("/proc/%d/cwd", h));
	expect(AT_FDCWD, "/proc/self/cwd/d/f", 0, 0, P("%s/d/f", T));
	expect(AT_FDCWD, "cwdlink/sub", 0, 0, P("%s/d/sub", T));
	expect(AT_FDCWD, "/proc/self/root", 0, 0, "/");
	expect(AT_FDCWD, P("/proc/self/root%s/d", T), 0, 0, P("%s/d", T));
	expect(AT_FDCWD, P("/proc/%d/task/%d/fd/%d/sub", h, h, fx.h.dfd), 0, 0, P("%s/d/sub", T));
	expect(AT_FDCWD, P("/dev/fd/%d/sub", fx.h.dfd), 0, 0, P("%s/d/sub", T));
	expect(AT_FDCWD, "/proc/net", 0, 0, P("/proc/%d/net", h));
	expect(AT_FDCWD, "/proc/self/exe", CANON_NOFOLLOW, 0, P("/proc/%d/exe", h));
	/* "..": the physical parent of the cwd. */
	expect(AT_FDCWD, "/proc/self/cwd/..", 0, 0, parent);
	/* A thread's own view: thread-self names it, self its group. */
	expect_in(&thread, AT_FDCWD, "/proc/thread-self", 0, 0, P("/proc/%d/task/%d", h, (int)tid));
	expect_in(&thread, AT_FDCWD, "threadself/cwd", 0, 0, T);
	expect_in(&thread, AT_FDCWD, "/proc/self", 0, 0, P("/proc/%d", h));
	expect_in(&thread, fx.h.dfd, "sub", 0, 0, P("%s/d/sub", T));
	expect_in(&thread, AT_FDCWD, "d", 0, 0, P("%s/d", T));
	ck_assert(canon_resolve(&thread, AT_FDCWD, "/proc/thread-self/comm", 0, got, sizeof got) == 0);
	ck_assert_msg(access(got, F_OK) == 0, "%s", got);
	/* janus's own /proc/self would be wrong. */
	ck_assert(canon_resolve(hctx(), AT_FDCWD, "/proc/self/cwd/.", 0, got, sizeof got) == 0);
	ck_assert_str_eq(got, T);

	static const char *const paths[] = {
		"/proc/self", "/proc/self/", "/proc/thread-self", "/proc/self/cwd",
		"/proc/self/cwd/d", "/proc/self/root", "/proc/net", "/proc/mounts",
		"/proc/self/exe", "/proc/self/fd", "/proc/self/fd/0", "/proc/self/ns/mnt",
		"/dev/fd", "/dev/stdin", "/dev/stderr", "procself/cwd/f", "cwdlink/..",
		"threadself/cwd/dfdlink/sub", "taskcwd/rel/..", "procnet", "devfd/",
		"/proc/self/fd/0/", "/proc/self/ns/mnt/x",
	};
	for (size_t i = 0; i < ARRAY_SIZE(paths); i++) {
		agree(AT_FDCWD, paths[i], 0);
		agree(AT_FDCWD, paths[i], CANON_NOFOLLOW);
	}
	agree(AT_FDCWD, P("/dev/fd/%d/sub", fx.h.dfd), 0);
	agree(AT_FDCWD, P("/proc/%d/task/%d/cwd", h, (int)tid), CANON_NOFOLLOW);
	agree(fx.h.dfd, "../dfdlink/sub/../..", 0);
}
END_TEST

START_TEST(t_proc_pipe)
{
	int h = fx.helper, p = fx.h.pipefd;
	char magic[64];
	snprintf(magic, sizeof magic, "/proc/%d/fd/%d", h, p);
	expect(AT_FDCWD, P("/proc/self/fd/%d", p), 0, 0, magic);
	expect(AT_FDCWD, P("/proc/self/fd/%d", p), CANON_NOFOLLOW, 0, magic);
	expect(AT_FDCWD, P("/dev/fd/%d", p), 0, 0, magic);
	expect(AT_FDCWD, "pipelink", 0, 0, magic);
	expect(AT_FDCWD, "pipelink", CANON_MAY_NOT_EXIST, 0, magic);
	expect(AT_FDCWD, P("/proc/self/fd/%d/", p), 0, -ENOTDIR, NULL);
	expect(AT_FDCWD, P("/proc/self/fd/%d/x", p), CANON_MAY_NOT_EXIST, -ENOTDIR, NULL);
	expect(AT_FDCWD, "pipelink/..", 0, -ENOTDIR, NULL);
	expect(p, "x", 0, -ENOTDIR, NULL);
	expect(p, "", CANON_EMPTY_PATH, 0, P("/proc/%d/fd/%d", h, p));
	agree(AT_FDCWD, P("/proc/self/fd/%d", p), 0);
	agree(AT_FDCWD, P("/dev/fd/%d", p), 0);
	agree(AT_FDCWD, P("/proc/self/fd/%d/", p), 0);
	agree(AT_FDCWD, "pipelink", 0);
	agree(AT_FDCWD, "pipelink", CANON_NOFOLLOW);
	agree(AT_FDCWD, "pipelink/..", 0);
	agree(p, "x", 0);
	agree(p, ".", 0);
}
END_TEST

/* An O_PATH|O_NOFOLLOW fd on a symlink: the magic link lands on the
 * symlink itself, which is not followed any further. */
START_TEST(t_symlink_fd)
{
	const char *T = fx.tree;
	int lfd = helper_call(H_OPEN, AT_FDCWD, O_PATH | O_NOFOLLOW, "lf").ret;
	ck_assert_int_ge(lfd, 0);
	expect(lfd, "", CANON_EMPTY_PATH, 0, P("%s/lf", T));
	expect(lfd, "x", 0, -ENOTDIR, NULL);
	expect(AT_FDCWD, P("/proc/self/fd/%d", lfd), 0, 0, P("%s/lf", T));
	agree(lfd, "x", 0);
	agree(AT_FDCWD, P("/proc/self/fd/%d", lfd), 0);
	agree(AT_FDCWD, P("/proc/self/fd/%d", lfd), CANON_NOFOLLOW);
	agree(AT_FDCWD, P("/proc/self/fd/%d/", lfd), 0);
	agree(AT_FDCWD, P("/proc/self/fd/%d/x", lfd), 0);
}
END_TEST

START_TEST(t_deleted)
{
	const char *T = fx.tree;
	int h = fx.helper, gd, gf;
	char got[PATH_MAX];

	mk_dir("gone");
	mk_file("gonefile");
	gd = helper_call(H_OPEN, AT_FDCWD, O_PATH | O_DIRECTORY, "gone").ret;
	gf = helper_call(H_OPEN, AT_FDCWD, O_PATH, "gonefile").ret;
	ck_assert(gd >= 0 && gf >= 0);
	/* Same name, another inode: the text of the link must not be trusted. */
	ck_assert(rmdir(P("%s/gone", T)) == 0);
	ck_assert(unlink(P("%s/gonefile", T)) == 0);
	mk_dir("gone (deleted)");
	mk_file("gonefile (deleted)");
	expect(AT_FDCWD, P("/proc/self/fd/%d", gd), 0, 0, P("/proc/%d/fd/%d", h, gd));
	expect(AT_FDCWD, P("/proc/self/fd/%d", gf), 0, 0, P("/proc/%d/fd/%d", h, gf));
	expect(AT_FDCWD, P("/proc/self/fd/%d/.", gd), 0, 0, P("/proc/%d/fd/%d", h, gd));
	expect(AT_FDCWD, P("/proc/self/fd/%d/x", gd), 0, -ENOENT, NULL);
	expect(AT_FDCWD, P("/proc/self/fd/%d/x", gd), CANON_MAY_NOT_EXIST, -ENOENT, NULL);
	expect(AT_FDCWD, P("/proc/self/fd/%d/x", gf), 0, -ENOTDIR, NULL);
	expect(gd, "x", CANON_MAY_NOT_EXIST, -ENOENT, NULL);
	expect(gd, "", CANON_EMPTY_PATH, 0, P("/proc/%d/fd/%d", h, gd));
	expect(gf, "", CANON_EMPTY_PATH, 0, P("/proc/%d/fd/%d", h, gf));
	agree(AT_FDCWD, P("/proc/self/fd/%d", gd), 0);
	agree(AT_FDCWD, P("/proc/self/fd/%d", gf), 0);
	agree(AT_FDCWD, P("/proc/self/fd/%d/.", gd), 0);
	agree(AT_FDCWD, P("/proc/self/fd/%d/x", gd), 0);
	agree(AT_FDCWD, P("/proc/self/fd/%d/x", gf), 0);
	agree(gd, "x", 0);
	agree(gd, ".", 0);
	agree_create(gd, "x");
	agree_create(AT_FDCWD, P("/proc/self/fd/%d/x", gd));

	/* A live directory whose name ends in " (deleted)" is a plain path. */
	helper_ok(H_CHDIR, AT_FDCWD, "x (deleted)");
	expect(AT_FDCWD, ".", 0, 0, P("%s/x (deleted)", T));
	expect(AT_FDCWD, "../f", 0, 0, P("%s/f", T));
	agree(AT_FDCWD, ".", 0);
	agree(AT_FDCWD, "/proc/self/cwd", 0);

	/* A deleted cwd: "." is still there, names below it are not. */
	mk_dir("gone2");
	helper_ok(H_CHDIR, AT_FDCWD, P("%s/gone2", T));
	ck_assert(rmdir(P("%s/gone2", T)) == 0);
	expect(AT_FDCWD, ".", 0, 0, P("/proc/%d/cwd", h));
	expect(AT_FDCWD, "", CANON_EMPTY_PATH, 0, P("/proc/%d/cwd", h));
	expect(AT_FDCWD, "x", CANON_MAY_NOT_EXIST, -ENOENT, NULL);
	agree(AT_FDCWD, ".", 0);
	agree(AT_FDCWD, "x", 0);
	agree(AT_FDCWD, "/proc/self/cwd", 0);
	agree(AT_FDCWD, P("%s/f", T), 0);
	agree_create(AT_FDCWD, "x");
	ck_assert(canon_resolve(hctx(), AT_FDCWD, "/proc/self/cwd", 0, got, sizeof got) == 0);
	ck_assert_str_eq(got, P("/proc/%d/cwd", h));
}
END_TEST

START_TEST(t_long)
{
	static char path[PATH_MAX + 2];
	char name[NAME_MAX + 2], got[PATH_MAX], small[8], *unterminated;
	const char *T = fx.tree;
	int fd, n, k;

	/* Input bound: PATH_MAX - 1 characters resolve, PATH_MAX do not. */
	for (n = 0; n < PATH_MAX - 1 - 1; n += 2)
		memcpy(path + n, "./", 2);
	strcpy(path + n, "d");
	ck_assert_int_eq(strlen(path), PATH_MAX - 1);
	expect(AT_FDCWD, path, 0, 0, P("%s/d", T));
	agree(AT_FDCWD, path, 0);
	strcpy(path + n, "dd");
	expect(AT_FDCWD, path, 0, -ENAMETOOLONG, NULL);
	agree(AT_FDCWD, path, 0);
	agree(AT_FDCWD, path, CANON_MAY_NOT_EXIST);
	/* Not NUL-terminated within PATH_MAX: never read past it. */
	unterminated = malloc(PATH_MAX);
	ck_assert(unterminated);
	memset(unterminated, 'a', PATH_MAX);
	ck_assert_int_eq(canon_resolve(hctx(), AT_FDCWD, unterminated, 0, got, sizeof got),
			 -ENAMETOOLONG);
	free(unterminated);

	/* Component bound: NAME_MAX. */
	memset(name, 'n', NAME_MAX);
	name[NAME_MAX] = '\0';
	expect(AT_FDCWD, name, 0, 0, P("%s/%s", T, name));
	agree(AT_FDCWD, name, 0);
	name[NAME_MAX] = 'n';
	name[NAME_MAX + 1] = '\0';
	expect(AT_FDCWD, name, CANON_MAY_NOT_EXIST, -ENAMETOOLONG, NULL);
	agree(AT_FDCWD, name, 0);
	agree_create(AT_FDCWD, name);

	/* Output bound: never past outlen. */
	memset(small, '#', sizeof small);
	ck_assert_int_eq(canon_resolve(hctx(), AT_FDCWD, "d/f", 0, small, 4), -ENAMETOOLONG);
	for (size_t i = 0; i < sizeof small; i++)
		ck_assert_int_eq(small[i], '#');
	ck_assert_int_eq(canon_resolve(hctx(), AT_FDCWD, "/", 0, small, 1), -ENAMETOOLONG);
	ck_assert_int_eq(canon_resolve(hctx(), AT_FDCWD, "/", 0, small, 2), 0);
	ck_assert_str_eq(small, "/");

	/* A canonical path longer than PATH_MAX - 1 reached through a short
	 * link: the kernel goes there, canon refuses (see canon.h). */
	memset(name, 'L', 250);
	name[250] = '\0';
	fd = open(T, O_PATH | O_DIRECTORY);
	ck_assert(fd >= 0);
	for (int i = 0; i < 17; i++) {
		int next;
		ck_assert(mkdirat(fd, name, 0755) == 0);
		next = openat(fd, name, O_PATH | O_DIRECTORY);
		ck_assert(next >= 0);
		close(fd);
		fd = next;
		if (i == 9) {
			ssize_t len = readlink(P("/proc/self/fd/%d", fd), got, sizeof got - 1);
			ck_assert(len > 0);
			got[len] = '\0';
			ck_assert(symlink(got, P("%s/deeplink", T)) == 0);
		}
	}
	close(fd);
	n = snprintf(path, sizeof path, "deeplink");
	for (int i = 10; i < 17; i++)
		n += snprintf(path + n, sizeof path - (size_t)n, "/%s", name);
	ck_assert_int_lt(n, PATH_MAX);
	expect(AT_FDCWD, path, 0, -ENAMETOOLONG, NULL);
	k = helper_call(H_OPEN, AT_FDCWD, O_PATH, path).ret;
	ck_assert_int_ge(k, 0);
	helper_call(H_CLOSE, k, 0, "");
	/* ...even when ".." would make it short again. */
	n += snprintf(path + n, sizeof path - (size_t)n, "/..");
	expect(AT_FDCWD, path, 0, -ENAMETOOLONG, NULL);
	*strrchr(got, '/') = '\0';
	expect(AT_FDCWD, "deeplink/..", 0, 0, got);
}
END_TEST

START_TEST(t_chroot)
{
	const char *T = fx.tree;
	if (geteuid() != 0) {
		fprintf(stderr, "t_chroot: not root, chroot case not run\n");
		return;
	}
	helper_ok(H_CHROOT, AT_FDCWD, T);
	/* cwd stays outside the new root until the helper moves. */
	expect(AT_FDCWD, "d", 0, 0, P("%s/d", T));
	expect(AT_FDCWD, "/d/f", 0, 0, P("%s/d/f", T));
	expect(AT_FDCWD, "/", 0, 0, T);
	expect(AT_FDCWD, "/../..", 0, 0, T);
	expect(AT_FDCWD, "rootlink/d", 0, 0, P("%s/d", T));
	expect(AT_FDCWD, "abs", 0, -ENOENT, NULL);
	expect(AT_FDCWD, "/proc/self", 0, -ENOENT, NULL);
	static const char *const paths[] = {
		"/", "/..", "/d/sub/../f", "rootlink/d/up", "abs", "rel/../..", "updown",
		"/proc/self", "dfdlink/..", "/../../../d", "../..",
	};
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < ARRAY_SIZE(paths); i++) {
			agree(AT_FDCWD, paths[i], 0);
			agree(AT_FDCWD, paths[i], CANON_NOFOLLOW);
			agree(fx.h.dfd, paths[i], 0);
		}
		agree_create(AT_FDCWD, "/nope");
		agree_create(AT_FDCWD, "rootlink/../../nope");
		helper_ok(H_CHDIR, AT_FDCWD, "/d");
	}
	expect(AT_FDCWD, "../..", 0, 0, T);
}
END_TEST

/* openat2(RESOLVE_IN_ROOT): the dirfd (T/d) is "/" for this lookup. */
START_TEST(t_in_root)
{
	const char *T = fx.tree;
	const unsigned R = CANON_IN_ROOT;
	int dfd = fx.h.dfd, rootfd;
	mk_link("/f", "d/absf");
	mk_link("/sub/../../../sub/g", "d/absg");
	mk_link(P("/proc/self/fd/%d", dfd), "d/magic");
	expect(dfd, "/f", R, 0, P("%s/d/f", T));
	expect(dfd, "../../..", R, 0, P("%s/d", T));
	expect(dfd, "up/f", R, 0, P("%s/d/f", T));
	expect(dfd, "sub/lnk", R, 0, P("%s/d/f", T));
	expect(dfd, "absf", R, 0, P("%s/d/f", T));
	expect(dfd, "absg", R, 0, P("%s/d/sub/g", T));
	expect(dfd, "absf", R | CANON_NOFOLLOW, 0, P("%s/d/absf", T));
	/* Its absolute target starts in the new root, which has no /proc. */
	expect(dfd, "magic", R, -ENOENT, NULL);
	expect(dfd, "magic", R | CANON_NOFOLLOW, 0, P("%s/d/magic", T));
	expect(dfd, "/nope", R | CANON_MAY_NOT_EXIST, 0, P("%s/d/nope", T));
	expect(fx.h.ffd, "/", R, -ENOTDIR, NULL);
	expect(AT_FDCWD, "/d/up/../f", R, 0, P("%s/f", T));
	static const char *const paths[] = {
		"/", "/f", "..", "../..", "/../f", "up", "up/f", "up/up/sub", "sub/lnk",
		"absf", "absg", "absg/", "magic", "magic/sub", "/proc/self", "sub/..",
		"f/", "nope", "nope/x", "../../d/f",
	};
	for (size_t i = 0; i < ARRAY_SIZE(paths); i++) {
		agree(dfd, paths[i], R);
		agree(dfd, paths[i], R | CANON_NOFOLLOW);
		agree(AT_FDCWD, paths[i], R);
		agree(fx.h.ffd, paths[i], R);
	}
	/* Magic links are refused in scoped lookups, even from "/". */
	rootfd = helper_call(H_OPEN, AT_FDCWD, O_PATH, "/").ret;
	ck_assert_int_ge(rootfd, 0);
	expect(rootfd, "/proc/self/cwd", R, -EXDEV, NULL);
	expect(rootfd, "/proc/self/cwd", R | CANON_NOFOLLOW, 0, P("/proc/%d/cwd", fx.helper));
	expect(rootfd, P("%s/d/magic", T + 1), R, -EXDEV, NULL);
	expect(rootfd, "../proc/self", R, 0, P("/proc/%d", fx.helper));
	agree(rootfd, "/proc/self/cwd", R);
	agree(rootfd, "/proc/self/cwd", R | CANON_NOFOLLOW);
	agree(rootfd, P("%s/d/magic/sub", T), R);
	agree(rootfd, "../proc/self", R);
	agree(rootfd, "/proc/thread-self/", R);
	agree(rootfd, "dev/stdin", R);
}
END_TEST

/* canon_ctx.via: the walk ended on a descriptor's magic link (reopen.h),
 * in the caller's own view (this process as the tracee). */
START_TEST(t_via_fd)
{
	struct canon_fd via;
	struct canon_ctx c = { getpid(), getpid(), &via };
	char got[PATH_MAX], path[64];
	int p[2];
	ck_assert(pipe(p) == 0);
	int d = open("/tmp", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	ck_assert(d >= 0);
	snprintf(path, sizeof path, "/proc/self/fd/%d", p[0]);
	ck_assert_int_eq(canon_resolve(&c, AT_FDCWD, path, 0, got, sizeof got), 0);
	ck_assert_int_eq(via.fd, p[0]);
	ck_assert_int_eq(via.pid, getpid());
	snprintf(path, sizeof path, "/dev/fd/%d", p[1]);
	ck_assert_int_eq(canon_resolve(&c, AT_FDCWD, path, 0, got, sizeof got), 0);
	ck_assert_int_eq(via.fd, p[1]);
	snprintf(path, sizeof path, "/proc/thread-self/fd/%d", p[1]);
	ck_assert_int_eq(canon_resolve(&c, AT_FDCWD, path, 0, got, sizeof got), 0);
	ck_assert_int_eq(via.fd, p[1]);
	ck_assert_int_eq(via.pid, getpid());	/* single-threaded: tid == pid */
	/* The link itself (no follow), a path below a directory's descriptor,
	 * and other magic links are no descriptor. */
	ck_assert_int_eq(canon_resolve(&c, AT_FDCWD, path, CANON_NOFOLLOW, got, sizeof got), 0);
	ck_assert_int_eq(via.fd, -1);
	snprintf(path, sizeof path, "/proc/self/fd/%d/.", d);
	ck_assert_int_eq(canon_resolve(&c, AT_FDCWD, path, 0, got, sizeof got), 0);
	ck_assert_int_eq(via.fd, d);
	ck_assert_str_eq(got, "/tmp");
	snprintf(path, sizeof path, "/proc/self/fd/%d/x-none", d);
	ck_assert_int_eq(canon_resolve(&c, AT_FDCWD, path, CANON_MAY_NOT_EXIST, got, sizeof got), 0);
	ck_assert_int_eq(via.fd, -1);
	snprintf(path, sizeof path, "/proc/self/fd/%d/..", d);
	ck_assert_int_eq(canon_resolve(&c, AT_FDCWD, path, 0, got, sizeof got), 0);
	ck_assert_int_eq(via.fd, -1);
	ck_assert_int_eq(canon_resolve(&c, AT_FDCWD, "/proc/self/cwd", 0, got, sizeof got), 0);
	ck_assert_int_eq(via.fd, -1);
	ck_assert_int_eq(canon_resolve(&c, AT_FDCWD, "/tmp", 0, got, sizeof got), 0);
	ck_assert_int_eq(via.fd, -1);
	close(p[0]);
	close(p[1]);
	close(d);
}
END_TEST

START_TEST(t_gone_tracee)
{
	struct canon_ctx c = { 0, 0, NULL };
	char got[PATH_MAX];
	pid_t pid = fork();
	ck_assert(pid >= 0);
	if (pid == 0)
		_exit(0);
	ck_assert(waitpid(pid, NULL, 0) == pid);
	c.tid = c.tgid = pid;
	ck_assert_int_eq(canon_resolve(&c, AT_FDCWD, "x", 0, got, sizeof got), -ESRCH);
	ck_assert_int_eq(canon_resolve(&c, AT_FDCWD, "/", 0, got, sizeof got), -ESRCH);
}
END_TEST

/* ---- property: every entry of the tree, every way of naming it ---- */

static int list_tree(int dfd, const char *prefix, char (*names)[512], int n, int max)
{
	int fd = openat(dfd, prefix[0] ? prefix : ".", O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
	DIR *d = fd < 0 ? NULL : fdopendir(fd);
	struct dirent *e;
	ck_assert(d);
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		ck_assert(n < max);
		ck_assert((size_t)snprintf(names[n], sizeof names[n], "%s%s%s", prefix,
					   prefix[0] ? "/" : "", e->d_name) < sizeof names[n]);
		n++;
		if (e->d_type == DT_DIR)
			n = list_tree(dfd, names[n - 1], names, n, max);
	}
	closedir(d);
	return n;
}

/* %T: the tree, %E: the entry, %D: the helper's dirfd number. */
static void expand(const char *fmt, const char *entry, char *out, size_t size)
{
	size_t n = 0;
	for (; *fmt; fmt++) {
		const char *s = NULL;
		char num[16];
		if (*fmt == '%') {
			fmt++;
			if (*fmt == 'T')
				s = fx.tree;
			else if (*fmt == 'E')
				s = entry;
			else {
				snprintf(num, sizeof num, "%d", fx.h.dfd);
				s = num;
			}
		}
		n += (size_t)snprintf(out + n, size - n, "%s", s ? s : (char[2]){ *fmt, 0 });
		ck_assert(n < size);
	}
}

/* Whether entry, followed, ends up in the tree (or nowhere). */
static bool in_tree(const char *entry)
{
	char got[PATH_MAX];
	size_t n = strlen(fx.tree);
	if (canon_resolve(hctx(), AT_FDCWD, entry, 0, got, sizeof got) < 0)
		return true;
	return strncmp(got, fx.tree, n) == 0 && (got[n] == '/' || got[n] == '\0');
}

START_TEST(t_property)
{
	static char names[128][512];
	static const struct { bool at_dfd; const char *fmt; } forms[] = {
		{ 0, "%T/%E" }, { 0, "%T//%E/" }, { 0, "%T/%E/." }, { 0, "%T/%E/.." },
		{ 0, "%T/./%E//." }, { 0, "/../..%T/%E" }, { 0, "%E" }, { 0, "./%E/" },
		{ 0, "d/../%E" }, { 0, "rel/../../%E" }, { 0, "abs/../%E" },
		{ 0, "d/up/%E" }, { 0, "dotlink/%E" }, { 0, "/proc/self/cwd/%E" },
		{ 0, "/proc/thread-self/cwd/%E/" }, { 0, "/dev/fd/%D/../%E" },
		{ 0, "procself/cwd/%E" }, { 0, "rootlink%T/%E" }, { 0, "%E/../%E" },
		{ 0, "slashdir/../%E" }, { 0, "taskcwd/%E" },
		{ 1, "../%E" }, { 1, "up/%E/" }, { 1, "sub/../../%E" }, { 1, "%E" },
	};
	char path[2 * PATH_MAX];
	int fd = open(fx.tree, O_PATH | O_DIRECTORY), n;
	ck_assert(fd >= 0);
	n = list_tree(fd, "", names, 0, (int)ARRAY_SIZE(names));
	close(fd);
	ck_assert_int_ge(n, 50);
	for (int e = -1; e < n; e++) {
		for (size_t f = 0; f < ARRAY_SIZE(forms); f++) {
			expand(forms[f].fmt, e < 0 ? "" : names[e], path, sizeof path);
			for (unsigned flags = 0; flags <= CANON_NOFOLLOW; flags++)
				agree(forms[f].at_dfd ? fx.h.dfd : AT_FDCWD, path, flags);
		}
		/* Creating is compared only inside the tree (not in /proc or /). */
		if (e < 0 || in_tree(names[e]))
			agree_create(AT_FDCWD, P("%s/new", e < 0 ? "." : names[e]));
	}
}
END_TEST

static Suite *canon_suite(void)
{
	Suite *s = suite_create("canon");
	TCase *tc = tcase_create("resolve");
	tcase_add_unchecked_fixture(tc, setup_base, teardown_base);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, t_relative_cwd);
	tcase_add_test(tc, t_dirfd);
	tcase_add_test(tc, t_dotdot_and_slashes);
	tcase_add_test(tc, t_trailing_slash);
	tcase_add_test(tc, t_loops);
	tcase_add_test(tc, t_missing);
	tcase_add_test(tc, t_link_dotdot);
	tcase_add_test(tc, t_proc_self);
	tcase_add_test(tc, t_proc_pipe);
	tcase_add_test(tc, t_symlink_fd);
	tcase_add_test(tc, t_deleted);
	tcase_add_test(tc, t_long);
	tcase_add_test(tc, t_chroot);
	tcase_add_test(tc, t_in_root);
	tcase_add_test(tc, t_gone_tracee);
	tcase_add_test(tc, t_via_fd);
	tcase_add_test(tc, t_property);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return check_run(canon_suite());
}
