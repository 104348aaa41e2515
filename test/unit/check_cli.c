/* check_cli.c - option parsing has no side effects and says what is wrong. */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "unit_run.h"

#define ARGV(...) ((char *[]){ __VA_ARGS__, NULL })

static enum cli_action parse(char **argv, int argc, struct janus_opts *o, char *err)
{
	return cli_parse(argc, argv, o, err, 256);
}

START_TEST(test_plain_command)
{
	char err[256] = "";
	struct janus_opts o;
	char **v = ARGV("janus", "--", "ls", "-l");
	ck_assert_int_eq(parse(v, 4, &o, err), CLI_RUN);
	ck_assert_str_eq(o.cmd[0], "ls");
	ck_assert_str_eq(o.cmd[1], "-l");
	ck_assert_ptr_null(o.cmd[2]);
	ck_assert_int_eq(o.trace, TRACE_NONE);
	ck_assert(!o.no_prefilter);
	v = ARGV("janus", "--no-prefilter", "--", "ls");
	ck_assert_int_eq(parse(v, 4, &o, err), CLI_RUN);
	ck_assert(o.no_prefilter);
	ck_assert_str_eq(o.cmd[0], "ls");
}
END_TEST

START_TEST(test_command_options_not_ours)
{
	char err[256] = "";
	struct janus_opts o;
	/* Without "--", parsing stops at the first non-option. */
	char **v = ARGV("janus", "ls", "--trace", "-q");
	ck_assert_int_eq(parse(v, 4, &o, err), CLI_RUN);
	ck_assert_str_eq(o.cmd[0], "ls");
	ck_assert_str_eq(o.cmd[1], "--trace");
	ck_assert_int_eq(o.trace, TRACE_NONE);
	ck_assert(!o.quiet);
}
END_TEST

START_TEST(test_trace_formats)
{
	char err[256] = "";
	struct janus_opts o;
	char **v1 = ARGV("janus", "--trace", "--", "true");
	ck_assert_int_eq(parse(v1, 4, &o, err), CLI_RUN);
	ck_assert_int_eq(o.trace, TRACE_TEXT);
	char **v2 = ARGV("janus", "--trace=json", "-o", "/tmp/x", "--", "true");
	ck_assert_int_eq(parse(v2, 6, &o, err), CLI_RUN);
	ck_assert_int_eq(o.trace, TRACE_JSON);
	ck_assert_str_eq(o.output, "/tmp/x");
	char **v3 = ARGV("janus", "-o", "/tmp/y", "--", "true");
	ck_assert_int_eq(parse(v3, 5, &o, err), CLI_RUN);
	ck_assert_int_eq(o.trace, TRACE_TEXT);	/* -o implies a text trace */
}
END_TEST

START_TEST(test_errors_say_what)
{
	char err[256] = "";
	struct janus_opts o;
	char **v1 = ARGV("janus", "--trace=xml", "--", "true");
	ck_assert_int_eq(parse(v1, 4, &o, err), CLI_ERROR);
	ck_assert_ptr_nonnull(strstr(err, "'xml'"));
	ck_assert_ptr_nonnull(strstr(err, "expected"));
	char **v2 = ARGV("janus", "--bogus", "--", "true");
	ck_assert_int_eq(parse(v2, 4, &o, err), CLI_ERROR);
	ck_assert_ptr_nonnull(strstr(err, "--bogus"));
	char **v3 = ARGV("janus", "-o");
	ck_assert_int_eq(parse(v3, 2, &o, err), CLI_ERROR);
	ck_assert_ptr_nonnull(strstr(err, "-o"));
	char **v4 = ARGV("janus", "--trace");
	ck_assert_int_eq(parse(v4, 2, &o, err), CLI_ERROR);
	ck_assert_ptr_nonnull(strstr(err, "no command"));
}
END_TEST

START_TEST(test_help_version)
{
	char err[256] = "";
	struct janus_opts o;
	char **v1 = ARGV("janus", "--help");
	ck_assert_int_eq(parse(v1, 2, &o, err), CLI_HELP);
	char **v2 = ARGV("janus", "-V");
	ck_assert_int_eq(parse(v2, 2, &o, err), CLI_VERSION);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("cli");
	TCase *tc = tcase_create("parse");
	tcase_add_test(tc, test_plain_command);
	tcase_add_test(tc, test_command_options_not_ours);
	tcase_add_test(tc, test_trace_formats);
	tcase_add_test(tc, test_errors_say_what);
	tcase_add_test(tc, test_help_version);
	suite_add_tcase(s, tc);
	return check_run(s);
}
