/* janus.c - main: parse, launch, supervise, exit as the command did. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "jobctl.h"
#include "launch.h"
#include "log.h"
#include "supervisor.h"

static struct supervisor *fatal_sup;

static void kill_tracees(void)
{
	if (fatal_sup)
		sup_kill_all(fatal_sup);
}

int main(int argc, char **argv)
{
	struct janus_opts opts;
	char err[256];
	switch (cli_parse(argc, argv, &opts, err, sizeof err)) {
	case CLI_HELP:
		cli_print_help();
		return 0;
	case CLI_VERSION:
		printf("janus %s\n", PACKAGE_VERSION);
		return 0;
	case CLI_ERROR:
		fprintf(stderr, "janus: %s\nUsage: %s\n", err, cli_usage);
		return JANUS_EXIT_INTERNAL;
	case CLI_RUN:
		break;
	}
	log_init("janus", opts.debug);

	struct supervisor sup;
	sup_init(&sup, &opts);
	int r = trace_open(&sup.trace, opts.trace, opts.output);
	if (r < 0)
		die_msg("cannot open trace file '%s': %s", opts.output, strerror(-r));

	char *path;
	r = launch_resolve(opts.cmd[0], &path);
	if (r)
		return r;
	fatal_sup = &sup;
	log_set_fatal_hook(kill_tracees);
	pid_t pid = launch_command(path, opts.cmd);
	free(path);
	sup_adopt_command(&sup, pid);
	jobctl_install(pid);

	struct janus_event ev;
	while (sup_next_event(&sup, &ev))
		sup_dispatch(&sup, &ev);

	int status = sup.command_status;
	if (!sup.command_done)
		die_msg("lost track of the command (pid %d)", (int)pid);
	sup_fini(&sup);
	jobctl_exit_like(status);
}
