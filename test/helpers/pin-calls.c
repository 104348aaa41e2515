/* pin-calls - the path calls janus pins (src/pinfd.c), made by hand, for
 * test/integ/t19*.sh.  Each command prints one line per call, the same
 * natively and under janus when janus is transparent:
 *
 *   LABEL: ok|errno=NAME [regs=CHANGED(argN)] [buf=CHANGED]
 *
 * On x86_64 every call is a raw `syscall` with all six argument registers
 * set (unused ones to a sentinel) and checked afterwards: the syscall ABI
 * keeps them, and janus must give them back after pointing the call at
 * its own copies.  The path strings are checked too: janus never writes
 * the program's memory.
 *
 * Usage: pin-calls fs          calls on files, in a tree it makes in the cwd
 *        pin-calls look        the calls that only look (stat ...), the same
 *        pin-calls unix        unix socket calls, in the cwd
 *        pin-calls connect PATH   one stream connect, "connect: ok"
 *        pin-calls serve NAME COUNT   binds NAME (cwd-relative), prints
 *                              "ready" on stderr, accepts COUNT, exits
 *        pin-calls bind-name PATH      binds, prints getsockname's path
 *        pin-calls dup2-race NAME EVILFD  see race_dup2
 *        pin-calls sig-race    see race_signals
 *        pin-calls restart     see cmd_restart
 *        pin-calls restart-stolen   see cmd_restart_stolen
 *        pin-calls connect-dup2     see cmd_connect_dup2
 *        pin-calls exec-show   prints argv[0] and AT_EXECFN */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/xattr.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#ifndef RENAME_NOREPLACE
#define RENAME_NOREPLACE 1
#define RENAME_EXCHANGE 2
#endif

#define SENTINEL(i) ((long)(0x5a5a5a5a5a5a5a00UL + (unsigned long)(i)))
#define UNUSED(i) SENTINEL(i)

/* Every string a call points at lives here, so one snapshot covers them. */
static char arena[8192];
static size_t arena_used;

static long P(const char *s)
{
	size_t n = strlen(s) + 1;
	if (arena_used + n > sizeof arena)
		abort();
	char *at = arena + arena_used;
	memcpy(at, s, n);
	arena_used += n;
	return (long)at;
}

static long raw6(long nr, long a[6], long after[6])
{
#if defined(__x86_64__)
	register long r10 __asm__("r10") = a[3];
	register long r8 __asm__("r8") = a[4];
	register long r9 __asm__("r9") = a[5];
	long di = a[0], si = a[1], dx = a[2], ret;
	__asm__ volatile("syscall"
			 : "=a"(ret), "+D"(di), "+S"(si), "+d"(dx), "+r"(r10), "+r"(r8), "+r"(r9)
			 : "0"(nr)
			 : "rcx", "r11", "memory");
	after[0] = di, after[1] = si, after[2] = dx, after[3] = r10, after[4] = r8, after[5] = r9;
	return ret;
#else
	long ret = syscall(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
	memcpy(after, a, 6 * sizeof a[0]);	/* not checkable here */
	return ret < 0 ? -errno : ret;
#endif
}

static const char *errname(int e)
{
	const char *n = strerrorname_np(e);
	static char buf[16];
	if (n)
		return n;
	snprintf(buf, sizeof buf, "%d", e);
	return buf;
}

/* Makes the call, prints its line; returns the raw result. */
static long call(const char *label, long nr, long a0, long a1, long a2, long a3, long a4, long a5)
{
	static char before[sizeof arena];
	long a[6] = { a0, a1, a2, a3, a4, a5 }, after[6];
	memcpy(before, arena, arena_used);
	long r = raw6(nr, a, after);
	printf("%s: ", label);
	if (r < 0 && r > -4096)
		printf("errno=%s", errname((int)-r));
	else
		printf("ok");
	for (int i = 0; i < 6; i++)
		if (after[i] != a[i])
			printf(" regs=CHANGED(arg%d)", i);
	if (memcmp(before, arena, arena_used) != 0)
		printf(" buf=CHANGED");
	printf("\n");
	arena_used = 0;
	return r;
}

static void make_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	if (!f || fputs(text, f) == EOF || fclose(f) != 0) {
		perror(path);
		exit(2);
	}
}

static int cmd_fs(void)
{
	uid_t uid = getuid();
	gid_t gid = getgid();
	make_file("f", "data\n");
	make_file("x", "other\n");
	if (mkdir("d", 0755) < 0 || mkdir("d/sub", 0755) < 0 || symlink("d", "ld") < 0 ||
	    symlink("loop2", "loop1") < 0 || symlink("loop1", "loop2") < 0)
		return perror("setup"), 2;
	make_file("d/g", "gee\n");
	int dfd = open("d", O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (dfd < 0)
		return perror("d"), 2;

	call("link", SYS_link, P("f"), P("f.link"), UNUSED(2), UNUSED(3), UNUSED(4), UNUSED(5));
	call("link-exists", SYS_link, P("f"), P("f.link"), UNUSED(2), UNUSED(3), UNUSED(4), UNUSED(5));
	call("link-missing", SYS_link, P("nope"), P("n"), UNUSED(2), UNUSED(3), UNUSED(4), UNUSED(5));
	call("linkat-dirfd", SYS_linkat, dfd, P("g"), AT_FDCWD, P("g.link"), 0, UNUSED(5));
	call("linkat-follow", SYS_linkat, AT_FDCWD, P("ld/g"), dfd, P("g.hard"), AT_SYMLINK_FOLLOW,
	     UNUSED(5));
	call("rename", SYS_rename, P("f.link"), P("d/f.moved"), UNUSED(2), UNUSED(3), UNUSED(4),
	     UNUSED(5));
	call("rename-samedir", SYS_rename, P("x"), P("x2"), UNUSED(2), UNUSED(3), UNUSED(4), UNUSED(5));
	call("renameat2", SYS_renameat2, AT_FDCWD, P("d/f.moved"), dfd, P("f.back"), 0, UNUSED(5));
	call("renameat2-noreplace", SYS_renameat2, AT_FDCWD, P("x2"), AT_FDCWD, P("f"),
	     RENAME_NOREPLACE, UNUSED(5));
	call("renameat2-exchange", SYS_renameat2, AT_FDCWD, P("x2"), dfd, P("g"), RENAME_EXCHANGE,
	     UNUSED(5));
	call("rename-into-self", SYS_rename, P("d"), P("d/sub/d"), UNUSED(2), UNUSED(3), UNUSED(4),
	     UNUSED(5));
	call("rename-slash", SYS_rename, P("f"), P("f3/"), UNUSED(2), UNUSED(3), UNUSED(4), UNUSED(5));
	call("unlink", SYS_unlink, P("d/f.back"), UNUSED(1), UNUSED(2), UNUSED(3), UNUSED(4), UNUSED(5));
	call("unlink-missing", SYS_unlink, P("nope"), UNUSED(1), UNUSED(2), UNUSED(3), UNUSED(4),
	     UNUSED(5));
	call("unlink-slash", SYS_unlink, P("f/"), UNUSED(1), UNUSED(2), UNUSED(3), UNUSED(4), UNUSED(5));
	call("unlinkat", SYS_unlinkat, AT_FDCWD, P("g.link"), 0, UNUSED(3), UNUSED(4), UNUSED(5));
	call("mkdir", SYS_mkdir, P("m"), 0750, UNUSED(2), UNUSED(3), UNUSED(4), UNUSED(5));
	call("mkdir-exists", SYS_mkdir, P("m"), 0750, UNUSED(2), UNUSED(3), UNUSED(4), UNUSED(5));
	call("mkdir-slash", SYS_mkdir, P("m2/"), 0700, UNUSED(2), UNUSED(3), UNUSED(4), UNUSED(5));
	call("mkdirat", SYS_mkdirat, dfd, P("m3"), 0700, UNUSED(3), UNUSED(4), UNUSED(5));
	call("mkdir-loop", SYS_mkdir, P("loop1/m"), 0700, UNUSED(2), UNUSED(3), UNUSED(4), UNUSED(5));
	call("rmdir", SYS_rmdir, P("m"), UNUSED(1), UNUSED(2), UNUSED(3), UNUSED(4), UNUSED(5));
	call("rmdir-slash", SYS_rmdir, P("m2/"), UNUSED(1), UNUSED(2), UNUSED(3), UNUSED(4), UNUSED(5));
	call("rmdir-notempty", SYS_rmdir, P("d"), UNUSED(1), UNUSED(2), UNUSED(3), UNUSED(4), UNUSED(5));
	call("rmdir-dot", SYS_rmdir, P("d/sub/."), UNUSED(1), UNUSED(2), UNUSED(3), UNUSED(4),
	     UNUSED(5));
	call("rmdir-dotdot", SYS_rmdir, P("d/sub/.."), UNUSED(1), UNUSED(2), UNUSED(3), UNUSED(4),
	     UNUSED(5));
	call("unlink-dot", SYS_unlink, P("d/sub/./"), UNUSED(1), UNUSED(2), UNUSED(3), UNUSED(4),
	     UNUSED(5));
	call("mkdir-dot", SYS_mkdir, P("d/."), 0700, UNUSED(2), UNUSED(3), UNUSED(4), UNUSED(5));
	call("rename-dot", SYS_rename, P("d/sub/."), P("sub2"), UNUSED(2), UNUSED(3), UNUSED(4),
	     UNUSED(5));
	call("unlinkat-removedir", SYS_unlinkat, dfd, P("m3"), AT_REMOVEDIR, UNUSED(3), UNUSED(4),
	     UNUSED(5));
	call("symlink", SYS_symlink, P("f"), P("s"), UNUSED(2), UNUSED(3), UNUSED(4), UNUSED(5));
	call("symlink-exists", SYS_symlink, P("f"), P("s"), UNUSED(2), UNUSED(3), UNUSED(4), UNUSED(5));
	call("symlinkat", SYS_symlinkat, P("../f"), dfd, P("s2"), UNUSED(3), UNUSED(4), UNUSED(5));
	call("chmod", SYS_chmod, P("f"), 0640, UNUSED(2), UNUSED(3), UNUSED(4), UNUSED(5));
	call("chmod-via-link", SYS_chmod, P("ld/g"), 0600, UNUSED(2), UNUSED(3), UNUSED(4), UNUSED(5));
	call("chmod-symlink", SYS_chmod, P("s"), 0604, UNUSED(2), UNUSED(3), UNUSED(4), UNUSED(5));
	call("chmod-loop", SYS_chmod, P("loop1"), 0600, UNUSED(2), UNUSED(3), UNUSED(4), UNUSED(5));
	call("chmod-missing", SYS_chmod, P("nope"), 0600, UNUSED(2), UNUSED(3), UNUSED(4), UNUSED(5));
	call("fchmodat", SYS_fchmodat, dfd, P("g"), 0644, UNUSED(3), UNUSED(4), UNUSED(5));
	call("chown", SYS_chown, P("f"), uid, gid, UNUSED(3), UNUSED(4), UNUSED(5));
	call("lchown", SYS_lchown, P("s"), -1, -1, UNUSED(3), UNUSED(4), UNUSED(5));
	call("fchownat-nofollow", SYS_fchownat, dfd, P("s2"), uid, gid, AT_SYMLINK_NOFOLLOW, UNUSED(5));
	call("truncate", SYS_truncate, P("f"), 2, UNUSED(2), UNUSED(3), UNUSED(4), UNUSED(5));
	call("truncate-dir", SYS_truncate, P("d"), 0, UNUSED(2), UNUSED(3), UNUSED(4), UNUSED(5));
	call("utimes", SYS_utimes, P("f"), 0, UNUSED(2), UNUSED(3), UNUSED(4), UNUSED(5));
	call("utimensat", SYS_utimensat, dfd, P("g"), 0, 0, UNUSED(4), UNUSED(5));
	call("utimensat-nofollow", SYS_utimensat, AT_FDCWD, P("s"), 0, AT_SYMLINK_NOFOLLOW, UNUSED(4),
	     UNUSED(5));
	call("mknod-fifo", SYS_mknod, P("fifo"), S_IFIFO | 0600, 0, UNUSED(3), UNUSED(4), UNUSED(5));
	call("mknodat-fifo", SYS_mknodat, dfd, P("fifo2"), S_IFIFO | 0600, 0, UNUSED(4), UNUSED(5));
	call("unlink-fifo", SYS_unlink, P("fifo"), UNUSED(1), UNUSED(2), UNUSED(3), UNUSED(4), UNUSED(5));
	call("setxattr", SYS_setxattr, P("f"), P("user.pin"), P("v"), 1, 0, UNUSED(5));
	call("lsetxattr-symlink", SYS_lsetxattr, P("s"), P("user.pin"), P("v"), 1, 0, UNUSED(5));
	call("removexattr", SYS_removexattr, P("f"), P("user.pin"), UNUSED(2), UNUSED(3), UNUSED(4),
	     UNUSED(5));
	static char target[16];
	call("readlink", SYS_readlink, P("s"), (long)target, sizeof target, UNUSED(3), UNUSED(4),
	     UNUSED(5));
	call("chdir", SYS_chdir, P("ld"), UNUSED(1), UNUSED(2), UNUSED(3), UNUSED(4), UNUSED(5));
	call("link-after-chdir", SYS_link, P("g"), P("g.incwd"), UNUSED(2), UNUSED(3), UNUSED(4),
	     UNUSED(5));
	call("chdir-back", SYS_chdir, P(".."), UNUSED(1), UNUSED(2), UNUSED(3), UNUSED(4), UNUSED(5));
	close(dfd);
	return 0;
}

static socklen_t unix_addr(struct sockaddr_un *sa, const char *path)
{
	memset(sa, 0, sizeof *sa);
	sa->sun_family = AF_UNIX;
	size_t n = strlen(path);
	if (n > sizeof sa->sun_path)
		n = sizeof sa->sun_path;
	memcpy(sa->sun_path, path, n);
	return (socklen_t)(offsetof(struct sockaddr_un, sun_path) + n + (n < sizeof sa->sun_path));
}

/* A sockaddr_un in the arena (so it is checked like the paths). */
static long A(const char *path, socklen_t *len)
{
	struct sockaddr_un sa;
	*len = unix_addr(&sa, path);
	if (arena_used + sizeof sa > sizeof arena)
		abort();
	char *at = arena + arena_used;
	memcpy(at, &sa, sizeof sa);
	arena_used += sizeof sa;
	return (long)at;
}

/* A msghdr (in an mmsghdr, msg_len 0) in the arena naming path, its one
 * iovec the arena's string msg: checked like the paths.  *len_at: where
 * msg_len is. */
static long M(const char *path, long msg, size_t msglen, unsigned **len_at)
{
	socklen_t len;
	long name = A(path, &len);
	arena_used = (arena_used + 7) & ~(size_t)7;
	if (arena_used + sizeof(struct iovec) + sizeof(struct mmsghdr) > sizeof arena)
		abort();
	struct iovec *iov = (struct iovec *)(arena + arena_used);
	arena_used += sizeof *iov;
	struct mmsghdr *mm = (struct mmsghdr *)(arena + arena_used);
	arena_used += sizeof *mm;
	*iov = (struct iovec){ (void *)msg, msglen };
	*mm = (struct mmsghdr){ .msg_hdr = { .msg_name = (void *)name, .msg_namelen = len,
					     .msg_iov = iov, .msg_iovlen = 1 } };
	if (len_at)
		*len_at = &mm->msg_len;
	return (long)mm;
}

static int sock(int type)
{
	int s = socket(AF_UNIX, type | SOCK_CLOEXEC, 0);
	if (s < 0) {
		perror("socket");
		exit(2);
	}
	return s;
}

static int cmd_unix(void)
{
	socklen_t len;
	if (mkdir("u", 0755) < 0 || symlink("u", "ul") < 0 || symlink("loop2", "loop1") < 0 ||
	    symlink("loop1", "loop2") < 0)
		return perror("setup"), 2;
	make_file("u/file", "not a socket\n");
	int l = sock(SOCK_STREAM);
	long at = A("u/sock", &len);
	call("bind-relative", SYS_bind, l, at, len, UNUSED(3), UNUSED(4), UNUSED(5));
	if (listen(l, 16) < 0)
		return perror("listen"), 2;
	at = A("u/sock", &len);
	call("bind-again", SYS_bind, sock(SOCK_STREAM), at, len, UNUSED(3), UNUSED(4), UNUSED(5));
	struct { const char *label, *path; } to[] = {
		{ "connect-relative", "u/sock" }, { "connect-via-link", "ul/sock" },
		{ "connect-dotdot", "u/../u/sock" }, { "connect-missing", "u/none" },
		{ "connect-file", "u/file" }, { "connect-loop", "loop1/sock" },
	};
	for (size_t i = 0; i < sizeof to / sizeof to[0]; i++) {
		int c = sock(SOCK_STREAM);
		at = A(to[i].path, &len);
		call(to[i].label, SYS_connect, c, at, len, UNUSED(3), UNUSED(4), UNUSED(5));
		close(c);
	}
	int c = sock(SOCK_STREAM);
	at = A("u/sock", &len);
	call("connect-full-length", SYS_connect, c, at, sizeof(struct sockaddr_un), UNUSED(3),
	     UNUSED(4), UNUSED(5));
	close(c);
	int d = sock(SOCK_DGRAM), e = sock(SOCK_DGRAM);
	at = A("u/dg", &len);
	call("bind-dgram", SYS_bind, d, at, len, UNUSED(3), UNUSED(4), UNUSED(5));
	long msg = P("hello");
	at = A("ul/dg", &len);
	call("sendto", SYS_sendto, e, msg, 5, 0, at, len);
	char buf[16] = "";
	ssize_t n = recv(d, buf, sizeof buf - 1, MSG_DONTWAIT);
	printf("recv: %s\n", n == 5 ? buf : "nothing");
	/* sendmsg's msg_name (pinned inside the msghdr's copy). */
	struct { const char *label, *path; } dg[] = {
		{ "sendmsg-relative", "u/dg" }, { "sendmsg-via-link", "ul/dg" },
		{ "sendmsg-dotdot", "u/../u/dg" }, { "sendmsg-missing", "u/none" },
		{ "sendmsg-file", "u/file" }, { "sendmsg-loop", "loop1/dg" },
	};
	for (size_t i = 0; i < sizeof dg / sizeof dg[0]; i++) {
		msg = P("hello");
		long m = M(dg[i].path, msg, 5, NULL);
		if (call(dg[i].label, SYS_sendmsg, e, m, 0, UNUSED(3), UNUSED(4), UNUSED(5)) == 5) {
			n = recv(d, buf, sizeof buf - 1, MSG_DONTWAIT);
			printf("recv: %s\n", n == 5 ? buf : "nothing");
		}
	}
	/* sendmmsg: one message sent, its msg_len written back (so buf=CHANGED,
	 * natively too). */
	unsigned *msg_len;
	msg = P("again");
	long m = M("ul/dg", msg, 5, &msg_len);
	call("sendmmsg", SYS_sendmmsg, e, m, 1, 0, UNUSED(4), UNUSED(5));
	n = recv(d, buf, sizeof buf - 1, MSG_DONTWAIT);
	printf("recv: %s, msg_len %u\n", n == 5 ? buf : "nothing", *msg_len);
	return 0;
}

static int cmd_connect(const char *path)
{
	socklen_t len;
	int c = sock(SOCK_STREAM);
	long at = A(path, &len);
	call("connect", SYS_connect, c, at, len, UNUSED(3), UNUSED(4), UNUSED(5));
	return 0;
}

static int cmd_serve(const char *name, int count)
{
	struct sockaddr_un sa;
	socklen_t len = unix_addr(&sa, name);
	int l = sock(SOCK_STREAM);
	if (bind(l, (struct sockaddr *)&sa, len) < 0 || listen(l, 16) < 0)
		return perror("serve"), 2;
	fprintf(stderr, "ready\n");
	fflush(stderr);
	for (int i = 0; i < count; i++) {
		int c = accept(l, NULL, NULL);
		if (c < 0)
			return perror("accept"), 2;
		printf("accepted\n");
		fflush(stdout);
		close(c);
	}
	return 0;
}

static int cmd_bind_name(const char *path)
{
	struct sockaddr_un sa;
	socklen_t len = unix_addr(&sa, path);
	int s = sock(SOCK_STREAM);
	if (bind(s, (struct sockaddr *)&sa, len) < 0) {
		printf("bind: errno=%s\n", errname(errno));
		return 0;
	}
	memset(&sa, 0, sizeof sa);
	len = sizeof sa;
	if (getsockname(s, (struct sockaddr *)&sa, &len) < 0)
		return perror("getsockname"), 2;
	printf("bound: %.*s\n", (int)(len - offsetof(struct sockaddr_un, sun_path)), sa.sun_path);
	return 0;
}

/* The attack on the pinned descriptor itself: a thread closes numbers and
 * puts EVILFD (a directory outside the jail) in their place while the main
 * thread hard-links d/NAME, a decoy named like a file in that directory.
 * If a pinned descriptor of d were replaced between its opening and the
 * kernel's walk, the link would be to the other file. */
static volatile int stop;
static int evil;

static void *hammer(void *arg)
{
	(void)arg;
	while (!stop)
		for (int k = 4; k < 12; k++) {
			if (k == evil)
				continue;
			close(k);
			dup2(evil, k);
		}
	return NULL;
}

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

static int cmd_dup2_race(const char *name, const char *fdarg)
{
	char decoy[PATH_MAX];
	evil = atoi(fdarg);
	mkdir("d", 0755);
	snprintf(decoy, sizeof decoy, "d/%s", name);
	make_file(decoy, "decoy\n");
	pthread_t t;
	if (pthread_create(&t, NULL, hammer, NULL) != 0)
		return perror("pthread_create"), 2;
	long made = 0, other = 0;
	long long end = now_ms() + 1500;
	char got[64], buf[256];
	while (now_ms() < end) {
		snprintf(got, sizeof got, "got.%ld", made);
		if (link(decoy, got) < 0)
			continue;
		made++;
		int fd = open(got, O_RDONLY | O_CLOEXEC);
		ssize_t n = fd >= 0 ? read(fd, buf, sizeof buf - 1) : -1;
		if (fd >= 0)
			close(fd);
		if (n >= 0) {
			buf[n] = '\0';
			if (strcmp(buf, "decoy\n") != 0)
				other++;
		}
		unlink(got);
	}
	stop = 1;
	pthread_join(t, NULL);
	printf("dup2 race: %ld linked, %ld to another file\n", made, other);
	return 0;
}

/* Signals during pinned calls: a thread queues real-time signals, each
 * with its sequence number, to the main thread while it renames a file
 * back and forth.  Every rename must succeed, every signal arrive once,
 * in order, with its own siginfo. */
static volatile long seen, bad;
static pid_t main_tid;

static void on_signal(int sig, siginfo_t *si, void *uc)
{
	(void)sig;
	(void)uc;
	if (si->si_code != SI_QUEUE || si->si_pid != getpid() || si->si_value.sival_int != seen)
		bad++;
	seen++;
}

static void *sender(void *arg)
{
	long *sent = arg;
	while (!stop) {
		siginfo_t si;
		memset(&si, 0, sizeof si);
		si.si_signo = SIGRTMIN + 1;
		si.si_code = SI_QUEUE;
		si.si_pid = getpid();
		si.si_uid = getuid();
		si.si_value.sival_int = (int)*sent;
		if (syscall(SYS_rt_tgsigqueueinfo, getpid(), main_tid, SIGRTMIN + 1, &si) == 0)
			(*sent)++;
		else if (errno != EAGAIN)
			break;
		usleep(50);
	}
	return NULL;
}

static int cmd_sig_race(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = on_signal;
	sa.sa_flags = SA_SIGINFO | SA_RESTART;
	sigaction(SIGRTMIN + 1, &sa, NULL);
	main_tid = (pid_t)syscall(SYS_gettid);
	make_file("a", "a\n");
	long sent = 0, ok = 0, failed = 0;
	pthread_t t;
	if (pthread_create(&t, NULL, sender, &sent) != 0)
		return perror("pthread_create"), 2;
	long long end = now_ms() + 1500;
	while (now_ms() < end) {
		if (rename("a", "b") == 0 && rename("b", "a") == 0)
			ok++;
		else
			failed++;
	}
	stop = 1;
	pthread_join(t, NULL);
	/* Let the last ones in. */
	for (int i = 0; i < 100 && seen < sent; i++)
		usleep(10000);
	printf("sig race: renames %s, failed %ld, signals %s, bad siginfo %ld\n",
	       ok > 0 ? "made" : "none", failed, seen == sent ? "all received" : "LOST", bad);
	if (seen != sent)
		printf("sent %ld, received %ld\n", sent, (long)seen);
	return 0;
}

/* A pinned connect interrupted by a signal whose handler asks for a
 * restart (SA_RESTART): the call must go on transparently, to the socket
 * it was checked for.  The listener's backlog is full (one connection
 * not accepted) until a thread accepts, after the alarms. */
static volatile int alarms;
static int listener;

/* Binds NAME and listens with a backlog that one connection (made here,
 * never accepted) fills, so the next connect waits until `listener`
 * accepts.  0, or -1 (reported). */
static int full_listener(const char *name, struct sockaddr_un *sa, socklen_t *len)
{
	*len = unix_addr(sa, name);
	listener = sock(SOCK_STREAM);
	if (bind(listener, (struct sockaddr *)sa, *len) < 0 || listen(listener, 0) < 0)
		return perror("listen"), -1;
	if (connect(sock(SOCK_STREAM), (struct sockaddr *)sa, *len) < 0)
		return perror("first connect"), -1;
	return 0;
}

static void on_alarm(int sig)
{
	(void)sig;
	alarms++;
}

static void *accept_late(void *arg)
{
	(void)arg;
	while (alarms < 3)
		usleep(10000);
	for (int i = 0; i < 2; i++)
		close(accept(listener, NULL, NULL));
	return NULL;
}

static int cmd_restart(void)
{
	struct sockaddr_un sa;
	socklen_t len;
	if (full_listener("r.sock", &sa, &len) < 0)
		return 2;
	struct sigaction act;
	memset(&act, 0, sizeof act);
	act.sa_handler = on_alarm;
	act.sa_flags = SA_RESTART;
	sigaction(SIGALRM, &act, NULL);
	pthread_t t;
	if (pthread_create(&t, NULL, accept_late, NULL) != 0)
		return perror("pthread_create"), 2;
	struct itimerval it = { { 0, 50000 }, { 0, 50000 } };
	setitimer(ITIMER_REAL, &it, NULL);
	int c = sock(SOCK_STREAM);
	long at = A("r.sock", &len);
	call("connect-restarted", SYS_connect, c, at, len, UNUSED(3), UNUSED(4), UNUSED(5));
	memset(&it, 0, sizeof it);
	setitimer(ITIMER_REAL, &it, NULL);
	pthread_join(t, NULL);
	printf("interrupted by signals: %s\n", alarms >= 3 ? "yes" : "no");
	return 0;
}

/* The same connect, interrupted by process-directed signals that another
 * thread then takes (it polls for them with sigtimedwait): the connect
 * finds no signal left to handle, and the kernel restarts it without a
 * handler.  A tracer that runs calls of its own at the exit stop must not
 * lose that restart (ERESTARTSYS would reach the program).  Rounds until
 * some signal interrupted the connect itself. */
static volatile int stolen_stop;

static void *steal(void *arg)
{
	volatile long *taken = arg;
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	struct timespec zero = { 0, 0 };
	while (!stolen_stop)
		if (sigtimedwait(&set, NULL, &zero) == SIGUSR1)
			(*taken)++;
	return NULL;
}

static void *kick(void *arg)
{
	const volatile long *taken = arg;
	/* 200 ms of signals, and more (up to 2 s) until one was stolen. */
	for (int i = 0; (i < 400 || (!*taken && i < 4000)) && !stolen_stop; i++) {
		kill(getpid(), SIGUSR1);
		usleep(500);
	}
	stolen_stop = 1;
	close(accept(listener, NULL, NULL));
	close(accept(listener, NULL, NULL));
	return NULL;
}

static void on_usr1(int sig)
{
	(void)sig;
	alarms++;
}

static int cmd_restart_stolen(void)
{
	struct sockaddr_un sa;
	socklen_t len;
	if (full_listener("s.sock", &sa, &len) < 0)
		return 2;
	struct sigaction act;
	memset(&act, 0, sizeof act);
	act.sa_handler = on_usr1;
	act.sa_flags = SA_RESTART;
	sigaction(SIGUSR1, &act, NULL);
	volatile long taken = 0;
	pthread_t st, kt;
	if (pthread_create(&st, NULL, steal, (void *)&taken) != 0 ||
	    pthread_create(&kt, NULL, kick, (void *)&taken) != 0)
		return perror("pthread_create"), 2;
	int c = sock(SOCK_STREAM);
	long at = A("s.sock", &len);
	long r = call("connect-restarted", SYS_connect, c, at, len, UNUSED(3), UNUSED(4), UNUSED(5));
	if (r < 0)
		return 1;	/* the acceptor would wait for it */
	stolen_stop = 1;
	pthread_join(kt, NULL);
	pthread_join(st, NULL);
	printf("signals taken by another thread: %s\n", taken > 0 ? "yes" : "no");
	return 0;
}

/* While the main thread's connect on socket C waits (the listener's
 * backlog is full), another thread puts another socket at C's number
 * (dup2): natively it can; under janus C is guarded for the call (fdpass
 * seals C before the kernel runs connect: no other socket may take its
 * place), EBUSY.  Then a thread accepts and the connect goes through. */
static volatile int dup2_done;

static void *dup2_onto(void *arg)
{
	int c = *(int *)arg;
	usleep(200000);		/* the connect is waiting by now */
	int other = sock(SOCK_STREAM);
	int r = dup2(other, c);
	printf("dup2 onto the connecting socket: %s\n", r == c ? "ok" : errname(errno));
	close(other);
	dup2_done = 1;
	close(accept(listener, NULL, NULL));
	close(accept(listener, NULL, NULL));
	return NULL;
}

static int cmd_connect_dup2(void)
{
	struct sockaddr_un sa;
	socklen_t len;
	if (full_listener("g.sock", &sa, &len) < 0)
		return 2;
	int c = sock(SOCK_STREAM);
	pthread_t t;
	if (pthread_create(&t, NULL, dup2_onto, &c) != 0)
		return perror("pthread_create"), 2;
	int r = connect(c, (struct sockaddr *)&sa, len);
	while (!dup2_done)
		usleep(10000);
	printf("connect: %s\n", r == 0 ? "ok" : errname(errno));
	pthread_join(t, NULL);
	return 0;
}

/* Names an inode by the tree cmd_look made: "f", "d" ... or "?". */
static struct named_ino {
	const char *name;
	ino_t ino;
} inos[8];

static void note_ino(const char *name, int flags)
{
	struct stat st;
	for (unsigned i = 0; i < sizeof inos / sizeof inos[0]; i++)
		if (!inos[i].name) {
			int fd = open(name, O_PATH | O_CLOEXEC | flags);
			if (fd < 0 || fstat(fd, &st) < 0)
				perror(name), exit(2);
			close(fd);
			inos[i] = (struct named_ino){ name, st.st_ino };
			return;
		}
	abort();
}

static const char *ino_name(ino_t ino)
{
	for (unsigned i = 0; i < sizeof inos / sizeof inos[0] && inos[i].name; i++)
		if (inos[i].ino == ino)
			return inos[i].name;
	return "?";
}

static struct stat st_buf;
static struct statx stx_buf;
static char text_buf[64];

/* A stat-like call; on success, what it showed. */
static void look_stat(const char *label, long nr, long a0, long a1, long a2, long a3)
{
	memset(&st_buf, 0, sizeof st_buf);
	if (call(label, nr, a0, a1, a2, a3, UNUSED(4), UNUSED(5)) == 0)
		printf("  %s: ino=%s type=%o mode=%o size=%lld\n", label, ino_name(st_buf.st_ino),
		       (unsigned)(st_buf.st_mode & S_IFMT) >> 12, (unsigned)(st_buf.st_mode & 07777),
		       (long long)st_buf.st_size);
}

static void look_statx(const char *label, long dirfd, const char *path, long flags)
{
	memset(&stx_buf, 0, sizeof stx_buf);
	if (call(label, SYS_statx, dirfd, P(path), flags, STATX_BASIC_STATS, (long)&stx_buf,
		 UNUSED(5)) == 0)
		printf("  %s: ino=%s type=%o size=%lld\n", label, ino_name((ino_t)stx_buf.stx_ino),
		       (unsigned)(stx_buf.stx_mode & S_IFMT) >> 12, (long long)stx_buf.stx_size);
}

/* A call that fills text_buf; on success, what it read. */
static void look_text(const char *label, long nr, long a0, long a1, long a2, long a3)
{
	memset(text_buf, 0, sizeof text_buf);
	long r = call(label, nr, a0, a1, a2, a3, UNUSED(4), UNUSED(5));
	if (r >= 0 && r <= (long)sizeof text_buf) {
		printf("  %s: %ld bytes:", label, r);
		for (long i = 0; i < r; i++)
			printf(" %02x", (unsigned char)text_buf[i]);
		printf("\n");
	}
}

/* The calls that only look (stat, access, readlink, getxattr): pinned by
 * janus where a member could swap a name on their way.  Each prints what
 * it saw, so that the pinned form is shown to see the same. */
static int cmd_look(void)
{
	make_file("f", "data\n");
	if (mkdir("d", 0755) < 0 || mkdir("d/sub", 0750) < 0 || symlink("d", "ld") < 0 ||
	    symlink("f", "s") < 0 || symlink("nowhere", "dangling") < 0 ||
	    symlink("loop2", "loop1") < 0 || symlink("loop1", "loop2") < 0)
		return perror("setup"), 2;
	make_file("d/g", "gee!\n");
	chmod("d/g", 0604);
	if (setxattr("f", "user.pin", "v1", 2, 0) < 0)
		printf("(no user xattrs here: %s)\n", errname(errno));
	note_ino("f", 0);
	note_ino("d", 0);
	note_ino("d/g", 0);
	note_ino("d/sub", 0);
	note_ino("s", O_NOFOLLOW);
	note_ino(".", 0);
	int dfd = open("d", O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (dfd < 0)
		return perror("d"), 2;
	long sb = (long)&st_buf;

#ifdef SYS_stat
	look_stat("stat", SYS_stat, P("f"), sb, UNUSED(2), UNUSED(3));
	look_stat("stat-symlink", SYS_stat, P("s"), sb, UNUSED(2), UNUSED(3));
	look_stat("stat-via-link", SYS_stat, P("ld/g"), sb, UNUSED(2), UNUSED(3));
	look_stat("stat-slash", SYS_stat, P("f/"), sb, UNUSED(2), UNUSED(3));
	look_stat("stat-dir-slash", SYS_stat, P("ld/"), sb, UNUSED(2), UNUSED(3));
	look_stat("stat-missing", SYS_stat, P("nope"), sb, UNUSED(2), UNUSED(3));
	look_stat("stat-missing-dir", SYS_stat, P("nope/x"), sb, UNUSED(2), UNUSED(3));
	look_stat("stat-dangling", SYS_stat, P("dangling"), sb, UNUSED(2), UNUSED(3));
	look_stat("stat-loop", SYS_stat, P("loop1"), sb, UNUSED(2), UNUSED(3));
	look_stat("stat-dotdot", SYS_stat, P("d/sub/.."), sb, UNUSED(2), UNUSED(3));
	look_stat("stat-dot", SYS_stat, P("d/sub/."), sb, UNUSED(2), UNUSED(3));
	look_stat("stat-cwd", SYS_stat, P("."), sb, UNUSED(2), UNUSED(3));
	look_stat("stat-empty", SYS_stat, P(""), sb, UNUSED(2), UNUSED(3));
	look_stat("lstat", SYS_lstat, P("s"), sb, UNUSED(2), UNUSED(3));
	look_stat("lstat-slash", SYS_lstat, P("s/"), sb, UNUSED(2), UNUSED(3));
	look_stat("lstat-dir-slash", SYS_lstat, P("ld/"), sb, UNUSED(2), UNUSED(3));
	look_stat("lstat-dangling", SYS_lstat, P("dangling"), sb, UNUSED(2), UNUSED(3));
	look_stat("lstat-dot", SYS_lstat, P("d/."), sb, UNUSED(2), UNUSED(3));
#endif
	look_stat("fstatat-dirfd", SYS_newfstatat, dfd, P("g"), sb, 0);
	look_stat("fstatat-nofollow", SYS_newfstatat, AT_FDCWD, P("s"), sb, AT_SYMLINK_NOFOLLOW);
	look_stat("fstatat-empty", SYS_newfstatat, dfd, P(""), sb, AT_EMPTY_PATH);
	look_stat("fstatat-up", SYS_newfstatat, dfd, P("../s"), sb, 0);
	look_statx("statx", AT_FDCWD, "s", 0);
	look_statx("statx-nofollow", dfd, "../s", AT_SYMLINK_NOFOLLOW);
	look_statx("statx-missing", AT_FDCWD, "d/nope", 0);
#ifdef SYS_access
	call("access", SYS_access, P("f"), R_OK, UNUSED(2), UNUSED(3), UNUSED(4), UNUSED(5));
	call("access-slash", SYS_access, P("f/"), F_OK, UNUSED(2), UNUSED(3), UNUSED(4), UNUSED(5));
	call("access-missing", SYS_access, P("nope"), F_OK, UNUSED(2), UNUSED(3), UNUSED(4),
	     UNUSED(5));
	call("access-dangling", SYS_access, P("dangling"), F_OK, UNUSED(2), UNUSED(3), UNUSED(4),
	     UNUSED(5));
#endif
	call("faccessat", SYS_faccessat, dfd, P("g"), R_OK | W_OK, UNUSED(3), UNUSED(4), UNUSED(5));
#ifdef SYS_faccessat2
	call("faccessat2-nofollow", SYS_faccessat2, AT_FDCWD, P("dangling"), F_OK,
	     AT_SYMLINK_NOFOLLOW, UNUSED(4), UNUSED(5));
#endif
#ifdef SYS_readlink
	look_text("readlink", SYS_readlink, P("s"), (long)text_buf, sizeof text_buf, UNUSED(3));
	look_text("readlink-file", SYS_readlink, P("f"), (long)text_buf, sizeof text_buf, UNUSED(3));
	look_text("readlink-slash", SYS_readlink, P("ld/"), (long)text_buf, sizeof text_buf,
		  UNUSED(3));
	look_text("readlink-missing", SYS_readlink, P("nope"), (long)text_buf, sizeof text_buf,
		  UNUSED(3));
#endif
	look_text("readlinkat-dirfd", SYS_readlinkat, dfd, P("../dangling"), (long)text_buf,
		  sizeof text_buf);
	look_text("getxattr", SYS_getxattr, P("s"), P("user.pin"), (long)text_buf, sizeof text_buf);
	look_text("getxattr-missing", SYS_getxattr, P("nope"), P("user.pin"), (long)text_buf,
		  sizeof text_buf);
	look_text("lgetxattr-symlink", SYS_lgetxattr, P("s"), P("user.pin"), (long)text_buf,
		  sizeof text_buf);
	look_text("listxattr", SYS_listxattr, P("f"), (long)text_buf, sizeof text_buf, UNUSED(3));
	close(dfd);
	return 0;
}

static int cmd_exec_show(char **argv)
{
	const char *fn = (const char *)getauxval(AT_EXECFN);
	printf("argv[0]=%s AT_EXECFN=%s\n", argv[0], fn ? fn : "?");
	return 0;
}

int main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc == 2 && strcmp(argv[1], "fs") == 0)
		return cmd_fs();
	if (argc == 2 && strcmp(argv[1], "look") == 0)
		return cmd_look();
	if (argc == 2 && strcmp(argv[1], "unix") == 0)
		return cmd_unix();
	if (argc == 3 && strcmp(argv[1], "connect") == 0)
		return cmd_connect(argv[2]);
	if (argc == 4 && strcmp(argv[1], "serve") == 0)
		return cmd_serve(argv[2], atoi(argv[3]));
	if (argc == 3 && strcmp(argv[1], "bind-name") == 0)
		return cmd_bind_name(argv[2]);
	if (argc == 4 && strcmp(argv[1], "dup2-race") == 0)
		return cmd_dup2_race(argv[2], argv[3]);
	if (argc == 2 && strcmp(argv[1], "sig-race") == 0)
		return cmd_sig_race();
	if (argc == 2 && strcmp(argv[1], "restart") == 0)
		return cmd_restart();
	if (argc == 2 && strcmp(argv[1], "connect-dup2") == 0)
		return cmd_connect_dup2();
	if (argc == 2 && strcmp(argv[1], "restart-stolen") == 0)
		return cmd_restart_stolen();
	if (argc >= 2 && strcmp(argv[1], "exec-show") == 0)
		return cmd_exec_show(argv);
	fprintf(stderr, "usage: pin-calls fs|look|unix|connect PATH|serve NAME COUNT|bind-name PATH|"
			"dup2-race NAME FD|sig-race|restart|restart-stolen|connect-dup2|exec-show\n");
	return 2;
}
