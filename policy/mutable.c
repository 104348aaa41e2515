/* mutable.c - whether a member could change what a path names
 * (policy_fs_mutable, policy.h). */
#include "config.h"

#include <limits.h>
#include <string.h>

#include "calls.h"
#include "compiled.h"
#include "fstrie.h"
#include "glob.h"
#include "policy.h"

/* The accesses that put another object at a name, or take the one there
 * away: what a swap between a check and the kernel's walk needs. */
#define FS_CHANGES_NAMES (POLICY_FS_CREATE | POLICY_FS_UNLINK | POLICY_FS_RENAME | \
			  POLICY_FS_LINK | POLICY_FS_SYMLINK | POLICY_FS_MKDIR | \
			  POLICY_FS_RMDIR | POLICY_FS_MKNOD_FIFO | POLICY_FS_MKNOD_DEV)

/* Calls that change what names mean wholesale: a mount over a component,
 * another root, another mount namespace.  The mount family is refused
 * whatever the policy says (calls_fixed_errno); it is listed all the same,
 * so that opening it some day cannot forget this. */
static const enum sc_id remounts[] = {
	SC_mount, SC_umount, SC_umount2, SC_pivot_root, SC_chroot, SC_fsopen,
	SC_fsconfig, SC_fsmount, SC_fspick, SC_move_mount, SC_open_tree,
	SC_open_tree_attr, SC_mount_setattr, SC_unshare, SC_setns,
};

struct grant_ctx {
	const char *path;
	bool granted;
};

/* Deny rules are not weighed: a rule that allows a change somewhere
 * along the path is enough to count it as changeable.  Pinning more than
 * needed costs stops, never safety. */
static void grant_visit(const struct fs_rule *r, void *ctx)
{
	struct grant_ctx *c = ctx;
	if (!c->granted && (r->h.action == ACT_ALLOW || r->h.action == ACT_LOG) &&
	    (r->access & FS_CHANGES_NAMES) && glob_match_path(&r->g, c->path))
		c->granted = true;
}

static bool may_change(const struct policy *pol, const char *name)
{
	struct grant_ctx c = { name, false };
	fstrie_candidates(pol->fs_root, name, grant_visit, &c);
	return c.granted;
}

bool policy_fs_mutable(const struct policy *pol, const char *path)
{
	for (size_t i = 0; i < sizeof remounts / sizeof remounts[0]; i++) {
		uint8_t a = pol->sc[remounts[i]].action;
		if ((a == ACT_ALLOW || a == ACT_LOG) && !calls_fixed_errno(remounts[i]))
			return true;
	}
	size_t len = strlen(path);
	if (path[0] != '/' || len >= PATH_MAX)
		return true;
	char name[PATH_MAX];
	memcpy(name, path, len + 1);
	/* Every directory on the way ("/a", "/a/b", ...), then the object
	 * itself. */
	for (size_t i = 1; i <= len; i++) {
		if (name[i] != '/' && name[i] != '\0')
			continue;
		char c = name[i];
		name[i] = '\0';
		bool changes = i > 1 && may_change(pol, name);
		name[i] = c;
		if (changes)
			return true;
	}
	return false;
}
