/* names.h - kernel constant names the policy language accepts.
 *
 * Values come from the kernel's own headers (one translation unit per
 * header family, because glibc and linux/ headers do not mix), so a
 * name cannot drift from the number the kernel checks.  A name may stand
 * for two numbers when the ABIs disagree on the spelling of one request
 * (SO_RCVTIMEO old/new, F_SETLK vs the 32-bit F_SETLK64): the policy
 * means the request, whichever number an ABI uses for it.
 */
#ifndef JANUS_POLICY_NAMES_H
#define JANUS_POLICY_NAMES_H

#include <stddef.h>
#include <stdint.h>

struct name_entry {
	const char *name;
	uint32_t val[2];
	uint8_t nval;		/* 1 or 2 */
};

struct name_table {
	const char *what;	/* "errno", "ioctl", ... for messages */
	const char *prefix;	/* optional prefix accepted and ignored: "AF_" */
	int lower;		/* names are lower-case; the prefixed form is upper */
	const struct name_entry *e;
	size_t n;
};

extern const struct name_table names_errno;
extern const struct name_table names_ioctl;
extern const struct name_table names_fcntl;
extern const struct name_table names_domain;	/* inet, unix, ... (AF_*) */
extern const struct name_table names_socktype;	/* stream, dgram, ... (SOCK_*) */
extern const struct name_table names_proto;	/* tcp, udp, ... (IPPROTO_*) */
extern const struct name_table names_socklevel;	/* SOL_SOCKET, IPPROTO_IP, ... */
/* Socket options: val = level << 16 | option. */
extern const struct name_table names_sockopt;
extern const struct name_table names_cmsg;	/* SCM_RIGHTS, SCM_CREDENTIALS */

/* The entry for name (exact, or with the table's prefix), NULL if none. */
const struct name_entry *names_find(const struct name_table *t, const char *name);
/* The first name with value v, NULL if none. */
const char *names_name(const struct name_table *t, uint32_t v);
/* The closest name to a misspelt one, NULL if nothing is close. */
const char *names_suggest(const struct name_table *t, const char *name);

/* Edit distance helper for did-you-mean messages: offer candidates one
 * by one, then read the best one (NULL if none is close enough). */
struct suggest {
	const char *word;
	const char *best;
	unsigned dist;
};
void suggest_init(struct suggest *s, const char *word);
void suggest_offer(struct suggest *s, const char *cand);
const char *suggest_result(const struct suggest *s);

#endif
