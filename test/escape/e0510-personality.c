/* e0510-personality - change the process's personality, then open the
 * secret.
 *
 * Attack: personality(2) flags (PER_LINUX32, ADDR_LIMIT_32BIT, ...) were
 * once a way to switch the system-call table some kernels used; a
 * supervisor that derives the ABI of a call from the personality or from
 * the binary, not from the stop itself, misdecodes calls after it.  Sets
 * PER_LINUX32 | ADDR_LIMIT_32BIT, re-executes itself (the personality is
 * inherited), and opens the secret.
 * Source: janus team (DESIGN.md: "The ABI of each stop comes from the
 * stop itself, never from the binary"; "bypassing the tracer:
 * personality").
 * Usage: e0510-personality SECRET */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/personality.h>
#include <unistd.h>

#include "escape.h"

int main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[2], "--after") == 0) {
		printf("personality after exec: 0x%x\n", (unsigned)personality(0xffffffff));
		esc_try_read("open SECRET", argv[1]);
		esc_show_fd("openat SECRET", openat(AT_FDCWD, argv[1], O_RDONLY | O_CLOEXEC));
		return 0;
	}
	esc_need_args(argc, 2, "e0510-personality SECRET");
	esc_show_result("personality(PER_LINUX32|ADDR_LIMIT_32BIT)",
			personality(PER_LINUX32 | ADDR_LIMIT_32BIT));
	esc_try_read("open SECRET before exec", argv[1]);
	char *again[] = { argv[0], argv[1], (char *)"--after", NULL };
	execv(argv[0], again);
	esc_show_result("re-exec", -1);
	return 0;
}
