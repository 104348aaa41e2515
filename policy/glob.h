/* glob.h - path patterns of fs and unix rules, and flat name patterns of
 * abstract socket rules.
 *
 * Path patterns are absolute and match canonical paths component by
 * component: `*` any run of characters within a component, `?` one
 * character, `[a-z]` `[!a-z]` one character of a set, `\c` the
 * character c, and `**` as a whole component zero or more components
 * (so "/a" followed by "/" "**" matches "/a" and everything below it).  Nothing but `**`
 * matches a '/'.  A pattern is compiled once (component boundaries and
 * its literal prefix); matching is an NFA over its components, so its
 * cost is (path components) x (pattern components), whatever the
 * path, and it allocates nothing.
 */
#ifndef JANUS_POLICY_GLOB_H
#define JANUS_POLICY_GLOB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"

#define GLOB_MAX_COMPONENTS 63

struct glob {
	const char *pat;	/* normalised: no "//", "." or "..", no trailing '/' */
	uint8_t ncomp;
	uint8_t nliteral;	/* leading components without wildcards */
	uint16_t off[GLOB_MAX_COMPONENTS];	/* component starts in pat */
	uint16_t len[GLOB_MAX_COMPONENTS];
	uint64_t dstar;		/* bit i: component i is `**` */
};

/* Normalise and compile a path pattern into *g (strings in mem).
 * Returns 0, or -EINVAL with *why set and *where the offset in `in` of
 * the problem (-ENOMEM: out of memory). */
int glob_compile_path(struct arena *mem, const char *in, struct glob *g, const char **why,
		      size_t *where);
/* Check a flat pattern (abstract names): -EINVAL with *why, *where. */
int glob_check_flat(const char *pat, const char **why, size_t *where);

bool glob_match_path(const struct glob *g, const char *path);
/* The matcher's state after path: bit i set when path matches the
 * pattern's first i components (bit ncomp: a whole match).  A state below
 * ncomp means something below path could still match; a path moved
 * elsewhere keeps every match below it only if its new name reaches a
 * superset of these states. */
uint64_t glob_states(const struct glob *g, const char *path);
/* Flat match: no component rules, `*` matches '/' too; s has length n
 * (abstract names may hold any byte). */
bool glob_match_flat(const char *pat, const char *s, size_t n);

/* The i-th literal component of g, unescaped into buf (size >= len+1). */
void glob_literal(const struct glob *g, unsigned i, char *buf, size_t size);
/* Does pattern text p contain a wildcard (unescaped * ? [)? */
bool glob_has_wild(const char *p, size_t n);

#endif
