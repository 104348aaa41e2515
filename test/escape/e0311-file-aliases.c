/* e0311-file-aliases - give the secret a second name, then read that.
 *
 * Attack: a hard link (link, linkat following a symlink) or a rename puts
 * the secret under a name in the allowed tree; a checker that only
 * guards the names it was told about then lets the new name be read.
 * Everything is put back afterwards.
 * Source: Garfinkel 2003, "Traps and Pitfalls" (aliases of a resource).
 * Usage: e0311-file-aliases SECRET */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include "escape.h"

int main(int argc, char **argv)
{
	esc_need_args(argc, 2, "e0311-file-aliases SECRET");
	const char *s = argv[1];
	unlink("e0311-hard");
	unlink("e0311-hard2");
	unlink("e0311-sym");
	unlink("e0311-moved");
	long r = link(s, "e0311-hard");
	esc_show_result("link SECRET into the cwd", r);
	if (r == 0)
		esc_try_read("read the hard link", "e0311-hard");
	if (symlink(s, "e0311-sym") == 0) {
		r = linkat(AT_FDCWD, "e0311-sym", AT_FDCWD, "e0311-hard2", AT_SYMLINK_FOLLOW);
		esc_show_result("linkat AT_SYMLINK_FOLLOW of a symlink to SECRET", r);
		if (r == 0)
			esc_try_read("read that link", "e0311-hard2");
	}
	r = rename(s, "e0311-moved");
	esc_show_result("rename SECRET into the cwd", r);
	if (r == 0) {
		esc_try_read("read the moved file", "e0311-moved");
		rename("e0311-moved", s);
	}
	unlink("e0311-hard");
	unlink("e0311-hard2");
	unlink("e0311-sym");
	return 0;
}
