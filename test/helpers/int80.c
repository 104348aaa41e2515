/* int80 (x86_64 only): make i386 system calls from a 64-bit program with
 * `int $0x80`: write(1, msg, n) is i386 call 4 and getpid() is i386 call
 * 20 -- on x86_64 those numbers are stat and writev -- and i386 call 5000
 * does not exist (ENOSYS).  int $0x80 passes
 * only the low 32 bits of pointers, so the message lives in a MAP_32BIT
 * mapping. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define I386_WRITE 4
#define I386_GETPID 20
#define I386_NONE 5000

static long int80(long nr, long a, long b, long c)
{
	long ret;

	__asm__ volatile ("int $0x80"
			  : "=a"(ret)
			  : "a"(nr), "b"(a), "c"(b), "d"(c)
			  : "memory", "r8", "r9", "r10", "r11");
	return ret;
}

int main(void)
{
	static const char msg[] = "hello from int80\n";
	char *buf = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT, -1, 0);
	long written, pid, none;

	if (buf == MAP_FAILED) {
		perror("mmap MAP_32BIT");
		return 2;
	}
	memcpy(buf, msg, sizeof(msg));
	written = int80(I386_WRITE, 1, (long)buf, (long)(sizeof(msg) - 1));
	pid = int80(I386_GETPID, 0, 0, 0);
	none = int80(I386_NONE, 0, 0, 0);
	printf("int80 write returned %ld\n", written);
	printf("int80 getpid matches getpid(): %s\n", pid == getpid() ? "yes" : "no");
	printf("int80 call 5000 returned %s\n", none == -ENOSYS ? "-ENOSYS" : "something else");
	return written == (long)(sizeof(msg) - 1) && pid == getpid() && none == -ENOSYS ? 0 : 1;
}
