# test/unit/decode.mk - unit tests of the decoder, with fake tracee memory.
check_PROGRAMS += test/unit/check_decode
TESTS += test/unit/check_decode
test_unit_check_decode_SOURCES = test/unit/check_decode.c
test_unit_check_decode_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
test_unit_check_decode_LDADD = src/libjanusdecode.la $(CHECK_LIBS)
$(test_unit_check_decode_OBJECTS): arch/gen/sc_ids.h
