/* check_policy_errors.c - every class of load error: its exact
 * file:line:col, its message, and the source line with a caret. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "policy_test.h"

static const struct {
	const char *text;
	const char *first_line;		/* the diagnostic's first line */
} errors[] = {
	/* names, with suggestions */
	{ "allow syscall opne\n",
	  "t.policy:1:15: unknown syscall 'opne' (did you mean 'open'?)" },
	{ "allow syscall read\ndeny syscall write errno EPREM\n",
	  "t.policy:2:26: unknown errno 'EPREM' (did you mean 'EPERM'?)" },
	{ "allow ioctl TCGETS TCGETZ\n",
	  "t.policy:1:20: unknown ioctl 'TCGETZ' (did you mean 'TCGETS'?)" },
	{ "allow ioctl TCGETS,TIOCGWINZ\n",
	  "t.policy:1:20: unknown ioctl 'TIOCGWINZ' (did you mean 'TIOCGWINSZ'?)" },
	{ "deny fcntl F_SETOWNN\n",
	  "t.policy:1:12: unknown fcntl command 'F_SETOWNN' (did you mean 'F_SETOWN'?)" },
	{ "allow cmsg SCM_RIGTHS\n",
	  "t.policy:1:12: unknown control message 'SCM_RIGTHS' (did you mean 'SCM_RIGHTS'?)" },
	{ "allow syscall @fil\n",
	  "t.policy:1:15: unknown syscall group '@fil' (did you mean '@file'?)" },
	{ "allow syscall xyzzyplugh\n",
	  "t.policy:1:15: unknown syscall 'xyzzyplugh' (not a system call of x86_64, i386 or aarch64)" },
	{ "allow fs raed /x\n",
	  "t.policy:1:10: unknown access 'raed' (did you mean 'read'?)" },
	{ "allow socket inte\n",
	  "t.policy:1:14: unknown socket domain 'inte' (did you mean 'inet'?)" },
	{ "allow socket inet strem\n",
	  "t.policy:1:19: unknown socket type or protocol 'strem' (did you mean 'stream'?)" },
	{ "deny sockopt SOL_SOCKET:IP_HDRINCL\n",
	  "t.policy:1:25: 'IP_HDRINCL' is an option of level IPPROTO_IP, not SOL_SOCKET" },
	{ "deny sockopt SO_DEBGU\n",
	  "t.policy:1:14: unknown socket option 'SO_DEBGU' (did you mean 'SO_DEBUG'?)" },
	{ "allow signal jial\n",
	  "t.policy:1:14: unknown signal target 'jial' (did you mean 'jail'?)" },
	{ "alow syscall read\n",
	  "t.policy:1:1: unknown statement 'alow' (did you mean 'allow'?)" },
	{ "allow syscal read\n",
	  "t.policy:1:7: unknown rule kind 'syscal' (did you mean 'syscall'?)" },
	{ "default allw\n",
	  "t.policy:1:9: expected allow, deny, kill or log after 'default', found 'allw'" },
	/* addresses and ports */
	{ "allow connect 10.0.0.0/33\n",
	  "t.policy:1:15: malformed address '10.0.0.0/33': prefix length must be a number 0-32" },
	{ "allow connect 10.0.0.1/8\n",
	  "t.policy:1:15: malformed address '10.0.0.1/8': address has bits set beyond the prefix length" },
	{ "allow connect 300.1.1.1\n",
	  "t.policy:1:15: malformed address '300.1.1.1': malformed IPv4 address (expected four numbers 0-255, as 10.0.0.1)" },
	{ "allow connect ::1\n",
	  "t.policy:1:15: expected an address (10.0.0.1, 10.0.0.0/8, [::1], [fe80::]/10, any), unix \"PATH\", abstract \"NAME\" or family DOMAIN, found '::1'" },
	{ "allow connect 1::1\n",
	  "t.policy:1:15: malformed address '1::1': an IPv6 address must be written in brackets, as [::1] or [fe80::]/10" },
	{ "allow bind [fe80::1]/129\n",
	  "t.policy:1:12: malformed address '[fe80::1]/129': prefix length must be a number 0-128" },
	{ "allow connect [::1\n",
	  "t.policy:1:15: malformed address '[::1': missing ']' after an IPv6 address" },
	{ "allow connect 10.0.0.1 port 90-80\n",
	  "t.policy:1:29: bad port '90-80': bad port range: the first port is greater than the last" },
	{ "allow connect 10.0.0.1 port 70000\n",
	  "t.policy:1:29: bad port '70000': expected a port number 0-65535" },
	{ "allow connect 10.0.0.1 port 80,,90\n",
	  "t.policy:1:32: empty item in the port list" },
	{ "allow connect port 80\n",
	  "t.policy:1:15: 'port' must follow an IP address or 'any'" },
	{ "allow connect unix \"/x\" port 80\n",
	  "t.policy:1:25: 'port' applies to IP addresses only, not to unix, abstract or family" },
	{ "allow connect 10.0.0.1 port\n",
	  "t.policy:1:28: missing argument: expected a port, a range or a list (as 80 or 8000-8080 or 80,443) after 'port'" },
	{ "allow connect family inet\n",
	  "t.policy:1:22: 'family inet' is not allowed: write an address, 'any', unix \"...\" or abstract \"...\"" },
	/* missing arguments */
	{ "allow fs read\n",
	  "t.policy:1:14: missing argument: 'fs' needs at least one path pattern after the access modes" },
	{ "allow syscall\n",
	  "t.policy:1:14: missing argument: 'syscall' needs at least one syscall name or @group (as 'allow syscall read write @time')" },
	{ "allow\n",
	  "t.policy:1:6: missing rule kind after 'allow' (expected syscall, fs, socket, connect, bind, ioctl, fcntl, sockopt, cmsg or signal)" },
	{ "deny syscall read errno\n",
	  "t.policy:1:24: missing argument: expected an errno name (EPERM, EACCES, ...) after 'errno'" },
	{ "allow ioctl log\n",
	  "t.policy:1:12: missing argument: 'ioctl' needs request names or numbers (as 'allow ioctl TCGETS FIONREAD 0x5401')" },
	{ "include\n",
	  "t.policy:1:8: missing argument: expected a file name after 'include'" },
	/* strings, characters, continuation lines */
	{ "allow fs read \"/usr/**\n",
	  "t.policy:1:15: unterminated string: expected '\"' before the end of the line" },
	{ "allow fs read \"/usr/**",
	  "t.policy:1:15: unterminated string: expected '\"' before the end of the file" },
	{ "allow syscall read \\\n   opne\n",
	  "t.policy:2:4: unknown syscall 'opne' (did you mean 'open'?)" },
	{ "allow syscall re\x01" "ad\n",
	  "t.policy:1:17: invalid character 0x01" },
	/* modifiers */
	{ "allow syscall read errno EPERM\n",
	  "t.policy:1:20: 'errno' is only allowed with deny (this rule's action is 'allow')" },
	{ "allow syscall read log log\n",
	  "t.policy:1:24: 'log' given twice" },
	{ "deny syscall read errno EPERM foo\n",
	  "t.policy:1:31: unexpected 'foo' after the rule's modifiers (expected 'errno NAME' or 'log' at the end of a rule)" },
	/* patterns */
	{ "allow fs read usr/**\n",
	  "t.policy:1:15: bad path pattern 'usr/**': a path pattern must be absolute (start with '/' or a variable such as $CWD)" },
	{ "allow fs read /usr/lib**\n",
	  "t.policy:1:15: bad path pattern '/usr/lib**': '**' must be a whole path component ('/**/'); use '*' within a name" },
	{ "allow fs read /a/../b\n",
	  "t.policy:1:15: bad path pattern '/a/../b': '.' and '..' never appear in the canonical paths patterns are matched against" },
	{ "allow fs read /a/[bc\n",
	  "t.policy:1:15: bad path pattern '/a/[bc': unterminated '[' in pattern (write '\\[' for the character)" },
	{ "allow fs /usr/**\n",
	  "t.policy:1:10: expected access modes (read, write, create, exec, ... or ro, rw, all) before the path pattern" },
	{ "allow connect unix \"x.sock\"\n",
	  "t.policy:1:20: bad unix socket path pattern 'x.sock': a path pattern must be absolute (start with '/' or a variable such as $CWD)" },
	/* variables */
	{ "allow fs read $HOEM/x\n",
	  "t.policy:1:15: unknown variable '$HOEM' (did you mean '$HOME'?)" },
	{ "allow fs read /a$\n",
	  "t.policy:1:17: expected a variable name after '$' (write \\$ in a string for a literal '$')" },
	{ "allow fs read ${CWD/x\n",
	  "t.policy:1:15: expected '}' after '${CWD'" },
	{ "set HOME = \"/x\"\n",
	  "t.policy:1:5: cannot set $HOME: it is predefined" },
	{ "set X \"/x\"\n",
	  "t.policy:1:7: expected '=' after 'set X'" },
	{ "set X =\n",
	  "t.policy:1:8: missing argument: expected a value after 'set X ='" },
	{ "set 9X = 1\n",
	  "t.policy:1:5: expected a variable name (letters, digits, '_') after 'set'" },
	/* includes */
	{ "include \"nope-does-not-exist.policy\"\n",
	  "t.policy:1:9: cannot include 'nope-does-not-exist.policy': No such file or directory" },
	{ "include \"a\" \"b\"\n",
	  "t.policy:1:13: unexpected 'b' after the file name" },
};

START_TEST(test_error_message)
{
	struct policy_diag d;
	const char *text = load_err(errors[_i].text, &d);
	size_t n = strlen(errors[_i].first_line);
	unsigned line, col;

	ck_assert_msg(strncmp(text, errors[_i].first_line, n) == 0 && text[n] == '\n',
		      "for %s\nexpected: %s\n     got: %s", errors[_i].text, errors[_i].first_line, text);
	/* The structured fields agree with the text. */
	ck_assert_int_eq(sscanf(errors[_i].first_line, "t.policy:%u:%u:", &line, &col), 2);
	ck_assert_uint_eq(d.line, line);
	ck_assert_uint_eq(d.col, col);
	ck_assert_str_eq(d.file, "t.policy");
	ck_assert(strstr(errors[_i].first_line, d.msg) != NULL);
}
END_TEST

/* The whole diagnostic: location, message, source line, caret under the
 * offending token. */
START_TEST(test_error_caret)
{
	struct policy_diag d;

	load_err("# web\nallow syscall read\nallow syscall opne write\n", &d);
	ck_assert_str_eq(d.text,
			 "t.policy:3:15: unknown syscall 'opne' (did you mean 'open'?)\n"
			 "    allow syscall opne write\n"
			 "                  ^~~~\n");
	/* Tabs are kept so the caret lines up under them. */
	load_err("\tallow\tsyscall\tbogus_call\n", &d);
	ck_assert_str_eq(d.text,
			 "t.policy:1:16: unknown syscall 'bogus_call' (not a system call of x86_64, i386 or aarch64)\n"
			 "    \tallow\tsyscall\tbogus_call\n"
			 "    \t     \t       \t^~~~~~~~~~\n");
}
END_TEST

START_TEST(test_error_unset_variable)
{
	struct policy_vars v = test_vars;
	struct policy_diag d;

	v.jail = NULL;
	ck_assert(policy_load_string("t.policy", "allow fs read $JAIL/**\n", &v, &d) == NULL);
	ck_assert_str_eq(d.msg, "variable '$JAIL' is not set in this run of janus");
	ck_assert_uint_eq(d.col, 15);
	/* Set: the same text loads. */
	struct policy *p = policy_load_string("t.policy", "allow fs read $JAIL/**\n", &test_vars, &d);

	ck_assert_msg(p != NULL, "%s", d.text);
	policy_free(p);
}
END_TEST

START_TEST(test_error_missing_file)
{
	struct policy_diag d;

	ck_assert(policy_load_file("/nonexistent/dir/x.policy", &test_vars, &d) == NULL);
	ck_assert_str_eq(d.text, "/nonexistent/dir/x.policy:0:0: cannot read policy: No such file or directory\n");
	ck_assert_uint_eq(d.line, 0);
	ck_assert(policy_load_file("/", &test_vars, &d) == NULL);
	ck_assert_str_eq(d.msg, "cannot read policy: not a regular file");
}
END_TEST

/* Files in a fresh temporary directory. */
static char tmpdir[64];

static void write_file(const char *name, const char *text)
{
	char path[256];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", tmpdir, name);
	f = fopen(path, "w");
	ck_assert_msg(f != NULL, "cannot write %s", path);
	fputs(text, f);
	fclose(f);
}

static void make_tmpdir(void)
{
	snprintf(tmpdir, sizeof tmpdir, "/tmp/check_policy.XXXXXX");
	ck_assert(mkdtemp(tmpdir) != NULL);
}

static void remove_tmpdir(void)
{
	char cmd[128];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	ck_assert_int_eq(system(cmd), 0);
}

START_TEST(test_include_cycle)
{
	char top[256], expect[512];
	struct policy_diag d;

	make_tmpdir();
	write_file("a.policy", "allow syscall read\ninclude \"b.policy\"\n");
	write_file("b.policy", "allow syscall write\ninclude \"a.policy\"\n");
	snprintf(top, sizeof top, "%s/a.policy", tmpdir);
	ck_assert(policy_load_file(top, &test_vars, &d) == NULL);
	snprintf(expect, sizeof expect,
		 "%s/b.policy:2:9: include cycle: '%s/a.policy' is already being read\n", tmpdir, tmpdir);
	ck_assert_msg(strncmp(d.text, expect, strlen(expect)) == 0, "got %s", d.text);
	/* Including oneself is a cycle too. */
	write_file("self.policy", "include \"self.policy\"\n");
	snprintf(top, sizeof top, "%s/self.policy", tmpdir);
	ck_assert(policy_load_file(top, &test_vars, &d) == NULL);
	ck_assert_uint_eq(d.line, 1);
	ck_assert(strstr(d.msg, "include cycle") != NULL);
	/* The same file twice, not nested, is no cycle. */
	write_file("c.policy", "allow syscall close\n");
	write_file("twice.policy", "include \"c.policy\"\ninclude \"c.policy\"\n");
	snprintf(top, sizeof top, "%s/twice.policy", tmpdir);

	struct policy *p = policy_load_file(top, &test_vars, &d);

	ck_assert_msg(p != NULL, "%s", d.text);
	policy_free(p);
	remove_tmpdir();
}
END_TEST

START_TEST(test_include_depth)
{
	char top[256], name[32], text[64], expect[256];
	struct policy_diag d;
	struct policy *p;

	make_tmpdir();
	/* i0 includes i1 ... i19: i16 is the 17th level. */
	for (int i = 0; i < 20; i++) {
		snprintf(name, sizeof name, "i%d.policy", i);
		snprintf(text, sizeof text, "allow syscall read\ninclude \"i%d.policy\"\n", i + 1);
		write_file(name, i == 19 ? "allow syscall read\n" : text);
	}
	snprintf(top, sizeof top, "%s/i0.policy", tmpdir);
	ck_assert(policy_load_file(top, &test_vars, &d) == NULL);
	snprintf(expect, sizeof expect, "%s/i16.policy:2:1: includes nested deeper than 16 levels\n", tmpdir);
	ck_assert_msg(strncmp(d.text, expect, strlen(expect)) == 0, "got %s", d.text);
	/* 16 nested includes (i3 ... i19) are fine. */
	snprintf(top, sizeof top, "%s/i3.policy", tmpdir);
	p = policy_load_file(top, &test_vars, &d);
	ck_assert_msg(p != NULL, "%s", d.text);
	policy_free(p);
	remove_tmpdir();
}
END_TEST

/* An error inside an included file names that file and line; relative
 * includes are looked up beside the including file. */
START_TEST(test_include_error_location)
{
	char top[256], expect[256];
	struct policy_diag d;

	make_tmpdir();
	ck_assert_int_eq(mkdir(strcat(strcpy(top, tmpdir), "/sub"), 0700), 0);
	write_file("top.policy", "# top\ninclude \"sub/inner.policy\"\n");
	write_file("sub/inner.policy", "include \"leaf.policy\"\n");
	write_file("sub/leaf.policy", "\n\nallow fs read /etc/**\ndeny ioctl TIOCSTII\n");
	snprintf(top, sizeof top, "%s/top.policy", tmpdir);
	ck_assert(policy_load_file(top, &test_vars, &d) == NULL);
	snprintf(expect, sizeof expect,
		 "%s/sub/leaf.policy:4:12: unknown ioctl 'TIOCSTII' (did you mean 'TIOCSTI'?)\n"
		 "    deny ioctl TIOCSTII\n"
		 "               ^~~~~~~~\n", tmpdir);
	ck_assert_str_eq(d.text, expect);
	remove_tmpdir();
}
END_TEST

TCase *tcase_policy_errors(void)
{
	TCase *tc = tcase_create("errors");

	tcase_add_loop_test(tc, test_error_message, 0, (int)(sizeof errors / sizeof errors[0]));
	tcase_add_test(tc, test_error_caret);
	tcase_add_test(tc, test_error_unset_variable);
	tcase_add_test(tc, test_error_missing_file);
	tcase_add_test(tc, test_include_cycle);
	tcase_add_test(tc, test_include_depth);
	tcase_add_test(tc, test_include_error_location);
	return tc;
}
