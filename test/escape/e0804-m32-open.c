/* e0804-m32-open - open the secret from a 32-bit (i386) program.
 *
 * Attack: a -m32 program makes every call through the i386 table, where
 * open is 5 and socket calls go through socketcall(2); a supervisor with
 * only a 64-bit view checks the wrong calls.  Needs IA32 emulation: where
 * it is off, the program cannot be executed (ENOEXEC) and the test is
 * skipped.
 * Source: DESIGN.md (i386 programs, "same numbers, different calls").
 * Usage: e0804-m32-open SECRET */
#include <fcntl.h>
#include <stdio.h>

#include "escape.h"

int main(int argc, char **argv)
{
	esc_need_args(argc, 2, "e0804-m32-open SECRET");
	esc_try_read("open SECRET", argv[1]);
	esc_show_fd("openat SECRET", openat(AT_FDCWD, argv[1], O_RDONLY));
	return 0;
}
