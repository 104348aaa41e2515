/* lex.h - policy text to tokens, one logical line (statement) at a time.
 *
 * A statement ends at a newline not preceded by a continuation `\`.
 * Tokens are words and "quoted strings"; `#` starts a comment where a
 * token could start.  $NAME and ${NAME} are expanded in both, from the
 * variables defined so far (the parser handles `set` before the next
 * statement is read).
 */
#ifndef JANUS_POLICY_LEX_H
#define JANUS_POLICY_LEX_H

#include <stdbool.h>

#include "arena.h"
#include "diag.h"
#include "names.h"

enum tok_type { TOK_WORD, TOK_STRING };

struct token {
	enum tok_type type;
	const char *text;	/* value, variables expanded */
	const char *glob;	/* same, with glob characters that came from a
				 * variable's value escaped by '\' */
	bool has_var;		/* a variable was expanded into it */
	struct loc at;
};

/* How the lexer sees variables (owned by the parser). */
struct var_scope {
	const char *(*get)(void *ctx, const char *name);	/* NULL: undefined */
	void (*suggest)(void *ctx, struct suggest *s);
	bool (*unset)(void *ctx, const char *name);	/* predefined but not set */
	void *ctx;
};

struct lexer {
	const struct source *src;
	size_t pos;
	unsigned line;			/* 1-based line of pos */
	size_t line_start;		/* offset of that line's first byte */
	const struct var_scope *vars;
	struct arena *mem;		/* tokens live here */
	struct policy_diag *diag;
};

void lex_init(struct lexer *lx, const struct source *src, const struct var_scope *vars,
	      struct arena *mem, struct policy_diag *diag);
/* Next statement: 1 and its tokens (n >= 1), 0 at end of input, or
 * -errno with lx->diag filled. */
int lex_statement(struct lexer *lx, struct token **toks, unsigned *n);

/* Longest token accepted (bytes after expansion). */
#define LEX_MAX_TOKEN 4096

#endif
