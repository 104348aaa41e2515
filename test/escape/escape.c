/* escape.c - utilities shared by the escape programs (see escape.h). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>

#include "escape.h"

void esc_die(const char *what)
{
	fprintf(stderr, "%s: %s\n", what, strerror(errno));
	exit(2);
}

void esc_need_args(int argc, int want, const char *usage)
{
	if (argc == want)
		return;
	fprintf(stderr, "usage: %s\n", usage);
	exit(2);
}

long long esc_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void esc_race_init(struct esc_race *r)
{
	r->deadline = esc_now_ms() + ESC_RACE_MS;
	r->tries = 0;
}

bool esc_race_go(struct esc_race *r)
{
	return ++r->tries <= ESC_RACE_TRIES && esc_now_ms() < r->deadline;
}

ssize_t esc_read_fd(int fd, char *buf, size_t cap)
{
	size_t got = 0;
	while (got + 1 < cap) {
		ssize_t n = read(fd, buf + got, cap - 1 - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			buf[got] = '\0';
			return got ? (ssize_t)got : -errno;
		}
		if (n == 0)
			break;
		got += (size_t)n;
	}
	buf[got] = '\0';
	return (ssize_t)got;
}

ssize_t esc_read_file(const char *path, char *buf, size_t cap)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		buf[0] = '\0';
		return -errno;
	}
	ssize_t n = esc_read_fd(fd, buf, cap);
	close(fd);
	return n;
}

const char *esc_errno_name(int err)
{
	static char num[32];
	static const struct {
		int err;
		const char *name;
	} names[] = {
		{ EPERM, "EPERM" }, { ENOENT, "ENOENT" }, { ESRCH, "ESRCH" },
		{ EINTR, "EINTR" }, { EIO, "EIO" }, { ENXIO, "ENXIO" },
		{ E2BIG, "E2BIG" }, { ENOEXEC, "ENOEXEC" }, { EBADF, "EBADF" },
		{ ECHILD, "ECHILD" }, { EAGAIN, "EAGAIN" }, { ENOMEM, "ENOMEM" },
		{ EACCES, "EACCES" }, { EFAULT, "EFAULT" }, { EBUSY, "EBUSY" },
		{ EEXIST, "EEXIST" }, { EXDEV, "EXDEV" }, { ENODEV, "ENODEV" },
		{ ENOTDIR, "ENOTDIR" }, { EISDIR, "EISDIR" }, { EINVAL, "EINVAL" },
		{ ENFILE, "ENFILE" }, { EMFILE, "EMFILE" }, { ENOTTY, "ENOTTY" },
		{ ENOSPC, "ENOSPC" }, { ESPIPE, "ESPIPE" }, { EROFS, "EROFS" },
		{ EPIPE, "EPIPE" }, { ERANGE, "ERANGE" }, { ENAMETOOLONG, "ENAMETOOLONG" },
		{ ENOSYS, "ENOSYS" }, { ENOTEMPTY, "ENOTEMPTY" }, { ELOOP, "ELOOP" },
		{ ENOTSOCK, "ENOTSOCK" }, { EDESTADDRREQ, "EDESTADDRREQ" },
		{ EMSGSIZE, "EMSGSIZE" }, { EPROTOTYPE, "EPROTOTYPE" },
		{ EPROTONOSUPPORT, "EPROTONOSUPPORT" }, { EOPNOTSUPP, "EOPNOTSUPP" },
		{ EAFNOSUPPORT, "EAFNOSUPPORT" }, { EADDRINUSE, "EADDRINUSE" },
		{ EADDRNOTAVAIL, "EADDRNOTAVAIL" }, { ENETUNREACH, "ENETUNREACH" },
		{ ECONNRESET, "ECONNRESET" }, { EISCONN, "EISCONN" },
		{ ENOTCONN, "ENOTCONN" }, { ETIMEDOUT, "ETIMEDOUT" },
		{ ECONNREFUSED, "ECONNREFUSED" }, { EINPROGRESS, "EINPROGRESS" },
		{ EALREADY, "EALREADY" }, { ESTALE, "ESTALE" }, { ECANCELED, "ECANCELED" },
		{ EOVERFLOW, "EOVERFLOW" }, { ENOBUFS, "ENOBUFS" },
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (names[i].err == err)
			return names[i].name;
	snprintf(num, sizeof num, "errno %d", err);
	return num;
}

static int err_of(long r)
{
	return r == -1 ? errno : (int)-r;
}

void esc_show_result(const char *label, long r)
{
	if (r >= 0)
		printf("%s: ok (%ld)\n", label, r);
	else
		printf("%s: %s\n", label, esc_errno_name(err_of(r)));
	fflush(stdout);
}

void esc_show_fd(const char *label, long fd)
{
	char buf[512];
	if (fd < 0) {
		esc_show_result(label, fd);
		return;
	}
	ssize_t n = esc_read_fd((int)fd, buf, sizeof buf);
	close((int)fd);
	while (n > 0 && buf[n - 1] == '\n')
		buf[--n] = '\0';
	if (n < 0)
		printf("%s: opened, read failed: %s\n", label, esc_errno_name((int)-n));
	else
		printf("%s: read '%s'\n", label, buf);
	fflush(stdout);
}

void esc_try_read(const char *label, const char *path)
{
	esc_show_fd(label, open(path, O_RDONLY | O_CLOEXEC));
}

socklen_t esc_unix_addr(struct sockaddr_un *sa, const char *path)
{
	memset(sa, 0, sizeof *sa);
	sa->sun_family = AF_UNIX;
	size_t n = strlen(path);
	if (n >= sizeof sa->sun_path) {
		fprintf(stderr, "socket path too long: %s\n", path);
		exit(2);
	}
	memcpy(sa->sun_path, path, n);
	if (path[0] == '@') {
		sa->sun_path[0] = '\0';	/* abstract: exactly n bytes of name */
		return (socklen_t)(offsetof(struct sockaddr_un, sun_path) + n);
	}
	return (socklen_t)(offsetof(struct sockaddr_un, sun_path) + n + 1);
}

void esc_inet_loopback(struct sockaddr_in *sa, unsigned port)
{
	memset(sa, 0, sizeof *sa);
	sa->sin_family = AF_INET;
	sa->sin_port = htons((unsigned short)port);
	sa->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
}

long esc_number(const char *s)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 0);
	if (errno || end == s || *end) {
		fprintf(stderr, "not a number: %s\n", s);
		exit(2);
	}
	return v;
}

int esc_write_all(int fd, const void *buf, size_t len)
{
	const char *p = buf;
	while (len) {
		ssize_t n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -errno;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

bool esc_race_open(const char *label, const char *path, const char *expect)
{
	struct esc_race r;
	long opened = 0, refused = 0;
	int last_err = 0;
	bool other = false;
	char buf[512];
	esc_race_init(&r);
	while (!other && esc_race_go(&r)) {
		int fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0) {
			refused++;
			last_err = errno;
			continue;
		}
		opened++;
		ssize_t n = esc_read_fd(fd, buf, sizeof buf);
		close(fd);
		if (n >= 0 && strcmp(buf, expect) != 0) {
			buf[strcspn(buf, "\n")] = '\0';
			printf("%s: read '%s'\n", label, buf);
			other = true;
		}
	}
	printf("%s: %ld tries, %ld opened, %ld refused%s%s\n", label, r.tries, opened, refused,
	       refused ? ", last " : "", refused ? esc_errno_name(last_err) : "");
	fflush(stdout);
	return other;
}

void esc_make_parents(char *path)
{
	for (char *p = path + 1; *p; p++)
		if (*p == '/') {
			*p = '\0';
			mkdir(path, 0755);
			*p = '/';
		}
}

static void *cwd_flipper(void *flipper)
{
	const struct esc_flipper *f = flipper;
	/* Errors are ignored: a refused fchdir must not end the race. */
	while (!f->stop) {
		(void)!fchdir(f->fd_usr);
		(void)!fchdir(f->fd_own);
	}
	return NULL;
}

void esc_cwd_flipper_start(struct esc_flipper *f, const char *dir)
{
	char sub[4096];
	snprintf(sub, sizeof sub, "%s/sub", dir);
	f->stop = 0;
	f->fd_own = open(sub, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	f->fd_usr = open("/usr", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (f->fd_own < 0 || f->fd_usr < 0)
		esc_die("open the two working directories");
	if (fchdir(f->fd_own) < 0)
		esc_die("fchdir");
	if (pthread_create(&f->thread, NULL, cwd_flipper, f) != 0)
		esc_die("pthread_create");
}

void esc_cwd_flipper_stop(struct esc_flipper *f)
{
	f->stop = 1;
	pthread_join(f->thread, NULL);
}

void esc_cwd_race_paths(const char *dir, const char *forbidden, char *rel, char *own,
			size_t size)
{
	char sub[4096];
	if (forbidden[0] != '/') {
		fprintf(stderr, "FORBIDDEN-SOCKET must be absolute\n");
		exit(2);
	}
	snprintf(rel, size, "../%s", forbidden + 1);
	snprintf(own, size, "%s/%s", dir, forbidden + 1);
	snprintf(sub, sizeof sub, "%s/sub", dir);
	esc_make_parents(own);
	mkdir(sub, 0755);
	unlink(own);
}
