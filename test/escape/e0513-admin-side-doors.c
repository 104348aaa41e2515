/* e0513-admin-side-doors - the calls that reach around every path check.
 *
 * Attack: as root, a jailed program asks the kernel for what no file or
 * network rule covers: a mount namespace or a chroot of its own (then
 * any file view it likes), another process's namespace (setns), mounts,
 * kexec, kernel modules, the keyring (secrets shared across the login
 * session), I/O ports (iopl/ioperm), swap.  Each is made with arguments
 * under which, natively, it passes the permission check and then fails
 * harmlessly or changes nothing outside a child that exits at once (an
 * unknown file system type, missing paths, bad flags, the current
 * namespace, a key in the process keyring); what gets past the
 * supervisor prints TOKEN.  Under janus every one must fail with EPERM
 * (the default policy's @mount @namespace @module @admin @keyring rules)
 * or ENOSYS (a number the ABI lacks).  A kernel built without kexec,
 * modules or I/O ports answers ENOSYS natively too: those lines show it.
 * Source: the review in jail-syscall-review.txt (mount, chroot and
 * friends "should be blocked"; "root can bypass"); DESIGN.md side doors.
 * Usage: e0513-admin-side-doors TOKEN */
#include <errno.h>
#include <fcntl.h>
#include <linux/keyctl.h>
#include <sched.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "escape.h"

static const char *token;

/* Prints LABEL's result, and TOKEN when the call got past janus. */
static void report(const char *label, long r)
{
	int err = r < 0 ? errno : 0;
	esc_show_result(label, r);
	if (err != EPERM && err != ENOSYS)
		printf("%s got past: %s\n", label, token);
	fflush(stdout);
}

/* The call made in a child that exits at once: what it changes (its own
 * namespaces, its root) dies with it.  The child's result is the exit
 * status: 0, or the errno. */
static void in_child(const char *label, long nr, long a0, long a1)
{
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0)
		esc_die("fork");
	if (pid == 0)
		_exit(syscall(nr, a0, a1) < 0 ? errno : 0);
	int st;
	if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st))
		esc_die("waitpid");
	errno = WEXITSTATUS(st);
	report(label, errno ? -1 : 0);
}

int main(int argc, char **argv)
{
	esc_need_args(argc, 2, "e0513-admin-side-doors TOKEN");
	token = argv[1];
	in_child("unshare(CLONE_NEWNS|CLONE_NEWUTS)", SYS_unshare, CLONE_NEWNS | CLONE_NEWUTS, 0);
	in_child("chroot(\"/\")", SYS_chroot, (long)"/", 0);
	int ns = open("/proc/self/ns/uts", O_RDONLY | O_CLOEXEC);
	report("setns(own uts namespace)", syscall(SYS_setns, ns, CLONE_NEWUTS));
	report("mount(unknown fs type)",
	       syscall(SYS_mount, "none", "/nonexistent-janus", "janus-nofs", 0L, 0L));
	report("umount2(missing)", syscall(SYS_umount2, "/nonexistent-janus", 0));
	report("pivot_root(missing)", syscall(SYS_pivot_root, "/nonexistent-a", "/nonexistent-b"));
	report("kexec_load(bad flags)", syscall(SYS_kexec_load, 0L, 0L, 0L, 0xdead0000L));
	report("finit_module(bad fd)", syscall(SYS_finit_module, -1, "", 0));
	report("delete_module(missing)", syscall(SYS_delete_module, "janus_none", O_NONBLOCK));
	report("add_key(process keyring)",
	       syscall(SYS_add_key, "user", "janus-escape", "x", 1L, (long)KEY_SPEC_PROCESS_KEYRING));
	report("keyctl(session keyring id)",
	       syscall(SYS_keyctl, (long)KEYCTL_GET_KEYRING_ID, (long)KEY_SPEC_SESSION_KEYRING, 0L));
#if defined(__x86_64__) || defined(__i386__)
	report("iopl(0)", syscall(SYS_iopl, 0L));
	report("ioperm(off)", syscall(SYS_ioperm, 0x80L, 1L, 0L));
#endif
	report("swapon(missing)", syscall(SYS_swapon, "/nonexistent-janus", 0));
	return 0;
}
