/* reopen.c - a descriptor opened again by name (see reopen.h). */
#include "config.h"

#include <errno.h>
#include <linux/kcmp.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "reopen.h"

int reopen_identify(pid_t tid, int fd, struct reopen_id *id)
{
	char path[64], line[128];
	snprintf(path, sizeof path, "/proc/%d/fdinfo/%d", (int)tid, fd);
	FILE *f = fopen(path, "re");
	if (!f)
		return -errno;
	unsigned long long ino;
	int seen = 0;
	while (fgets(line, sizeof line, f)) {
		if (sscanf(line, "flags: %o", &id->flags) == 1)
			seen |= 1;
		else if (sscanf(line, "mnt_id: %d", &id->mnt_id) == 1)
			seen |= 2;
		else if (sscanf(line, "ino: %llu", &ino) == 1)
			seen |= 4, id->ino = ino;
	}
	fclose(f);
	return seen == 7 ? 0 : -EIO;	/* ino: Linux 5.14 */
}

bool reopen_same(const struct reopen_id *a, const struct reopen_id *b)
{
	return a->flags == b->flags && a->mnt_id == b->mnt_id && a->ino == b->ino;
}

bool reopen_own_table(pid_t tid, pid_t pid)
{
	return pid == tid || syscall(SYS_kcmp, tid, pid, KCMP_FILES, 0, 0) == 0;
}
