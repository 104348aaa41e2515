/* parse.c - statements: rules, include, set, default, limit.
 *
 * Each statement is compiled as soon as it is read, so the first error
 * in reading order is the one reported, and `set` affects only what
 * follows it.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"
#include "names.h"

struct uservar {
	const char *name, *value;
	struct uservar *next;
};

/* One file being read: include cycles are found by file identity. */
struct frame {
	unsigned long long id[2];	/* st_dev, st_ino; 0,0 for a string */
	const char *name;
	const struct frame *up;
};

struct parser {
	struct policy *pol;
	const struct policy_vars *vars;
	struct uservar *uvars;
	struct policy_diag *diag;
	struct arena tmp;		/* tokens, sources: freed with the parser */
	const struct frame *top;
	unsigned depth;
	unsigned seq;
	struct var_scope scope;
};

static const char *const predefined[] = { "HOME", "CWD", "TMPDIR", "JAIL" };

static const char *predefined_value(const struct parser *ps, unsigned i)
{
	if (!ps->vars)
		return NULL;
	switch (i) {
	case 0: return ps->vars->home;
	case 1: return ps->vars->cwd;
	case 2: return ps->vars->tmpdir;
	default: return ps->vars->jail;
	}
}

static int predefined_index(const char *name)
{
	for (unsigned i = 0; i < sizeof predefined / sizeof predefined[0]; i++)
		if (strcmp(predefined[i], name) == 0)
			return (int)i;
	return -1;
}

static const char *var_get(void *ctx, const char *name)
{
	struct parser *ps = ctx;
	int i = predefined_index(name);

	if (i >= 0)
		return predefined_value(ps, (unsigned)i);
	for (const struct uservar *v = ps->uvars; v; v = v->next)
		if (strcmp(v->name, name) == 0)
			return v->value;
	return NULL;
}

static void var_suggest(void *ctx, struct suggest *s)
{
	struct parser *ps = ctx;

	for (unsigned i = 0; i < sizeof predefined / sizeof predefined[0]; i++)
		if (predefined_value(ps, i))
			suggest_offer(s, predefined[i]);
	for (const struct uservar *v = ps->uvars; v; v = v->next)
		suggest_offer(s, v->name);
}

static bool var_unset(void *ctx, const char *name)
{
	struct parser *ps = ctx;
	int i = predefined_index(name);

	return i >= 0 && !predefined_value(ps, (unsigned)i);
}

struct parser *parser_new(struct policy *pol, const struct policy_vars *vars,
			  struct policy_diag *diag)
{
	struct parser *ps = calloc(1, sizeof(*ps));

	if (!ps)
		return NULL;
	ps->pol = pol;
	ps->vars = vars;
	ps->diag = diag;
	ps->scope.get = var_get;
	ps->scope.suggest = var_suggest;
	ps->scope.unset = var_unset;
	ps->scope.ctx = ps;
	return ps;
}

void parser_free(struct parser *ps)
{
	if (!ps)
		return;
	arena_release(&ps->tmp);
	free(ps);
}

static int oom(struct parser *ps, const char *name)
{
	return diag_file_error(ps->diag, name, -ENOMEM, "out of memory");
}

/* The place just after token t, for "expected ... here". */
static struct loc after(const struct token *t)
{
	struct loc l = t->at;

	l.col += l.len;
	l.len = 1;
	return l;
}

static bool is_word(const struct token *t, const char *w)
{
	return t->type == TOK_WORD && strcmp(t->text, w) == 0;
}

static const char *const actions[] = { "allow", "log", "deny", "kill" };
static const char *const directives[] = { "include", "set", "default", "limit" };
#define NDIRECTIVES (sizeof directives / sizeof directives[0])
static const char *const kinds[KIND_COUNT] = {
	"syscall", "fs", "socket", "connect", "bind", "ioctl", "fcntl", "sockopt",
	"cmsg", "signal"
};

static int parse_action(const struct token *t, enum action *a)
{
	if (t->type != TOK_WORD)
		return -1;
	for (unsigned i = 0; i < 4; i++)
		if (strcmp(t->text, actions[i]) == 0) {
			*a = (enum action)i;
			return 0;
		}
	return -1;
}

static int bad_statement(struct parser *ps, const struct token *t)
{
	struct suggest s;

	suggest_init(&s, t->text);
	for (unsigned i = 0; i < 4; i++)
		suggest_offer(&s, actions[i]);
	for (unsigned i = 0; i < NDIRECTIVES; i++)
		suggest_offer(&s, directives[i]);
	if (t->type == TOK_WORD && suggest_result(&s))
		return diag_error(ps->diag, &t->at, "unknown statement '%s' (did you mean '%s'?)",
				  t->text, suggest_result(&s));
	return diag_error(ps->diag, &t->at,
			  "expected an action (allow, deny, kill, log) or a directive (include, set, default, limit), found %s%s%s",
			  t->type == TOK_STRING ? "string \"" : "'", t->text,
			  t->type == TOK_STRING ? "\"" : "'");
}

/* Trailing `errno NAME` and `log`, from index i on. */
static int parse_modifiers(struct parser *ps, struct ast_rule *r, const struct token *t,
			   unsigned i, unsigned n)
{
	while (i < n) {
		if (is_word(&t[i], "log")) {
			if (r->log)
				return diag_error(ps->diag, &t[i].at, "'log' given twice");
			r->log = true;
			i++;
			continue;
		}
		if (is_word(&t[i], "errno")) {
			if (r->err_tok)
				return diag_error(ps->diag, &t[i].at, "'errno' given twice");
			if (i + 1 >= n) {
				struct loc l = after(&t[i]);

				return diag_error(ps->diag, &l,
						  "missing argument: expected an errno name (EPERM, EACCES, ...) after 'errno'");
			}

			const struct token *e = &t[i + 1];
			const struct name_entry *ne = names_find(&names_errno, e->text);

			if (!ne) {
				const char *sug = names_suggest(&names_errno, e->text);

				if (sug)
					return diag_error(ps->diag, &e->at, "unknown errno '%s' (did you mean '%s'?)",
							  e->text, sug);
				return diag_error(ps->diag, &e->at,
						  "unknown errno '%s' (expected a name such as EPERM, EACCES, ENOSYS)",
						  e->text);
			}
			if (r->action != ACT_DENY)
				return diag_error(ps->diag, &t[i].at,
						  "'errno' is only allowed with deny (this rule's action is '%s')",
						  actions[r->action]);
			r->err = (int)ne->val[0];
			r->err_tok = e;
			i += 2;
			continue;
		}
		return diag_error(ps->diag, &t[i].at,
				  "unexpected '%s' after the rule's modifiers (expected 'errno NAME' or 'log' at the end of a rule)",
				  t[i].text);
	}
	return 0;
}

static int parse_rule(struct parser *ps, const struct token *t, unsigned n)
{
	struct ast_rule r = { 0 };
	unsigned i;

	parse_action(&t[0], &r.action);
	r.action_tok = &t[0];
	r.seq = ++ps->seq;
	if (n < 2) {
		struct loc l = after(&t[0]);

		return diag_error(ps->diag, &l,
				  "missing rule kind after '%s' (expected syscall, fs, socket, connect, bind, ioctl, fcntl, sockopt, cmsg or signal)",
				  t[0].text);
	}
	for (i = 0; i < KIND_COUNT; i++)
		if (is_word(&t[1], kinds[i]))
			break;
	if (i == KIND_COUNT) {
		struct suggest s;

		suggest_init(&s, t[1].text);
		for (unsigned k = 0; k < KIND_COUNT; k++)
			suggest_offer(&s, kinds[k]);
		if (suggest_result(&s))
			return diag_error(ps->diag, &t[1].at, "unknown rule kind '%s' (did you mean '%s'?)",
					  t[1].text, suggest_result(&s));
		return diag_error(ps->diag, &t[1].at,
				  "unknown rule kind '%s' (expected syscall, fs, socket, connect, bind, ioctl, fcntl, sockopt, cmsg or signal)",
				  t[1].text);
	}
	r.kind = (enum rule_kind)i;
	r.kind_tok = &t[1];
	r.args = &t[2];
	for (i = 2; i < n; i++)
		if (is_word(&t[i], "errno") || is_word(&t[i], "log"))
			break;
	r.nargs = i - 2;
	r.end = after(&t[i - 1]);

	int e = parse_modifiers(ps, &r, t, i, n);

	if (e < 0)
		return e;
	return compile_rule(ps->pol, &r, ps->diag);
}

static int parse_default(struct parser *ps, const struct token *t, unsigned n)
{
	struct ast_rule r = { 0 };

	r.action_tok = &t[0];
	r.seq = ++ps->seq;
	if (n < 2) {
		struct loc l = after(&t[0]);

		return diag_error(ps->diag, &l,
				  "missing argument: expected allow, deny, kill or log after 'default'");
	}
	if (parse_action(&t[1], &r.action) < 0)
		return diag_error(ps->diag, &t[1].at,
				  "expected allow, deny, kill or log after 'default', found '%s'", t[1].text);
	r.action_tok = &t[1];
	r.end = after(&t[1]);

	int e = parse_modifiers(ps, &r, t, 2, n);

	if (e < 0)
		return e;
	return compile_default(ps->pol, &r);
}

/* `limit NAME VALUE`: the compiler knows the names and their values. */
static int parse_limit(struct parser *ps, const struct token *t, unsigned n)
{
	struct ast_rule r = { 0 };

	r.action_tok = &t[0];
	r.seq = ++ps->seq;
	r.args = &t[1];
	r.nargs = n - 1;
	r.end = after(&t[n - 1]);
	return compile_limit(ps->pol, &r, ps->diag);
}

static bool is_identifier(const char *s)
{
	if (!(*s == '_' || (*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z')))
		return false;
	for (s++; *s; s++)
		if (!(*s == '_' || (*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') ||
		      (*s >= '0' && *s <= '9')))
			return false;
	return true;
}

static int parse_set(struct parser *ps, const struct token *t, unsigned n)
{
	if (n < 2 || t[1].type != TOK_WORD || t[1].has_var || !is_identifier(t[1].text)) {
		struct loc l = n < 2 ? after(&t[0]) : t[1].at;

		return diag_error(ps->diag, &l, "expected a variable name (letters, digits, '_') after 'set'");
	}
	if (predefined_index(t[1].text) >= 0)
		return diag_error(ps->diag, &t[1].at, "cannot set $%s: it is predefined", t[1].text);
	if (n < 3 || !is_word(&t[2], "=")) {
		struct loc l = n < 3 ? after(&t[1]) : t[2].at;

		return diag_error(ps->diag, &l, "expected '=' after 'set %s'", t[1].text);
	}
	if (n < 4) {
		struct loc l = after(&t[2]);

		return diag_error(ps->diag, &l, "missing argument: expected a value after 'set %s ='",
				  t[1].text);
	}
	if (n > 4)
		return diag_error(ps->diag, &t[4].at,
				  "unexpected '%s' after the value (quote a value that contains blanks)",
				  t[4].text);

	struct uservar *v = arena_alloc(&ps->tmp, sizeof(*v));

	if (!v)
		return oom(ps, t[0].at.src->name);
	v->name = t[1].text;
	v->value = t[3].text;
	v->next = ps->uvars;
	ps->uvars = v;		/* newest first: a redefinition hides the old one */
	return 0;
}

static int run(struct parser *ps, const struct source *src, const struct frame *fr);

/* Directory part of name, with a trailing '/'; "" when none. */
static char *dir_of(struct arena *a, const char *name)
{
	const char *slash = strrchr(name, '/');

	return arena_strndup(a, name, slash ? (size_t)(slash - name + 1) : 0);
}

static int parse_include(struct parser *ps, const struct token *t, unsigned n)
{
	if (n < 2) {
		struct loc l = after(&t[0]);

		return diag_error(ps->diag, &l, "missing argument: expected a file name after 'include'");
	}
	if (n > 2)
		return diag_error(ps->diag, &t[2].at, "unexpected '%s' after the file name", t[2].text);
	if (t[1].text[0] == '\0')
		return diag_error(ps->diag, &t[1].at, "empty file name after 'include'");
	if (ps->depth >= POLICY_MAX_INCLUDE_DEPTH)
		return diag_error(ps->diag, &t[0].at, "includes nested deeper than %d levels",
				  POLICY_MAX_INCLUDE_DEPTH);

	const char *name = t[1].text;
	char *path;

	if (name[0] == '/') {
		path = arena_strdup(&ps->tmp, name);
	} else {
		char *dir = dir_of(&ps->tmp, t[1].at.src->name);
		size_t dl = dir ? strlen(dir) : 0;

		path = dir ? arena_alloc(&ps->tmp, dl + strlen(name) + 1) : NULL;
		if (path) {
			memcpy(path, dir, dl);
			strcpy(path + dl, name);
		}
	}
	if (!path)
		return oom(ps, t[0].at.src->name);

	char *text;
	size_t len;
	struct frame fr = { .name = path, .up = ps->top };
	int e = load_read_file(path, &text, &len, fr.id);

	if (e < 0) {
		if (e == -ENOMEM)
			return oom(ps, path);
		return diag_error(ps->diag, &t[1].at, "cannot include '%s': %s", path,
				  e == -EFBIG ? "file larger than 1 MiB" :
				  e == -EISDIR ? "not a regular file" : strerror(-e));
	}
	for (const struct frame *f = ps->top; f; f = f->up)
		if ((f->id[0] || f->id[1]) && f->id[0] == fr.id[0] && f->id[1] == fr.id[1]) {
			free(text);
			return diag_error(ps->diag, &t[1].at, "include cycle: '%s' is already being read",
					  path);
		}

	/* The source must outlive the policy: verdicts name its file. */
	struct source *src = arena_alloc(&ps->tmp, sizeof(*src));
	const char *kept = arena_strdup(&ps->pol->mem, path);

	if (!src || !kept) {
		free(text);
		return oom(ps, path);
	}
	src->name = kept;
	src->text = text;
	src->len = len;
	ps->depth++;
	e = run(ps, src, &fr);
	ps->depth--;
	free(text);
	return e;
}

static int statement(struct parser *ps, const struct token *t, unsigned n)
{
	enum action a;

	if (t[0].type == TOK_WORD && parse_action(&t[0], &a) == 0)
		return parse_rule(ps, t, n);
	if (is_word(&t[0], "include"))
		return parse_include(ps, t, n);
	if (is_word(&t[0], "set"))
		return parse_set(ps, t, n);
	if (is_word(&t[0], "default"))
		return parse_default(ps, t, n);
	if (is_word(&t[0], "limit"))
		return parse_limit(ps, t, n);
	return bad_statement(ps, &t[0]);
}

static int run(struct parser *ps, const struct source *src, const struct frame *fr)
{
	struct lexer lx;
	const struct frame *saved = ps->top;
	int e = 0;

	ps->top = fr;
	lex_init(&lx, src, &ps->scope, &ps->tmp, ps->diag);
	for (;;) {
		struct token *t;
		unsigned n;

		e = lex_statement(&lx, &t, &n);
		if (e <= 0)
			break;
		e = statement(ps, t, n);
		if (e < 0)
			break;
	}
	ps->top = saved;
	return e < 0 ? e : 0;
}

int parser_run(struct parser *ps, const char *name, const char *text, size_t len,
	       const unsigned long long id[2])
{
	struct source *src = arena_alloc(&ps->tmp, sizeof(*src));
	struct frame fr = { .up = NULL };

	if (!src)
		return oom(ps, name);
	src->name = arena_strdup(&ps->pol->mem, name);
	if (!src->name)
		return oom(ps, name);
	src->text = text;
	src->len = len;
	fr.name = src->name;
	if (id) {
		fr.id[0] = id[0];
		fr.id[1] = id[1];
	}
	return run(ps, src, &fr);
}
