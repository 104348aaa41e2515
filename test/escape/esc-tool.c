/* esc-tool.c - dispatch of the escape driver's helper (see esc-tool.h).
 *
 *   esc-tool listen KIND ADDR STATE     count what reaches a listener
 *   esc-tool fd-server PATH FILE STATE  hand an fd of FILE to each client
 *   esc-tool probe-tcp PORT STATE       count successful connects to PORT
 *   esc-tool free-low-port              print a free port below 1024
 *   esc-tool chatter PORT TOKEN STATE   send TOKEN to 127.0.0.1:PORT, again and again
 *   esc-tool pty INPUT CMD...           run CMD on a new pseudo-terminal
 *   esc-tool canary SECONDS [FILE]      a process to be kept alive (holding FILE)
 *   esc-tool standin CMD...             a parent that stands in for janus
 *   esc-tool pgrp CMD...                exec CMD in a new process group
 *   esc-tool ident                      print the token patched into this copy
 *   esc-tool patch FILE TOKEN           patch TOKEN into a copy of esc-tool
 *   esc-tool mkfile PATH                create PATH, print the euid
 *   esc-tool handle PATH                print PATH's file handle (hex)
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "esc-tool.h"

volatile int esc_stop;

static void on_stop(int sig)
{
	(void)sig;
	esc_stop = 1;
}

void esc_on_stop_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_stop;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
}

int esc_put_file(const char *path, const char *text)
{
	char tmp[4096];
	snprintf(tmp, sizeof tmp, "%s.tmp%d", path, (int)getpid());
	FILE *f = fopen(tmp, "w");
	if (!f)
		return -errno;
	fputs(text, f);
	if (fclose(f) != 0 || rename(tmp, path) < 0)
		return -errno;
	return 0;
}

static const struct {
	const char *name;
	int (*run)(int argc, char **argv);
} cmds[] = {
	{ "listen", esc_cmd_listen },
	{ "fd-server", esc_cmd_fd_server },
	{ "probe-tcp", esc_cmd_probe_tcp },
	{ "free-low-port", esc_cmd_free_low_port },
	{ "chatter", esc_cmd_chatter },
	{ "pty", esc_cmd_pty },
	{ "canary", esc_cmd_canary },
	{ "standin", esc_cmd_standin },
	{ "pgrp", esc_cmd_pgrp },
	{ "ident", esc_cmd_ident },
	{ "patch", esc_cmd_patch },
	{ "mkfile", esc_cmd_mkfile },
	{ "handle", esc_cmd_handle },
};

int main(int argc, char **argv)
{
	if (argc >= 2)
		for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++)
			if (strcmp(argv[1], cmds[i].name) == 0)
				return cmds[i].run(argc - 2, argv + 2);
	fprintf(stderr, "usage: esc-tool listen|fd-server|probe-tcp|free-low-port|chatter|pty|canary|"
			"standin|pgrp|ident|patch|mkfile|handle ARGS...\n");
	return 2;
}
