/* decode_priv.h - what the decoder's files share; not for other modules.
 *
 * Conventions of the renderers:
 *  - every read of tracee memory is bounded, and a read that fails shows
 *    the address in hex, as strace does;
 *  - an argument rendered as empty text is omitted from the output
 *    (open's mode without O_CREAT, fcntl's argument for F_GETFD);
 *  - at entry an output argument may leave scratch text for its exit
 *    rendering in its argtext (the input value of accept's *addrlen).
 */
#ifndef JANUS_DECODE_PRIV_H
#define JANUS_DECODE_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "decode.h"

#define DECODE_STR_CAP 32	/* bytes of a string or buffer shown (strace -s 32) */
#define DECODE_ARRAY_CAP 32	/* elements of an array shown */
#define DECODE_PATH_MAX 4096	/* PATH_MAX: longest path read */

/* One argument's view of the call being rendered. */
struct arg_ctx {
	const struct janus_arch *arch;	/* may be NULL: then 64-bit */
	const struct sc_desc *sc;	/* NULL: unknown number */
	const uint64_t *args;		/* the six raw arguments of the entry */
	const struct strbuf *scratch;	/* argtext[6] of the record */
	mem_read_fn read;
	void *read_ctx;
	bool exiting;
	int64_t retval;			/* sign-extended; valid when exiting */
};

/* decode_args.c */
unsigned decode_nargs(const struct sc_desc *sc);
unsigned decode_wordsize(const struct janus_arch *arch);
uint64_t decode_word(const struct arg_ctx *ax, uint64_t v);	/* zero-extended word */
bool decode_is_error(int64_t retval);
/* Renders argument i for the phase ax->exiting into sb.  Returns true when
 * the text is final; false when the argument is an output still to come. */
bool decode_arg(struct strbuf *sb, const struct arg_ctx *ax, unsigned i);
void decode_put_ptr(struct strbuf *sb, uint64_t addr);	/* NULL or 0x... */
/* Quoted string at addr, at most cap bytes shown; the address on failure. */
void decode_put_str(struct strbuf *sb, const struct arg_ctx *ax, uint64_t addr, size_t cap);
/* Quoted len bytes at addr, at most DECODE_STR_CAP shown. */
void decode_put_buf(struct strbuf *sb, const struct arg_ctx *ax, uint64_t addr, uint64_t len);

/* decode_mem.c: reads that never ask the reader to cross a page, so one
 * unmapped page does not hide the readable bytes before it. */
/* Bytes read into buf (0..len), or -errno when none could be read. */
long decode_read(const struct arg_ctx *ax, uint64_t addr, void *buf, size_t len);
/* Reads exactly len bytes; 0 or -EFAULT. */
int decode_read_full(const struct arg_ctx *ax, uint64_t addr, void *buf, size_t len);
/* One pointer-sized word of the tracee's ABI; 0 or -EFAULT. */
int decode_read_word(const struct arg_ctx *ax, uint64_t addr, uint64_t *out);
/* NUL-terminated string: up to max bytes into buf.  Returns 0 with *len
 * the bytes read and *terminated telling whether the NUL was among them
 * (it is not counted), or -EFAULT when the string could be read neither
 * to its NUL nor to max bytes. */
int decode_read_cstr(const struct arg_ctx *ax, uint64_t addr, char *buf, size_t max,
		     size_t *len, bool *terminated);

/* decode_sockaddr.c */
/* Renders len bytes of a struct sockaddr (len as the caller gave it). */
void decode_sockaddr_bytes(struct strbuf *sb, const void *data, size_t len);
/* Reads and renders the sockaddr at addr of length len. */
void decode_put_sockaddr(struct strbuf *sb, const struct arg_ctx *ax, uint64_t addr, uint64_t len);

/* decode_msghdr.c: struct msghdr at addr; data_limit bounds the bytes of
 * iov_base shown in total (a recvmsg result), or -1 for iov_len alone;
 * namelen_in is msg_namelen as it was at entry (recvmsg), or -1. */
void decode_put_msghdr(struct strbuf *sb, const struct arg_ctx *ax, uint64_t addr,
		       int64_t data_limit, int64_t namelen_in);
/* msg_namelen of the struct msghdr at addr; 0 or -EFAULT. */
int decode_msghdr_namelen(const struct arg_ctx *ax, uint64_t addr, uint32_t *namelen);

#endif
