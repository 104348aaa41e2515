/* e0312-create-outside - create something in a directory outside the
 * jail, by every call that creates a name.
 *
 * Attack: creat, open O_CREAT, openat O_CREAT|O_EXCL,
 * O_TMPFILE then linkat, mkdir, mknod (FIFO), symlink, link and rename of
 * a file of the jail's, bind of a unix socket, and creating through a
 * dangling symlink or a symlink to OUTDIR: each makes a new name
 * in OUTDIR if nothing stops it.  The driver checks OUTDIR stays empty.
 * Source: janus team (DESIGN.md aliases: creat; bind creating files);
 * Garfinkel 2003, "Traps and Pitfalls" (side effects of calls).
 * Usage: e0312-create-outside OUTDIR */
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "escape.h"

int main(int argc, char **argv)
{
	esc_need_args(argc, 2, "e0312-create-outside OUTDIR");
	const char *d = argv[1];
	char p[PATH_MAX + 64];
	long r;

	snprintf(p, sizeof p, "%s/creat", d);
	r = creat(p, 0644);
	esc_show_result("creat", r);
	snprintf(p, sizeof p, "%s/open", d);
	r = open(p, O_CREAT | O_WRONLY | O_CLOEXEC, 0644);
	esc_show_result("open O_CREAT", r);
	snprintf(p, sizeof p, "%s/openat", d);
	r = openat(AT_FDCWD, p, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0644);
	esc_show_result("openat O_CREAT|O_EXCL", r);
	r = open(d, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0644);
	esc_show_result("open O_TMPFILE", r);
	if (r >= 0) {
		char fdp[64];
		snprintf(fdp, sizeof fdp, "/proc/self/fd/%ld", r);
		snprintf(p, sizeof p, "%s/tmpfile", d);
		esc_show_result("linkat of the O_TMPFILE",
				linkat(AT_FDCWD, fdp, AT_FDCWD, p, AT_SYMLINK_FOLLOW));
	}
	snprintf(p, sizeof p, "%s/dir", d);
	esc_show_result("mkdir", mkdir(p, 0755));
	snprintf(p, sizeof p, "%s/fifo", d);
	esc_show_result("mknod S_IFIFO", mknod(p, S_IFIFO | 0644, 0));
	snprintf(p, sizeof p, "%s/regular", d);
	esc_show_result("mknod S_IFREG", mknod(p, S_IFREG | 0644, 0));
	snprintf(p, sizeof p, "%s/symlink", d);
	esc_show_result("symlink", symlink("/etc/hostname", p));

	int own = open("e0312-own", O_CREAT | O_WRONLY | O_CLOEXEC, 0644);
	if (own >= 0)
		close(own);
	snprintf(p, sizeof p, "%s/link", d);
	esc_show_result("link of a file of the cwd", link("e0312-own", p));
	snprintf(p, sizeof p, "%s/renamed", d);
	esc_show_result("rename of a file of the cwd", rename("e0312-own", p));

	/* Through symbolic links made in the cwd: the kernel follows a
	 * dangling final link with O_CREAT, and a directory link always. */
	unlink("e0312-dangling");
	unlink("e0312-dirlink");
	snprintf(p, sizeof p, "%s/via-dangling-link", d);
	if (symlink(p, "e0312-dangling") == 0)
		esc_show_result("open O_CREAT of a dangling symlink",
				open("e0312-dangling", O_CREAT | O_WRONLY | O_CLOEXEC, 0644));
	if (symlink(d, "e0312-dirlink") == 0) {
		esc_show_result("creat through a directory symlink",
				creat("e0312-dirlink/via-dirlink", 0644));
		esc_show_result("mkdir through a directory symlink",
				mkdir("e0312-dirlink/dir-via-dirlink", 0755));
	}

	snprintf(p, sizeof p, "%s/sock", d);
	struct sockaddr_un sa;
	socklen_t len = esc_unix_addr(&sa, p);
	int s = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	esc_show_result("bind a unix socket", bind(s, (struct sockaddr *)&sa, len));
	close(s);
	return 0;
}
