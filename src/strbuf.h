/* strbuf.h - a growable text buffer, reused across calls so the hot path
 * does not allocate once it has grown to its working size. */
#ifndef JANUS_STRBUF_H
#define JANUS_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

struct strbuf {
	char *s;	/* always NUL-terminated once anything was added */
	size_t len;
	size_t cap;
};

void sb_reset(struct strbuf *sb);			/* len = 0, keeps memory */
void sb_free(struct strbuf *sb);
void sb_putc(struct strbuf *sb, char c);
void sb_puts(struct strbuf *sb, const char *s);
void sb_putn(struct strbuf *sb, const char *s, size_t n);
void sb_printf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_vprintf(struct strbuf *sb, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/* C-style quoted string as strace prints it ("a\nb\0"), at most cap bytes
 * of data, then "..." when truncated. */
void sb_put_quoted(struct strbuf *sb, const char *data, size_t n, size_t cap, int truncated);
/* JSON string literal, with escapes for control bytes and invalid UTF-8 as \u00XX. */
void sb_put_json_string(struct strbuf *sb, const char *s, size_t n);

#endif
