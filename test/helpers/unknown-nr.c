/* unknown-nr: call system call numbers that name no call: -1, 5000 and
 * 0x40000000|39 (getpid with the x32 bit, which is also unknown when x32
 * is disabled).  Print what each returned; built 64-bit and, as
 * unknown-nr-m32, for i386. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void report(const char *what, long ret, int err)
{
	if (ret >= 0)
		printf("%s: returned %s\n", what, ret == getpid() ? "own pid" : "a value");
	else if (err == ENOSYS)
		printf("%s: ENOSYS\n", what);
	else
		printf("%s: errno %d (%s)\n", what, err, strerror(err));
}

static void try(const char *what, long nr)
{
	long ret;

	errno = 0;
	ret = syscall(nr);
	report(what, ret, errno);
}

int main(void)
{
	try("syscall(-1)", -1L);
	try("syscall(5000)", 5000L);
	try("syscall(0x40000000|39)", 0x40000000L | 39);
	return 0;
}
