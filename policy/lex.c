/* lex.c - the policy tokenizer. */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "lex.h"

void lex_init(struct lexer *lx, const struct source *src, const struct var_scope *vars,
	      struct arena *mem, struct policy_diag *diag)
{
	memset(lx, 0, sizeof(*lx));
	lx->src = src;
	lx->line = 1;
	lx->vars = vars;
	lx->mem = mem;
	lx->diag = diag;
}

static int peek(const struct lexer *lx, size_t off)
{
	size_t p = lx->pos + off;

	return p < lx->src->len ? (unsigned char)lx->src->text[p] : -1;
}

static unsigned col_of(const struct lexer *lx, size_t pos)
{
	return (unsigned)(pos - lx->line_start) + 1;
}

static void newline(struct lexer *lx)
{
	lx->pos++;		/* past '\n' */
	lx->line++;
	lx->line_start = lx->pos;
}

static int error_at(struct lexer *lx, size_t pos, unsigned len, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static int error_at(struct lexer *lx, size_t pos, unsigned len, const char *fmt, ...)
{
	struct loc at = { lx->src, lx->line, col_of(lx, pos), len ? len : 1 };
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return diag_error(lx->diag, &at, "%s", msg);
}

/* Continuation: `\` followed only by blanks up to the newline (or EOF). */
static bool at_continuation(const struct lexer *lx)
{
	if (peek(lx, 0) != '\\')
		return false;
	for (size_t i = 1;; i++) {
		int c = peek(lx, i);

		if (c == '\n' || c == -1)
			return true;
		if (c != ' ' && c != '\t' && c != '\r')
			return false;
	}
}

static void skip_continuation(struct lexer *lx)
{
	while (peek(lx, 0) != '\n' && peek(lx, 0) != -1)
		lx->pos++;
	if (peek(lx, 0) == '\n')
		newline(lx);
}

static bool is_blank(int c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/* Characters a word cannot contain. */
static bool ends_word(int c)
{
	return c == -1 || c == '\n' || is_blank(c) || c == '"';
}

struct tokbuf {
	char text[LEX_MAX_TOKEN + 1];
	char glob[2 * LEX_MAX_TOKEN + 1];
	size_t tlen, glen;
	bool has_var;
};

/* Append c to the value; in the glob form, c escaped if it came from a
 * variable (a value is literal text, never a pattern). */
static int add(struct lexer *lx, struct tokbuf *b, char c, bool from_var, size_t pos)
{
	if (b->tlen >= LEX_MAX_TOKEN)
		return error_at(lx, pos, 1, "token longer than %s bytes", "4096");
	b->text[b->tlen++] = c;
	if (from_var && strchr("*?[]\\", c))
		b->glob[b->glen++] = '\\';
	b->glob[b->glen++] = c;
	return 0;
}

/* Append a character to the glob form only. */
static void add_glob_only(struct tokbuf *b, char c)
{
	b->glob[b->glen++] = c;
}

static bool name_start(int c)
{
	return c == '_' || (c >= 0 && c < 128 && isalpha(c));
}

static bool name_char(int c)
{
	return c == '_' || (c >= 0 && c < 128 && isalnum(c));
}

/* $NAME or ${NAME} at lx->pos: append its value. */
static int expand(struct lexer *lx, struct tokbuf *b)
{
	size_t start = lx->pos;
	bool brace = peek(lx, 1) == '{';
	char name[128];
	size_t n = 0;

	lx->pos += brace ? 2 : 1;
	if (!name_start(peek(lx, 0)))
		return error_at(lx, start, 1, "expected a variable name after '$'%s",
				brace ? " and '{'" : " (write \\$ in a string for a literal '$')");
	while (name_char(peek(lx, 0))) {
		if (n + 1 >= sizeof name)
			return error_at(lx, start, (unsigned)(lx->pos - start),
					"variable name too long%s", "");
		name[n++] = (char)peek(lx, 0);
		lx->pos++;
	}
	name[n] = '\0';
	if (brace) {
		if (peek(lx, 0) != '}')
			return error_at(lx, start, (unsigned)(lx->pos - start),
					"expected '}' after '${%s'", name);
		lx->pos++;
	}

	const char *val = lx->vars ? lx->vars->get(lx->vars->ctx, name) : NULL;

	if (!val) {
		struct loc at = { lx->src, lx->line, col_of(lx, start), (unsigned)(lx->pos - start) };
		struct suggest s;

		if (lx->vars && lx->vars->unset(lx->vars->ctx, name))
			return diag_error(lx->diag, &at, "variable '$%s' is not set in this run of janus",
					  name);
		suggest_init(&s, name);
		if (lx->vars)
			lx->vars->suggest(lx->vars->ctx, &s);
		if (suggest_result(&s))
			return diag_error(lx->diag, &at, "unknown variable '$%s' (did you mean '$%s'?)",
					  name, suggest_result(&s));
		return diag_error(lx->diag, &at, "unknown variable '$%s'", name);
	}
	b->has_var = true;
	for (const char *v = val; *v; v++) {
		int r = add(lx, b, *v, true, start);

		if (r < 0)
			return r;
	}
	return 0;
}

static int bad_char(struct lexer *lx, int c)
{
	char hex[8];

	snprintf(hex, sizeof hex, "0x%02x", (unsigned)c);
	return error_at(lx, lx->pos, 1, "invalid character %s", hex);
}

static int lex_string(struct lexer *lx, struct tokbuf *b)
{
	size_t start = lx->pos;
	int r;

	lx->pos++;		/* opening quote */
	for (;;) {
		int c = peek(lx, 0);

		if (c == -1 || c == '\n')
			return error_at(lx, start, 1, "unterminated string: expected '\"' before the end of the %s",
					c == -1 ? "file" : "line");
		if (c == '"') {
			lx->pos++;
			return 0;
		}
		if (c == '$') {
			r = expand(lx, b);
		} else if (c == '\\') {
			int e = peek(lx, 1);

			if (e == '"' || e == '\\' || e == '$') {
				/* \" \\ \$ give the character; a backslash
				 * stays escaped in the glob form. */
				if (e == '\\' && b->tlen < LEX_MAX_TOKEN)
					add_glob_only(b, '\\');
				r = add(lx, b, (char)e, false, lx->pos);
				lx->pos += 2;
				if (r < 0)
					return r;
				continue;
			}
			if (e == -1 || e == '\n')
				return error_at(lx, start, 1, "unterminated string: expected '\"' before the end of the %s",
						e == -1 ? "file" : "line");
			/* \* \? \[ ... pass through as glob escapes. */
			r = add(lx, b, '\\', false, lx->pos);
			lx->pos++;
		} else if (c < 0x20 && c != '\t') {
			return bad_char(lx, c);
		} else {
			r = add(lx, b, (char)c, false, lx->pos);
			lx->pos++;
		}
		if (r < 0)
			return r;
	}
}

static int lex_word(struct lexer *lx, struct tokbuf *b)
{
	while (!ends_word(peek(lx, 0)) && !at_continuation(lx)) {
		int c = peek(lx, 0), r;

		if (c == '$') {
			r = expand(lx, b);
		} else if (c < 0x20 && c != '\t') {
			return bad_char(lx, c);
		} else {
			r = add(lx, b, (char)c, false, lx->pos);
			lx->pos++;
		}
		if (r < 0)
			return r;
	}
	return 0;
}

static int push(struct lexer *lx, struct token **toks, unsigned *n, unsigned *cap,
		enum tok_type type, const struct tokbuf *b, unsigned line, size_t start)
{
	if (*n == *cap) {
		unsigned nc = *cap ? *cap * 2 : 16;
		struct token *t = arena_grow(lx->mem, *toks, *cap * sizeof(**toks), nc * sizeof(**toks));

		if (!t)
			return -ENOMEM;
		*toks = t;
		*cap = nc;
	}

	struct token *t = &(*toks)[(*n)++];

	t->type = type;
	t->text = arena_strndup(lx->mem, b->text, b->tlen);
	t->glob = arena_strndup(lx->mem, b->glob, b->glen);
	if (!t->text || !t->glob)
		return -ENOMEM;
	t->has_var = b->has_var;
	t->at.src = lx->src;
	t->at.line = line;
	t->at.col = (unsigned)(start - lx->line_start) + 1;
	t->at.len = (unsigned)(lx->pos - start);
	return 0;
}

int lex_statement(struct lexer *lx, struct token **toks, unsigned *n)
{
	struct tokbuf b;
	unsigned cap = 0;

	*toks = NULL;
	*n = 0;
	for (;;) {
		int c = peek(lx, 0), r;

		if (is_blank(c)) {
			lx->pos++;
			continue;
		}
		if (c == -1)
			return *n ? 1 : 0;
		if (c == '\n') {
			newline(lx);
			if (*n)
				return 1;
			continue;
		}
		if (c == '#') {
			while (peek(lx, 0) != '\n' && peek(lx, 0) != -1)
				lx->pos++;
			continue;
		}
		if (at_continuation(lx)) {
			skip_continuation(lx);
			continue;
		}

		size_t start = lx->pos;
		unsigned line = lx->line;
		enum tok_type type = c == '"' ? TOK_STRING : TOK_WORD;

		b.tlen = b.glen = 0;
		b.has_var = false;
		r = type == TOK_STRING ? lex_string(lx, &b) : lex_word(lx, &b);
		if (r < 0)
			return r;
		r = push(lx, toks, n, &cap, type, &b, line, start);
		if (r < 0)
			return diag_file_error(lx->diag, lx->src->name, r, "out of memory");
	}
}
