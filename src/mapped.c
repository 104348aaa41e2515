/* mapped.c - the file an address range maps (see mapped.h). */
#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
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
 * with " (deleted)" appended when it has none and, in the text, a newline
 * in a name escaped as "\012" (PROCMAP_QUERY gives it raw): a path ending
 * so, or holding a backslash or a newline, cannot be told from another
 * one, and is named by the mapping instead. */
static bool has_path(const char *path)
{
	static const char deleted[] = " (deleted)";
	size_t n = strlen(path), d = sizeof deleted - 1;
	return path[0] == '/' && !strpbrk(path, "\\\n") &&
	       !(n >= d && strcmp(path + n - d, deleted) == 0);
}

/* PROCMAP_QUERY (Linux 6.11, uapi/linux/fs.h): the mapping at or after
 * an address, asked of /proc/PID/maps without reading it all.  Debian
 * 12's headers predate it: the struct under a name of our own, same
 * layout (104 bytes: the ioctl number encodes it). */
struct procmap_query_ {
	uint64_t size, query_flags, query_addr;
	uint64_t vma_start, vma_end, vma_flags, vma_page_size, vma_offset;
	uint64_t inode;
	uint32_t dev_major, dev_minor;
	uint32_t vma_name_size, build_id_size;
	uint64_t vma_name_addr, build_id_addr;
};
#define PROCMAP_QUERY_ _IOWR('f', 17, struct procmap_query_)
#define PROCMAP_QUERY_COVERING_OR_NEXT_VMA_ 0x10

bool mapped_text_only;

/* Where the mappings come from: the ioctl, or the text read line by line
 * (older kernels). */
struct source {
	FILE *f;
	bool query;
	char *line;
	size_t cap;
	char name[PATH_MAX];
};

/* The first mapping that ends after at: 0, -ENOENT when none, -errno. */
static int next_mapping(struct source *src, uint64_t at, struct mapped_line *m)
{
	if (src->query) {
		struct procmap_query_ q;
		memset(&q, 0, sizeof q);
		q.size = sizeof q;
		q.query_flags = PROCMAP_QUERY_COVERING_OR_NEXT_VMA_;
		q.query_addr = at;
		q.vma_name_size = sizeof src->name;
		q.vma_name_addr = (uintptr_t)src->name;
		src->name[0] = '\0';
		if (ioctl(fileno(src->f), PROCMAP_QUERY_, &q) < 0)
			return -errno;
		*m = (struct mapped_line){ q.vma_start, q.vma_end, q.dev_major, q.dev_minor,
					   q.inode, src->name };
		return 0;
	}
	while (getline(&src->line, &src->cap, src->f) > 0) {
		src->line[strcspn(src->line, "\n")] = '\0';
		if (mapped_parse(src->line, m) < 0)
			return -EIO;
		if (m->end > at)
			return 0;
	}
	return ferror(src->f) ? -EIO : -ENOENT;
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
	struct source *src = calloc(1, sizeof *src);
	if (!src)
		return -ENOMEM;
	src->f = fopen(name, "re");
	if (!src->f) {
		int e = errno;
		free(src);
		return e == ENOENT ? -ESRCH : -e;
	}
	src->query = !mapped_text_only;
	uint64_t covered = addr;	/* [addr, covered) is mapped */
	struct found one = { false, 0, 0, 0 };
	int r = 0;
	while (r == 0 && covered < end) {
		struct mapped_line m;
		r = next_mapping(src, covered, &m);
		if (src->query && (r == -ENOTTY || r == -EINVAL)) {
			src->query = false;	/* before Linux 6.11: read the text */
			r = 0;
			continue;
		}
		if (r == -ENOENT || (r == 0 && m.start > covered)) {
			r = -ENOMEM;	/* a hole, or the range goes past the last mapping */
			break;
		}
		if (r < 0)
			break;
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
	free(src->line);
	fclose(src->f);
	free(src);
	if (r < 0 && outlen)
		out[0] = '\0';
	return r;
}
