/* getpid-loop: the cheapest system calls, back to back.  Each iteration
 * makes two calls that do almost nothing in the kernel (getpid, and close
 * of an invalid descriptor), so the run time is the per-call cost of
 * whatever sits between the program and the kernel.
 * Usage: getpid-loop [ITERATIONS]; prints what it counted. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	long n = argc > 1 ? strtol(argv[1], NULL, 10) : 400000;
	long pid = syscall(SYS_getpid);	/* not the libc wrapper: no caching */
	long same = 0, ebadf = 0;

	for (long i = 0; i < n; i++) {
		if (syscall(SYS_getpid) == pid)
			same++;
		if (close(-1) < 0 && errno == EBADF)
			ebadf++;
	}
	printf("getpid-loop: %ld iterations, %ld same pid, %ld EBADF\n", n, same, ebadf);
	return same == n && ebadf == n ? 0 : 1;
}
