/* arena.h - one allocation region per policy: freed all at once.
 *
 * A compiled policy is built once and then only read, so its pieces
 * live in an arena; policy_free() releases it with one call, and a
 * failed load cannot leak half a policy.
 */
#ifndef JANUS_POLICY_ARENA_H
#define JANUS_POLICY_ARENA_H

#include <stddef.h>

struct arena_chunk;

struct arena {
	struct arena_chunk *head;
	size_t total;		/* bytes handed out, for the dump */
};

/* All return NULL when out of memory; memory is zeroed. */
void *arena_alloc(struct arena *a, size_t size);
void *arena_grow(struct arena *a, void *old, size_t old_size, size_t new_size);
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
void arena_release(struct arena *a);

#endif
