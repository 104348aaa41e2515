/* subcall.h - i386 socketcall(2) and ipc(2): one number, many calls.
 * The sub-call is turned into the direct call it stands for (id and
 * arguments in the direct call's order), so the policy judges it exactly
 * like the direct syscall. */
#ifndef JANUS_SUBCALL_H
#define JANUS_SUBCALL_H

#include <sys/types.h>

#include "policy.h"

/* If ev is socketcall or ipc, sets ev->id and ev->args to the sub-call
 * (socketcall's arguments are read from the tracee).  Returns 0, or
 * -errno as the kernel would fail the call (EINVAL unknown sub-call,
 * EFAULT unreadable arguments).  Other calls are left alone. */
int subcall_decode(pid_t tid, struct sc_event *ev);

#endif
