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
	test/escape/m32/e0701-scratch-area \
	test/escape/m32/e0901-fork-storm \
	test/escape/m32/e0902-huge-args \
	test/escape/m32/e1001-setuid-exec

# e0313 runs e0306-exec-aliases; e0701..e0704 run e0701-scratch-area.
escape_i386_tests = \
	test/escape/e0101-toctou-open.esc \
	test/escape/e0102-toctou-connect-unix.esc \
	test/escape/e0103-toctou-connect-inet.esc \
	test/escape/e0104-toctou-vm-writev.esc \
	test/escape/e0105-toctou-proc-mem.esc \
	test/escape/e0106-toctou-shared-map.esc \
	test/escape/e0107-toctou-sendmsg.esc \
	test/escape/e0108-toctou-unix-cwd.esc \
	test/escape/e0109-clone-vm-scratch.esc \
	test/escape/e0110-toctou-sendmsg-unix-cwd.esc \
	test/escape/e0201-symlink-race.esc \
	test/escape/e0202-rename-race.esc \
	test/escape/e0203-cwd-race.esc \
	test/escape/e0204-rename-ancestor.esc \
	test/escape/e0205-component-swap-link.esc \
	test/escape/e0206-exec-symlink-race.esc \
	test/escape/e0207-unix-socket-swap.esc \
	test/escape/e0208-sendmsg-socket-swap.esc \
	test/escape/e0209-reopen-fd-swap.esc \
	test/escape/e0210-fd-swap-fchmod.esc \
	test/escape/e0301-open-paths.esc \
	test/escape/e0302-openat-dirfd.esc \
	test/escape/e0303-openat2.esc \
	test/escape/e0304-write-secret.esc \
	test/escape/e0305-open-by-handle.esc \
	test/escape/e0306-exec-aliases.esc \
	test/escape/e0307-send-aliases.esc \
	test/escape/e0308-tcp-fastopen.esc \
	test/escape/e0309-v4mapped.esc \
	test/escape/e0310-abstract-unix.esc \
	test/escape/e0311-file-aliases.esc \
	test/escape/e0312-create-outside.esc \
	test/escape/e0313-exec-jail-file.esc \
	test/escape/e0501-io-uring.esc \
	test/escape/e0502-clone-untraced.esc \
	test/escape/e0503-seccomp-user-notif.esc \
	test/escape/e0504-seccomp-ret-trace.esc \
	test/escape/e0505-userfaultfd.esc \
	test/escape/e0506-bpf-pin.esc \
	test/escape/e0507-perf-sigtrap.esc \
	test/escape/e0508-ptrace-sibling.esc \
	test/escape/e0509-vm-writev-sibling.esc \
	test/escape/e0510-personality.esc \
	test/escape/e0511-pidfd-getfd.esc \
	test/escape/e0512-clone3-flag-flip.esc \
	test/escape/e0513-admin-side-doors.esc \
	test/escape/e0514-mprotect-remap-race.esc \
	test/escape/e0515-read-implies-exec.esc \
	test/escape/e0601-kill-supervisor.esc \
	test/escape/e0602-signal-canary.esc \
	test/escape/e0603-kill-proc-scan.esc \
	test/escape/e0604-kill-minus-one.esc \
	test/escape/e0605-fsetown-sigio.esc \
	test/escape/e0606-tiocsti.esc \
	test/escape/e0607-scm-rights.esc \
	test/escape/e0608-scm-rights-recv.esc \
	test/escape/e0609-raw-socket.esc \
	test/escape/e0610-packet-socket.esc \
	test/escape/e0611-bind-low-port.esc \
	test/escape/e0701-scratch-mprotect.esc \
	test/escape/e0702-scratch-munmap.esc \
	test/escape/e0703-scratch-mremap.esc \
	test/escape/e0704-scratch-map-fixed.esc \
	test/escape/e0901-fork-storm.esc \
	test/escape/e0902-huge-args.esc \
	test/escape/e1001-setuid-exec.esc

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
