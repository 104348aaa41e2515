/* stop-self SIG: stop this process with SIG (STOP, TSTP, TTIN or TTOU);
 * once continued, print "resumed" and exit 0. */
#include <stdio.h>
#include "signame.h"

int main(int argc, char **argv)
{
	int sig = argc == 2 ? sig_number(argv[1]) : -1;

	if (sig < 0) {
		fprintf(stderr, "usage: stop-self STOP|TSTP|TTIN|TTOU\n");
		return 2;
	}
	signal(sig, SIG_DFL);
	raise(sig);
	printf("resumed\n");
	return 0;
}
