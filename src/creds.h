/* creds.h - who the command runs as.  Running janus as root must not
 * widen the jail: --user runs the command as another user with every
 * capability dropped (bounding set included), and every command runs with
 * PR_SET_NO_NEW_PRIVS, so a setuid binary cannot gain privileges. */
#ifndef JANUS_CREDS_H
#define JANUS_CREDS_H

#include <stdbool.h>
#include <sys/types.h>

struct creds {
	bool change;		/* --user given */
	uid_t uid;
	gid_t gid;
	char name[64];		/* for initgroups */
};

/* Resolves a user name or number; prints a message and returns -1 when
 * it is unknown or janus is not root. */
int creds_lookup(const char *user, struct creds *c);
/* In the child, just before exec: drop to c (if asked) and set
 * NO_NEW_PRIVS.  Returns 0 or -errno; the child must not exec on error. */
int creds_apply(const struct creds *c);

#endif
