/* copy_plan.c - building and laying out copy plans (see copy_plan.h). */
#include "config.h"

#include <errno.h>
#include <string.h>

#include "copy_plan.h"

void plan_init(struct copy_plan *p)
{
	memset(p, 0, sizeof *p);
	p->call_as = SC_COUNT;
}

int plan_add(struct copy_plan *p, int arg, const void *data, size_t len)
{
	if (!p)
		return -1;
	if (p->n == PLAN_ITEMS) {
		p->full = true;
		return -1;
	}
	p->item[p->n] = (struct copy_item){ (int8_t)arg, data, len };
	return (int)p->n++;
}

void plan_link(struct copy_plan *p, int from, size_t at, int to)
{
	if (!p)
		return;
	if (p->nlinks == PLAN_LINKS || from < 0 || to < 0 || at > UINT16_MAX) {
		p->full = true;
		return;
	}
	p->link[p->nlinks++] = (struct copy_link){ (uint8_t)from, (uint8_t)to, (uint16_t)at };
}

void plan_set(struct copy_plan *p, int i, uint64_t v)
{
	p->set_mask |= 1u << i;
	p->set[i] = v;
}

void plan_put_u32(struct copy_plan *p, int item, size_t at, uint32_t v)
{
	const char *own = (const char *)p->own;
	if (item < 0 || (unsigned)item >= p->n) {
		p->full = true;
		return;
	}
	const struct copy_item *it = &p->item[item];
	const char *d = it->data;
	/* Only bytes of the plan's own are written: never the caller's. */
	if (d < own || d >= own + p->own_used || at + sizeof v > it->len ||
	    (size_t)(d - own) + at + sizeof v > p->own_used) {
		p->full = true;
		return;
	}
	memcpy((char *)p->own + (d - own) + at, &v, sizeof v);
}

void *plan_own(struct copy_plan *p, size_t len)
{
	size_t need = (len + 7) & ~(size_t)7;
	if (need > sizeof p->own - p->own_used) {
		p->full = true;
		return NULL;
	}
	void *at = (char *)p->own + p->own_used;
	p->own_used += need;
	memset(at, 0, need);
	return at;
}

long plan_layout(const struct copy_plan *p, uint64_t base, unsigned ws, void *buf, size_t cap,
		 uint64_t addr[PLAN_ITEMS])
{
	unsigned char *img = buf;
	size_t off[PLAN_ITEMS], end = 0;
	if (p->full)
		return -ENOBUFS;
	for (unsigned i = 0; i < p->n; i++) {
		off[i] = (end + 7) & ~(size_t)7;	/* word-aligned, as C would */
		if (p->item[i].len > cap || off[i] > cap - p->item[i].len)
			return -ENOBUFS;
		memset(img + end, 0, off[i] - end);
		memcpy(img + off[i], p->item[i].data, p->item[i].len);
		addr[i] = base + off[i];
		end = off[i] + p->item[i].len;
	}
	for (unsigned k = 0; k < p->nlinks; k++) {
		const struct copy_link *l = &p->link[k];
		if (l->from >= p->n || l->to >= p->n || (size_t)l->at + ws > p->item[l->from].len)
			return -EINVAL;
		if (ws == 4) {
			uint32_t w = (uint32_t)addr[l->to];
			memcpy(img + off[l->from] + l->at, &w, sizeof w);
		} else {
			memcpy(img + off[l->from] + l->at, &addr[l->to], sizeof addr[l->to]);
		}
	}
	return (long)end;
}
