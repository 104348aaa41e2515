/* x86_64/regs.c - the x86_64 ABI: register layout and descriptor. */
#include "config.h"

#include <linux/audit.h>
#include <stddef.h>

#include "arch_impl.h"
#include "gen/x86_64_table.h"
#include "x86_64/user_regs.h"

#define OFF(field) offsetof(struct x86_64_user_regs, field)

static const struct regset_layout x86_64_layout = {
	.name = "x86_64",
	.size = sizeof(struct x86_64_user_regs),
	.width = 8,
	.off = {
		/* At entry the kernel saves the number in orig_ax and sets ax
		 * to -ENOSYS (arch/x86/entry/entry_64.S); the number it then
		 * dispatches is re-read from orig_ax after the ptrace stop, so
		 * writing orig_rax there changes the call. */
		[JR_SCNO] = OFF(orig_rax),
		[JR_ARG0] = OFF(rdi),
		[JR_ARG1] = OFF(rsi),
		[JR_ARG2] = OFF(rdx),
		/* The syscall instruction puts the return address in rcx, so
		 * the fourth argument travels in r10. */
		[JR_ARG3] = OFF(r10),
		[JR_ARG4] = OFF(r8),
		[JR_ARG5] = OFF(r9),
		[JR_RETVAL] = OFF(rax),
		[JR_IP] = OFF(rip),
		[JR_SP] = OFF(rsp),
	},
};

static const struct regset_layout *const x86_64_layouts[] = {
	&x86_64_layout,
	NULL
};

const struct janus_arch arch_x86_64 = {
	.name = "x86_64",
	.abi = JANUS_ABI_X86_64,
	.audit_arch = AUDIT_ARCH_X86_64,
	.wordsize = 8,
	.nr_count = X86_64_NR_COUNT,
	.table = x86_64_table,
	.layouts = x86_64_layouts,
	.scno_regset = 0,
	.syscall_insn_len = 2,
};
