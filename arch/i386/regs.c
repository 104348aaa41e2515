/* i386/regs.c - the i386 ABI: two register layouts and the descriptor.
 *
 * An i386 stop comes in two shapes.  A task in 32-bit mode (a -m32
 * program) is shown to a 64-bit tracer through the 32-bit regset view;
 * a 64-bit program that executes `int $0x80` is still in 64-bit mode, so
 * it is shown through the x86_64 regset although it runs an i386 call
 * (arch/x86/kernel/ptrace.c, task_user_regset_view() tests
 * user_64bit_mode()).  The regset size tells them apart.
 */
#include "config.h"

#include <linux/audit.h>
#include <stddef.h>

#include "arch_impl.h"
#include "gen/i386_table.h"
#include "i386/user_regs.h"
#include "x86_64/user_regs.h"

#define OFF32(field) offsetof(struct i386_user_regs, field)
#define OFF64(field) offsetof(struct x86_64_user_regs, field)

/* The 68-byte compat regset of a 32-bit task.  As on x86_64 the number
 * is kept in orig_eax and eax holds -ENOSYS at entry. */
static const struct regset_layout i386_layout = {
	.name = "i386",
	.size = sizeof(struct i386_user_regs),
	.width = 4,
	.off = {
		[JR_SCNO] = OFF32(orig_eax),
		[JR_ARG0] = OFF32(ebx),
		[JR_ARG1] = OFF32(ecx),
		[JR_ARG2] = OFF32(edx),
		[JR_ARG3] = OFF32(esi),
		[JR_ARG4] = OFF32(edi),
		[JR_ARG5] = OFF32(ebp),
		[JR_RETVAL] = OFF32(eax),
		[JR_IP] = OFF32(eip),
		[JR_SP] = OFF32(esp),
	},
};

/* `int $0x80` from a 64-bit task: the i386 registers inside the 64-bit
 * regset.  The kernel uses only the low 32 bits of the number and of the
 * arguments (do_int80_syscall_32 truncates orig_ax to int; the
 * __ia32_sys_* wrappers cast each register to u32), so those slots are
 * low32: janus must judge the value the kernel will use, not the upper
 * bits a hostile program put there.  rip and rsp stay 64-bit. */
static const struct regset_layout i386_int80_layout = {
	.name = "i386 in x86_64 regs",
	.size = sizeof(struct x86_64_user_regs),
	.width = 8,
	.off = {
		[JR_SCNO] = OFF64(orig_rax),
		[JR_ARG0] = OFF64(rbx),
		[JR_ARG1] = OFF64(rcx),
		[JR_ARG2] = OFF64(rdx),
		[JR_ARG3] = OFF64(rsi),
		[JR_ARG4] = OFF64(rdi),
		[JR_ARG5] = OFF64(rbp),
		[JR_RETVAL] = OFF64(rax),
		[JR_IP] = OFF64(rip),
		[JR_SP] = OFF64(rsp),
	},
	.low32 = 1u << JR_SCNO | 1u << JR_ARG0 | 1u << JR_ARG1 | 1u << JR_ARG2 |
		 1u << JR_ARG3 | 1u << JR_ARG4 | 1u << JR_ARG5 | 1u << JR_RETVAL,
};

static const struct regset_layout *const i386_layouts[] = {
	&i386_layout,
	&i386_int80_layout,
	NULL
};

const struct janus_arch arch_i386 = {
	.name = "i386",
	.abi = JANUS_ABI_I386,
	.audit_arch = AUDIT_ARCH_I386,
	.wordsize = 4,
	.nr_count = I386_NR_COUNT,
	.table = i386_table,
	.layouts = i386_layouts,
	.scno_regset = 0,
	.syscall_insn_len = 2,
};
