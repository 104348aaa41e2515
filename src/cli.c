/* cli.c - option parsing (see cli.h). */
#include "config.h"

#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

const char cli_usage[] =
	"janus [-qV] [-p POLICY] [-u USER] [--trace[=text|json]] [-o FILE] -- command [argument ...]\n"
	"       janus --check [POLICY]";

enum { OPT_TRACE = 256, OPT_NO_SYSCALL_INFO, OPT_DEBUG, OPT_CHECK, OPT_NO_PREFILTER };

static const struct option long_opts[] = {
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ "quiet", no_argument, NULL, 'q' },
	{ "output", required_argument, NULL, 'o' },
	{ "policy", required_argument, NULL, 'p' },
	{ "check", no_argument, NULL, OPT_CHECK },
	{ "user", required_argument, NULL, 'u' },
	{ "trace", optional_argument, NULL, OPT_TRACE },
	{ "debug", no_argument, NULL, OPT_DEBUG },
	{ "no-syscall-info", no_argument, NULL, OPT_NO_SYSCALL_INFO },
	{ "no-prefilter", no_argument, NULL, OPT_NO_PREFILTER },
	{ NULL, 0, NULL, 0 },
};

static enum cli_action __attribute__((format(printf, 3, 4)))
fail(char *errbuf, unsigned errlen, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(errbuf, errlen, fmt, ap);
	va_end(ap);
	return CLI_ERROR;
}

static int parse_trace(const char *arg, enum trace_format *out)
{
	if (!arg || strcmp(arg, "text") == 0)
		*out = TRACE_TEXT;
	else if (strcmp(arg, "json") == 0)
		*out = TRACE_JSON;
	else
		return -1;
	return 0;
}

enum cli_action cli_parse(int argc, char **argv, struct janus_opts *o,
			  char *errbuf, unsigned errlen)
{
	memset(o, 0, sizeof *o);
	optind = 0;	/* glibc: full re-initialisation, so tests may call us again */
	opterr = 0;
	for (;;) {
		int c = getopt_long(argc, argv, "+:hVqo:p:u:", long_opts, NULL);
		if (c == -1)
			break;
		switch (c) {
		case 'h':
			return CLI_HELP;
		case 'V':
			return CLI_VERSION;
		case 'q':
			o->quiet = true;
			break;
		case 'o':
			o->output = optarg;
			break;
		case 'p':
			o->policy = optarg;
			break;
		case 'u':
			o->user = optarg;
			break;
		case OPT_CHECK:
			o->check = true;
			break;
		case OPT_TRACE:
			if (parse_trace(optarg, &o->trace) < 0)
				return fail(errbuf, errlen,
					    "invalid --trace format '%s' (expected 'text' or 'json')", optarg);
			break;
		case OPT_DEBUG:
			o->debug = true;
			break;
		case OPT_NO_SYSCALL_INFO:
			o->no_syscall_info = true;
			break;
		case OPT_NO_PREFILTER:
			o->no_prefilter = true;
			break;
		case ':':
			return fail(errbuf, errlen, "option '%s' needs an argument", argv[optind - 1]);
		default:
			return fail(errbuf, errlen, "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (o->check) {
		if (optind < argc && o->policy)
			return fail(errbuf, errlen, "--check takes one policy, got '%s' and '%s'",
				    o->policy, argv[optind]);
		if (optind < argc)
			o->policy = argv[optind++];
		if (optind < argc)
			return fail(errbuf, errlen, "unexpected argument '%s' after the policy", argv[optind]);
		return CLI_RUN;
	}
	if (optind >= argc)
		return fail(errbuf, errlen, "%s", "no command given");
	if (o->output && o->trace == TRACE_NONE)
		o->trace = TRACE_TEXT;	/* -o alone asks for a trace, as strace -o does */
	o->cmd = argv + optind;
	return CLI_RUN;
}

void cli_print_help(void)
{
	printf("Usage: %s\n\n"
	       "Run a command under janus, the system-call interposition supervisor.\n\n"
	       "  -p, --policy POLICY  enforce POLICY (a file, or a built-in: default, allow-all);\n"
	       "                       without -p the built-in default policy applies\n"
	       "      --check [POLICY] validate POLICY, print what it compiled to, run nothing\n"
	       "  -u, --user USER      run the command as USER, with no capabilities (janus as root)\n"
	       "  --trace[=text|json]  print every system call of every process and thread\n"
	       "  -o, --output FILE    write the trace to FILE instead of standard error\n"
	       "  -q, --quiet          no informational messages\n"
	       "      --debug          print the supervisor's own events\n"
	       "      --no-syscall-info  decode from registers, not PTRACE_GET_SYSCALL_INFO\n"
	       "      --no-prefilter   stop at every system call (no seccomp prefilter)\n"
	       "  -h, --help           show this help and exit\n"
	       "  -V, --version        show the version and exit\n\n"
	       "Exit status: the command's; 125 if janus itself fails (including a bad policy),\n"
	       "126 if the command cannot be executed, 127 if it is not found.\n",
	       cli_usage);
}
