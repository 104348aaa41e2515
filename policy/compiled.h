/* compiled.h - the compiled form of a policy, shared by compile, eval and
 * dump.
 *
 * Syscall dispatch: one slot per neutral syscall id (sc[]), so a verdict
 * is arch_syscall(arch, nr)->id -> sc[id]: two array indexings whatever
 * the number of rules.  The slots are the same for every ABI because the
 * names are; what differs per ABI is only which ids have a number there.
 *
 * Typed rules are kept per kind in reading order; fs rules are also
 * indexed by a trie of their literal leading components (fstrie.h), and
 * connect / bind rules are grouped by address family.  The other kinds
 * (socket, ioctl, fcntl, sockopt, cmsg, signal) are scanned: a policy
 * has a handful of each, and only calls of that kind look at them.
 */
#ifndef JANUS_POLICY_COMPILED_H
#define JANUS_POLICY_COMPILED_H

#include "addr.h"
#include "arena.h"
#include "calls.h"
#include "glob.h"
#include "policy.h"

enum action { ACT_ALLOW, ACT_LOG, ACT_DENY, ACT_KILL };

enum rule_kind {
	KIND_SYSCALL, KIND_FS, KIND_SOCKET, KIND_CONNECT, KIND_BIND, KIND_IOCTL,
	KIND_FCNTL, KIND_SOCKOPT, KIND_CMSG, KIND_SIGNAL, KIND_COUNT
};

/* What every rule has. */
struct rule_hdr {
	uint8_t action;		/* enum action */
	bool log;		/* `log` modifier (or the log action) */
	int err;		/* deny: errno; 0 = the kind's default */
	const char *file;
	unsigned line, col;
	unsigned seq;		/* reading order: among matching rules the last wins */
};

/* Deciding verdict of one syscall id. */
struct sc_slot {
	uint8_t action;
	uint8_t spec;		/* 0 default, 1 group, 2 name: most specific wins */
	bool log;
	int err;
	const char *file;	/* "<default>" when no rule */
	unsigned line;
};

struct fs_rule {
	struct rule_hdr h;
	uint32_t access;
	struct glob g;
};

/* Trie node: one literal path component. */
struct fs_node {
	const char *name;		/* NULL at the root */
	struct fs_node **kids;		/* sorted by name */
	unsigned nkids;
	const struct fs_rule **rules;	/* rules whose literal prefix ends here */
	unsigned nrules;
};

struct socket_rule {
	struct rule_hdr h;
	uint64_t domains;	/* bit AF_*; all ones: any */
	uint32_t types;		/* bit SOCK_*; all ones: any */
	bool any_proto;
	unsigned nproto;
	int proto[8];
};

struct addr_rule {
	struct rule_hdr h;
	struct addr_spec a;
};

/* ioctl, fcntl, sockopt, cmsg: a set of numbers. */
struct val_rule {
	struct rule_hdr h;
	bool any;
	unsigned nvals;
	const uint32_t *vals;
};

struct signal_rule {
	struct rule_hdr h;
	bool any;		/* `any`; else `jail` */
};

/* A typed check whose outcome does not depend on the call (no rules of
 * the kind: refused; an allow rule matching everything and no deny/kill
 * rule: allowed).  policy_needs() and policy_eval() both use it, so the
 * supervisor may skip fetching what the check would have read. */
enum { STATIC_NO, STATIC_ALLOW, STATIC_DENY };
struct kind_static {
	int state;
	const struct rule_hdr *rule;	/* STATIC_ALLOW: the rule */
};

struct warning {
	const char *file;
	unsigned line, col;
	const char *msg;
};

struct rule_list {
	void *v;		/* array of the kind's rule struct */
	unsigned n, cap;
};

struct policy {
	struct arena mem;
	const char *name;		/* top file */
	struct sc_slot sc[SC_COUNT];
	struct sc_slot dflt;		/* `default` */
	struct rule_list fs, sock, conn, bind, ioctl, fcntl, sockopt, cmsg, sig;
	struct fs_node *fs_root;
	struct kind_static stat[KIND_COUNT];
	/* connect/bind rules by family: pointers into conn/bind */
	const struct addr_rule **conn_by[AFAM_COUNT], **bind_by[AFAM_COUNT];
	unsigned nconn_by[AFAM_COUNT], nbind_by[AFAM_COUNT];
	struct warning *warn;
	unsigned nwarn, warncap;
	unsigned nrules;
	/* `limit processes`: the last one read; 0 = no limit.  Where it is
	 * ("<default>", line 0, when no directive set it). */
	unsigned limit_procs;
	const char *limit_procs_file;
	unsigned limit_procs_line;
};

/* The kind's refusal errno when no rule allows a call. */
int kind_default_errno(enum rule_kind k);
const char *kind_name(enum rule_kind k);
const char *action_name(enum action a);

#endif
