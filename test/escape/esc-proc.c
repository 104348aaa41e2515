/* esc-proc.c - driver-side processes: the canary, the stand-in parent,
 * a new process group (see esc-tool.h). */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/wait.h>

#include "escape.h"
#include "esc-tool.h"

/* execvp, but a path runs only as itself: no shell fallback for a file
 * the kernel refuses (ENOEXEC), which would hide why. */
static void esc_exec(char **argv)
{
	if (strchr(argv[0], '/'))
		execv(argv[0], argv);
	else
		execvp(argv[0], argv);
}

/* canary SECONDS [FILE]: a process outside the jail that attacks try to
 * signal, or to take FILE from (it holds it open).  It leads its own
 * process group (kill(-pgid) has a target) and wakes every 10 ms (so it
 * context-switches, for perf events), with every signal's default
 * action: whatever reaches it ends it. */
int esc_cmd_canary(int argc, char **argv)
{
	if (argc != 1 && argc != 2) {
		fprintf(stderr, "usage: esc-tool canary SECONDS [FILE]\n");
		return 2;
	}
	if (argc == 2 && open(argv[1], O_RDONLY) < 0)
		esc_die(argv[1]);
	setpgid(0, 0);
	long long end = esc_now_ms() + esc_number(argv[0]) * 1000LL;
	while (esc_now_ms() < end) {
		struct timespec ts = { 0, 10 * 1000 * 1000 };
		nanosleep(&ts, NULL);
	}
	return 0;
}

/* The exit status a shell would report for a child, but for a child
 * killed by a signal: 64 + signal, so that 128 + signal can only mean
 * that the stand-in itself was killed. */
int esc_wait_status(int pid)
{
	int status;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return 125;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 64 + WTERMSIG(status);
}

/* standin CMD...: runs CMD as its child, in a new process group, as
 * janus would; the native runs of attacks on "the supervisor" (the
 * parent) aim at it. */
int esc_cmd_standin(int argc, char **argv)
{
	if (argc < 1) {
		fprintf(stderr, "usage: esc-tool standin CMD...\n");
		return 2;
	}
	setpgid(0, 0);
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0)
		esc_die("fork");
	if (pid == 0) {
		esc_exec(argv);
		perror(argv[0]);
		_exit(127);
	}
	return esc_wait_status(pid);
}

/* pgrp CMD...: exec CMD as the leader of a new process group, so that a
 * kill(0, ...) that gets through reaches nothing of the test harness. */
int esc_cmd_pgrp(int argc, char **argv)
{
	if (argc < 1) {
		fprintf(stderr, "usage: esc-tool pgrp CMD...\n");
		return 2;
	}
	setpgid(0, 0);
	esc_exec(argv);
	perror(argv[0]);
	return 127;
}
