/* check_policy_lang.c - pieces of the language and engine that the case
 * table does not reach: pattern and address parsing, unknown numbers,
 * sub-call fallback, the same verdicts on every ABI, warnings, dump,
 * and policy_needs(). */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/un.h>

#include "policy_test.h"
#include "policy/addr.h"
#include "policy/calls.h"
#include "policy/glob.h"

/* ---- patterns ---------------------------------------------------------- */

static bool gmatch(const char *pat, const char *path)
{
	struct arena a = { 0 };
	struct glob g;
	const char *why;
	size_t where;
	bool m;

	ck_assert_msg(glob_compile_path(&a, pat, &g, &why, &where) == 0, "%s: %s", pat, why);
	m = glob_match_path(&g, path);
	arena_release(&a);
	return m;
}

START_TEST(test_glob_path)
{
	ck_assert(gmatch("/", "/"));
	ck_assert(!gmatch("/", "/a"));
	ck_assert(gmatch("/**", "/"));
	ck_assert(gmatch("/**", "/a/b/c"));
	ck_assert(gmatch("/a/**", "/a"));
	ck_assert(gmatch("/a/**", "/a/b"));
	ck_assert(!gmatch("/a/**", "/ab"));
	ck_assert(gmatch("/a/**/b", "/a/b"));
	ck_assert(gmatch("/a/**/b", "/a/x/y/b"));
	ck_assert(!gmatch("/a/**/b", "/a/x/y/bc"));
	ck_assert(gmatch("/a/**/b/**/c", "/a/1/b/2/3/c"));
	ck_assert(!gmatch("/a/**/b/**/c", "/a/1/c/2/3/b"));
	ck_assert(gmatch("/a/*", "/a/x"));
	ck_assert(!gmatch("/a/*", "/a/x/y"));
	ck_assert(!gmatch("/a/*", "/a"));
	ck_assert(gmatch("/a/*", "/a/.hidden"));
	ck_assert(gmatch("/a/x*y*z", "/a/xyyyzz"));
	ck_assert(!gmatch("/a/x*y*z", "/a/xyyyza"));
	ck_assert(gmatch("/a/?", "/a/b"));
	ck_assert(!gmatch("/a/?", "/a/bc"));
	ck_assert(gmatch("/a/[a-c]x", "/a/bx"));
	ck_assert(!gmatch("/a/[a-c]x", "/a/dx"));
	ck_assert(gmatch("/a/[!a-c]x", "/a/dx"));
	ck_assert(gmatch("/a/[^a-c]x", "/a/dx"));
	ck_assert(gmatch("/a/[]]x", "/a/]x"));
	ck_assert(gmatch("/a/[a-]", "/a/-"));
	ck_assert(gmatch("/a/\\*", "/a/*"));
	ck_assert(!gmatch("/a/\\*", "/a/b"));
	ck_assert(gmatch("/a/\\[x]", "/a/[x]"));
	/* Normalised: repeated and trailing slashes, repeated "**". */
	ck_assert(gmatch("//a///b/", "/a/b"));
	ck_assert(gmatch("/a/**/**/b", "/a/b"));
	/* Paths are canonical: a trailing slash or "//" in the path still
	 * names the same components. */
	ck_assert(gmatch("/a/b", "/a//b/"));
	/* Not absolute: no match. */
	ck_assert(!gmatch("/**", "a"));
}
END_TEST

static uint64_t gstates(const char *pat, const char *path)
{
	struct arena a = { 0 };
	struct glob g;
	const char *why;
	size_t where;
	uint64_t st;

	ck_assert_msg(glob_compile_path(&a, pat, &g, &why, &where) == 0, "%s: %s", pat, why);
	st = glob_states(&g, path);
	arena_release(&a);
	return st;
}

/* The matcher state after a path: what rename checks (eval.c). */
START_TEST(test_glob_states)
{
	/* "/h/u/.ssh" then "**": 3 components matched, and through `**`
	 * a whole match (bit 4) too. */
	ck_assert_uint_eq(gstates("/h/u/.ssh/**", "/h/u/.ssh"), 0x18);
	ck_assert_uint_eq(gstates("/h/u/.ssh/**", "/h/u"), 0x4);
	ck_assert_uint_eq(gstates("/h/u/.ssh/**", "/h/x"), 0);
	ck_assert_uint_eq(gstates("/h/*/.ssh/**", "/h/anyone"), 0x4);
	ck_assert_uint_eq(gstates("/**", "/a/b"), 0x3);
	ck_assert_uint_eq(gstates("/a/**/k", "/a/b/c"), 0x6);
	ck_assert_uint_eq(gstates("/a/**/k", "/a/b/k"), 0xe);
	ck_assert_uint_eq(gstates("/a", "relative"), 0);
	/* Moving /a/b/c to /a/z keeps every match of "/a/ ** /k" below it. */
	ck_assert_uint_eq(gstates("/a/**/k", "/a/b/c") & ~gstates("/a/**/k", "/a/z"), 0);
}
END_TEST

/* Many "**" against a deep path stays fast: the matcher is an NFA. */
START_TEST(test_glob_deep)
{
	static char path[8192];
	size_t n = 0;

	for (int i = 0; i < 2000; i++) {
		path[n++] = '/';
		path[n++] = 'a';
	}
	path[n] = '\0';
	ck_assert(!gmatch("/**/a/**/a/**/a/**/a/**/a/**/b", path));
	ck_assert(gmatch("/**/a/**/a/**/a/**/a/**/a/**", path));
}
END_TEST

START_TEST(test_glob_normalise)
{
	struct arena a = { 0 };
	struct glob g;
	const char *why;
	size_t where;

	ck_assert_int_eq(glob_compile_path(&a, "//usr///lib/**/**/x*/", &g, &why, &where), 0);
	ck_assert_str_eq(g.pat, "/usr/lib/**/x*");
	ck_assert_uint_eq(g.ncomp, 4);
	ck_assert_uint_eq(g.nliteral, 2);
	ck_assert_int_eq(glob_compile_path(&a, "/a/b**", &g, &why, &where), -EINVAL);
	ck_assert_uint_eq(where, 4);
	ck_assert_int_eq(glob_compile_path(&a, "/a/./b", &g, &why, &where), -EINVAL);
	ck_assert_int_eq(glob_compile_path(&a, "/a/b\\", &g, &why, &where), -EINVAL);
	arena_release(&a);
}
END_TEST

START_TEST(test_glob_flat)
{
	ck_assert(glob_match_flat("app-*", "app-1", 5));
	ck_assert(glob_match_flat("*", "", 0));
	ck_assert(glob_match_flat("*", "/tmp/.X11-unix/X0", 17));
	ck_assert(glob_match_flat("/tmp/*", "/tmp/a/b", 8));
	ck_assert(!glob_match_flat("app-?", "app-12", 6));
	/* Abstract names may hold NULs: only wildcards match them. */
	ck_assert(glob_match_flat("a?b", "a\0b", 3));
	ck_assert(!glob_match_flat("ab", "a\0b", 3));
}
END_TEST

/* ---- addresses --------------------------------------------------------- */

START_TEST(test_addr_parse)
{
	struct addr_spec s;
	const char *why;
	char buf[128];

	ck_assert_int_eq(addr_parse_ip("10.0.0.0/8", &s, &why), 0);
	ck_assert_int_eq(s.fam, AFAM_V4);
	ck_assert_uint_eq(s.plen, 8);
	addr_format(&s, buf, sizeof buf);
	ck_assert_str_eq(buf, "10.0.0.0/8");
	ck_assert_int_eq(addr_parse_ip("[fe80::]/10", &s, &why), 0);
	addr_format(&s, buf, sizeof buf);
	ck_assert_str_eq(buf, "[fe80::]/10");
	/* An IPv4-mapped network is an IPv4 network. */
	ck_assert_int_eq(addr_parse_ip("[::ffff:192.168.0.0]/112", &s, &why), 0);
	ck_assert_int_eq(s.fam, AFAM_V4);
	addr_format(&s, buf, sizeof buf);
	ck_assert_str_eq(buf, "192.168.0.0/16");
	ck_assert_int_eq(addr_parse_ip("1.2.3", &s, &why), -EINVAL);
	ck_assert_int_eq(addr_parse_ip("1.2.3.4/", &s, &why), -EINVAL);
	ck_assert_int_eq(addr_parse_ip("1.2.3.4/08", &s, &why), -EINVAL);
	ck_assert_int_eq(addr_parse_ip("[::1]x", &s, &why), -EINVAL);
	ck_assert_int_eq(addr_parse_ip("[::1]/", &s, &why), -EINVAL);

	struct port_range r[4];
	unsigned n;

	ck_assert_int_eq(addr_parse_ports("80,443,8000-8080", r, 4, &n, &why), 0);
	ck_assert_uint_eq(n, 3);
	ck_assert_uint_eq(r[2].lo, 8000);
	ck_assert_uint_eq(r[2].hi, 8080);
	ck_assert(addr_port_in(r, n, 8080));
	ck_assert(!addr_port_in(r, n, 8081));
	ck_assert_int_eq(addr_parse_ports("80-", r, 4, &n, &why), -EINVAL);
	ck_assert_int_eq(addr_parse_ports("-1", r, 4, &n, &why), -EINVAL);
	ck_assert_int_eq(addr_parse_ports("65536", r, 4, &n, &why), -EINVAL);
}
END_TEST

START_TEST(test_addr_view)
{
	struct sockaddr_in in = { .sin_family = AF_INET, .sin_port = htons(80) };
	struct sockaddr_in6 in6 = { .sin6_family = AF_INET6, .sin6_port = htons(443) };
	struct sockaddr_un un = { .sun_family = AF_UNIX };
	struct addr_view v;

	inet_pton(AF_INET, "10.1.2.3", &in.sin_addr);
	ck_assert_int_eq(addr_view((struct sockaddr *)&in, sizeof in, &v), 0);
	ck_assert_int_eq(v.fam, AFAM_V4);
	ck_assert_uint_eq(v.port, 80);
	/* Too short for its family: the kernel says EINVAL. */
	ck_assert_int_eq(addr_view((struct sockaddr *)&in, sizeof in - 1, &v), -EINVAL);
	ck_assert_int_eq(addr_view((struct sockaddr *)&in, 1, &v), -EINVAL);
	inet_pton(AF_INET6, "::ffff:10.1.2.3", &in6.sin6_addr);
	ck_assert_int_eq(addr_view((struct sockaddr *)&in6, sizeof in6, &v), 0);
	ck_assert_int_eq(v.fam, AFAM_V4);
	ck_assert_int_eq(memcmp(v.ip, &in.sin_addr, 4), 0);
	/* RFC 2133 size, without scope id. */
	ck_assert_int_eq(addr_view((struct sockaddr *)&in6, 24, &v), 0);
	memcpy(un.sun_path, "\0name", 5);
	ck_assert_int_eq(addr_view((struct sockaddr *)&un, offsetof(struct sockaddr_un, sun_path) + 5, &v), 0);
	ck_assert_int_eq(v.fam, AFAM_ABSTRACT);
	ck_assert_uint_eq(v.namelen, 4);
	ck_assert_int_eq(memcmp(v.name, "name", 4), 0);
	ck_assert_int_eq(addr_view((struct sockaddr *)&un, sizeof(sa_family_t), &v), 0);
	ck_assert_int_eq(v.fam, AFAM_ABSTRACT);
	ck_assert_uint_eq(v.namelen, 0);
	un.sun_family = AF_UNSPEC;
	ck_assert_int_eq(addr_view((struct sockaddr *)&un, sizeof un, &v), -EAFNOSUPPORT);
}
END_TEST

/* ---- evaluation ---------------------------------------------------------- */

/* Numbers an ABI does not know are refused with ENOSYS, whatever the
 * policy, without aliasing through truncation. */
START_TEST(test_unknown_numbers)
{
	struct policy *p = load_ok("default allow\n");
	static const uint64_t bad[] = {
		100000, (uint64_t)-1, 0x100000000ull, 0x100000000ull + 1, 0x40000000ull,
		0x40000000ull + 1,	/* x32 bit on x86_64 */
	};

	for (unsigned abi = 0; abi < JANUS_ABI_COUNT; abi++) {
		for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
			struct sc_event ev = { .arch = arch_by_abi((enum janus_abi)abi), .nr = bad[i], .id = SC_COUNT };
			struct verdict v = eval_event(p, &ev);

			ck_assert_msg(v.action == VERDICT_DENY && v.err == ENOSYS, "%s nr %#llx",
				      ev.arch->name, (unsigned long long)bad[i]);
			ck_assert_str_eq(v.file, "<fixed>");
			ck_assert_str_eq(v.check, "fixed");
			ck_assert_uint_eq(policy_needs(p, ev.arch, bad[i]), 0);
		}
	}
	policy_free(p);
}
END_TEST

/* socketcall with a sub-call the supervisor could not decode: the rule of
 * socketcall itself decides; a decoded one is decided as the direct call. */
START_TEST(test_subcall_fallback)
{
	struct policy *p = load_ok("deny syscall socketcall errno EINVAL\n"
				   "allow syscall connect\n"
				   "allow connect 10.0.0.0/8\n");
	struct sockaddr_in in = { .sin_family = AF_INET, .sin_port = htons(80) };
	struct sc_event ev = make_event("i386", "socketcall", 3, 0x1000, 0, 0);
	struct verdict v;

	v = eval_event(p, &ev);
	ck_assert_int_eq(v.action, VERDICT_DENY);
	ck_assert_int_eq(v.err, EINVAL);
	ev.id = SC_connect;
	ev.args[0] = 3;
	ev.args[1] = 0x1000;
	ev.args[2] = sizeof in;
	inet_pton(AF_INET, "10.0.0.1", &in.sin_addr);
	ev.addr = (struct sockaddr *)&in;
	ev.addrlen = sizeof in;
	v = eval_event(p, &ev);
	ck_assert_int_eq(v.action, VERDICT_ALLOW);
	ck_assert_str_eq(v.check, "connect");
	ck_assert_uint_eq(v.line, 3);
	/* A sub-call the multiplexer does not have: socketcall's rule. */
	ev.id = SC_semop;
	v = eval_event(p, &ev);
	ck_assert_int_eq(v.err, EINVAL);
	policy_free(p);
}
END_TEST

/* The same policy gives the same verdict on every ABI for every neutral
 * syscall the ABIs share (here with zero arguments and no fetched data). */
static void same_on_all_abis(const struct policy *p)
{
	for (unsigned id = 0; id < SC_COUNT; id++) {
		struct verdict first = { 0 };
		const char *first_abi = NULL;

		for (unsigned abi = 0; abi < JANUS_ABI_COUNT; abi++) {
			const struct janus_arch *a = arch_by_abi((enum janus_abi)abi);
			long nr = arch_syscall_nr_by_id(a, (enum sc_id)id);
			struct sc_event ev = { .arch = a, .id = SC_COUNT };
			struct verdict v;

			if (nr < 0)
				continue;
			ev.nr = (uint64_t)nr;
			v = eval_event(p, &ev);
			if (!first_abi) {
				first = v;
				first_abi = a->name;
				continue;
			}
			ck_assert_msg(v.action == first.action && v.err == first.err && v.log == first.log &&
				      v.line == first.line && strcmp(v.check, first.check) == 0,
				      "%s: %s gives %d/%d (%s:%u), %s gives %d/%d (%s:%u)",
				      sc_id_name((enum sc_id)id), first_abi, first.action, first.err,
				      first.file, first.line, a->name, v.action, v.err, v.file, v.line);
		}
	}
}

START_TEST(test_same_on_all_abis)
{
	struct policy_diag d;
	struct policy *p = policy_load_default(&test_vars, &d);

	ck_assert_msg(p != NULL, "%s", d.text);
	same_on_all_abis(p);
	policy_free(p);
	p = load_ok("allow syscall @file @network @process\nallow fs all /usr/**\n"
		    "deny syscall clone errno EAGAIN\nallow ioctl any\nkill syscall @debug\n");
	same_on_all_abis(p);
	policy_free(p);
}
END_TEST

/* $HOME's secrets stay closed when the start directory is $HOME. */
START_TEST(test_default_home_is_cwd)
{
	struct policy_vars v = test_vars;
	struct policy_diag d;
	struct policy *p;
	struct sc_event ev = make_event("x86_64", "openat", (uint64_t)-100, 0x1000, 0, 0);
	struct verdict r;

	v.cwd = "/home/u/";
	p = policy_load_default(&v, &d);
	ck_assert_msg(p != NULL, "%s", d.text);
	ev.path[0] = "/home/u/notes.txt";
	r = eval_event(p, &ev);
	ck_assert_int_eq(r.action, VERDICT_ALLOW);
	ev.path[0] = "/home/u/.ssh/id_ed25519";
	r = eval_event(p, &ev);
	ck_assert_int_eq(r.action, VERDICT_DENY);
	ck_assert_int_eq(r.err, EACCES);
	ck_assert_str_eq(r.check, "fs");
	ck_assert_str_eq(r.file, "default.policy");
	ck_assert_uint_ne(r.line, 0);
	ev.path[0] = "/home/u/.aws/credentials";
	ck_assert_int_eq(eval_event(p, &ev).action, VERDICT_DENY);
	ev.path[0] = "/home/u/.config/gcloud/application_default_credentials.json";
	ck_assert_int_eq(eval_event(p, &ev).action, VERDICT_DENY);
	ev.path[0] = "/home/u/.config/other/x";
	ck_assert_int_eq(eval_event(p, &ev).action, VERDICT_ALLOW);
	policy_free(p);
}
END_TEST

/* Lexical details: comments, '#' inside a word, escapes, CRLF, an empty
 * policy, trailing comma lists over several tokens. */
START_TEST(test_lexical)
{
	struct policy *p;
	struct sc_event ev = make_event("x86_64", "openat", (uint64_t)-100, 0x1000, 0, 0);

	p = load_ok("allow syscall openat # comment\r\n"
		    "allow fs read /a#b \"/q\\\"uote\" \"/lit/\\$HOME\" # trailing\r\n"
		    "allow fs read, \\\n   stat /multi\n");
	ev.path[0] = "/a#b";
	ck_assert_int_eq(eval_event(p, &ev).action, VERDICT_ALLOW);
	ev.path[0] = "/q\"uote";
	ck_assert_int_eq(eval_event(p, &ev).action, VERDICT_ALLOW);
	ev.path[0] = "/lit/$HOME";
	ck_assert_int_eq(eval_event(p, &ev).action, VERDICT_ALLOW);
	ev.path[0] = "/multi";
	ck_assert_uint_eq(eval_event(p, &ev).line, 3);
	policy_free(p);

	/* Empty and comment-only policies load and deny everything. */
	p = load_ok("");
	ck_assert_int_eq(eval_event(p, &ev).action, VERDICT_DENY);
	ck_assert_int_eq(eval_event(p, &ev).err, EPERM);
	ck_assert_str_eq(eval_event(p, &ev).file, "<default>");
	policy_free(p);
	p = load_ok("# nothing\n\n   \n\t# at all\n");
	policy_free(p);
}
END_TEST

/* The `log` modifier and action reach the verdict of typed checks too. */
START_TEST(test_log_flags)
{
	struct policy *p = load_ok("allow syscall openat ioctl\n"
				   "allow fs read /a/** log\n"
				   "allow fs read /b/**\n"
				   "log ioctl TCGETS\n"
				   "deny ioctl TIOCSTI log\n");
	struct sc_event ev = make_event("x86_64", "openat", (uint64_t)-100, 0x1000, 0, 0);
	struct verdict v;

	ev.path[0] = "/a/x";
	v = eval_event(p, &ev);
	ck_assert(v.action == VERDICT_ALLOW && v.log);
	ev.path[0] = "/b/x";
	v = eval_event(p, &ev);
	ck_assert(v.action == VERDICT_ALLOW && !v.log);
	ev = make_event("x86_64", "ioctl", 0, 0x5401, 0, 0);
	v = eval_event(p, &ev);
	ck_assert(v.action == VERDICT_ALLOW && v.log);
	ev.args[1] = 0x5412;
	v = eval_event(p, &ev);
	ck_assert(v.action == VERDICT_DENY && v.log && v.err == EPERM);
	policy_free(p);
}
END_TEST

/* ---- warnings and dump --------------------------------------------------- */

static char *warnings_of(const struct policy *p, unsigned *n)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	ck_assert(f != NULL);
	*n = policy_warnings(p, f);
	fclose(f);
	return buf;
}

START_TEST(test_warnings)
{
	static const struct {
		const char *text, *warning;
	} w[] = {
		{ "allow connect any port 443\n", "t.policy:1:15: warning: 'allow connect' allows every address (any, 0.0.0.0/0 or ::/0)" },
		{ "allow bind 0.0.0.0/0 port 8080\n", "t.policy:1:12: warning: 'allow bind' allows every address" },
		{ "allow connect [::]/0 port 443\n", "allows every address" },
		{ "allow connect 10.0.0.1\n", "t.policy:1:15: warning: 'allow connect' allows every port (1-65535); name the ports with 'port'" },
		{ "allow bind 127.0.0.1 port 1-65535\n", "allows every port" },
		{ "allow fs rw,exec /opt/app/**\n", "t.policy:1:1: warning: '/opt/app/**' is both writable and executable: the program can run code it wrote there" },
		{ "allow fs write /opt/x/*\nallow fs exec /opt/x/*\n", "'/opt/x/*' is both writable and executable" },
		{ "allow fs read /**\n", "t.policy:1:15: warning: fs rule on '/**' gives access to the whole file system" },
		{ "allow syscall @debug\n", "t.policy:1:15: warning: 'allow syscall @debug' also allows ptrace, process_vm_readv, process_vm_writev, perf_event_open, kcmp, which can escape the jail or reach other processes; name the calls you need instead" },
		{ "log syscall @io_uring\n", "'log syscall @io_uring' also allows io_uring_setup" },
	};

	for (size_t i = 0; i < sizeof w / sizeof w[0]; i++) {
		struct policy *p = load_ok(w[i].text);
		unsigned n;
		char *out = warnings_of(p, &n);

		ck_assert_msg(n >= 1 && strstr(out, w[i].warning), "%s: expected warning '%s', got:\n%s",
			      w[i].text, w[i].warning, out);
		free(out);
		policy_free(p);
	}

	/* Rules that open only what they say warn about nothing. */
	static const char *const quiet[] = {
		"allow connect 10.0.0.0/8 port 443\n",
		"deny connect any\n",
		"allow bind 127.0.0.1\n",
		"allow fs rw /opt/x/**\nallow fs exec /opt/y/**\n",
		"deny fs all /**\n",
		"allow syscall ptrace @io\n",
		"deny syscall @debug\n",
	};
	for (size_t i = 0; i < sizeof quiet / sizeof quiet[0]; i++) {
		struct policy *p = load_ok(quiet[i]);
		unsigned n;
		char *out = warnings_of(p, &n);

		ck_assert_msg(n == 0, "%s: unexpected warnings:\n%s", quiet[i], out);
		free(out);
		policy_free(p);
	}
}
END_TEST

START_TEST(test_dump)
{
	struct policy *p = load_ok("default deny errno ENOSYS\n"
				   "allow syscall read openat ioctl mount socketcall connect\n"
				   "allow fs ro /usr/**\n"
				   "deny fs all /usr/secret\n"
				   "allow ioctl TCGETS\n"
				   "allow connect 10.0.0.0/8 port 443\n"
				   "allow bind unix \"/run/x\"\n"
				   "deny sockopt SOL_SOCKET:SO_DEBUG IPPROTO_IP:any\n"
				   "allow signal jail\n");
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	static const char *const expect[] = {
		"default: deny ENOSYS  t.policy:1\n",
		"syscalls on x86_64 (",
		"     0 read                     allow                                  t.policy:2\n",
		"   257 openat                   allow           [fs]                   t.policy:2\n",
		"    16 ioctl                    allow           [ioctl]                t.policy:2\n",
		"   165 mount                    deny EPERM     (fixed refusal)\n",
		"     1 write                    deny  ENOSYS                           t.policy:1\n",
		"syscalls on i386 (",
		"   102 socketcall               sub-calls decided as the direct calls; undecodable: allow",
		"syscalls on aarch64 (",
		"  usr/\n    - allow read,stat,chdir,readlink /usr/**  t.policy:3\n    secret/\n      - deny  EACCES all /usr/secret  t.policy:4\n",
		"  ipv4     allow 10.0.0.0/8 port 443  t.policy:6\n",
		"  unix     allow unix \"/run/x\"  t.policy:7\n",
		"  allow TCGETS  t.policy:5\n",
		"  deny  EPERM SO_DEBUG IPPROTO_IP:any  t.policy:8\n",
		"  allow jail  t.policy:9\n",
	};

	ck_assert(f != NULL);
	policy_dump(p, f);
	fclose(f);
	for (size_t i = 0; i < sizeof expect / sizeof expect[0]; i++)
		ck_assert_msg(strstr(buf, expect[i]) != NULL, "dump lacks:\n%s\n--- dump:\n%s", expect[i], buf);
	free(buf);
	policy_free(p);
}
END_TEST

TCase *tcase_policy_lang(void)
{
	TCase *tc = tcase_create("lang");

	tcase_add_test(tc, test_glob_path);
	tcase_add_test(tc, test_glob_states);
	tcase_add_test(tc, test_glob_deep);
	tcase_add_test(tc, test_glob_normalise);
	tcase_add_test(tc, test_glob_flat);
	tcase_add_test(tc, test_addr_parse);
	tcase_add_test(tc, test_addr_view);
	tcase_add_test(tc, test_unknown_numbers);
	tcase_add_test(tc, test_subcall_fallback);
	tcase_add_test(tc, test_same_on_all_abis);
	tcase_add_test(tc, test_default_home_is_cwd);
	tcase_add_test(tc, test_lexical);
	tcase_add_test(tc, test_log_flags);
	tcase_add_test(tc, test_warnings);
	tcase_add_test(tc, test_dump);
	return tc;
}

/* ---- policy_needs -------------------------------------------------------- */

static unsigned needs(const struct policy *p, const char *abi, const char *name)
{
	const struct janus_arch *a = arch_by_name(abi);
	long nr = arch_syscall_nr(a, name);

	ck_assert_msg(nr >= 0, "%s has no %s", abi, name);
	return policy_needs(p, a, (uint64_t)nr);
}

START_TEST(test_needs)
{
	struct policy *p = load_ok("allow syscall read openat ioctl connect sendmsg kill socket socketcall ipc\n"
				   "allow syscall mount acct\n"
				   "deny syscall write\n"
				   "allow fs read /usr/**\n"
				   "allow ioctl TCGETS\n"
				   "allow signal jail\n");

	ck_assert_uint_eq(needs(p, "x86_64", "read"), 0);
	ck_assert_uint_eq(needs(p, "x86_64", "write"), 0);
	ck_assert_uint_eq(needs(p, "x86_64", "getpid"), 0);	/* denied by default */
	ck_assert_uint_eq(needs(p, "x86_64", "mount"), 0);	/* fixed refusal */
	ck_assert_uint_eq(needs(p, "x86_64", "openat"), POLICY_NEED_PATHS | POLICY_NEED_ARGS);
	ck_assert_uint_eq(needs(p, "aarch64", "openat"), POLICY_NEED_PATHS | POLICY_NEED_ARGS);
	ck_assert_uint_eq(needs(p, "x86_64", "acct"), POLICY_NEED_PATHS | POLICY_NEED_ARGS);
	ck_assert_uint_eq(needs(p, "x86_64", "ioctl"), POLICY_NEED_ARGS);
	ck_assert_uint_eq(needs(p, "x86_64", "connect"), POLICY_NEED_SOCKADDR | POLICY_NEED_ARGS);
	ck_assert_uint_eq(needs(p, "x86_64", "sendmsg"),
			  POLICY_NEED_SOCKADDR | POLICY_NEED_CMSG | POLICY_NEED_ARGS);
	ck_assert_uint_eq(needs(p, "x86_64", "kill"), POLICY_NEED_TARGET | POLICY_NEED_ARGS);
	ck_assert_uint_eq(needs(p, "i386", "kill"), POLICY_NEED_TARGET | POLICY_NEED_ARGS);
	/* No socket rule: socket() is refused whatever its arguments. */
	ck_assert_uint_eq(needs(p, "x86_64", "socket"), 0);
	ck_assert_uint_eq(needs(p, "i386", "socketcall"),
			  POLICY_NEED_SUBCALL | POLICY_NEED_ARGS | POLICY_NEED_SOCKADDR | POLICY_NEED_CMSG);
	ck_assert_uint_eq(needs(p, "i386", "ipc"), POLICY_NEED_SUBCALL | POLICY_NEED_ARGS);
	policy_free(p);

	/* Everything open: only connect/bind still look at the address. */
	p = load_ok("default allow\nallow fs all /**\nallow socket any\nallow ioctl any\n"
		    "allow fcntl any\nallow sockopt any\nallow cmsg any\nallow signal any\n");
	ck_assert_uint_eq(needs(p, "x86_64", "openat"), 0);
	ck_assert_uint_eq(needs(p, "x86_64", "ioctl"), 0);
	ck_assert_uint_eq(needs(p, "x86_64", "kill"), 0);
	ck_assert_uint_eq(needs(p, "x86_64", "socket"), 0);
	ck_assert_uint_eq(needs(p, "x86_64", "sendmsg"), POLICY_NEED_SOCKADDR | POLICY_NEED_ARGS);
	ck_assert_uint_eq(needs(p, "x86_64", "bind"), POLICY_NEED_SOCKADDR | POLICY_NEED_ARGS);
	policy_free(p);

	/* One deny rule makes the kind depend on the call again. */
	p = load_ok("default allow\nallow fs all /**\ndeny fs write /etc/**\n");
	ck_assert_uint_eq(needs(p, "x86_64", "openat"), POLICY_NEED_PATHS | POLICY_NEED_ARGS);
	policy_free(p);
}
END_TEST

/* needs == 0 is a promise: the verdict is the same whatever the
 * arguments and whatever the supervisor fetched. */
static void needs_promise(const struct policy *p)
{
	static struct sockaddr_in in = { .sin_family = AF_INET, .sin_port = 0x5000 };
	const char *const paths[] = { NULL, "/", "/etc/shadow", "/home/u/work/x", "/usr/bin/ls" };

	for (unsigned abi = 0; abi < JANUS_ABI_COUNT; abi++) {
		const struct janus_arch *a = arch_by_abi((enum janus_abi)abi);

		for (uint32_t nr = 0; nr < a->nr_count; nr++) {
			struct sc_event ev = { .arch = a, .nr = nr, .id = SC_COUNT };
			struct verdict first, v;

			if (!arch_syscall(a, nr) || policy_needs(p, a, nr) != 0)
				continue;
			policy_eval(p, &ev, &first);
			for (unsigned k = 0; k < 5; k++) {
				for (int i = 0; i < 6; i++)
					ev.args[i] = (uint64_t)(k * 0x9e3779b97f4a7c15ull >> (i * 5));
				ev.path[0] = paths[k];
				ev.path[1] = paths[(k + 2) % 5];
				ev.addr = k & 1 ? (struct sockaddr *)&in : NULL;
				ev.addrlen = k & 1 ? sizeof in : 0;
				ev.cmsg = k;
				ev.target_in_jail = k & 1;
				policy_eval(p, &ev, &v);
				ck_assert_msg(v.action == first.action && v.err == first.err && v.log == first.log,
					      "%s %s: needs 0 but the verdict changed with the arguments",
					      a->name, arch_syscall(a, nr)->name);
			}
		}
	}
}

START_TEST(test_needs_promise)
{
	struct policy_diag d;
	struct policy *p = policy_load_default(&test_vars, &d);

	ck_assert_msg(p != NULL, "%s", d.text);
	needs_promise(p);
	policy_free(p);
	p = policy_load_file(POLICY_SRCDIR "/policy/policies/allow-all.policy", &test_vars, &d);
	ck_assert_msg(p != NULL, "%s", d.text);
	needs_promise(p);
	policy_free(p);
}
END_TEST

TCase *tcase_policy_needs(void)
{
	TCase *tc = tcase_create("needs");

	tcase_add_test(tc, test_needs);
	tcase_add_test(tc, test_needs_promise);
	return tc;
}
