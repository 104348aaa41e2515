# test/escape/escape-m32.mk: the escape programs built -m32 (placeholder;
# being written).
escape_m32_programs =
escape_i386_tests =
