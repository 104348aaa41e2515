/* diag.h - where a token came from, and error messages that point at it. */
#ifndef JANUS_POLICY_DIAG_H
#define JANUS_POLICY_DIAG_H

#include <stddef.h>

#include "policy.h"

/* One policy text being read (a file or a string). */
struct source {
	const char *name;	/* as shown in messages and verdicts */
	const char *text;
	size_t len;
};

/* A span of one source line. */
struct loc {
	const struct source *src;
	unsigned line, col, len;
};

/* Fill d (if not NULL) with "name:line:col: msg" + source line + caret;
 * return -EINVAL, so callers can `return diag_error(...)`. */
int diag_error(struct policy_diag *d, const struct loc *at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* An error about a whole file (line and col 0, no source line). */
int diag_file_error(struct policy_diag *d, const char *file, int err, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

#endif
