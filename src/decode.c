/* decode.c - the call record: entry, exit, unfinished, and its text and
 * JSON forms (see decode.h). */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "decode_priv.h"
#include "xlat.h"

/* The result register of a 32-bit ABI holds an int, whether the caller
 * passed it zero- or sign-extended. */
static int64_t sign_extend(const struct janus_arch *arch, int64_t v)
{
	return decode_wordsize(arch) == 4 ? (int64_t)(int32_t)(uint32_t)v : v;
}

static void ctx_init(struct arg_ctx *ax, const struct call_record *rec,
		     const struct call_view *cv, bool exiting)
{
	ax->arch = rec->arch;
	ax->sc = rec->sc;
	ax->args = rec->args;
	ax->scratch = rec->argtext;
	ax->read = cv->read;
	ax->read_ctx = cv->read_ctx;
	ax->exiting = exiting;
	ax->retval = exiting ? rec->retval : 0;
}

void decode_entry(struct call_record *rec, const struct call_view *cv)
{
	struct arg_ctx ax;
	rec->pid = cv->pid;
	rec->arch = cv->arch;
	rec->sc = cv->sc && cv->sc->name ? cv->sc : NULL;
	rec->nr = cv->nr;
	memcpy(rec->args, cv->args, sizeof rec->args);
	rec->finished = false;
	rec->retval = 0;
	sb_reset(&rec->rettext);
	ctx_init(&ax, rec, cv, false);
	unsigned n = decode_nargs(rec->sc);
	for (unsigned i = 0; i < 6; i++) {
		sb_reset(&rec->argtext[i]);
		rec->arg_done[i] = i < n ? decode_arg(&rec->argtext[i], &ax, i) : true;
	}
}

static void put_error(struct strbuf *sb, int err)
{
	char buf[64];
	const char *name = xlat_errno(err);
	const char *desc = xlat_errno_desc(err, buf, sizeof buf);
	/* strace: a restart code is not a result the program sees. */
	sb_puts(sb, xlat_errno_is_restart(err) ? "? " : "-1 ");
	if (name)
		sb_puts(sb, name);
	else
		sb_printf(sb, "ERRNO_%d", err);
	sb_printf(sb, " (%s)", desc);
}

static enum retkind retkind_of(const struct call_record *rec)
{
	return rec->sc && rec->sc->ret < RK_COUNT ? (enum retkind)rec->sc->ret : RK_INT;
}

/* The result as a number: an address of a 32-bit ABI is unsigned. */
static int64_t result_value(const struct call_record *rec)
{
	if (!decode_is_error(rec->retval) && retkind_of(rec) == RK_HEX
	    && decode_wordsize(rec->arch) == 4)
		return (int64_t)((uint64_t)rec->retval & 0xffffffffu);
	return rec->retval;
}

static void put_result(struct call_record *rec)
{
	int64_t v = rec->retval;
	enum retkind rk = retkind_of(rec);
	struct strbuf *sb = &rec->rettext;
	sb_reset(sb);
	if (decode_is_error(v))
		put_error(sb, (int)-v);
	else if (rk == RK_NORETURN)
		sb_putc(sb, '?');
	else if (rk == RK_HEX)
		sb_printf(sb, "%#" PRIx64, (uint64_t)result_value(rec));
	else
		sb_printf(sb, "%" PRId64, v);
}

void decode_exit(struct call_record *rec, const struct call_view *cv)
{
	struct arg_ctx ax;
	/* No entry seen for this call (attached mid-call, or a second exit):
	 * render its inputs now from the exit registers. */
	if (rec->finished || rec->arch != cv->arch || rec->nr != cv->nr || rec->pid != cv->pid)
		decode_entry(rec, cv);
	rec->finished = true;
	rec->retval = sign_extend(rec->arch, cv->retval);
	ctx_init(&ax, rec, cv, true);
	for (unsigned i = 0; i < decode_nargs(rec->sc); i++)
		if (!rec->arg_done[i])
			rec->arg_done[i] = decode_arg(&rec->argtext[i], &ax, i);
	put_result(rec);
}

void decode_unfinished(struct call_record *rec)
{
	rec->finished = false;
	sb_reset(&rec->rettext);
	sb_putc(&rec->rettext, '?');
}

/* An argument's final text: output arguments that never got their exit
 * show their address; empty text means "omitted". */
static void arg_text(const struct call_record *rec, unsigned i, const char **s, size_t *len,
		     char *tmp, size_t tmplen)
{
	if (rec->arg_done[i]) {
		*s = rec->argtext[i].s ? rec->argtext[i].s : "";
		*len = rec->argtext[i].len;
		return;
	}
	uint64_t v = rec->args[i];
	if (decode_wordsize(rec->arch) == 4)
		v &= 0xffffffffu;
	if (v)
		snprintf(tmp, tmplen, "%#" PRIx64, v);
	else
		snprintf(tmp, tmplen, "NULL");
	*s = tmp;
	*len = strlen(tmp);
}

void decode_call_text(struct strbuf *out, const struct call_record *rec)
{
	char tmp[32];
	const char *sep = "";
	if (rec->sc)
		sb_puts(out, rec->sc->name);
	else
		sb_printf(out, "syscall_%#" PRIx64, rec->nr);
	sb_putc(out, '(');
	for (unsigned i = 0; i < decode_nargs(rec->sc); i++) {
		const char *s;
		size_t len;
		arg_text(rec, i, &s, &len, tmp, sizeof tmp);
		if (!len)
			continue;
		sb_puts(out, sep);
		sb_putn(out, s, len);
		sep = ", ";
	}
	sb_putc(out, ')');
}

void decode_text(struct strbuf *out, const struct call_record *rec)
{
	decode_call_text(out, rec);
	sb_puts(out, " = ");
	if (rec->rettext.len)
		sb_putn(out, rec->rettext.s, rec->rettext.len);
	else
		sb_putc(out, '?');
}

void decode_json(struct strbuf *out, const struct call_record *rec)
{
	char tmp[32];
	const char *sep = "";
	sb_printf(out, "{\"pid\":%d,\"abi\":", (int)rec->pid);
	if (rec->arch && rec->arch->name)
		sb_put_json_string(out, rec->arch->name, strlen(rec->arch->name));
	else
		sb_puts(out, "null");
	sb_printf(out, ",\"nr\":%" PRIu64 ",\"syscall\":", rec->nr);
	if (rec->sc)
		sb_put_json_string(out, rec->sc->name, strlen(rec->sc->name));
	else
		sb_puts(out, "null");
	sb_puts(out, ",\"args\":[");
	for (unsigned i = 0; i < decode_nargs(rec->sc); i++) {
		const char *s;
		size_t len;
		arg_text(rec, i, &s, &len, tmp, sizeof tmp);
		if (!len)
			continue;
		sb_puts(out, sep);
		sb_put_json_string(out, s, len);
		sep = ",";
	}
	sb_puts(out, "],\"raw\":[");
	for (unsigned i = 0; i < 6; i++)
		sb_printf(out, "%s%" PRIu64, i ? "," : "", rec->args[i]);
	sb_puts(out, "],\"retval\":");
	if (rec->finished)
		sb_printf(out, "%" PRId64, result_value(rec));
	else
		sb_puts(out, "null");
	sb_puts(out, ",\"errno\":");
	if (rec->finished && decode_is_error(rec->retval)) {
		int err = (int)-rec->retval;
		const char *name = xlat_errno(err);
		char buf[32];
		if (!name) {
			snprintf(buf, sizeof buf, "ERRNO_%d", err);
			name = buf;
		}
		sb_put_json_string(out, name, strlen(name));
	} else {
		sb_puts(out, "null");
	}
	sb_putc(out, '}');
}

void call_record_free(struct call_record *rec)
{
	for (unsigned i = 0; i < 6; i++)
		sb_free(&rec->argtext[i]);
	sb_free(&rec->rettext);
}
