/* check_prefilter.c - the seccomp prefilter, judged by running it: a
 * child installs the filter built from a test policy (no tracer, so
 * RET_TRACE shows as ENOSYS) and makes real calls. */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "prefilter.h"
#include "unit_run.h"

static const struct policy_vars vars = { "/home/u", "/home/u/work", "/tmp/t", "/srv/jail" };

static struct policy *load(const char *text)
{
	struct policy_diag d;
	struct policy *p = policy_load_string("test.policy", text, &vars, &d);

	ck_assert_msg(p, "%s", d.text);
	return p;
}

/* Runs call() in a child under the filter; returns its errno (0: the
 * call succeeded), or -1 when the child died otherwise. */
static int under_filter(const struct prefilter *pf, long (*call)(void))
{
	pid_t pid = fork();

	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0 || prefilter_install(pf) < 0)
			_exit(250);
		long r = call();
		_exit(r < 0 ? (errno & 0xff) : 0);
	}
	int st;
	ck_assert_int_eq(waitpid(pid, &st, 0), pid);
	if (!WIFEXITED(st) || WEXITSTATUS(st) == 250)
		return -1;
	return WEXITSTATUS(st);
}

static long do_getppid(void) { return syscall(SYS_getppid); }
static long do_getuid(void) { return syscall(SYS_getuid); }
static long do_sync(void) { return syscall(SYS_sync); }
static long do_dup(void) { return syscall(SYS_dup, 0); }
static long do_open(void) { return syscall(SYS_openat, AT_FDCWD, "/", 0); }
static long do_unknown(void) { return syscall(1000); }
static long do_mmap(void)
{
	return (long)syscall(SYS_mmap, 0, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
}
static long do_mmap_fixed(void)
{
	void *p = mmap(NULL, 8192, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	return (long)syscall(SYS_mmap, p, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
			     -1, 0);
}
/* Executable memory: of a file (its code run: janus checks exec on it),
 * anonymous (a JIT's), or a file read only.  The file is opened before
 * the filter is in place (open is traced). */
static int exe_fd = -1;
static long map_file(int prot)
{
	return (long)syscall(SYS_mmap, 0, 4096, prot, MAP_PRIVATE, exe_fd, 0);
}
static long do_mmap_exec(void) { return map_file(PROT_READ | PROT_EXEC); }
static long do_mmap_read(void) { return map_file(PROT_READ); }
static long do_mmap_anon_exec(void)
{
	return (long)syscall(SYS_mmap, 0, 4096, PROT_READ | PROT_WRITE | PROT_EXEC,
			     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
}
static long do_munmap(void) { return syscall(SYS_munmap, 0, 0); }
static long do_sendmsg(void) { return syscall(SYS_sendmsg, -1, NULL, 0); }

/* `default allow`: the child's own runtime (a sanitizer's, say) may make
 * calls of its own, which must not fail. */
static const char POLICY[] =
	"default allow\n"
	"allow syscall getuid log\n"
	"deny syscall sync errno EROFS\n"
	"deny syscall dup sendmsg errno EXDEV\n"
	"allow fs read /**\n";

START_TEST(test_prefilter_actions)
{
	struct policy *p = load(POLICY);
	struct prefilter pf;

	ck_assert_int_eq(prefilter_build(p, false, &pf), 0);
	ck_assert_uint_gt(pf.len, 0);
	ck_assert_uint_gt(pf.n_allow, 0);
	ck_assert_uint_eq(pf.n_errno, 0);	/* not quiet: every refusal is reported */
	ck_assert_int_eq(under_filter(&pf, do_getppid), 0);		/* allowed in the kernel */
	ck_assert_int_eq(under_filter(&pf, do_getuid), ENOSYS);	/* logged: traced */
	ck_assert_int_eq(under_filter(&pf, do_sync), ENOSYS);		/* refused, reported: traced */
	ck_assert_int_eq(under_filter(&pf, do_dup), ENOSYS);		/* refused, reported */
	ck_assert_int_eq(under_filter(&pf, do_open), ENOSYS);		/* fs rules: traced */
	ck_assert_int_eq(under_filter(&pf, do_unknown), ENOSYS);	/* unknown number */
	ck_assert_int_eq(under_filter(&pf, do_mmap), 0);		/* no MAP_FIXED */
	ck_assert_int_eq(under_filter(&pf, do_mmap_fixed), ENOSYS);	/* janus must see it */
	ck_assert_int_eq(under_filter(&pf, do_munmap), ENOSYS);	/* janus must see it */
	prefilter_free(&pf);
	policy_free(p);
}
END_TEST

/* --quiet: static refusals fail in the kernel with the policy's errno. */
START_TEST(test_prefilter_quiet)
{
	struct policy *p = load(POLICY);
	struct prefilter pf;

	ck_assert_int_eq(prefilter_build(p, true, &pf), 0);
	ck_assert_uint_gt(pf.n_errno, 0);
	ck_assert_int_eq(under_filter(&pf, do_sync), EROFS);
	ck_assert_int_eq(under_filter(&pf, do_dup), EXDEV);
	ck_assert_int_eq(under_filter(&pf, do_getuid), ENOSYS);	/* logged: still traced */
	ck_assert_int_eq(under_filter(&pf, do_getppid), 0);
	/* sendmsg is refused by the policy, but janus turns sendmmsg into
	 * sendmsg at a seccomp stop and the kernel then runs the filter
	 * again: it must stay traced. */
	ck_assert_int_eq(under_filter(&pf, do_sendmsg), ENOSYS);
	prefilter_free(&pf);
	policy_free(p);
}
END_TEST

/* The shipped default policy builds, and answers the hot harmless calls
 * in the kernel. */
START_TEST(test_prefilter_default)
{
	struct policy_diag d;
	struct policy *p = policy_load_default(&vars, &d);
	struct prefilter pf;

	ck_assert_msg(p, "%s", d.text);
	ck_assert_int_eq(prefilter_build(p, false, &pf), 0);
	ck_assert_int_eq(under_filter(&pf, do_getppid), 0);
	ck_assert_int_eq(under_filter(&pf, do_mmap), 0);
	ck_assert_int_eq(under_filter(&pf, do_open), ENOSYS);
	/* fs rules: an executable mapping of a file is checked (exec). */
	exe_fd = open("/proc/self/exe", O_RDONLY | O_CLOEXEC);
	ck_assert_int_ge(exe_fd, 0);
	ck_assert_int_eq(under_filter(&pf, do_mmap_exec), ENOSYS);
	ck_assert_int_eq(under_filter(&pf, do_mmap_read), 0);
	ck_assert_int_eq(under_filter(&pf, do_mmap_anon_exec), 0);
	close(exe_fd);
	prefilter_free(&pf);
	policy_free(p);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("prefilter");
	TCase *tc = tcase_create("prefilter");

	tcase_add_test(tc, test_prefilter_actions);
	tcase_add_test(tc, test_prefilter_quiet);
	tcase_add_test(tc, test_prefilter_default);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return check_run(suite());
}
