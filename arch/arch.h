/* arch.h - per-ABI descriptions: syscall tables, register layouts, quirks.
 *
 * One struct janus_arch describes one ABI (personality).  The ABI of a
 * syscall stop comes from the stop itself (PTRACE_GET_SYSCALL_INFO's
 * AUDIT_ARCH_* value), never from the binary or the build, so a 64-bit
 * process doing `int $0x80` is decoded with the i386 table.
 *
 * Three layers, each chosen deliberately:
 *  - names <-> numbers are data: arch/<abi>/syscalls.tbl, turned into C
 *    arrays at build time by arch/gen-tables.awk;
 *  - registers are a table of offsets into the NT_PRSTATUS regset;
 *  - irregular operations (aarch64's separate NT_ARM_SYSTEM_CALL regset)
 *    are small functions named in the struct.
 *
 * Nothing here calls ptrace: the regset is a byte buffer the caller fetched.
 */
#ifndef JANUS_ARCH_H
#define JANUS_ARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "argkind.h"
#include "gen/sc_ids.h"		/* enum sc_id: neutral names, generated */

enum janus_abi {
	JANUS_ABI_X86_64,
	JANUS_ABI_I386,
	JANUS_ABI_AARCH64,
	JANUS_ABI_COUNT
};

/* One syscall of one ABI. */
struct sc_desc {
	const char *name;		/* NULL: no syscall at this number */
	enum sc_id id;			/* neutral id, same across ABIs */
	uint8_t nargs;
	uint8_t arg[6];			/* enum argkind, per argument */
	uint8_t ret;			/* enum retkind */
};

/* Slots of a register file that janus reads or writes. */
enum janus_reg {
	JR_SCNO, JR_ARG0, JR_ARG1, JR_ARG2, JR_ARG3, JR_ARG4, JR_ARG5,
	JR_RETVAL, JR_IP, JR_SP, JR_COUNT
};

/* Where each slot lives in one NT_PRSTATUS layout. */
struct regset_layout {
	const char *name;		/* "x86_64", "i386 in x86_64 regs", ... */
	size_t size;			/* sizeof the regset as the kernel returns it */
	uint8_t width;			/* bytes per slot: 8 or 4 */
	uint16_t off[JR_COUNT];		/* byte offset of each slot */
	/* Slots (bit 1 << JR_x) whose value is only the low 32 bits of an
	 * 8-byte register: i386 via `int $0x80` in the x86_64 regset.
	 * regs_get returns the low half, as the kernel uses it; regs_set
	 * stores the value sign-extended from 32 bits, as the kernel itself
	 * fills rax after a 32-bit call.  0 in every other layout. */
	uint16_t low32;
};

struct janus_arch {
	const char *name;		/* "x86_64", "i386", "aarch64" */
	enum janus_abi abi;
	uint32_t audit_arch;		/* AUDIT_ARCH_* of the stop */
	uint8_t wordsize;		/* sizeof(long) of a program of this ABI */
	uint32_t nr_count;		/* table covers numbers [0, nr_count) */
	const struct sc_desc *table;	/* indexed by number */
	/* Register layouts a stop of this ABI may be read through, native
	 * first; NULL-terminated.  i386 has two: the 68-byte compat regset of
	 * a 32-bit process, and the 64-bit regset of a 64-bit process that
	 * used `int $0x80`. */
	const struct regset_layout *const *layouts;
	/* Irregular: changing the syscall number needs a regset of its own
	 * (aarch64 NT_ARM_SYSTEM_CALL); 0 when JR_SCNO is writable. */
	unsigned scno_regset;
	/* Bytes of the instruction that entered the kernel: rewinding the
	 * instruction pointer by this much re-executes the call (x86
	 * `syscall`, `int $0x80` and `sysenter` are 2 bytes, arm64 `svc` 4). */
	uint8_t syscall_insn_len;
};

/* Registry. */
const struct janus_arch *arch_by_abi(enum janus_abi abi);
const struct janus_arch *arch_by_audit(uint32_t audit_arch);	/* NULL: unknown */
const struct janus_arch *arch_by_name(const char *name);	/* NULL: unknown */
const struct janus_arch *arch_native(void);

/* Lookups; safe for any 64-bit number (-1, the x32 bit, huge values):
 * they return NULL / -1 rather than index out of range.  arch_syscall
 * returns NULL for a hole too, so a non-NULL result always has a name. */
const struct sc_desc *arch_syscall(const struct janus_arch *a, uint64_t nr);
long arch_syscall_nr(const struct janus_arch *a, const char *name);	/* -1: none */
long arch_syscall_nr_by_id(const struct janus_arch *a, enum sc_id id);	/* -1: none */
const char *sc_id_name(enum sc_id id);				/* NULL: bad id */
enum sc_id sc_id_by_name(const char *name);			/* SC_COUNT: unknown */

/* Register access through a layout; the value is zero-extended from
 * the slot width (callers sign-extend JR_RETVAL themselves via
 * arch_sign_extend). */
const struct regset_layout *arch_layout_for(const struct janus_arch *a, size_t regset_size);
uint64_t regs_get(const struct regset_layout *l, const void *regs, enum janus_reg r);
void regs_set(const struct regset_layout *l, void *regs, enum janus_reg r, uint64_t v);
int64_t arch_sign_extend(const struct janus_arch *a, uint64_t v);

#endif
