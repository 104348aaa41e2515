# arch/ build fragment: the per-ABI tables and register layouts, as the
# convenience library arch/libjanusarch.la.

noinst_LTLIBRARIES += arch/libjanusarch.la

arch_libjanusarch_la_SOURCES = \
	arch/arch.h \
	arch/argkind.h \
	arch/arch_impl.h \
	arch/arch.c \
	arch/regs.c \
	arch/x86_64/user_regs.h \
	arch/x86_64/regs.c \
	arch/i386/user_regs.h \
	arch/i386/regs.c \
	arch/aarch64/user_regs.h \
	arch/aarch64/regs.c

# Tables generated from text by arch/gen-tables.awk (see its header).
ARCH_GEN_H = \
	arch/gen/sc_ids.h \
	arch/gen/x86_64_table.h \
	arch/gen/i386_table.h \
	arch/gen/aarch64_table.h
ARCH_GEN_C = \
	arch/gen/sc_names.c \
	arch/gen/x86_64_table.c \
	arch/gen/i386_table.c \
	arch/gen/aarch64_table.c

nodist_arch_libjanusarch_la_SOURCES = $(ARCH_GEN_H) $(ARCH_GEN_C)
BUILT_SOURCES += $(ARCH_GEN_H) $(ARCH_GEN_C)
CLEANFILES += $(ARCH_GEN_H) $(ARCH_GEN_C)

# BUILT_SOURCES only precede `all' and `check'; these lines also order
# an explicit `make arch/libjanusarch.la'.  Other folders whose objects
# include arch.h can do the same: $(foo_OBJECTS): $(ARCH_GEN_H)
$(arch_libjanusarch_la_OBJECTS): $(ARCH_GEN_H)

ARCH_GEN_AWK = $(srcdir)/arch/gen-tables.awk
ARCH_GEN_IN = $(srcdir)/arch/argkind.h $(srcdir)/arch/syscalls.list
ARCH_GEN_DEPS = $(ARCH_GEN_AWK) $(ARCH_GEN_IN)
# Write to a temporary file: a failed run must not leave a table behind.
arch_gen = $(AM_V_GEN)$(MKDIR_P) arch/gen && LC_ALL=C $(AWK)
arch_gen_out = > $@-t && mv -f $@-t $@ || { rm -f $@-t; exit 1; }

arch/gen/sc_ids.h: $(ARCH_GEN_DEPS)
	$(arch_gen) -v mode=ids -f $(ARCH_GEN_AWK) $(ARCH_GEN_IN) $(arch_gen_out)
arch/gen/sc_names.c: $(ARCH_GEN_DEPS)
	$(arch_gen) -v mode=names -f $(ARCH_GEN_AWK) $(ARCH_GEN_IN) $(arch_gen_out)

arch/gen/x86_64_table.h: $(ARCH_GEN_DEPS) $(srcdir)/arch/x86_64/syscalls.tbl
	$(arch_gen) -v mode=header -v abi=x86_64 -f $(ARCH_GEN_AWK) $(ARCH_GEN_IN) $(srcdir)/arch/x86_64/syscalls.tbl $(arch_gen_out)
arch/gen/x86_64_table.c: $(ARCH_GEN_DEPS) $(srcdir)/arch/x86_64/syscalls.tbl
	$(arch_gen) -v mode=table -v abi=x86_64 -f $(ARCH_GEN_AWK) $(ARCH_GEN_IN) $(srcdir)/arch/x86_64/syscalls.tbl $(arch_gen_out)

arch/gen/i386_table.h: $(ARCH_GEN_DEPS) $(srcdir)/arch/i386/syscalls.tbl
	$(arch_gen) -v mode=header -v abi=i386 -f $(ARCH_GEN_AWK) $(ARCH_GEN_IN) $(srcdir)/arch/i386/syscalls.tbl $(arch_gen_out)
arch/gen/i386_table.c: $(ARCH_GEN_DEPS) $(srcdir)/arch/i386/syscalls.tbl
	$(arch_gen) -v mode=table -v abi=i386 -f $(ARCH_GEN_AWK) $(ARCH_GEN_IN) $(srcdir)/arch/i386/syscalls.tbl $(arch_gen_out)

arch/gen/aarch64_table.h: $(ARCH_GEN_DEPS) $(srcdir)/arch/aarch64/syscalls.tbl
	$(arch_gen) -v mode=header -v abi=aarch64 -f $(ARCH_GEN_AWK) $(ARCH_GEN_IN) $(srcdir)/arch/aarch64/syscalls.tbl $(arch_gen_out)
arch/gen/aarch64_table.c: $(ARCH_GEN_DEPS) $(srcdir)/arch/aarch64/syscalls.tbl
	$(arch_gen) -v mode=table -v abi=aarch64 -f $(ARCH_GEN_AWK) $(ARCH_GEN_IN) $(srcdir)/arch/aarch64/syscalls.tbl $(arch_gen_out)

EXTRA_DIST += \
	arch/gen-tables.awk \
	arch/syscalls.list \
	arch/x86_64/syscalls.tbl \
	arch/i386/syscalls.tbl \
	arch/aarch64/syscalls.tbl
