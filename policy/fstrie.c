/* fstrie.c - the prefix trie of fs rules. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "fstrie.h"

static struct fs_node *child(struct arena *mem, struct fs_node *n, const char *name)
{
	for (unsigned i = 0; i < n->nkids; i++)
		if (strcmp(n->kids[i]->name, name) == 0)
			return n->kids[i];

	struct fs_node *k = arena_alloc(mem, sizeof(*k));
	struct fs_node **kids = arena_grow(mem, n->kids, n->nkids * sizeof(*kids),
					   (n->nkids + 1) * sizeof(*kids));

	if (!k || !kids)
		return NULL;
	k->name = arena_strdup(mem, name);
	if (!k->name)
		return NULL;
	kids[n->nkids++] = k;
	n->kids = kids;
	return k;
}

int fstrie_add(struct arena *mem, struct fs_node *root, const struct fs_rule *r)
{
	struct fs_node *n = root;
	char buf[4097];

	for (unsigned i = 0; i < r->g.nliteral; i++) {
		glob_literal(&r->g, i, buf, sizeof buf);
		n = child(mem, n, buf);
		if (!n)
			return -ENOMEM;
	}

	const struct fs_rule **rules = arena_grow(mem, n->rules, n->nrules * sizeof(*rules),
						  (n->nrules + 1) * sizeof(*rules));

	if (!rules)
		return -ENOMEM;
	rules[n->nrules++] = r;
	n->rules = rules;
	return 0;
}

static int by_name(const void *a, const void *b)
{
	const struct fs_node *x = *(const struct fs_node *const *)a;
	const struct fs_node *y = *(const struct fs_node *const *)b;

	return strcmp(x->name, y->name);
}

void fstrie_sort(struct fs_node *n)
{
	if (n->nkids > 1)
		qsort(n->kids, n->nkids, sizeof(*n->kids), by_name);
	for (unsigned i = 0; i < n->nkids; i++)
		fstrie_sort(n->kids[i]);
}

/* Compare a NUL-terminated name with the component s[0..len). */
static int cmp_comp(const char *name, const char *s, size_t len)
{
	int c = strncmp(name, s, len);

	if (c)
		return c;
	return name[len] ? 1 : 0;
}

static const struct fs_node *find(const struct fs_node *n, const char *s, size_t len)
{
	unsigned lo = 0, hi = n->nkids;

	while (lo < hi) {
		unsigned mid = lo + (hi - lo) / 2;
		int c = cmp_comp(n->kids[mid]->name, s, len);

		if (c == 0)
			return n->kids[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

void fstrie_candidates(const struct fs_node *root, const char *path,
		       void (*visit)(const struct fs_rule *r, void *ctx), void *ctx)
{
	const struct fs_node *n = root;
	const char *p = path;

	while (n) {
		for (unsigned i = 0; i < n->nrules; i++)
			visit(n->rules[i], ctx);
		while (*p == '/')
			p++;
		if (!*p)
			break;

		const char *e = strchr(p, '/');
		size_t len = e ? (size_t)(e - p) : strlen(p);

		n = find(n, p, len);
		p += len;
	}
}

static void visit_subtree(const struct fs_node *n,
			  void (*visit)(const struct fs_rule *r, void *ctx), void *ctx)
{
	for (unsigned i = 0; i < n->nkids; i++) {
		const struct fs_node *k = n->kids[i];

		for (unsigned j = 0; j < k->nrules; j++)
			visit(k->rules[j], ctx);
		visit_subtree(k, visit, ctx);
	}
}

void fstrie_reaching(const struct fs_node *root, const char *path,
		     void (*visit)(const struct fs_rule *r, void *ctx), void *ctx)
{
	const struct fs_node *n = root;
	const char *p = path;

	while (n) {
		for (unsigned i = 0; i < n->nrules; i++)
			visit(n->rules[i], ctx);
		while (*p == '/')
			p++;
		if (!*p) {
			visit_subtree(n, visit, ctx);
			return;
		}

		const char *e = strchr(p, '/');
		size_t len = e ? (size_t)(e - p) : strlen(p);

		n = find(n, p, len);
		p += len;
	}
}

void fstrie_walk(const struct fs_node *n, unsigned depth,
		 void (*visit)(const struct fs_node *n, unsigned depth, void *ctx), void *ctx)
{
	visit(n, depth, ctx);
	for (unsigned i = 0; i < n->nkids; i++)
		fstrie_walk(n->kids[i], depth + 1, visit, ctx);
}
