/* e0802-x32-open - open the secret through the x32 ABI.
 *
 * Attack: on x86_64, numbers with bit 30 set (__X32_SYSCALL_BIT) are the
 * x32 ABI: same entry, another table; a supervisor with no x32 table must
 * refuse them, not look them up in the x86_64 one minus the bit, nor let
 * them through.  Natively this needs a kernel with x32 turned on (Debian's:
 * syscall.x32=y); without one the test runs in a VM (test/vm).
 * Source: janus team (DESIGN.md "invalid or out-of-range numbers"; the
 * x32 bit).
 * Usage: e0802-x32-open SECRET */
#include <fcntl.h>
#include <stdio.h>
#include <sys/syscall.h>

#include "escape.h"

#define X32_BIT 0x40000000UL

int main(int argc, char **argv)
{
	esc_need_args(argc, 2, "e0802-x32-open SECRET");
#if defined(__x86_64__)
	long r;
	__asm__ volatile ("syscall" : "=a"(r) : "a"(X32_BIT | SYS_open), "D"(argv[1]), "S"(O_RDONLY), "d"(0)
			  : "rcx", "r11", "memory");
	/* ENOSYS: refused (janus), or no x32 in this kernel: the driver runs
	 * this test only where the kernel has x32 (abi=x32 in the .esc). */
	esc_show_fd("x32 open SECRET", r);
	return 0;
#else
	(void)argv;
	fprintf(stderr, "SKIP: x32 exists only on x86_64\n");
	return ESC_SKIP;
#endif
}
