# test/escape/escape-m32.mk: the escape programs built -m32, so that every
# call they make goes through the i386 entry (make check-i386,
# test/vm/vm.mk; run-escape.sh --abi i386 runs $ESCAPE_BIN/m32/PROGRAM).
# Each is built from the same source, with the same defines and flags as
# its 64-bit build plus -m32, linked with an -m32 archive of the shared
# sources (esc-tool stays 64-bit: it is the driver's, outside the jail).
#
# escape_m32_programs: the programs; escape_i386_tests: the attacks that
# apply through i386.  Left out:
#   e0801 (syscall numbers): the i386 entry takes all 32 bits of eax, as
#     the tracer sees them; no spelling of open gets through natively.
#   e0802 (x32), e0803 (int $0x80 from 64-bit code), e0804 (-m32 open):
#     already through another ABI.

if HAVE_M32
check_LIBRARIES = test/escape/libescape-m32.a
test_escape_libescape_m32_a_SOURCES = test/escape/escape.c test/escape/escape.h \
	test/escape/esc-unix.c test/escape/esc-swap.c test/escape/esc-sibling.c
test_escape_libescape_m32_a_CFLAGS = $(escape_cflags) -m32

escape_m32_programs = \
	test/escape/m32/e0101-toctou-open \
	test/escape/m32/e0102-toctou-connect-unix \
	test/escape/m32/e0103-toctou-connect-inet \
	test/escape/m32/e0104-toctou-vm-writev \
	test/escape/m32/e0105-toctou-proc-mem \
	test/escape/m32/e0106-toctou-shared-map \
	test/escape/m32/e0107-toctou-sendmsg \
	test/escape/m32/e0108-toctou-unix-cwd \
	test/escape/m32/e0109-clone-vm-scratch \
	test/escape/m32/e0110-toctou-sendmsg-unix-cwd \
	test/escape/m32/e0201-symlink-race \
	test/escape/m32/e0202-rename-race \
	test/escape/m32/e0203-cwd-race \
	test/escape/m32/e0204-rename-ancestor \
	test/escape/m32/e0205-component-swap-link \
	test/escape/m32/e0206-exec-symlink-race \
	test/escape/m32/e0207-unix-socket-swap \
	test/escape/m32/e0208-sendmsg-socket-swap \
	test/escape/m32/e0209-reopen-fd-swap \
	test/escape/m32/e0210-fd-swap-fchmod \
	test/escape/m32/e0211-stat-swap \
	test/escape/m32/e0301-open-paths \
	test/escape/m32/e0302-openat-dirfd \
	test/escape/m32/e0303-openat2 \
	test/escape/m32/e0304-write-secret \
	test/escape/m32/e0305-open-by-handle \
	test/escape/m32/e0306-exec-aliases \
	test/escape/m32/e0307-send-aliases \
	test/escape/m32/e0308-tcp-fastopen \
	test/escape/m32/e0309-v4mapped \
	test/escape/m32/e0310-abstract-unix \
	test/escape/m32/e0311-file-aliases \
	test/escape/m32/e0312-create-outside \
	test/escape/m32/e0501-io-uring \
	test/escape/m32/e0502-clone-untraced \
	test/escape/m32/e0503-seccomp-user-notif \
	test/escape/m32/e0504-seccomp-ret-trace \
	test/escape/m32/e0505-userfaultfd \
	test/escape/m32/e0506-bpf-pin \
	test/escape/m32/e0507-perf-sigtrap \
	test/escape/m32/e0508-ptrace-sibling \
	test/escape/m32/e0509-vm-writev-sibling \
	test/escape/m32/e0510-personality \
	test/escape/m32/e0511-pidfd-getfd \
	test/escape/m32/e0512-clone3-flag-flip \
	test/escape/m32/e0513-admin-side-doors \
	test/escape/m32/e0514-mprotect-remap-race \
	test/escape/m32/e0515-read-implies-exec \
	test/escape/m32/e0601-kill-supervisor \
	test/escape/m32/e0602-signal-canary \
	test/escape/m32/e0603-kill-proc-scan \
	test/escape/m32/e0604-kill-minus-one \
	test/escape/m32/e0605-fsetown-sigio \
	test/escape/m32/e0606-tiocsti \
	test/escape/m32/e0607-scm-rights \
	test/escape/m32/e0608-scm-rights-recv \
	test/escape/m32/e0609-raw-socket \
	test/escape/m32/e0610-packet-socket \
	test/escape/m32/e0611-bind-low-port \
	test/escape/m32/e0612-scm-rights-race \
	test/escape/m32/e0701-scratch-area \
	test/escape/m32/e0901-fork-storm \
	test/escape/m32/e0902-huge-args \
	test/escape/m32/e1001-setuid-exec

# Every attack of escape.mk but those left out above (e0313 runs
# e0306-exec-aliases; e0701..e0704 run e0701-scratch-area).
escape_i386_tests = $(filter-out \
	test/escape/e0801-syscall-numbers.esc test/escape/e0802-x32-open.esc \
	test/escape/e0803-int80-open.esc test/escape/e0804-m32-open.esc, \
	$(escape_tests))

# One rule for all: the 64-bit build's compile and link flags (see
# escape.mk), plus -m32.
test/escape/m32/%: test/escape/%.c test/escape/escape.h test/escape/libescape-m32.a
	@$(MKDIR_P) test/escape/m32
	$(AM_V_CCLD)$(CC) $(DEFS) $(DEFAULT_INCLUDES) $(INCLUDES) $(AM_CPPFLAGS) $(CPPFLAGS) \
		$(escape_cflags) -m32 $(CFLAGS) $(escape_ldflags) -m32 $(LDFLAGS) \
		-o $@ $< test/escape/libescape-m32.a

CLEANFILES += $(escape_m32_programs)
else
escape_m32_programs =
escape_i386_tests =
endif
