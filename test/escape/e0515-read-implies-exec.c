/* e0515-read-implies-exec - run code of a file the jail may not execute
 * by making readable mappings executable.
 *
 * Attack: a supervisor that judges executable mappings by PROT_EXEC
 * (mmap, mprotect) does not see a mapping made with PROT_READ only; with
 * the READ_IMPLIES_EXEC personality the kernel makes every readable
 * mapping executable all the same.  The program asks for that
 * personality, maps JAIL-FILE (a file of its own directory, which the
 * default policy lets it read but not execute) with PROT_READ, and calls
 * it; the file's code prints a token only that file holds.  A fault (the
 * mapping not executable) is caught and said.
 * Source: janus team review of the exec check of mappings (session 4);
 * personality(2), READ_IMPLIES_EXEC.
 * Usage: e0515-read-implies-exec JAIL-FILE
 * (the payload is written by e0514-mprotect-remap-race's payload mode,
 * built for the same ABI.) */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/personality.h>
#include <unistd.h>

#include "escape.h"

static sigjmp_buf back;

static void on_fault(int sig)
{
	(void)sig;
	siglongjmp(back, 1);
}

int main(int argc, char **argv)
{
	esc_need_args(argc, 2, "e0515-read-implies-exec JAIL-FILE");
#if !defined(__x86_64__) && !defined(__i386__)
	fprintf(stderr, "SKIP: the payload is x86_64 or i386 code\n");
	return ESC_SKIP;
#endif
	int fd = open(argv[1], O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		esc_die(argv[1]);
	int was = personality(0xffffffff);
	int r = personality((unsigned long)was | READ_IMPLIES_EXEC);
	printf("personality READ_IMPLIES_EXEC: %s\n", r < 0 ? esc_errno_name(errno) : "ok");
	void *p = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, fd, 0);
	if (p == MAP_FAILED)
		esc_die("mmap");
	struct sigaction sa = { .sa_handler = on_fault };
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGSEGV, &sa, NULL) < 0)
		esc_die("sigaction");
	fflush(stdout);
	if (sigsetjmp(back, 1) == 0) {
		((void (*)(void))p)();
		printf("the file's code ran\n");
	} else {
		printf("calling the file's code faulted: not executable\n");
	}
	return 0;
}
