/* x86_64/user_regs.h - the x86_64 NT_PRSTATUS regset with fixed-width
 * fields, so that it can be decoded on any host.  Same order and size as
 * struct user_regs_struct of arch/x86/include/asm/user_64.h (216 bytes);
 * test/unit/check_arch.c compares it with the host's <sys/user.h>.
 */
#ifndef JANUS_X86_64_USER_REGS_H
#define JANUS_X86_64_USER_REGS_H

#include <stdint.h>

struct x86_64_user_regs {
	uint64_t r15, r14, r13, r12, rbp, rbx, r11, r10, r9, r8;
	uint64_t rax, rcx, rdx, rsi, rdi, orig_rax;
	uint64_t rip, cs, eflags, rsp, ss;
	uint64_t fs_base, gs_base, ds, es, fs, gs;
};

_Static_assert(sizeof(struct x86_64_user_regs) == 216, "x86_64 regset is 216 bytes");

#endif
