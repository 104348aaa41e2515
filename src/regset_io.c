/* regset_io.c - fetch and store the NT_PRSTATUS regset (see regset_io.h). */
#include "config.h"

#include <elf.h>
#include <errno.h>
#include <sys/ptrace.h>
#include <sys/uio.h>

#include "regset_io.h"

/* The ABI whose native layout (first in its list) has this size. */
static const struct janus_arch *arch_by_regset_size(size_t len)
{
	for (int abi = 0; abi < JANUS_ABI_COUNT; abi++) {
		const struct janus_arch *a = arch_by_abi((enum janus_abi)abi);
		if (a && a->layouts && a->layouts[0] && a->layouts[0]->size == len)
			return a;
	}
	return NULL;
}

int regset_fetch(pid_t tid, const struct janus_arch *a, struct regset *r)
{
	struct iovec iov = { r->buf, sizeof r->buf };
	if (ptrace(PTRACE_GETREGSET, tid, (void *)NT_PRSTATUS, &iov) < 0)
		return -errno;
	r->len = iov.iov_len;
	r->arch = a;
	r->layout = NULL;
	if (a) {
		r->layout = arch_layout_for(a, r->len);
	} else {
		r->arch = arch_by_regset_size(r->len);
		if (r->arch)
			r->layout = r->arch->layouts[0];
	}
	return r->layout ? 0 : -ENOEXEC;
}

int regset_store(pid_t tid, struct regset *r)
{
	struct iovec iov = { r->buf, r->len };
	return ptrace(PTRACE_SETREGSET, tid, (void *)NT_PRSTATUS, &iov) < 0 ? -errno : 0;
}
