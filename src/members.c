/* members.c - jail membership (see members.h). */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "members.h"

bool member_pid(struct tracee_table *t, pid_t pid)
{
	return pid > 0 && tracee_find(t, pid) != NULL;
}

/* Fields of /proc/PID/stat after the command name (which may hold
 * spaces and parentheses: parse from the last ')'). */
static bool stat_pgrp(const char *pid, pid_t *pgrp)
{
	char path[64], buf[512];
	snprintf(path, sizeof path, "/proc/%s/stat", pid);
	FILE *f = fopen(path, "re");
	if (!f)
		return false;
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	char *p = strrchr(buf, ')');
	int pg;
	if (!p || sscanf(p + 1, " %*c %*d %d", &pg) != 1)
		return false;
	*pgrp = pg;
	return true;
}

pid_t member_pgrp_of(pid_t tid)
{
	char pid[16];
	pid_t pg = 0;
	snprintf(pid, sizeof pid, "%d", (int)tid);
	return stat_pgrp(pid, &pg) ? pg : 0;
}

bool member_pgrp(struct tracee_table *t, pid_t pgrp)
{
	if (pgrp <= 0)
		return false;
	DIR *d = opendir("/proc");
	if (!d)
		return false;
	bool any = false, all = true;
	struct dirent *e;
	while (all && (e = readdir(d))) {
		pid_t pg;
		if (e->d_name[0] < '1' || e->d_name[0] > '9' || !stat_pgrp(e->d_name, &pg))
			continue;
		if (pg != pgrp)
			continue;
		any = true;
		all = member_pid(t, (pid_t)atoi(e->d_name));
	}
	closedir(d);
	return any && all;
}

bool member_pidfd(struct tracee_table *t, pid_t tid, int fd)
{
	char path[64], line[128];
	snprintf(path, sizeof path, "/proc/%d/fdinfo/%d", (int)tid, fd);
	FILE *f = fopen(path, "re");
	if (!f)
		return false;
	pid_t pid = 0;
	while (fgets(line, sizeof line, f))
		if (sscanf(line, "Pid: %d", &pid) == 1)
			break;
	fclose(f);
	return member_pid(t, pid);
}
