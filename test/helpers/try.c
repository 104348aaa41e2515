/* try.c - `try OP ARG...`: run one operation and print "ok" or
 * "errno=NAME" (see try.h).  Used by the policy tests (test/integ/t1*)
 * under janus and natively, as the positive control. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "try.h"

static const struct try_op *const tables[] = {
	try_fs_ops, try_net_ops, try_fd_ops, try_proc_ops, try_sys_ops,
};

void try_usage(const char *fmt, ...)
{
	va_list ap;

	fputs("try: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(2);
}

void try_setup_fail(const char *what)
{
	const char *name = strerrorname_np(errno);

	printf("setup-failed %s errno=%s\n", what, name ? name : "?");
	exit(3);
}

long try_num(const char *s)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 0);
	if (errno || end == s || *end)
		try_usage("not a number: '%s'", s);
	return v;
}

int try_signal(const char *s)
{
	if (s[0] >= '0' && s[0] <= '9')
		return (int)try_num(s);
	if (strncmp(s, "SIG", 3) == 0)
		s += 3;
	for (int sig = 1; sig < NSIG; sig++) {
		const char *abbrev = sigabbrev_np(sig);

		if (abbrev && strcmp(abbrev, s) == 0)
			return sig;
	}
	try_usage("unknown signal '%s'", s);
}

unsigned long try_high;
static pid_t child_pid;

pid_t try_target(const char *s)
{
	if (strcmp(s, "self") == 0)
		return getpid();
	if (strcmp(s, "child") != 0 && strcmp(s, "pgchild") != 0)
		return (pid_t)try_num(s);
	fflush(stdout);
	child_pid = fork();
	if (child_pid < 0)
		try_setup_fail("fork");
	if (child_pid == 0) {
		if (s[0] == 'p')
			setpgid(0, 0);
		for (;;)
			pause();
	}
	/* pgchild: its own process group (both sides set it, whoever runs first). */
	if (s[0] == 'p' && setpgid(child_pid, child_pid) < 0 && errno != EACCES)
		try_setup_fail("setpgid");
	return child_pid;
}

void try_target_done(void)
{
	if (child_pid > 0) {
		kill(child_pid, SIGKILL);
		waitpid(child_pid, NULL, 0);
		child_pid = 0;
	}
}

static void list_ops(void)
{
	fputs("usage: try [-H] OP ARG...   prints ok or errno=NAME\n"
	      "  -H: int arguments with a stray bit 32 (see try.h)\noperations:\n", stderr);
	for (size_t t = 0; t < sizeof tables / sizeof tables[0]; t++)
		for (const struct try_op *op = tables[t]; op->name; op++)
			fprintf(stderr, "  %s %s\n", op->name, op->args);
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "-H") == 0) {
		try_high = (unsigned long)0x100000000ULL;	/* 0 where long is 32 bits */
		argv++;
		argc--;
	}
	if (argc < 2) {
		list_ops();
		return 2;
	}
	/* Terminal ioctls from a background group must not stop us, and a
	 * peer that closed must not kill us: both are results to print. */
	signal(SIGTTOU, SIG_IGN);
	signal(SIGPIPE, SIG_IGN);
	for (size_t t = 0; t < sizeof tables / sizeof tables[0]; t++) {
		for (const struct try_op *op = tables[t]; op->name; op++) {
			if (strcmp(op->name, argv[1]) != 0)
				continue;
			int n = argc - 2;
			if (n < op->min || n > op->max)
				try_usage("usage: try %s %s", op->name, op->args);
			int err = op->run(argv + 2);
			try_target_done();
			if (err == 0) {
				puts("ok");
			} else {
				const char *name = strerrorname_np(err);
				if (name)
					printf("errno=%s\n", name);
				else
					printf("errno=%d\n", err);
			}
			return 0;
		}
	}
	list_ops();
	try_usage("unknown operation '%s'", argv[1]);
}
