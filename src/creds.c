/* creds.c - the command's credentials (see creds.h). */
#include "config.h"

#include <errno.h>
#include <grp.h>
#include <linux/capability.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "creds.h"
#include "log.h"

int creds_lookup(const char *user, struct creds *c)
{
	memset(c, 0, sizeof *c);
	if (!user)
		return 0;
	if (geteuid() != 0) {
		warn_msg("--user needs janus to run as root");
		return -1;
	}
	char *end;
	errno = 0;
	unsigned long num = strtoul(user, &end, 10);
	struct passwd *pw = (*user && !*end && !errno) ? getpwuid((uid_t)num) : getpwnam(user);
	if (!pw) {
		warn_msg("unknown user '%s'", user);
		return -1;
	}
	c->change = true;
	c->uid = pw->pw_uid;
	c->gid = pw->pw_gid;
	snprintf(c->name, sizeof c->name, "%s", pw->pw_name);
	return 0;
}

/* Empties the capability bounding set: nothing exec'd later, setuid or
 * file-capability binary included, can get a capability back. */
static int drop_bounding_set(void)
{
	for (int cap = 0; cap <= CAP_LAST_CAP; cap++)
		if (prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) < 0 && errno != EINVAL)
			return -errno;
	return 0;
}

int creds_apply(const struct creds *c)
{
	if (c->change) {
		int r = drop_bounding_set();
		if (r < 0)
			return r;
		if (initgroups(c->name, c->gid) < 0 || setgid(c->gid) < 0 || setuid(c->uid) < 0)
			return -errno;
		/* setuid() from root cleared every capability set; verify. */
		if (c->uid != 0 && (setuid(0) == 0 || geteuid() == 0))
			return -EPERM;
	}
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
		return -errno;
	return 0;
}
