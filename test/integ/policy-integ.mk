# test/integ/policy-integ.mk: the policy tests (t1*): every rule kind of a
# janus policy enforced, each refusal judged from outside the jail.  They
# share test/lib/policy.sh, the policies of test/policies and the helpers
# below (built without sanitizers, like those of integ.mk).

policy_integ_tests = \
	test/integ/t1001-fs-access.sh \
	test/integ/t1002-fs-globs.sh \
	test/integ/t1003-fs-canonical.sh \
	test/integ/t1004-fs-fixed.sh \
	test/integ/t1006-fs-exec-map.sh \
	test/integ/t1007-exec-mprotect-threads.sh \
	test/integ/t1101-net-socket.sh \
	test/integ/t1102-net-connect.sh \
	test/integ/t1103-net-send.sh \
	test/integ/t1104-net-unix.sh \
	test/integ/t1105-net-bind.sh \
	test/integ/t1106-net-sockopt.sh \
	test/integ/t1107-net-cmsg.sh \
	test/integ/t1108-net-i386-socketcall.sh \
	test/integ/t1201-ioctl.sh \
	test/integ/t1202-fcntl.sh \
	test/integ/t1301-signals.sh \
	test/integ/t1302-kill-all.sh \
	test/integ/t1303-proc-targets.sh \
	test/integ/t1401-host-info.sh \
	test/integ/t1402-admin-as-root.sh \
	test/integ/t1403-own-seccomp.sh \
	test/integ/t1501-precedence.sh \
	test/integ/t1502-actions.sh \
	test/integ/t1503-bad-policy.sh \
	test/integ/t1504-examples.sh \
	test/integ/t1601-default-usable.sh \
	test/integ/t1602-default-stdio-paths.sh \
	test/integ/t1701-arg-width.sh
policy_integ_tests += test/integ/t1109-net-pinned.sh
policy_integ_tests += test/integ/t1110-net-recv-fds.sh test/integ/t1801-process-limit.sh
policy_integ_tests += test/integ/t1111-net-recv-fallback.sh
TESTS += $(policy_integ_tests)

policy_integ_policies = \
	test/policies/actions.policy \
	test/policies/base.policy \
	test/policies/default-helpers.policy \
	test/policies/default-inet.policy \
	test/policies/examples-helpers.policy \
	test/policies/fs-access.policy \
	test/policies/fs-canon.policy \
	test/policies/fs-globs.policy \
	test/policies/host-errno.policy \
	test/policies/ioctl-optin.policy \
	test/policies/net-bind.policy \
	test/policies/net-cmsg.policy \
	test/policies/net-connect.policy \
	test/policies/net-socket.policy \
	test/policies/prec-base.policy \
	test/policies/prec-override.policy \
	test/policies/proc-debug.policy \
	test/policies/wide.policy
EXTRA_DIST += $(policy_integ_tests) $(policy_integ_policies) test/lib/policy.sh \
	test/helpers/listener.py test/helpers/pty-run.py test/helpers/recv-fallback.py

# try OP ARG...: one operation, then "ok" or "errno=NAME".
try_sources = test/helpers/try.c test/helpers/try.h test/helpers/try-fs.c \
	test/helpers/try-net.c test/helpers/try-fd.c test/helpers/try-proc.c \
	test/helpers/try-sys.c
check_PROGRAMS += test/helpers/try
test_helpers_try_SOURCES = $(try_sources)
test_helpers_try_CFLAGS = $(WARN_CFLAGS) -O2
test_helpers_try_LDFLAGS =

# Its i386 build, for socketcall(2) (t1108); the test skips, saying why,
# where i386 programs cannot run.
if HAVE_M32
check_PROGRAMS += test/helpers/try-m32
test_helpers_try_m32_SOURCES = $(try_sources)
test_helpers_try_m32_CFLAGS = $(WARN_CFLAGS) -O2 -m32
test_helpers_try_m32_LDFLAGS = -m32
endif
