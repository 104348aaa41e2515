/* arch.c - the registry of ABIs and the syscall-table lookups.
 *
 * Lookups are linear scans where they go by name: they serve policy
 * compilation and the CLI, not the per-syscall path, which indexes
 * a->table by number through arch_syscall().
 */
#include "config.h"

#include <string.h>

#include "arch_impl.h"

static const struct janus_arch *const registry[JANUS_ABI_COUNT] = {
	[JANUS_ABI_X86_64] = &arch_x86_64,
	[JANUS_ABI_I386] = &arch_i386,
	[JANUS_ABI_AARCH64] = &arch_aarch64,
};

/* Other spellings users and tools (uname -m, Debian, Go) use. */
static const struct {
	const char *alias;
	enum janus_abi abi;
} aliases[] = {
	{ "amd64", JANUS_ABI_X86_64 },
	{ "x86", JANUS_ABI_I386 },
	{ "i686", JANUS_ABI_I386 },
	{ "arm64", JANUS_ABI_AARCH64 },
};

const struct janus_arch *arch_by_abi(enum janus_abi abi)
{
	if ((unsigned)abi >= JANUS_ABI_COUNT)
		return NULL;
	return registry[abi];
}

const struct janus_arch *arch_by_audit(uint32_t audit_arch)
{
	for (unsigned i = 0; i < JANUS_ABI_COUNT; i++)
		if (registry[i]->audit_arch == audit_arch)
			return registry[i];
	return NULL;
}

const struct janus_arch *arch_by_name(const char *name)
{
	if (!name)
		return NULL;
	for (unsigned i = 0; i < JANUS_ABI_COUNT; i++)
		if (strcmp(registry[i]->name, name) == 0)
			return registry[i];
	for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
		if (strcmp(aliases[i].alias, name) == 0)
			return registry[aliases[i].abi];
	return NULL;
}

/* The ABI janus itself is built for: the one a plain fork+exec of a
 * native binary produces. */
const struct janus_arch *arch_native(void)
{
#if defined(__x86_64__)
	return &arch_x86_64;
#elif defined(__aarch64__)
	return &arch_aarch64;
#else
# error "janus supports x86_64 and aarch64 hosts"
#endif
}

const struct sc_desc *arch_syscall(const struct janus_arch *a, uint64_t nr)
{
	/* Compare in 64 bits: a cast to a narrower index first would let
	 * 2^32 + 1 alias number 1. */
	if (!a || nr >= (uint64_t)a->nr_count)
		return NULL;
	if (!a->table[nr].name)
		return NULL;
	return &a->table[nr];
}

long arch_syscall_nr(const struct janus_arch *a, const char *name)
{
	if (!a || !name)
		return -1;
	for (uint32_t nr = 0; nr < a->nr_count; nr++)
		if (a->table[nr].name && strcmp(a->table[nr].name, name) == 0)
			return (long)nr;
	return -1;
}

long arch_syscall_nr_by_id(const struct janus_arch *a, enum sc_id id)
{
	if (!a || (unsigned)id >= SC_COUNT)
		return -1;
	for (uint32_t nr = 0; nr < a->nr_count; nr++)
		if (a->table[nr].name && a->table[nr].id == id)
			return (long)nr;
	return -1;
}

const char *sc_id_name(enum sc_id id)
{
	if ((unsigned)id >= SC_COUNT)
		return NULL;
	return sc_id_names[id];
}

enum sc_id sc_id_by_name(const char *name)
{
	if (!name)
		return SC_COUNT;
	for (unsigned id = 0; id < SC_COUNT; id++)
		if (strcmp(sc_id_names[id], name) == 0)
			return (enum sc_id)id;
	return SC_COUNT;
}
