/* abi-probe: print the word size this program runs as.  Built as
 * abi-probe-m32, it tells the tests whether the kernel can run i386
 * programs at all (an exec format error otherwise). */
#include <stdio.h>

int main(void)
{
	printf("running as %zu-bit\n", sizeof(void *) * 8);
	return 0;
}
