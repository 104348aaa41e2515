/* mapped.c - the file an address range maps (see mapped.h). */
#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mapped.h"

int mapped_parse(char *line, struct mapped_line *m)
{
	char perms[8];
	unsigned long long off;
	int pos = -1;
	memset(m, 0, sizeof *m);
	/* start-end perms offset major:minor inode [path] */
	if (sscanf(line, "%" SCNx64 "-%" SCNx64 " %7s %llx %x:%x %" SCNu64 "%n", &m->start,
		   &m->end, perms, &off, &m->dev_major, &m->dev_minor, &m->ino, &pos) < 7 ||
	    pos < 0 || m->end < m->start)
		return -EINVAL;
	const char *p = line + pos;
	while (*p == ' ' || *p == '\t')
		p++;
	m->path = p;
	return 0;
}

/* The name a file mapping can be judged by.  The kernel prints the
 * file's current path (d_path: from janus's root, which is the jail's),
 * with " (deleted)" appended when it has none and a newline in a name
 * escaped as "\012": a path ending so, or holding a backslash, cannot be
 * told from another one, and is named by the mapping instead. */
static bool has_path(const char *path)
{
	static const char deleted[] = " (deleted)";
	size_t n = strlen(path), d = sizeof deleted - 1;
	return path[0] == '/' && !strchr(path, '\\') &&
	       !(n >= d && strcmp(path + n - d, deleted) == 0);
}

struct found {
	bool file;
	unsigned major, minor;
	uint64_t ino;
};

int mapped_file(pid_t tid, uint64_t addr, uint64_t len, char *out, size_t outlen)
{
	long page = sysconf(_SC_PAGESIZE);
	uint64_t pg = page > 0 ? (uint64_t)page : 4096;
	if (addr & (pg - 1))
		return -EINVAL;
	uint64_t end = addr + ((len + pg - 1) & ~(pg - 1));
	if (end < addr || (len && end == addr))
		return -ENOMEM;		/* wraps around */
	if (outlen)
		out[0] = '\0';
	if (end == addr)
		return 0;		/* nothing: mprotect does nothing */
	char name[64];
	snprintf(name, sizeof name, "/proc/%d/maps", (int)tid);
	FILE *f = fopen(name, "re");
	if (!f)
		return errno == ENOENT ? -ESRCH : -errno;
	char *line = NULL;
	size_t cap = 0;
	uint64_t covered = addr;	/* [addr, covered) is mapped */
	struct found one = { false, 0, 0, 0 };
	int r = 0;
	while (r == 0 && covered < end && getline(&line, &cap, f) > 0) {
		line[strcspn(line, "\n")] = '\0';
		struct mapped_line m;
		if (mapped_parse(line, &m) < 0) {
			r = -EIO;
			break;
		}
		if (m.end <= covered)
			continue;
		if (m.start > covered) {
			r = -ENOMEM;	/* a hole */
			break;
		}
		covered = m.end;
		if (m.ino == 0)
			continue;	/* anonymous: heap, stack, [anon:...] */
		if (one.file && (one.major != m.dev_major || one.minor != m.dev_minor ||
				 one.ino != m.ino)) {
			r = -EMLINK;
			break;
		}
		if (!one.file) {
			one = (struct found){ true, m.dev_major, m.dev_minor, m.ino };
			int w = has_path(m.path)
				? snprintf(out, outlen, "%s", m.path)
				: snprintf(out, outlen, "/proc/%d/map_files/%" PRIx64 "-%" PRIx64,
					   (int)tid, m.start, m.end);
			if (w < 0 || (size_t)w >= outlen)
				r = -ENAMETOOLONG;
		}
	}
	if (r == 0 && ferror(f))
		r = -EIO;
	if (r == 0 && covered < end)
		r = -ENOMEM;	/* the range goes past the last mapping */
	free(line);
	fclose(f);
	if (r < 0 && outlen)
		out[0] = '\0';
	return r;
}
