# src/decode.mk - the syscall decoder/formatter (trace output), ptrace-free.
noinst_LTLIBRARIES += src/libjanusdecode.la
src_libjanusdecode_la_SOURCES = \
	src/decode.h src/decode_priv.h \
	src/decode.c \
	src/decode_args.c \
	src/decode_mem.c \
	src/decode_msghdr.c \
	src/decode_sockaddr.c \
	src/msghdr.c src/msghdr.h \
	src/strbuf.c src/strbuf.h \
	src/xlat.c src/xlat.h \
	src/xlat_fs.c \
	src/xlat_ioctl.c \
	src/xlat_mm.c \
	src/xlat_net.c \
	src/xlat_proc.c
# Its objects include arch.h, which includes the generated sc_ids.h.
$(src_libjanusdecode_la_OBJECTS): arch/gen/sc_ids.h
