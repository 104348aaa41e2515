/* eval.c - policy_eval() and policy_needs(): pure, no allocation.
 *
 * 1. A number the ABI's table does not know: refused, ENOSYS.
 * 2. A call refused whatever the policy says (calls_fixed_errno).
 * 3. The syscall slot of the call's id: deny/kill end here.
 * 4. allow/log: each typed check of the call (calls_checks) must pass:
 *    some allow rule of the kind matches and no deny/kill rule does
 *    (kill before deny, the last matching rule in reading order names
 *    the errno).  Nothing matches: refused with the kind's errno.
 */
#include "config.h"

#include <errno.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>

#include "access.h"
#include "compiled.h"
#include "fstrie.h"

static const char DEFAULT_FILE[] = "<default>";
static const char FIXED_FILE[] = "<fixed>";

/* What a typed check found. */
struct outcome {
	int action;			/* ACT_ALLOW (or LOG), ACT_DENY, ACT_KILL */
	int err;
	bool log;
	const struct rule_hdr *rule;	/* deciding rule, NULL: none */
};

/* Accumulates matching rules: the last kill, the last deny, the last
 * allow, in reading order. */
struct tally {
	const struct rule_hdr *kill, *deny, *allow;
	bool log;
};

static void count(struct tally *t, const struct rule_hdr *h)
{
	const struct rule_hdr **slot;

	switch (h->action) {
	case ACT_KILL:
		slot = &t->kill;
		break;
	case ACT_DENY:
		slot = &t->deny;
		break;
	default:
		slot = &t->allow;
		t->log |= h->log;
		break;
	}
	if (!*slot || (*slot)->seq < h->seq)
		*slot = h;
}

/* kill > deny > allow > nothing; allowed only if `granted`. */
static void decide(const struct tally *t, bool granted, enum rule_kind k, struct outcome *o)
{
	memset(o, 0, sizeof(*o));
	if (t->kill) {
		o->action = ACT_KILL;
		o->rule = t->kill;
		o->log = t->kill->log;
	} else if (t->deny) {
		o->action = ACT_DENY;
		o->rule = t->deny;
		o->err = t->deny->err ? t->deny->err : kind_default_errno(k);
		o->log = t->deny->log;
	} else if (granted && t->allow) {
		o->action = ACT_ALLOW;
		o->rule = t->allow;
		o->log = t->log;
	} else {
		o->action = ACT_DENY;
		o->err = kind_default_errno(k);
	}
}

static void refuse(struct outcome *o, int err)
{
	memset(o, 0, sizeof(*o));
	o->action = ACT_DENY;
	o->err = err;
}

static void pass(struct outcome *o)
{
	memset(o, 0, sizeof(*o));
	o->action = ACT_ALLOW;
}

/* ---- fs -------------------------------------------------------------- */

struct fs_ctx {
	const char *path;
	uint32_t need;
	uint32_t granted;
	struct tally t;
};

static void fs_visit(const struct fs_rule *r, void *ctx)
{
	struct fs_ctx *c = ctx;

	if (!(r->access & c->need) || !glob_match_path(&r->g, c->path))
		return;
	if (r->h.action == ACT_ALLOW || r->h.action == ACT_LOG)
		c->granted |= r->access & c->need;
	/* A deny rule counts only for the access it names. */
	count(&c->t, &r->h);
}

/* A rename moves everything below its source.  A deny rule that matches
 * something below the old name must match it below the new name too, or
 * the move would carry the object out of the rule's reach: renaming $HOME
 * (or .ssh) itself would leave "$HOME/.ssh/..." naming nothing.  So the
 * pattern's matcher state after the new name must include every state it
 * reached after the old one (glob_states). */
struct move_ctx {
	const char *from, *to;
	struct tally t;
};

static void move_visit(const struct fs_rule *r, void *ctx)
{
	struct move_ctx *c = ctx;

	if (r->h.action != ACT_DENY && r->h.action != ACT_KILL)
		return;
	if (glob_states(&r->g, c->from) & ~glob_states(&r->g, c->to))
		count(&c->t, &r->h);
}

static void check_move(const struct policy *pol, const char *a, const char *b, struct outcome *o)
{
	struct move_ctx c = { .from = a, .to = b };

	fstrie_reaching(pol->fs_root, a, move_visit, &c);
	/* RENAME_EXCHANGE moves both ways; a plain rename over an existing
	 * directory only replaces an empty one, but checking both costs
	 * nothing a rename needs. */
	c.from = b;
	c.to = a;
	fstrie_reaching(pol->fs_root, b, move_visit, &c);
	if (c.t.kill || c.t.deny)
		decide(&c.t, false, KIND_FS, o);
}

static void check_fs(const struct policy *pol, const struct sc_event *ev, enum sc_id id,
		     struct outcome *o)
{
	struct policy_path pp[2];
	int n = access_paths(ev->arch, arch_syscall(ev->arch, ev->nr), ev->args, pp);

	pass(o);
	for (int i = 0; i < n; i++) {
		struct fs_ctx c = { .path = ev->path[i], .need = pp[i].access };

		if (pp[i].empty_unchecked && c.path && c.path[0] == '\0')
			continue;	/* fstat by another name */
		if (pp[i].mapped && c.path && c.path[0] == '\0')
			continue;	/* anonymous memory made executable */
		if (ev->held[i] && !(c.need & ~ev->held[i]))
			continue;	/* read or write on a held descriptor */
		if (!c.path || c.path[0] != '/') {
			refuse(o, EACCES);	/* the supervisor could not tell */
			return;
		}
		fstrie_candidates(pol->fs_root, c.path, fs_visit, &c);

		struct outcome one;

		decide(&c.t, c.granted == c.need, KIND_FS, &one);
		if (one.action != ACT_ALLOW) {
			*o = one;
			return;
		}
		o->rule = one.rule;
		o->log |= one.log;
	}
	if ((id == SC_rename || id == SC_renameat || id == SC_renameat2) && n == 2)
		check_move(pol, ev->path[0], ev->path[1], o);
}

/* ---- socket ---------------------------------------------------------- */

static void check_socket(const struct policy *pol, const struct sc_event *ev, struct outcome *o)
{
	const struct socket_rule *r = pol->sock.v;
	int domain = (int)ev->args[0];
	int type = (int)ev->args[1] & 0xf;	/* SOCK_TYPE_MASK: no NONBLOCK/CLOEXEC */
	int proto = (int)ev->args[2];
	struct tally t = { 0 };

	/* Protocol 0 is the domain's default for the type. */
	if (proto == 0 && (domain == AF_INET || domain == AF_INET6)) {
		if (type == SOCK_STREAM)
			proto = IPPROTO_TCP;
		else if (type == SOCK_DGRAM)
			proto = IPPROTO_UDP;
	}
	for (unsigned i = 0; i < pol->sock.n; i++) {
		bool pm = r[i].any_proto;

		if (domain < 0 || domain > 63 || !(r[i].domains & (1ull << domain)))
			continue;
		if (type < 0 || type > 31 || !(r[i].types & (1u << type)))
			continue;
		for (unsigned k = 0; !pm && k < r[i].nproto; k++)
			pm = r[i].proto[k] == proto;
		if (pm)
			count(&t, &r[i].h);
	}
	decide(&t, true, KIND_SOCKET, o);
}

/* ---- connect, bind --------------------------------------------------- */

static bool addr_match(const struct addr_rule *r, const struct addr_view *v, const char *upath,
		       bool bind)
{
	switch (r->a.fam) {
	case AFAM_V4: case AFAM_V6:
		if (!addr_ip_match(&r->a, v))
			return false;
		if (r->a.ports)
			return addr_port_in(r->a.ports, r->a.nports, v->port);
		/* No `port`: every port for connect; for bind port 0 (the
		 * kernel picks) and the unprivileged ones. */
		return !bind || v->port == 0 || v->port >= 1024;
	case AFAM_UNIX:
		return upath && glob_match_path(&r->a.path, upath);
	case AFAM_ABSTRACT:
		return glob_match_flat(r->a.name, v->name, v->namelen);
	default:
		return r->a.family == -1 || r->a.family == v->family;
	}
}

static void check_addr(const struct policy *pol, const struct sc_event *ev, enum sc_id id,
		       bool bind, struct outcome *o)
{
	enum rule_kind k = bind ? KIND_BIND : KIND_CONNECT;
	struct addr_view v;
	struct tally t = { 0 };

	if (!ev->addr) {
		/* sendto/sendmsg on a connected socket: the peer was checked
		 * by connect. */
		if (id == SC_connect || id == SC_bind)
			refuse(o, EACCES);
		else
			pass(o);
		return;
	}

	int e = addr_view(ev->addr, ev->addrlen, &v);

	if (e == -EAFNOSUPPORT) {
		/* connect(AF_UNSPEC) dissolves an association: harmless. */
		if (id == SC_connect)
			pass(o);
		else
			refuse(o, kind_default_errno(k));
		return;
	}
	if (e < 0) {
		refuse(o, EINVAL);	/* too short for its family, as the kernel says */
		return;
	}

	const struct addr_rule *const *list = bind ? pol->bind_by[v.fam] : pol->conn_by[v.fam];
	unsigned n = bind ? pol->nbind_by[v.fam] : pol->nconn_by[v.fam];
	const char *upath = v.fam == AFAM_UNIX ? ev->path[0] : NULL;

	if (v.fam == AFAM_UNIX && (!upath || upath[0] != '/')) {
		refuse(o, kind_default_errno(k));
		return;
	}
	for (unsigned i = 0; i < n; i++)
		if (addr_match(list[i], &v, upath, bind))
			count(&t, &list[i]->h);
	decide(&t, true, k, o);
}

/* ---- ioctl, fcntl, sockopt, cmsg, signal ------------------------------- */

static void check_values(const struct rule_list *l, uint32_t v, uint32_t level_any,
			 enum rule_kind k, struct outcome *o)
{
	const struct val_rule *r = l->v;
	struct tally t = { 0 };

	for (unsigned i = 0; i < l->n; i++) {
		bool m = r[i].any;

		for (unsigned j = 0; !m && j < r[i].nvals; j++)
			m = r[i].vals[j] == v || (level_any && r[i].vals[j] == level_any);
		if (m)
			count(&t, &r[i].h);
	}
	decide(&t, true, k, o);
}

static void check_cmsg(const struct policy *pol, const struct sc_event *ev, struct outcome *o)
{
	static const struct {
		unsigned bit;
		uint32_t scm;
	} types[] = {
		{ POLICY_CMSG_RIGHTS, SCM_RIGHTS },
		{ POLICY_CMSG_CREDENTIALS, SCM_CREDENTIALS },
	};

	pass(o);
	for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
		if (!(ev->cmsg & types[i].bit))
			continue;
		check_values(&pol->cmsg, types[i].scm, 0, KIND_CMSG, o);
		if (o->action != ACT_ALLOW)
			return;
	}
}

static void check_signal(const struct policy *pol, const struct sc_event *ev, struct outcome *o)
{
	const struct signal_rule *r = pol->sig.v;
	struct tally t = { 0 };

	for (unsigned i = 0; i < pol->sig.n; i++)
		if (r[i].any || ev->target_in_jail)
			count(&t, &r[i].h);
	decide(&t, true, KIND_SIGNAL, o);
}

static enum rule_kind kind_of(unsigned ck)
{
	switch (ck) {
	case CK_FS: return KIND_FS;
	case CK_SOCKET: return KIND_SOCKET;
	case CK_CONNECT: return KIND_CONNECT;
	case CK_BIND: return KIND_BIND;
	case CK_IOCTL: return KIND_IOCTL;
	case CK_FCNTL: return KIND_FCNTL;
	case CK_SOCKOPT: return KIND_SOCKOPT;
	case CK_CMSG: return KIND_CMSG;
	default: return KIND_SIGNAL;
	}
}

static void run_check(const struct policy *pol, const struct sc_event *ev, enum sc_id id,
		      unsigned ck, struct outcome *o)
{
	const struct kind_static *st = &pol->stat[kind_of(ck)];

	if (st->state == STATIC_ALLOW) {
		pass(o);
		o->rule = st->rule;
		o->log = st->rule->log;
		return;
	}
	if (st->state == STATIC_DENY && !(ck == CK_FS && id == SC_acct)) {
		refuse(o, kind_default_errno(kind_of(ck)));
		return;
	}
	switch (ck) {
	case CK_FS:
		check_fs(pol, ev, id, o);
		break;
	case CK_SOCKET:
		check_socket(pol, ev, o);
		break;
	case CK_CONNECT: case CK_BIND:
		check_addr(pol, ev, id, ck == CK_BIND, o);
		break;
	case CK_IOCTL:
		check_values(&pol->ioctl, (uint32_t)ev->args[1], 0, KIND_IOCTL, o);
		break;
	case CK_FCNTL:
		check_values(&pol->fcntl, (uint32_t)ev->args[1], 0, KIND_FCNTL, o);
		break;
	case CK_SOCKOPT: {
		uint64_t level = (uint32_t)ev->args[1], name = (uint32_t)ev->args[2];
		uint32_t v = level <= 0xffff && name < 0xffff ? (uint32_t)(level << 16 | name) : 0xffffffffu;

		check_values(&pol->sockopt, v, level <= 0xffff ? (uint32_t)(level << 16 | 0xffff) : 0,
			     KIND_SOCKOPT, o);
		break;
	}
	case CK_CMSG:
		check_cmsg(pol, ev, o);
		break;
	default:
		check_signal(pol, ev, o);
		break;
	}
}

static void verdict_from_slot(const struct sc_slot *s, struct verdict *v)
{
	v->action = s->action == ACT_KILL ? VERDICT_KILL :
		    s->action == ACT_DENY ? VERDICT_DENY : VERDICT_ALLOW;
	v->err = s->action == ACT_DENY ? s->err : 0;
	v->log = s->log;
	v->check = "syscall";
	v->file = s->file;
	v->line = s->line;
}

void policy_eval(const struct policy *pol, const struct sc_event *ev, struct verdict *v)
{
	const struct sc_desc *d = arch_syscall(ev->arch, ev->nr);
	enum sc_id id;
	int fixed;

	memset(v, 0, sizeof(*v));
	v->check = "fixed";
	v->file = FIXED_FILE;
	if (!d) {
		v->action = VERDICT_DENY;
		v->err = ENOSYS;
		return;
	}
	id = calls_event_id(ev);
	fixed = calls_fixed_errno(id);
	if (fixed) {
		v->action = VERDICT_DENY;
		v->err = fixed;
		return;
	}
	verdict_from_slot(&pol->sc[id], v);
	if (v->action != VERDICT_ALLOW)
		return;

	unsigned checks = calls_checks(id);

	for (unsigned ck = 1; ck && ck <= checks; ck <<= 1) {
		struct outcome o;

		if (!(checks & ck))
			continue;
		run_check(pol, ev, id, ck, &o);
		if (o.action == ACT_ALLOW || o.action == ACT_LOG) {
			v->log |= o.log;
			if (o.rule) {
				v->check = calls_check_name(ck);
				v->file = o.rule->file;
				v->line = o.rule->line;
			}
			continue;
		}
		v->action = o.action == ACT_KILL ? VERDICT_KILL : VERDICT_DENY;
		v->err = o.action == ACT_DENY ? o.err : 0;
		v->log = v->log || o.log;
		v->check = calls_check_name(ck);
		v->file = o.rule ? o.rule->file : DEFAULT_FILE;
		v->line = o.rule ? o.rule->line : 0;
		return;
	}
}

/* ---- what to fetch ------------------------------------------------------ */

static unsigned needs_id(const struct policy *pol, enum sc_id id)
{
	unsigned need = 0, checks;

	if (calls_fixed_errno(id))
		return 0;
	if (pol->sc[id].action == ACT_DENY || pol->sc[id].action == ACT_KILL)
		return 0;
	checks = calls_checks(id);
	for (unsigned ck = 1; ck && ck <= checks; ck <<= 1) {
		const struct kind_static *st;

		if (!(checks & ck))
			continue;
		st = &pol->stat[kind_of(ck)];
		if (st->state == STATIC_ALLOW || (st->state == STATIC_DENY && !(ck == CK_FS && id == SC_acct)))
			continue;
		switch (ck) {
		case CK_FS:
			need |= POLICY_NEED_PATHS | POLICY_NEED_ARGS;
			break;
		case CK_CONNECT: case CK_BIND:
			need |= POLICY_NEED_SOCKADDR | POLICY_NEED_ARGS;
			break;
		case CK_CMSG:
			need |= POLICY_NEED_CMSG | POLICY_NEED_ARGS;
			break;
		case CK_SIGNAL:
			need |= POLICY_NEED_TARGET | POLICY_NEED_ARGS;
			break;
		default:
			need |= POLICY_NEED_ARGS;
			break;
		}
	}
	return need;
}

unsigned policy_needs(const struct policy *pol, const struct janus_arch *arch, uint64_t nr)
{
	const struct sc_desc *d = arch_syscall(arch, nr);
	unsigned need;

	if (!d)
		return 0;
	if (d->id != SC_socketcall && d->id != SC_ipc)
		return needs_id(pol, d->id);

	/* The multiplexer: its own rule decides sub-calls the supervisor
	 * cannot decode; each sub-call is decided as the direct call. */
	need = 0;
	for (unsigned id = 0; id < SC_COUNT; id++)
		if (calls_is_subcall(d->id, (enum sc_id)id))
			need |= needs_id(pol, (enum sc_id)id) | POLICY_NEED_SUBCALL | POLICY_NEED_ARGS;
	return need;
}
