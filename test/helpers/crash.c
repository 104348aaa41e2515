/* crash MODE [DIR]: die of a signal, as a buggy program would.
 *   segv  dereference NULL (SIGSEGV, core-dumping signal)
 *   term  kill(getpid(), SIGTERM)
 * With DIR, chdir there first, so that the program's own core file lands
 * in DIR and any core file in the caller's directory must come from its
 * parent (janus). */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	static const char msg[] = "about to crash\n";
	volatile int *volatile p = NULL;

	if (argc < 2) {
		fprintf(stderr, "usage: crash segv|term [DIR]\n");
		return 2;
	}
	if (argc > 2 && chdir(argv[2]) != 0) {
		perror(argv[2]);
		return 2;
	}
	if (write(1, msg, sizeof(msg) - 1) < 0)
		return 2;
	if (strcmp(argv[1], "segv") == 0)
		*p = 1;
	else if (strcmp(argv[1], "term") == 0)
		kill(getpid(), SIGTERM);
	fprintf(stderr, "crash: still alive after '%s'\n", argv[1]);
	return 3;
}
