/* procfs.c - small files of /proc/TID read whole (see procfs.h). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "procfs.h"

ssize_t procfs_read(pid_t tid, const char *name, char *buf, size_t size)
{
	char path[96];
	if (!size)
		return -EINVAL;
	snprintf(path, sizeof path, "/proc/%d/%s", (int)tid, name);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	ssize_t n = read(fd, buf, size - 1);
	int e = errno;
	close(fd);
	if (n < 0)
		return -e;
	buf[n] = '\0';
	return n;
}

const char *procfs_stat_fields(const char *stat)
{
	const char *p = strrchr(stat, ')');
	return p && p[1] == ' ' && p[2] ? p + 2 : NULL;
}
