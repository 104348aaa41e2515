/* ptrace_compat.h - kernel ptrace ABI newer than the build host's headers.
 *
 * PTRACE_SET_SYSCALL_INFO arrived in Linux 6.16; Debian 12's headers (6.1)
 * do not have it.  The struct is the kernel's uapi layout of
 * struct ptrace_syscall_info as of 6.16 (op, reserved, flags, arch, ...);
 * older kernels have pad bytes where reserved and flags are, which must be
 * zero for SET anyway. */
#ifndef JANUS_PTRACE_COMPAT_H
#define JANUS_PTRACE_COMPAT_H

#include <stdint.h>

#ifndef PTRACE_SET_SYSCALL_INFO
#define PTRACE_SET_SYSCALL_INFO 0x4212
#endif

struct janus_syscall_info {
	uint8_t op;
	uint8_t reserved;
	uint16_t flags;
	uint32_t arch;
	uint64_t instruction_pointer;
	uint64_t stack_pointer;
	union {
		struct {
			uint64_t nr;
			uint64_t args[6];
		} entry;
		struct {
			int64_t rval;
			uint8_t is_error;
		} exit;
		struct {
			uint64_t nr;
			uint64_t args[6];
			uint32_t ret_data;
			uint32_t reserved2;
		} seccomp;
	};
};

#endif
