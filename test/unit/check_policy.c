/* check_policy.c - unit tests of the policy engine (policy/): main and
 * shared helpers.  The suites are in check_policy_*.c. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "policy_test.h"
#include "unit_run.h"

const struct policy_vars test_vars = {
	.home = "/home/u",
	.cwd = "/home/u/work",
	.tmpdir = "/tmp/janus-test",
	.jail = "/srv/jail",
};

struct policy *load_ok(const char *text)
{
	struct policy_diag d;
	struct policy *p = policy_load_string("t.policy", text, &test_vars, &d);

	ck_assert_msg(p != NULL, "policy did not load:\n%s", d.text);
	return p;
}

const char *load_err(const char *text, struct policy_diag *d)
{
	struct policy *p = policy_load_string("t.policy", text, &test_vars, d);

	ck_assert_msg(p == NULL, "policy loaded but should not have:\n%s", text);
	return d->text;
}

struct sc_event make_event(const char *abi, const char *name, uint64_t a0, uint64_t a1,
			   uint64_t a2, uint64_t a3)
{
	struct sc_event ev;
	const struct janus_arch *a = arch_by_name(abi);
	long nr;

	ck_assert_msg(a != NULL, "unknown ABI %s", abi);
	nr = arch_syscall_nr(a, name);
	ck_assert_msg(nr >= 0, "%s has no syscall %s", abi, name);
	memset(&ev, 0, sizeof ev);
	ev.arch = a;
	ev.nr = (uint64_t)nr;
	ev.id = SC_COUNT;
	ev.args[0] = a0;
	ev.args[1] = a1;
	ev.args[2] = a2;
	ev.args[3] = a3;
	return ev;
}

struct verdict eval_event(const struct policy *p, const struct sc_event *ev)
{
	struct verdict v;

	policy_eval(p, ev, &v);
	return v;
}

int main(void)
{
	Suite *s = suite_create("policy");

	suite_add_tcase(s, tcase_policy_cases());
	suite_add_tcase(s, tcase_policy_errors());
	suite_add_tcase(s, tcase_policy_access());
	suite_add_tcase(s, tcase_policy_lang());
	suite_add_tcase(s, tcase_policy_needs());
	suite_add_tcase(s, tcase_policy_shipped());
	return check_run(s);
}
