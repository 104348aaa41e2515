/* pin_exit.c - exit-stop work of pinned calls (see pin_exit.h). */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <sys/uio.h>

#include "msghdr.h"
#include "pin_exit.h"
#include "regset_io.h"
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
	struct regset r;
	int err = regset_fetch(tid, a, &r);
	if (err)
		return err;
	regs_set(r.layout, r.buf, JR_SCNO, nr);
	return regset_store(tid, &r);
}

/* An unblocked signal is pending for tid (its own or its process's):
 * /proc/TID/status SigPnd, ShdPnd and SigBlk.  Unknown counts as yes,
 * which leaves the decision to the kernel as without janus's calls. */
static bool signal_pending(pid_t tid)
{
	char path[64], line[256];
	snprintf(path, sizeof path, "/proc/%d/status", (int)tid);
	FILE *f = fopen(path, "re");
	if (!f)
		return true;
	unsigned long long pnd = 0, blk = 0, v;
	int seen = 0;
	while (fgets(line, sizeof line, f)) {
		if (sscanf(line, "SigPnd: %llx", &v) == 1 || sscanf(line, "ShdPnd: %llx", &v) == 1)
			pnd |= v, seen++;
		else if (sscanf(line, "SigBlk: %llx", &v) == 1)
			blk = v, seen++;
	}
	fclose(f);
	return seen != 3 || (pnd & ~blk) != 0;
}

int pin_keep_restart(pid_t tid, const struct janus_arch *a, uint64_t nr, uint64_t arg0,
		     int64_t rval)
{
	if (!pin_restarts(rval) || signal_pending(tid))
		return 0;
	struct regset r;
	int err = regset_fetch(tid, a, &r);
	if (err)
		return err;
	const struct regset_layout *l = r.layout;
	/* x86: the number back in the result register (orig_rax is nr
	 * already); arm64: x0 is the first argument again, x8 kept nr. */
	bool shared = l->off[JR_RETVAL] == l->off[JR_ARG0];
	regs_set(l, r.buf, JR_RETVAL, shared ? arg0 : nr);
	regs_set(l, r.buf, JR_IP, regs_get(l, r.buf, JR_IP) - a->syscall_insn_len);
	return regset_store(tid, &r);
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
