/* launch.c - fork, attach, exec (see launch.h).
 *
 * The child blocks reading a pipe until the parent has seized it, so it is
 * traced before execve; if janus dies first, the child reads EOF and exits
 * without running the command (fail closed). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <sys/personality.h>
#include <unistd.h>

#include "launch.h"
#include "log.h"

static int classify(const char *path, int *err)
{
	struct stat st;
	if (stat(path, &st) < 0) {
		*err = errno;
		return JANUS_EXIT_NOTFOUND;
	}
	if (S_ISDIR(st.st_mode)) {
		*err = EISDIR;
		return JANUS_EXIT_NOEXEC;
	}
	if (access(path, X_OK) < 0) {
		*err = errno;
		return JANUS_EXIT_NOEXEC;
	}
	return 0;
}

int launch_resolve(const char *name, char **path)
{
	int err = ENOENT, r;
	if (strchr(name, '/')) {
		r = classify(name, &err);
		if (r == 0 && !(*path = strdup(name)))
			die_perror("strdup");
		if (r)
			warn_msg("cannot execute '%s': %s", name, strerror(err));
		return r;
	}
	const char *p = getenv("PATH");
	if (!p || !*p)
		p = "/usr/local/bin:/usr/bin:/bin";
	int best = JANUS_EXIT_NOTFOUND, best_err = ENOENT;
	while (*p) {
		size_t n = strcspn(p, ":");
		char *cand;
		if (asprintf(&cand, "%.*s%s%s", (int)n, n ? p : ".", "/", name) < 0)
			die_perror("asprintf");
		r = classify(cand, &err);
		if (r == 0) {
			*path = cand;
			return 0;
		}
		free(cand);
		if (r == JANUS_EXIT_NOEXEC && best == JANUS_EXIT_NOTFOUND) {
			best = r;	/* found but not executable: execvp reports EACCES */
			best_err = err;
		}
		p += n;
		if (*p == ':')
			p++;
	}
	if (best == JANUS_EXIT_NOTFOUND)
		warn_msg("%s: command not found", name);
	else
		warn_msg("cannot execute '%s': %s", name, strerror(best_err));
	return best;
}

static void __attribute__((noreturn)) child(int gate, const char *path, char *const argv[],
					   const struct creds *creds, const struct prefilter *pf)
{
	char go;
	/* Blocks until the parent has attached. EOF: janus is gone. */
	if (read(gate, &go, 1) != 1)
		_exit(JANUS_EXIT_INTERNAL);
	close(gate);
	/* READ_IMPLIES_EXEC (`setarch -X janus ...`) would make every readable
	 * mapping executable, out of sight of the exec checks of mappings. */
	int per = personality(0xffffffff);
	if (per >= 0 && (per & READ_IMPLIES_EXEC))
		personality((unsigned long)per & ~(unsigned long)READ_IMPLIES_EXEC);
	int r = creds_apply(creds);
	if (r < 0) {
		dprintf(2, "janus: cannot set the command's credentials: %s\n", strerror(-r));
		_exit(JANUS_EXIT_INTERNAL);
	}
	/* Last: from here on only calls janus asked to see stop. */
	if (pf && (r = prefilter_install(pf)) < 0) {
		dprintf(2, "janus: cannot install the seccomp prefilter: %s\n", strerror(-r));
		_exit(JANUS_EXIT_INTERNAL);
	}
	execv(path, argv);
	if (errno == ENOEXEC) {
		/* As execvp(3): a file without a #! line is a shell script. */
		int argc = 0;
		while (argv[argc])
			argc++;
		char **sh = calloc((size_t)argc + 2, sizeof *sh);
		if (sh) {
			sh[0] = (char *)"sh";
			sh[1] = (char *)path;
			for (int i = 1; i <= argc; i++)
				sh[i + 1] = argv[i];
			execv("/bin/sh", sh);
		}
	}
	int err = errno;
	dprintf(2, "janus: cannot execute '%s': %s\n", argv[0], strerror(err));
	_exit(err == ENOENT ? JANUS_EXIT_NOTFOUND : JANUS_EXIT_NOEXEC);
}

pid_t launch_command(const char *path, char *const argv[], const struct creds *creds,
		     const struct prefilter *pf)
{
	int gate[2];
	if (pipe2(gate, O_CLOEXEC) < 0)
		die_perror("pipe");
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0)
		die_perror("fork");
	if (pid == 0) {
		close(gate[1]);
		child(gate[0], path, argv, creds, pf);
	}
	close(gate[0]);
	if (ptrace(PTRACE_SEIZE, pid, NULL, (void *)(long)JANUS_PTRACE_OPTIONS) < 0) {
		int err = errno;
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
		errno = err;
		die_perror("cannot trace the command (PTRACE_SEIZE)");
	}
	/* A seized task reports syscall stops only once it was restarted with
	 * PTRACE_SYSCALL: stop it (it is blocked reading the gate) and
	 * restart it so, before it may go on to execve. */
	int status;
	if (ptrace(PTRACE_INTERRUPT, pid, NULL, NULL) < 0 ||
	    waitpid(pid, &status, __WALL) != pid || !WIFSTOPPED(status) ||
	    ptrace(PTRACE_SYSCALL, pid, NULL, NULL) < 0) {
		int err = errno;
		kill(pid, SIGKILL);
		errno = err;
		die_perror("cannot take control of the command");
	}
	if (write(gate[1], "g", 1) != 1) {
		kill(pid, SIGKILL);
		die_perror("cannot start the command");
	}
	close(gate[1]);
	return pid;
}
