/* xlat_mm.c - names of memory-mapping constants (<sys/mman.h>). */
#include "config.h"

#include <inttypes.h>
#include <sys/mman.h>

#include "xlat.h"

static const struct xlat prot_flags[] = {
	XLAT(PROT_READ), XLAT(PROT_WRITE), XLAT(PROT_EXEC),
	XLAT(PROT_GROWSDOWN), XLAT(PROT_GROWSUP),
#ifdef PROT_BTI
	XLAT(PROT_BTI),
#endif
#ifdef PROT_MTE
	XLAT(PROT_MTE),
#endif
	XLAT_END
};

void xlat_put_prot(struct strbuf *sb, uint64_t prot)
{
	xlat_put_flags(sb, prot_flags, prot & 0xffffffffu, "PROT_NONE");
}

static const struct xlat map_types[] = {
	XLAT(MAP_SHARED), XLAT(MAP_PRIVATE), XLAT(MAP_SHARED_VALIDATE),
	XLAT_END
};

static const struct xlat map_flags[] = {
	XLAT(MAP_FIXED), XLAT(MAP_ANONYMOUS),
#ifdef MAP_32BIT
	XLAT(MAP_32BIT),
#endif
	XLAT(MAP_GROWSDOWN), XLAT(MAP_DENYWRITE), XLAT(MAP_EXECUTABLE),
	XLAT(MAP_LOCKED), XLAT(MAP_NORESERVE), XLAT(MAP_POPULATE),
	XLAT(MAP_NONBLOCK), XLAT(MAP_STACK), XLAT(MAP_HUGETLB), XLAT(MAP_SYNC),
	XLAT(MAP_FIXED_NOREPLACE),
#ifdef MAP_UNINITIALIZED
	XLAT(MAP_UNINITIALIZED),
#endif
	XLAT_END
};

void xlat_put_mmap_flags(struct strbuf *sb, uint64_t flags)
{
	flags &= 0xffffffffu;
	xlat_put_val(sb, map_types, flags & MAP_TYPE, "MAP_???");
	flags &= ~(uint64_t)MAP_TYPE;
	/* With MAP_HUGETLB, bits 26..31 are log2 of the huge page size. */
	uint64_t huge = (flags >> MAP_HUGE_SHIFT) & MAP_HUGE_MASK;
	flags &= ~((uint64_t)MAP_HUGE_MASK << MAP_HUGE_SHIFT);
	if (flags) {
		sb_putc(sb, '|');
		xlat_put_flags(sb, map_flags, flags, NULL);
	}
	if (huge)
		sb_printf(sb, "|%" PRIu64 "<<MAP_HUGE_SHIFT", huge);
}
