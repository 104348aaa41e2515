/* grow.c - arrays that double as they fill (see grow.h). */
#include "config.h"

#include <stdlib.h>

#include "grow.h"
#include "log.h"

void *grow_room(void *v, unsigned n, unsigned *cap, size_t elem, unsigned first,
		const char *what)
{
	if (n < *cap)
		return v;
	unsigned bigger = *cap ? 2 * *cap : first;
	void *w = realloc(v, bigger * elem);
	if (!w)
		die_perror("%s", what);
	*cap = bigger;
	return w;
}
