/* exec-map - executable memory, made one way per subcommand (t1006).
 *
 *	exec-map CASE ARG...
 *
 * prints one line: "ok", or the errno name of the call under test
 * ("EACCES"), and exits 0 either way.  Steps that only prepare the case
 * print "setup-failed WHAT errno=NAME" and exit 3; usage errors exit 2.
 * A supervisor that judges executable file mappings as exec refuses
 * PROT_EXEC of files the jail may not run, and nothing else: anonymous
 * memory made executable (a JIT) keeps working.
 *
 *   mmap-exec FILE            mmap its first page PROT_READ|PROT_EXEC
 *   mmap-exec-deleted FILE    the same after unlinking FILE (no path left)
 *   mmap-read FILE            mmap it PROT_READ only
 *   mprotect-exec FILE        mmap PROT_READ, then mprotect PROT_READ|PROT_EXEC
 *   pkey-mprotect-exec FILE   the same with pkey_mprotect (pkey -1)
 *   mprotect-two FILE1 FILE2  both mapped side by side, one mprotect over both
 *   mprotect-hole FILE        FILE, a hole, FILE: one mprotect over the three pages
 *   anon-exec                 private anonymous page: write `ret`, make it
 *                             executable, call it
 *   stack-exec                a page of the stack made executable
 *   shared-anon-exec          MAP_SHARED|MAP_ANONYMOUS made executable
 *   memfd-exec                a memfd mapped PROT_READ|PROT_EXEC
 *   memfd-mprotect            a memfd mapped shared PROT_READ, then made executable
 *   bad-fd-exec               PROT_EXEC of a descriptor that is not open
 *   dlopen LIB SYMBOL         dlopen LIB and call SYMBOL (double(double))
 *                             at 0: ok if it returns 1 (cos, exp)
 *   mmap-many N anon|read FILE|exec FILE
 *                             N mmaps without MAP_FIXED, kept (t1006 counts
 *                             the supervisor's stops) */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#define PAGE 4096UL

static const char *errname(int e)
{
	const char *n = strerrorname_np(e);

	return n ? n : "E?";
}

static __attribute__((noreturn)) void usage(void)
{
	fputs("usage: exec-map CASE ARG... (see exec-map.c)\n", stderr);
	exit(2);
}

static __attribute__((noreturn)) void setup_fail(const char *what)
{
	printf("setup-failed %s errno=%s\n", what, errname(errno));
	exit(3);
}

/* Prints the result of the call under test: 0 or -1 with errno set. */
static int result(long r)
{
	puts(r < 0 ? errname(errno) : "ok");
	return 0;
}

static int open_ro(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		setup_fail("open");
	return fd;
}

static long map_result(void *p)
{
	return p == MAP_FAILED ? -1 : 0;
}

/* A reserved range of n pages, where the cases map with MAP_FIXED. */
static char *reserve(size_t n)
{
	void *p = mmap(NULL, n * PAGE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		setup_fail("reserve");
	return p;
}

static void map_fixed(char *at, const char *path)
{
	int fd = open_ro(path);

	if (mmap(at, PAGE, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd, 0) == MAP_FAILED)
		setup_fail("mmap");
	close(fd);
}

static int mmap_exec(char **av)
{
	int fd = open_ro(av[0]);

	return result(map_result(mmap(NULL, PAGE, PROT_READ | PROT_EXEC, MAP_PRIVATE, fd, 0)));
}

static int mmap_exec_deleted(char **av)
{
	int fd = open_ro(av[0]);

	if (unlink(av[0]) < 0)
		setup_fail("unlink");
	return result(map_result(mmap(NULL, PAGE, PROT_READ | PROT_EXEC, MAP_PRIVATE, fd, 0)));
}

static int mmap_read(char **av)
{
	int fd = open_ro(av[0]);

	return result(map_result(mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, fd, 0)));
}

static int mprotect_exec(char **av)
{
	char *p = reserve(1);

	map_fixed(p, av[0]);
	return result(mprotect(p, PAGE, PROT_READ | PROT_EXEC));
}

static int pkey_mprotect_exec(char **av)
{
	char *p = reserve(1);

	map_fixed(p, av[0]);
	return result(syscall(SYS_pkey_mprotect, p, PAGE, PROT_READ | PROT_EXEC, -1));
}

static int mprotect_two(char **av)
{
	char *p = reserve(2);

	map_fixed(p, av[0]);
	map_fixed(p + PAGE, av[1]);
	return result(mprotect(p, 2 * PAGE, PROT_READ | PROT_EXEC));
}

static int mprotect_hole(char **av)
{
	char *p = reserve(3);

	map_fixed(p, av[0]);
	map_fixed(p + 2 * PAGE, av[0]);
	if (munmap(p + PAGE, PAGE) < 0)
		setup_fail("munmap");
	return result(mprotect(p, 3 * PAGE, PROT_READ | PROT_EXEC));
}

/* A function that only returns, as machine code. */
#if defined(__x86_64__) || defined(__i386__)
static const unsigned char ret_insn[] = { 0xc3 };
#elif defined(__aarch64__)
static const unsigned char ret_insn[] = { 0xc0, 0x03, 0x5f, 0xd6 };
#else
static const unsigned char ret_insn[] = { 0 };	/* not called */
#define NO_RET_INSN 1
#endif

/* Calls the `ret` at page: code there really runs. */
static void call_ret(unsigned char *page)
{
#ifndef NO_RET_INSN
	void (*fn)(void) = (void (*)(void))(uintptr_t)page;

	__builtin___clear_cache((char *)page, (char *)page + sizeof ret_insn);
	fn();
#else
	(void)page;
#endif
}

/* Writes `ret` at page, makes it executable and calls it. */
static int run_ret(unsigned char *page)
{
	memcpy(page, ret_insn, sizeof ret_insn);
	if (mprotect(page, PAGE, PROT_READ | PROT_EXEC) < 0)
		return result(-1);
	call_ret(page);
	return result(0);
}

static int anon_exec(char **av)
{
	(void)av;
	void *p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		setup_fail("mmap");
	return run_ret(p);
}

static int stack_exec(char **av)
{
	(void)av;
	/* A page wholly inside this frame's buffer: the rest of the stack
	 * keeps its protection. */
	unsigned char buf[3 * PAGE];
	unsigned char *page = (unsigned char *)(((uintptr_t)buf + PAGE - 1) & ~(PAGE - 1));

	memcpy(page, ret_insn, sizeof ret_insn);
	if (mprotect(page, PAGE, PROT_READ | PROT_WRITE | PROT_EXEC) < 0)
		return result(-1);
	call_ret(page);
	/* Back to what the stack was, before the frame is left. */
	if (mprotect(page, PAGE, PROT_READ | PROT_WRITE) < 0)
		setup_fail("mprotect back");
	return result(0);
}

static int shared_anon_exec(char **av)
{
	(void)av;
	void *p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		setup_fail("mmap");
	return result(mprotect(p, PAGE, PROT_READ | PROT_EXEC));
}

static int memfd_page(void)
{
	static unsigned char page[PAGE];
	int fd = memfd_create("exec-map", MFD_CLOEXEC);

	if (fd < 0)
		setup_fail("memfd_create");
	if (write(fd, page, sizeof page) != (ssize_t)sizeof page)
		setup_fail("write");
	return fd;
}

static int memfd_exec(char **av)
{
	(void)av;
	int fd = memfd_page();

	return result(map_result(mmap(NULL, PAGE, PROT_READ | PROT_EXEC, MAP_PRIVATE, fd, 0)));
}

static int memfd_mprotect(char **av)
{
	(void)av;
	int fd = memfd_page();
	void *p = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd, 0);

	if (p == MAP_FAILED)
		setup_fail("mmap");
	return result(mprotect(p, PAGE, PROT_READ | PROT_EXEC));
}

static int bad_fd_exec(char **av)
{
	(void)av;
	int fd = open_ro("/dev/null");	/* a number surely not open once closed */

	close(fd);
	return result(map_result(mmap(NULL, PAGE, PROT_READ | PROT_EXEC, MAP_PRIVATE, fd, 0)));
}

static int dl_open(char **av)
{
	void *h = dlopen(av[0], RTLD_NOW | RTLD_LOCAL);

	if (!h) {
		fprintf(stderr, "exec-map: %s\n", dlerror());
		puts("dlopen-failed");
		return 0;
	}
	void *sym = dlsym(h, av[1]);
	double (*fn)(double);

	if (!sym) {
		fprintf(stderr, "exec-map: %s\n", dlerror());
		puts("dlsym-failed");
		return 0;
	}
	memcpy(&fn, &sym, sizeof fn);
	puts(fn(0.0) == 1.0 ? "ok" : "wrong-result");
	return 0;
}

static int mmap_many(int ac, char **av)
{
	long n = ac >= 2 ? strtol(av[0], NULL, 10) : 0;
	int prot = PROT_READ, flags = MAP_PRIVATE, fd = -1;

	if (n <= 0)
		usage();
	if (strcmp(av[1], "anon") == 0 && ac == 2) {
		prot |= PROT_WRITE;
		flags |= MAP_ANONYMOUS;
	} else if (ac == 3 && (strcmp(av[1], "read") == 0 || strcmp(av[1], "exec") == 0)) {
		fd = open_ro(av[2]);
		if (av[1][0] == 'e')
			prot |= PROT_EXEC;
	} else {
		usage();
	}
	for (long i = 0; i < n; i++)
		if (mmap(NULL, PAGE, prot, flags, fd, 0) == MAP_FAILED)
			return result(-1);
	return result(0);
}

static const struct {
	const char *name;
	int args;
	int (*run)(char **av);
} cases[] = {
	{ "mmap-exec", 1, mmap_exec },
	{ "mmap-exec-deleted", 1, mmap_exec_deleted },
	{ "mmap-read", 1, mmap_read },
	{ "mprotect-exec", 1, mprotect_exec },
	{ "pkey-mprotect-exec", 1, pkey_mprotect_exec },
	{ "mprotect-two", 2, mprotect_two },
	{ "mprotect-hole", 1, mprotect_hole },
	{ "anon-exec", 0, anon_exec },
	{ "stack-exec", 0, stack_exec },
	{ "shared-anon-exec", 0, shared_anon_exec },
	{ "memfd-exec", 0, memfd_exec },
	{ "memfd-mprotect", 0, memfd_mprotect },
	{ "bad-fd-exec", 0, bad_fd_exec },
	{ "dlopen", 2, dl_open },
};

int main(int argc, char **argv)
{
	if (argc < 2)
		usage();
	if (strcmp(argv[1], "mmap-many") == 0)
		return mmap_many(argc - 2, argv + 2);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		if (strcmp(cases[i].name, argv[1]) == 0) {
			if (argc - 2 != cases[i].args)
				usage();
			return cases[i].run(argv + 2);
		}
	usage();
}
