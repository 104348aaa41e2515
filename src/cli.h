/* cli.h - command line -> struct janus_opts.  Nothing runs here: parsing
 * has no side effects, so it is unit-tested directly. */
#ifndef JANUS_CLI_H
#define JANUS_CLI_H

#include <stdbool.h>

enum trace_format {
	TRACE_NONE,
	TRACE_TEXT,
	TRACE_JSON,
};

struct janus_opts {
	enum trace_format trace;
	const char *output;	/* -o FILE; NULL: stderr */
	bool quiet;
	bool debug;
	bool no_syscall_info;	/* force the register-table fallback (testing) */
	bool no_prefilter;	/* stop at every call, as without seccomp */
	const char *policy;	/* -p: a file, or a built-in name; NULL: the default */
	bool check;		/* --check: validate and print the policy, run nothing */
	const char *user;	/* --user: run the command as this user (janus must be root) */
	char **cmd;		/* NULL-terminated argv of the command (NULL with --check) */
};

enum cli_action {
	CLI_RUN,
	CLI_HELP,
	CLI_VERSION,
	CLI_ERROR,	/* message in errbuf */
};

/* The usage line; the same text is man/janus.1's SYNOPSIS. */
extern const char cli_usage[];

enum cli_action cli_parse(int argc, char **argv, struct janus_opts *o,
			  char *errbuf, unsigned errlen);
void cli_print_help(void);

#endif
