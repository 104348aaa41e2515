/* sysinfo.h - what a syscall stop is: ABI, number, arguments, result.
 *
 * PTRACE_GET_SYSCALL_INFO (Linux 5.3) first; its arch field is the ABI of
 * the stop, so `int $0x80` from a 64-bit program is seen as i386.  The
 * fallback reads the NT_PRSTATUS regset and picks the register layout by
 * the regset's size (a 32-bit process has the 68-byte compat regset) and,
 * on x86_64, by the instruction that entered the kernel. */
#ifndef JANUS_SYSINFO_H
#define JANUS_SYSINFO_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "arch.h"

enum stop_op {
	STOP_NONE,	/* not a syscall stop */
	STOP_ENTRY,
	STOP_EXIT,
};

struct stop_info {
	enum stop_op op;
	const struct janus_arch *arch;	/* NULL: ABI janus has no table for */
	uint32_t audit_arch;
	uint64_t nr;
	uint64_t args[6];
	int64_t rval;			/* exit stops */
	uint64_t ip;
};

/* Fills *si for the syscall stop tid is in.  entry_hint says whether the
 * caller expects an entry stop; it is used only by the register fallback,
 * which cannot tell entry from exit by itself.  Returns 0 or -errno. */
int sysinfo_get(pid_t tid, bool use_syscall_info, bool entry_hint, struct stop_info *si);

#endif
