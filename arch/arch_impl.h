/* arch_impl.h - what the files of arch/ share and nobody else needs.
 *
 * Each arch/<abi>/regs.c defines one struct janus_arch; arch.c lists
 * them.  sc_id_names[] is generated from syscalls.list.
 */
#ifndef JANUS_ARCH_IMPL_H
#define JANUS_ARCH_IMPL_H

#include "arch.h"

extern const char *const sc_id_names[SC_COUNT];

extern const struct janus_arch arch_x86_64;
extern const struct janus_arch arch_i386;
extern const struct janus_arch arch_aarch64;

#endif
