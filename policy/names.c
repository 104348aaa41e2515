/* names.c - lookups in the constant-name tables, and did-you-mean. */
#include "config.h"

#include <ctype.h>
#include <string.h>

#include "names.h"

static int same_name(const struct name_table *t, const char *entry, const char *name)
{
	if (!t->lower)
		return strcmp(entry, name) == 0;
	return strcasecmp(entry, name) == 0;
}

const struct name_entry *names_find(const struct name_table *t, const char *name)
{
	size_t plen = t->prefix ? strlen(t->prefix) : 0;

	for (size_t i = 0; i < t->n; i++)
		if (same_name(t, t->e[i].name, name))
			return &t->e[i];
	/* "AF_INET" for "inet": the prefixed form is upper-case only. */
	if (plen && strncmp(name, t->prefix, plen) == 0) {
		const char *rest = name + plen;

		for (const char *c = rest; *c; c++)
			if (islower((unsigned char)*c))
				return NULL;
		for (size_t i = 0; i < t->n; i++)
			if (strcasecmp(t->e[i].name, rest) == 0)
				return &t->e[i];
	}
	return NULL;
}

const char *names_name(const struct name_table *t, uint32_t v)
{
	for (size_t i = 0; i < t->n; i++)
		for (unsigned k = 0; k < t->e[i].nval; k++)
			if (t->e[i].val[k] == v)
				return t->e[i].name;
	return NULL;
}

const char *names_suggest(const struct name_table *t, const char *name)
{
	struct suggest s;

	suggest_init(&s, name);
	for (size_t i = 0; i < t->n; i++)
		suggest_offer(&s, t->e[i].name);
	return suggest_result(&s);
}

void suggest_init(struct suggest *s, const char *word)
{
	s->word = word;
	s->best = NULL;
	s->dist = ~0u;
}

/* Optimal string alignment distance (Levenshtein plus adjacent
 * transpositions, so "opne" is one step from "open"), case-insensitive;
 * gives up above `limit`. */
#define MAXLEN 64
static unsigned osa_distance(const char *a, const char *b, unsigned limit)
{
	size_t la = strlen(a), lb = strlen(b);
	unsigned d[3][MAXLEN + 1];

	if (la > MAXLEN || lb > MAXLEN)
		return ~0u;
	if ((la > lb ? la - lb : lb - la) > limit)
		return ~0u;
	for (size_t j = 0; j <= lb; j++)
		d[0][j] = (unsigned)j;
	for (size_t i = 1; i <= la; i++) {
		unsigned *cur = d[i % 3], *prev = d[(i - 1) % 3], *pp = d[(i + 1) % 3];

		cur[0] = (unsigned)i;
		for (size_t j = 1; j <= lb; j++) {
			int ca = tolower((unsigned char)a[i - 1]);
			int cb = tolower((unsigned char)b[j - 1]);
			unsigned cost = ca != cb;
			unsigned v = prev[j] + 1;

			if (cur[j - 1] + 1 < v)
				v = cur[j - 1] + 1;
			if (prev[j - 1] + cost < v)
				v = prev[j - 1] + cost;
			if (i > 1 && j > 1 && ca == tolower((unsigned char)b[j - 2]) &&
			    tolower((unsigned char)a[i - 2]) == cb && pp[j - 2] + 1 < v)
				v = pp[j - 2] + 1;
			cur[j] = v;
		}
	}
	return d[la % 3][lb];
}

static unsigned limit_for(const char *word)
{
	size_t n = strlen(word);

	return n <= 3 ? 1 : n <= 8 ? 2 : 3;
}

void suggest_offer(struct suggest *s, const char *cand)
{
	unsigned d = osa_distance(s->word, cand, limit_for(s->word));

	if (d < s->dist && d > 0) {
		s->dist = d;
		s->best = cand;
	}
	/* Same word, other case: "EPERM" for "eperm". */
	if (d == 0 && strcmp(s->word, cand) != 0 && s->dist > 0) {
		s->dist = 0;
		s->best = cand;
	}
}

const char *suggest_result(const struct suggest *s)
{
	if (!s->best || s->dist > limit_for(s->word))
		return NULL;
	return s->best;
}
