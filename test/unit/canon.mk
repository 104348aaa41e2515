# test/unit/canon.mk: Check suite of src/canon.c, compared with the kernel.
check_PROGRAMS += test/unit/check_canon
TESTS += test/unit/check_canon
test_unit_check_canon_SOURCES = test/unit/check_canon.c
test_unit_check_canon_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS) -pthread
test_unit_check_canon_LDADD = src/libjanuscanon.la $(CHECK_LIBS) -lpthread
