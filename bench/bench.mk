# bench/ build fragment: `make bench` measures janus's overhead against
# native runs and strace (bench/README.md).  It is not part of `make all`
# or `make check`: the programs are EXTRA_PROGRAMS, built only when `bench`
# needs them.  They are built without sanitizers (their own CFLAGS/LDFLAGS
# replace AM_CFLAGS/AM_LDFLAGS): they are the yardstick, not the subject.
#
#   make bench                          every workload, 5 interleaved runs
#   make bench BENCH_RUNS=9             more runs
#   make bench BENCH_ONLY=getpid-loop   some workloads (comma or space separated)
#   make bench BENCH_VARIANTS=janus-default   some variants (native always runs)
#   make bench BENCH_BASELINE=/old/janus      before/after: adds base-* columns

bench_programs = \
	bench/timeit \
	bench/workloads/getpid-loop \
	bench/workloads/file-loop \
	bench/workloads/spawn-loop \
	bench/workloads/cpu-loop
EXTRA_PROGRAMS += $(bench_programs)
CLEANFILES += $(EXTRA_PROGRAMS)

bench_cflags = $(WARN_CFLAGS) -O2
bench_ldflags =
bench_timeit_SOURCES = bench/timeit.c
bench_timeit_CFLAGS = $(bench_cflags)
bench_timeit_LDFLAGS = $(bench_ldflags)
bench_workloads_getpid_loop_SOURCES = bench/workloads/getpid-loop.c
bench_workloads_getpid_loop_CFLAGS = $(bench_cflags)
bench_workloads_getpid_loop_LDFLAGS = $(bench_ldflags)
bench_workloads_file_loop_SOURCES = bench/workloads/file-loop.c
bench_workloads_file_loop_CFLAGS = $(bench_cflags)
bench_workloads_file_loop_LDFLAGS = $(bench_ldflags)
bench_workloads_spawn_loop_SOURCES = bench/workloads/spawn-loop.c
bench_workloads_spawn_loop_CFLAGS = $(bench_cflags)
bench_workloads_spawn_loop_LDFLAGS = $(bench_ldflags)
bench_workloads_cpu_loop_SOURCES = bench/workloads/cpu-loop.c
bench_workloads_cpu_loop_CFLAGS = $(bench_cflags)
bench_workloads_cpu_loop_LDFLAGS = $(bench_ldflags)

EXTRA_DIST += \
	bench/README.md \
	bench/run-bench.sh \
	bench/default-exec.policy

.PHONY: bench
bench: src/janus$(EXEEXT) bench/timeit$(EXEEXT) \
		bench/workloads/getpid-loop$(EXEEXT) bench/workloads/file-loop$(EXEEXT) \
		bench/workloads/spawn-loop$(EXEEXT) bench/workloads/cpu-loop$(EXEEXT)
	$(AM_V_at)JANUS='$(abs_top_builddir)/src/janus$(EXEEXT)' \
	BENCH_BIN='$(abs_top_builddir)/bench' \
	BENCH_SRCDIR='$(abs_top_srcdir)/bench' \
	BENCH_CC='$(CC)' \
	BENCH_RUNS='$(BENCH_RUNS)' \
	BENCH_ONLY='$(BENCH_ONLY)' \
	BENCH_VARIANTS='$(BENCH_VARIANTS)' \
	BENCH_BASELINE='$(BENCH_BASELINE)' \
	$(SHELL) $(srcdir)/bench/run-bench.sh
