/* sysedit.h - change a stopped system call: its number and arguments at
 * the entry stop, its result at the exit stop.
 *
 * PTRACE_SET_SYSCALL_INFO (Linux 6.16) does it portably; the register
 * tables of arch/ are the fallback (and are tested as such).  Skipping a
 * call is setting its number to -1: the kernel then runs nothing and
 * still reports the exit stop, where the result is written. */
#ifndef JANUS_SYSEDIT_H
#define JANUS_SYSEDIT_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "arch.h"

enum sysedit_mode {
	SYSEDIT_AUTO,		/* SET_SYSCALL_INFO if the kernel has it, else registers */
	SYSEDIT_REGS,		/* registers only (testing the fallback) */
};

/* At an entry stop: new number and arguments (args NULL: unchanged). */
int sysedit_entry(pid_t tid, const struct janus_arch *a, enum sysedit_mode mode,
		  uint64_t nr, const uint64_t args[6]);
/* At an exit stop: the result the program sees (-errno for an error). */
int sysedit_result(pid_t tid, const struct janus_arch *a, enum sysedit_mode mode, int64_t rval);

/* At an exit stop: put back the argument registers in mask (bit i:
 * args[i]) that a rewrite at entry changed, as the syscall ABI promises the
 * program.  A register that also carries the result (arm64 x0) is left. */
int sysedit_restore_args(pid_t tid, const struct janus_arch *a, const uint64_t args[6],
			 unsigned mask);

#endif
