/* mem.c - tracee memory reads through process_vm_readv(2), one page at a
 * time so a range that ends in an unmapped page still yields its readable
 * head; PTRACE_PEEKDATA is the fallback where process_vm_readv is refused
 * (e.g. kernels built without CONFIG_CROSS_MEMORY_ATTACH). */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/uio.h>
#include <unistd.h>

#include "mem.h"

static size_t page_size(void)
{
	static size_t ps;
	if (!ps)
		ps = (size_t)sysconf(_SC_PAGESIZE);
	return ps;
}

static long read_peek(pid_t tid, uint64_t addr, void *buf, size_t len)
{
	size_t done = 0;
	while (done < len) {
		uint64_t a = addr + done;
		uint64_t aligned = a & ~(uint64_t)(sizeof(long) - 1);
		errno = 0;
		long word = ptrace(PTRACE_PEEKDATA, tid, (void *)(uintptr_t)aligned, NULL);
		if (errno)
			return done ? (long)done : -errno;
		size_t skip = (size_t)(a - aligned);
		size_t n = sizeof word - skip;
		if (n > len - done)
			n = len - done;
		memcpy((char *)buf + done, (char *)&word + skip, n);
		done += n;
	}
	return (long)done;
}

long mem_read(pid_t tid, uint64_t addr, void *buf, size_t len)
{
	size_t done = 0;
	if (addr + len < addr)		/* wraps around: refuse, do not clamp */
		return -EFAULT;
	while (done < len) {
		uint64_t a = addr + done;
		size_t n = page_size() - (size_t)(a % page_size());
		if (n > len - done)
			n = len - done;
		struct iovec local = { (char *)buf + done, n };
		struct iovec remote = { (void *)(uintptr_t)a, n };
		ssize_t got = process_vm_readv(tid, &local, 1, &remote, 1, 0);
		if (got < 0 && (errno == ENOSYS || errno == EPERM))
			got = read_peek(tid, a, (char *)buf + done, n);
		else if (got < 0)
			got = -errno;
		if (got <= 0)
			return done ? (long)done : (got ? got : -EFAULT);
		done += (size_t)got;
		if ((size_t)got < n)
			break;
	}
	return (long)done;
}

long mem_read_cb(void *ctx, uint64_t addr, void *buf, size_t len)
{
	return mem_read((pid_t)(intptr_t)ctx, addr, buf, len);
}
