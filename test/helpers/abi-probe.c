/* abi-probe: print the word size this program runs as.  Built as
 * abi-probe-m32, it tells the tests whether the kernel can run i386
 * programs at all (an exec format error otherwise).  `abi-probe x32`
 * prints whether the kernel runs x32 calls (getpid with the x32 bit). */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "x32") == 0) {
#if defined(__x86_64__) && !defined(__ILP32__)
		long r = syscall(0x40000000L | SYS_getpid);
		puts(r == getpid() ? "x32 works" : "x32 off");
#else
		puts("x32 off");
#endif
		return 0;
	}
	printf("running as %zu-bit\n", sizeof(void *) * 8);
	return 0;
}
