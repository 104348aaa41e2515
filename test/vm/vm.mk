# test/vm: a qemu VM with Debian's kernel, for the tests of ABIs (i386, x32)
# that the host kernel cannot run (see test/lib/vm.sh).

EXTRA_DIST += test/vm/fetch-kernel.sh test/vm/vm-run.sh test/vm/init test/lib/vm.sh

# Fetches the kernel (needs apt-get and the network); contrib/bootstrap.sh
# runs it on x86_64.
vm-kernel:
	$(SHELL) $(srcdir)/test/vm/fetch-kernel.sh test/vm/kernel

# Runs a command in the VM, e.g. make vm-run CMD='sh -c "uname -r"'
vm-run:
	JANUS_VM_KERNEL='$(abs_top_builddir)/test/vm/kernel' \
	$(SHELL) $(srcdir)/test/vm/vm-run.sh --share '$(abs_top_srcdir)' \
		--share '$(abs_top_builddir)' -- $(CMD)

distclean-local: clean-vm-kernel
clean-vm-kernel:
	rm -rf test/vm/kernel

.PHONY: vm-kernel vm-run clean-vm-kernel

# The escape suite through the i386 ABI (escape_i386_tests, test/escape),
# in one VM where this kernel runs no i386 programs (about half an hour
# there).
EXTRA_DIST += test/vm/check-abi.sh
check-i386: $(check_PROGRAMS) $(escape_m32_programs)
	JANUS='$(abs_top_builddir)/src/janus' HELPERS='$(abs_top_builddir)/test/helpers' \
	SRCDIR='$(abs_top_srcdir)' ESCAPE_BIN='$(abs_top_builddir)/test/escape' \
	JANUS_VM_KERNEL='$(abs_top_builddir)/test/vm/kernel' \
	$(SHELL) $(srcdir)/test/vm/check-abi.sh i386 \
		$(escape_i386_tests:%=$(abs_top_srcdir)/%)
.PHONY: check-i386
