/* e1001-setuid-exec - gain privileges by executing a setuid program.
 *
 * Attack: run as an unprivileged user, the program executes a
 * setuid-root program (a copy of esc-tool the driver made) that creates
 * OUTFILE: the file's owner, checked from outside, is the effective user
 * the kernel gave it.  A supervisor that runs the jail without
 * no_new_privs (while tracing it with privileges of its own, as janus -u
 * does) lets the jail become root.
 * Source: the review in jail-syscall-review.txt ("I'd look very carefully
 * at whether root can bypass any of the access controls you're relying
 * on"); janus team (DESIGN.md: NO_NEW_PRIVS).
 * Usage: e1001-setuid-exec SETUID-PROGRAM OUTFILE */
#include <stdio.h>
#include <unistd.h>

#include "escape.h"

int main(int argc, char **argv)
{
	esc_need_args(argc, 3, "e1001-setuid-exec SETUID-PROGRAM OUTFILE");
	printf("before exec: uid %d euid %d\n", (int)getuid(), (int)geteuid());
	fflush(stdout);
	char *av[] = { argv[1], (char *)"mkfile", argv[2], NULL };
	execv(argv[1], av);
	esc_show_result("execv of the setuid program", -1);
	return 0;
}
