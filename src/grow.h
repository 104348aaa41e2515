/* grow.h - room for one more element in an array that doubles as it
 * fills.  janus cannot go on without the room: out of memory, it dies
 * (fail closed: its tracees die with it), naming what it was keeping. */
#ifndef JANUS_GROW_H
#define JANUS_GROW_H

#include <stddef.h>

/* v holds n elements of elem bytes in room for *cap; returns v, or a
 * larger copy (*cap updated: first, then doubling) when n == *cap. */
void *grow_room(void *v, unsigned n, unsigned *cap, size_t elem, unsigned first,
		const char *what);

#endif
