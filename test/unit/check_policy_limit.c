/* check_policy_limit.c - the `limit` directive (parse errors at
 * file:line:col, the value and its rule through the engine API, the
 * --check dump) and policy_cmsg_allowed(), which must agree with what
 * policy_eval() decides for sendmsg. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <check.h>

#include "policy/policy.h"
#include "unit_run.h"

#ifndef POLICY_SRCDIR
#define POLICY_SRCDIR "."
#endif

static const struct policy_vars vars = {
	.home = "/home/u",
	.cwd = "/home/u/work",
	.tmpdir = "/tmp/janus-test",
	.jail = "/srv/jail",
};

static struct policy *load(const char *text)
{
	struct policy_diag d;
	struct policy *p = policy_load_string("t.policy", text, &vars, &d);

	ck_assert_msg(p != NULL, "policy did not load:\n%s", d.text);
	return p;
}

static const struct {
	const char *text;
	unsigned value;		/* policy_limit_processes */
	unsigned line;		/* of the deciding directive; 0: none */
} limits[] = {
	{ "default allow\n", 0, 0 },
	{ "default allow\nlimit processes 64\n", 64, 2 },
	{ "limit processes 0x40\n", 64, 1 },
	{ "limit processes 1\n", 1, 1 },
	{ "limit processes 4194304\n", 4194304, 1 },
	{ "set N = \"12\"\nlimit processes $N\n", 12, 2 },
	/* The last one read wins: an including policy can raise or lift it. */
	{ "limit processes 10\nallow syscall read\nlimit processes 20\n", 20, 3 },
	{ "limit processes 10\nlimit processes unlimited\n", 0, 2 },
	{ "limit processes \\\n  7\n", 7, 1 },
};

START_TEST(test_limit_value)
{
	struct policy *p = load(limits[_i].text);
	const char *file;
	unsigned line;

	ck_assert_uint_eq(policy_limit_processes(p), limits[_i].value);
	policy_limit_processes_rule(p, &file, &line);
	ck_assert_uint_eq(line, limits[_i].line);
	ck_assert_str_eq(file, limits[_i].line ? "t.policy" : "<default>");
	policy_free(p);
}
END_TEST

static const struct {
	const char *text;
	const char *first_line;
} errors[] = {
	{ "limit\n",
	  "t.policy:1:6: missing argument: expected what to limit (processes) after 'limit'" },
	{ "limit procesess 5\n",
	  "t.policy:1:7: unknown limit 'procesess' (did you mean 'processes'?)" },
	{ "limit files 5\n",
	  "t.policy:1:7: unknown limit 'files' (expected processes)" },
	{ "allow syscall read\nlimit processes\n",
	  "t.policy:2:16: missing argument: expected a number of processes from 1 to 4194304 or 'unlimited' after 'limit processes'" },
	{ "limit processes 0\n",
	  "t.policy:1:17: expected a number of processes from 1 to 4194304 or 'unlimited', found '0'" },
	{ "limit processes -1\n",
	  "t.policy:1:17: expected a number of processes from 1 to 4194304 or 'unlimited', found '-1'" },
	{ "limit processes 4194305\n",
	  "t.policy:1:17: expected a number of processes from 1 to 4194304 or 'unlimited', found '4194305'" },
	{ "limit processes 12k\n",
	  "t.policy:1:17: expected a number of processes from 1 to 4194304 or 'unlimited', found '12k'" },
	{ "limit processes unlimitd\n",
	  "t.policy:1:17: expected a number of processes from 1 to 4194304 or 'unlimited', found 'unlimitd'" },
	{ "limit processes 5 6\n",
	  "t.policy:1:19: unexpected '6' after the limit (a limit takes one value)" },
	{ "limt processes 5\n",
	  "t.policy:1:1: unknown statement 'limt' (did you mean 'limit'?)" },
};

START_TEST(test_limit_error)
{
	struct policy_diag d;
	const char *want = errors[_i].first_line;

	ck_assert_msg(policy_load_string("t.policy", errors[_i].text, &vars, &d) == NULL,
		      "loaded: %s", errors[_i].text);
	ck_assert_msg(strncmp(d.text, want, strlen(want)) == 0 && d.text[strlen(want)] == '\n',
		      "expected\n%s\ngot\n%s", want, d.text);
}
END_TEST

/* The caret line points at the value. */
START_TEST(test_limit_caret)
{
	struct policy_diag d;

	ck_assert(policy_load_string("t.policy", "limit processes lots\n", &vars, &d) == NULL);
	ck_assert_uint_eq(d.line, 1);
	ck_assert_uint_eq(d.col, 17);
	ck_assert_msg(strstr(d.text, "\n    limit processes lots\n                    ^~~~\n") != NULL,
		      "got %s", d.text);
}
END_TEST

static char *dump(const struct policy *p)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	ck_assert(f != NULL);
	policy_dump(p, f);
	fclose(f);
	return buf;
}

START_TEST(test_limit_dump)
{
	struct policy *p = load("default allow\nlimit processes 77\n");
	char *out = dump(p);

	ck_assert_msg(strstr(out, "\nlimit processes: 77 ") != NULL, "%s", out);
	ck_assert_msg(strstr(strstr(out, "\nlimit processes: "), "t.policy:2\n") != NULL, "%s", out);
	free(out);
	policy_free(p);
	p = load("default allow\n");
	out = dump(p);
	ck_assert_msg(strstr(out, "\nlimit processes: unlimited  <default>\n") != NULL, "%s", out);
	free(out);
	policy_free(p);
}
END_TEST

/* The shipped default policy has a limit, set by a line of its own. */
START_TEST(test_default_policy_limit)
{
	struct policy_diag d;
	struct policy *p = policy_load_default(&vars, &d);
	const char *file;
	unsigned line;

	ck_assert_msg(p != NULL, "%s", d.text);
	ck_assert_uint_gt(policy_limit_processes(p), 0);
	policy_limit_processes_rule(p, &file, &line);
	ck_assert_uint_gt(line, 0);

	/* That line of the policy text says so. */
	const char *t = policy_default_text;
	for (unsigned l = 1; l < line && t; l++) {
		t = strchr(t, '\n');
		if (t)
			t++;
	}
	ck_assert(t != NULL);
	char want[64];
	snprintf(want, sizeof want, "limit processes %u\n", policy_limit_processes(p));
	ck_assert_msg(strncmp(t, want, strlen(want)) == 0, "line %u: %.40s", line, t);
	policy_free(p);
}
END_TEST

static const struct {
	const char *rules;
	unsigned allowed;
} cmsgs[] = {
	{ "", 0 },
	{ "allow cmsg any\n", POLICY_CMSG_RIGHTS | POLICY_CMSG_CREDENTIALS },
	{ "allow cmsg any\ndeny cmsg SCM_RIGHTS\n", POLICY_CMSG_CREDENTIALS },
	{ "deny cmsg SCM_RIGHTS\nallow cmsg any\n", POLICY_CMSG_CREDENTIALS },
	{ "allow cmsg SCM_RIGHTS\n", POLICY_CMSG_RIGHTS },
	{ "log cmsg SCM_RIGHTS\n", POLICY_CMSG_RIGHTS },
	{ "allow cmsg SCM_CREDENTIALS\n", POLICY_CMSG_CREDENTIALS },
	{ "allow cmsg any\nkill cmsg SCM_CREDENTIALS\n", POLICY_CMSG_RIGHTS },
	{ "allow cmsg SCM_RIGHTS\ndeny cmsg any\n", 0 },
	{ "deny cmsg SCM_RIGHTS SCM_CREDENTIALS\n", 0 },
};

/* sendmsg carrying one control message type, under p. */
static bool sendmsg_passes(const struct policy *p, unsigned bit)
{
	const struct janus_arch *a = arch_by_name("x86_64");
	long nr = arch_syscall_nr(a, "sendmsg");
	struct sc_event ev = { .arch = a, .nr = (uint64_t)nr, .id = SC_COUNT, .cmsg = bit };
	struct verdict v;

	ck_assert(nr >= 0);
	policy_eval(p, &ev, &v);
	return v.action == VERDICT_ALLOW;
}

START_TEST(test_cmsg_allowed)
{
	char text[256];

	snprintf(text, sizeof text, "allow syscall sendmsg\n%s", cmsgs[_i].rules);

	struct policy *p = load(text);
	unsigned got = policy_cmsg_allowed(p);

	ck_assert_uint_eq(got, cmsgs[_i].allowed);
	/* What may be received is what may be sent. */
	ck_assert(sendmsg_passes(p, POLICY_CMSG_RIGHTS) == !!(got & POLICY_CMSG_RIGHTS));
	ck_assert(sendmsg_passes(p, POLICY_CMSG_CREDENTIALS) == !!(got & POLICY_CMSG_CREDENTIALS));
	policy_free(p);
}
END_TEST

START_TEST(test_cmsg_shipped)
{
	struct policy_diag d;
	struct policy *p = policy_load_default(&vars, &d);

	ck_assert_msg(p != NULL, "%s", d.text);
	ck_assert_uint_eq(policy_cmsg_allowed(p), 0);
	policy_free(p);
	p = policy_load_file(POLICY_SRCDIR "/policy/policies/allow-all.policy", &vars, &d);
	ck_assert_msg(p != NULL, "%s", d.text);
	ck_assert_uint_eq(policy_cmsg_allowed(p), POLICY_CMSG_RIGHTS | POLICY_CMSG_CREDENTIALS);
	ck_assert_uint_eq(policy_limit_processes(p), 0);
	policy_free(p);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("policy-limit");
	TCase *tc = tcase_create("limit");

	tcase_add_loop_test(tc, test_limit_value, 0, (int)(sizeof limits / sizeof limits[0]));
	tcase_add_loop_test(tc, test_limit_error, 0, (int)(sizeof errors / sizeof errors[0]));
	tcase_add_test(tc, test_limit_caret);
	tcase_add_test(tc, test_limit_dump);
	tcase_add_test(tc, test_default_policy_limit);
	tcase_add_loop_test(tc, test_cmsg_allowed, 0, (int)(sizeof cmsgs / sizeof cmsgs[0]));
	tcase_add_test(tc, test_cmsg_shipped);
	suite_add_tcase(s, tc);
	return check_run(s);
}
