# policy/ build fragment: the policy language and engine, a ptrace-free
# convenience library (see policy/policy.h and janus-policy(5)).

noinst_LTLIBRARIES += policy/libjanuspolicy.la

policy_libjanuspolicy_la_SOURCES = \
	policy/policy.h \
	policy/access.c policy/access.h \
	policy/addr.c policy/addr.h \
	policy/arena.c policy/arena.h \
	policy/ast.h \
	policy/calls.c policy/calls.h \
	policy/compile.c policy/compiled.h \
	policy/diag.c policy/diag.h \
	policy/dump.c \
	policy/eval.c \
	policy/fstrie.c policy/fstrie.h \
	policy/glob.c policy/glob.h \
	policy/groups.c policy/groups.h \
	policy/lex.c policy/lex.h \
	policy/load.c \
	policy/mutable.c \
	policy/names.c policy/names.h \
	policy/names_errno.c \
	policy/names_fcntl.c \
	policy/names_ioctl.c \
	policy/names_net.c \
	policy/parse.c

# Generated in the build tree: the @groups from policy/groups.list, and the
# built-in default policy from policy/policies/default.policy.
POLICY_GEN_C = policy/gen/groups.c policy/gen/default_policy.c
nodist_policy_libjanuspolicy_la_SOURCES = $(POLICY_GEN_C)
CLEANFILES += $(POLICY_GEN_C)
$(policy_libjanuspolicy_la_OBJECTS): $(ARCH_GEN_H)

# Write to a temporary file: a failed run must not leave output behind.
policy_gen_out = > $@-t && mv -f $@-t $@ || { rm -f $@-t; exit 1; }

policy/gen/groups.c: $(srcdir)/policy/groups.list $(srcdir)/policy/gen-groups.awk
	$(AM_V_GEN)$(MKDIR_P) policy/gen && LC_ALL=C $(AWK) -f $(srcdir)/policy/gen-groups.awk \
		$(srcdir)/policy/groups.list $(policy_gen_out)
policy/gen/default_policy.c: $(srcdir)/policy/policies/default.policy $(srcdir)/policy/embed.awk
	$(AM_V_GEN)$(MKDIR_P) policy/gen && LC_ALL=C $(AWK) -v var=policy_default_text \
		-f $(srcdir)/policy/embed.awk $(srcdir)/policy/policies/default.policy $(policy_gen_out)

# Shipped policies: $(pkgdatadir)/policies.
policiesdir = $(pkgdatadir)/policies
dist_policies_DATA = \
	policy/policies/allow-all.policy \
	policy/policies/default.policy
policyexamplesdir = $(pkgdatadir)/policies/examples
dist_policyexamples_DATA = \
	policy/policies/examples/shell-scratch.policy \
	policy/policies/examples/net-client.policy \
	policy/policies/examples/loopback-server.policy

EXTRA_DIST += \
	policy/groups.list \
	policy/gen-groups.awk \
	policy/embed.awk
