/* i386/user_regs.h - the 32-bit NT_PRSTATUS regset, as a 64-bit tracer
 * receives it for a task in 32-bit mode: struct user_regs_struct of
 * arch/x86/include/asm/user_32.h, 17 32-bit words (68 bytes).  The
 * x86_64 headers only define the 64-bit struct, hence this one.
 */
#ifndef JANUS_I386_USER_REGS_H
#define JANUS_I386_USER_REGS_H

#include <stdint.h>

struct i386_user_regs {
	uint32_t ebx, ecx, edx, esi, edi, ebp, eax;
	uint32_t xds, xes, xfs, xgs;
	uint32_t orig_eax, eip, xcs, eflags, esp, xss;
};

_Static_assert(sizeof(struct i386_user_regs) == 68, "i386 regset is 68 bytes");

#endif
