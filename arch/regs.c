/* regs.c - read and write register slots of a fetched NT_PRSTATUS regset
 * through a struct regset_layout.  No ptrace here: the caller fetched
 * the bytes and writes them back.
 */
#include "config.h"

#include <string.h>

#include "arch.h"

const struct regset_layout *arch_layout_for(const struct janus_arch *a, size_t regset_size)
{
	if (!a || !a->layouts)
		return NULL;
	for (const struct regset_layout *const *l = a->layouts; *l; l++)
		if ((*l)->size == regset_size)
			return *l;
	return NULL;
}

static bool is_low32(const struct regset_layout *l, enum janus_reg r)
{
	return (l->low32 >> r) & 1u;
}

/* memcpy, not a cast: the regset is a byte buffer with no alignment
 * promise.  Both ABIs janus runs on are little-endian, and so are the
 * layouts it decodes, so a narrow read takes the first bytes. */
uint64_t regs_get(const struct regset_layout *l, const void *regs, enum janus_reg r)
{
	const unsigned char *p = regs;

	if (!l || !regs || (unsigned)r >= JR_COUNT)
		return 0;
	if (l->width == 4 || is_low32(l, r)) {
		uint32_t v32;

		memcpy(&v32, p + l->off[r], sizeof v32);
		return v32;
	}
	uint64_t v;

	memcpy(&v, p + l->off[r], sizeof v);
	return v;
}

void regs_set(const struct regset_layout *l, void *regs, enum janus_reg r, uint64_t v)
{
	unsigned char *p = regs;

	if (!l || !regs || (unsigned)r >= JR_COUNT)
		return;
	if (l->width == 4) {
		uint32_t v32 = (uint32_t)v;

		memcpy(p + l->off[r], &v32, sizeof v32);
		return;
	}
	if (is_low32(l, r))
		v = (uint64_t)(int64_t)(int32_t)(uint32_t)v;
	memcpy(p + l->off[r], &v, sizeof v);
}

/* 32-bit ABIs return a 32-bit long: -EPERM arrives as 0xffffffff. */
int64_t arch_sign_extend(const struct janus_arch *a, uint64_t v)
{
	if (a && a->wordsize == 4)
		return (int64_t)(int32_t)(uint32_t)v;
	return (int64_t)v;
}
