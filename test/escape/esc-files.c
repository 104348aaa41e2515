/* esc-files.c - driver-side file helpers (see esc-tool.h). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "escape.h"
#include "esc-tool.h"

/* A copy of esc-tool placed outside the jail gets a random token patched
 * in here: only running that copy can print it. */
#define IDENT_TAG "ESC-IDENT:"
#define IDENT_LEN 32
static const char ident[] = IDENT_TAG "________________________________";

int esc_cmd_ident(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	printf("ident %s\n", ident + strlen(IDENT_TAG));
	return 0;
}

int esc_cmd_patch(int argc, char **argv)
{
	if (argc != 2 || strlen(argv[1]) != IDENT_LEN) {
		fprintf(stderr, "usage: esc-tool patch FILE TOKEN (%d characters)\n", IDENT_LEN);
		return 2;
	}
	int fd = open(argv[0], O_RDWR);
	if (fd < 0)
		esc_die(argv[0]);
	off_t size = lseek(fd, 0, SEEK_END);
	char *buf = malloc((size_t)size);
	if (!buf || pread(fd, buf, (size_t)size, 0) != size)
		esc_die("read");
	char *at = memmem(buf, (size_t)size, ident, sizeof ident - 1);
	if (!at) {
		fprintf(stderr, "%s: no ident to patch\n", argv[0]);
		return 1;
	}
	off_t off = (off_t)(at - buf) + (off_t)strlen(IDENT_TAG);
	if (pwrite(fd, argv[1], IDENT_LEN, off) != IDENT_LEN || close(fd) < 0)
		esc_die("write");
	free(buf);
	return 0;
}

/* mkfile PATH: the setuid target; the owner of PATH shows its euid. */
int esc_cmd_mkfile(int argc, char **argv)
{
	if (argc != 1)
		return 2;
	int fd = open(argv[0], O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0644);
	printf("mkfile: uid %d euid %d, create %s\n", (int)getuid(), (int)geteuid(),
	       fd < 0 ? esc_errno_name(errno) : "ok");
	return fd < 0;
}

/* handle PATH: "TYPE HEX" of name_to_handle_at, for an attack to reopen. */
int esc_cmd_handle(int argc, char **argv)
{
	if (argc != 1)
		return 2;
	union {
		struct file_handle fh;
		char buf[sizeof(struct file_handle) + MAX_HANDLE_SZ];
	} u;
	int mount_id;
	u.fh.handle_bytes = MAX_HANDLE_SZ;
	if (name_to_handle_at(AT_FDCWD, argv[0], &u.fh, &mount_id, 0) < 0)
		esc_die("name_to_handle_at");
	printf("%d ", u.fh.handle_type);
	for (unsigned i = 0; i < u.fh.handle_bytes; i++)
		printf("%02x", u.fh.f_handle[i]);
	printf("\n");
	return 0;
}
