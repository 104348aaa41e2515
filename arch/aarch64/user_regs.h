/* aarch64/user_regs.h - the arm64 NT_PRSTATUS regset with fixed-width
 * fields: struct user_pt_regs of arch/arm64/include/uapi/asm/ptrace.h
 * (x0-x30, sp, pc, pstate; 272 bytes), usable on an x86_64 host.
 */
#ifndef JANUS_AARCH64_USER_REGS_H
#define JANUS_AARCH64_USER_REGS_H

#include <stdint.h>

struct aarch64_user_regs {
	uint64_t regs[31];
	uint64_t sp;
	uint64_t pc;
	uint64_t pstate;
};

_Static_assert(sizeof(struct aarch64_user_regs) == 272, "arm64 regset is 272 bytes");

#endif
