/* groups.c - lookup in the generated group table. */
#include "config.h"

#include <string.h>

#include "groups.h"

const struct sc_group *groups_find(const char *name)
{
	for (unsigned i = 0; i < policy_ngroups; i++)
		if (strcmp(policy_groups[i].name, name) == 0)
			return &policy_groups[i];
	return NULL;
}
