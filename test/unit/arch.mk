# test/unit/arch.mk - unit tests of arch/ (included from test/local.mk).

check_PROGRAMS += test/unit/check_arch
TESTS += test/unit/check_arch

test_unit_check_arch_SOURCES = test/unit/check_arch.c
test_unit_check_arch_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS) $(SECCOMP_CFLAGS)
test_unit_check_arch_LDADD = arch/libjanusarch.la $(CHECK_LIBS) $(SECCOMP_LIBS)

# The test includes arch.h, which includes the generated gen/sc_ids.h.
$(test_unit_check_arch_OBJECTS): $(ARCH_GEN_H)
