/* compile.c - statements to the compiled policy (compiled.h).
 *
 * Names are resolved here (syscalls, groups, errno, ioctl, ...), and an
 * unknown one is an error that points at its token.  Rules are compiled
 * one by one as the parser reads them; compile_finish() then fills the
 * syscall slots no rule named, builds the fs trie and the per-family
 * address lists, and works out which checks are static.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "access.h"
#include "ast.h"
#include "fstrie.h"
#include "groups.h"
#include "names.h"

/* One compile step: the rule being compiled and where errors go. */
struct cc {
	struct policy *pol;
	const struct ast_rule *r;
	struct policy_diag *d;
	struct arena scratch;	/* list items: freed when the rule is done */
};

/* One item of a comma-separated list. */
struct item {
	const char *text;
	struct loc at;
};

#define MAX_ITEMS 256

static int oom(struct cc *c)
{
	return diag_file_error(c->d, c->r->action_tok->at.src->name, -ENOMEM, "out of memory");
}

static void *push(struct cc *c, struct rule_list *l, size_t size)
{
	if (l->n == l->cap) {
		unsigned nc = l->cap ? l->cap * 2 : 8;
		void *v = arena_grow(&c->pol->mem, l->v, l->cap * size, nc * size);

		if (!v)
			return NULL;
		l->v = v;
		l->cap = nc;
	}
	c->pol->nrules++;
	return (char *)l->v + size * l->n++;
}

static void hdr_init(struct cc *c, struct rule_hdr *h)
{
	const struct ast_rule *r = c->r;

	h->action = (uint8_t)r->action;
	h->log = r->log || r->action == ACT_LOG;
	h->err = r->err;
	h->file = r->action_tok->at.src->name;
	h->line = r->action_tok->at.line;
	h->col = r->action_tok->at.col;
	h->seq = r->seq;
}

static int add_warning(struct policy *pol, const char *file, unsigned line, unsigned col,
		       const char *msg)
{
	if (pol->nwarn == pol->warncap) {
		unsigned nc = pol->warncap ? pol->warncap * 2 : 8;
		struct warning *w = arena_grow(&pol->mem, pol->warn, pol->warncap * sizeof(*w),
					       nc * sizeof(*w));

		if (!w)
			return -ENOMEM;
		pol->warn = w;
		pol->warncap = nc;
	}

	struct warning *w = &pol->warn[pol->nwarn];

	w->file = file;
	w->line = line;
	w->col = col;
	w->msg = arena_strdup(&pol->mem, msg);
	if (!w->msg)
		return -ENOMEM;
	pol->nwarn++;
	return 0;
}

static int warn(struct cc *c, const struct loc *at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static int warn(struct cc *c, const struct loc *at, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (add_warning(c->pol, at->src->name, at->line, at->col, msg) < 0)
		return oom(c);
	return 0;
}

static struct loc after_tok(const struct token *t)
{
	struct loc l = t->at;

	l.col += l.len;
	l.len = 1;
	return l;
}

/* Split tokens t[0..n) into comma-separated items, starting at t[0] and
 * going on to the next token only while the current one ends in ','
 * ("read, write").  Returns the number of tokens used, or -errno. */
static int take_list(struct cc *c, const struct token *t, unsigned n, struct item *items,
		     unsigned *nitems, const char *what)
{
	unsigned used = 0;

	*nitems = 0;
	while (used < n) {
		const struct token *tok = &t[used++];
		const char *s = tok->text;
		size_t len = strlen(s);
		bool exact = tok->type == TOK_WORD && !tok->has_var;
		size_t start = 0;

		for (size_t i = 0; i <= len; i++) {
			if (i < len && s[i] != ',')
				continue;
			if (i == len && i == start && len && s[len - 1] == ',')
				break;	/* trailing comma: list goes on */
			if (i == start) {
				struct loc at = tok->at;

				if (exact) {
					at.col += (unsigned)i;
					at.len = 1;
				}
				return diag_error(c->d, &at, "empty item in the %s list", what);
			}
			if (*nitems >= MAX_ITEMS)
				return diag_error(c->d, &tok->at, "more than %d items in one list",
						  MAX_ITEMS);

			struct item *it = &items[(*nitems)++];

			it->text = arena_strndup(&c->scratch, s + start, i - start);
			if (!it->text)
				return oom(c);
			it->at = tok->at;
			if (exact) {
				it->at.col += (unsigned)start;
				it->at.len = (unsigned)(i - start);
			}
			start = i + 1;
		}
		if (!len || s[len - 1] != ',')
			break;
		if (used == n) {
			struct loc at = after_tok(tok);

			return diag_error(c->d, &at, "missing argument: the %s list ends with ','", what);
		}
	}
	return (int)used;
}

static int unknown(struct cc *c, const struct loc *at, const char *what, const char *name,
		   const char *sug, const char *hint)
{
	if (sug)
		return diag_error(c->d, at, "unknown %s '%s' (did you mean '%s'?)", what, name, sug);
	return diag_error(c->d, at, "unknown %s '%s'%s", what, name, hint ? hint : "");
}

static int missing(struct cc *c, const char *what)
{
	return diag_error(c->d, &c->r->end, "missing argument: '%s' %s",
			  c->r->kind_tok->text, what);
}

/* Decimal or 0x hexadecimal, up to max. */
static int parse_number(const char *s, unsigned long long max, unsigned long long *out)
{
	char *end;

	if (!(*s >= '0' && *s <= '9'))
		return -EINVAL;
	errno = 0;
	*out = strtoull(s, &end, 0);
	if (errno || *end || *out > max)
		return -EINVAL;
	return 0;
}

/* ---- syscall ------------------------------------------------------- */

/* Calls that let a program leave the jail, blind the tracer or read
 * other processes: a @group that brings them in gets a warning. */
static bool dangerous(enum sc_id id)
{
	switch (id) {
	case SC_ptrace: case SC_process_vm_readv: case SC_process_vm_writev:
	case SC_bpf: case SC_userfaultfd: case SC_perf_event_open:
	case SC_io_uring_setup: case SC_io_uring_enter: case SC_io_uring_register:
	case SC_init_module: case SC_finit_module: case SC_kexec_load:
	case SC_kexec_file_load: case SC_unshare: case SC_setns:
	case SC_iopl: case SC_ioperm: case SC_keyctl: case SC_add_key:
	case SC_request_key: case SC_syslog: case SC_reboot: case SC_kcmp:
		return true;
	default:
		return false;
	}
}

static void set_slot(struct cc *c, enum sc_id id, uint8_t spec)
{
	struct sc_slot *s = &c->pol->sc[id];
	const struct ast_rule *r = c->r;

	if (spec < s->spec)
		return;
	s->action = (uint8_t)r->action;
	s->spec = spec;
	s->log = r->log || r->action == ACT_LOG;
	s->err = r->action == ACT_DENY ? (r->err ? r->err : EPERM) : 0;
	s->file = r->action_tok->at.src->name;
	s->line = r->action_tok->at.line;
}

static int group_warning(struct cc *c, const struct sc_group *g, const struct loc *at)
{
	char list[384];
	size_t len = 0;

	list[0] = '\0';
	for (unsigned i = 0; i < g->n; i++) {
		if (!dangerous(g->ids[i]))
			continue;
		int w = snprintf(list + len, sizeof list - len, "%s%s", len ? ", " : "",
				 sc_id_name(g->ids[i]));

		if (w < 0 || (size_t)w >= sizeof list - len)
			break;
		len += (size_t)w;
	}
	if (!len)
		return 0;
	return warn(c, at, "'%s syscall @%s' also allows %s, which can escape the jail or reach other processes; name the calls you need instead",
		    c->r->action_tok->text, g->name, list);
}

static int compile_syscall(struct cc *c)
{
	struct item items[MAX_ITEMS];
	unsigned done = 0;
	int e = 0;

	if (c->r->nargs == 0)
		e = missing(c, "needs at least one syscall name or @group (as 'allow syscall read write @time')");
	while (e == 0 && done < c->r->nargs) {
		unsigned n;
		int used = take_list(c, c->r->args + done, c->r->nargs - done, items, &n, "syscall");

		if (used < 0) {
			e = used;
			break;
		}
		done += (unsigned)used;
		for (unsigned i = 0; i < n && e == 0; i++) {
			const char *name = items[i].text;

			if (name[0] == '@') {
				const struct sc_group *g = groups_find(name + 1);

				if (!g) {
					struct suggest s;

					suggest_init(&s, name + 1);
					for (unsigned k = 0; k < policy_ngroups; k++)
						suggest_offer(&s, policy_groups[k].name);
					if (suggest_result(&s))
						e = diag_error(c->d, &items[i].at,
							       "unknown syscall group '%s' (did you mean '@%s'?)",
							       name, suggest_result(&s));
					else
						e = diag_error(c->d, &items[i].at,
							       "unknown syscall group '%s' (groups are listed in janus-policy(5))",
							       name);
					break;
				}
				for (unsigned k = 0; k < g->n; k++)
					set_slot(c, g->ids[k], 1);
				if (c->r->action == ACT_ALLOW || c->r->action == ACT_LOG)
					e = group_warning(c, g, &items[i].at);
				continue;
			}

			enum sc_id id = sc_id_by_name(name);

			if (id == SC_COUNT) {
				struct suggest s;

				suggest_init(&s, name);
				for (unsigned k = 0; k < SC_COUNT; k++)
					suggest_offer(&s, sc_id_name((enum sc_id)k));
				e = unknown(c, &items[i].at, "syscall", name, suggest_result(&s),
					    " (not a system call of x86_64, i386 or aarch64)");
				break;
			}
			set_slot(c, id, 2);
		}
	}
	return e;
}

/* ---- fs ------------------------------------------------------------ */

static int compile_fs(struct cc *c)
{
	const struct ast_rule *r = c->r;
	struct item items[MAX_ITEMS];
	uint32_t access = 0;
	unsigned n;
	int used, e = 0;

	if (r->nargs == 0)
		return missing(c, "needs access modes and at least one path pattern (as 'allow fs read /usr/**')");
	if (r->args[0].text[0] == '/')
		return diag_error(c->d, &r->args[0].at,
				  "expected access modes (read, write, create, exec, ... or ro, rw, all) before the path pattern");
	used = take_list(c, r->args, r->nargs, items, &n, "access");
	if (used < 0)
		return used;
	for (unsigned i = 0; i < n; i++) {
		uint32_t m;

		if (access_by_name(items[i].text, &m) < 0) {
			e = unknown(c, &items[i].at, "access", items[i].text,
				    access_suggest(items[i].text),
				    " (expected read, write, create, exec, unlink, rename, link, symlink, chmod, chown, mkdir, rmdir, mknod-fifo, mknod-dev, stat, chdir, xattr, truncate, utime, readlink, ro, rw or all)");
			break;
		}
		access |= m;
	}
	if (e < 0)
		return e;
	if ((unsigned)used >= r->nargs)
		return missing(c, "needs at least one path pattern after the access modes");

	for (unsigned i = (unsigned)used; i < r->nargs; i++) {
		const struct token *t = &r->args[i];
		struct fs_rule *fr = push(c, &c->pol->fs, sizeof(*fr));
		const char *why;
		size_t where;

		if (!fr)
			return oom(c);
		hdr_init(c, &fr->h);
		fr->access = access;
		e = glob_compile_path(&c->pol->mem, t->glob, &fr->g, &why, &where);
		if (e == -ENOMEM)
			return oom(c);
		if (e < 0)
			return diag_error(c->d, &t->at, "bad path pattern '%s': %s", t->text, why);
		if ((r->action == ACT_ALLOW || r->action == ACT_LOG) && strcmp(fr->g.pat, "/**") == 0) {
			e = warn(c, &t->at, "fs rule on '/**' gives access to the whole file system");
			if (e < 0)
				return e;
		}
	}
	return 0;
}

/* ---- socket -------------------------------------------------------- */

static int name_or_number(struct cc *c, const struct name_table *t, const struct item *it,
			  unsigned long long max, uint32_t *v, const char *hint)
{
	const struct name_entry *ne = names_find(t, it->text);
	unsigned long long num;

	if (ne) {
		*v = ne->val[0];
		return 0;
	}
	if (parse_number(it->text, max, &num) == 0) {
		*v = (uint32_t)num;
		return 0;
	}
	return unknown(c, &it->at, t->what, it->text, names_suggest(t, it->text), hint);
}

static bool all_in(const struct item *items, unsigned n, const struct name_table *t)
{
	for (unsigned i = 0; i < n; i++)
		if (strcmp(items[i].text, "any") != 0 && !names_find(t, items[i].text))
			return false;
	return true;
}

static int socket_protos(struct cc *c, struct socket_rule *sr, const struct item *items, unsigned n)
{
	for (unsigned i = 0; i < n; i++) {
		uint32_t v;

		if (strcmp(items[i].text, "any") == 0) {
			sr->any_proto = true;
			continue;
		}
		if (sr->nproto >= sizeof sr->proto / sizeof sr->proto[0])
			return diag_error(c->d, &items[i].at, "more than 8 protocols in one rule");

		int e = name_or_number(c, &names_proto, &items[i], 65535, &v,
				       " (expected tcp, udp, icmp, icmpv6, sctp, raw, ... or a number)");

		if (e < 0)
			return e;
		sr->proto[sr->nproto++] = (int)v;
	}
	return 0;
}

static int unknown_type_or_proto(struct cc *c, const struct item *items, unsigned n)
{
	for (unsigned i = 0; i < n; i++) {
		struct suggest s;

		if (strcmp(items[i].text, "any") == 0 || names_find(&names_socktype, items[i].text) ||
		    names_find(&names_proto, items[i].text))
			continue;
		suggest_init(&s, items[i].text);
		for (size_t k = 0; k < names_socktype.n; k++)
			suggest_offer(&s, names_socktype.e[k].name);
		for (size_t k = 0; k < names_proto.n; k++)
			suggest_offer(&s, names_proto.e[k].name);
		return unknown(c, &items[i].at, "socket type or protocol", items[i].text,
			       suggest_result(&s),
			       " (expected stream, dgram, raw, seqpacket, ... then tcp, udp, icmp, ...)");
	}
	return diag_error(c->d, &items[0].at,
			  "mixed socket types and protocols in one list: write TYPE[,...] then PROTOCOL[,...]");
}

/* DOMAIN[,...] [TYPE[,...]] [PROTOCOL[,...]]; the second list may be
 * protocols when it holds no type ("socket inet tcp"). */
static int compile_socket(struct cc *c)
{
	const struct ast_rule *r = c->r;
	struct socket_rule *sr;
	struct item items[MAX_ITEMS];
	unsigned n, done = 0, part = 0;
	bool have_proto = false;
	int e = 0;

	if (r->nargs == 0)
		return missing(c, "needs a socket domain (as 'allow socket inet,inet6 stream tcp')");
	sr = push(c, &c->pol->sock, sizeof(*sr));
	if (!sr)
		return oom(c);
	hdr_init(c, &sr->h);
	sr->types = ~0u;
	while (e == 0 && done < r->nargs) {
		const struct token *first = &r->args[done];
		int used = take_list(c, first, r->nargs - done, items, &n, "socket");

		if (used < 0) {
			e = used;
			break;
		}
		done += (unsigned)used;
		if (part == 0) {
			for (unsigned i = 0; i < n && e == 0; i++) {
				uint32_t v;

				if (strcmp(items[i].text, "any") == 0) {
					sr->domains = ~0ull;
					continue;
				}
				e = name_or_number(c, &names_domain, &items[i], 63, &v,
						   " (expected unix, inet, inet6, netlink, packet, ... or any)");
				if (e == 0)
					sr->domains |= 1ull << v;
			}
		} else if (part == 1 && all_in(items, n, &names_socktype)) {
			sr->types = 0;
			for (unsigned i = 0; i < n; i++) {
				const struct name_entry *ne = names_find(&names_socktype, items[i].text);

				sr->types |= ne ? 1u << ne->val[0] : ~0u;
			}
		} else if (!have_proto && (part == 2 || all_in(items, n, &names_proto))) {
			e = socket_protos(c, sr, items, n);
			have_proto = true;
		} else if (part == 1) {
			e = unknown_type_or_proto(c, items, n);
		} else {
			e = diag_error(c->d, &first->at,
				       "unexpected '%s': a socket rule is DOMAIN[,...] [TYPE[,...]] [PROTOCOL[,...]]",
				       first->text);
		}
		part++;
	}
	if (e < 0)
		return e;
	if (sr->nproto == 0)
		sr->any_proto = true;
	return 0;
}

/* ---- connect, bind -------------------------------------------------- */

static const struct name_entry *domain_named(const char *s)
{
	return names_find(&names_domain, s);
}

static struct addr_rule *new_addr(struct cc *c)
{
	struct rule_list *l = c->r->kind == KIND_CONNECT ? &c->pol->conn : &c->pol->bind;
	struct addr_rule *ar = push(c, l, sizeof(*ar));

	if (ar)
		hdr_init(c, &ar->h);
	return ar;
}

/* `port LIST` after IP specs: applies to the last `count` rules. */
static int addr_ports(struct cc *c, unsigned *i, unsigned count)
{
	const struct ast_rule *r = c->r;
	struct rule_list *l = r->kind == KIND_CONNECT ? &c->pol->conn : &c->pol->bind;
	struct item items[MAX_ITEMS];
	struct port_range *ports;
	unsigned n, np = 0;
	int used;

	if (*i + 1 >= r->nargs)
		return diag_error(c->d, &r->end,
				  "missing argument: expected a port, a range or a list (as 80 or 8000-8080 or 80,443) after 'port'");
	used = take_list(c, r->args + *i + 1, r->nargs - *i - 1, items, &n, "port");
	if (used < 0)
		return used;
	ports = arena_alloc(&c->pol->mem, n * sizeof(*ports));
	if (!ports)
		return oom(c);
	for (unsigned k = 0; k < n; k++) {
		const char *why;
		unsigned got;

		if (addr_parse_ports(items[k].text, ports + np, 1, &got, &why) < 0)
			return diag_error(c->d, &items[k].at, "bad port '%s': %s", items[k].text, why);
		np += got;
	}
	for (unsigned k = 0; k < count; k++) {
		struct addr_rule *ar = (struct addr_rule *)l->v + (l->n - 1 - k);

		ar->a.ports = ports;
		ar->a.nports = np;
	}
	*i += 1 + (unsigned)used;
	return 0;
}

static int addr_warnings(struct cc *c, unsigned first, unsigned count, const struct loc *at)
{
	const struct ast_rule *r = c->r;
	struct rule_list *l = r->kind == KIND_CONNECT ? &c->pol->conn : &c->pol->bind;
	bool any_addr = false, any_port = false;

	if (r->action != ACT_ALLOW && r->action != ACT_LOG)
		return 0;
	for (unsigned k = first; k < first + count; k++) {
		const struct addr_spec *a = &((struct addr_rule *)l->v)[k].a;

		if ((a->fam == AFAM_V4 || a->fam == AFAM_V6) && a->plen == 0)
			any_addr = true;
		if (a->fam == AFAM_V4 || a->fam == AFAM_V6) {
			if (!a->ports && r->kind == KIND_CONNECT)
				any_port = true;
			for (unsigned p = 0; p < a->nports; p++)
				if (a->ports[p].lo <= 1 && a->ports[p].hi == 65535)
					any_port = true;
		}
	}
	int e = 0;

	if (any_addr)
		e = warn(c, at, "'%s %s' allows every address (any, 0.0.0.0/0 or ::/0)",
			 r->action_tok->text, r->kind_tok->text);
	if (e == 0 && any_port)
		e = warn(c, at, "'%s %s' allows every port (1-65535); name the ports with 'port'",
			 r->action_tok->text, r->kind_tok->text);
	return e;
}

/* `unix "PATTERN"`, `abstract "PATTERN"`, `family DOMAIN|any`: kw is
 * the keyword token, v its argument. */
static int addr_named(struct cc *c, const struct token *kw, const struct token *v)
{
	struct addr_rule *ar = new_addr(c);
	const char *why;
	size_t where;
	int e;

	if (!ar)
		return oom(c);
	if (kw->text[0] == 'u') {
		ar->a.fam = AFAM_UNIX;
		e = glob_compile_path(&c->pol->mem, v->glob, &ar->a.path, &why, &where);
		if (e == -ENOMEM)
			return oom(c);
		if (e < 0)
			return diag_error(c->d, &v->at, "bad unix socket path pattern '%s': %s", v->text, why);
		return 0;
	}
	if (kw->text[0] == 'a') {
		ar->a.fam = AFAM_ABSTRACT;
		if (glob_check_flat(v->glob, &why, &where) < 0)
			return diag_error(c->d, &v->at, "bad abstract name pattern '%s': %s", v->text, why);
		ar->a.name = arena_strdup(&c->pol->mem, v->glob);
		return ar->a.name ? 0 : oom(c);
	}
	ar->a.fam = AFAM_OTHER;
	if (strcmp(v->text, "any") == 0) {
		ar->a.family = -1;	/* every family but inet, inet6, unix */
		return 0;
	}

	const struct name_entry *ne = domain_named(v->text);

	if (!ne)
		return unknown(c, &v->at, "socket domain", v->text, names_suggest(&names_domain, v->text),
			       NULL);
	if (ne->val[0] == AF_INET || ne->val[0] == AF_INET6 || ne->val[0] == AF_UNIX)
		return diag_error(c->d, &v->at,
				  "'family %s' is not allowed: write an address, 'any', unix \"...\" or abstract \"...\"",
				  v->text);
	ar->a.family = (int)ne->val[0];
	return 0;
}

/* `any`: every IPv4 and every IPv6 address. */
static int addr_any(struct cc *c)
{
	for (int k = 0; k < 2; k++) {
		struct addr_rule *ar = new_addr(c);

		if (!ar)
			return oom(c);
		ar->a.fam = k ? AFAM_V6 : AFAM_V4;
		ar->a.plen = 0;
	}
	return 0;
}

static bool is_kw(const struct token *t, const char *w)
{
	return t->type == TOK_WORD && strcmp(t->text, w) == 0;
}

static int compile_addr(struct cc *c)
{
	const struct ast_rule *r = c->r;
	struct rule_list *l = r->kind == KIND_CONNECT ? &c->pol->conn : &c->pol->bind;
	unsigned first = l->n;
	unsigned pending = 0;		/* IP rules since the last `port`: it applies to them */
	bool after_other = false;	/* the previous spec was unix/abstract/family */
	int e;

	if (r->nargs == 0)
		return missing(c, "needs an address (as 'allow connect 10.0.0.1 port 443' or 'allow connect unix \"/run/x.sock\"')");
	for (unsigned i = 0; i < r->nargs;) {
		const struct token *t = &r->args[i];

		if (is_kw(t, "port")) {
			if (!pending)
				return diag_error(c->d, &t->at, after_other ?
						  "'port' applies to IP addresses only, not to unix, abstract or family" :
						  "'port' must follow an IP address or 'any'");
			e = addr_ports(c, &i, pending);
			pending = 0;
		} else if (is_kw(t, "any")) {
			e = addr_any(c);
			pending += 2;
			after_other = false;
			i++;
		} else if (is_kw(t, "unix") || is_kw(t, "abstract") || is_kw(t, "family")) {
			if (i + 1 >= r->nargs)
				return diag_error(c->d, &r->end, "missing argument: expected %s after '%s'",
						  t->text[0] == 'u' ? "a path pattern (as \"/run/app.sock\")" :
						  t->text[0] == 'a' ? "a name pattern (as \"app-*\")" :
						  "a socket domain (as netlink)", t->text);
			e = addr_named(c, t, &r->args[i + 1]);
			pending = 0;
			after_other = true;
			i += 2;
		} else if (t->type == TOK_WORD && ((t->text[0] >= '0' && t->text[0] <= '9') || t->text[0] == '[')) {
			struct addr_rule *ar = new_addr(c);
			const char *why;

			if (!ar)
				return oom(c);
			if (addr_parse_ip(t->text, &ar->a, &why) < 0)
				return diag_error(c->d, &t->at, "malformed address '%s': %s", t->text, why);
			e = 0;
			pending++;
			after_other = false;
			i++;
		} else {
			return diag_error(c->d, &t->at,
					  "expected an address (10.0.0.1, 10.0.0.0/8, [::1], [fe80::]/10, any), unix \"PATH\", abstract \"NAME\" or family DOMAIN, found '%s'",
					  t->text);
		}
		if (e < 0)
			return e;
	}
	return addr_warnings(c, first, l->n - first, &r->args[0].at);
}

/* ---- ioctl, fcntl, sockopt, cmsg ------------------------------------- */

static int add_val(struct cc *c, uint32_t **vals, unsigned *n, unsigned *cap, uint32_t v)
{
	if (*n == *cap) {
		unsigned nc = *cap ? *cap * 2 : 8;
		uint32_t *nv = arena_grow(&c->pol->mem, *vals, *cap * sizeof(**vals), nc * sizeof(**vals));

		if (!nv)
			return oom(c);
		*vals = nv;
		*cap = nc;
	}
	(*vals)[(*n)++] = v;
	return 0;
}

/* SOL_SOCKET:SO_DEBUG, IPPROTO_IP:any, SO_DEBUG (level from the name),
 * 1:2.  Values level << 16 | option; option 0xffff: any at that level. */
static int sockopt_item(struct cc *c, const struct item *it, uint32_t **vals, unsigned *nv,
			unsigned *cap)
{
	const char *colon = strchr(it->text, ':');
	const struct name_entry *ne;
	uint32_t level;
	int e;

	if (!colon) {
		ne = names_find(&names_sockopt, it->text);
		if (!ne)
			return unknown(c, &it->at, "socket option", it->text,
				       names_suggest(&names_sockopt, it->text),
				       " (expected LEVEL:NAME as SOL_SOCKET:SO_DEBUG, or SO_*, IP_*, IPV6_*, TCP_*, UDP_* names)");
		for (unsigned k = 0; k < ne->nval; k++) {
			e = add_val(c, vals, nv, cap, ne->val[k]);
			if (e < 0)
				return e;
		}
		return 0;
	}

	struct item lv = *it, opt = *it;
	size_t ll = (size_t)(colon - it->text);

	lv.text = arena_strndup(&c->scratch, it->text, ll);
	if (!lv.text)
		return oom(c);
	lv.at.len = (unsigned)ll;
	opt.text = colon + 1;
	if (opt.at.len > ll + 1) {
		opt.at.col += (unsigned)ll + 1;
		opt.at.len -= (unsigned)ll + 1;
	}
	e = name_or_number(c, &names_socklevel, &lv, 65535, &level,
			   " (expected SOL_SOCKET, IPPROTO_IP, IPPROTO_IPV6, IPPROTO_TCP, ...)");
	if (e < 0)
		return e;
	if (strcmp(opt.text, "any") == 0)
		return add_val(c, vals, nv, cap, level << 16 | 0xffff);

	unsigned long long num;

	if (parse_number(opt.text, 65534, &num) == 0)
		return add_val(c, vals, nv, cap, level << 16 | (uint32_t)num);
	ne = names_find(&names_sockopt, opt.text);
	if (!ne)
		return unknown(c, &opt.at, "socket option", opt.text,
			       names_suggest(&names_sockopt, opt.text), NULL);
	if (ne->val[0] >> 16 != level)
		return diag_error(c->d, &opt.at, "'%s' is an option of level %s, not %s", opt.text,
				  names_name(&names_socklevel, ne->val[0] >> 16), lv.text);
	for (unsigned k = 0; k < ne->nval; k++) {
		e = add_val(c, vals, nv, cap, ne->val[k]);
		if (e < 0)
			return e;
	}
	return 0;
}

static int compile_values(struct cc *c)
{
	const struct ast_rule *r = c->r;
	struct rule_list *l;
	const struct name_table *t;
	const char *example, *hint;
	struct val_rule *vr;
	struct item items[MAX_ITEMS];
	uint32_t *vals = NULL;
	unsigned nv = 0, cap = 0, done = 0;
	int e = 0;

	switch (r->kind) {
	case KIND_IOCTL:
		l = &c->pol->ioctl, t = &names_ioctl;
		example = "needs request names or numbers (as 'allow ioctl TCGETS FIONREAD 0x5401')";
		hint = " (expected a request name from asm/ioctls.h, linux/sockios.h or linux/fs.h, or a number)";
		break;
	case KIND_FCNTL:
		l = &c->pol->fcntl, t = &names_fcntl;
		example = "needs command names (as 'deny fcntl F_SETOWN')";
		hint = " (expected F_GETFL, F_SETFL, F_SETOWN, ... or a number)";
		break;
	case KIND_SOCKOPT:
		l = &c->pol->sockopt, t = &names_sockopt;
		example = "needs options (as 'deny sockopt SOL_SOCKET:SO_BINDTODEVICE IP_HDRINCL')";
		hint = NULL;
		break;
	default:
		l = &c->pol->cmsg, t = &names_cmsg;
		example = "needs SCM_RIGHTS, SCM_CREDENTIALS or any";
		hint = " (expected SCM_RIGHTS, SCM_CREDENTIALS or any)";
		break;
	}
	if (r->nargs == 0)
		return missing(c, example);
	vr = push(c, l, sizeof(*vr));
	if (!vr)
		return oom(c);
	hdr_init(c, &vr->h);
	while (e == 0 && done < r->nargs) {
		unsigned n;
		int used = take_list(c, r->args + done, r->nargs - done, items, &n, t->what);

		if (used < 0) {
			e = used;
			break;
		}
		done += (unsigned)used;
		for (unsigned i = 0; i < n && e == 0; i++) {
			const struct name_entry *ne;
			unsigned long long num;

			if (strcmp(items[i].text, "any") == 0) {
				vr->any = true;
				continue;
			}
			if (r->kind == KIND_SOCKOPT) {
				e = sockopt_item(c, &items[i], &vals, &nv, &cap);
				continue;
			}
			ne = names_find(t, items[i].text);
			if (ne) {
				for (unsigned k = 0; k < ne->nval && e == 0; k++)
					e = add_val(c, &vals, &nv, &cap, ne->val[k]);
			} else if (r->kind != KIND_CMSG && parse_number(items[i].text, 0xffffffffull, &num) == 0) {
				e = add_val(c, &vals, &nv, &cap, (uint32_t)num);
			} else {
				e = unknown(c, &items[i].at, t->what, items[i].text,
					    names_suggest(t, items[i].text), hint);
			}
		}
	}
	vr->vals = vals;
	vr->nvals = nv;
	return e;
}

/* ---- signal ---------------------------------------------------------- */

static int compile_signal(struct cc *c)
{
	const struct ast_rule *r = c->r;
	struct signal_rule *sr;

	if (r->nargs == 0)
		return missing(c, "needs 'jail' (members of the jail only) or 'any'");
	if (r->nargs > 1)
		return diag_error(c->d, &r->args[1].at, "unexpected '%s': a signal rule takes one of jail, any",
				  r->args[1].text);
	if (strcmp(r->args[0].text, "jail") && strcmp(r->args[0].text, "any")) {
		struct suggest s;

		suggest_init(&s, r->args[0].text);
		suggest_offer(&s, "jail");
		suggest_offer(&s, "any");
		return unknown(c, &r->args[0].at, "signal target", r->args[0].text, suggest_result(&s),
			       " (expected jail or any)");
	}
	sr = push(c, &c->pol->sig, sizeof(*sr));
	if (!sr)
		return oom(c);
	hdr_init(c, &sr->h);
	sr->any = strcmp(r->args[0].text, "any") == 0;
	return 0;
}

/* ---- entry points ---------------------------------------------------- */

void compile_init(struct policy *pol)
{
	pol->limit_procs_file = "<default>";
	pol->dflt.action = ACT_DENY;
	pol->dflt.err = EPERM;
	pol->dflt.file = "<default>";
	for (unsigned i = 0; i < SC_COUNT; i++)
		pol->sc[i] = pol->dflt;
}

int compile_default(struct policy *pol, const struct ast_rule *r)
{
	pol->dflt.action = (uint8_t)r->action;
	pol->dflt.spec = 0;
	pol->dflt.log = r->log || r->action == ACT_LOG;
	pol->dflt.err = r->action == ACT_DENY ? (r->err ? r->err : EPERM) : 0;
	pol->dflt.file = r->action_tok->at.src->name;
	pol->dflt.line = r->action_tok->at.line;
	return 0;
}

/* ---- limit ------------------------------------------------------------ */

/* The kernel's own ceiling on pids (PID_MAX_LIMIT on 64-bit). */
#define LIMIT_PROCS_MAX 4194304u

/* limit processes N|unlimited: the last one read wins, as for `default`,
 * so a policy that includes another can raise or lift its limit. */
int compile_limit(struct policy *pol, const struct ast_rule *r, struct policy_diag *d)
{
	static const char expect[] = "a number of processes from 1 to 4194304 or 'unlimited'";
	const struct token *t = r->args;
	unsigned long long num;

	if (r->nargs == 0)
		return diag_error(d, &r->end, "missing argument: expected what to limit (processes) after 'limit'");
	if (strcmp(t[0].text, "processes") != 0) {
		struct suggest s;

		suggest_init(&s, t[0].text);
		suggest_offer(&s, "processes");
		if (suggest_result(&s))
			return diag_error(d, &t[0].at, "unknown limit '%s' (did you mean '%s'?)", t[0].text,
					  suggest_result(&s));
		return diag_error(d, &t[0].at, "unknown limit '%s' (expected processes)", t[0].text);
	}
	if (r->nargs == 1)
		return diag_error(d, &r->end, "missing argument: expected %s after 'limit processes'", expect);
	if (r->nargs > 2)
		return diag_error(d, &t[2].at, "unexpected '%s' after the limit (a limit takes one value)",
				  t[2].text);
	if (strcmp(t[1].text, "unlimited") == 0)
		num = 0;
	else if (parse_number(t[1].text, LIMIT_PROCS_MAX, &num) < 0 || num == 0)
		return diag_error(d, &t[1].at, "expected %s, found '%s'", expect, t[1].text);
	pol->limit_procs = (unsigned)num;
	pol->limit_procs_file = r->action_tok->at.src->name;
	pol->limit_procs_line = r->action_tok->at.line;
	return 0;
}

static int compile_kind(struct cc *c)
{
	switch (c->r->kind) {
	case KIND_SYSCALL:
		return compile_syscall(c);
	case KIND_FS:
		return compile_fs(c);
	case KIND_SOCKET:
		return compile_socket(c);
	case KIND_CONNECT: case KIND_BIND:
		return compile_addr(c);
	case KIND_IOCTL: case KIND_FCNTL: case KIND_SOCKOPT: case KIND_CMSG:
		return compile_values(c);
	case KIND_SIGNAL:
		return compile_signal(c);
	default:
		return diag_error(c->d, &c->r->kind_tok->at, "internal error: unknown rule kind");
	}
}

int compile_rule(struct policy *pol, const struct ast_rule *r, struct policy_diag *d)
{
	struct cc c = { pol, r, d, { 0 } };
	int e = compile_kind(&c);

	arena_release(&c.scratch);
	return e;
}

/* ---- finish ------------------------------------------------------ */

static void by_family(struct policy *pol, const struct rule_list *l,
		      const struct addr_rule **by[AFAM_COUNT], unsigned nby[AFAM_COUNT], int *e)
{
	const struct addr_rule *v = l->v;

	for (unsigned f = 0; f < AFAM_COUNT; f++) {
		unsigned n = 0;

		for (unsigned i = 0; i < l->n; i++)
			n += v[i].a.fam == f;
		by[f] = arena_alloc(&pol->mem, (n ? n : 1) * sizeof(*by[f]));
		if (!by[f]) {
			*e = -ENOMEM;
			return;
		}
		n = 0;
		for (unsigned i = 0; i < l->n; i++)
			if (v[i].a.fam == f)
				by[f][n++] = &v[i];
		nby[f] = n;
	}
}

/* A kind with an allow/log rule matching every call and no deny/kill
 * rule is always allowed; a kind without rules is always refused. */
static void statics(struct policy *pol)
{
	struct {
		enum rule_kind k;
		const struct rule_list *l;
		size_t size;
	} lists[] = {
		{ KIND_FS, &pol->fs, sizeof(struct fs_rule) },
		{ KIND_SOCKET, &pol->sock, sizeof(struct socket_rule) },
		{ KIND_IOCTL, &pol->ioctl, sizeof(struct val_rule) },
		{ KIND_FCNTL, &pol->fcntl, sizeof(struct val_rule) },
		{ KIND_SOCKOPT, &pol->sockopt, sizeof(struct val_rule) },
		{ KIND_CMSG, &pol->cmsg, sizeof(struct val_rule) },
		{ KIND_SIGNAL, &pol->sig, sizeof(struct signal_rule) },
	};

	for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
		const struct rule_list *l = lists[i].l;
		struct kind_static *st = &pol->stat[lists[i].k];
		const struct rule_hdr *all = NULL;
		uint32_t fs_union = 0;
		bool restrictive = false;

		st->state = STATIC_NO;
		if (l->n == 0) {
			/* cmsg: a sendmsg without control data passes. */
			if (lists[i].k != KIND_CMSG)
				st->state = STATIC_DENY;
			continue;
		}
		for (unsigned k = 0; k < l->n; k++) {
			const struct rule_hdr *h = (const void *)((const char *)l->v + k * lists[i].size);
			bool everything = false;

			if (h->action == ACT_DENY || h->action == ACT_KILL) {
				restrictive = true;
				break;
			}
			switch (lists[i].k) {
			case KIND_FS: {
				const struct fs_rule *fr = (const void *)h;

				if (strcmp(fr->g.pat, "/**") == 0)
					fs_union |= fr->access;
				everything = fs_union == POLICY_FS_ALL;
				break;
			}
			case KIND_SOCKET: {
				const struct socket_rule *sr = (const void *)h;

				everything = sr->domains == ~0ull && sr->types == ~0u && sr->any_proto;
				break;
			}
			case KIND_SIGNAL:
				everything = ((const struct signal_rule *)(const void *)h)->any;
				break;
			default:
				everything = ((const struct val_rule *)(const void *)h)->any;
				break;
			}
			if (everything)
				all = h;
		}
		if (!restrictive && all) {
			st->state = STATIC_ALLOW;
			st->rule = all;
		}
	}
	pol->stat[KIND_CONNECT].state = STATIC_NO;
	pol->stat[KIND_BIND].state = STATIC_NO;
}

/* A pattern both writable and executable (over all allow rules naming
 * the same pattern): the program can run code it wrote. */
static int wx_warnings(struct policy *pol)
{
	const struct fs_rule *v = pol->fs.v;
	const uint32_t w = POLICY_FS_WRITE | POLICY_FS_CREATE;

	for (unsigned i = 0; i < pol->fs.n; i++) {
		uint32_t acc = 0;
		bool first = true;

		if (v[i].h.action != ACT_ALLOW && v[i].h.action != ACT_LOG)
			continue;
		for (unsigned j = 0; j < pol->fs.n; j++) {
			if (v[j].h.action != ACT_ALLOW && v[j].h.action != ACT_LOG)
				continue;
			if (strcmp(v[i].g.pat, v[j].g.pat) != 0)
				continue;
			if (j < i)
				first = false;
			acc |= v[j].access;
		}
		if (!first || !(acc & w) || !(acc & POLICY_FS_EXEC))
			continue;

		char msg[512];

		snprintf(msg, sizeof msg,
			 "'%.400s' is both writable and executable: the program can run code it wrote there",
			 v[i].g.pat);
		if (add_warning(pol, v[i].h.file, v[i].h.line, v[i].h.col, msg) < 0)
			return -ENOMEM;
	}
	return 0;
}

int compile_finish(struct policy *pol, struct policy_diag *d)
{
	int e = 0;

	for (unsigned i = 0; i < SC_COUNT; i++)
		if (pol->sc[i].spec == 0)
			pol->sc[i] = pol->dflt;

	pol->fs_root = arena_alloc(&pol->mem, sizeof(*pol->fs_root));
	if (!pol->fs_root)
		e = -ENOMEM;
	for (unsigned i = 0; e == 0 && i < pol->fs.n; i++)
		e = fstrie_add(&pol->mem, pol->fs_root, (const struct fs_rule *)pol->fs.v + i);
	if (e == 0)
		fstrie_sort(pol->fs_root);
	if (e == 0)
		by_family(pol, &pol->conn, pol->conn_by, pol->nconn_by, &e);
	if (e == 0)
		by_family(pol, &pol->bind, pol->bind_by, pol->nbind_by, &e);
	if (e == 0)
		e = wx_warnings(pol);
	if (e < 0)
		return diag_file_error(d, pol->name, e, "out of memory");
	statics(pol);
	return 0;
}

int kind_default_errno(enum rule_kind k)
{
	switch (k) {
	case KIND_FS: case KIND_SOCKET: case KIND_CONNECT: case KIND_BIND:
		return EACCES;
	default:
		return EPERM;
	}
}

const char *kind_name(enum rule_kind k)
{
	static const char *const names[KIND_COUNT] = {
		"syscall", "fs", "socket", "connect", "bind", "ioctl", "fcntl", "sockopt",
		"cmsg", "signal"
	};

	return (unsigned)k < KIND_COUNT ? names[k] : "?";
}

/* ---- what the supervisor asks of the whole policy ------------------------ */

unsigned policy_limit_processes(const struct policy *pol)
{
	return pol->limit_procs;
}

void policy_limit_processes_rule(const struct policy *pol, const char **file, unsigned *line)
{
	*file = pol->limit_procs_file;
	*line = pol->limit_procs_line;
}

/* As eval.c's cmsg check decides one type: some allow (or log) rule
 * matches it and no deny or kill rule does. */
unsigned policy_cmsg_allowed(const struct policy *pol)
{
	static const struct {
		unsigned bit;
		uint32_t scm;
	} types[] = {
		{ POLICY_CMSG_RIGHTS, SCM_RIGHTS },
		{ POLICY_CMSG_CREDENTIALS, SCM_CREDENTIALS },
	};
	const struct val_rule *r = pol->cmsg.v;
	unsigned allowed = 0;

	for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
		bool granted = false, refused = false;

		for (unsigned k = 0; k < pol->cmsg.n; k++) {
			bool m = r[k].any;

			for (unsigned j = 0; !m && j < r[k].nvals; j++)
				m = r[k].vals[j] == types[i].scm;
			if (!m)
				continue;
			if (r[k].h.action == ACT_DENY || r[k].h.action == ACT_KILL)
				refused = true;
			else
				granted = true;
		}
		if (granted && !refused)
			allowed |= types[i].bit;
	}
	return allowed;
}

const char *action_name(enum action a)
{
	static const char *const names[] = { "allow", "log", "deny", "kill" };

	return (unsigned)a < 4 ? names[a] : "?";
}
