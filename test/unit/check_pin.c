/* check_pin.c - pinning checked arguments: copy plans laid out with their
 * links resolved (nested copies: a msghdr pointing at its address and
 * control data, socketcall's argument array pointing at both), the ABI
 * layouts of struct msghdr / mmsghdr, clone3's struct clone_args read and
 * checked as the kernel does, socketcall sub-calls nested into a copy of
 * their array (i386: this machine may run no 32-bit code, so only here),
 * and the exit-stop work of a sendmmsg run as sendmsg (on a real child). */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <linux/net.h>
#include <linux/sched.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "clone_args.h"
#include "copy_plan.h"
#include "msghdr.h"
#include "pin_exit.h"
#include "subcall.h"
#include "unit_run.h"

#define BASE UINT64_C(0x7f0000001000)
#define LOW UINT64_C(0x10000)

static unsigned char image[16384];
static uint64_t addr[PLAN_ITEMS];

static uint64_t word_at(unsigned ws, uint64_t base, uint64_t at)
{
	return abi_word(image + (at - base), ws);
}

START_TEST(test_layout_flat)
{
	struct copy_plan p;
	plan_init(&p);
	ck_assert_int_eq(plan_add(&p, 1, "/etc/hosts", 11), 0);
	ck_assert_int_eq(plan_add(&p, 3, "abc", 3), 1);
	long len = plan_layout(&p, BASE, 8, image, sizeof image, addr);
	ck_assert_int_eq(len, 16 + 3);		/* the second item word-aligned */
	ck_assert_uint_eq(addr[0], BASE);
	ck_assert_uint_eq(addr[1], BASE + 16);
	ck_assert_str_eq((char *)image, "/etc/hosts");
	ck_assert_int_eq(memcmp(image + 16, "abc", 3), 0);
	ck_assert_int_eq(image[11], 0);		/* padding is zero, not stale */
}
END_TEST

START_TEST(test_layout_links)
{
	for (unsigned ws = 4; ws <= 8; ws += 4) {
		struct copy_plan p;
		plan_init(&p);
		unsigned char hdr[56];
		memset(hdr, 0xee, sizeof hdr);
		int h = plan_add(&p, 1, hdr, 7 * ws);
		int a = plan_add(&p, -1, "ADDR", 4);
		int c = plan_add(&p, -1, "CONTROL", 7);
		plan_link(&p, h, 0, a);
		plan_link(&p, h, 4 * ws, c);
		uint64_t base = ws == 4 ? LOW : BASE;
		long len = plan_layout(&p, base, ws, image, sizeof image, addr);
		ck_assert_int_gt(len, 0);
		ck_assert_uint_eq(word_at(ws, base, addr[h]), addr[a]);
		ck_assert_uint_eq(word_at(ws, base, addr[h] + 4 * ws), addr[c]);
		ck_assert_int_eq(memcmp(image + (addr[a] - base), "ADDR", 4), 0);
		ck_assert_int_eq(memcmp(image + (addr[c] - base), "CONTROL", 7), 0);
		/* Bytes between the links are the item's own. */
		ck_assert_int_eq(image[(addr[h] - base) + ws], 0xee);
		ck_assert_int_eq(image[(addr[h] - base) + 5 * ws], 0xee);
	}
}
END_TEST

START_TEST(test_layout_limits)
{
	static char big[12288];
	struct copy_plan p;
	plan_init(&p);
	plan_add(&p, 1, big, 8192);
	plan_add(&p, -1, big, 4096);
	ck_assert_int_eq(plan_layout(&p, BASE, 8, image, 12288, addr), 12288);
	plan_add(&p, -1, big, 1);
	ck_assert_int_eq(plan_layout(&p, BASE, 8, image, 12288, addr), -ENOBUFS);

	plan_init(&p);
	for (int i = 0; i < PLAN_ITEMS; i++)
		ck_assert_int_eq(plan_add(&p, -1, "x", 1), i);
	ck_assert_int_eq(plan_add(&p, 0, "x", 1), -1);	/* full: never run unpinned */
	ck_assert(p.full);
	ck_assert_int_eq(plan_layout(&p, BASE, 8, image, sizeof image, addr), -ENOBUFS);

	plan_init(&p);
	plan_add(&p, 1, "abcd", 4);
	plan_link(&p, 0, 0, 5);			/* no item 5 */
	ck_assert_int_eq(plan_layout(&p, BASE, 8, image, sizeof image, addr), -EINVAL);
	plan_init(&p);
	plan_add(&p, 1, "abcd", 4);
	plan_link(&p, 0, 0, 0);			/* an 8-byte word in 4 bytes */
	ck_assert_int_eq(plan_layout(&p, BASE, 8, image, sizeof image, addr), -EINVAL);
	ck_assert_int_eq(plan_layout(&p, LOW, 4, image, sizeof image, addr), 4);

	plan_init(&p);
	ck_assert_ptr_nonnull(plan_own(&p, PLAN_OWN - 8));
	ck_assert_ptr_null(plan_own(&p, 9));
	ck_assert(p.full);
}
END_TEST

/* A length word patched into a struct the plan owns (msg_namelen of a
 * pinned msghdr, pinfd.c); never into bytes the plan does not own. */
START_TEST(test_put_u32)
{
	struct copy_plan p;
	plan_init(&p);
	unsigned char *hdr = plan_own(&p, 56);
	memset(hdr, 0xee, 56);
	int h = plan_add(&p, 1, hdr, 56);
	int a = plan_add(&p, -1, "ADDR", 4);
	plan_link(&p, h, 0, a);
	plan_put_u32(&p, h, 8, 110);
	ck_assert(!p.full);
	long len = plan_layout(&p, BASE, 8, image, sizeof image, addr);
	ck_assert_int_gt(len, 0);
	uint32_t v;
	memcpy(&v, image + (addr[h] - BASE) + 8, sizeof v);
	ck_assert_uint_eq(v, 110);
	ck_assert_int_eq(image[(addr[h] - BASE) + 12], 0xee);
	plan_put_u32(&p, h, 53, 1);		/* past the item's end */
	ck_assert(p.full);

	plan_init(&p);
	unsigned char outside[8] = { 0 };
	plan_add(&p, 1, outside, sizeof outside);
	plan_put_u32(&p, 0, 0, 1);		/* the caller's bytes: refused */
	ck_assert(p.full);
	ck_assert_uint_eq(outside[0], 0);
	plan_init(&p);
	plan_put_u32(&p, 3, 0, 1);		/* no such item */
	ck_assert(p.full);
}
END_TEST

/* Fake tracee memory for the mem_read_fn readers: [FAKE, FAKE + size). */
#define FAKE UINT64_C(0x5000)
static unsigned char fake[8192];

static long fake_read(void *ctx, uint64_t at, void *buf, size_t len)
{
	size_t size = ctx ? *(size_t *)ctx : sizeof fake;
	if (at < FAKE || at - FAKE >= size)
		return -EFAULT;
	size_t n = size - (size_t)(at - FAKE);
	if (n > len)
		n = len;
	memcpy(buf, fake + (at - FAKE), n);
	return (long)n;
}

START_TEST(test_msghdr_layouts)
{
	ck_assert_uint_eq(msghdr_size(8), sizeof(struct msghdr));
	ck_assert_uint_eq(mmsghdr_size(8), sizeof(struct mmsghdr));
	ck_assert_uint_eq(msghdr_size(8), offsetof(struct mmsghdr, msg_len));
	/* The kernel's compat_msghdr: seven 32-bit fields; compat_mmsghdr
	 * adds msg_len. */
	ck_assert_uint_eq(msghdr_size(4), 28);
	ck_assert_uint_eq(mmsghdr_size(4), 32);

	struct iovec iov = { (void *)"x", 1 };
	char ctl[32];
	struct sockaddr_storage ss;
	struct msghdr m;
	memset(&m, 0, sizeof m);		/* its padding too */
	m.msg_name = &ss;
	m.msg_namelen = 16;
	m.msg_iov = &iov;
	m.msg_iovlen = 1;
	m.msg_control = ctl;
	m.msg_controllen = sizeof ctl;
	m.msg_flags = 0x80;
	struct msghdr_view v = { (uintptr_t)&ss, (uintptr_t)&iov, 1, (uintptr_t)ctl, sizeof ctl, 16,
				 0x80 };
	unsigned char out[56];
	msghdr_image(8, &v, out);
	ck_assert_int_eq(memcmp(out, &m, sizeof m), 0);	/* the C layout, byte for byte */

	for (unsigned ws = 4; ws <= 8; ws += 4) {
		struct msghdr_view w = { 0x1234, 0x2345, 3, 0x3456, 40, 110, -7 }, back;
		memset(fake, 0xaa, sizeof fake);
		msghdr_image(ws, &w, fake);
		size_t all = msghdr_size(ws);
		ck_assert_int_eq(msghdr_read(fake_read, &all, ws, FAKE, &back), 0);
		ck_assert_uint_eq(back.name, w.name);
		ck_assert_uint_eq(back.namelen, w.namelen);
		ck_assert_uint_eq(back.iov, w.iov);
		ck_assert_uint_eq(back.iovlen, w.iovlen);
		ck_assert_uint_eq(back.control, w.control);
		ck_assert_uint_eq(back.controllen, w.controllen);
		ck_assert_int_eq(back.flags, w.flags);
		/* The kernel copies the whole struct: one byte short faults. */
		size_t short_by_one = all - 1;
		ck_assert_int_eq(msghdr_read(fake_read, &short_by_one, ws, FAKE, &back), -EFAULT);
	}
}
END_TEST

static void put64(size_t at, uint64_t v)
{
	memcpy(fake + at, &v, sizeof v);
}

START_TEST(test_clone_args)
{
	unsigned char buf[4096];
	size_t len = 0;
	memset(fake, 0, sizeof fake);
	put64(0, CLONE_VM | CLONE_THREAD);
	put64(32, SIGCHLD);
	ck_assert_int_eq(clone_args_read(fake_read, NULL, FAKE, 88, 4096, buf, &len), 0);
	ck_assert_uint_eq(len, 88);
	ck_assert_uint_eq(clone_args_flags(buf), CLONE_VM | CLONE_THREAD);
	ck_assert_int_eq(clone_args_read(fake_read, NULL, FAKE, 64, 4096, buf, &len), 0);
	ck_assert_uint_eq(len, 64);		/* the first version, handed on as is */
	/* Larger, zero beyond what janus knows: accepted, cut to it. */
	ck_assert_int_eq(clone_args_read(fake_read, NULL, FAKE, 200, 4096, buf, &len), 0);
	ck_assert_uint_eq(len, 88);
	/* ... a field janus does not know: E2BIG, as a kernel without it. */
	fake[150] = 1;
	ck_assert_int_eq(clone_args_read(fake_read, NULL, FAKE, 200, 4096, buf, &len), -E2BIG);
	ck_assert_int_eq(clone_args_read(fake_read, NULL, FAKE, 150, 4096, buf, &len), 0);
	/* The kernel's size limits and an unreadable struct. */
	ck_assert_int_eq(clone_args_read(fake_read, NULL, FAKE, 4097, 4096, buf, &len), -E2BIG);
	ck_assert_int_eq(clone_args_read(fake_read, NULL, FAKE, 63, 4096, buf, &len), -EINVAL);
	ck_assert_int_eq(clone_args_read(fake_read, NULL, FAKE, 0, 4096, buf, &len), -EINVAL);
	size_t some = 80;
	ck_assert_int_eq(clone_args_read(fake_read, &some, FAKE, 88, 4096, buf, &len), -EFAULT);
	ck_assert_int_eq(clone_args_read(fake_read, NULL, 0x10, 88, 4096, buf, &len), -EFAULT);
}
END_TEST

/* socketcall(SYS_CONNECT, array): the array is pinned with its sockaddr
 * word pointing at the pinned address; the other words as decoded. */
START_TEST(test_subcall_connect)
{
	struct copy_plan p;
	plan_init(&p);
	uint64_t args[6] = { 7, 0xdead, 16, 0, 0, 0 };	/* decoded connect(7, &sa, 16) */
	int sa = plan_add(&p, 1, "SOCKADDR-16BYTES", 16);
	ck_assert_int_eq(subcall_pin(&p, SYS_CONNECT, args, 4), 0);
	ck_assert_int_eq(p.item[sa].arg, -1);		/* no longer a register */
	ck_assert_int_eq(p.n, 2);
	ck_assert_int_eq(p.item[1].arg, 1);		/* socketcall's array pointer */
	ck_assert_uint_eq(p.item[1].len, 12);		/* connect: 3 words */
	ck_assert_uint_eq(p.set_mask, 0);		/* the sub-call number stays */
	ck_assert_int_gt(plan_layout(&p, LOW, 4, image, sizeof image, addr), 0);
	ck_assert_uint_eq(word_at(4, LOW, addr[1]), 7);
	ck_assert_uint_eq(word_at(4, LOW, addr[1] + 4), addr[sa]);
	ck_assert_uint_eq(word_at(4, LOW, addr[1] + 8), 16);
	ck_assert_int_eq(memcmp(image + (addr[sa] - LOW), "SOCKADDR-16BYTES", 16), 0);
}
END_TEST

/* Words only (setsockopt's level and name decide the verdict): the
 * array is pinned all the same; send is 4 words. */
START_TEST(test_subcall_words_only)
{
	struct copy_plan p;
	plan_init(&p);
	uint64_t args[6] = { 3, 1, 25, 0x8000, 4, 0 };
	ck_assert_int_eq(subcall_pin(&p, SYS_SETSOCKOPT, args, 4), 0);
	ck_assert_int_eq(p.n, 1);
	ck_assert_uint_eq(p.item[0].len, 20);
	ck_assert_int_gt(plan_layout(&p, LOW, 4, image, sizeof image, addr), 0);
	for (int i = 0; i < 5; i++)
		ck_assert_uint_eq(word_at(4, LOW, addr[0] + 4 * (unsigned)i), args[i]);
	plan_init(&p);
	ck_assert_int_eq(subcall_pin(&p, SYS_SEND, args, 4), 0);
	ck_assert_uint_eq(p.item[0].len, 16);
	/* A word the judge sets (a length) is set in the array, not in
	 * socketcall's registers. */
	plan_init(&p);
	plan_set(&p, 2, 110);
	ck_assert_int_eq(subcall_pin(&p, SYS_CONNECT, args, 4), 0);
	ck_assert_uint_eq(p.set_mask, 0);
	ck_assert_int_gt(plan_layout(&p, LOW, 4, image, sizeof image, addr), 0);
	ck_assert_uint_eq(word_at(4, LOW, addr[0] + 8), 110);
	plan_init(&p);
	ck_assert_int_eq(subcall_pin(&p, 0, args, 4), -EINVAL);
	ck_assert_int_eq(subcall_pin(&p, 21, args, 4), -EINVAL);
	/* An item for a word the sub-call does not have is a bug: refused. */
	plan_init(&p);
	plan_add(&p, 4, "x", 1);
	ck_assert_int_eq(subcall_pin(&p, SYS_CONNECT, args, 4), -EINVAL);
}
END_TEST

/* socketcall(SYS_SENDMSG): array -> msghdr -> sockaddr and control, all
 * pinned, three levels deep. */
START_TEST(test_subcall_sendmsg_nested)
{
	struct copy_plan p;
	plan_init(&p);
	struct msghdr_view v = { 0xbad0, 0x9000, 1, 0xbad1, 12, 16, 0 };
	unsigned char *hdr = plan_own(&p, msghdr_size(4));
	msghdr_image(4, &v, hdr);
	int h = plan_add(&p, 1, hdr, msghdr_size(4));
	int a = plan_add(&p, -1, "SOCKADDR-16BYTES", 16);
	int c = plan_add(&p, -1, "CONTROL-12B", 12);
	plan_link(&p, h, 0, a);
	plan_link(&p, h, 16, c);
	uint64_t args[6] = { 5, 0xbad2, 0x40, 0, 0, 0 };
	ck_assert_int_eq(subcall_pin(&p, SYS_SENDMSG, args, 4), 0);
	ck_assert_int_gt(plan_layout(&p, LOW, 4, image, sizeof image, addr), 0);
	uint64_t array = addr[p.n - 1];
	ck_assert_int_eq(p.item[p.n - 1].arg, 1);
	ck_assert_uint_eq(word_at(4, LOW, array), 5);
	ck_assert_uint_eq(word_at(4, LOW, array + 8), 0x40);
	uint64_t msg = word_at(4, LOW, array + 4);
	ck_assert_uint_eq(msg, addr[h]);
	ck_assert_uint_eq(word_at(4, LOW, msg), addr[a]);		/* msg_name */
	ck_assert_uint_eq(word_at(4, LOW, msg + 4), 16);		/* msg_namelen */
	ck_assert_uint_eq(word_at(4, LOW, msg + 8), 0x9000);		/* msg_iov: the program's */
	ck_assert_uint_eq(word_at(4, LOW, msg + 16), addr[c]);	/* msg_control */
	ck_assert_uint_eq(word_at(4, LOW, msg + 20), 12);
	ck_assert_int_eq(memcmp(image + (word_at(4, LOW, msg + 16) - LOW), "CONTROL-12B", 12), 0);
}
END_TEST

/* socketcall(SYS_SENDMMSG) run as socketcall(SYS_SENDMSG): the sub-call
 * number changes, not the syscall; the array is sendmsg's. */
START_TEST(test_subcall_sendmmsg_as_sendmsg)
{
	struct copy_plan p;
	plan_init(&p);
	int h = plan_add(&p, 1, "28-BYTES-OF-COMPAT-MSGHDR...", 28);
	p.call_as = SC_sendmsg;
	plan_set(&p, 2, 0x40 | 0x80);	/* flags, with MSG_EOR */
	plan_set(&p, 3, 0);
	uint64_t args[6] = { 9, 0xbad3, 2, 0x40, 0, 0 };	/* sendmmsg(9, vec, 2, 0x40) */
	ck_assert_int_eq(subcall_pin(&p, SYS_SENDMMSG, args, 4), 0);
	ck_assert_int_eq(p.call_as, SC_COUNT);
	ck_assert_uint_eq(p.set_mask, 1);
	ck_assert_uint_eq(p.set[0], SYS_SENDMSG);
	ck_assert_uint_eq(p.item[p.n - 1].len, 12);
	ck_assert_int_gt(plan_layout(&p, LOW, 4, image, sizeof image, addr), 0);
	uint64_t array = addr[p.n - 1];
	ck_assert_uint_eq(word_at(4, LOW, array), 9);
	ck_assert_uint_eq(word_at(4, LOW, array + 4), addr[h]);
	ck_assert_uint_eq(word_at(4, LOW, array + 8), 0xc0);
}
END_TEST

/* A child with a vector in a writable page and one in a read-only page
 * (same addresses after fork). */
static char *pages;

static pid_t child(void)
{
	pid_t pid = fork();
	if (pid == 0) {
		pause();
		_exit(0);
	}
	return pid;
}

static uint32_t child_word(pid_t pid, uint64_t at)
{
	uint32_t v = 0;
	struct iovec local = { &v, sizeof v }, remote = { (void *)(uintptr_t)at, sizeof v };
	ck_assert_int_eq(process_vm_readv(pid, &local, 1, &remote, 1, 0), (ssize_t)sizeof v);
	return v;
}

START_TEST(test_mmsg_result)
{
	long ps = sysconf(_SC_PAGESIZE);
	pages = mmap(NULL, 2 * (size_t)ps, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ck_assert_ptr_ne(pages, MAP_FAILED);
	memset(pages, 0xff, 2 * (size_t)ps);
	ck_assert_int_eq(mprotect(pages + ps, (size_t)ps, PROT_READ), 0);
	pid_t pid = child();
	uint64_t vec = (uintptr_t)pages, ro = (uintptr_t)(pages + ps);
	ck_assert_int_eq(pin_mmsg_result(pid, 8, vec, 1234), 1);
	ck_assert_uint_eq(child_word(pid, vec + 56), 1234);
	ck_assert_int_eq(pin_mmsg_result(pid, 4, vec, 77), 1);
	ck_assert_uint_eq(child_word(pid, vec + 28), 77);
	ck_assert_uint_eq(child_word(pid, vec + 24), 0xffffffffu);	/* nothing else */
	/* put_user into a read-only page fails: so does janus's write. */
	ck_assert_int_eq(pin_mmsg_result(pid, 8, ro, 5), -EFAULT);
	ck_assert_uint_eq(child_word(pid, ro + 56), 0xffffffffu);
	/* An error is the call's result as it is; nothing is written. */
	ck_assert_int_eq(pin_mmsg_result(pid, 8, vec, -EAGAIN), -EAGAIN);
	ck_assert_uint_eq(child_word(pid, vec + 56), 1234);
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
}
END_TEST

START_TEST(test_restarts)
{
	ck_assert(pin_restarts(-512));	/* ERESTARTSYS */
	ck_assert(pin_restarts(-513));	/* ERESTARTNOINTR */
	ck_assert(pin_restarts(-514));	/* ERESTARTNOHAND */
	ck_assert(!pin_restarts(-516));	/* ERESTART_RESTARTBLOCK: restart_syscall */
	ck_assert(!pin_restarts(-EINTR));
	ck_assert(!pin_restarts(512));
}
END_TEST

int main(void)
{
	Suite *s = suite_create("pin");
	TCase *tc = tcase_create("plan");
	tcase_add_test(tc, test_layout_flat);
	tcase_add_test(tc, test_layout_links);
	tcase_add_test(tc, test_layout_limits);
	tcase_add_test(tc, test_put_u32);
	tcase_add_test(tc, test_msghdr_layouts);
	tcase_add_test(tc, test_clone_args);
	tcase_add_test(tc, test_subcall_connect);
	tcase_add_test(tc, test_subcall_words_only);
	tcase_add_test(tc, test_subcall_sendmsg_nested);
	tcase_add_test(tc, test_subcall_sendmmsg_as_sendmsg);
	tcase_add_test(tc, test_mmsg_result);
	tcase_add_test(tc, test_restarts);
	suite_add_tcase(s, tc);
	return check_run(s);
}
