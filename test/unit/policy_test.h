/* policy_test.h - shared helpers of the policy engine's unit tests. */
#ifndef JANUS_POLICY_TEST_H
#define JANUS_POLICY_TEST_H

#include <check.h>

#include "policy/policy.h"

/* Where the sources are: shipped policies, the case table, the man page. */
#ifndef POLICY_SRCDIR
#define POLICY_SRCDIR "."
#endif

/* The variables every test loads policies with. */
extern const struct policy_vars test_vars;

/* Load text (named "t.policy"); fail the test with the diagnostic if it
 * does not load. */
struct policy *load_ok(const char *text);
/* Load text that must fail; returns the diagnostic's text. */
const char *load_err(const char *text, struct policy_diag *d);

/* An event for syscall `name` on ABI `abi` with args a0.. (unused: 0). */
struct sc_event make_event(const char *abi, const char *name, uint64_t a0, uint64_t a1,
			   uint64_t a2, uint64_t a3);
/* policy_eval on it. */
struct verdict eval_event(const struct policy *p, const struct sc_event *ev);

TCase *tcase_policy_cases(void);
TCase *tcase_policy_errors(void);
TCase *tcase_policy_access(void);
TCase *tcase_policy_lang(void);
TCase *tcase_policy_needs(void);
TCase *tcase_policy_shipped(void);

#endif
