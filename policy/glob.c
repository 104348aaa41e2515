/* glob.c - compile and match path and name patterns. */
#include "config.h"

#include <errno.h>
#include <string.h>

#include "glob.h"

bool glob_has_wild(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (p[i] == '\\') {
			i++;
			continue;
		}
		if (p[i] == '*' || p[i] == '?' || p[i] == '[')
			return true;
	}
	return false;
}

/* Length of the bracket expression starting at p[0] == '[', 0 if it is
 * not closed. */
static size_t bracket_len(const char *p, size_t n)
{
	size_t i = 1;

	if (i < n && (p[i] == '!' || p[i] == '^'))
		i++;
	if (i < n && p[i] == ']')
		i++;		/* a leading ']' is literal */
	for (; i < n; i++) {
		if (p[i] == '\\' && i + 1 < n) {
			i++;
			continue;
		}
		if (p[i] == ']')
			return i + 1;
	}
	return 0;
}

/* Syntax of one component or flat pattern: brackets closed, no trailing
 * lone backslash. */
static int check_syntax(const char *p, size_t n, const char **why, size_t *where)
{
	for (size_t i = 0; i < n; i++) {
		if (p[i] == '\\') {
			if (i + 1 >= n) {
				*why = "pattern ends with a lone '\\'";
				*where = i;
				return -EINVAL;
			}
			i++;
		} else if (p[i] == '[') {
			size_t bl = bracket_len(p + i, n - i);

			if (!bl) {
				*why = "unterminated '[' in pattern (write '\\[' for the character)";
				*where = i;
				return -EINVAL;
			}
			i += bl - 1;
		}
	}
	return 0;
}

int glob_check_flat(const char *pat, const char **why, size_t *where)
{
	return check_syntax(pat, strlen(pat), why, where);
}

int glob_compile_path(struct arena *mem, const char *in, struct glob *g, const char **why,
		      size_t *where)
{
	size_t n = strlen(in);
	char *out;
	size_t o = 0;

	memset(g, 0, sizeof(*g));
	if (n == 0 || in[0] != '/') {
		*why = "a path pattern must be absolute (start with '/' or a variable such as $CWD)";
		*where = 0;
		return -EINVAL;
	}
	out = arena_alloc(mem, n + 1);
	if (!out)
		return -ENOMEM;
	for (size_t i = 0; i < n;) {
		size_t s, e;

		while (i < n && in[i] == '/')
			i++;
		if (i >= n)
			break;
		s = i;
		while (i < n && in[i] != '/') {
			if (in[i] == '\\' && i + 1 < n)
				i++;
			i++;
		}
		e = i;

		size_t len = e - s;
		const char *c = in + s;

		if ((len == 1 && c[0] == '.') || (len == 2 && c[0] == '.' && c[1] == '.')) {
			*why = "'.' and '..' never appear in the canonical paths patterns are matched against";
			*where = s;
			return -EINVAL;
		}
		if (len == 2 && c[0] == '*' && c[1] == '*') {
			/* "**" twice in a row means the same as once. */
			if (g->ncomp && (g->dstar & (1ull << (g->ncomp - 1))))
				continue;
		} else {
			for (size_t k = 0; k + 1 < len; k++) {
				if (c[k] == '\\') {
					k++;
					continue;
				}
				if (c[k] == '*' && c[k + 1] == '*') {
					*why = "'**' must be a whole path component ('/**/'); use '*' within a name";
					*where = s + k;
					return -EINVAL;
				}
			}
			int r = check_syntax(c, len, why, where);

			if (r < 0) {
				*where += s;
				return r;
			}
		}
		if (g->ncomp >= GLOB_MAX_COMPONENTS) {
			*why = "pattern has more than 63 components";
			*where = s;
			return -EINVAL;
		}
		out[o++] = '/';
		g->off[g->ncomp] = (uint16_t)o;
		g->len[g->ncomp] = (uint16_t)len;
		if (len == 2 && c[0] == '*' && c[1] == '*')
			g->dstar |= 1ull << g->ncomp;
		memcpy(out + o, c, len);
		o += len;
		g->ncomp++;
	}
	if (o == 0)
		out[o++] = '/';
	out[o] = '\0';
	g->pat = out;
	while (g->nliteral < g->ncomp && !(g->dstar & (1ull << g->nliteral)) &&
	       !glob_has_wild(out + g->off[g->nliteral], g->len[g->nliteral]))
		g->nliteral++;
	return 0;
}

/* One bracket expression p[0..bl) against character c. */
static bool bracket_match(const char *p, size_t bl, unsigned char c)
{
	size_t i = 1, end = bl - 1;
	bool neg = false, hit = false;

	if (p[i] == '!' || p[i] == '^') {
		neg = true;
		i++;
	}
	for (bool first = true; i < end; first = false) {
		unsigned char lo, hi;

		if (p[i] == '\\' && i + 1 < end)
			i++;
		else if (p[i] == ']' && !first)
			break;
		lo = (unsigned char)p[i++];
		hi = lo;
		if (i + 1 < end && p[i] == '-') {
			i++;
			if (p[i] == '\\' && i + 1 < end)
				i++;
			hi = (unsigned char)p[i++];
		}
		if (lo <= c && c <= hi)
			hit = true;
	}
	return hit != neg;
}

/* Wildcard match of p[0..pn) against s[0..sn); `slash` false forbids
 * wildcards from matching '/'.  Greedy with one backtrack point: exact
 * for `*` plus single-character matchers. */
static bool wild_match(const char *p, size_t pn, const char *s, size_t sn, bool slash)
{
	size_t pi = 0, si = 0, star_p = (size_t)-1, star_s = 0;

	while (si < sn) {
		if (pi < pn && p[pi] == '*') {
			star_p = ++pi;
			star_s = si;
			continue;
		}
		if (pi < pn) {
			unsigned char c = (unsigned char)s[si];
			size_t step = 1;
			bool ok;

			if (p[pi] == '?') {
				ok = slash || c != '/';
			} else if (p[pi] == '[' && (step = bracket_len(p + pi, pn - pi)) != 0) {
				ok = (slash || c != '/') && bracket_match(p + pi, step, c);
			} else if (p[pi] == '\\' && pi + 1 < pn) {
				ok = (unsigned char)p[pi + 1] == c;
				step = 2;
			} else {
				step = 1;
				ok = (unsigned char)p[pi] == c;
			}
			if (ok) {
				pi += step;
				si++;
				continue;
			}
		}
		if (star_p == (size_t)-1 || (!slash && s[star_s] == '/'))
			return false;
		pi = star_p;
		si = ++star_s;
	}
	while (pi < pn && p[pi] == '*')
		pi++;
	return pi == pn;
}

bool glob_match_flat(const char *pat, const char *s, size_t n)
{
	return wild_match(pat, strlen(pat), s, n, true);
}

/* Add to set every state reachable through `**` matching nothing. */
static uint64_t closure(const struct glob *g, uint64_t set)
{
	for (unsigned i = 0; i < g->ncomp; i++)
		if ((set & (1ull << i)) && (g->dstar & (1ull << i)))
			set |= 1ull << (i + 1);
	return set;
}

uint64_t glob_states(const struct glob *g, const char *path)
{
	uint64_t set = closure(g, 1);	/* state i: components [0, i) matched */
	const char *p = path;

	if (!path || path[0] != '/')
		return 0;
	for (;;) {
		while (*p == '/')
			p++;
		if (!*p)
			break;

		const char *e = strchr(p, '/');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		uint64_t next = 0;

		for (unsigned i = 0; i < g->ncomp; i++) {
			if (!(set & (1ull << i)))
				continue;
			if (g->dstar & (1ull << i))
				next |= 1ull << i;
			else if (wild_match(g->pat + g->off[i], g->len[i], p, n, false))
				next |= 1ull << (i + 1);
		}
		set = closure(g, next);
		if (!set)
			return 0;
		p += n;
	}
	return set;
}

bool glob_match_path(const struct glob *g, const char *path)
{
	return (glob_states(g, path) >> g->ncomp) & 1;
}

void glob_literal(const struct glob *g, unsigned i, char *buf, size_t size)
{
	const char *c = g->pat + g->off[i];
	size_t o = 0;

	for (size_t k = 0; k < g->len[i] && o + 1 < size; k++) {
		if (c[k] == '\\' && k + 1 < g->len[i])
			k++;
		buf[o++] = c[k];
	}
	if (size)
		buf[o] = '\0';
}
