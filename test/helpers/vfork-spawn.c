/* vfork-spawn: children made by vfork() and posix_spawn() (which glibc
 * implements with clone(CLONE_VM|CLONE_VFORK)) run, print and exit; the
 * parent reports every exit status it collects. */
#include <spawn.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static void report(const char *what, pid_t pid)
{
	int status;

	if (pid < 0 || waitpid(pid, &status, 0) != pid) {
		printf("%s: no child\n", what);
		return;
	}
	if (WIFEXITED(status))
		printf("%s: exit %d\n", what, WEXITSTATUS(status));
	else
		printf("%s: status 0x%x\n", what, (unsigned)status);
}

int main(void)
{
	char *echo_argv[] = { "echo", "spawned echo", NULL };
	char *sh_argv[] = { "sh", "-c", "echo spawned sh; exit 9", NULL };
	pid_t pid;

	setvbuf(stdout, NULL, _IONBF, 0);

	pid = vfork();
	if (pid == 0) {
		execl("/bin/sh", "sh", "-c", "echo vfork exec; exit 5", (char *)NULL);
		_exit(127);
	}
	report("vfork+exec sh", pid);

	pid = vfork();
	if (pid == 0)
		_exit(3);
	report("vfork+_exit", pid);

	if (posix_spawn(&pid, "/bin/echo", NULL, NULL, echo_argv, environ) != 0)
		pid = -1;
	report("posix_spawn echo", pid);

	if (posix_spawnp(&pid, "sh", NULL, NULL, sh_argv, environ) != 0)
		pid = -1;
	report("posix_spawnp sh", pid);
	return 0;
}
