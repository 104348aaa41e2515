/* check_scratch.c - the registry of scratch regions refuses exactly the
 * ranges that touch a live region, and forgets a region only when its
 * last holder (fork copies share an address) lets go. */
#include "config.h"

#include <check.h>
#include <stdint.h>
#include <stdlib.h>

#include "scratch.h"

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

int main(void)
{
	Suite *s = suite_create("scratch");
	TCase *tc = tcase_create("registry");
	tcase_add_test(tc, test_touches_edges);
	tcase_add_test(tc, test_holders);
	tcase_add_test(tc, test_many_regions);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
