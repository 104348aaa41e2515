/* aarch64/regs.c - the arm64 ABI: register layout and descriptor. */
#include "config.h"

#include <elf.h>
#include <linux/audit.h>
#include <stddef.h>

#include "arch_impl.h"
#include "aarch64/user_regs.h"
#include "gen/aarch64_table.h"

#define OFF(field) offsetof(struct aarch64_user_regs, field)

/* svc #0 takes the number in x8 and the arguments in x0-x5; the result
 * replaces x0 (the kernel keeps the first argument in orig_x0, which no
 * regset shows). */
static const struct regset_layout aarch64_layout = {
	.name = "aarch64",
	.size = sizeof(struct aarch64_user_regs),
	.width = 8,
	.off = {
		[JR_SCNO] = OFF(regs[8]),
		[JR_ARG0] = OFF(regs[0]),
		[JR_ARG1] = OFF(regs[1]),
		[JR_ARG2] = OFF(regs[2]),
		[JR_ARG3] = OFF(regs[3]),
		[JR_ARG4] = OFF(regs[4]),
		[JR_ARG5] = OFF(regs[5]),
		[JR_RETVAL] = OFF(regs[0]),
		[JR_IP] = OFF(pc),
		[JR_SP] = OFF(sp),
	},
};

static const struct regset_layout *const aarch64_layouts[] = {
	&aarch64_layout,
	NULL
};

/* Writing x8 at the entry stop does not change the call: the kernel
 * copied x8 to regs->syscallno before the stop and dispatches on that
 * (arch/arm64/kernel/syscall.c), which only the NT_ARM_SYSTEM_CALL
 * regset writes (arch/arm64/kernel/ptrace.c, since Linux 3.19). */
const struct janus_arch arch_aarch64 = {
	.name = "aarch64",
	.abi = JANUS_ABI_AARCH64,
	.audit_arch = AUDIT_ARCH_AARCH64,
	.wordsize = 8,
	.nr_count = AARCH64_NR_COUNT,
	.table = aarch64_table,
	.layouts = aarch64_layouts,
	.scno_regset = NT_ARM_SYSTEM_CALL,
	.syscall_insn_len = 4,
};
