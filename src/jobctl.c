/* jobctl.c - signal forwarding, stop mirroring, exit status (see jobctl.h). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "jobctl.h"
#include "log.h"

/* Read by the handler: the only state janus keeps outside struct
 * supervisor, because a signal handler cannot be given an argument. */
static volatile sig_atomic_t command_pid;

static const int forwarded[] = {
	SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2, SIGALRM,
	SIGTSTP, SIGTTIN, SIGTTOU, SIGWINCH, SIGCONT,
};

/* Async-signal-safe: reads /proc/PID/status into buf. */
static bool read_status(pid_t pid, char *buf, size_t len)
{
	/* No snprintf: not async-signal-safe. */
	char path[32] = "/proc/", digits[16];
	int n = 0;
	for (unsigned v = (unsigned)pid; n == 0 || v; v /= 10)
		digits[n++] = (char)('0' + v % 10);
	size_t at = strlen(path);
	while (n)
		path[at++] = digits[--n];
	strcpy(path + at, "/status");
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	ssize_t got = read(fd, buf, len - 1);
	close(fd);
	if (got <= 0)
		return false;
	buf[got] = '\0';
	return true;
}

static unsigned long long status_field(const char *buf, const char *key)
{
	const char *p = strstr(buf, key);
	return p ? strtoull(p + strlen(key), NULL, 16) : 0;	/* hex masks */
}

/* Did pid receive sig itself (a group kill, or the terminal)?  Either it
 * is still pending, or the leader sits in the signal-delivery-stop for it. */
static bool command_has_signal(pid_t pid, int sig, pid_t sender)
{
	char buf[2048];
	if (read_status(pid, buf, sizeof buf)) {
		unsigned long long pend = status_field(buf, "\nSigPnd:") |
					  status_field(buf, "\nShdPnd:");
		if (pend & (1ULL << (sig - 1)))
			return true;
	}
	siginfo_t si;
	if (ptrace(PTRACE_GETSIGINFO, pid, NULL, &si) == 0 &&
	    si.si_signo == sig && si.si_pid == sender)
		return true;
	return false;
}

static bool sent_by_tracee(pid_t sender)
{
	char buf[2048];
	if (!read_status(sender, buf, sizeof buf))
		return false;
	const char *p = strstr(buf, "\nTracerPid:");
	return p && (pid_t)strtol(p + 11, NULL, 10) == getpid();
}

static void on_signal(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	int saved = errno;
	pid_t target = (pid_t)command_pid;
	/* si_code > 0: the kernel sent it (terminal, timer); the command's
	 * process group got its own copy. */
	if (target > 0 && si->si_code <= 0 && !sent_by_tracee(si->si_pid) &&
	    !command_has_signal(target, sig, si->si_pid))
		kill(target, sig);
	errno = saved;
}

void jobctl_install(pid_t pid)
{
	command_pid = pid;
	for (size_t i = 0; i < sizeof forwarded / sizeof forwarded[0]; i++) {
		struct sigaction old, sa;
		if (sigaction(forwarded[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
			continue;
		memset(&sa, 0, sizeof sa);
		sa.sa_sigaction = on_signal;
		sa.sa_flags = SA_SIGINFO | SA_RESTART;
		sigemptyset(&sa.sa_mask);
		sigaction(forwarded[i], &sa, NULL);
	}
}

void jobctl_mirror_stop(pid_t pid, int stopsig)
{
	struct sigaction dfl, old;
	memset(&dfl, 0, sizeof dfl);
	dfl.sa_handler = SIG_DFL;
	sigemptyset(&dfl.sa_mask);
	debug_msg("command stopped by signal %d: stopping janus too", stopsig);
	if (stopsig != SIGSTOP)
		sigaction(stopsig, &dfl, &old);
	raise(stopsig);
	if (stopsig != SIGSTOP)
		sigaction(stopsig, &old, NULL);
	/* The shell continues its job's process group; a command that left
	 * janus's group would not get that SIGCONT, so pass it on. */
	if (getpgid(pid) != getpgrp())
		kill(pid, SIGCONT);
}

void jobctl_exit_like(int status)
{
	fflush(NULL);
	if (WIFEXITED(status))
		exit(WEXITSTATUS(status));
	int sig = WTERMSIG(status);
	struct rlimit nocore = { 0, 0 };
	setrlimit(RLIMIT_CORE, &nocore);
	signal(sig, SIG_DFL);
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, sig);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(sig);
	/* A signal whose default is not to terminate cannot have killed the
	 * command; keep the shell's convention anyway. */
	exit(128 + sig);
}
