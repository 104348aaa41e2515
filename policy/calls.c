/* calls.c - per-call knowledge: typed checks, fixed refusals, sub-calls,
 * process targets. */
#include "config.h"

#include <errno.h>

#include "access.h"
#include "calls.h"

unsigned calls_checks(enum sc_id id)
{
	switch (id) {
	case SC_socket: case SC_socketpair:
		return CK_SOCKET;
	case SC_connect: case SC_sendto:
		return CK_CONNECT;
	case SC_sendmsg: case SC_sendmmsg:
		return CK_CONNECT | CK_CMSG;
	case SC_bind:
		return CK_BIND;
	case SC_ioctl:
		return CK_IOCTL;
	case SC_fcntl: case SC_fcntl64:
		return CK_FCNTL;
	case SC_setsockopt: case SC_getsockopt:
		return CK_SOCKOPT;
	case SC_kill: case SC_tkill: case SC_tgkill: case SC_rt_sigqueueinfo:
	case SC_rt_tgsigqueueinfo: case SC_pidfd_send_signal: case SC_pidfd_open:
	case SC_pidfd_getfd: case SC_getsid: case SC_getpgid: case SC_setpgid:
	case SC_prlimit64: case SC_ptrace: case SC_process_vm_readv:
	case SC_process_vm_writev: case SC_kcmp: case SC_sched_setaffinity:
	case SC_sched_setscheduler: case SC_sched_setparam: case SC_sched_setattr:
	case SC_setpriority: case SC_ioprio_set: case SC_migrate_pages:
	case SC_move_pages: case SC_process_madvise: case SC_process_mrelease:
	case SC_get_robust_list:
		return CK_SIGNAL;
	default:
		return access_is_fs(id) ? CK_FS : 0;
	}
}

const char *calls_check_name(unsigned ck)
{
	static const char *const names[CK_COUNT] = {
		"fs", "socket", "connect", "bind", "ioctl", "fcntl", "sockopt",
		"cmsg", "signal"
	};

	for (unsigned i = 0; i < CK_COUNT; i++)
		if (ck == 1u << i)
			return names[i];
	return "?";
}

/* Refused whatever the policy says (janus-policy(5), FIXED REFUSALS).
 * The mount family changes the namespace every path check relies on;
 * open_by_handle_at opens a file without a path to check; openat2 keeps
 * its flags and RESOLVE_* in memory, and refusing it with ENOSYS makes
 * programs fall back to openat, which is checked. */
int calls_fixed_errno(enum sc_id id)
{
	switch (id) {
	case SC_open_by_handle_at:
	case SC_mount: case SC_umount: case SC_umount2: case SC_pivot_root:
	case SC_chroot: case SC_fsopen: case SC_fsconfig: case SC_fsmount:
	case SC_fspick: case SC_move_mount: case SC_open_tree:
	case SC_open_tree_attr: case SC_mount_setattr:
		return EPERM;
	case SC_openat2:
		return ENOSYS;
	default:
		return 0;
	}
}

bool calls_is_subcall(enum sc_id mux, enum sc_id sub)
{
	if (mux == SC_socketcall) {
		switch (sub) {
		case SC_socket: case SC_bind: case SC_connect: case SC_listen:
		case SC_accept: case SC_getsockname: case SC_getpeername:
		case SC_socketpair: case SC_sendto: case SC_recvfrom:
		case SC_shutdown: case SC_setsockopt: case SC_getsockopt:
		case SC_sendmsg: case SC_recvmsg: case SC_accept4:
		case SC_recvmmsg: case SC_sendmmsg:
			return true;
		default:
			return false;
		}
	}
	if (mux == SC_ipc) {
		switch (sub) {
		case SC_semop: case SC_semget: case SC_semctl: case SC_semtimedop:
		case SC_msgsnd: case SC_msgrcv: case SC_msgget: case SC_msgctl:
		case SC_shmat: case SC_shmdt: case SC_shmget: case SC_shmctl:
			return true;
		default:
			return false;
		}
	}
	return false;
}

enum sc_id calls_event_id(const struct sc_event *ev)
{
	const struct sc_desc *d = arch_syscall(ev->arch, ev->nr);

	if (!d)
		return SC_COUNT;
	if ((d->id == SC_socketcall || d->id == SC_ipc) && calls_is_subcall(d->id, ev->id))
		return ev->id;
	return d->id;
}

int policy_targets(const struct sc_event *ev, struct policy_target out[2])
{
	int n = 0;

#define T(a, k) (out[n].arg = (a), out[n].kind = POLICY_TARGET_##k, n++)
	switch (calls_event_id(ev)) {
	case SC_kill: case SC_rt_sigqueueinfo:
		T(0, PID);
		break;
	case SC_tkill:
		T(0, TID);
		break;
	case SC_tgkill: case SC_rt_tgsigqueueinfo: case SC_ptrace:
		T(1, TID);
		break;
	case SC_pidfd_send_signal: case SC_pidfd_getfd: case SC_process_madvise:
	case SC_process_mrelease:
		T(0, PIDFD);
		break;
	case SC_setpgid:
		T(0, SELF0);
		T(1, PGID);
		break;
	case SC_kcmp:
		T(0, SELF0);
		T(1, SELF0);
		break;
	case SC_setpriority:
		T(1, PRIO);
		break;
	case SC_ioprio_set:
		T(1, IOPRIO);
		break;
	case SC_pidfd_open: case SC_getsid: case SC_getpgid: case SC_prlimit64:
	case SC_process_vm_readv: case SC_process_vm_writev:
	case SC_sched_setaffinity: case SC_sched_setscheduler:
	case SC_sched_setparam: case SC_sched_setattr: case SC_migrate_pages:
	case SC_move_pages: case SC_get_robust_list:
		T(0, SELF0);
		break;
	default:
		break;
	}
#undef T
	return n;
}
