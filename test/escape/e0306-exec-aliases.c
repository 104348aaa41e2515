/* e0306-exec-aliases - run a program from outside the allowed tree.
 *
 * Attack: a program the policy does not let the jail execute (a copy of
 * esc-tool outside the jail, which prints a token only that copy holds)
 * is started every other way: execve, execveat with AT_FDCWD, with a
 * directory descriptor, with an O_PATH descriptor and AT_EMPTY_PATH,
 * through /proc/self/fd, through a symbolic link in the cwd, by the
 * dynamic loader (an allowed program that maps the target itself), and
 * from a memfd copy.
 * Source: janus team (DESIGN.md aliases: execve/execveat); Garfinkel
 * 2003, "Traps and Pitfalls" (indirect paths to resources).
 * Usage: e0306-exec-aliases OUTSIDE-PROGRAM */
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "escape.h"

static char *const args[] = { (char *)"outside", (char *)"ident", NULL };
extern char **environ;

/* Runs how() in a child; reports the exec's error or the exit status. */
static void attempt(const char *label, long (*how)(const char *), const char *arg)
{
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0)
		esc_die("fork");
	if (pid == 0) {
		long r = how(arg);
		esc_show_result(label, r);
		_exit(0);
	}
	int status;
	waitpid(pid, &status, 0);
}

static long by_execve(const char *p)
{
	return execve(p, args, environ);
}

static long by_execveat_cwd(const char *p)
{
	return syscall(SYS_execveat, AT_FDCWD, p, args, environ, 0);
}

static long by_execveat_dirfd(const char *p)
{
	char d[PATH_MAX], b[PATH_MAX];
	snprintf(d, sizeof d, "%s", p);
	snprintf(b, sizeof b, "%s", p);
	int dfd = open(dirname(d), O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (dfd < 0)
		return -1;
	return syscall(SYS_execveat, dfd, basename(b), args, environ, 0);
}

static long by_empty_path(const char *p)
{
	int fd = open(p, O_PATH | O_CLOEXEC);
	if (fd < 0)
		return -1;
	return syscall(SYS_execveat, fd, "", args, environ, AT_EMPTY_PATH);
}

static long by_proc_fd(const char *p)
{
	int fd = open(p, O_PATH);
	if (fd < 0)
		return -1;
	char q[64];
	snprintf(q, sizeof q, "/proc/self/fd/%d", fd);
	return execve(q, args, environ);
}

static long by_symlink(const char *p)
{
	unlink("e0306-link");
	if (symlink(p, "e0306-link") < 0)
		return -1;
	return execve("e0306-link", args, environ);
}

static long by_loader(const char *p)
{
	static const char *const loaders[] = { "/lib64/ld-linux-x86-64.so.2",
		"/lib/ld-linux-aarch64.so.1", "/lib/ld-linux.so.2" };
	char *argv[] = { (char *)"ld.so", (char *)p, (char *)"ident", NULL };
	for (size_t i = 0; i < sizeof loaders / sizeof loaders[0]; i++)
		if (access(loaders[i], X_OK) == 0)
			return execve(loaders[i], argv, environ);
	return -1;
}

static long by_memfd(const char *p)
{
	int in = open(p, O_RDONLY | O_CLOEXEC);
	if (in < 0)
		return -1;
	int m = memfd_create("outside", MFD_CLOEXEC);
	if (m < 0)
		return -1;
	char buf[65536];
	ssize_t n;
	while ((n = read(in, buf, sizeof buf)) > 0)
		if (esc_write_all(m, buf, (size_t)n) < 0)
			return -1;
	return syscall(SYS_execveat, m, "", args, environ, AT_EMPTY_PATH);
}

int main(int argc, char **argv)
{
	esc_need_args(argc, 2, "e0306-exec-aliases OUTSIDE-PROGRAM");
	const char *p = argv[1];
	attempt("execve", by_execve, p);
	attempt("execveat AT_FDCWD", by_execveat_cwd, p);
	attempt("execveat with a directory descriptor", by_execveat_dirfd, p);
	attempt("execveat O_PATH descriptor, AT_EMPTY_PATH", by_empty_path, p);
	attempt("execve /proc/self/fd/N", by_proc_fd, p);
	attempt("execve of a symlink in the cwd", by_symlink, p);
	attempt("execve of the dynamic loader with the program", by_loader, p);
	attempt("execveat of a memfd copy", by_memfd, p);
	return 0;
}
