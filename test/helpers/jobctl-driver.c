/* jobctl-driver [-p] SIG CMD [ARGS...]: act as a job-control shell.
 * Run CMD in a new process group, wait with WUNTRACED and report how it
 * stopped, send SIGCONT (to the process group, or with -p to the pid
 * only), then report how it ended.  Exits 0 iff CMD stopped by SIG and
 * then exited 0.  Run CMD natively and as `janus -- CMD`: the reports must
 * be the same. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "signame.h"

static void say(const char *line)
{
	puts(line);
	fflush(stdout);
}

static void describe(int status, char *buf, size_t size)
{
	if (WIFSTOPPED(status))
		snprintf(buf, size, "stopped by %s", sig_name(WSTOPSIG(status)));
	else if (WIFEXITED(status))
		snprintf(buf, size, "exited %d", WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		snprintf(buf, size, "killed by %s", sig_name(WTERMSIG(status)));
	else
		snprintf(buf, size, "status 0x%x", (unsigned)status);
}

int main(int argc, char **argv)
{
	int pid_only = argc > 1 && strcmp(argv[1], "-p") == 0;
	char **args = argv + 1 + pid_only;
	int sig = argc > 2 + pid_only ? sig_number(args[0]) : -1;
	char what[64];
	int status, ok;
	pid_t pid;

	if (sig < 0) {
		fprintf(stderr, "usage: jobctl-driver [-p] SIG CMD [ARGS...]\n");
		return 2;
	}
	fflush(stdout);
	pid = fork();
	if (pid < 0) {
		perror("fork");
		return 2;
	}
	if (pid == 0) {
		setpgid(0, 0);
		execvp(args[1], args + 1);
		perror(args[1]);
		_exit(127);
	}
	if (setpgid(pid, pid) != 0 && errno != EACCES)
		perror("setpgid");

	if (waitpid(pid, &status, WUNTRACED) != pid) {
		perror("waitpid");
		return 2;
	}
	describe(status, what, sizeof(what));
	say(what);
	ok = WIFSTOPPED(status) && WSTOPSIG(status) == sig;
	if (!WIFSTOPPED(status))
		return 1;

	if (kill(pid_only ? pid : -pid, SIGCONT) != 0)
		perror("kill SIGCONT");
	if (waitpid(pid, &status, WUNTRACED) != pid) {
		perror("waitpid");
		return 2;
	}
	describe(status, what, sizeof(what));
	say(what);
	if (WIFSTOPPED(status)) {
		/* Do not leave a stopped job behind. */
		kill(-pid, SIGKILL);
		waitpid(pid, &status, 0);
		return 1;
	}
	return ok && WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : 1;
}
