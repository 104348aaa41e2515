/* orphan MARKER: fork a child that forks a grandchild and exits at once.
 * The grandchild, once reparented, waits a little, makes some calls and
 * writes MARKER; the top process exits without waiting for it.  A
 * supervisor must keep tracing the orphan and must not exit before it. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int grandchild(pid_t parent, const char *marker)
{
	static const char msg[] = "grandchild alive after its parent exited\n";
	struct timespec tick = { 0, 10 * 1000 * 1000 };
	struct timespec linger = { 0, 300 * 1000 * 1000 };
	int fd;

	while (getppid() == parent)
		nanosleep(&tick, NULL);
	/* Lingering makes "janus exited before the orphan" observable. */
	nanosleep(&linger, NULL);
	fd = open(marker, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0)
		return 1;
	if (write(fd, msg, sizeof(msg) - 1) != (ssize_t)(sizeof(msg) - 1))
		return 1;
	return close(fd) == 0 ? 0 : 1;
}

int main(int argc, char **argv)
{
	pid_t child;
	int status;

	if (argc != 2) {
		fprintf(stderr, "usage: orphan MARKER\n");
		return 2;
	}
	child = fork();
	if (child < 0) {
		perror("fork");
		return 1;
	}
	if (child == 0) {
		pid_t me = getpid();
		pid_t gc = fork();

		if (gc == 0)
			_exit(grandchild(me, argv[1]));
		_exit(gc > 0 ? 0 : 1);
	}
	if (waitpid(child, &status, 0) != child || status != 0) {
		fprintf(stderr, "orphan: child failed\n");
		return 1;
	}
	printf("child exited, grandchild left behind\n");
	return 0;
}
