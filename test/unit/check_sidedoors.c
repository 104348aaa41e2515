/* check_sidedoors.c - fdpass.c and proclimit.c on real objects: the test
 * process is its own "tracee" (pidfd_getfd and process_vm_readv work on
 * oneself), so sealing is judged by the kernel's own answer to a sendmsg
 * with SCM_RIGHTS, and zombies are real unreaped children. */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "fdpass.h"
#include "fdpass_recv.h"
#include "proclimit.h"
#include "unit_run.h"

#ifndef SO_PASSRIGHTS
#define SO_PASSRIGHTS 83	/* Linux 6.16 */
#endif

static struct sc_event event(const char *name, uint64_t a0, uint64_t a1, uint64_t a2,
			     uint64_t a3)
{
	const struct janus_arch *a = arch_native();
	long nr = arch_syscall_nr(a, name);
	struct sc_event ev = { .arch = a, .id = SC_COUNT, .args = { a0, a1, a2, a3 } };

	ck_assert_msg(nr >= 0, "no syscall %s", name);
	ev.nr = (uint64_t)nr;
	return ev;
}

static struct verdict allowed(void)
{
	struct verdict v = { .action = VERDICT_ALLOW, .check = "syscall", .file = "t.policy" };
	return v;
}

static struct tracee self(void)
{
	struct tracee tr = { .tid = gettid() };
	return tr;
}

/* What the kernel says to a descriptor sent to the peer of `from`. */
static int send_fd(int from)
{
	char byte = 'x';
	struct iovec iov = { &byte, 1 };
	union {
		char buf[CMSG_SPACE(sizeof(int))];
		struct cmsghdr align;
	} u;
	struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1,
			    .msg_control = u.buf, .msg_controllen = sizeof u.buf };
	struct cmsghdr *cm = CMSG_FIRSTHDR(&m);
	int fd = 0;

	cm->cmsg_level = SOL_SOCKET;
	cm->cmsg_type = SCM_RIGHTS;
	cm->cmsg_len = CMSG_LEN(sizeof fd);
	memcpy(CMSG_DATA(cm), &fd, sizeof fd);
	return sendmsg(from, &m, MSG_DONTWAIT) < 0 ? -errno : 0;
}

static int passrights(int fd)
{
	int on = -1;
	socklen_t len = sizeof on;

	ck_assert_int_eq(getsockopt(fd, SOL_SOCKET, SO_PASSRIGHTS, &on, &len), 0);
	return on;
}

static void need_sealing(void)
{
	if (!fdpass_kernel_seals())
		printf("SKIP: this kernel has no SO_PASSRIGHTS (Linux 6.16)\n");
}

START_TEST(test_seal)
{
	int sv[2], p[2];

	need_sealing();
	if (!fdpass_kernel_seals())
		return;
	ck_assert_int_eq(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	ck_assert_int_eq(send_fd(sv[1]), 0);	/* before: passes */
	ck_assert_int_eq(fdpass_seal(gettid(), sv[0]), 0);
	ck_assert_int_eq(passrights(sv[0]), 0);
	ck_assert_int_eq(passrights(sv[1]), 1);	/* its peer is another socket */
	ck_assert_int_eq(send_fd(sv[1]), -EPERM);
	ck_assert_int_eq(send_fd(sv[0]), 0);	/* the other way round still passes */

	/* Not unix sockets, not sockets, not open: nothing to seal. */
	int udp = socket(AF_INET, SOCK_DGRAM, 0);
	ck_assert_int_ge(udp, 0);
	ck_assert_int_eq(fdpass_seal(gettid(), udp), 0);
	ck_assert_int_eq(pipe(p), 0);
	ck_assert_int_eq(fdpass_seal(gettid(), p[0]), 0);
	close(p[1]);
	ck_assert_int_eq(fdpass_seal(gettid(), p[1]), -EBADF);

	ck_assert_int_eq(fdpass_domain(gettid(), sv[0]), AF_UNIX);
	ck_assert_int_eq(fdpass_domain(gettid(), udp), AF_INET);
	ck_assert_int_eq(fdpass_domain(gettid(), p[0]), -ENOTSOCK);
	ck_assert_int_eq(fdpass_domain(gettid(), p[1]), -EBADF);
}
END_TEST

/* Runs fdpass_judge on ev; returns the verdict. */
static struct verdict judge(struct fdpass *fp, struct tracee *tr, struct sc_event ev)
{
	struct verdict v = allowed();

	fdpass_judge(fp, tr, &ev, &v);
	return v;
}

/* setsockopt/getsockopt(fd, level, opt, ...). */
static struct sc_event opt_event(const char *call, int fd, int level, int opt)
{
	return event(call, (uint64_t)fd, (uint64_t)level, (uint64_t)opt, 0);
}

static void assert_refused(struct verdict v, int err, const char *check)
{
	ck_assert_int_eq(v.action, VERDICT_DENY);
	ck_assert_int_eq(v.err, err);
	ck_assert_str_eq(v.check, check);
}

START_TEST(test_fixed_options)
{
	struct fdpass fp = { .active = true, .seal = true };
	struct tracee tr = self();
	int sv[2];

	ck_assert_int_eq(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	/* SO_PASSRIGHTS, SO_PASSPIDFD (76), SO_PEERPIDFD (77). */
	assert_refused(judge(&fp, &tr, opt_event("setsockopt", sv[0], SOL_SOCKET, SO_PASSRIGHTS)),
		       ENOPROTOOPT, "fdpass");
	assert_refused(judge(&fp, &tr, opt_event("setsockopt", sv[0], SOL_SOCKET, 76)), ENOPROTOOPT, "fdpass");
	assert_refused(judge(&fp, &tr, opt_event("getsockopt", sv[0], SOL_SOCKET, 77)), ENOPROTOOPT, "fdpass");
	struct verdict v = judge(&fp, &tr, opt_event("getsockopt", sv[0], SOL_SOCKET, SO_PASSRIGHTS));
	ck_assert_int_eq(v.action, VERDICT_ALLOW);
	v = judge(&fp, &tr, opt_event("setsockopt", sv[0], SOL_SOCKET, SO_REUSEADDR));
	ck_assert_int_eq(v.action, VERDICT_ALLOW);
	/* Same number at another level: not the option. */
	v = judge(&fp, &tr, opt_event("setsockopt", sv[0], IPPROTO_TCP, SO_PASSRIGHTS));
	ck_assert_int_eq(v.action, VERDICT_ALLOW);

	/* A policy that allows SCM_RIGHTS: nothing is refused. */
	struct fdpass off = { .active = false, .seal = true };
	v = judge(&off, &tr, opt_event("setsockopt", sv[0], SOL_SOCKET, SO_PASSRIGHTS));
	ck_assert_int_eq(v.action, VERDICT_ALLOW);
	/* A call already refused stays as the policy said. */
	struct sc_event ev = opt_event("setsockopt", sv[0], SOL_SOCKET, SO_PASSRIGHTS);
	v = (struct verdict){ .action = VERDICT_DENY, .err = EACCES, .check = "sockopt" };
	fdpass_judge(&fp, &tr, &ev, &v);
	assert_refused(v, EACCES, "sockopt");
}
END_TEST

START_TEST(test_seal_before_reach)
{
	struct fdpass fp = { .active = true, .seal = true };
	struct tracee tr = self();
	int sv[2], fds[2];

	need_sealing();
	if (!fdpass_kernel_seals())
		return;
	/* connect/bind/listen: the socket is sealed before the call runs. */
	const char *reach[] = { "connect", "bind", "listen" };
	for (int i = 0; i < 3; i++) {
		ck_assert_int_eq(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv), 0);
		struct verdict v = judge(&fp, &tr, event(reach[i], (uint64_t)sv[0], 0, 0, 0));
		ck_assert_int_eq(v.action, VERDICT_ALLOW);
		ck_assert_int_eq(passrights(sv[0]), 0);
		ck_assert_int_eq(send_fd(sv[1]), -EPERM);
		/* A number not open now fails as the kernel would now. */
		close(sv[0]);
		assert_refused(judge(&fp, &tr, event(reach[i], (uint64_t)sv[0], 0, 0, 0)), EBADF, "kernel");
		close(sv[1]);
	}
	/* SO_PASSCRED, which lets a datagram socket be autobound. */
	ck_assert_int_eq(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv), 0);
	struct verdict v = judge(&fp, &tr, opt_event("setsockopt", sv[0], SOL_SOCKET, SO_PASSCRED));
	ck_assert_int_eq(v.action, VERDICT_ALLOW);
	ck_assert_int_eq(passrights(sv[0]), 0);

	/* socket, socketpair: sealed at the exit stop. */
	judge(&fp, &tr, event("socket", AF_INET, SOCK_STREAM, 0, 0));
	ck_assert_int_eq(tr.fdpass_exit, FDPASS_EXIT_NONE);
	judge(&fp, &tr, event("socket", AF_UNIX, SOCK_STREAM, 0, 0));
	ck_assert_int_eq(tr.fdpass_exit, FDPASS_EXIT_FD);
	int s = socket(AF_UNIX, SOCK_STREAM, 0);
	fdpass_exit(&fp, &tr, s);
	ck_assert_int_eq(tr.fdpass_exit, FDPASS_EXIT_NONE);
	ck_assert_int_eq(passrights(s), 0);

	judge(&fp, &tr, event("socketpair", AF_UNIX, SOCK_STREAM, 0, (uint64_t)(uintptr_t)fds));
	ck_assert_int_eq(tr.fdpass_exit, FDPASS_EXIT_PAIR);
	ck_assert_int_eq(socketpair(AF_UNIX, SOCK_STREAM, 0, fds), 0);
	fdpass_exit(&fp, &tr, 0);
	ck_assert_int_eq(passrights(fds[0]), 0);
	ck_assert_int_eq(passrights(fds[1]), 0);

	/* A failed call leaves nothing to seal. */
	ck_assert_int_eq(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	judge(&fp, &tr, event("socket", AF_UNIX, SOCK_STREAM, 0, 0));
	fdpass_exit(&fp, &tr, -EMFILE);
	ck_assert_int_eq(passrights(sv[0]), 1);
}
END_TEST

/* recvmsg's header, as the program passes it. */
static struct msghdr hdr(void *control, size_t len)
{
	static char byte;
	static struct iovec iov = { &byte, 1 };
	struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1,
			    .msg_control = control, .msg_controllen = len };
	return m;
}

/* Judges ev in the fallback, its descriptor taken as guarded:
 * fdpass_recv_guarded's answer, the plan in *plan. */
static int fallback(struct tracee *tr, struct sc_event ev, struct copy_plan *plan)
{
	struct fdpass fp = { .active = true, .seal = false };
	struct verdict v = judge(&fp, tr, ev);

	ck_assert_int_eq(v.action, VERDICT_ALLOW);
	ck_assert(tr->recv_check);
	ck_assert_int_eq(tr->recv_fd, (int)ev.args[0]);
	memset(plan, 0, sizeof *plan);
	plan->call_as = SC_COUNT;
	return fdpass_recv_guarded(tr, &ev, plan);
}

START_TEST(test_fallback_recvmsg)
{
	struct tracee tr = self();
	tr.arch = arch_native();
	struct copy_plan plan;
	char control[64];
	int sv[2], st[2];
	int udp = socket(AF_INET, SOCK_DGRAM, 0);

	ck_assert_int_eq(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv), 0);
	ck_assert_int_eq(socketpair(AF_UNIX, SOCK_STREAM, 0, st), 0);
	struct msghdr with = hdr(control, sizeof control), without = hdr(NULL, 0);
	uint64_t w = (uint64_t)(uintptr_t)&with, wo = (uint64_t)(uintptr_t)&without;
	uint64_t u = (uint64_t)sv[0];

	/* A unix socket: control data refused, none run as recvfrom of the
	 * one buffer (MSG_TRUNC added on a datagram socket). */
	ck_assert_int_eq(fallback(&tr, event("recvmsg", u, w, 0, 0), &plan), -EPERM);
	ck_assert_int_eq(fallback(&tr, event("recvmsg", u, wo, MSG_DONTWAIT, 0), &plan), 0);
	ck_assert_int_eq(plan.call_as, SC_recvfrom);
	ck_assert_uint_eq(plan.set_mask, 0x3f);
	ck_assert_uint_eq(plan.set[0], u);
	ck_assert_uint_eq(plan.set[1], (uint64_t)(uintptr_t)without.msg_iov[0].iov_base);
	ck_assert_uint_eq(plan.set[2], 1);
	ck_assert_uint_eq(plan.set[3], MSG_DONTWAIT | MSG_TRUNC);
	ck_assert_uint_eq(plan.set[4], 0);	/* no name asked */
	ck_assert_uint_eq(plan.set[5], 0);
	ck_assert_int_eq(tr.recv_mode, RECV_AS_RECVFROM_DGRAM);
	/* Unreadable msghdr: the kernel's EFAULT. */
	ck_assert_int_eq(fallback(&tr, event("recvmsg", u, 8, 0, 0), &plan), -EFAULT);
	/* Another domain: as it is, control data and all. */
	ck_assert_int_eq(fallback(&tr, event("recvmsg", (uint64_t)udp, w, 0, 0), &plan), 0);
	ck_assert_int_eq(plan.call_as, SC_COUNT);
	ck_assert_int_eq(tr.recv_mode, RECV_AS_IS);
	/* recvmmsg: refused on a unix socket, as it is on another. */
	struct mmsghdr v[2] = { { without, 0 }, { without, 0 } };
	uint64_t vec = (uint64_t)(uintptr_t)v;
	ck_assert_int_eq(fallback(&tr, event("recvmmsg", u, vec, 2, 0), &plan), -EPERM);
	ck_assert_int_eq(fallback(&tr, event("recvmmsg", (uint64_t)udp, vec, 2, 0), &plan), 0);
	ck_assert_int_eq(plan.call_as, SC_COUNT);

	/* Several buffers: readv on a stream; refused for a datagram. */
	char b1[2], b2[8];
	struct iovec two[2] = { { b1, sizeof b1 }, { b2, sizeof b2 } };
	struct msghdr m2 = { .msg_iov = two, .msg_iovlen = 2 };
	uint64_t a2 = (uint64_t)(uintptr_t)&m2;
	ck_assert_int_eq(fallback(&tr, event("recvmsg", (uint64_t)st[0], a2, MSG_CMSG_CLOEXEC, 0),
				  &plan), 0);
	ck_assert_int_eq(plan.call_as, SC_readv);
	ck_assert_uint_eq(plan.set[1], (uint64_t)(uintptr_t)two);
	ck_assert_uint_eq(plan.set[2], 2);
	ck_assert_int_eq(fallback(&tr, event("recvmsg", u, a2, 0, 0), &plan), -EPERM);
	/* With a name asked, a stream fills the first buffer with room. */
	struct sockaddr_un name;
	two[0].iov_len = 0;
	m2.msg_name = &name;
	m2.msg_namelen = sizeof name;
	ck_assert_int_eq(fallback(&tr, event("recvmsg", (uint64_t)st[0], a2, 0, 0), &plan), 0);
	ck_assert_int_eq(plan.call_as, SC_recvfrom);
	ck_assert_uint_eq(plan.set[1], (uint64_t)(uintptr_t)b2);
	ck_assert_uint_eq(plan.set[2], sizeof b2);
	ck_assert_uint_eq(plan.set[3], 0);	/* a stream: no MSG_TRUNC */
	ck_assert_uint_eq(plan.set[4], (uint64_t)(uintptr_t)&name);
	ck_assert_uint_eq(plan.set[5], (uint64_t)(uintptr_t)&m2.msg_namelen);

	/* The exit stop of a truncated datagram: recvmsg's result and
	 * msg_flags, msg_controllen 0. */
	ck_assert_int_eq(fallback(&tr, event("recvmsg", u, wo, MSG_CMSG_CLOEXEC, 0), &plan), 0);
	without.msg_controllen = 77;
	without.msg_flags = -1;
	ck_assert_int_eq(fdpass_recv_result(&tr, 10), 1);
	ck_assert_int_eq(without.msg_flags, MSG_TRUNC | MSG_CMSG_CLOEXEC);
	ck_assert_uint_eq(without.msg_controllen, 0);
	ck_assert_int_eq(tr.recv_mode, RECV_AS_IS);
	/* MSG_TRUNC asked: the real length. */
	ck_assert_int_eq(fallback(&tr, event("recvmsg", u, wo, MSG_TRUNC, 0), &plan), 0);
	ck_assert_int_eq(fdpass_recv_result(&tr, 10), 10);
	ck_assert_int_eq(without.msg_flags, MSG_TRUNC);
	/* Errors pass as they are. */
	ck_assert_int_eq(fallback(&tr, event("recvmsg", u, wo, 0, 0), &plan), 0);
	ck_assert_int_eq(fdpass_recv_result(&tr, -EAGAIN), -EAGAIN);

	/* With sealing, recvmsg is not looked at. */
	struct fdpass sealing = { .active = true, .seal = true };
	ck_assert_int_eq(judge(&sealing, &tr, event("recvmsg", u, w, 0, 0)).action, VERDICT_ALLOW);
	ck_assert(!tr.recv_check);
}
END_TEST

/* ---- proclimit ---------------------------------------------------------- */

static struct policy *load(const char *text)
{
	static const struct policy_vars vars = { .home = "/h", .cwd = "/c", .tmpdir = "/t", .jail = "/j" };
	struct policy_diag d;
	struct policy *p = policy_load_string("t.policy", text, &vars, &d);

	ck_assert_msg(p != NULL, "%s", d.text);
	return p;
}

static struct verdict plimit(struct proclimit *pl, struct tracee_table *t, struct tracee *tr,
			     const char *call)
{
	struct sc_event ev = event(call, 0, 0, 0, 0);
	struct verdict v = allowed();

	proclimit_judge(pl, t, tr, &ev, &v);
	return v;
}

START_TEST(test_limit_counts)
{
	struct policy *p = load("default allow\n\nlimit processes 3\n");
	struct proclimit pl;
	struct tracee_table t;

	proclimit_init(&pl, p);
	tracee_table_init(&t);
	/* Tids above pid_max: /proc has no such task, zombie or not. */
	struct tracee *a = tracee_add(&t, 5000100, 0), *b = tracee_add(&t, 5000101, 0);

	/* 2 tasks: one more may come, counted from the entry stop on. */
	ck_assert_int_eq(plimit(&pl, &t, a, "fork").action, VERDICT_ALLOW);
	ck_assert(a->fork_counted);
	/* A second fork in flight would make 4. */
	struct verdict v = plimit(&pl, &t, b, "clone");
	assert_refused(v, EAGAIN, "limit");
	ck_assert_str_eq(v.file, "t.policy");
	ck_assert_uint_eq(v.line, 3);
	/* Reported once: later refusals are the kernel's plain answer. */
	assert_refused(plimit(&pl, &t, b, "vfork"), EAGAIN, "kernel");
	/* Other calls are not counted. */
	ck_assert_int_eq(plimit(&pl, &t, b, "getpid").action, VERDICT_ALLOW);
	/* The child arrives: it counts itself, the advance goes. */
	tracee_add(&t, 5000102, 0);
	proclimit_settled(&pl, a);
	ck_assert(!a->fork_counted);
	ck_assert_uint_eq(proclimit_count(&pl, &t), 3);
	assert_refused(plimit(&pl, &t, a, "fork"), EAGAIN, "kernel");
	/* A task goes: room again; a parent gone mid-fork releases its advance. */
	proclimit_gone(&pl, tracee_find(&t, 5000102), 5000102);
	tracee_remove(&t, 5000102);
	ck_assert_int_eq(plimit(&pl, &t, b, "fork").action, VERDICT_ALLOW);
	proclimit_gone(&pl, b, 5000101);
	tracee_remove(&t, 5000101);
	ck_assert_uint_eq(proclimit_count(&pl, &t), 1);

	proclimit_fini(&pl);
	tracee_table_free(&t);
	policy_free(p);
}
END_TEST

START_TEST(test_limit_zombies)
{
	struct policy *p = load("limit processes 2\n");
	struct proclimit pl;
	struct tracee_table t;

	proclimit_init(&pl, p);
	tracee_table_init(&t);
	struct tracee *me = tracee_add(&t, gettid(), 0);

	pid_t kid = fork();
	if (kid == 0)
		_exit(0);
	ck_assert_int_gt(kid, 0);
	/* Until it is a zombie (its exit is what janus hears). */
	siginfo_t si;
	ck_assert_int_eq(waitid(P_PID, (id_t)kid, &si, WEXITED | WNOWAIT), 0);
	proclimit_gone(&pl, NULL, kid);
	ck_assert_uint_eq(proclimit_count(&pl, &t), 2);
	assert_refused(plimit(&pl, &t, me, "fork"), EAGAIN, "limit");
	/* Reaped, it counts no more. */
	ck_assert_int_eq(waitpid(kid, NULL, 0), kid);
	ck_assert_int_eq(plimit(&pl, &t, me, "fork").action, VERDICT_ALLOW);
	proclimit_settled(&pl, me);
	/* A task that left no zombie (already reaped) is not counted. */
	proclimit_gone(&pl, NULL, kid);
	ck_assert_uint_eq(proclimit_count(&pl, &t), 1);

	proclimit_fini(&pl);
	tracee_table_free(&t);
	policy_free(p);
}
END_TEST

START_TEST(test_no_limit)
{
	struct policy *p = load("default allow\n");
	struct proclimit pl;
	struct tracee_table t;

	proclimit_init(&pl, p);
	tracee_table_init(&t);
	struct tracee *a = tracee_add(&t, 100, 0);
	for (int i = 0; i < 100; i++)
		ck_assert_int_eq(plimit(&pl, &t, a, "fork").action, VERDICT_ALLOW);
	proclimit_fini(&pl);
	tracee_table_free(&t);
	policy_free(p);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("sidedoors");
	TCase *fd = tcase_create("fdpass"), *pl = tcase_create("proclimit");

	tcase_add_test(fd, test_seal);
	tcase_add_test(fd, test_fixed_options);
	tcase_add_test(fd, test_seal_before_reach);
	tcase_add_test(fd, test_fallback_recvmsg);
	tcase_add_test(pl, test_limit_counts);
	tcase_add_test(pl, test_limit_zombies);
	tcase_add_test(pl, test_no_limit);
	suite_add_tcase(s, fd);
	suite_add_tcase(s, pl);
	return check_run(s);
}
