/* report.h - one line on standard error per denied (or logged) call:
 *   janus: denied pid 4242 (curl) openat(AT_FDCWD, "/etc/shadow", O_RDONLY)
 *          -> EACCES (fs /etc/shadow; default.policy:30)
 * (on one line). */
#ifndef JANUS_REPORT_H
#define JANUS_REPORT_H

#include <stdio.h>

#include "decode.h"
#include "policy.h"
#include "sysinfo.h"

void report_verdict(FILE *out, struct call_record *scratch, struct strbuf *line,
		    pid_t tid, const struct stop_info *si, const struct sc_event *ev,
		    const struct verdict *v);

#endif
