/* inject.c - run a call of janus's in a tracee (see inject.h). */
#include "config.h"

#include <elf.h>
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/ptrace.h>
#include <sys/uio.h>
#include <sys/wait.h>

#include "inject.h"
#include "log.h"
#include "sysinfo.h"

struct saved_regs {
	unsigned char buf[512];
	struct iovec iov;
};

/* Waits for tid's next syscall stop, passing signals on; -errno when tid
 * dies or stops otherwise (a group-stop cannot wait here). */
static int next_syscall_stop(pid_t tid)
{
	for (;;) {
		int status;
		if (waitpid(tid, &status, __WALL) != tid)
			return -errno;
		if (!WIFSTOPPED(status))
			return -ESRCH;
		int sig = WSTOPSIG(status);
		if (sig == (SIGTRAP | 0x80))
			return 0;
		if ((unsigned)status >> 16 != 0)
			return -EINTR;	/* an event or group-stop: give up */
		if (ptrace(PTRACE_SYSCALL, tid, NULL, (void *)(long)sig) < 0)
			return -errno;
	}
}

static long mmap_number(const struct janus_arch *a)
{
	/* 32-bit ABIs: mmap2 (offset in pages); i386's plain mmap takes a
	 * pointer to a struct. */
	long nr = arch_syscall_nr_by_id(a, SC_mmap2);
	return nr >= 0 ? nr : arch_syscall_nr_by_id(a, SC_mmap);
}

int inject_mmap(pid_t tid, const struct janus_arch *a, enum sysedit_mode mode,
		uint64_t len, uint64_t *addr)
{
	long nr = mmap_number(a);
	if (nr < 0)
		return -ENOSYS;
	struct saved_regs saved;
	saved.iov.iov_base = saved.buf;
	saved.iov.iov_len = sizeof saved.buf;
	if (ptrace(PTRACE_GETREGSET, tid, (void *)NT_PRSTATUS, &saved.iov) < 0)
		return -errno;
	const struct regset_layout *l = arch_layout_for(a, saved.iov.iov_len);
	if (!l)
		return -ENOEXEC;
	uint64_t own_nr = regs_get(l, saved.buf, JR_SCNO);

	uint64_t args[6] = { 0, len, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, (uint64_t)-1, 0 };
	int r = sysedit_entry(tid, a, mode, (uint64_t)nr, args);
	if (r < 0)
		return r;
	if (ptrace(PTRACE_SYSCALL, tid, NULL, NULL) < 0)
		return -errno;
	if ((r = next_syscall_stop(tid)) < 0)
		return r;
	struct stop_info si;
	if ((r = sysinfo_get(tid, mode == SYSEDIT_AUTO, false, &si)) < 0)
		return r;
	int64_t result = si.rval;

	/* Back to the tracee's own call: its registers, the instruction
	 * pointer over the syscall instruction again, and (where the number
	 * and the result share no register, x86) the number where the
	 * instruction reads it. */
	regs_set(l, saved.buf, JR_IP, regs_get(l, saved.buf, JR_IP) - a->syscall_insn_len);
	if (l->off[JR_RETVAL] != l->off[JR_ARG0])
		regs_set(l, saved.buf, JR_RETVAL, own_nr);
	if (ptrace(PTRACE_SETREGSET, tid, (void *)NT_PRSTATUS, &saved.iov) < 0)
		return -errno;
	if (ptrace(PTRACE_SYSCALL, tid, NULL, NULL) < 0)
		return -errno;
	if ((r = next_syscall_stop(tid)) < 0)
		return r;
	if (result < 0 && result >= -4095)
		return (int)result;	/* the tracee is back; only the mapping failed */
	*addr = (uint64_t)result;
	return 0;
}
