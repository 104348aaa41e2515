/* ast.h - one parsed statement, as the parser hands it to the compiler.
 *
 * The parser knows the shape of statements (ACTION KIND ARGS... [errno
 * NAME] [log], directives); the compiler knows what the arguments of
 * each kind mean.  Every piece keeps its token, so errors point at it.
 */
#ifndef JANUS_POLICY_AST_H
#define JANUS_POLICY_AST_H

#include "compiled.h"
#include "lex.h"

struct ast_rule {
	enum action action;
	enum rule_kind kind;
	const struct token *action_tok;
	const struct token *kind_tok;	/* NULL for `default` */
	const struct token *args;	/* between the kind and the modifiers */
	unsigned nargs;
	int err;			/* `errno NAME`: the errno, else 0 */
	const struct token *err_tok;
	bool log;			/* `log` modifier */
	struct loc end;			/* just after the arguments: "missing ..." */
	unsigned seq;			/* reading order */
};

/* compile.c */
void compile_init(struct policy *pol);
int compile_rule(struct policy *pol, const struct ast_rule *r, struct policy_diag *d);
int compile_default(struct policy *pol, const struct ast_rule *r);
/* `limit NAME VALUE`: r->action_tok is `limit`, r->args what follows. */
int compile_limit(struct policy *pol, const struct ast_rule *r, struct policy_diag *d);
int compile_finish(struct policy *pol, struct policy_diag *d);

/* parse.c */
struct parser;
struct parser *parser_new(struct policy *pol, const struct policy_vars *vars,
			  struct policy_diag *diag);
/* Parse (and compile rule by rule) one policy text; name is shown in
 * messages and is where relative includes are looked up from; id is the
 * file's identity (dev, ino) for include cycles, NULL for a string. */
int parser_run(struct parser *ps, const char *name, const char *text, size_t len,
	       const unsigned long long id[2]);
void parser_free(struct parser *ps);

/* load.c: read a whole policy file (regular file, bounded size). */
int load_read_file(const char *path, char **text, size_t *len, unsigned long long id[2]);
#define POLICY_MAX_FILE (1u << 20)
#define POLICY_MAX_INCLUDE_DEPTH 16

#endif
