/* trace.h - where --trace output goes: text like strace -f, or JSON Lines. */
#ifndef JANUS_TRACE_H
#define JANUS_TRACE_H

#include <stdio.h>
#include <sys/types.h>

#include "cli.h"
#include "decode.h"
#include "strbuf.h"

struct trace_sink {
	enum trace_format format;
	FILE *out;
	struct strbuf line;
};

/* Opens path (NULL: standard error).  Returns 0 or -errno. */
int trace_open(struct trace_sink *t, enum trace_format format, const char *path);
void trace_call(struct trace_sink *t, const struct call_record *rec);
/* "+++ exited with 3 +++" / "+++ killed by SIGSEGV +++" (text only). */
void trace_exit(struct trace_sink *t, pid_t tid, int status);
void trace_close(struct trace_sink *t);

#endif
