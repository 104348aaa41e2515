/* sig-driver SIG CMD [ARGS...]: start CMD (with every signal at its
 * default action and unblocked) with its stdout on a pipe, wait for its
 * "ready" line, send it SIG with kill(2), copy the rest of its output and
 * report how it ended.  Run CMD natively and as `janus -- CMD`: janus must
 * forward SIG to the command and end the same way. */
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "signame.h"

int main(int argc, char **argv)
{
	int sig = argc > 2 ? sig_number(argv[1]) : -1;
	int out[2], status;
	char line[256];
	FILE *from;
	pid_t pid;

	if (sig < 0) {
		fprintf(stderr, "usage: sig-driver SIG CMD [ARGS...]\n");
		return 2;
	}
	if (pipe(out) != 0) {
		perror("pipe");
		return 2;
	}
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		sigset_t none;

		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
		for (int s = 1; s < 32; s++)
			if (s != SIGKILL && s != SIGSTOP)
				signal(s, SIG_DFL);
		dup2(out[1], 1);
		close(out[0]);
		close(out[1]);
		execvp(argv[2], argv + 2);
		perror(argv[2]);
		_exit(127);
	}
	close(out[1]);
	from = fdopen(out[0], "r");
	if (!from || !fgets(line, sizeof(line), from) || strcmp(line, "ready\n") != 0) {
		fprintf(stderr, "sig-driver: no ready line from %s\n", argv[2]);
		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
		return 2;
	}
	if (kill(pid, sig) != 0)
		perror("kill");
	while (fgets(line, sizeof(line), from))
		fputs(line, stdout);
	if (waitpid(pid, &status, 0) != pid) {
		perror("waitpid");
		return 2;
	}
	if (WIFEXITED(status))
		printf("exited %d\n", WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		printf("killed by %s\n", sig_name(WTERMSIG(status)));
	else
		printf("status 0x%x\n", (unsigned)status);
	return 0;
}
