/* log.c - diagnostics (see log.h). */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"

bool log_debug_enabled;
static const char *prog = "janus";
static void (*fatal_hook)(void);

void log_init(const char *progname, bool debug)
{
	if (progname)
		prog = progname;
	log_debug_enabled = debug;
}

void log_set_fatal_hook(void (*hook)(void))
{
	fatal_hook = hook;
}

static void vmsg(int err, const char *fmt, va_list ap)
{
	/* One fprintf per message so concurrent writers do not interleave. */
	char buf[1024];
	int n = vsnprintf(buf, sizeof buf, fmt, ap);
	if (n < 0)
		buf[0] = '\0';
	if (err)
		fprintf(stderr, "%s: %s: %s\n", prog, buf, strerror(err));
	else
		fprintf(stderr, "%s: %s\n", prog, buf);
}

void warn_msg(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmsg(0, fmt, ap);
	va_end(ap);
}

void warn_perror(const char *fmt, ...)
{
	int err = errno;
	va_list ap;
	va_start(ap, fmt);
	vmsg(err, fmt, ap);
	va_end(ap);
}

static void __attribute__((noreturn)) fatal(void)
{
	if (fatal_hook)
		fatal_hook();
	exit(JANUS_EXIT_INTERNAL);
}

void die_msg(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmsg(0, fmt, ap);
	va_end(ap);
	fatal();
}

void die_perror(const char *fmt, ...)
{
	int err = errno;
	va_list ap;
	va_start(ap, fmt);
	vmsg(err, fmt, ap);
	va_end(ap);
	fatal();
}

void debug_printf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "%s: debug: ", prog);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}
