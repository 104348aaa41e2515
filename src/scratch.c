/* scratch.c - the scratch regions (see scratch.h). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "inject.h"
#include "log.h"
#include "scratch.h"

void scratch_hold(struct scratch_set *s, uint64_t base)
{
	for (unsigned i = 0; i < s->n; i++)
		if (s->v[i].base == base) {
			s->v[i].holders++;
			return;
		}
	if (s->n == s->cap) {
		unsigned cap = s->cap ? 2 * s->cap : 16;
		struct scratch_ref *v = realloc(s->v, cap * sizeof *v);
		if (!v)
			die_perror("scratch set");
		s->v = v;
		s->cap = cap;
	}
	s->v[s->n++] = (struct scratch_ref){ base, 1 };
}

void scratch_release(struct scratch_set *s, uint64_t base)
{
	for (unsigned i = 0; i < s->n; i++)
		if (s->v[i].base == base) {
			if (--s->v[i].holders == 0)
				s->v[i] = s->v[--s->n];
			return;
		}
}

void scratch_set_free(struct scratch_set *s)
{
	free(s->v);
	*s = (struct scratch_set){ 0 };
}

bool scratch_touches(const struct scratch_set *s, uint64_t addr, uint64_t len)
{
	uint64_t end = addr + (len ? len : 1);
	if (end < addr)		/* wraps: everything above addr */
		end = UINT64_MAX;
	for (unsigned i = 0; i < s->n; i++)
		if (addr < s->v[i].base + SCRATCH_SIZE && end > s->v[i].base)
			return true;
	return false;
}

int scratch_map(pid_t tid, const struct janus_arch *a, enum sysedit_mode mode, uint64_t *base)
{
	int r = inject_mmap(tid, a, mode, SCRATCH_SIZE, base);
	if (r == 0)
		debug_msg("pid %d: scratch region at %#llx", (int)tid, (unsigned long long)*base);
	return r;
}

int scratch_write(pid_t tid, uint64_t addr, const void *buf, size_t len)
{
	char path[64];
	snprintf(path, sizeof path, "/proc/%d/mem", (int)tid);
	int fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	ssize_t n = pwrite(fd, buf, len, (off_t)addr);
	int err = errno;
	close(fd);
	if (n < 0)
		return -err;
	return (size_t)n == len ? 0 : -EIO;
}
