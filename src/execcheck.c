/* execcheck.c - the exec'd file is the checked one (see execcheck.h). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/openat2.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "execcheck.h"
#include "log.h"

/* The file path names now, reached with no symlink (as checked); under
 * /proc, where the magic links are the kernel's, through them.  A member's
 * "/proc/self" (name_self in judge.c) is its own, not janus's. */
static int identify(const char *path, pid_t tgid, struct stat *st)
{
	if (strncmp(path, "/proc/", 6) == 0 || strcmp(path, "/proc") == 0) {
		char own[PATH_MAX];
		if (strncmp(path, "/proc/self", 10) == 0 && (path[10] == '/' || path[10] == '\0'))
			snprintf(own, sizeof own, "/proc/%d%s", (int)tgid, path + 10);
		else
			snprintf(own, sizeof own, "%s", path);
		return stat(own, st) < 0 ? -errno : 0;
	}
	struct open_how how = { .flags = O_PATH | O_CLOEXEC,
				.resolve = RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS };
	int fd = (int)syscall(SYS_openat2, AT_FDCWD, path, &how, sizeof how);
	if (fd < 0)
		return -errno;
	int r = fstat(fd, st) < 0 ? -errno : 0;
	close(fd);
	return r;
}

void execcheck_entry(struct tracee *tr, const struct sc_event *ev, bool allowed)
{
	const struct sc_desc *sc = arch_syscall(ev->arch, ev->nr);
	if (!sc || (sc->id != SC_execve && sc->id != SC_execveat))
		return;
	tr->exec_known = false;
	if (!allowed || !ev->path[0] || !ev->path[0][0])
		return;
	/* Unknown (0, 0) when it cannot be looked at now: then only what
	 * the policy allows by its own path may run. */
	struct stat st;
	tr->exec_known = true;
	tr->exec_dev = tr->exec_ino = 0;
	if (identify(ev->path[0], tr->tgid ? tr->tgid : tr->tid, &st) == 0) {
		tr->exec_dev = st.st_dev;
		tr->exec_ino = st.st_ino;
	}
}

/* Would the policy let the program exec path itself? */
static bool may_exec(const struct policy *pol, const struct janus_arch *a, const char *path)
{
	long nr = arch_syscall_nr_by_id(a, SC_execve);
	if (nr < 0)
		nr = arch_syscall_nr_by_id(a, SC_execveat);
	if (nr < 0)
		return false;
	struct sc_event ev = { .arch = a, .nr = (uint64_t)nr, .id = SC_COUNT };
	struct verdict v;
	ev.path[0] = path;
	policy_eval(pol, &ev, &v);
	return v.action == VERDICT_ALLOW;
}

bool execcheck_event(const struct policy *pol, struct tracee *tr)
{
	if (!tr->exec_known || !pol)
		return false;
	tr->exec_known = false;
	char link[64], exe[PATH_MAX];
	snprintf(link, sizeof link, "/proc/%d/exe", (int)tr->tid);
	struct stat st;
	if (stat(link, &st) == 0 && tr->exec_ino && st.st_dev == tr->exec_dev &&
	    st.st_ino == tr->exec_ino)
		return false;
	ssize_t n = readlink(link, exe, sizeof exe - 1);
	if (n < 0 && errno == ENOENT)
		return false;	/* gone already */
	exe[n > 0 ? n : 0] = '\0';
	if (n > 0 && tr->arch && may_exec(pol, tr->arch, exe)) {
		debug_msg("pid %d: exec ran %s (an interpreter?), which it may exec", (int)tr->tid, exe);
		return false;
	}
	warn_msg("pid %d: exec ran '%s', not the file janus checked, and the policy does not let it "
		 "exec that (a #! interpreter, or a file swapped in after the check): killing it",
		 (int)tr->tid, n > 0 ? exe : "?");
	kill(tr->tid, SIGKILL);
	return true;
}
