/* signame.h: signal number -> "SIGxxx" for the test helpers' reports.
 * A switch over the standard signals keeps the helpers independent of
 * config.h and of glibc's sigabbrev_np(). */
#ifndef JANUS_TEST_SIGNAME_H
#define JANUS_TEST_SIGNAME_H

#include <signal.h>
#include <stdio.h>
#include <string.h>

static inline const char *sig_name(int sig)
{
	static char buf[32];

	switch (sig) {
	case SIGHUP: return "SIGHUP";
	case SIGINT: return "SIGINT";
	case SIGQUIT: return "SIGQUIT";
	case SIGILL: return "SIGILL";
	case SIGTRAP: return "SIGTRAP";
	case SIGABRT: return "SIGABRT";
	case SIGBUS: return "SIGBUS";
	case SIGFPE: return "SIGFPE";
	case SIGKILL: return "SIGKILL";
	case SIGUSR1: return "SIGUSR1";
	case SIGSEGV: return "SIGSEGV";
	case SIGUSR2: return "SIGUSR2";
	case SIGPIPE: return "SIGPIPE";
	case SIGALRM: return "SIGALRM";
	case SIGTERM: return "SIGTERM";
	case SIGCHLD: return "SIGCHLD";
	case SIGCONT: return "SIGCONT";
	case SIGSTOP: return "SIGSTOP";
	case SIGTSTP: return "SIGTSTP";
	case SIGTTIN: return "SIGTTIN";
	case SIGTTOU: return "SIGTTOU";
	case SIGSYS: return "SIGSYS";
	}
	snprintf(buf, sizeof(buf), "signal %d", sig);
	return buf;
}

/* Inverse of sig_name(), with or without the "SIG" prefix; -1 if unknown. */
static inline int sig_number(const char *name)
{
	if (strncmp(name, "SIG", 3) == 0)
		name += 3;
	for (int sig = 1; sig < 32; sig++)
		if (strcmp(sig_name(sig) + 3, name) == 0)
			return sig;
	return -1;
}

#endif
