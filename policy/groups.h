/* groups.h - the @groups of syscall rules (data: policy/groups.list). */
#ifndef JANUS_POLICY_GROUPS_H
#define JANUS_POLICY_GROUPS_H

#include "arch.h"

struct sc_group {
	const char *name;	/* without '@' */
	const enum sc_id *ids;
	unsigned n;
};

extern const struct sc_group policy_groups[];
extern const unsigned policy_ngroups;

const struct sc_group *groups_find(const char *name);	/* NULL: unknown */

#endif
