/* check_scratch.c - the registry of scratch regions refuses exactly the
 * ranges that touch a live region, and forgets a region only when its
 * last holder (fork copies share an address) lets go. */
#include "config.h"

#include <check.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "scratch.h"
#include "unit_run.h"

#define BASE UINT64_C(0x7f0000100000)

START_TEST(test_touches_edges)
{
	struct scratch_set s = { 0 };
	scratch_hold(&s, BASE);
	ck_assert(scratch_touches(&s, BASE, SCRATCH_SIZE));
	ck_assert(scratch_touches(&s, BASE + SCRATCH_SIZE - 1, 1));	/* last byte */
	ck_assert(scratch_touches(&s, BASE - 4096, 4097));		/* ends in it */
	ck_assert(scratch_touches(&s, BASE - 4096, UINT64_C(1) << 40));	/* covers it */
	ck_assert(scratch_touches(&s, BASE + 4096, 0));			/* len 0: one byte */
	ck_assert(!scratch_touches(&s, BASE - 4096, 4096));		/* ends just before */
	ck_assert(!scratch_touches(&s, BASE + SCRATCH_SIZE, 4096));	/* starts just after */
	/* A range that wraps around the address space covers everything above. */
	ck_assert(scratch_touches(&s, BASE - 1, UINT64_MAX));
	scratch_set_free(&s);
}
END_TEST

START_TEST(test_holders)
{
	struct scratch_set s = { 0 };
	scratch_hold(&s, BASE);
	scratch_hold(&s, BASE);		/* a fork child's copy */
	scratch_release(&s, BASE);
	ck_assert(scratch_touches(&s, BASE, 1));
	scratch_release(&s, BASE);
	ck_assert(!scratch_touches(&s, BASE, 1));
	scratch_set_free(&s);
}
END_TEST

START_TEST(test_many_regions)
{
	struct scratch_set s = { 0 };
	for (uint64_t i = 0; i < 1000; i++)
		scratch_hold(&s, BASE + i * 2 * SCRATCH_SIZE);
	ck_assert(scratch_touches(&s, BASE + 999 * 2 * SCRATCH_SIZE + 5, 1));
	ck_assert(!scratch_touches(&s, BASE + 999 * 2 * SCRATCH_SIZE + SCRATCH_SIZE, 1));
	for (uint64_t i = 0; i < 1000; i += 2)
		scratch_release(&s, BASE + i * 2 * SCRATCH_SIZE);
	ck_assert(!scratch_touches(&s, BASE, 1));
	ck_assert(scratch_touches(&s, BASE + 2 * SCRATCH_SIZE, 1));
	scratch_set_free(&s);
}
END_TEST

/* scratch_write_tr writes the task's memory through one descriptor kept
 * open across writes, lets go of it on a failed write and on
 * scratch_mem_close, and fails (closed) once the task is gone. */
START_TEST(test_write_kept_descriptor)
{
	char *page = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	ck_assert_ptr_ne(page, MAP_FAILED);
	memset(page, 0, 4096);
	pid_t child = fork();
	ck_assert_int_ge(child, 0);
	if (child == 0) {
		pause();
		_exit(0);
	}
	struct tracee tr = { .tid = child };
	uint64_t at = (uint64_t)(uintptr_t)page;
	ck_assert_int_eq(scratch_write_tr(&tr, at, "abc", 4), 0);
	ck_assert_str_eq(page, "abc");		/* the child's view of the shared page */
	ck_assert(tr.mem_open);
	int fd = tr.mem_fd;
	ck_assert_int_eq(scratch_write_tr(&tr, at + 8, "de", 3), 0);
	ck_assert_int_eq(tr.mem_fd, fd);	/* the same descriptor, not a new one */
	ck_assert_str_eq(page + 8, "de");
	ck_assert_int_lt(scratch_write_tr(&tr, 0, "x", 1), 0);	/* page 0: unmapped */
	ck_assert(!tr.mem_open);
	ck_assert_int_eq(scratch_write_tr(&tr, at + 16, "f", 2), 0);	/* opened again */
	ck_assert_str_eq(page + 16, "f");
	scratch_mem_close(&tr);
	ck_assert(!tr.mem_open);
	/* Past half of the descriptor limit, written but not kept. */
	struct rlimit rl, low;
	ck_assert_int_eq(getrlimit(RLIMIT_NOFILE, &rl), 0);
	int next = dup(0);	/* the number the next open gets */
	ck_assert_int_ge(next, 0);
	close(next);
	low = rl;
	low.rlim_cur = (rlim_t)next + 1;
	ck_assert_int_eq(setrlimit(RLIMIT_NOFILE, &low), 0);
	ck_assert_int_eq(scratch_write_tr(&tr, at + 24, "k", 2), 0);
	ck_assert_int_eq(setrlimit(RLIMIT_NOFILE, &rl), 0);
	ck_assert(!tr.mem_open);
	ck_assert_str_eq(page + 24, "k");
	ck_assert_int_eq(scratch_write_tr(&tr, at, "g", 2), 0);
	ck_assert(tr.mem_open);
	kill(child, SIGKILL);
	ck_assert_int_eq(waitpid(child, NULL, 0), child);
	ck_assert_int_lt(scratch_write_tr(&tr, at, "h", 2), 0);	/* gone: fails */
	ck_assert_str_eq(page, "g");
	scratch_mem_close(&tr);
	munmap(page, 4096);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("scratch");
	TCase *tc = tcase_create("registry");
	tcase_add_test(tc, test_touches_edges);
	tcase_add_test(tc, test_holders);
	tcase_add_test(tc, test_many_regions);
	suite_add_tcase(s, tc);
	TCase *tw = tcase_create("write");
	tcase_add_test(tw, test_write_kept_descriptor);
	suite_add_tcase(s, tw);
	return check_run(s);
}
