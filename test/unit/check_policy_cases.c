/* check_policy_cases.c - verdicts driven by data: test/unit/policy.cases.
 *
 * The file holds policies and, after each, calls with the verdict
 * expected from it:
 *
 *	policy NAME                  (a policy follows, up to a line "end")
 *	policy NAME file PATH        (a shipped policy, PATH from the source tree)
 *	ABI SYSCALL ARG... [OPTION...] -> VERDICT [ERRNO] [rule=LINE] [check=KIND]
 *
 * ABI is x86_64, i386, aarch64 or `*` (every ABI that has the syscall:
 * they must all agree).  SYSCALL may be socketcall/NAME or ipc/NAME
 * (i386: the sub-call as the supervisor hands it over).  There is one ARG
 * per argument of the syscall: a number, symbols joined by '|' (O_RDONLY,
 * AT_FDCWD, TCGETS, SOCK_STREAM...), a "path" (the canonical path the
 * supervisor resolved; the argument itself gets a fake pointer), an
 * address inet:1.2.3.4:80 inet6:[::1]:80 unix:/path abstract:name unspec
 * netlink null (for a sockaddr argument), `_` (the length of that
 * address), msg:ADDRESS or msg:none (a msghdr: its msg_name).  A
 * "string" in a non-path argument (symlink's target) is only a pointer.  OPTIONs:
 * target=jail|out, cmsg=rights|creds|rights,creds, path=P / path2=P (the
 * canonical paths for calls on file descriptors, or of the file an mprotect's
 * range maps, empty for anonymous memory), held=ro|wo|rw|path (the
 * path opens again a descriptor the caller holds, opened so: reopen.h).  VERDICT is ALLOW, LOG
 * (allow and report), DENY ERRNO or KILL, then `log` if the verdict is
 * to be reported too; rule=LINE checks the line of the
 * deciding rule (in the policy block or file), rule=default / rule=fixed
 * that none decided.
 */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/un.h>

#include "policy_test.h"
#include "policy/names.h"

#define CASES_FILE POLICY_SRCDIR "/test/unit/policy.cases"

struct case_policy {
	char name[64];
	char *text;		/* inline policy, or NULL */
	char *file;		/* shipped policy path */
};

struct case_row {
	unsigned line;
	char *text;
	int pol;		/* index into policies */
};

static struct case_policy *policies;
static unsigned npolicies;
static struct case_row *rows;
static unsigned nrows;

static char *xstrdup(const char *s)
{
	char *p = strdup(s);

	if (!p)
		abort();
	return p;
}

static void load_cases(void)
{
	FILE *f = fopen(CASES_FILE, "r");
	char line[4096];
	unsigned lineno = 0;
	int cur = -1;

	if (!f) {
		fprintf(stderr, "cannot open %s\n", CASES_FILE);
		abort();
	}
	while (fgets(line, sizeof line, f)) {
		char *p = line;

		lineno++;
		line[strcspn(line, "\n")] = '\0';
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '#' || *p == '\0')
			continue;
		if (strncmp(p, "policy ", 7) == 0) {
			struct case_policy cp = { { 0 }, NULL, NULL };
			char name[64], kw[16], path[1024];
			int n = sscanf(p + 7, "%63s %15s %1023s", name, kw, path);

			snprintf(cp.name, sizeof cp.name, "%s", name);
			if (n == 3 && strcmp(kw, "file") == 0) {
				char full[2048];

				snprintf(full, sizeof full, "%s/%s", POLICY_SRCDIR, path);
				cp.file = xstrdup(full);
			} else {
				/* Inline text up to "end". */
				size_t cap = 4096, len = 0;

				cp.text = calloc(1, cap);
				while (cp.text && fgets(line, sizeof line, f)) {
					lineno++;
					if (strcmp(line, "end\n") == 0 || strcmp(line, "end") == 0)
						break;
					if (len + strlen(line) + 1 > cap) {
						cap = 2 * cap + strlen(line);
						cp.text = realloc(cp.text, cap);
						if (!cp.text)
							abort();
					}
					strcpy(cp.text + len, line);
					len += strlen(line);
				}
			}
			policies = realloc(policies, (npolicies + 1) * sizeof(*policies));
			if (!policies)
				abort();
			policies[npolicies] = cp;
			cur = (int)npolicies++;
			continue;
		}
		if (cur < 0) {
			fprintf(stderr, "%s:%u: a case before any policy\n", CASES_FILE, lineno);
			abort();
		}
		rows = realloc(rows, (nrows + 1) * sizeof(*rows));
		if (!rows)
			abort();
		rows[nrows].line = lineno;
		rows[nrows].text = xstrdup(p);
		rows[nrows].pol = cur;
		nrows++;
	}
	fclose(f);
}

/* ---- one row -------------------------------------------------------- */

#define MAXTOK 24

/* Split on blanks; "quoted" stays one token (without the quotes, and
 * marked as a path by a leading '\x01'). */
static int tokenize(char *s, char *tok[MAXTOK])
{
	int n = 0;

	while (*s) {
		while (*s == ' ' || *s == '\t')
			s++;
		if (!*s)
			break;
		ck_assert_msg(n < MAXTOK, "too many tokens");
		if (*s == '"') {
			char *end = strchr(s + 1, '"');

			ck_assert_msg(end != NULL, "unterminated string in case");
			*s = '\x01';
			tok[n++] = s;
			*end = '\0';
			s = end + 1;
			continue;
		}
		tok[n++] = s;
		while (*s && *s != ' ' && *s != '\t')
			s++;
		if (*s)
			*s++ = '\0';
	}
	return n;
}

static const struct {
	const char *name;
	long long val;
} symbols[] = {
	{ "O_RDONLY", 0 }, { "O_WRONLY", 1 }, { "O_RDWR", 2 }, { "O_ACCMODE", 3 },
	{ "O_CREAT", 0100 }, { "O_EXCL", 0200 }, { "O_TRUNC", 01000 }, { "O_APPEND", 02000 },
	{ "O_NONBLOCK", 04000 }, { "O_CLOEXEC", 02000000 }, { "O_PATH", 010000000 },
	{ "AT_FDCWD", -100 }, { "AT_SYMLINK_NOFOLLOW", 0x100 }, { "AT_REMOVEDIR", 0x200 },
	{ "AT_SYMLINK_FOLLOW", 0x400 }, { "AT_EMPTY_PATH", 0x1000 },
	{ "S_IFIFO", 0010000 }, { "S_IFCHR", 0020000 }, { "S_IFBLK", 0060000 },
	{ "S_IFREG", 0100000 }, { "S_IFSOCK", 0140000 },
	{ "SIGHUP", 1 }, { "SIGINT", 2 }, { "SIGKILL", 9 }, { "SIGUSR1", 10 },
	{ "SIGTERM", 15 }, { "SIGCONT", 18 }, { "SIGSTOP", 19 },
	{ "SOCK_NONBLOCK", 04000 }, { "SOCK_CLOEXEC", 02000000 },
	{ "PRIO_PROCESS", 0 }, { "PRIO_PGRP", 1 }, { "PRIO_USER", 2 },
	{ "PTRACE_TRACEME", 0 }, { "PTRACE_PEEKDATA", 2 }, { "PTRACE_ATTACH", 16 },
	{ "RLIMIT_NOFILE", 7 }, { "IN_DONT_FOLLOW", 0x02000000 },
	{ "PROT_READ", 1 }, { "PROT_WRITE", 2 }, { "PROT_EXEC", 4 },
	{ "MAP_SHARED", 1 }, { "MAP_PRIVATE", 2 }, { "MAP_FIXED", 0x10 }, { "MAP_ANONYMOUS", 0x20 },
};

/* Flags whose value depends on the ABI (arm64 moves them). */
static int abi_symbol(const struct janus_arch *a, const char *s, long long *v)
{
	bool arm = a->abi == JANUS_ABI_AARCH64;

	if (strcmp(s, "O_DIRECTORY") == 0)
		*v = arm ? 040000 : 0200000;
	else if (strcmp(s, "O_NOFOLLOW") == 0)
		*v = arm ? 0100000 : 0400000;
	else if (strcmp(s, "O_TMPFILE") == 0)
		*v = 020000000 | (arm ? 040000 : 0200000);
	else
		return -1;
	return 0;
}

static long long symbol(const struct janus_arch *a, const char *s, unsigned line)
{
	const struct name_table *tables[] = {
		&names_ioctl, &names_fcntl, &names_domain, &names_socktype, &names_proto,
		&names_socklevel, &names_sockopt,
	};
	long long v;
	char *end;

	v = strtoll(s, &end, 0);
	if (*s && !*end)
		return v;
	if (abi_symbol(a, s, &v) == 0)
		return v;
	for (size_t i = 0; i < sizeof symbols / sizeof symbols[0]; i++)
		if (strcmp(symbols[i].name, s) == 0)
			return symbols[i].val;
	for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
		const struct name_entry *e = names_find(tables[i], s);

		if (e && (tables[i] != &names_domain || strncmp(s, "AF_", 3) == 0) &&
		    (tables[i] != &names_socktype || strncmp(s, "SOCK_", 5) == 0) &&
		    (tables[i] != &names_proto || strncmp(s, "IPPROTO_", 8) == 0))
			return tables[i] == &names_sockopt ? (long long)(e->val[0] & 0xffff)
							    : (long long)e->val[0];
	}
	ck_abort_msg("policy.cases:%u: unknown symbol '%s'", line, s);
	return 0;
}

static uint64_t expr(const struct janus_arch *a, char *s, unsigned line)
{
	uint64_t v = 0;

	for (char *t = strtok(s, "|"); t; t = strtok(NULL, "|"))
		v |= (uint64_t)symbol(a, t, line);
	return v;
}

/* Storage for addresses of the event being built. */
struct addrbuf {
	struct sockaddr_storage ss;
	socklen_t len;
	char upath[256];
};

static bool is_sockaddr(const char *spec)
{
	return strncmp(spec, "inet:", 5) == 0 || strncmp(spec, "inet6:", 6) == 0 ||
	       strncmp(spec, "unix:", 5) == 0 || strncmp(spec, "abstract:", 9) == 0 ||
	       strcmp(spec, "unspec") == 0 || strcmp(spec, "netlink") == 0;
}

static int sockaddr_of(const char *spec, struct addrbuf *b, unsigned line)
{
	if (!is_sockaddr(spec))
		return 0;
	memset(b, 0, sizeof *b);
	if (strncmp(spec, "inet:", 5) == 0) {
		struct sockaddr_in *in = (struct sockaddr_in *)&b->ss;
		char ip[64];
		unsigned port;

		ck_assert_msg(sscanf(spec + 5, "%63[^:]:%u", ip, &port) == 2, "line %u: bad %s", line, spec);
		in->sin_family = AF_INET;
		in->sin_port = htons((uint16_t)port);
		ck_assert(inet_pton(AF_INET, ip, &in->sin_addr) == 1);
		b->len = sizeof *in;
		return 1;
	}
	if (strncmp(spec, "inet6:[", 7) == 0) {
		struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)&b->ss;
		char ip[64];
		unsigned port;

		ck_assert_msg(sscanf(spec + 7, "%63[^]]]:%u", ip, &port) == 2, "line %u: bad %s", line, spec);
		in6->sin6_family = AF_INET6;
		in6->sin6_port = htons((uint16_t)port);
		ck_assert(inet_pton(AF_INET6, ip, &in6->sin6_addr) == 1);
		b->len = sizeof *in6;
		return 1;
	}
	if (strncmp(spec, "unix:", 5) == 0 || strncmp(spec, "abstract:", 9) == 0) {
		struct sockaddr_un *un = (struct sockaddr_un *)&b->ss;
		bool abs = spec[0] == 'a';
		const char *name = spec + (abs ? 9 : 5);

		un->sun_family = AF_UNIX;
		memcpy(un->sun_path + abs, name, strlen(name));
		b->len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + abs + strlen(name) + !abs);
		if (!abs)
			snprintf(b->upath, sizeof b->upath, "%s", name);
		return 1;
	}
	if (strcmp(spec, "unspec") == 0 || strcmp(spec, "netlink") == 0) {
		b->ss.ss_family = spec[0] == 'u' ? AF_UNSPEC : AF_NETLINK;
		b->len = 16;
		return 1;
	}
	return 0;
}

struct expect {
	enum verdict_action action;
	int err;
	bool log;
	int rule;		/* -1: not checked; 0: none (default/fixed) */
	const char *rule_file;	/* "<default>" / "<fixed>" with rule == 0 */
	const char *check;
};

/* Build the event for one ABI; false when the syscall is not on it. */
static bool build(const struct janus_arch *a, char **tok, int ntok, unsigned line,
		  struct sc_event *ev, struct addrbuf *ab, struct expect *x)
{
	char name[64], *slash;
	const struct sc_desc *d;
	long nr;
	int i, arg = 0, npath = 0;

	memset(ev, 0, sizeof *ev);
	ev->arch = a;
	ev->id = SC_COUNT;
	snprintf(name, sizeof name, "%s", tok[1]);
	slash = strchr(name, '/');
	if (slash) {
		/* socketcall/NAME: the multiplexer's number, the sub-call's id. */
		*slash = '\0';
		ev->id = sc_id_by_name(slash + 1);
		ck_assert_msg(ev->id != SC_COUNT, "line %u: unknown sub-call %s", line, slash + 1);
		nr = arch_syscall_nr(a, name);
		if (nr < 0)
			return false;
		ev->nr = (uint64_t)nr;
		nr = arch_syscall_nr(a, slash + 1);
		if (nr < 0)
			nr = arch_syscall_nr(arch_by_abi(JANUS_ABI_X86_64), slash + 1),
			a = arch_by_abi(JANUS_ABI_X86_64);
		d = arch_syscall(a, (uint64_t)nr);
	} else {
		nr = arch_syscall_nr(a, name);
		if (nr < 0)
			return false;
		ev->nr = (uint64_t)nr;
		d = arch_syscall(a, (uint64_t)nr);
	}
	ck_assert(d != NULL);

	for (i = 2; i < ntok && strcmp(tok[i], "->") != 0; i++) {
		char *t = tok[i];

		if (strncmp(t, "target=", 7) == 0) {
			ev->target_in_jail = strcmp(t + 7, "jail") == 0;
			continue;
		}
		if (strncmp(t, "cmsg=", 5) == 0) {
			ev->cmsg = (strstr(t, "rights") ? POLICY_CMSG_RIGHTS : 0) |
				   (strstr(t, "creds") ? POLICY_CMSG_CREDENTIALS : 0);
			continue;
		}
		if (strncmp(t, "held=", 5) == 0) {
			static const struct { const char *n; unsigned flags; } h[] = {
				{ "ro", O_RDONLY }, { "wo", O_WRONLY }, { "rw", O_RDWR }, { "path", O_PATH },
			};
			unsigned k = 0;
			while (k < 4 && strcmp(t + 5, h[k].n) != 0)
				k++;
			ck_assert_msg(k < 4, "policy.cases:%u: held=%s", line, t + 5);
			ev->held[0] = policy_fs_held(h[k].flags);
			continue;
		}
		if (strncmp(t, "path=", 5) == 0 || strncmp(t, "path2=", 6) == 0) {
			ev->path[t[4] == '2'] = strchr(t, '=') + 1;
			continue;
		}
		ck_assert_msg(arg < 6, "policy.cases:%u: too many arguments", line);
		if (t[0] == '\x01') {
			/* A string: a path the supervisor resolved, or (a symlink
			 * target, a name) just a pointer. */
			if (d->arg[arg] == AK_PATH && npath < 2)
				ev->path[npath++] = t + 1;
			ev->args[arg] = 0x10000u + 0x1000u * (unsigned)arg;
			arg++;
		} else if (strcmp(t, "_") == 0) {
			ev->args[arg++] = ab->len;
		} else if (strcmp(t, "NULL") == 0 || strcmp(t, "null") == 0 || strcmp(t, "msg:none") == 0) {
			ev->args[arg++] = strcmp(t, "msg:none") == 0 ? 0x30000 : 0;
		} else if (sockaddr_of(strncmp(t, "msg:", 4) == 0 ? t + 4 : t, ab, line)) {
			ev->addr = (const struct sockaddr *)&ab->ss;
			ev->addrlen = ab->len;
			if (ab->upath[0])
				ev->path[0] = ab->upath;
			ev->args[arg++] = 0x20000;
		} else {
			ev->args[arg++] = expr(a, t, line);
		}
	}
	ck_assert_msg(arg == d->nargs, "policy.cases:%u: %s takes %u arguments, the case gives %d",
		      line, d->name, d->nargs, arg);
	ck_assert_msg(i + 1 < ntok, "policy.cases:%u: no '-> VERDICT'", line);

	/* The expected verdict. */
	memset(x, 0, sizeof *x);
	x->rule = -1;
	i++;
	if (strcmp(tok[i], "ALLOW") == 0) {
		x->action = VERDICT_ALLOW;
	} else if (strcmp(tok[i], "LOG") == 0) {
		x->action = VERDICT_ALLOW;
		x->log = true;
	} else if (strcmp(tok[i], "KILL") == 0) {
		x->action = VERDICT_KILL;
	} else {
		const struct name_entry *e;

		ck_assert_msg(strcmp(tok[i], "DENY") == 0 && i + 1 < ntok,
			      "policy.cases:%u: expected ALLOW, LOG, KILL or DENY ERRNO", line);
		x->action = VERDICT_DENY;
		e = names_find(&names_errno, tok[++i]);
		ck_assert_msg(e != NULL, "policy.cases:%u: unknown errno %s", line, tok[i]);
		x->err = (int)e->val[0];
	}
	for (i++; i < ntok; i++) {
		if (strncmp(tok[i], "rule=", 5) == 0) {
			const char *r = tok[i] + 5;

			if (strcmp(r, "default") == 0 || strcmp(r, "fixed") == 0) {
				x->rule = 0;
				x->rule_file = r[0] == 'd' ? "<default>" : "<fixed>";
			} else {
				x->rule = atoi(r);
			}
		} else if (strncmp(tok[i], "check=", 6) == 0) {
			x->check = tok[i] + 6;
		} else if (strcmp(tok[i], "log") == 0) {
			x->log = true;
		} else {
			ck_abort_msg("policy.cases:%u: unexpected '%s'", line, tok[i]);
		}
	}
	return true;
}

static const char *action_str(enum verdict_action a)
{
	return a == VERDICT_ALLOW ? "ALLOW" : a == VERDICT_DENY ? "DENY" : "KILL";
}

static struct policy *case_policy(int idx)
{
	struct case_policy *cp = &policies[idx];
	struct policy_diag d;
	struct policy *p;

	if (cp->file) {
		p = policy_load_file(cp->file, &test_vars, &d);
	} else {
		/* Named as if it lived beside the case file, so its
		 * includes are relative to test/unit/. */
		char name[256];

		snprintf(name, sizeof name, "%s/test/unit/%s", POLICY_SRCDIR, cp->name);
		p = policy_load_string(name, cp->text, &test_vars, &d);
	}
	ck_assert_msg(p != NULL, "case policy %s does not load:\n%s", cp->name, d.text);
	return p;
}

START_TEST(test_case_row)
{
	struct case_row *row = &rows[_i];
	struct policy *p = case_policy(row->pol);
	char *copy = xstrdup(row->text);
	char *tok[MAXTOK];
	int ntok = tokenize(copy, tok);
	unsigned tried = 0;

	ck_assert_msg(ntok >= 4, "policy.cases:%u: too short", row->line);
	for (unsigned abi = 0; abi < JANUS_ABI_COUNT; abi++) {
		const struct janus_arch *a = arch_by_abi((enum janus_abi)abi);
		struct sc_event ev;
		struct addrbuf ab = { 0 };
		struct expect x;
		struct verdict v;
		char *tcopy[MAXTOK];
		char *c2 = xstrdup(row->text);
		int n2;

		if (strcmp(tok[0], "*") != 0 && strcmp(tok[0], a->name) != 0) {
			free(c2);
			continue;
		}
		n2 = tokenize(c2, tcopy);
		if (!build(a, tcopy, n2, row->line, &ev, &ab, &x)) {
			ck_assert_msg(strcmp(tok[0], "*") == 0, "policy.cases:%u: %s has no %s",
				      row->line, a->name, tok[1]);
			free(c2);
			continue;
		}
		tried++;
		policy_eval(p, &ev, &v);
		ck_assert_msg(v.action == x.action && (x.action != VERDICT_DENY || v.err == x.err) &&
			      v.log == x.log,
			      "policy.cases:%u [%s] %s: expected %s %d%s, got %s %d%s (%s, %s:%u)",
			      row->line, a->name, tok[1], action_str(x.action), x.err, x.log ? " log" : "",
			      action_str(v.action), v.err, v.log ? " log" : "", v.check, v.file, v.line);
		if (x.rule >= 0)
			ck_assert_msg(x.rule == 0 ? strcmp(v.file, x.rule_file) == 0 : (int)v.line == x.rule,
				      "policy.cases:%u [%s]: decided by %s:%u, expected rule %s%d",
				      row->line, a->name, v.file, v.line, x.rule ? "line " : x.rule_file,
				      x.rule ? x.rule : 0);
		if (x.check)
			ck_assert_msg(strcmp(v.check, x.check) == 0,
				      "policy.cases:%u [%s]: decided by check %s, expected %s",
				      row->line, a->name, v.check, x.check);
		free(c2);
	}
	ck_assert_msg(tried > 0, "policy.cases:%u: no ABI has %s", row->line, tok[1]);
	free(copy);
	policy_free(p);
}
END_TEST

TCase *tcase_policy_cases(void)
{
	TCase *tc = tcase_create("cases");

	load_cases();
	tcase_add_loop_test(tc, test_case_row, 0, (int)nrows);
	return tc;
}
