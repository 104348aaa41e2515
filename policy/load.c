/* load.c - policy_load_*: read, parse, compile; policy_free. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ast.h"

/* Regular files only (a FIFO or a device named by an include must not
 * block or feed janus forever); -EISDIR for anything else. */
int load_read_file(const char *path, char **text, size_t *len, unsigned long long id[2])
{
	struct stat st;
	char *buf;
	size_t got = 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);

	*text = NULL;
	*len = 0;
	if (fd < 0)
		return -errno;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return -EISDIR;
	}
	if (st.st_size > (off_t)POLICY_MAX_FILE) {
		close(fd);
		return -EFBIG;
	}
	buf = malloc((size_t)st.st_size + 1);
	if (!buf) {
		close(fd);
		return -ENOMEM;
	}
	while (got < (size_t)st.st_size) {
		ssize_t r = read(fd, buf + got, (size_t)st.st_size - got);

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			int e = -errno;

			free(buf);
			close(fd);
			return e;
		}
		if (r == 0)
			break;	/* shrank meanwhile */
		got += (size_t)r;
	}
	close(fd);
	buf[got] = '\0';
	*text = buf;
	*len = got;
	id[0] = (unsigned long long)st.st_dev;
	id[1] = (unsigned long long)st.st_ino;
	return 0;
}

/* "/home/u/" -> "/home/u": patterns add their own '/'. */
static const char *trim(struct arena *a, const char *v)
{
	size_t n;

	if (!v)
		return NULL;
	n = strlen(v);
	while (n > 1 && v[n - 1] == '/')
		n--;
	return arena_strndup(a, v, n);
}

static struct policy *load(const char *name, const char *text, size_t len,
			   const unsigned long long *id, const struct policy_vars *vars,
			   struct policy_diag *diag)
{
	struct policy *pol = calloc(1, sizeof(*pol));
	struct policy_vars v = { 0 };
	struct parser *ps;
	int e;

	if (!pol) {
		diag_file_error(diag, name, -ENOMEM, "out of memory");
		return NULL;
	}
	compile_init(pol);
	if (vars) {
		v.home = trim(&pol->mem, vars->home);
		v.cwd = trim(&pol->mem, vars->cwd);
		v.tmpdir = trim(&pol->mem, vars->tmpdir);
		v.jail = trim(&pol->mem, vars->jail);
	}
	pol->name = arena_strdup(&pol->mem, name);
	ps = parser_new(pol, &v, diag);
	if (!ps || !pol->name) {
		diag_file_error(diag, name, -ENOMEM, "out of memory");
		parser_free(ps);
		policy_free(pol);
		return NULL;
	}
	e = parser_run(ps, name, text, len, id);
	if (e == 0)
		e = compile_finish(pol, diag);
	parser_free(ps);
	if (e < 0) {
		policy_free(pol);
		return NULL;
	}
	return pol;
}

struct policy *policy_load_file(const char *path, const struct policy_vars *vars,
				struct policy_diag *diag)
{
	char *text;
	size_t len;
	unsigned long long id[2];
	int e;

	if (!path) {
		diag_file_error(diag, "<policy>", -EINVAL, "no policy file given");
		return NULL;
	}
	e = load_read_file(path, &text, &len, id);
	if (e < 0) {
		diag_file_error(diag, path, e, "cannot read policy: %s",
				e == -EFBIG ? "file larger than 1 MiB" :
				e == -EISDIR ? "not a regular file" : strerror(-e));
		return NULL;
	}

	struct policy *pol = load(path, text, len, id, vars, diag);

	free(text);
	return pol;
}

struct policy *policy_load_string(const char *name, const char *text,
				  const struct policy_vars *vars, struct policy_diag *diag)
{
	if (!name)
		name = "<string>";
	if (!text) {
		diag_file_error(diag, name, -EINVAL, "no policy text given");
		return NULL;
	}
	return load(name, text, strlen(text), NULL, vars, diag);
}

struct policy *policy_load_default(const struct policy_vars *vars, struct policy_diag *diag)
{
	return policy_load_string("default.policy", policy_default_text, vars, diag);
}

void policy_free(struct policy *pol)
{
	if (!pol)
		return;
	arena_release(&pol->mem);
	free(pol);
}
