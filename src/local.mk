# src/ build fragment: the supervisor and its CLI.
bin_PROGRAMS += src/janus
noinst_LTLIBRARIES += src/libjanussup.la
src_libjanussup_la_SOURCES = \
	src/cli.c src/cli.h \
	src/jobctl.c src/jobctl.h \
	src/launch.c src/launch.h \
	src/log.c src/log.h \
	src/mem.c src/mem.h \
	src/supervisor.c src/supervisor.h \
	src/sysedit.c src/sysedit.h src/ptrace_compat.h \
	src/sysinfo.c src/sysinfo.h \
	src/trace.c src/trace.h \
	src/tracee.c src/tracee.h
src_janus_SOURCES = src/janus.c
src_janus_LDADD = src/libjanussup.la src/libjanusdecode.la arch/libjanusarch.la
include src/decode.mk
include src/canon.mk
# Objects that include arch.h need the generated tables first.
$(src_janus_OBJECTS) $(src_libjanussup_la_OBJECTS): $(ARCH_GEN_H)
