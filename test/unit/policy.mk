# test/unit/policy.mk - unit and fuzz tests of policy/ (included from
# test/local.mk).

check_PROGRAMS += test/unit/check_policy test/fuzz/fuzz_policy
TESTS += test/unit/check_policy test/fuzz/fuzz_policy

# The tests read the case table, the shipped policies and the man page
# from the source tree.
POLICY_TEST_CPPFLAGS = $(AM_CPPFLAGS) -DPOLICY_SRCDIR='"$(abs_top_srcdir)"'

test_unit_check_policy_SOURCES = \
	test/unit/policy_test.h \
	test/unit/check_policy.c \
	test/unit/check_policy_access.c \
	test/unit/check_policy_cases.c \
	test/unit/check_policy_errors.c \
	test/unit/check_policy_lang.c \
	test/unit/check_policy_shipped.c
test_unit_check_policy_CPPFLAGS = $(POLICY_TEST_CPPFLAGS)
test_unit_check_policy_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
test_unit_check_policy_LDADD = policy/libjanuspolicy.la arch/libjanusarch.la $(CHECK_LIBS)
$(test_unit_check_policy_OBJECTS): $(ARCH_GEN_H)

# Bounded, deterministic fuzzing of the loader (see its header).
test_fuzz_fuzz_policy_SOURCES = test/fuzz/fuzz_policy.c
test_fuzz_fuzz_policy_CPPFLAGS = $(POLICY_TEST_CPPFLAGS)
test_fuzz_fuzz_policy_LDADD = policy/libjanuspolicy.la arch/libjanusarch.la
$(test_fuzz_fuzz_policy_OBJECTS): $(ARCH_GEN_H)

EXTRA_DIST += \
	test/unit/policy.cases \
	test/fuzz/corpus/broken-strings.policy \
	test/fuzz/corpus/broken-names.policy \
	test/fuzz/corpus/broken-net.policy \
	test/fuzz/corpus/includes.policy \
	test/fuzz/corpus/kinds.policy

# The `limit` directive and policy_cmsg_allowed() (a main of its own).
check_PROGRAMS += test/unit/check_policy_limit
TESTS += test/unit/check_policy_limit
test_unit_check_policy_limit_SOURCES = test/unit/check_policy_limit.c
test_unit_check_policy_limit_CPPFLAGS = $(POLICY_TEST_CPPFLAGS)
test_unit_check_policy_limit_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
test_unit_check_policy_limit_LDADD = policy/libjanuspolicy.la arch/libjanusarch.la $(CHECK_LIBS)
$(test_unit_check_policy_limit_OBJECTS): $(ARCH_GEN_H)
