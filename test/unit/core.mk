# Unit tests of the supervisor's own modules (CLI, sysedit).
check_PROGRAMS += test/unit/check_cli test/unit/check_sysedit
TESTS += test/unit/check_cli test/unit/check_sysedit
test_unit_check_cli_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
test_unit_check_cli_LDADD = src/libjanussup.la src/libjanusdecode.la arch/libjanusarch.la $(CHECK_LIBS)
test_unit_check_sysedit_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
test_unit_check_sysedit_LDADD = src/libjanussup.la src/libjanusdecode.la arch/libjanusarch.la $(CHECK_LIBS)
check_PROGRAMS += test/unit/check_scratch
TESTS += test/unit/check_scratch
test_unit_check_scratch_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
test_unit_check_scratch_LDADD = src/libjanussup.la src/libjanusdecode.la arch/libjanusarch.la $(CHECK_LIBS)
check_PROGRAMS += test/unit/check_subcall
TESTS += test/unit/check_subcall
test_unit_check_subcall_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/policy
test_unit_check_subcall_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
test_unit_check_subcall_LDADD = src/libjanussup.la policy/libjanuspolicy.la src/libjanusdecode.la arch/libjanusarch.la $(CHECK_LIBS)
check_PROGRAMS += test/unit/check_prefilter
TESTS += test/unit/check_prefilter
test_unit_check_prefilter_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/policy
test_unit_check_prefilter_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS) $(SECCOMP_CFLAGS)
test_unit_check_prefilter_LDADD = src/libjanussup.la src/libjanusdecode.la policy/libjanuspolicy.la arch/libjanusarch.la \
	$(SECCOMP_LIBS) $(CHECK_LIBS)
$(test_unit_check_prefilter_OBJECTS): $(ARCH_GEN_H)
check_PROGRAMS += test/unit/check_pin
TESTS += test/unit/check_pin
test_unit_check_pin_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/policy
test_unit_check_pin_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
test_unit_check_pin_LDADD = src/libjanussup.la policy/libjanuspolicy.la src/libjanusdecode.la arch/libjanusarch.la $(CHECK_LIBS)
# pinfd.c and pinfd_guard.c: what is pinned, the guard and its filter.
check_PROGRAMS += test/unit/check_pinfd
TESTS += test/unit/check_pinfd
test_unit_check_pinfd_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/policy
test_unit_check_pinfd_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
test_unit_check_pinfd_LDADD = src/libjanussup.la policy/libjanuspolicy.la src/libjanusdecode.la arch/libjanusarch.la $(CHECK_LIBS)
$(test_unit_check_pinfd_OBJECTS): $(ARCH_GEN_H)
# fdpass.c and proclimit.c, the test process as its own tracee.
check_PROGRAMS += test/unit/check_sidedoors
TESTS += test/unit/check_sidedoors
test_unit_check_sidedoors_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/policy
test_unit_check_sidedoors_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
test_unit_check_sidedoors_LDADD = src/libjanussup.la policy/libjanuspolicy.la src/libjanusdecode.la arch/libjanusarch.la $(CHECK_LIBS)
# mapped.c: the file a range of the test's own memory maps.
check_PROGRAMS += test/unit/check_mapped
TESTS += test/unit/check_mapped
test_unit_check_mapped_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
test_unit_check_mapped_LDADD = src/libjanussup.la src/libjanusdecode.la arch/libjanusarch.la $(CHECK_LIBS)
EXTRA_DIST += test/unit/unit_run.h
