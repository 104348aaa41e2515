/* esc-sibling.c - the argument race of e0104 and e0105: a sibling
 * process rewrites the path the parent opens (see escape.h). */
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

#include "escape.h"

/* Static, so that the forked sibling knows its address in the parent:
 * the same as in itself. */
static char path[PATH_MAX];

static void rewrite(pid_t parent, const char *a, const char *b, esc_poke_fn *poke)
{
	struct esc_race r;
	esc_race_init(&r);
	r.tries = -10 * ESC_RACE_TRIES;	/* time-bounded only */
	while (esc_race_go(&r))
		if (poke(parent, path, b) < 0 || poke(parent, path, a) < 0)
			return;
}

void esc_race_sibling_poke(const char *allowed, const char *secret, esc_poke_fn *poke)
{
	char expect[512];
	if (esc_read_file(allowed, expect, sizeof expect) < 0)
		esc_die(allowed);
	strcpy(path, allowed);
	pid_t parent = getpid();
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0)
		esc_die("fork");
	if (pid == 0) {
		rewrite(parent, allowed, secret, poke);
		_exit(0);
	}
	esc_race_open("open of the path a sibling rewrites", path, expect);
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
}
