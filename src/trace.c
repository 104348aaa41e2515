/* trace.c - the trace sink (see trace.h). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "trace.h"

int trace_open(struct trace_sink *t, enum trace_format format, const char *path)
{
	t->format = format;
	t->line = (struct strbuf){ 0 };
	if (format == TRACE_NONE) {
		t->out = NULL;
		return 0;
	}
	if (!path) {
		t->out = stderr;
		return 0;
	}
	/* O_CLOEXEC: the traced command must not inherit the trace file. */
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
	if (fd < 0)
		return -errno;
	t->out = fdopen(fd, "w");
	if (!t->out) {
		int err = errno;
		close(fd);
		return -err;
	}
	return 0;
}

static void emit(struct trace_sink *t)
{
	sb_putc(&t->line, '\n');
	/* One write per line: lines of concurrent tracees never interleave,
	 * and on standard error they interleave cleanly with the command's. */
	fwrite(t->line.s, 1, t->line.len, t->out);
	if (t->out == stderr)
		fflush(t->out);
}

void trace_call(struct trace_sink *t, const struct call_record *rec)
{
	if (!t->out)
		return;
	sb_reset(&t->line);
	if (t->format == TRACE_JSON) {
		decode_json(&t->line, rec);
	} else {
		sb_printf(&t->line, "[pid %5d] ", (int)rec->pid);
		if (rec->arch && rec->arch != arch_native())
			sb_printf(&t->line, "[%s] ", rec->arch->name);
		decode_text(&t->line, rec);
	}
	emit(t);
}

void trace_exit(struct trace_sink *t, pid_t tid, int status)
{
	if (!t->out || t->format != TRACE_TEXT)
		return;
	sb_reset(&t->line);
	if (WIFEXITED(status))
		sb_printf(&t->line, "[pid %5d] +++ exited with %d +++", (int)tid, WEXITSTATUS(status));
	else {
		const char *name = xlat_signal(WTERMSIG(status));
		sb_printf(&t->line, "[pid %5d] +++ killed by ", (int)tid);
		if (name)
			sb_puts(&t->line, name);
		else
			sb_printf(&t->line, "signal %d", WTERMSIG(status));
		sb_puts(&t->line, WCOREDUMP(status) ? " (core dumped) +++" : " +++");
	}
	emit(t);
}

void trace_close(struct trace_sink *t)
{
	if (t->out && t->out != stderr)
		fclose(t->out);
	else if (t->out)
		fflush(t->out);
	t->out = NULL;
	sb_free(&t->line);
}
