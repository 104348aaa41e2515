/* prefilter.c - the seccomp prefilter (see prefilter.h). */
#include "config.h"

#include <errno.h>
#include <seccomp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <linux/seccomp.h>

#include "fdpass.h"
#include "prefilter.h"

#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000	/* Linux 4.17 */
#endif

bool prefilter_watched(enum sc_id id)
{
	switch (id) {
	/* Scratch memory (judge.c touches_scratch). */
	case SC_mmap: case SC_mmap2: case SC_munmap: case SC_mprotect:
	case SC_pkey_mprotect: case SC_mremap: case SC_madvise:
	case SC_remap_file_pages: case SC_mseal: case SC_shmat:
	/* New tasks (CLONE_UNTRACED, clone3's flags in memory). */
	case SC_clone: case SC_clone3: case SC_fork: case SC_vfork:
	/* Filters with listeners; exec starts the command's own life. */
	case SC_seccomp: case SC_execve: case SC_execveat:
	/* READ_IMPLIES_EXEC (judge.c reads_as_exec). */
	case SC_personality:
		return true;
	default:
		return false;
	}
}

/* Calls janus turns a program's call into (open -> openat2, the mmap of
 * a scratch region, ...).  After a seccomp stop the kernel runs the
 * filters again on the changed call, so these must never fail inside
 * the filter, whatever the policy says of them when a program makes
 * them itself: they stay traced (a re-checked RET_TRACE is allowed). */
static bool rewrite_target(enum sc_id id)
{
	switch (id) {
	case SC_openat2: case SC_openat: case SC_close: case SC_sendmsg:
	case SC_mmap: case SC_mmap2:
		return true;
	default:
		return false;
	}
}

/* The libseccomp architecture of a janus ABI; 0: none. */
static uint32_t scmp_arch_of(const struct janus_arch *a)
{
	switch (a->abi) {
	case JANUS_ABI_X86_64: return SCMP_ARCH_X86_64;
	case JANUS_ABI_I386: return SCMP_ARCH_X86;
	case JANUS_ABI_AARCH64: return SCMP_ARCH_AARCH64;
	default: return 0;
	}
}

/* What the kernel may answer for (a, nr) without stopping; false: trace. */
static bool static_action(const struct policy *pol, bool quiet, const struct janus_arch *a,
			  uint64_t nr, uint32_t *act)
{
	const struct sc_desc *sc = arch_syscall(a, nr);
	if (!sc || prefilter_watched(sc->id) || fdpass_watched(pol, sc->id) ||
	    policy_needs(pol, a, nr))
		return false;
	struct sc_event ev = { .arch = a, .nr = nr, .id = SC_COUNT };
	struct verdict v;
	policy_eval(pol, &ev, &v);
	if (v.log)
		return false;
	if (v.action == VERDICT_ALLOW) {
		*act = SCMP_ACT_ALLOW;
		return true;
	}
	if (v.action == VERDICT_DENY && quiet && v.err > 0 && v.err < 4096 &&
	    !rewrite_target(sc->id)) {
		*act = SCMP_ACT_ERRNO((uint32_t)v.err);
		return true;
	}
	return false;
}

/* mmap without MAP_FIXED cannot land on a scratch region: allowed in the
 * kernel when the policy allows mmap at all, but, where paths are
 * checked, not with PROT_EXEC of a file (exec on it is checked:
 * policy/access.c exec_mapping).  (i386's old mmap takes its arguments
 * in memory: traced.) */
static int add_mmap(scmp_filter_ctx ctx, const struct policy *pol, const struct janus_arch *a,
		    int snr, enum sc_id id)
{
	if (id != SC_mmap2 && !(id == SC_mmap && a->wordsize == 8))
		return 0;
	long nr = arch_syscall_nr_by_id(a, id);
	if (nr < 0)
		return 0;
	unsigned need = policy_needs(pol, a, (uint64_t)nr);
	if (need & ~(POLICY_NEED_PATHS | POLICY_NEED_ARGS))
		return 0;
	struct sc_event ev = { .arch = a, .nr = (uint64_t)nr, .id = SC_COUNT };
	struct verdict v;
	policy_eval(pol, &ev, &v);
	if (v.action != VERDICT_ALLOW || v.log)
		return 0;
	if (!need)
		return seccomp_rule_add(ctx, SCMP_ACT_ALLOW, snr, 1,
					SCMP_A3(SCMP_CMP_MASKED_EQ, MAP_FIXED | MAP_FIXED_NOREPLACE, 0));
	int r = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, snr, 2,
				 SCMP_A3(SCMP_CMP_MASKED_EQ, MAP_FIXED | MAP_FIXED_NOREPLACE, 0),
				 SCMP_A2(SCMP_CMP_MASKED_EQ, PROT_EXEC, 0));
	if (r == 0)
		r = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, snr, 1,
				     SCMP_A3(SCMP_CMP_MASKED_EQ,
					     MAP_FIXED | MAP_FIXED_NOREPLACE | MAP_ANONYMOUS,
					     MAP_ANONYMOUS));
	return r;
}

/* A context for one ABI only, every rule named through libseccomp's own
 * table and kept only when its number agrees with janus's. */
static int build_one(const struct policy *pol, bool quiet, const struct janus_arch *a,
		     scmp_filter_ctx *out, struct prefilter *pf)
{
	uint32_t sarch = scmp_arch_of(a);
	scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_TRACE(0));
	if (!ctx)
		return -ENOMEM;
	int r = 0;
	if (seccomp_arch_native() != sarch) {
		r = seccomp_arch_add(ctx, sarch);
		if (r == 0)
			r = seccomp_arch_remove(ctx, SCMP_ARCH_NATIVE);
	}
	if (r == 0)
		r = seccomp_attr_set(ctx, SCMP_FLTATR_ACT_BADARCH, SCMP_ACT_TRACE(0));
	if (r == 0)
		r = seccomp_attr_set(ctx, SCMP_FLTATR_CTL_NNP, 0);
	if (r == 0)
		r = seccomp_attr_set(ctx, SCMP_FLTATR_CTL_OPTIMIZE, 2);
	for (uint64_t nr = 0; r == 0 && nr < a->nr_count; nr++) {
		const struct sc_desc *sc = arch_syscall(a, nr);
		if (!sc)
			continue;
		int snr = seccomp_syscall_resolve_name(sc->name);
		if (snr == __NR_SCMP_ERROR ||
		    seccomp_syscall_resolve_name_arch(sarch, sc->name) != (int)nr)
			continue;	/* libseccomp does not know it so: traced */
		uint32_t act;
		if (static_action(pol, quiet, a, nr, &act)) {
			r = seccomp_rule_add(ctx, act, snr, 0);
			if (act == SCMP_ACT_ALLOW)
				pf->n_allow++;
			else
				pf->n_errno++;
		} else {
			r = add_mmap(ctx, pol, a, snr, sc->id);
		}
	}
	if (r < 0) {
		seccomp_release(ctx);
		return r;
	}
	*out = ctx;
	return 0;
}

/* libseccomp 2.5 exports to a file descriptor only. */
static int export_bpf(scmp_filter_ctx ctx, struct prefilter *pf)
{
	int fd = memfd_create("janus-prefilter", MFD_CLOEXEC);
	if (fd < 0)
		return -errno;
	int r = seccomp_export_bpf(ctx, fd);
	struct stat st;
	if (r == 0 && fstat(fd, &st) < 0)
		r = -errno;
	if (r == 0 && (st.st_size <= 0 || st.st_size % (off_t)sizeof(struct sock_filter) ||
		       st.st_size / (off_t)sizeof(struct sock_filter) > BPF_MAXINSNS))
		r = -E2BIG;
	if (r == 0 && !(pf->code = malloc((size_t)st.st_size)))
		r = -ENOMEM;
	if (r == 0 && pread(fd, pf->code, (size_t)st.st_size, 0) != st.st_size)
		r = -EIO;
	if (r == 0)
		pf->len = (unsigned short)(st.st_size / (off_t)sizeof(struct sock_filter));
	close(fd);
	return r;
}

int prefilter_build(const struct policy *pol, bool quiet, struct prefilter *pf)
{
	memset(pf, 0, sizeof *pf);
	const struct janus_arch *native = arch_native();
	const struct janus_arch *abis[2] = { native, NULL };
	if (native->abi == JANUS_ABI_X86_64)
		abis[1] = arch_by_abi(JANUS_ABI_I386);
	scmp_filter_ctx all = NULL;
	int r = 0;
	for (int i = 0; r == 0 && i < 2 && abis[i]; i++) {
		if (!scmp_arch_of(abis[i]))
			continue;
		scmp_filter_ctx one;
		r = build_one(pol, quiet, abis[i], &one, pf);
		if (r == 0 && all) {
			r = seccomp_merge(all, one);	/* releases `one` on success */
			if (r < 0)
				seccomp_release(one);
		} else if (r == 0) {
			all = one;
		}
	}
	if (r == 0 && !all)
		r = -ENOSYS;
	if (r == 0)
		r = export_bpf(all, pf);
	if (all)
		seccomp_release(all);
	if (r < 0)
		prefilter_free(pf);
	return r;
}

int prefilter_install(const struct prefilter *pf)
{
	struct sock_fprog prog = { pf->len, pf->code };
	if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) < 0)
		return -errno;
	return 0;
}

void prefilter_free(struct prefilter *pf)
{
	free(pf->code);
	memset(pf, 0, sizeof *pf);
}
