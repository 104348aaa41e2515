/* check_policy_shipped.c - the shipped policies load cleanly, the
 * built-in default is policies/default.policy byte for byte, and the
 * groups documented in janus-policy(5) are the groups of groups.list. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "policy_test.h"
#include "policy/groups.h"

static const struct {
	const char *path;
	bool warnings;		/* allow-all opens everything on purpose */
} shipped[] = {
	{ "policy/policies/default.policy", false },
	{ "policy/policies/allow-all.policy", true },
	{ "policy/policies/examples/shell-scratch.policy", false },
	{ "policy/policies/examples/net-client.policy", false },
	{ "policy/policies/examples/loopback-server.policy", false },
};

START_TEST(test_shipped_load)
{
	char path[1024], *out = NULL;
	size_t len = 0;
	struct policy_diag d;
	struct policy *p;
	FILE *f;
	unsigned n;

	snprintf(path, sizeof path, "%s/%s", POLICY_SRCDIR, shipped[_i].path);
	p = policy_load_file(path, &test_vars, &d);
	ck_assert_msg(p != NULL, "%s does not load:\n%s", shipped[_i].path, d.text);
	f = open_memstream(&out, &len);
	ck_assert(f != NULL);
	n = policy_warnings(p, f);
	fclose(f);
	if (shipped[_i].warnings)
		ck_assert_msg(n > 0, "%s: expected warnings", shipped[_i].path);
	else
		ck_assert_msg(n == 0, "%s: warnings:\n%s", shipped[_i].path, out);
	free(out);
	policy_free(p);
}
END_TEST

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	char *buf;
	long n;

	ck_assert_msg(f != NULL, "cannot open %s", path);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = calloc(1, (size_t)n + 1);
	ck_assert(buf != NULL);
	ck_assert_uint_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	return buf;
}

START_TEST(test_builtin_default)
{
	char *file = slurp(POLICY_SRCDIR "/policy/policies/default.policy");
	struct policy_diag d;
	struct policy *builtin, *loaded;

	ck_assert_str_eq(policy_default_text, file);
	free(file);
	builtin = policy_load_default(&test_vars, &d);
	ck_assert_msg(builtin != NULL, "%s", d.text);
	loaded = policy_load_file(POLICY_SRCDIR "/policy/policies/default.policy", &test_vars, &d);
	ck_assert_msg(loaded != NULL, "%s", d.text);
	for (unsigned abi = 0; abi < JANUS_ABI_COUNT; abi++) {
		const struct janus_arch *a = arch_by_abi((enum janus_abi)abi);

		for (uint32_t nr = 0; nr < a->nr_count; nr++) {
			struct sc_event ev = { .arch = a, .nr = nr, .id = SC_COUNT };
			struct verdict v1, v2;

			policy_eval(builtin, &ev, &v1);
			policy_eval(loaded, &ev, &v2);
			ck_assert(v1.action == v2.action && v1.err == v2.err && v1.line == v2.line);
		}
	}
	/* Messages about the built-in policy name it as the shipped file. */
	struct sc_event ev = make_event("x86_64", "getcwd", 0, 4096, 0, 0);
	struct verdict v = eval_event(builtin, &ev);

	ck_assert_str_eq(v.file, "default.policy");
	ck_assert_int_eq(v.action, VERDICT_DENY);
	policy_free(builtin);
	policy_free(loaded);
}
END_TEST

/* Every syscall belongs to some group, so `allow syscall @...` policies
 * can name everything. */
START_TEST(test_groups_cover)
{
	static bool seen[SC_COUNT];

	for (unsigned g = 0; g < policy_ngroups; g++)
		for (unsigned k = 0; k < policy_groups[g].n; k++)
			seen[policy_groups[g].ids[k]] = true;
	for (unsigned id = 0; id < SC_COUNT; id++)
		ck_assert_msg(seen[id], "%s is in no group of policy/groups.list", sc_id_name((enum sc_id)id));
	ck_assert(groups_find("file") != NULL);
	ck_assert(groups_find("nonesuch") == NULL);
}
END_TEST

/* janus-policy(5) lists each group as
 *	.TP
 *	.B @name
 *	member member ...
 * up to the next .TP or section; the lists must be the groups. */
START_TEST(test_groups_documented)
{
	char *man = slurp(POLICY_SRCDIR "/man/janus-policy.5");
	unsigned found = 0;

	for (unsigned g = 0; g < policy_ngroups; g++) {
		char head[64], *p;
		const char *end;
		unsigned words = 0;

		snprintf(head, sizeof head, "\n.B @%s\n", policy_groups[g].name);
		p = strstr(man, head);
		ck_assert_msg(p != NULL, "janus-policy(5) does not document @%s", policy_groups[g].name);
		p += strlen(head);
		end = strstr(p, "\n.");
		ck_assert(end != NULL);
		/* strtok writes: work on a copy of the list. */
		p = strndup(p, (size_t)(end - p));
		ck_assert(p != NULL);
		for (char *w = strtok(p, " \n,"); w; w = strtok(NULL, " \n,")) {
			bool member = false;

			if (strcmp(w, "\\&") == 0)
				continue;
			for (unsigned k = 0; k < policy_groups[g].n; k++)
				member |= strcmp(sc_id_name(policy_groups[g].ids[k]), w) == 0;
			ck_assert_msg(member, "janus-policy(5) lists %s in @%s, groups.list does not",
				      w, policy_groups[g].name);
			words++;
		}
		ck_assert_msg(words == policy_groups[g].n, "@%s: %u members documented, %u in groups.list",
			      policy_groups[g].name, words, policy_groups[g].n);
		free(p);
		found++;
	}
	ck_assert_uint_eq(found, policy_ngroups);
	free(man);
}
END_TEST

TCase *tcase_policy_shipped(void)
{
	TCase *tc = tcase_create("shipped");

	tcase_add_loop_test(tc, test_shipped_load, 0, (int)(sizeof shipped / sizeof shipped[0]));
	tcase_add_test(tc, test_builtin_default);
	tcase_add_test(tc, test_groups_cover);
	tcase_add_test(tc, test_groups_documented);
	return tc;
}
