/* check_subcall.c - i386 socketcall(2)/ipc(2) sub-calls become the direct
 * calls they stand for, with their arguments read from the caller's
 * memory (here a real child process, since this machine may run no 32-bit
 * code), and malformed ones fail as the kernel fails them. */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <linux/ipc.h>
#include <linux/net.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "subcall.h"
#include "unit_run.h"

/* The argument array lives in the child: same address after fork. */
static uint32_t words[6] = { 7, 0x1000, 16, 0, 0, 0 };

static pid_t child(void)
{
	pid_t pid = fork();
	if (pid == 0) {
		pause();
		_exit(0);
	}
	return pid;
}

static void reap(pid_t pid)
{
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
}

static struct sc_event event(long nr_name_id, uint64_t a0, uint64_t a1)
{
	const struct janus_arch *i386 = arch_by_abi(JANUS_ABI_I386);
	struct sc_event ev = { .arch = i386, .id = SC_COUNT };
	ev.nr = (uint64_t)arch_syscall_nr_by_id(i386, (enum sc_id)nr_name_id);
	ev.args[0] = a0;
	ev.args[1] = a1;
	return ev;
}

START_TEST(test_socketcall_connect)
{
	pid_t pid = child();
	struct sc_event ev = event(SC_socketcall, SYS_CONNECT, (uint64_t)(uintptr_t)words);
	ck_assert_int_eq(subcall_decode(pid, &ev), 0);
	ck_assert_int_eq(ev.id, SC_connect);
	ck_assert_uint_eq(ev.args[0], 7);
	ck_assert_uint_eq(ev.args[1], 0x1000);
	ck_assert_uint_eq(ev.args[2], 16);
	ck_assert_uint_eq(ev.args[3], 0);	/* connect reads 3 words only */
	reap(pid);
}
END_TEST

START_TEST(test_socketcall_send_is_sendto)
{
	pid_t pid = child();
	struct sc_event ev = event(SC_socketcall, SYS_SEND, (uint64_t)(uintptr_t)words);
	ck_assert_int_eq(subcall_decode(pid, &ev), 0);
	ck_assert_int_eq(ev.id, SC_sendto);
	ck_assert_uint_eq(ev.args[4], 0);	/* no destination address */
	ck_assert_uint_eq(ev.args[5], 0);
	reap(pid);
}
END_TEST

START_TEST(test_socketcall_bad)
{
	pid_t pid = child();
	struct sc_event ev = event(SC_socketcall, 0, (uint64_t)(uintptr_t)words);
	ck_assert_int_eq(subcall_decode(pid, &ev), -EINVAL);
	ev = event(SC_socketcall, 21, (uint64_t)(uintptr_t)words);
	ck_assert_int_eq(subcall_decode(pid, &ev), -EINVAL);
	ev = event(SC_socketcall, SYS_CONNECT, 16);	/* unmapped array */
	ck_assert_int_eq(subcall_decode(pid, &ev), -EFAULT);
	reap(pid);
}
END_TEST

START_TEST(test_ipc)
{
	const struct janus_arch *i386 = arch_by_abi(JANUS_ABI_I386);
	struct sc_event ev = { .arch = i386, .id = SC_COUNT };
	ev.nr = (uint64_t)arch_syscall_nr_by_id(i386, SC_ipc);
	/* ipc(SEMOP | version << 16, semid, nsops, -, sops) */
	uint64_t a[6] = { SEMOP | (1 << 16), 5, 2, 0, 0x2000, 0 };
	for (int i = 0; i < 6; i++)
		ev.args[i] = a[i];
	ck_assert_int_eq(subcall_decode(getpid(), &ev), 0);
	ck_assert_int_eq(ev.id, SC_semop);
	ck_assert_uint_eq(ev.args[0], 5);
	ck_assert_uint_eq(ev.args[1], 0x2000);
	ck_assert_uint_eq(ev.args[2], 2);
	ev.args[0] = 99;
	ev.nr = (uint64_t)arch_syscall_nr_by_id(i386, SC_ipc);
	ck_assert_int_eq(subcall_decode(getpid(), &ev), -EINVAL);
}
END_TEST

START_TEST(test_other_calls_untouched)
{
	const struct janus_arch *x = arch_by_abi(JANUS_ABI_X86_64);
	struct sc_event ev = { .arch = x, .id = SC_COUNT, .nr = 42, .args = { 1, 2, 3 } };
	ck_assert_int_eq(subcall_decode(getpid(), &ev), 0);
	ck_assert_int_eq(ev.id, SC_COUNT);
	ck_assert_uint_eq(ev.args[2], 3);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("subcall");
	TCase *tc = tcase_create("decode");
	tcase_add_test(tc, test_socketcall_connect);
	tcase_add_test(tc, test_socketcall_send_is_sendto);
	tcase_add_test(tc, test_socketcall_bad);
	tcase_add_test(tc, test_ipc);
	tcase_add_test(tc, test_other_calls_untouched);
	suite_add_tcase(s, tc);
	return check_run(s);
}
