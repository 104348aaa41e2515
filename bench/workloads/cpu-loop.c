/* cpu-loop: computation with almost no system calls, the case a
 * supervisor should not slow down at all (expect about 1.0x).  Runs a
 * xorshift generator and folds its output into a checksum.
 * Usage: cpu-loop [MILLIONS]; prints the checksum. */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	long millions = argc > 1 ? strtol(argv[1], NULL, 10) : 300;
	uint64_t x = 88172645463325252ULL, sum = 0;

	for (long i = 0; i < millions * 1000000L; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		sum += x >> 32;
	}
	printf("cpu-loop: %ld million steps, checksum %016" PRIx64 "\n", millions, sum);
	return 0;
}
