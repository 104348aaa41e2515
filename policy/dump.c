/* dump.c - the compiled policy in readable form (janus --check), and the
 * load-time warnings. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "access.h"
#include "compiled.h"
#include "fstrie.h"
#include "names.h"

static const char *errname(int e)
{
	const char *n = names_name(&names_errno, (uint32_t)e);

	return n ? n : "?";
}

static void put_where(FILE *out, const char *file, unsigned line)
{
	if (line)
		fprintf(out, "%s:%u", file, line);
	else
		fprintf(out, "%s", file);
}

static void put_hdr(FILE *out, const struct rule_hdr *h, enum rule_kind k)
{
	fprintf(out, "%-5s", action_name((enum action)h->action));
	if (h->action == ACT_DENY)
		fprintf(out, " %s", errname(h->err ? h->err : kind_default_errno(k)));
	if (h->log && h->action != ACT_LOG)
		fprintf(out, " +log");
}

/* One syscall slot as it evaluates before its typed checks. */
static void put_slot(FILE *out, const struct policy *pol, enum sc_id id)
{
	const struct sc_slot *s = &pol->sc[id];
	int fixed = calls_fixed_errno(id);
	char what[160];
	size_t len = 0;

	if (fixed) {
		fprintf(out, "deny %-9s (fixed refusal)\n", errname(fixed));
		return;
	}
	what[0] = '\0';
	if (s->action == ACT_ALLOW || s->action == ACT_LOG) {
		unsigned checks = calls_checks(id);

		for (unsigned ck = 1; ck && ck <= checks; ck <<= 1) {
			enum rule_kind k;

			if (!(checks & ck))
				continue;
			for (k = KIND_FS; k < KIND_COUNT; k++)
				if (strcmp(kind_name(k), calls_check_name(ck)) == 0)
					break;
			if (k < KIND_COUNT && pol->stat[k].state == STATIC_ALLOW)
				continue;
			if (k < KIND_COUNT && pol->stat[k].state == STATIC_DENY && id != SC_acct) {
				fprintf(out, "deny %-9s (no %s rule)\n",
					errname(kind_default_errno(k)), kind_name(k));
				return;
			}
			int w = snprintf(what + len, sizeof what - len, "%s%s", len ? "," : "[",
					 calls_check_name(ck));

			if (w > 0 && (size_t)w < sizeof what - len)
				len += (size_t)w;
		}
		if (len && len + 1 < sizeof what)
			strcpy(what + len, "]");
	}
	fprintf(out, "%-5s", action_name((enum action)s->action));
	if (s->action == ACT_DENY)
		fprintf(out, " %-9s", errname(s->err));
	else
		fprintf(out, " %-9s", s->log && s->action != ACT_LOG ? "+log" : "");
	fprintf(out, " %-22s ", what);
	put_where(out, s->file, s->line);
	fputc('\n', out);
}

static void dump_abi(FILE *out, const struct policy *pol, const struct janus_arch *a)
{
	unsigned n = 0;

	for (uint32_t nr = 0; nr < a->nr_count; nr++)
		n += arch_syscall(a, nr) != NULL;
	fprintf(out, "\nsyscalls on %s (%u numbers; any other number: deny ENOSYS):\n", a->name, n);
	for (uint32_t nr = 0; nr < a->nr_count; nr++) {
		const struct sc_desc *d = arch_syscall(a, nr);

		if (!d)
			continue;
		fprintf(out, "  %4u %-24s ", nr, d->name);
		if (d->id == SC_socketcall || d->id == SC_ipc) {
			fprintf(out, "sub-calls decided as the direct calls; undecodable: ");
		}
		put_slot(out, pol, d->id);
	}
}

struct fs_dump {
	FILE *out;
};

static void fs_node_dump(const struct fs_node *n, unsigned depth, void *ctx)
{
	struct fs_dump *fd = ctx;

	if (n->name)
		fprintf(fd->out, "  %*s%s/\n", (int)(2 * depth - 2), "", n->name);
	for (unsigned i = 0; i < n->nrules; i++) {
		const struct fs_rule *r = n->rules[i];
		char acc[256];

		access_format(r->access, acc, sizeof acc);
		fprintf(fd->out, "  %*s- ", (int)(2 * depth), "");
		put_hdr(fd->out, &r->h, KIND_FS);
		fprintf(fd->out, " %s %s  ", acc, r->g.pat);
		put_where(fd->out, r->h.file, r->h.line);
		fputc('\n', fd->out);
	}
}

static void put_mask_names(FILE *out, uint64_t mask, const struct name_table *t, unsigned bits)
{
	bool first = true;

	if (mask == (bits == 64 ? ~0ull : (uint64_t)~0u)) {
		fprintf(out, "any");
		return;
	}
	for (unsigned b = 0; b < bits; b++) {
		const char *n;

		if (!(mask & (1ull << b)))
			continue;
		n = names_name(t, b);
		if (n)
			fprintf(out, "%s%s", first ? "" : ",", n);
		else
			fprintf(out, "%s%u", first ? "" : ",", b);
		first = false;
	}
}

static void dump_sockets(FILE *out, const struct policy *pol)
{
	const struct socket_rule *r = pol->sock.v;

	fprintf(out, "\nsocket rules (%u; none matching: EACCES):\n", pol->sock.n);
	for (unsigned i = 0; i < pol->sock.n; i++) {
		fprintf(out, "  ");
		put_hdr(out, &r[i].h, KIND_SOCKET);
		fputc(' ', out);
		put_mask_names(out, r[i].domains, &names_domain, 64);
		fputc(' ', out);
		put_mask_names(out, r[i].types, &names_socktype, 32);
		fputc(' ', out);
		if (r[i].any_proto)
			fprintf(out, "any");
		for (unsigned k = 0; k < r[i].nproto; k++) {
			const char *n = names_name(&names_proto, (uint32_t)r[i].proto[k]);

			fprintf(out, "%s", k ? "," : "");
			if (n)
				fprintf(out, "%s", n);
			else
				fprintf(out, "%d", r[i].proto[k]);
		}
		fprintf(out, "  ");
		put_where(out, r[i].h.file, r[i].h.line);
		fputc('\n', out);
	}
}

static void dump_addrs(FILE *out, const char *what, const struct addr_rule **const by[AFAM_COUNT],
		       const unsigned nby[AFAM_COUNT])
{
	static const char *const fam[AFAM_COUNT] = { "ipv4", "ipv6", "unix", "abstract", "other" };

	fprintf(out, "\n%s rules by family (none matching: EACCES):\n", what);
	for (unsigned f = 0; f < AFAM_COUNT; f++) {
		for (unsigned i = 0; i < nby[f]; i++) {
			const struct addr_rule *r = by[f][i];
			char buf[128];

			fprintf(out, "  %-8s ", fam[f]);
			put_hdr(out, &r->h, KIND_CONNECT);
			switch (r->a.fam) {
			case AFAM_V4: case AFAM_V6:
				addr_format(&r->a, buf, sizeof buf);
				fprintf(out, " %s", buf);
				if (!r->a.ports) {
					fprintf(out, strcmp(what, "bind") == 0 ? " port 0,1024-65535" : " port any");
				} else {
					fprintf(out, " port ");
					for (unsigned p = 0; p < r->a.nports; p++) {
						fprintf(out, "%s%u", p ? "," : "", r->a.ports[p].lo);
						if (r->a.ports[p].hi != r->a.ports[p].lo)
							fprintf(out, "-%u", r->a.ports[p].hi);
					}
				}
				break;
			case AFAM_UNIX:
				fprintf(out, " unix \"%s\"", r->a.path.pat);
				break;
			case AFAM_ABSTRACT:
				fprintf(out, " abstract \"%s\"", r->a.name);
				break;
			default: {
				const char *n = names_name(&names_domain, (uint32_t)r->a.family);

				fprintf(out, " family %s", r->a.family < 0 ? "any" : n ? n : "?");
				break;
			}
			}
			fprintf(out, "  ");
			put_where(out, r->h.file, r->h.line);
			fputc('\n', out);
		}
	}
}

static void dump_values(FILE *out, const char *what, const struct rule_list *l,
			const struct name_table *t, enum rule_kind k)
{
	const struct val_rule *r = l->v;

	fprintf(out, "\n%s rules (%u; none matching: %s):\n", what, l->n, errname(kind_default_errno(k)));
	for (unsigned i = 0; i < l->n; i++) {
		fprintf(out, "  ");
		put_hdr(out, &r[i].h, k);
		if (r[i].any)
			fprintf(out, " any");
		for (unsigned j = 0; j < r[i].nvals; j++) {
			uint32_t v = r[i].vals[j];
			const char *n = names_name(t, v);

			if (k == KIND_SOCKOPT && !n) {
				const char *lv = names_name(&names_socklevel, v >> 16);

				if ((v & 0xffff) == 0xffff)
					fprintf(out, " %s:any", lv ? lv : "?");
				else
					fprintf(out, " %u:%u", v >> 16, v & 0xffff);
			} else if (n) {
				fprintf(out, " %s", n);
			} else {
				fprintf(out, " %#x", v);
			}
		}
		fprintf(out, "  ");
		put_where(out, r[i].h.file, r[i].h.line);
		fputc('\n', out);
	}
}

void policy_dump(const struct policy *pol, FILE *out)
{
	const struct signal_rule *sr = pol->sig.v;
	struct fs_dump fd = { out };

	fprintf(out, "policy %s: %u rules, %u warnings, %zu bytes compiled\n", pol->name,
		pol->nrules, pol->nwarn, pol->mem.total);
	fprintf(out, "default: %s", action_name((enum action)pol->dflt.action));
	if (pol->dflt.action == ACT_DENY)
		fprintf(out, " %s", errname(pol->dflt.err));
	fprintf(out, "  ");
	put_where(out, pol->dflt.file, pol->dflt.line);
	fputc('\n', out);
	if (pol->limit_procs)
		fprintf(out, "limit processes: %u (tasks, threads included; beyond: EAGAIN)  ",
			pol->limit_procs);
	else
		fprintf(out, "limit processes: unlimited  ");
	put_where(out, pol->limit_procs_file, pol->limit_procs_line);
	fputc('\n', out);
	for (unsigned abi = 0; abi < JANUS_ABI_COUNT; abi++)
		dump_abi(out, pol, arch_by_abi((enum janus_abi)abi));

	fprintf(out, "\nfs rules (%u) by literal prefix (none matching: EACCES):\n", pol->fs.n);
	fstrie_walk(pol->fs_root, 0, fs_node_dump, &fd);
	dump_sockets(out, pol);
	dump_addrs(out, "connect", pol->conn_by, pol->nconn_by);
	dump_addrs(out, "bind", pol->bind_by, pol->nbind_by);
	dump_values(out, "ioctl", &pol->ioctl, &names_ioctl, KIND_IOCTL);
	dump_values(out, "fcntl", &pol->fcntl, &names_fcntl, KIND_FCNTL);
	dump_values(out, "sockopt", &pol->sockopt, &names_sockopt, KIND_SOCKOPT);
	dump_values(out, "cmsg", &pol->cmsg, &names_cmsg, KIND_CMSG);
	fprintf(out, "\nsignal rules (%u; none matching: EPERM):\n", pol->sig.n);
	for (unsigned i = 0; i < pol->sig.n; i++) {
		fprintf(out, "  ");
		put_hdr(out, &sr[i].h, KIND_SIGNAL);
		fprintf(out, " %s  ", sr[i].any ? "any" : "jail");
		put_where(out, sr[i].h.file, sr[i].h.line);
		fputc('\n', out);
	}
}

unsigned policy_warnings(const struct policy *pol, FILE *out)
{
	for (unsigned i = 0; i < pol->nwarn; i++)
		fprintf(out, "%s:%u:%u: warning: %s\n", pol->warn[i].file, pol->warn[i].line,
			pol->warn[i].col, pol->warn[i].msg);
	return pol->nwarn;
}
