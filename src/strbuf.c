/* strbuf.c - growable text buffer (see strbuf.h).
 *
 * Running out of memory while formatting a trace line has no useful
 * recovery, so allocation failure aborts: a dead supervisor takes its
 * tracees with it (PTRACE_O_EXITKILL), which is the fail-closed outcome. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"

/* Makes room for n more bytes plus the terminating NUL. */
static void reserve(struct strbuf *sb, size_t n)
{
	if (n > SIZE_MAX / 2 - sb->len)
		abort();
	size_t need = sb->len + n + 1;
	if (need <= sb->cap)
		return;
	size_t cap = sb->cap ? sb->cap : 64;
	while (cap < need)
		cap *= 2;
	char *s = realloc(sb->s, cap);
	if (!s)
		abort();
	sb->s = s;
	sb->cap = cap;
}

void sb_reset(struct strbuf *sb)
{
	sb->len = 0;
	if (sb->s)
		sb->s[0] = '\0';
}

void sb_free(struct strbuf *sb)
{
	free(sb->s);
	sb->s = NULL;
	sb->len = sb->cap = 0;
}

void sb_putn(struct strbuf *sb, const char *s, size_t n)
{
	reserve(sb, n);
	if (n)
		memcpy(sb->s + sb->len, s, n);
	sb->len += n;
	sb->s[sb->len] = '\0';
}

void sb_putc(struct strbuf *sb, char c)
{
	sb_putn(sb, &c, 1);
}

void sb_puts(struct strbuf *sb, const char *s)
{
	sb_putn(sb, s, strlen(s));
}

void sb_vprintf(struct strbuf *sb, const char *fmt, va_list ap)
{
	va_list again;
	va_copy(again, ap);
	reserve(sb, 0);
	int n = vsnprintf(sb->s + sb->len, sb->cap - sb->len, fmt, ap);
	if (n < 0) {
		va_end(again);
		sb->s[sb->len] = '\0';
		return;
	}
	if ((size_t)n >= sb->cap - sb->len) {
		reserve(sb, (size_t)n);
		vsnprintf(sb->s + sb->len, sb->cap - sb->len, fmt, again);
	}
	va_end(again);
	sb->len += (size_t)n;
}

void sb_printf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	sb_vprintf(sb, fmt, ap);
	va_end(ap);
}

/* strace's quoting: C escapes for the usual controls, octal for the other
 * non-printable bytes, three digits only when an octal digit follows (so
 * "\0" then '1' reads back as "\0001", not "\01"). */
void sb_put_quoted(struct strbuf *sb, const char *data, size_t n, size_t cap, int truncated)
{
	size_t shown = n < cap ? n : cap;
	sb_putc(sb, '"');
	for (size_t i = 0; i < shown; i++) {
		unsigned char c = (unsigned char)data[i];
		switch (c) {
		case '"':  sb_puts(sb, "\\\""); continue;
		case '\\': sb_puts(sb, "\\\\"); continue;
		case '\f': sb_puts(sb, "\\f"); continue;
		case '\n': sb_puts(sb, "\\n"); continue;
		case '\r': sb_puts(sb, "\\r"); continue;
		case '\t': sb_puts(sb, "\\t"); continue;
		case '\v': sb_puts(sb, "\\v"); continue;
		}
		if (c >= 0x20 && c < 0x7f) {
			sb_putc(sb, (char)c);
			continue;
		}
		int next_is_octal = i + 1 < shown && data[i + 1] >= '0' && data[i + 1] <= '7';
		sb_printf(sb, next_is_octal ? "\\%03o" : "\\%o", c);
	}
	sb_putc(sb, '"');
	if (n > cap || truncated)
		sb_puts(sb, "...");
}

/* Length of the well-formed UTF-8 sequence at s (at most n bytes), or 0.
 * Overlong forms, surrogates and values above U+10FFFF are rejected. */
static size_t utf8_seq_len(const unsigned char *s, size_t n)
{
	unsigned char c = s[0];
	size_t len;
	unsigned char lo = 0x80, hi = 0xbf;	/* bounds of the second byte */
	if (c >= 0xc2 && c <= 0xdf)
		len = 2;
	else if (c >= 0xe0 && c <= 0xef) {
		len = 3;
		if (c == 0xe0)
			lo = 0xa0;
		else if (c == 0xed)
			hi = 0x9f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		len = 4;
		if (c == 0xf0)
			lo = 0x90;
		else if (c == 0xf4)
			hi = 0x8f;
	} else
		return 0;
	if (len > n || s[1] < lo || s[1] > hi)
		return 0;
	for (size_t i = 2; i < len; i++)
		if ((s[i] & 0xc0) != 0x80)
			return 0;
	return len;
}

void sb_put_json_string(struct strbuf *sb, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	sb_putc(sb, '"');
	for (size_t i = 0; i < n; i++) {
		unsigned char c = u[i];
		switch (c) {
		case '"':  sb_puts(sb, "\\\""); continue;
		case '\\': sb_puts(sb, "\\\\"); continue;
		case '\b': sb_puts(sb, "\\b"); continue;
		case '\f': sb_puts(sb, "\\f"); continue;
		case '\n': sb_puts(sb, "\\n"); continue;
		case '\r': sb_puts(sb, "\\r"); continue;
		case '\t': sb_puts(sb, "\\t"); continue;
		}
		if (c < 0x20 || c == 0x7f) {
			sb_printf(sb, "\\u%04x", c);
		} else if (c < 0x80) {
			sb_putc(sb, (char)c);
		} else {
			size_t len = utf8_seq_len(u + i, n - i);
			if (!len) {
				/* Not UTF-8: keep the byte's value visible. */
				sb_printf(sb, "\\u%04x", c);
				continue;
			}
			sb_putn(sb, s + i, len);
			i += len - 1;
		}
	}
	sb_putc(sb, '"');
}
