/* decode.h - render one system call as text or JSON, strace-style.
 *
 * ptrace-free: tracee memory is read through a callback, so the decoder is
 * unit-tested with fake memory.  A call is rendered in two steps because
 * some arguments are inputs (known at entry: paths, flags) and others are
 * outputs (known at exit: read buffers, accept's sockaddr):
 *   decode_entry()  at the entry stop, renders the input arguments;
 *   decode_exit()   at the exit stop, renders output arguments and result;
 *   decode_text() / decode_json()  write the finished record.
 * A struct call_record is kept per tracee and reused.
 */
#ifndef JANUS_DECODE_H
#define JANUS_DECODE_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "arch.h"
#include "strbuf.h"

/* Reads len bytes at addr in the tracee; returns bytes read (short reads
 * allowed, e.g. at an unmapped page) or -errno.  Never reads past len. */
typedef long (*mem_read_fn)(void *ctx, uint64_t addr, void *buf, size_t len);

struct call_view {
	pid_t pid;
	const struct janus_arch *arch;
	const struct sc_desc *sc;	/* NULL: number unknown to the table */
	uint64_t nr;
	uint64_t args[6];
	int64_t retval;			/* valid in decode_exit */
	mem_read_fn read;
	void *read_ctx;
};

struct call_record {
	pid_t pid;
	const struct janus_arch *arch;
	const struct sc_desc *sc;
	uint64_t nr;
	uint64_t args[6];
	struct strbuf argtext[6];	/* rendered arguments */
	bool arg_done[6];		/* rendered at entry (inputs) */
	bool finished;			/* exit seen: retval valid */
	int64_t retval;
	struct strbuf rettext;		/* "3", "-1 ENOENT (No such file or directory)", "?" */
};

void decode_entry(struct call_record *rec, const struct call_view *cv);
void decode_exit(struct call_record *rec, const struct call_view *cv);
/* A call that will not return (exit_group, successful execve observed
 * through the exec event, tracee killed): result shown as "?" or the
 * given value. */
void decode_unfinished(struct call_record *rec);

/* "openat(AT_FDCWD, \"/etc/passwd\", O_RDONLY|O_CLOEXEC) = 3" without pid
 * prefix or newline; the caller adds "[pid N] " and "\n". */
void decode_text(struct strbuf *out, const struct call_record *rec);
/* "openat(AT_FDCWD, \"/etc/passwd\", O_RDONLY)": the call without its
 * result (denial reports). */
void decode_call_text(struct strbuf *out, const struct call_record *rec);
/* One JSON object, no newline:
 * {"pid":N,"abi":"x86_64","nr":257,"syscall":"openat",
 *  "args":["AT_FDCWD","\"/etc/passwd\"","O_RDONLY"],"raw":[..six numbers..],
 *  "retval":3,"errno":null}  (errno: "ENOENT" when the result is an error;
 *  "syscall" is null and "nr" tells for an unknown number; "retval" is
 *  null for a call that did not return). */
void decode_json(struct strbuf *out, const struct call_record *rec);
void call_record_free(struct call_record *rec);

/* Names of constants, shared with diagnostics: NULL when unknown. */
const char *xlat_errno(int err);	/* "ENOENT" */
const char *xlat_signal(int sig);	/* "SIGTERM" */

#endif
