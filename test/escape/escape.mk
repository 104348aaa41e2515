# test/escape build fragment: the escape suite.  Each attack on a ptrace
# sandbox is one program, test/escape/eNNNN-name.c, and one test,
# eNNNN-name.esc, which run-escape.sh runs natively (the attack must get
# through) and under janus with the default policy (it must not), judging
# both from outside.  esc-tool is the driver's own helper (listeners,
# canary, pseudo-terminal).  Like test/helpers, the programs are built
# without sanitizers (their own CFLAGS/LDFLAGS replace AM_CFLAGS and
# AM_LDFLAGS), so that they behave the same in every build.
#
# Run one:   make check TESTS=test/escape/e0101-toctou-open.esc
# The table: make escape-table  (or run-escape.sh --all by hand, see there)

TEST_EXTENSIONS += .esc
ESC_LOG_COMPILER = env ESCAPE_BIN='$(abs_top_builddir)/test/escape' \
	$(SHELL) $(srcdir)/test/run.sh $(srcdir)/test/escape/run-escape.sh

escape_tests = \
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
	test/escape/e0211-stat-swap.esc \
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
	test/escape/e0612-scm-rights-race.esc \
	test/escape/e0701-scratch-mprotect.esc \
	test/escape/e0702-scratch-munmap.esc \
	test/escape/e0703-scratch-mremap.esc \
	test/escape/e0704-scratch-map-fixed.esc \
	test/escape/e0801-syscall-numbers.esc \
	test/escape/e0802-x32-open.esc \
	test/escape/e0803-int80-open.esc \
	test/escape/e0804-m32-open.esc \
	test/escape/e0901-fork-storm.esc \
	test/escape/e0902-huge-args.esc \
	test/escape/e1001-setuid-exec.esc
TESTS += $(escape_tests)

# Attacks janus does not contain yet.  Each stays here, with what janus
# lacks, until janus contains it (automake then reports XPASS: move it out).
# (e0108, e0205, e0206 and e0207 are contained by the pinned directories
# and the exec check of doc/races.md, section 2.)
# (e0110: sendmsg's AF_UNIX msg_name is given as its canonical path.)
# (e0208: sendmsg's AF_UNIX msg_name is pinned inside the msghdr's copy.)
# (e0313: mmap/mprotect with PROT_EXEC of a file are judged as exec.)

EXTRA_DIST += $(escape_tests) test/escape/run-escape.sh test/escape/scratch.sh \
	test/escape/README.md \
	test/escape/escape.h test/escape/esc-tool.h

escape_cflags = $(WARN_CFLAGS) -O2 -pthread
escape_ldflags = -pthread

check_LTLIBRARIES += test/escape/libescape.la
test_escape_libescape_la_SOURCES = test/escape/escape.c test/escape/escape.h
test_escape_libescape_la_SOURCES += test/escape/esc-unix.c test/escape/esc-swap.c test/escape/esc-sibling.c
test_escape_libescape_la_CFLAGS = $(escape_cflags)

check_PROGRAMS += test/escape/esc-tool
test_escape_esc_tool_SOURCES = test/escape/esc-tool.c test/escape/esc-tool.h \
	test/escape/esc-listen.c test/escape/esc-pty.c test/escape/esc-proc.c \
	test/escape/esc-files.c
test_escape_esc_tool_CFLAGS = $(escape_cflags)
test_escape_esc_tool_LDFLAGS = $(escape_ldflags)
test_escape_esc_tool_LDADD = test/escape/libescape.la

# The attack programs, each built from its default source (automake's
# PROGRAM.c: test/escape/eNNNN-name.c).  Their flags cannot be given once
# for all: in this non-recursive build AM_CFLAGS, AM_LDFLAGS (sanitizers)
# and a plain LDADD would reach every program of the tree.
check_PROGRAMS += test/escape/e0101-toctou-open
test_escape_e0101_toctou_open_CFLAGS = $(escape_cflags)
test_escape_e0101_toctou_open_LDFLAGS = $(escape_ldflags)
test_escape_e0101_toctou_open_LDADD = test/escape/libescape.la
check_PROGRAMS += test/escape/e0102-toctou-connect-unix
test_escape_e0102_toctou_connect_unix_CFLAGS = $(escape_cflags)
test_escape_e0102_toctou_connect_unix_LDFLAGS = $(escape_ldflags)
test_escape_e0102_toctou_connect_unix_LDADD = test/escape/libescape.la
check_PROGRAMS += test/escape/e0103-toctou-connect-inet
test_escape_e0103_toctou_connect_inet_CFLAGS = $(escape_cflags)
test_escape_e0103_toctou_connect_inet_LDFLAGS = $(escape_ldflags)
test_escape_e0103_toctou_connect_inet_LDADD = test/escape/libescape.la
check_PROGRAMS += test/escape/e0104-toctou-vm-writev
test_escape_e0104_toctou_vm_writev_CFLAGS = $(escape_cflags)
test_escape_e0104_toctou_vm_writev_LDFLAGS = $(escape_ldflags)
test_escape_e0104_toctou_vm_writev_LDADD = test/escape/libescape.la
check_PROGRAMS += test/escape/e0105-toctou-proc-mem
test_escape_e0105_toctou_proc_mem_CFLAGS = $(escape_cflags)
test_escape_e0105_toctou_proc_mem_LDFLAGS = $(escape_ldflags)
test_escape_e0105_toctou_proc_mem_LDADD = test/escape/libescape.la
check_PROGRAMS += test/escape/e0106-toctou-shared-map
test_escape_e0106_toctou_shared_map_CFLAGS = $(escape_cflags)
test_escape_e0106_toctou_shared_map_LDFLAGS = $(escape_ldflags)
test_escape_e0106_toctou_shared_map_LDADD = test/escape/libescape.la
check_PROGRAMS += test/escape/e0107-toctou-sendmsg
test_escape_e0107_toctou_sendmsg_CFLAGS = $(escape_cflags)
test_escape_e0107_toctou_sendmsg_LDFLAGS = $(escape_ldflags)
test_escape_e0107_toctou_sendmsg_LDADD = test/escape/libescape.la
check_PROGRAMS += test/escape/e0108-toctou-unix-cwd
test_escape_e0108_toctou_unix_cwd_CFLAGS = $(escape_cflags)
test_escape_e0108_toctou_unix_cwd_LDFLAGS = $(escape_ldflags)
test_escape_e0108_toctou_unix_cwd_LDADD = test/escape/libescape.la
check_PROGRAMS += test/escape/e0109-clone-vm-scratch
test_escape_e0109_clone_vm_scratch_CFLAGS = $(escape_cflags)
test_escape_e0109_clone_vm_scratch_LDFLAGS = $(escape_ldflags)
test_escape_e0109_clone_vm_scratch_LDADD = test/escape/libescape.la
check_PROGRAMS += test/escape/e0110-toctou-sendmsg-unix-cwd
test_escape_e0110_toctou_sendmsg_unix_cwd_CFLAGS = $(escape_cflags)
test_escape_e0110_toctou_sendmsg_unix_cwd_LDFLAGS = $(escape_ldflags)
test_escape_e0110_toctou_sendmsg_unix_cwd_LDADD = test/escape/libescape.la
check_PROGRAMS += test/escape/e0201-symlink-race
test_escape_e0201_symlink_race_CFLAGS = $(escape_cflags)
test_escape_e0201_symlink_race_LDFLAGS = $(escape_ldflags)
test_escape_e0201_symlink_race_LDADD = test/escape/libescape.la
check_PROGRAMS += test/escape/e0202-rename-race
test_escape_e0202_rename_race_CFLAGS = $(escape_cflags)
test_escape_e0202_rename_race_LDFLAGS = $(escape_ldflags)
test_escape_e0202_rename_race_LDADD = test/escape/libescape.la
check_PROGRAMS += test/escape/e0203-cwd-race
test_escape_e0203_cwd_race_CFLAGS = $(escape_cflags)
test_escape_e0203_cwd_race_LDFLAGS = $(escape_ldflags)
test_escape_e0203_cwd_race_LDADD = test/escape/libescape.la
check_PROGRAMS += test/escape/e0204-rename-ancestor
test_escape_e0204_rename_ancestor_CFLAGS = $(escape_cflags)
test_escape_e0204_rename_ancestor_LDFLAGS = $(escape_ldflags)
test_escape_e0204_rename_ancestor_LDADD = test/escape/libescape.la
check_PROGRAMS += test/escape/e0205-component-swap-link
test_escape_e0205_component_swap_link_CFLAGS = $(escape_cflags)
test_escape_e0205_component_swap_link_LDFLAGS = $(escape_ldflags)
test_escape_e0205_component_swap_link_LDADD = test/escape/libescape.la
check_PROGRAMS += test/escape/e0206-exec-symlink-race
test_escape_e0206_exec_symlink_race_CFLAGS = $(escape_cflags)
test_escape_e0206_exec_symlink_race_LDFLAGS = $(escape_ldflags)
test_escape_e0206_exec_symlink_race_LDADD = test/escape/libescape.la
check_PROGRAMS += test/escape/e0209-reopen-fd-swap
test_escape_e0209_reopen_fd_swap_CFLAGS = $(escape_cflags)
test_escape_e0209_reopen_fd_swap_LDFLAGS = $(escape_ldflags)
test_escape_e0209_reopen_fd_swap_LDADD = test/escape/libescape.la
check_PROGRAMS += test/escape/e0210-fd-swap-fchmod
test_escape_e0210_fd_swap_fchmod_CFLAGS = $(escape_cflags)
test_escape_e0210_fd_swap_fchmod_LDFLAGS = $(escape_ldflags)
test_escape_e0210_fd_swap_fchmod_LDADD = test/escape/libescape.la
check_PROGRAMS += test/escape/e0211-stat-swap
test_escape_e0211_stat_swap_CFLAGS = $(escape_cflags)
test_escape_e0211_stat_swap_LDFLAGS = $(escape_ldflags)
test_escape_e0211_stat_swap_LDADD = test/escape/libescape.la

check_PROGRAMS += test/escape/e0208-sendmsg-socket-swap
test_escape_e0208_sendmsg_socket_swap_CFLAGS = $(escape_cflags)
test_escape_e0208_sendmsg_socket_swap_LDFLAGS = $(escape_ldflags)
test_escape_e0208_sendmsg_socket_swap_LDADD = test/escape/libescape.la

check_PROGRAMS += test/escape/e0207-unix-socket-swap
test_escape_e0207_unix_socket_swap_CFLAGS = $(escape_cflags)
test_escape_e0207_unix_socket_swap_LDFLAGS = $(escape_ldflags)
test_escape_e0207_unix_socket_swap_LDADD = test/escape/libescape.la
check_PROGRAMS += test/escape/e0301-open-paths
test_escape_e0301_open_paths_CFLAGS = $(escape_cflags)
test_escape_e0301_open_paths_LDFLAGS = $(escape_ldflags)
test_escape_e0301_open_paths_LDADD = test/escape/libescape.la
check_PROGRAMS += test/escape/e0302-openat-dirfd
test_escape_e0302_openat_dirfd_CFLAGS = $(escape_cflags)
test_escape_e0302_openat_dirfd_LDFLAGS = $(escape_ldflags)
test_escape_e0302_openat_dirfd_LDADD = test/escape/libescape.la
check_PROGRAMS += test/escape/e0303-openat2
test_escape_e0303_openat2_CFLAGS = $(escape_cflags)
test_escape_e0303_openat2_LDFLAGS = $(escape_ldflags)
test_escape_e0303_openat2_LDADD = test/escape/libescape.la
check_PROGRAMS += test/escape/e0304-write-secret
test_escape_e0304_write_secret_CFLAGS = $(escape_cflags)
test_escape_e0304_write_secret_LDFLAGS = $(escape_ldflags)
test_escape_e0304_write_secret_LDADD = test/escape/libescape.la
check_PROGRAMS += test/escape/e0305-open-by-handle
test_escape_e0305_open_by_handle_CFLAGS = $(escape_cflags)
test_escape_e0305_open_by_handle_LDFLAGS = $(escape_ldflags)
test_escape_e0305_open_by_handle_LDADD = test/escape/libescape.la
check_PROGRAMS += test/escape/e0306-exec-aliases
test_escape_e0306_exec_aliases_CFLAGS = $(escape_cflags)
test_escape_e0306_exec_aliases_LDFLAGS = $(escape_ldflags)
test_escape_e0306_exec_aliases_LDADD = test/escape/libescape.la
check_PROGRAMS += test/escape/e0307-send-aliases
test_escape_e0307_send_aliases_CFLAGS = $(escape_cflags)
test_escape_e0307_send_aliases_LDFLAGS = $(escape_ldflags)
test_escape_e0307_send_aliases_LDADD = test/escape/libescape.la
check_PROGRAMS += test/escape/e0308-tcp-fastopen
test_escape_e0308_tcp_fastopen_CFLAGS = $(escape_cflags)
test_escape_e0308_tcp_fastopen_LDFLAGS = $(escape_ldflags)
test_escape_e0308_tcp_fastopen_LDADD = test/escape/libescape.la
check_PROGRAMS += test/escape/e0309-v4mapped
test_escape_e0309_v4mapped_CFLAGS = $(escape_cflags)
test_escape_e0309_v4mapped_LDFLAGS = $(escape_ldflags)
test_escape_e0309_v4mapped_LDADD = test/escape/libescape.la
check_PROGRAMS += test/escape/e0310-abstract-unix
test_escape_e0310_abstract_unix_CFLAGS = $(escape_cflags)
test_escape_e0310_abstract_unix_LDFLAGS = $(escape_ldflags)
test_escape_e0310_abstract_unix_LDADD = test/escape/libescape.la
check_PROGRAMS += test/escape/e0311-file-aliases
test_escape_e0311_file_aliases_CFLAGS = $(escape_cflags)
test_escape_e0311_file_aliases_LDFLAGS = $(escape_ldflags)
test_escape_e0311_file_aliases_LDADD = test/escape/libescape.la
check_PROGRAMS += test/escape/e0312-create-outside
test_escape_e0312_create_outside_CFLAGS = $(escape_cflags)
test_escape_e0312_create_outside_LDFLAGS = $(escape_ldflags)
test_escape_e0312_create_outside_LDADD = test/escape/libescape.la
check_PROGRAMS += test/escape/e0501-io-uring
test_escape_e0501_io_uring_CFLAGS = $(escape_cflags)
test_escape_e0501_io_uring_LDFLAGS = $(escape_ldflags)
test_escape_e0501_io_uring_LDADD = test/escape/libescape.la
check_PROGRAMS += test/escape/e0502-clone-untraced
test_escape_e0502_clone_untraced_CFLAGS = $(escape_cflags)
test_escape_e0502_clone_untraced_LDFLAGS = $(escape_ldflags)
test_escape_e0502_clone_untraced_LDADD = test/escape/libescape.la
check_PROGRAMS += test/escape/e0503-seccomp-user-notif
test_escape_e0503_seccomp_user_notif_CFLAGS = $(escape_cflags)
test_escape_e0503_seccomp_user_notif_LDFLAGS = $(escape_ldflags)
test_escape_e0503_seccomp_user_notif_LDADD = test/escape/libescape.la
check_PROGRAMS += test/escape/e0504-seccomp-ret-trace
test_escape_e0504_seccomp_ret_trace_CFLAGS = $(escape_cflags)
test_escape_e0504_seccomp_ret_trace_LDFLAGS = $(escape_ldflags)
test_escape_e0504_seccomp_ret_trace_LDADD = test/escape/libescape.la
check_PROGRAMS += test/escape/e0505-userfaultfd
test_escape_e0505_userfaultfd_CFLAGS = $(escape_cflags)
test_escape_e0505_userfaultfd_LDFLAGS = $(escape_ldflags)
test_escape_e0505_userfaultfd_LDADD = test/escape/libescape.la
check_PROGRAMS += test/escape/e0506-bpf-pin
test_escape_e0506_bpf_pin_CFLAGS = $(escape_cflags)
test_escape_e0506_bpf_pin_LDFLAGS = $(escape_ldflags)
test_escape_e0506_bpf_pin_LDADD = test/escape/libescape.la
check_PROGRAMS += test/escape/e0507-perf-sigtrap
test_escape_e0507_perf_sigtrap_CFLAGS = $(escape_cflags)
test_escape_e0507_perf_sigtrap_LDFLAGS = $(escape_ldflags)
test_escape_e0507_perf_sigtrap_LDADD = test/escape/libescape.la
check_PROGRAMS += test/escape/e0508-ptrace-sibling
test_escape_e0508_ptrace_sibling_CFLAGS = $(escape_cflags)
test_escape_e0508_ptrace_sibling_LDFLAGS = $(escape_ldflags)
test_escape_e0508_ptrace_sibling_LDADD = test/escape/libescape.la
check_PROGRAMS += test/escape/e0509-vm-writev-sibling
test_escape_e0509_vm_writev_sibling_CFLAGS = $(escape_cflags)
test_escape_e0509_vm_writev_sibling_LDFLAGS = $(escape_ldflags)
test_escape_e0509_vm_writev_sibling_LDADD = test/escape/libescape.la
check_PROGRAMS += test/escape/e0510-personality
test_escape_e0510_personality_CFLAGS = $(escape_cflags)
test_escape_e0510_personality_LDFLAGS = $(escape_ldflags)
test_escape_e0510_personality_LDADD = test/escape/libescape.la
check_PROGRAMS += test/escape/e0511-pidfd-getfd
test_escape_e0511_pidfd_getfd_CFLAGS = $(escape_cflags)
test_escape_e0511_pidfd_getfd_LDFLAGS = $(escape_ldflags)
test_escape_e0511_pidfd_getfd_LDADD = test/escape/libescape.la
check_PROGRAMS += test/escape/e0512-clone3-flag-flip
test_escape_e0512_clone3_flag_flip_CFLAGS = $(escape_cflags)
test_escape_e0512_clone3_flag_flip_LDFLAGS = $(escape_ldflags)
test_escape_e0512_clone3_flag_flip_LDADD = test/escape/libescape.la
check_PROGRAMS += test/escape/e0513-admin-side-doors
test_escape_e0513_admin_side_doors_SOURCES = test/escape/e0513-admin-side-doors.c
test_escape_e0513_admin_side_doors_CFLAGS = $(escape_cflags)
test_escape_e0513_admin_side_doors_LDFLAGS = $(escape_ldflags)
test_escape_e0513_admin_side_doors_LDADD = test/escape/libescape.la
check_PROGRAMS += test/escape/e0514-mprotect-remap-race
test_escape_e0514_mprotect_remap_race_CFLAGS = $(escape_cflags)
test_escape_e0514_mprotect_remap_race_LDFLAGS = $(escape_ldflags)
test_escape_e0514_mprotect_remap_race_LDADD = test/escape/libescape.la
check_PROGRAMS += test/escape/e0515-read-implies-exec
test_escape_e0515_read_implies_exec_CFLAGS = $(escape_cflags)
test_escape_e0515_read_implies_exec_LDFLAGS = $(escape_ldflags)
test_escape_e0515_read_implies_exec_LDADD = test/escape/libescape.la
check_PROGRAMS += test/escape/e0601-kill-supervisor
test_escape_e0601_kill_supervisor_CFLAGS = $(escape_cflags)
test_escape_e0601_kill_supervisor_LDFLAGS = $(escape_ldflags)
test_escape_e0601_kill_supervisor_LDADD = test/escape/libescape.la
check_PROGRAMS += test/escape/e0602-signal-canary
test_escape_e0602_signal_canary_CFLAGS = $(escape_cflags)
test_escape_e0602_signal_canary_LDFLAGS = $(escape_ldflags)
test_escape_e0602_signal_canary_LDADD = test/escape/libescape.la
check_PROGRAMS += test/escape/e0603-kill-proc-scan
test_escape_e0603_kill_proc_scan_CFLAGS = $(escape_cflags)
test_escape_e0603_kill_proc_scan_LDFLAGS = $(escape_ldflags)
test_escape_e0603_kill_proc_scan_LDADD = test/escape/libescape.la
check_PROGRAMS += test/escape/e0604-kill-minus-one
test_escape_e0604_kill_minus_one_CFLAGS = $(escape_cflags)
test_escape_e0604_kill_minus_one_LDFLAGS = $(escape_ldflags)
test_escape_e0604_kill_minus_one_LDADD = test/escape/libescape.la
check_PROGRAMS += test/escape/e0605-fsetown-sigio
test_escape_e0605_fsetown_sigio_CFLAGS = $(escape_cflags)
test_escape_e0605_fsetown_sigio_LDFLAGS = $(escape_ldflags)
test_escape_e0605_fsetown_sigio_LDADD = test/escape/libescape.la
check_PROGRAMS += test/escape/e0606-tiocsti
test_escape_e0606_tiocsti_CFLAGS = $(escape_cflags)
test_escape_e0606_tiocsti_LDFLAGS = $(escape_ldflags)
test_escape_e0606_tiocsti_LDADD = test/escape/libescape.la
check_PROGRAMS += test/escape/e0607-scm-rights
test_escape_e0607_scm_rights_CFLAGS = $(escape_cflags)
test_escape_e0607_scm_rights_LDFLAGS = $(escape_ldflags)
test_escape_e0607_scm_rights_LDADD = test/escape/libescape.la
check_PROGRAMS += test/escape/e0608-scm-rights-recv
test_escape_e0608_scm_rights_recv_CFLAGS = $(escape_cflags)
test_escape_e0608_scm_rights_recv_LDFLAGS = $(escape_ldflags)
test_escape_e0608_scm_rights_recv_LDADD = test/escape/libescape.la
check_PROGRAMS += test/escape/e0609-raw-socket
test_escape_e0609_raw_socket_CFLAGS = $(escape_cflags)
test_escape_e0609_raw_socket_LDFLAGS = $(escape_ldflags)
test_escape_e0609_raw_socket_LDADD = test/escape/libescape.la
check_PROGRAMS += test/escape/e0610-packet-socket
test_escape_e0610_packet_socket_CFLAGS = $(escape_cflags)
test_escape_e0610_packet_socket_LDFLAGS = $(escape_ldflags)
test_escape_e0610_packet_socket_LDADD = test/escape/libescape.la
check_PROGRAMS += test/escape/e0611-bind-low-port
test_escape_e0611_bind_low_port_CFLAGS = $(escape_cflags)
test_escape_e0611_bind_low_port_LDFLAGS = $(escape_ldflags)
test_escape_e0611_bind_low_port_LDADD = test/escape/libescape.la
check_PROGRAMS += test/escape/e0612-scm-rights-race
test_escape_e0612_scm_rights_race_CFLAGS = $(escape_cflags)
test_escape_e0612_scm_rights_race_LDFLAGS = $(escape_ldflags)
test_escape_e0612_scm_rights_race_LDADD = test/escape/libescape.la
check_PROGRAMS += test/escape/e0701-scratch-area
test_escape_e0701_scratch_area_CFLAGS = $(escape_cflags)
test_escape_e0701_scratch_area_LDFLAGS = $(escape_ldflags)
test_escape_e0701_scratch_area_LDADD = test/escape/libescape.la
check_PROGRAMS += test/escape/e0801-syscall-numbers
test_escape_e0801_syscall_numbers_CFLAGS = $(escape_cflags)
test_escape_e0801_syscall_numbers_LDFLAGS = $(escape_ldflags)
test_escape_e0801_syscall_numbers_LDADD = test/escape/libescape.la
check_PROGRAMS += test/escape/e0802-x32-open
test_escape_e0802_x32_open_CFLAGS = $(escape_cflags)
test_escape_e0802_x32_open_LDFLAGS = $(escape_ldflags)
test_escape_e0802_x32_open_LDADD = test/escape/libescape.la
check_PROGRAMS += test/escape/e0803-int80-open
test_escape_e0803_int80_open_CFLAGS = $(escape_cflags)
test_escape_e0803_int80_open_LDFLAGS = $(escape_ldflags)
test_escape_e0803_int80_open_LDADD = test/escape/libescape.la
check_PROGRAMS += test/escape/e0901-fork-storm
test_escape_e0901_fork_storm_CFLAGS = $(escape_cflags)
test_escape_e0901_fork_storm_LDFLAGS = $(escape_ldflags)
test_escape_e0901_fork_storm_LDADD = test/escape/libescape.la
check_PROGRAMS += test/escape/e0902-huge-args
test_escape_e0902_huge_args_CFLAGS = $(escape_cflags)
test_escape_e0902_huge_args_LDFLAGS = $(escape_ldflags)
test_escape_e0902_huge_args_LDADD = test/escape/libescape.la
check_PROGRAMS += test/escape/e1001-setuid-exec
test_escape_e1001_setuid_exec_CFLAGS = $(escape_cflags)
test_escape_e1001_setuid_exec_LDFLAGS = $(escape_ldflags)
test_escape_e1001_setuid_exec_LDADD = test/escape/libescape.la

# An i386 program: only with a -m32 toolchain (the test says why it skips).
if HAVE_M32
check_PROGRAMS += test/escape/e0804-m32-open
test_escape_e0804_m32_open_SOURCES = test/escape/e0804-m32-open.c test/escape/escape.c
test_escape_e0804_m32_open_CFLAGS = $(escape_cflags) -m32
test_escape_e0804_m32_open_LDFLAGS = $(escape_ldflags) -m32
else
EXTRA_DIST += test/escape/e0804-m32-open.c
endif

# The results as one table: attack | native | under janus.
escape-table: $(check_PROGRAMS) src/janus
	JANUS='$(abs_top_builddir)/src/janus' HELPERS='$(abs_top_builddir)/test/helpers' \
	SRCDIR='$(abs_top_srcdir)' ESCAPE_BIN='$(abs_top_builddir)/test/escape' \
	$(SHELL) $(srcdir)/test/escape/run-escape.sh --all
.PHONY: escape-table

# The same attacks built -m32, for the escape suite through i386 (make
# check-i386, test/vm/vm.mk): escape_m32_programs, escape_i386_tests.
include test/escape/escape-m32.mk
