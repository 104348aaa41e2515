/* pin_exit.h - what the exit stop owes a call that ran on pinned
 * arguments (copy_plan.h), beyond giving the program its registers back. */
#ifndef JANUS_PIN_EXIT_H
#define JANUS_PIN_EXIT_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "arch.h"

/* rval asks the kernel to run the call again (ERESTARTSYS,
 * ERESTARTNOINTR, ERESTARTNOHAND): it will re-execute the syscall
 * instruction with the number it last ran (orig_rax) and the registers
 * janus restored.  A call janus ran as another (open as openat2, sendmmsg
 * as sendmsg) must then get its own number back. */
bool pin_restarts(int64_t rval);
/* At an exit stop: the number the kernel restarts the call with becomes
 * nr.  Where the number has a regset of its own (aarch64) the program's
 * register was never changed and nothing is done.  Returns 0 or -errno. */
int pin_restore_nr(pid_t tid, const struct janus_arch *a, uint64_t nr);

/* At the exit stop of a call whose result rval asks for a restart, after
 * janus ran calls of its own in the task from that stop.  The kernel
 * decides a restart on the way back to user space, and only if the task
 * then has a signal to look at; janus's calls went through that path
 * already, so when no signal is left pending (another thread took it,
 * or janus's own call consumed the wake-up) the kernel would give the
 * program the restart code itself.  Then janus does what the kernel does
 * without a handler: the call's number nr (arg0 its first argument, for
 * ABIs that return in the first argument's register) and the instruction
 * pointer back on the syscall instruction.  With a signal pending, the
 * kernel is left to decide (EINTR, or a restart after the handler).
 * Returns 0 or -errno. */
int pin_keep_restart(pid_t tid, const struct janus_arch *a, uint64_t nr, uint64_t arg0,
		     int64_t rval);

/* sendmmsg(fd, vec, ...) that janus ran as sendmsg of vec[0]: does what
 * the kernel's sendmmsg does after sending a message.  rval >= 0 (bytes
 * sent) is stored in vec[0].msg_len as the kernel's put_user would (a
 * msg_len the program cannot write fails the call with EFAULT) and the
 * call returns 1, one message sent; an error is returned as it is. */
int64_t pin_mmsg_result(pid_t tid, unsigned wordsize, uint64_t vec, int64_t rval);

#endif
