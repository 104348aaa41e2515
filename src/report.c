/* report.c - verdict reports (see report.h). */
#include "config.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "mem.h"
#include "report.h"

/* An internet address the check was about, as "1.2.3.4:80" or
 * "[::1]:80" (a unix socket's is its path, ev->path[0]). */
static void put_inet(struct strbuf *sb, const struct sockaddr *sa, socklen_t len)
{
	char text[INET6_ADDRSTRLEN];
	if (sa->sa_family == AF_INET && len >= sizeof(struct sockaddr_in)) {
		const struct sockaddr_in *in = (const struct sockaddr_in *)sa;
		if (inet_ntop(AF_INET, &in->sin_addr, text, sizeof text))
			sb_printf(sb, " %s:%u", text, ntohs(in->sin_port));
	} else if (sa->sa_family == AF_INET6 && len >= sizeof(struct sockaddr_in6)) {
		const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)sa;
		if (inet_ntop(AF_INET6, &in6->sin6_addr, text, sizeof text))
			sb_printf(sb, " [%s]:%u", text, ntohs(in6->sin6_port));
	}
}

/* The task's command name, as ps shows it. */
static void put_comm(struct strbuf *sb, pid_t tid)
{
	char path[64], comm[32];
	snprintf(path, sizeof path, "/proc/%d/comm", (int)tid);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t n = fd >= 0 ? read(fd, comm, sizeof comm - 1) : -1;
	if (fd >= 0)
		close(fd);
	if (n <= 0)
		return;
	if (comm[n - 1] == '\n')
		n--;
	sb_puts(sb, " (");
	sb_putn(sb, comm, (size_t)n);
	sb_putc(sb, ')');
}

void report_verdict(FILE *out, struct call_record *rec, struct strbuf *sb,
		    pid_t tid, const struct stop_info *si, const struct sc_event *ev,
		    const struct verdict *v)
{
	struct call_view cv = {
		.pid = tid, .arch = si->arch, .sc = arch_syscall(si->arch, si->nr),
		.nr = si->nr, .read = mem_read_cb, .read_ctx = (void *)(intptr_t)tid,
	};
	memcpy(cv.args, si->args, sizeof cv.args);
	decode_entry(rec, &cv);

	sb_reset(sb);
	const char *what = v->action == VERDICT_KILL ? "killed"
			 : v->action == VERDICT_DENY ? "denied" : "logged";
	sb_printf(sb, "janus: %s pid %d", what, (int)tid);
	put_comm(sb, tid);
	if (si->arch != arch_native())
		sb_printf(sb, " [%s]", si->arch->name);
	sb_putc(sb, ' ');
	if (ev->id != SC_COUNT && ev->id != (cv.sc ? cv.sc->id : SC_COUNT))
		sb_printf(sb, "%s: ", sc_id_name(ev->id));	/* socketcall/ipc sub-call */
	decode_call_text(sb, rec);
	if (v->action == VERDICT_DENY) {
		const char *name = xlat_errno(v->err);
		if (name)
			sb_printf(sb, " -> %s", name);
		else
			sb_printf(sb, " -> errno %d", v->err);
	} else if (v->action == VERDICT_KILL) {
		sb_puts(sb, " -> SIGKILL");
	}
	sb_printf(sb, " (%s", v->check ? v->check : "syscall");
	if (ev->path[0])
		sb_printf(sb, " %s", ev->path[0]);
	else if (ev->addr)
		put_inet(sb, ev->addr, ev->addrlen);
	if (ev->path[1])
		sb_printf(sb, " %s", ev->path[1]);
	if (v->line)
		sb_printf(sb, "; %s:%u)\n", v->file, v->line);
	else
		sb_printf(sb, "; %s)\n", v->file ? v->file : "<default>");
	fwrite(sb->s, 1, sb->len, out);
	fflush(out);
}
