/* fstrie.h - fs rules indexed by the literal leading components of their
 * patterns.
 *
 * "/usr/lib/lib*.so" hangs under root -> "usr" -> "lib"; patterns whose
 * first component has a wildcard ("/h*", and "/" followed by "**") hang
 * at the root.  To evaluate a path, walk its components down
 * the trie: the candidates are the rules of the nodes passed (a
 * handful), and only they are glob-matched.  The walk costs the path's
 * depth (binary search among siblings), not the number of rules.
 */
#ifndef JANUS_POLICY_FSTRIE_H
#define JANUS_POLICY_FSTRIE_H

#include "compiled.h"

int fstrie_add(struct arena *mem, struct fs_node *root, const struct fs_rule *r);
void fstrie_sort(struct fs_node *n);
/* Call visit for every candidate rule of path (absolute, canonical). */
void fstrie_candidates(const struct fs_node *root, const char *path,
		       void (*visit)(const struct fs_rule *r, void *ctx), void *ctx);
/* Call visit for every rule that can match path or anything below it:
 * the candidates of path, and every rule whose literal prefix lies
 * below it. */
void fstrie_reaching(const struct fs_node *root, const char *path,
		     void (*visit)(const struct fs_rule *r, void *ctx), void *ctx);
/* Depth-first walk for the dump: visit(node, depth). */
void fstrie_walk(const struct fs_node *n, unsigned depth,
		 void (*visit)(const struct fs_node *n, unsigned depth, void *ctx), void *ctx);

#endif
