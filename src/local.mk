# src/ build fragment: the supervisor and its CLI.
bin_PROGRAMS += src/janus
noinst_LTLIBRARIES += src/libjanussup.la
src_libjanussup_la_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/policy
src_libjanussup_la_SOURCES = \
	src/cli.c src/cli.h \
	src/creds.c src/creds.h \
	src/jobctl.c src/jobctl.h \
	src/inject.c src/inject.h \
	src/judge.c src/judge.h \
	src/launch.c src/launch.h \
	src/log.c src/log.h \
	src/mem.c src/mem.h \
	src/procfs.c src/procfs.h \
	src/grow.c src/grow.h \
	src/members.c src/members.h \
	src/regset_io.c src/regset_io.h \
	src/report.c src/report.h \
	src/scratch.c src/scratch.h \
	src/subcall.c src/subcall.h \
	src/supervisor.c src/supervisor.h \
	src/sysedit.c src/sysedit.h src/ptrace_compat.h \
	src/sysinfo.c src/sysinfo.h \
	src/trace.c src/trace.h \
	src/tmpdir.c src/tmpdir.h \
	src/tracee.c src/tracee.h
# Pinning checked arguments: plans, nested layouts, exit-stop work.
src_libjanussup_la_SOURCES += src/copy_plan.c src/copy_plan.h \
	src/clone_args.c src/clone_args.h src/pin_exit.c src/pin_exit.h
# Pinned directories for path calls; exec ran what was checked.
src_libjanussup_la_SOURCES += src/pinfd.c src/pinfd_guard.c src/pinfd.h src/pinfd_guard.h src/reopen.c src/reopen.h \
	src/execcheck.c src/execcheck.h
# Code mapped from files is judged as exec, its address space held still.
src_libjanussup_la_SOURCES += src/mapped.c src/mapped.h src/mmfreeze.c src/mmfreeze.h
# The seccomp prefilter (libseccomp builds it).
src_libjanussup_la_SOURCES += src/prefilter.c src/prefilter.h
# Side doors: descriptors passed in, the process limit.
src_libjanussup_la_SOURCES += src/fdpass.c src/fdpass.h src/fdpass_recv.c src/fdpass_recv.h src/proclimit.c src/proclimit.h
src_libjanussup_la_CPPFLAGS += $(SECCOMP_CFLAGS)
src_janus_SOURCES = src/janus.c
src_janus_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/policy
src_janus_LDADD = src/libjanussup.la src/libjanuscanon.la src/libjanusdecode.la policy/libjanuspolicy.la arch/libjanusarch.la \
	$(SECCOMP_LIBS)
include src/decode.mk
include src/canon.mk
# Objects that include arch.h need the generated tables first.
$(src_janus_OBJECTS) $(src_libjanussup_la_OBJECTS): $(ARCH_GEN_H)

# The shipped allow-all policy, built in as `-p allow-all'.
nodist_src_janus_SOURCES = src/gen/allow_all.c
CLEANFILES += src/gen/allow_all.c
src/gen/allow_all.c: $(srcdir)/policy/policies/allow-all.policy $(srcdir)/policy/embed.awk
	$(AM_V_GEN)$(MKDIR_P) src/gen && LC_ALL=C $(AWK) -v var=janus_allow_all_text \
		-f $(srcdir)/policy/embed.awk $(srcdir)/policy/policies/allow-all.policy > $@-t && mv -f $@-t $@
