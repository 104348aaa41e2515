/* subcall.c - i386 socketcall/ipc sub-calls (see subcall.h). */
#include "config.h"

#include <errno.h>
#include <linux/ipc.h>
#include <linux/net.h>
#include <string.h>

#include "mem.h"
#include "subcall.h"

struct socketcall_desc {
	enum sc_id id;
	unsigned nargs;		/* words socketcall reads from its array */
};

/* Indexed by SYS_* of <linux/net.h>; the counts are the kernel's nargs[]. */
static const struct socketcall_desc socketcalls[] = {
	[SYS_SOCKET] = { SC_socket, 3 },
	[SYS_BIND] = { SC_bind, 3 },
	[SYS_CONNECT] = { SC_connect, 3 },
	[SYS_LISTEN] = { SC_listen, 2 },
	[SYS_ACCEPT] = { SC_accept, 3 },
	[SYS_GETSOCKNAME] = { SC_getsockname, 3 },
	[SYS_GETPEERNAME] = { SC_getpeername, 3 },
	[SYS_SOCKETPAIR] = { SC_socketpair, 4 },
	[SYS_SEND] = { SC_sendto, 4 },		/* send = sendto, no address */
	[SYS_RECV] = { SC_recvfrom, 4 },	/* recv = recvfrom, no address */
	[SYS_SENDTO] = { SC_sendto, 6 },
	[SYS_RECVFROM] = { SC_recvfrom, 6 },
	[SYS_SHUTDOWN] = { SC_shutdown, 2 },
	[SYS_SETSOCKOPT] = { SC_setsockopt, 5 },
	[SYS_GETSOCKOPT] = { SC_getsockopt, 5 },
	[SYS_SENDMSG] = { SC_sendmsg, 3 },
	[SYS_RECVMSG] = { SC_recvmsg, 3 },
	[SYS_ACCEPT4] = { SC_accept4, 4 },
	[SYS_RECVMMSG] = { SC_recvmmsg, 5 },
	[SYS_SENDMMSG] = { SC_sendmmsg, 4 },
};

static int decode_socketcall(pid_t tid, struct sc_event *ev)
{
	uint64_t call = ev->args[0];
	if (call == 0 || call >= sizeof socketcalls / sizeof socketcalls[0])
		return -EINVAL;
	const struct socketcall_desc *d = &socketcalls[call];
	uint32_t words[6] = { 0 };
	size_t len = d->nargs * sizeof words[0];
	if (mem_read(tid, ev->args[1], words, len) != (long)len)
		return -EFAULT;
	ev->id = d->id;
	for (int i = 0; i < 6; i++)
		ev->args[i] = words[i];
	return 0;
}

/* ipc(call, first, second, third, ptr, fifth); the high 16 bits of call
 * are a version.  Arguments are rearranged as the kernel's ksys_ipc(). */
static int decode_ipc(struct sc_event *ev)
{
	uint64_t first = ev->args[1], second = ev->args[2], third = ev->args[3];
	uint64_t ptr = ev->args[4], fifth = ev->args[5];
	uint64_t a[6] = { 0 };
	enum sc_id id;
	switch (ev->args[0] & 0xffff) {
	case SEMOP: id = SC_semop; a[0] = first; a[1] = ptr; a[2] = second; break;
	case SEMTIMEDOP: id = SC_semtimedop; a[0] = first; a[1] = ptr; a[2] = second; a[3] = fifth; break;
	case SEMGET: id = SC_semget; a[0] = first; a[1] = second; a[2] = third; break;
	case SEMCTL: id = SC_semctl; a[0] = first; a[1] = second; a[2] = third; a[3] = ptr; break;
	case MSGSND: id = SC_msgsnd; a[0] = first; a[1] = ptr; a[2] = second; a[3] = third; break;
	case MSGRCV: id = SC_msgrcv; a[0] = first; a[1] = ptr; a[2] = second; a[3] = fifth; a[4] = third; break;
	case MSGGET: id = SC_msgget; a[0] = first; a[1] = second; break;
	case MSGCTL: id = SC_msgctl; a[0] = first; a[1] = second; a[2] = ptr; break;
	case SHMAT: id = SC_shmat; a[0] = first; a[1] = ptr; a[2] = second; break;
	case SHMDT: id = SC_shmdt; a[0] = ptr; break;
	case SHMGET: id = SC_shmget; a[0] = first; a[1] = second; a[2] = third; break;
	case SHMCTL: id = SC_shmctl; a[0] = first; a[1] = second; a[2] = ptr; break;
	default: return -EINVAL;
	}
	ev->id = id;
	memcpy(ev->args, a, sizeof a);
	return 0;
}

/* The socketcall number of a direct call (sendmsg -> SYS_SENDMSG); the
 * search runs downwards so that sendto is SYS_SENDTO, not SYS_SEND. */
static uint64_t socketcall_of(enum sc_id id)
{
	for (size_t c = sizeof socketcalls / sizeof socketcalls[0]; c-- > 1;)
		if (socketcalls[c].id == id)
			return c;
	return 0;
}

int subcall_pin(struct copy_plan *plan, uint64_t call, const uint64_t args[6], unsigned ws)
{
	uint64_t words[6];
	memcpy(words, args, sizeof words);
	if (call == 0 || call >= sizeof socketcalls / sizeof socketcalls[0])
		return -EINVAL;
	/* The sub-call's "registers" are words of the array. */
	for (int i = 0; i < 6; i++)
		if (plan->set_mask & (1u << i))
			words[i] = plan->set[i];
	plan->set_mask = 0;
	if (plan->call_as != SC_COUNT) {
		call = socketcall_of(plan->call_as);
		if (!call)
			return -ENOSYS;
		plan->call_as = SC_COUNT;
		plan_set(plan, 0, call);	/* socketcall's own first argument */
	}
	unsigned n = socketcalls[call].nargs;
	unsigned char *array = plan_own(plan, n * ws);
	if (!array)
		return -ENOBUFS;
	for (unsigned i = 0; i < n; i++) {
		if (ws == 4) {
			uint32_t w = (uint32_t)words[i];
			memcpy(array + i * ws, &w, sizeof w);
		} else {
			memcpy(array + i * ws, &words[i], sizeof words[i]);
		}
	}
	unsigned items = plan->n;
	int at = plan_add(plan, 1, array, n * ws);
	if (at < 0)
		return -ENOBUFS;
	for (unsigned i = 0; i < items; i++) {
		int k = plan->item[i].arg;
		if (k < 0)
			continue;
		if ((unsigned)k >= n)
			return -EINVAL;		/* a pointer the kernel would not read */
		plan->item[i].arg = -1;
		plan_link(plan, at, (size_t)k * ws, (int)i);
	}
	return plan->full ? -ENOBUFS : 0;
}

int subcall_decode(pid_t tid, struct sc_event *ev)
{
	const struct sc_desc *sc = arch_syscall(ev->arch, ev->nr);
	if (!sc)
		return 0;
	if (sc->id == SC_socketcall)
		return decode_socketcall(tid, ev);
	if (sc->id == SC_ipc)
		return decode_ipc(ev);
	return 0;
}
