/* check_mapped.c - mapped_file names the one file a range maps, as
 * /proc/PID/maps shows it, and the kernel's own name for a mapping whose
 * file has no path; anonymous memory is "", holes and unaligned starts
 * are mprotect's errors, two files are -EMLINK.  Run on the test's own
 * mappings. */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "mapped.h"
#include "unit_run.h"

static char dir[64];
static long pg;

/* A file of two pages at dir/name; its descriptor. */
static int make_file(const char *name, char *path)
{
	snprintf(path, PATH_MAX, "%s/%s", dir, name);
	int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(ftruncate(fd, 2 * pg), 0);
	return fd;
}

/* Three pages reserved, so that mappings can be placed side by side. */
static char *reserve(void)
{
	char *p = mmap(NULL, 3 * pg, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ck_assert_ptr_ne(p, MAP_FAILED);
	return p;
}

static void *map_at(void *at, int fd)
{
	void *p = mmap(at, pg, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd, 0);
	ck_assert_ptr_eq(p, at);
	return p;
}

static void setup(void)
{
	pg = sysconf(_SC_PAGESIZE);
	snprintf(dir, sizeof dir, "/tmp/check_mapped.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
}

/* The same tests through each source of the mappings: the ioctl (on
 * kernels that have it; others fall back to the text) and the text. */
static void setup_text(void)
{
	setup();
	mapped_text_only = true;
}

static void teardown(void)
{
	char cmd[PATH_MAX + 16];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "cannot remove %s\n", dir);
}

START_TEST(test_parse)
{
	char a[] = "7f00aa000000-7f00aa002000 r-xp 00001000 08:01 123456     /usr/lib/x.so";
	char b[] = "7ffd1000-7ffd3000 rw-p 00000000 00:00 0                  [stack]";
	char c[] = "55550000-55551000 r--s 00000000 00:01 99 /memfd:jit (deleted)";
	char d[] = "55550000-55551000 r--p 00000000 00:00 0";
	char e[] = "not a line";
	struct mapped_line m;
	ck_assert_int_eq(mapped_parse(a, &m), 0);
	ck_assert(m.start == 0x7f00aa000000 && m.end == 0x7f00aa002000);
	ck_assert(m.dev_major == 8 && m.dev_minor == 1 && m.ino == 123456);
	ck_assert_str_eq(m.path, "/usr/lib/x.so");
	ck_assert_int_eq(mapped_parse(b, &m), 0);
	ck_assert(m.ino == 0);
	ck_assert_str_eq(m.path, "[stack]");
	ck_assert_int_eq(mapped_parse(c, &m), 0);
	ck_assert_str_eq(m.path, "/memfd:jit (deleted)");
	ck_assert_int_eq(mapped_parse(d, &m), 0);
	ck_assert_str_eq(m.path, "");
	ck_assert_int_eq(mapped_parse(e, &m), -EINVAL);
}
END_TEST

START_TEST(test_file_and_anonymous)
{
	char path[PATH_MAX], out[PATH_MAX];
	int fd = make_file("lib", path);
	char *r = reserve();
	map_at(r + pg, fd);
	ck_assert_int_eq(mapped_file(getpid(), (uintptr_t)(r + pg), (uint64_t)pg, out, sizeof out), 0);
	ck_assert_str_eq(out, path);
	/* The file beside anonymous memory: still that file. */
	ck_assert_int_eq(mapped_file(getpid(), (uintptr_t)r, 3 * (uint64_t)pg, out, sizeof out), 0);
	ck_assert_str_eq(out, path);
	/* A length that is not a page multiple covers the page it ends in. */
	ck_assert_int_eq(mapped_file(getpid(), (uintptr_t)r, (uint64_t)pg + 1, out, sizeof out), 0);
	ck_assert_str_eq(out, path);
	/* Anonymous memory only. */
	ck_assert_int_eq(mapped_file(getpid(), (uintptr_t)r, (uint64_t)pg, out, sizeof out), 0);
	ck_assert_str_eq(out, "");
	/* Nothing to do: length 0. */
	ck_assert_int_eq(mapped_file(getpid(), (uintptr_t)r, 0, out, sizeof out), 0);
	ck_assert_str_eq(out, "");
	munmap(r, 3 * (size_t)pg);
	close(fd);
}
END_TEST

START_TEST(test_errors)
{
	char p1[PATH_MAX], p2[PATH_MAX], out[PATH_MAX];
	int f1 = make_file("one", p1), f2 = make_file("two", p2);
	char *r = reserve();
	map_at(r, f1);
	map_at(r + pg, f2);
	ck_assert_int_eq(mapped_file(getpid(), (uintptr_t)r, 2 * (uint64_t)pg, out, sizeof out),
			 -EMLINK);
	/* The same file twice is one file. */
	map_at(r + pg, f1);
	ck_assert_int_eq(mapped_file(getpid(), (uintptr_t)r, 2 * (uint64_t)pg, out, sizeof out), 0);
	ck_assert_str_eq(out, p1);
	/* A hole: ENOMEM, as mprotect says. */
	munmap(r + pg, (size_t)pg);
	ck_assert_int_eq(mapped_file(getpid(), (uintptr_t)r, 3 * (uint64_t)pg, out, sizeof out),
			 -ENOMEM);
	ck_assert_int_eq(mprotect(r, 3 * (size_t)pg, PROT_READ), -1);
	ck_assert_int_eq(errno, ENOMEM);
	/* Unaligned start: EINVAL. */
	ck_assert_int_eq(mapped_file(getpid(), (uintptr_t)r + 1, 1, out, sizeof out), -EINVAL);
	/* A range that wraps. */
	ck_assert_int_eq(mapped_file(getpid(), (uintptr_t)r, UINT64_MAX - 10, out, sizeof out),
			 -ENOMEM);
	munmap(r, 3 * (size_t)pg);
	close(f1);
	close(f2);
}
END_TEST

/* Files without a path: the mapping's own name under /proc. */
START_TEST(test_no_path)
{
	char path[PATH_MAX], out[PATH_MAX], want[128];
	int fd = make_file("gone", path);
	char *p = mmap(NULL, (size_t)pg, PROT_READ, MAP_PRIVATE, fd, 0);
	ck_assert_ptr_ne(p, MAP_FAILED);
	ck_assert_int_eq(unlink(path), 0);
	ck_assert_int_eq(mapped_file(getpid(), (uintptr_t)p, (uint64_t)pg, out, sizeof out), 0);
	snprintf(want, sizeof want, "/proc/%d/map_files/%lx-%lx", (int)getpid(), (unsigned long)p,
		 (unsigned long)p + (unsigned long)pg);
	ck_assert_str_eq(out, want);
	munmap(p, (size_t)pg);
	close(fd);

	int mfd = memfd_create("jit", 0);
	ck_assert_int_ge(mfd, 0);
	ck_assert_int_eq(ftruncate(mfd, pg), 0);
	p = mmap(NULL, (size_t)pg, PROT_READ, MAP_SHARED, mfd, 0);
	ck_assert_ptr_ne(p, MAP_FAILED);
	ck_assert_int_eq(mapped_file(getpid(), (uintptr_t)p, (uint64_t)pg, out, sizeof out), 0);
	ck_assert(strncmp(out, "/proc/", 6) == 0 && strstr(out, "/map_files/"));
	munmap(p, (size_t)pg);
	close(mfd);

	p = mmap(NULL, (size_t)pg, PROT_READ, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	ck_assert_ptr_ne(p, MAP_FAILED);
	ck_assert_int_eq(mapped_file(getpid(), (uintptr_t)p, (uint64_t)pg, out, sizeof out), 0);
	ck_assert(strstr(out, "/map_files/"));
	munmap(p, (size_t)pg);

	/* A name that looks like a deleted file's. */
	fd = make_file("x (deleted)", path);
	p = mmap(NULL, (size_t)pg, PROT_READ, MAP_PRIVATE, fd, 0);
	ck_assert_ptr_ne(p, MAP_FAILED);
	ck_assert_int_eq(mapped_file(getpid(), (uintptr_t)p, (uint64_t)pg, out, sizeof out), 0);
	ck_assert(strstr(out, "/map_files/"));
	munmap(p, (size_t)pg);
	close(fd);

	/* A name the kernel escapes ("\012" for a newline). */
	fd = make_file("new\nline", path);
	p = mmap(NULL, (size_t)pg, PROT_READ, MAP_PRIVATE, fd, 0);
	ck_assert_ptr_ne(p, MAP_FAILED);
	ck_assert_int_eq(mapped_file(getpid(), (uintptr_t)p, (uint64_t)pg, out, sizeof out), 0);
	ck_assert(strstr(out, "/map_files/"));
	munmap(p, (size_t)pg);
	close(fd);
}
END_TEST

/* Lines mutated at random (fixed seed): parsed or refused, never read
 * beyond the line; a parsed one has start <= end and a path inside it. */
START_TEST(test_parse_mutated)
{
	static const char *const seeds[] = {
		"7f00aa000000-7f00aa002000 r-xp 00001000 08:01 123456     /usr/lib/x.so",
		"7ffd1000-7ffd3000 rw-p 00000000 00:00 0                  [stack]",
		"55550000-55551000 r--s 00000000 00:01 99 /memfd:jit (deleted)",
	};
	uint64_t x = 88172645463325252ull;
	for (int i = 0; i < 20000; i++) {
		char line[128];
		snprintf(line, sizeof line, "%s", seeds[i % 3]);
		size_t n = strlen(line);
		for (int k = 0; k < 1 + i % 4; k++) {
			x ^= x << 13, x ^= x >> 7, x ^= x << 17;
			size_t at = (size_t)(x % (n + 1));
			char c = (char)(x >> 32);
			if ((x >> 40) % 3 == 0 && at < n)
				line[at] = '\0', n = at;		/* cut */
			else if (at < n)
				line[at] = c ? c : 'x';		/* change */
		}
		struct mapped_line m;
		if (mapped_parse(line, &m) == 0) {
			ck_assert(m.start <= m.end);
			ck_assert(m.path >= line && m.path <= line + strlen(line));
		}
	}
}
END_TEST

/* The tests of real mappings, through one source (fixture). */
static TCase *mappings_tcase(const char *name, void (*fixture)(void))
{
	TCase *tc = tcase_create(name);
	tcase_add_checked_fixture(tc, fixture, teardown);
	tcase_add_test(tc, test_file_and_anonymous);
	tcase_add_test(tc, test_errors);
	tcase_add_test(tc, test_no_path);
	return tc;
}

int main(void)
{
	Suite *s = suite_create("mapped");
	TCase *tc = tcase_create("parse");
	tcase_add_test(tc, test_parse);
	tcase_add_test(tc, test_parse_mutated);
	suite_add_tcase(s, tc);
	suite_add_tcase(s, mappings_tcase("query", setup));
	suite_add_tcase(s, mappings_tcase("text", setup_text));
	return check_run(s);
}
