/* e0901-fork-storm - swamp the supervisor with processes.
 *
 * Attack: every process forks as fast as it can until N processes were
 * made in all (a shared counter bounds the storm); children fork in turn.
 * One process in four leaves without waiting for its children, which are
 * then orphans, and the leaves linger 200 ms, so that some still run
 * when the first process exits.  A supervisor that loses track of one,
 * wedges, or exits leaving them running, fails.
 * Source: DESIGN.md ("denial of service on the supervisor: fork storms").
 * Usage: e0901-fork-storm N */
#include <stdio.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "escape.h"

struct shared {
	long made, failed;
};

int main(int argc, char **argv)
{
	esc_need_args(argc, 2, "e0901-fork-storm N");
	long n = esc_number(argv[1]);
	struct shared *sh = mmap(NULL, sizeof *sh, PROT_READ | PROT_WRITE,
				 MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (sh == MAP_FAILED)
		esc_die("mmap");
	pid_t root = getpid();
	long kids = 0, seq = 0;
	fflush(NULL);
	for (;;) {
		seq = __atomic_fetch_add(&sh->made, 1, __ATOMIC_SEQ_CST);
		if (seq >= n)
			break;
		pid_t pid = fork();
		if (pid == 0) {
			kids = 0;	/* a new parent, with none yet */
			continue;
		}
		if (pid < 0) {
			__atomic_fetch_add(&sh->failed, 1, __ATOMIC_SEQ_CST);
			break;
		}
		kids++;
	}
	if (getpid() != root) {
		if (kids == 0)
			usleep(200 * 1000);
		else if (getpid() % 4 != 0)
			while (kids-- > 0)
				wait(NULL);
		_exit(0);
	}
	while (kids-- > 0)
		wait(NULL);
	long made = sh->made < n ? sh->made : n;
	printf("forked %ld of %ld, %ld forks failed\n", made - sh->failed, n, sh->failed);
	return 0;
}
