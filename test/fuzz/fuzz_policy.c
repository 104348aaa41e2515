/* fuzz_policy.c - bounded, deterministic fuzzing of the policy loader.
 *
 * Mutates a seed corpus (the shipped policies and test/fuzz/corpus/) with
 * a fixed-seed PRNG and loads each result.  The loader must never crash
 * (a crash fails the test; run it under --enable-sanitizers for leaks
 * and undefined behaviour), and must either load the text -- then the
 * policy is evaluated, dumped and freed -- or fail with a diagnostic
 * that starts "NAME:LINE:COL: " and agrees with the struct's fields.
 *
 * Environment: FUZZ_ITERATIONS (default 20000), FUZZ_SEED (default fixed).
 * On a failure the offending input is written to stderr.
 */
#include "config.h"

#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "policy/policy.h"

#ifndef POLICY_SRCDIR
#define POLICY_SRCDIR "."
#endif

struct input {
	char *text;
	size_t len;
};

static struct input *corpus;
static size_t ncorpus;
static char *current;		/* the input being loaded, for crash reports */
static size_t current_len;

static uint64_t rng_state;

static uint64_t rnd(void)
{
	/* xorshift64* */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545F4914F6CDD1Dull;
}

static size_t below(size_t n)
{
	return n ? (size_t)(rnd() % n) : 0;
}

static void add_file(const char *path)
{
	FILE *f = fopen(path, "r");
	char buf[65536];
	size_t n;

	if (!f) {
		fprintf(stderr, "fuzz_policy: cannot read %s\n", path);
		exit(99);
	}
	n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	corpus = realloc(corpus, (ncorpus + 1) * sizeof(*corpus));
	if (!corpus)
		exit(99);
	corpus[ncorpus].text = malloc(n + 1);
	if (!corpus[ncorpus].text)
		exit(99);
	memcpy(corpus[ncorpus].text, buf, n);
	corpus[ncorpus].text[n] = '\0';
	corpus[ncorpus].len = n;
	ncorpus++;
}

static void add_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[4096];

	if (!d) {
		fprintf(stderr, "fuzz_policy: cannot open %s\n", dir);
		exit(99);
	}
	while ((e = readdir(d))) {
		size_t n = strlen(e->d_name);

		if (n > 7 && strcmp(e->d_name + n - 7, ".policy") == 0) {
			snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
			add_file(path);
		}
	}
	closedir(d);
}

/* Tokens of the language and edge cases, spliced in by the mutator. */
static const char *const dict[] = {
	"allow", "deny", "kill", "log", "syscall", "fs", "socket", "connect", "bind", "ioctl",
	"fcntl", "sockopt", "cmsg", "signal", "include", "set", "default", "errno", "EPERM",
	"port", "any", "unix", "abstract", "family", "jail", "@io", "@file", "/**", "/*", "**",
	"$HOME", "${CWD}", "$TMPDIR", "$JAIL", "$", "${", "\"", "\\", "\\\n", "#", ",", ":",
	"=", "[", "]", "[!", "?", "0x", "-", "/", "//", "/..", "/.", "10.0.0.0/8",
	"[::ffff:1.2.3.4]/120", "[fe80::]/10", "0-65535", "65536", "SOL_SOCKET:", "SO_DEBUG",
	"IPPROTO_IP:any", "TCGETS", "F_SETOWN", "SCM_RIGHTS", "rw,exec", "mknod-fifo", "\n",
	"\t", " ", "\r\n", "\x01", "\xff", "include \"fuzz.policy\"\n",
};

static void insert(char **buf, size_t *len, size_t *cap, size_t at, const char *s, size_t n)
{
	if (*len + n + 1 > *cap) {
		*cap = (*len + n + 1) * 2;
		*buf = realloc(*buf, *cap);
		if (!*buf)
			exit(99);
	}
	memmove(*buf + at + n, *buf + at, *len - at);
	memcpy(*buf + at, s, n);
	*len += n;
}

static void mutate(char **buf, size_t *len, size_t *cap)
{
	unsigned rounds = 1 + (unsigned)below(4);

	for (unsigned r = 0; r < rounds; r++) {
		size_t at = below(*len + 1);

		switch (below(7)) {
		case 0:		/* flip a byte */
			if (*len)
				(*buf)[below(*len)] ^= (char)(1u << below(8));
			break;
		case 1: {	/* a random byte */
			char c = (char)below(256);

			insert(buf, len, cap, at, &c, 1);
			break;
		}
		case 2: {	/* delete a range */
			size_t n = below(*len - at + 1);

			if (n > 64)
				n = below(64);
			memmove(*buf + at, *buf + at + n, *len - at - n);
			*len -= n;
			break;
		}
		case 3: {	/* duplicate a range */
			size_t from = below(*len + 1), n = below(*len - from + 1);

			if (n > 128)
				n = 128;
			char *tmp = malloc(n + 1);

			if (!tmp)
				exit(99);
			memcpy(tmp, *buf + from, n);
			insert(buf, len, cap, at, tmp, n);
			free(tmp);
			break;
		}
		case 4:		/* truncate */
			*len = at;
			break;
		case 5: {	/* a line of another seed */
			const struct input *o = &corpus[below(ncorpus)];
			size_t s = below(o->len + 1), e = s;

			while (e < o->len && o->text[e] != '\n')
				e++;
			insert(buf, len, cap, at, o->text + s, e - s);
			break;
		}
		default: {	/* a dictionary token */
			const char *t = dict[below(sizeof dict / sizeof dict[0])];

			insert(buf, len, cap, at, t, strlen(t));
			break;
		}
		}
	}
	(*buf)[*len] = '\0';
}

static void dump_current(void)
{
	static const char head[] = "\n--- fuzz_policy: offending input ---\n";

	if (write(2, head, sizeof head - 1) < 0 || write(2, current, current_len) < 0)
		return;
}

static void on_crash(int sig)
{
	dump_current();
	signal(sig, SIG_DFL);
	raise(sig);
}

/* "NAME:LINE:COL: message\n..." whose numbers are the struct's. */
static int diag_ok(const char *name, const struct policy_diag *d)
{
	char prefix[512];
	int n = snprintf(prefix, sizeof prefix, "%s:%u:%u: ", d->file, d->line, d->col);

	if (n <= 0 || strncmp(d->text, prefix, (size_t)n) != 0)
		return 0;
	if (strncmp(d->file, name, strlen(d->file)) != 0 && d->line == 0)
		return 0;
	if (!d->msg[0] || strncmp(d->text + n, d->msg, strlen(d->msg)) != 0)
		return 0;
	return strchr(d->text, '\n') != NULL;
}

/* Use a loaded policy the way janus does. */
static void exercise(const struct policy *p, FILE *null)
{
	static const char *const paths[] = { "/etc/passwd", "/home/u/work/x", "/", "/usr/lib/x.so" };

	for (unsigned abi = 0; abi < JANUS_ABI_COUNT; abi++) {
		const struct janus_arch *a = arch_by_abi((enum janus_abi)abi);

		for (uint64_t nr = 0; nr < a->nr_count; nr += 1 + below(40)) {
			struct sc_event ev = { .arch = a, .nr = nr, .id = SC_COUNT };
			struct verdict v;

			for (int i = 0; i < 6; i++)
				ev.args[i] = rnd() >> below(64);
			ev.path[0] = paths[below(4)];
			ev.path[1] = paths[below(4)];
			ev.target_in_jail = rnd() & 1;
			ev.cmsg = (unsigned)below(4);
			(void)policy_needs(p, a, nr);
			policy_eval(p, &ev, &v);
		}
	}
	policy_dump(p, null);
	policy_warnings(p, null);
}

int main(void)
{
	const char *it = getenv("FUZZ_ITERATIONS"), *seed = getenv("FUZZ_SEED");
	unsigned long iterations = it ? strtoul(it, NULL, 0) : 20000;
	char dir[] = "/tmp/fuzz_policy.XXXXXX", name[64];
	struct policy_vars vars = { "/home/u", "/home/u/work", "/tmp/janus-fuzz", "/srv/jail" };
	unsigned long loaded = 0, refused = 0;
	FILE *null = fopen("/dev/null", "w");
	size_t cap = 0, len;
	char *buf = NULL;

	rng_state = seed ? strtoull(seed, NULL, 0) : 0x6a616e7573ull;
	if (!rng_state)
		rng_state = 1;
	if (!null || !mkdtemp(dir))
		return 99;
	/* Relative includes resolve inside an empty directory; the name
	 * itself can be included (a cycle). */
	snprintf(name, sizeof name, "%s/fuzz.policy", dir);
	add_dir(POLICY_SRCDIR "/policy/policies");
	add_dir(POLICY_SRCDIR "/policy/policies/examples");
	add_dir(POLICY_SRCDIR "/test/fuzz/corpus");
	signal(SIGSEGV, on_crash);
	signal(SIGABRT, on_crash);
	signal(SIGBUS, on_crash);
	signal(SIGFPE, on_crash);

	for (unsigned long i = 0; i < iterations; i++) {
		const struct input *seed_in = &corpus[below(ncorpus)];
		struct policy_diag d;
		struct policy *p;

		len = seed_in->len;
		if (cap < len + 1) {
			cap = 2 * (len + 1);
			buf = realloc(buf, cap);
			if (!buf)
				return 99;
		}
		memcpy(buf, seed_in->text, len + 1);
		/* The seeds as they are first, then mutations. */
		if (i >= ncorpus)
			mutate(&buf, &len, &cap);
		current = buf;
		current_len = len;
		p = policy_load_string(name, buf, i % 2 ? &vars : NULL, &d);
		if (p) {
			exercise(p, null);
			policy_free(p);
			loaded++;
			continue;
		}
		refused++;
		if (!diag_ok(name, &d)) {
			fprintf(stderr, "fuzz_policy: iteration %lu: diagnostic without NAME:LINE:COL:\n%s\n",
				i, d.text);
			dump_current();
			return 1;
		}
	}
	printf("fuzz_policy: %lu inputs from %zu seeds: %lu loaded, %lu refused with a located diagnostic\n",
	       iterations, ncorpus, loaded, refused);
	for (size_t i = 0; i < ncorpus; i++)
		free(corpus[i].text);
	free(corpus);
	free(buf);
	fclose(null);
	rmdir(dir);
	return loaded && refused ? 0 : 1;
}
