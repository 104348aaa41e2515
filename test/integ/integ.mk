# test/integ build fragment: shell tests of the supervisor run by automake's
# parallel harness, and the small programs they run (test/helpers).
# Helpers are built without sanitizers (their own CFLAGS/LDFLAGS replace
# AM_CFLAGS/AM_LDFLAGS) so they behave the same in every build.

TEST_EXTENSIONS = .sh
SH_LOG_COMPILER = $(SHELL) $(srcdir)/test/run.sh
AM_TESTS_ENVIRONMENT = \
	JANUS='$(abs_top_builddir)/src/janus'; export JANUS; \
	HELPERS='$(abs_top_builddir)/test/helpers'; export HELPERS; \
	SRCDIR='$(abs_top_srcdir)'; export SRCDIR;

integ_tests = \
	test/integ/t0001-exit-status.sh \
	test/integ/t0002-cli-errors.sh \
	test/integ/t0101-threads.sh \
	test/integ/t0102-thread-exec.sh \
	test/integ/t0103-vfork-spawn.sh \
	test/integ/t0104-fork-storm.sh \
	test/integ/t0105-orphans.sh \
	test/integ/t0201-job-control.sh \
	test/integ/t0202-job-control-bash.sh \
	test/integ/t0203-signal-count.sh \
	test/integ/t0204-signal-forward.sh \
	test/integ/t0301-i386-int80.sh \
	test/integ/t0302-i386-program.sh \
	test/integ/t0303-unknown-syscalls.sh \
	test/integ/t0304-i386-unknown-syscalls.sh \
	test/integ/t0401-fail-closed.sh \
	test/integ/t0501-strace-compare.sh \
	test/integ/t0502-trace-output.sh \
	test/integ/t0601-user-nnp.sh \
	test/integ/t0701-prefilter.sh \
	test/integ/t0702-prefilter-exit-stop.sh
TESTS += $(integ_tests)
EXTRA_DIST += $(integ_tests) test/run.sh test/lib/init.sh test/helpers/signame.h

integ_cflags = $(WARN_CFLAGS) -O2
integ_ldflags =

# Ordinary 64-bit helpers, each built from its default source (automake's
# PROGRAM.c); per-program flags, since AM_CFLAGS and AM_LDFLAGS are the
# whole tree's (see escape.mk).
check_PROGRAMS += \
	test/helpers/abi-probe \
	test/helpers/crash \
	test/helpers/exec-map \
	test/helpers/file-io \
	test/helpers/fork-storm \
	test/helpers/jobctl-driver \
	test/helpers/mprotect-threads \
	test/helpers/orphan \
	test/helpers/sig-count \
	test/helpers/sig-driver \
	test/helpers/spinners \
	test/helpers/stop-self \
	test/helpers/unknown-nr \
	test/helpers/vfork-spawn \
	test/helpers/wait-sig
test_helpers_abi_probe_CFLAGS = $(integ_cflags)
test_helpers_abi_probe_LDFLAGS = $(integ_ldflags)
test_helpers_crash_CFLAGS = $(integ_cflags)
test_helpers_crash_LDFLAGS = $(integ_ldflags)
test_helpers_exec_map_CFLAGS = $(integ_cflags)
test_helpers_exec_map_LDFLAGS = $(integ_ldflags)
test_helpers_mprotect_threads_CFLAGS = $(integ_cflags) -pthread
test_helpers_mprotect_threads_LDFLAGS = $(integ_ldflags) -pthread
test_helpers_file_io_CFLAGS = $(integ_cflags)
test_helpers_file_io_LDFLAGS = $(integ_ldflags)
test_helpers_fork_storm_CFLAGS = $(integ_cflags)
test_helpers_fork_storm_LDFLAGS = $(integ_ldflags)
test_helpers_jobctl_driver_CFLAGS = $(integ_cflags)
test_helpers_jobctl_driver_LDFLAGS = $(integ_ldflags)
test_helpers_orphan_CFLAGS = $(integ_cflags)
test_helpers_orphan_LDFLAGS = $(integ_ldflags)
test_helpers_sig_count_CFLAGS = $(integ_cflags)
test_helpers_sig_count_LDFLAGS = $(integ_ldflags)
test_helpers_sig_driver_CFLAGS = $(integ_cflags)
test_helpers_sig_driver_LDFLAGS = $(integ_ldflags)
test_helpers_spinners_CFLAGS = $(integ_cflags)
test_helpers_spinners_LDFLAGS = $(integ_ldflags)
test_helpers_stop_self_CFLAGS = $(integ_cflags)
test_helpers_stop_self_LDFLAGS = $(integ_ldflags)
test_helpers_unknown_nr_CFLAGS = $(integ_cflags)
test_helpers_unknown_nr_LDFLAGS = $(integ_ldflags)
test_helpers_vfork_spawn_CFLAGS = $(integ_cflags)
test_helpers_vfork_spawn_LDFLAGS = $(integ_ldflags)
test_helpers_wait_sig_CFLAGS = $(integ_cflags)
test_helpers_wait_sig_LDFLAGS = $(integ_ldflags)

# Threaded helpers.
check_PROGRAMS += test/helpers/threads test/helpers/thread-exec
test_helpers_threads_CFLAGS = $(integ_cflags) -pthread
test_helpers_threads_LDFLAGS = $(integ_ldflags) -pthread
test_helpers_thread_exec_CFLAGS = $(integ_cflags) -pthread
test_helpers_thread_exec_LDFLAGS = $(integ_ldflags) -pthread

# Static, so that strace and janus see no dynamic loader (t0501).
# -all-static is libtool's spelling of a fully static link.
check_PROGRAMS += test/helpers/det-calls
test_helpers_det_calls_CFLAGS = $(integ_cflags)
test_helpers_det_calls_LDFLAGS = $(integ_ldflags) -all-static

# int $0x80 from a 64-bit program exists only on x86_64.
if HOST_X86_64
check_PROGRAMS += test/helpers/int80
test_helpers_int80_CFLAGS = $(integ_cflags)
test_helpers_int80_LDFLAGS = $(integ_ldflags)
endif

# i386 builds of some helpers; without a -m32 toolchain the tests that
# need them report SKIP and say why.
if HAVE_M32
check_PROGRAMS += test/helpers/abi-probe-m32 test/helpers/file-io-m32 test/helpers/unknown-nr-m32
test_helpers_abi_probe_m32_SOURCES = test/helpers/abi-probe.c
test_helpers_abi_probe_m32_CFLAGS = $(integ_cflags) -m32
test_helpers_abi_probe_m32_LDFLAGS = $(integ_ldflags) -m32
test_helpers_file_io_m32_SOURCES = test/helpers/file-io.c
test_helpers_file_io_m32_CFLAGS = $(integ_cflags) -m32
test_helpers_file_io_m32_LDFLAGS = $(integ_ldflags) -m32
test_helpers_unknown_nr_m32_SOURCES = test/helpers/unknown-nr.c
test_helpers_unknown_nr_m32_CFLAGS = $(integ_cflags) -m32
test_helpers_unknown_nr_m32_LDFLAGS = $(integ_ldflags) -m32
endif

# Pinned path calls and exec checks (src/pinfd.c, src/execcheck.c).
integ_tests += test/integ/t1901-pin-fs.sh test/integ/t1902-pin-unix.sh test/integ/t1903-pin-exec.sh test/integ/t1904-pin-guard.sh \
	test/integ/t1905-reopen-held.sh \
	test/integ/t1906-pin-look.sh
check_PROGRAMS += test/helpers/pin-calls
test_helpers_pin_calls_CFLAGS = $(integ_cflags) -pthread
test_helpers_pin_calls_LDFLAGS = $(integ_ldflags) -pthread
