/* janus.c - main: parse, load the policy, launch, supervise, exit as the
 * command did. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "creds.h"
#include "jobctl.h"
#include "launch.h"
#include "log.h"
#include "policy.h"
#include "supervisor.h"
#include "tmpdir.h"

/* policy/policies/allow-all.policy, embedded at build time. */
extern const char janus_allow_all_text[];

static struct supervisor *fatal_sup;
static char private_tmp[PATH_MAX];

static void kill_tracees(void)
{
	if (fatal_sup)
		sup_kill_all(fatal_sup);
	if (private_tmp[0])
		tmpdir_remove(private_tmp);
}

static const char *home_dir(void)
{
	const char *h = getenv("HOME");
	if (h && h[0] == '/')
		return h;
	struct passwd *pw = getpwuid(getuid());
	return pw && pw->pw_dir ? pw->pw_dir : "/";
}

/* -p NAME: a built-in policy, else a file. */
static struct policy *load_policy(const char *name, const struct policy_vars *vars,
				  struct policy_diag *diag)
{
	if (!name || strcmp(name, "default") == 0)
		return policy_load_default(vars, diag);
	if (strcmp(name, "allow-all") == 0 && access(name, F_OK) < 0)
		return policy_load_string("allow-all.policy", janus_allow_all_text, vars, diag);
	return policy_load_file(name, vars, diag);
}

static int check_policy(const struct janus_opts *o, struct policy_vars *vars)
{
	struct policy_diag diag;
	vars->tmpdir = "/tmp/janus.XXXXXX";	/* made only when a command runs */
	struct policy *pol = load_policy(o->policy, vars, &diag);
	if (!pol) {
		fprintf(stderr, "janus: %s", diag.text);
		return 1;
	}
	policy_warnings(pol, stderr);
	policy_dump(pol, stdout);
	policy_free(pol);
	return 0;
}

int main(int argc, char **argv)
{
	struct janus_opts opts;
	char err[256], cwd[PATH_MAX];
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
	if (!getcwd(cwd, sizeof cwd))
		die_perror("getcwd");
	struct policy_vars vars = { .home = home_dir(), .cwd = cwd };
	if (opts.check)
		return check_policy(&opts, &vars);

	struct creds creds;
	if (creds_lookup(opts.user, &creds) < 0)
		return JANUS_EXIT_INTERNAL;
	int r = tmpdir_create(private_tmp);
	if (r < 0) {
		errno = -r;
		die_perror("cannot create a private temporary directory");
	}
	log_set_fatal_hook(kill_tracees);
	vars.tmpdir = private_tmp;
	struct policy_diag diag;
	struct policy *pol = load_policy(opts.policy, &vars, &diag);
	if (!pol) {
		fprintf(stderr, "janus: %s", diag.text);
		die_msg("no command was run: the policy did not load");
	}

	struct supervisor sup;
	sup_init(&sup, &opts, pol);
	r = trace_open(&sup.trace, opts.trace, opts.output);
	if (r < 0)
		die_msg("cannot open trace file '%s': %s", opts.output, strerror(-r));

	char *path;
	r = launch_resolve(opts.cmd[0], &path);
	if (r) {
		sup_fini(&sup);
		policy_free(pol);
		tmpdir_remove(private_tmp);
		return r;
	}
	if (setenv("TMPDIR", private_tmp, 1) < 0)
		die_perror("setenv");
	fatal_sup = &sup;
	if (creds.change && chown(private_tmp, creds.uid, creds.gid) < 0)
		die_perror("cannot give the private temporary directory to '%s'", creds.name);
	/* --trace shows every call, and the register fallback cannot tell a
	 * seccomp stop: both stop at every call. */
	struct prefilter pf = { 0 };
	sup.prefilter = !opts.no_prefilter && opts.trace == TRACE_NONE && !opts.no_syscall_info;
	if (sup.prefilter && (r = prefilter_build(pol, opts.quiet, &pf)) < 0)
		die_msg("cannot build the seccomp prefilter: %s (--no-prefilter runs without it)",
			strerror(-r));
	if (sup.prefilter)
		debug_msg("prefilter: %u instructions, %u calls allowed and %u refused in the kernel",
			  pf.len, pf.n_allow, pf.n_errno);
	pid_t pid = launch_command(path, opts.cmd, &creds, sup.prefilter ? &pf : NULL);
	prefilter_free(&pf);
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
	policy_free(pol);
	tmpdir_remove(private_tmp);
	jobctl_exit_like(status);
}
