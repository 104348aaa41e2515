/* canon.c - path walk of canon.h: one component at a time, lstat'ing each
 * on the real filesystem.  What is left to walk is a string: following a
 * symlink puts its target in front of the rest, so the walk never recurses;
 * the 40-link limit bounds how long that string can grow. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/magic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <unistd.h>

#include "canon.h"

/* Inode number of procfs's root directory (fs/proc/internal.h, not in the
 * uapi headers): tells "/proc/self" from a "self" inside a pid directory. */
#define PROC_ROOT_INO 1

/* Enough for the rest of a path plus CANON_MAXSYMLINKS targets. */
#define REST_MAX ((CANON_MAXSYMLINKS + 2) * PATH_MAX)

struct walk {
	const struct canon_ctx *c;
	unsigned flags;
	char cur[PATH_MAX];	/* where we are: canonical, no trailing '/', "" is "/" */
	size_t len;
	char root[PATH_MAX];	/* the tracee's root in the same form */
	size_t rlen;
	mode_t mode;		/* file type of cur */
	bool opaque;		/* cur is a magic link whose target has no path */
	int links;		/* symlinks followed so far */
	char *rest;		/* what is left: rest[pos] up to the NUL at rest[cap - 1] */
	size_t pos, cap;
	char *heap;		/* rest once it outgrew small */
	char small[2 * PATH_MAX];
};

static const char *cur_path(const struct walk *w)
{
	return w->len ? w->cur : "/";
}

/* Places s (n bytes, no NUL needed) at cur; "/" becomes "". */
static int set_cur(struct walk *w, const char *s, size_t n)
{
	if (n == 1 && s[0] == '/')
		n = 0;
	if (n >= PATH_MAX)
		return -ENAMETOOLONG;
	memmove(w->cur, s, n);
	w->cur[n] = '\0';
	w->len = n;
	w->opaque = false;
	return 0;
}

static void go_root(struct walk *w)
{
	set_cur(w, w->root, w->rlen);
	w->mode = S_IFDIR;
}

static int push_name(struct walk *w, const char *name, size_t n)
{
	if (w->len + 1 + n >= PATH_MAX)
		return -ENAMETOOLONG;
	w->cur[w->len] = '/';
	memcpy(w->cur + w->len + 1, name, n);
	w->len += 1 + n;
	w->cur[w->len] = '\0';
	return 0;
}

static void pop_name(struct walk *w)
{
	char *slash = memrchr(w->cur, '/', w->len);
	w->len = slash ? (size_t)(slash - w->cur) : 0;
	w->cur[w->len] = '\0';
}

static bool at_root(const struct walk *w)
{
	return w->len == w->rlen && memcmp(w->cur, w->root, w->len) == 0;
}

/* Puts s (n bytes) in front of what is left to walk. */
static int prepend(struct walk *w, const char *s, size_t n)
{
	if (n > w->pos) {
		size_t used = w->cap - w->pos;
		char *big;
		if (w->heap || used + n > REST_MAX)
			return -ENAMETOOLONG;	/* cannot happen: see REST_MAX */
		big = malloc(REST_MAX);
		if (!big)
			return -ENOMEM;
		memcpy(big + REST_MAX - used, w->rest + w->pos, used);
		w->heap = w->rest = big;
		w->cap = REST_MAX;
		w->pos = REST_MAX - used;
	}
	w->pos -= n;
	memcpy(w->rest + w->pos, s, n);
	return 0;
}

static bool same_inode(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

/* Goes where the /proc magic link `link' points, as the kernel does: to
 * the object, not to its text.  The text is used only when it names that
 * same inode; otherwise (pipe:[..], " (deleted)", other namespaces) the
 * walk stays on the link path itself, marked opaque.  link may be w->cur. */
static int jump(struct walk *w, const char *link)
{
	char text[PATH_MAX];
	struct stat obj, named;
	ssize_t n = readlink(link, text, sizeof text);
	if (n < 0 || stat(link, &obj) < 0)
		return -errno;
	w->mode = obj.st_mode;
	if (n < PATH_MAX && text[0] == '/') {
		text[n] = '\0';
		if (lstat(text, &named) == 0 && same_inode(&named, &obj))
			return set_cur(w, text, (size_t)n);
	}
	n = (ssize_t)strlen(link);
	if (set_cur(w, link, (size_t)n) < 0)
		return -ENAMETOOLONG;
	w->opaque = true;
	return 0;
}

enum link_kind { LINK_PLAIN, LINK_PROC_SELF, LINK_PROC_THREAD_SELF, LINK_MAGIC };

/* What kind of symlink cur is (enum link_kind, or -errno): on procfs, "self" and "thread-self" in its
 * root depend on the reader, and every link below a pid directory (cwd,
 * root, exe, fd/N, map_files/..., ns/...) is a magic link.  Other procfs
 * links ("net", "mounts") are plain text like any symlink. */
static int link_kind(struct walk *w, const char *name)
{
	size_t dlen = (size_t)(name - 1 - w->cur);
	struct statfs fs;
	struct stat st;
	int r = 0;

	w->cur[dlen] = '\0';
	if (statfs(dlen ? w->cur : "/", &fs) < 0 || stat(dlen ? w->cur : "/", &st) < 0)
		r = -errno;
	w->cur[dlen] = '/';
	if (r < 0)
		return r;
	if (fs.f_type != PROC_SUPER_MAGIC)
		return LINK_PLAIN;
	if (st.st_ino != PROC_ROOT_INO)
		return LINK_MAGIC;
	if (strcmp(name, "self") == 0)
		return LINK_PROC_SELF;
	if (strcmp(name, "thread-self") == 0)
		return LINK_PROC_THREAD_SELF;
	return LINK_PLAIN;
}

/* cur is a magic link: if it is a descriptor's (/proc/PID/fd/N, or
 * /proc/PID/task/TID/fd/N), that is where the walk is, until its next
 * step (step() forgets it). */
static void note_fd_link(struct walk *w)
{
	struct canon_fd *v = w->c->via;
	int pid, tid, fd, end = 0;
	if (!v)
		return;
	if ((sscanf(w->cur, "/proc/%d/fd/%d%n", &pid, &fd, &end) == 2 && !w->cur[end]) ||
	    (sscanf(w->cur, "/proc/%*d/task/%d/fd/%d%n", &tid, &fd, &end) == 2 && !w->cur[end] &&
	     (pid = tid, true))) {
		v->pid = pid;
		v->fd = fd;
	}
}

/* Follows the symlink at cur (its last name is the link). */
static int follow(struct walk *w)
{
	char body[PATH_MAX];
	ssize_t n;
	int kind;

	if (++w->links > CANON_MAXSYMLINKS)
		return -ELOOP;
	kind = link_kind(w, strrchr(w->cur, '/') + 1);
	switch (kind) {
	case LINK_MAGIC:
		if (w->flags & CANON_IN_ROOT)
			return -EXDEV;
		note_fd_link(w);
		return jump(w, w->cur);
	case LINK_PROC_SELF:
		n = snprintf(body, sizeof body, "%d", (int)w->c->tgid);
		break;
	case LINK_PROC_THREAD_SELF:
		n = snprintf(body, sizeof body, "%d/task/%d",
			     (int)w->c->tgid, (int)w->c->tid);
		break;
	case LINK_PLAIN:
		n = readlink(w->cur, body, sizeof body);
		if (n < 0)
			return -errno;
		if (n == (ssize_t)sizeof body)
			return -ENAMETOOLONG;
		break;
	default:
		return kind;	/* -errno */
	}
	pop_name(w);		/* a relative target starts in the link's dir */
	w->mode = S_IFDIR;
	if (n > 0 && body[0] == '/')
		go_root(w);
	return prepend(w, body, (size_t)n);
}

/* Looks up one name below cur.  Returns 1 when the walk is over (a
 * missing last name that may be created), else 0 or -errno. */
static int step(struct walk *w, const char *name, size_t n, bool last, bool slash)
{
	struct stat st;
	bool follow_last = slash || !(w->flags & CANON_NOFOLLOW);
	int r;

	if (!S_ISDIR(w->mode))
		return -ENOTDIR;
	if (n == 1 && name[0] == '.')
		return 0;
	if (w->c->via)
		w->c->via->fd = -1;	/* beyond a descriptor's link: a path */
	if (w->opaque)		/* a directory without a path: deleted, or elsewhere */
		return -ENOENT;
	if (n == 2 && name[0] == '.' && name[1] == '.') {
		if (!at_root(w))
			pop_name(w);	/* cur has no symlinks: this is the physical parent */
		return 0;
	}
	r = push_name(w, name, n);
	if (r < 0)
		return r;
	if (lstat(w->cur, &st) < 0) {
		if (errno == ENOENT && last && (w->flags & CANON_MAY_NOT_EXIST))
			return 1;
		return -errno;
	}
	w->mode = st.st_mode;
	if (S_ISLNK(st.st_mode) && (!last || follow_last)) {
		r = follow(w);
		if (r < 0)
			return r;
	}
	if (slash && !S_ISDIR(w->mode))
		return -ENOTDIR;
	return 0;
}

static int walk(struct walk *w)
{
	for (;;) {
		const char *name = w->rest + w->pos, *end, *next;
		size_t n;
		int r;

		while (*name == '/')
			name++;
		if (!*name)
			return 0;
		n = strcspn(name, "/");
		end = name + n;
		for (next = end; *next == '/'; next++)
			;
		/* The rest begins at the slashes after name; step() may put a
		 * link target in front of it, over name, so name is copied
		 * into cur before that. */
		w->pos = (size_t)(end - w->rest);
		r = step(w, name, n, !*next, !*next && next > end);
		if (r)
			return r < 0 ? r : 0;
	}
}

/* The tracee's root; only "/" is really supported, others are prefixed. */
static int read_root(struct walk *w)
{
	char link[64];
	struct stat obj, named;
	ssize_t n;

	snprintf(link, sizeof link, "/proc/%d/root", (int)w->c->tid);
	n = readlink(link, w->root, sizeof w->root);
	if (n < 0)
		return errno == ENOENT ? -ESRCH : -errno;
	if (n == 1 && w->root[0] == '/')
		n = 0;
	else if (n >= PATH_MAX || w->root[0] != '/')
		return -EACCES;
	w->root[n] = '\0';
	w->rlen = (size_t)n;
	if (n && (stat(link, &obj) < 0 || lstat(w->root, &named) < 0 ||
		  !same_inode(&obj, &named)))
		return -EACCES;
	return 0;
}

/* Where a relative path starts: the tracee's cwd or the file of dirfd. */
static int start_at(struct walk *w, int dirfd)
{
	char link[64];
	int r;

	if (dirfd == AT_FDCWD)
		snprintf(link, sizeof link, "/proc/%d/cwd", (int)w->c->tid);
	else if (dirfd >= 0)
		snprintf(link, sizeof link, "/proc/%d/fd/%d", (int)w->c->tid, dirfd);
	else
		return -EBADF;
	r = jump(w, link);
	if (r == -ENOENT)
		return dirfd == AT_FDCWD ? -ESRCH : -EBADF;
	return r;
}

static int resolve(struct walk *w, int dirfd, const char *path, size_t plen)
{
	int r = read_root(w);
	if (r < 0)
		return r;
	if (path[0] == '/' && !(w->flags & CANON_IN_ROOT))
		go_root(w);
	else if ((r = start_at(w, dirfd)) < 0)
		return r;
	else if (plen && !S_ISDIR(w->mode))
		return -ENOTDIR;	/* dirfd is not a directory */
	if (w->flags & CANON_IN_ROOT) {
		memcpy(w->root, w->cur, w->len + 1);
		w->rlen = w->len;
	}
	w->rest = w->small;
	w->cap = sizeof w->small;
	w->pos = w->cap - 1 - plen;
	memcpy(w->rest + w->pos, path, plen + 1);
	return walk(w);
}

int canon_resolve(const struct canon_ctx *c, int dirfd, const char *path,
		  unsigned flags, char *out, size_t outlen)
{
	struct walk w;
	size_t plen = strnlen(path, PATH_MAX);
	int r;

	if (plen == PATH_MAX)
		return -ENAMETOOLONG;
	if (plen == 0 && !(flags & CANON_EMPTY_PATH))
		return -ENOENT;
	w.c = c;
	if (c->via)
		c->via->fd = -1;
	w.flags = flags;
	w.links = 0;
	w.heap = NULL;
	r = resolve(&w, dirfd, path, plen);
	free(w.heap);
	if (r < 0)
		return r;
	if (strlen(cur_path(&w)) >= outlen)
		return -ENAMETOOLONG;
	strcpy(out, cur_path(&w));
	return 0;
}
