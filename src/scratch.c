/* scratch.c - the scratch regions (see scratch.h). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <unistd.h>

#include "grow.h"
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
	s->v = grow_room(s->v, s->n, &s->cap, sizeof *s->v, 16, "scratch set");
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

static int write_fd(int fd, uint64_t addr, const void *buf, size_t len)
{
	ssize_t n = pwrite(fd, buf, len, (off_t)addr);
	if (n < 0)
		return -errno;
	return (size_t)n == len ? 0 : -EIO;
}

static int open_mem(pid_t tid)
{
	char path[64];
	snprintf(path, sizeof path, "/proc/%d/mem", (int)tid);
	int fd = open(path, O_WRONLY | O_CLOEXEC);
	return fd < 0 ? -errno : fd;
}

int scratch_write(pid_t tid, uint64_t addr, const void *buf, size_t len)
{
	int fd = open_mem(tid);
	if (fd < 0)
		return fd;
	int r = write_fd(fd, addr, buf, len);
	close(fd);
	return r;
}

/* Kept descriptors take at most half of janus's budget (descriptors are
 * numbered from the lowest free): with more tasks than that, the others
 * open one per write, and a fork storm cannot leave janus without any. */
static bool may_keep(int fd)
{
	struct rlimit rl;
	return getrlimit(RLIMIT_NOFILE, &rl) == 0 && (rlim_t)fd < rl.rlim_cur / 2;
}

int scratch_write_tr(struct tracee *tr, uint64_t addr, const void *buf, size_t len)
{
	if (!tr->mem_open) {
		int fd = open_mem(tr->tid);
		if (fd < 0)
			return fd;
		if (!may_keep(fd)) {
			int r = write_fd(fd, addr, buf, len);
			close(fd);
			return r;
		}
		tr->mem_fd = fd;
		tr->mem_open = true;
	}
	int r = write_fd(tr->mem_fd, addr, buf, len);
	if (r < 0)
		scratch_mem_close(tr);	/* the next write tries a fresh one */
	return r;
}

void scratch_mem_close(struct tracee *tr)
{
	if (tr->mem_open)
		close(tr->mem_fd);
	tr->mem_open = false;
}
