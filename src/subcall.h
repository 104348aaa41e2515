/* subcall.h - i386 socketcall(2) and ipc(2): one number, many calls.
 * The sub-call is turned into the direct call it stands for (id and
 * arguments in the direct call's order), so the policy judges it exactly
 * like the direct syscall. */
#ifndef JANUS_SUBCALL_H
#define JANUS_SUBCALL_H

#include <sys/types.h>

#include "copy_plan.h"
#include "policy.h"

/* If ev is socketcall or ipc, sets ev->id and ev->args to the sub-call
 * (socketcall's arguments are read from the tracee).  Returns 0, or
 * -errno as the kernel would fail the call (EINVAL unknown sub-call,
 * EFAULT unreadable arguments).  Other calls are left alone. */
int subcall_decode(pid_t tid, struct sc_event *ev);

/* Pins a decoded socketcall sub-call: socketcall reads its arguments
 * from an array in the program's memory, which another thread could
 * change after the check, so the kernel is handed a copy of the array as
 * janus decoded it (args: the sub-call's arguments, ev->args; call: the
 * sub-call number, socketcall's first argument; wordsize: the array's
 * word).  Items and set values of plan that stand for the direct call's
 * argument registers (a sockaddr, a msghdr, a length) become links from,
 * and words of, the array; a plan that makes the call another one
 * (sendmmsg run as sendmsg) changes the sub-call number instead of the
 * syscall number.  Returns 0 or -errno. */
int subcall_pin(struct copy_plan *plan, uint64_t call, const uint64_t args[6], unsigned wordsize);

#endif
