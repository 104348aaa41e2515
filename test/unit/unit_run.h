/* unit_run.h - the main of every unit test: runs its Check suite, each
 * test in a child of its own (a crash in one does not hide the others),
 * and gives the exit status automake's harness reads. */
#ifndef JANUS_UNIT_RUN_H
#define JANUS_UNIT_RUN_H

#include <check.h>
#include <stdlib.h>

static inline int check_run(Suite *s)
{
	SRunner *sr = srunner_create(s);
	srunner_set_fork_status(sr, CK_FORK);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

#endif
