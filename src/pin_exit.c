/* pin_exit.c - exit-stop work of pinned calls (see pin_exit.h). */
#include "config.h"

#include <elf.h>
#include <errno.h>
#include <sys/ptrace.h>
#include <sys/uio.h>

#include "msghdr.h"
#include "pin_exit.h"
#include "scratch.h"

bool pin_restarts(int64_t rval)
{
	/* include/linux/errno.h: ERESTARTSYS 512, ERESTARTNOINTR 513,
	 * ERESTARTNOHAND 514.  ERESTART_RESTARTBLOCK (516) runs
	 * restart_syscall instead, whatever the number was. */
	return rval == -512 || rval == -513 || rval == -514;
}

int pin_restore_nr(pid_t tid, const struct janus_arch *a, uint64_t nr)
{
	if (a->scno_regset)
		return 0;
	unsigned char buf[512];
	struct iovec iov = { buf, sizeof buf };
	if (ptrace(PTRACE_GETREGSET, tid, (void *)NT_PRSTATUS, &iov) < 0)
		return -errno;
	const struct regset_layout *l = arch_layout_for(a, iov.iov_len);
	if (!l)
		return -ENOEXEC;
	regs_set(l, buf, JR_SCNO, nr);
	return ptrace(PTRACE_SETREGSET, tid, (void *)NT_PRSTATUS, &iov) < 0 ? -errno : 0;
}

int64_t pin_mmsg_result(pid_t tid, unsigned ws, uint64_t vec, int64_t rval)
{
	if (rval < 0)
		return rval;
	uint32_t len = (uint32_t)rval;
	uint64_t at = vec + msghdr_size(ws);
	/* process_vm_writev honours page protections as put_user does
	 * (/proc/PID/mem would write a read-only page). */
	struct iovec local = { &len, sizeof len };
	struct iovec remote = { (void *)(uintptr_t)at, sizeof len };
	ssize_t n = process_vm_writev(tid, &local, 1, &remote, 1, 0);
	if (n < 0 && (errno == ENOSYS || errno == EPERM))
		n = scratch_write(tid, at, &len, sizeof len) == 0 ? (ssize_t)sizeof len : -1;
	return n == (ssize_t)sizeof len ? 1 : -EFAULT;
}
