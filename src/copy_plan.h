/* copy_plan.h - what the kernel must read instead of the tracee's memory.
 *
 * The judge (judge.c) fills a plan with the bytes it checked; the
 * supervisor (apply_plan) copies them into the calling thread's scratch
 * region and points the call at the copies (doc/races.md).
 *
 * Items are laid out one after the other.  An item with arg >= 0 replaces
 * that argument register.  An item may itself hold pointers to other
 * items (a msghdr's msg_name and msg_control, socketcall's argument
 * array): a link asks for the scratch address of item `to` to be written
 * into the copy of item `from`, at byte `at`, as a word of the call's ABI.
 * So the judge never needs to know where the region is, and a nested copy
 * is as pinned as a flat one.  This file is pure: no ptrace. */
#ifndef JANUS_COPY_PLAN_H
#define JANUS_COPY_PLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arch.h"

#define PLAN_ITEMS 6
#define PLAN_LINKS 4
#define PLAN_OWN 192	/* bytes the judge builds itself: a msghdr, an array */

struct copy_plan {
	unsigned n, nlinks;
	struct copy_item {
		int8_t arg;		/* args[arg] points at the copy; -1: linked only */
		const void *data;	/* valid until the plan is applied */
		size_t len;
	} item[PLAN_ITEMS];
	struct copy_link {
		uint8_t from, to;
		uint16_t at;
	} link[PLAN_LINKS];
	/* Arguments given a value of the judge's (bit i: args[i] = set[i]). */
	unsigned set_mask;
	uint64_t set[6];
	/* The call runs as another (SC_COUNT: as itself). */
	enum sc_id call_as;
	/* The open family becomes openat2(AT_FDCWD, item[0], &how, 24) with
	 * RESOLVE_NO_SYMLINKS on the canonical path: a component swapped for a
	 * symlink after the check fails (ELOOP) instead of being followed. */
	bool to_openat2;
	uint64_t how_flags, how_mode;
	/* sendmmsg sent as a sendmsg of its first message, the vector at this
	 * address: the exit stop writes that message's msg_len and returns 1
	 * (0: not so). */
	uint64_t mmsg_vec;
	/* Something did not fit: the call cannot be pinned, it must not run. */
	bool full;
	size_t own_used;
	uint64_t own[PLAN_OWN / 8];
};

/* An empty plan. */
void plan_init(struct copy_plan *p);
/* Adds an item (arg -1: reached through a link only).  Returns its index,
 * or -1 when p is NULL or full (then p->full is set). */
int plan_add(struct copy_plan *p, int arg, const void *data, size_t len);
/* In item from's copy, at byte at, the address of item to's copy. */
void plan_link(struct copy_plan *p, int from, size_t at, int to);
/* args[i] = v when the call runs. */
void plan_set(struct copy_plan *p, int i, uint64_t v);
/* In item's copy, at byte at, the 32-bit value v (a length field of a
 * struct the judge built in the plan's own bytes: msg_namelen).  An item
 * whose bytes are not the plan's own, or too short, marks p full. */
void plan_put_u32(struct copy_plan *p, int item, size_t at, uint32_t v);
/* len bytes (8-aligned, zeroed) kept inside the plan, for an item the
 * judge builds; NULL (and p->full) when they do not fit. */
void *plan_own(struct copy_plan *p, size_t len);

/* Lays the plan out at base for a task of word size ws (4 or 8): the
 * image of the region's first bytes (the copies, links resolved) goes to
 * buf, the address of each item's copy to addr[].  Returns the image's
 * length, -ENOBUFS when it does not fit in cap bytes (or the plan was
 * full), -EINVAL for a malformed link. */
long plan_layout(const struct copy_plan *p, uint64_t base, unsigned ws, void *buf, size_t cap,
		 uint64_t addr[PLAN_ITEMS]);

#endif
