/* diag.c - GCC/minijail style diagnostics: location, message, source
 * line, caret under the offending token. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "diag.h"

/* Append to a fixed buffer, truncating. */
static void put(char *buf, size_t size, size_t *len, const char *s, size_t n)
{
	if (*len + 1 >= size)
		return;
	if (n > size - 1 - *len)
		n = size - 1 - *len;
	memcpy(buf + *len, s, n);
	*len += n;
	buf[*len] = '\0';
}

static void copy_name(struct policy_diag *d, const char *name)
{
	snprintf(d->file, sizeof d->file, "%s", name ? name : "<policy>");
}

/* The source line `line` (1-based): start and length without newline. */
static const char *line_of(const struct source *src, unsigned line, size_t *n)
{
	const char *p = src->text, *end = src->text + src->len;

	for (unsigned l = 1; l < line && p < end; l++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));

		if (!nl)
			return NULL;
		p = nl + 1;
	}
	const char *nl = memchr(p, '\n', (size_t)(end - p));

	*n = (size_t)((nl ? nl : end) - p);
	return p;
}

int diag_error(struct policy_diag *d, const struct loc *at, const char *fmt, ...)
{
	va_list ap;
	size_t len = 0;
	char head[384];

	if (!d)
		return -EINVAL;
	memset(d, 0, sizeof(*d));
	copy_name(d, at->src->name);
	d->line = at->line;
	d->col = at->col;
	va_start(ap, fmt);
	vsnprintf(d->msg, sizeof d->msg, fmt, ap);
	va_end(ap);

	int w = snprintf(head, sizeof head, "%s:%u:%u: ", d->file, d->line, d->col);

	put(d->text, sizeof d->text, &len, head, w > 0 ? (size_t)w : 0);
	put(d->text, sizeof d->text, &len, d->msg, strlen(d->msg));
	put(d->text, sizeof d->text, &len, "\n", 1);

	size_t n;
	const char *src = line_of(at->src, at->line, &n);

	if (!src || n > 300)
		return -EINVAL;
	/* Source line, then the caret under column col (tabs kept, so the
	 * caret lines up however the terminal expands them). */
	put(d->text, sizeof d->text, &len, "    ", 4);
	for (size_t i = 0; i < n; i++) {
		char c = src[i] == '\t' ? '\t' : ((unsigned char)src[i] < 0x20 ? ' ' : src[i]);

		put(d->text, sizeof d->text, &len, &c, 1);
	}
	put(d->text, sizeof d->text, &len, "\n    ", 5);
	for (size_t i = 0; i + 1 < at->col && i < n; i++)
		put(d->text, sizeof d->text, &len, src[i] == '\t' ? "\t" : " ", 1);
	put(d->text, sizeof d->text, &len, "^", 1);
	for (unsigned i = 1; i < at->len && i < 200; i++)
		put(d->text, sizeof d->text, &len, "~", 1);
	put(d->text, sizeof d->text, &len, "\n", 1);
	return -EINVAL;
}

int diag_file_error(struct policy_diag *d, const char *file, int err, const char *fmt, ...)
{
	va_list ap;

	if (!d)
		return err < 0 ? err : -EINVAL;
	memset(d, 0, sizeof(*d));
	copy_name(d, file);
	va_start(ap, fmt);
	vsnprintf(d->msg, sizeof d->msg, fmt, ap);
	va_end(ap);
	snprintf(d->text, sizeof d->text, "%s:0:0: %s\n", d->file, d->msg);
	return err < 0 ? err : -EINVAL;
}
