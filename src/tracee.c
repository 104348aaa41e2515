/* tracee.c - the table of traced tasks, a chained hash on the tid. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "tracee.h"

#define INITIAL_BUCKETS 256

static unsigned slot(const struct tracee_table *t, pid_t tid)
{
	return (unsigned)tid * 2654435761u % t->nbucket;
}

void tracee_table_init(struct tracee_table *t)
{
	t->nbucket = INITIAL_BUCKETS;
	t->count = 0;
	t->bucket = calloc(t->nbucket, sizeof *t->bucket);
	if (!t->bucket)
		die_perror("tracee table");
}

static void free_tracee(struct tracee *tr)
{
	call_record_free(&tr->rec);
	free(tr);
}

void tracee_table_free(struct tracee_table *t)
{
	for (unsigned i = 0; i < t->nbucket; i++) {
		struct tracee *tr = t->bucket[i];
		while (tr) {
			struct tracee *next = tr->next;
			free_tracee(tr);
			tr = next;
		}
	}
	free(t->bucket);
	memset(t, 0, sizeof *t);
}

static void grow(struct tracee_table *t)
{
	struct tracee_table bigger = { .nbucket = t->nbucket * 2 };
	bigger.bucket = calloc(bigger.nbucket, sizeof *bigger.bucket);
	if (!bigger.bucket)
		die_perror("tracee table");
	for (unsigned i = 0; i < t->nbucket; i++) {
		struct tracee *tr = t->bucket[i];
		while (tr) {
			struct tracee *next = tr->next;
			unsigned s = slot(&bigger, tr->tid);
			tr->next = bigger.bucket[s];
			bigger.bucket[s] = tr;
			tr = next;
		}
	}
	free(t->bucket);
	t->bucket = bigger.bucket;
	t->nbucket = bigger.nbucket;
}

struct tracee *tracee_find(struct tracee_table *t, pid_t tid)
{
	for (struct tracee *tr = t->bucket[slot(t, tid)]; tr; tr = tr->next)
		if (tr->tid == tid)
			return tr;
	return NULL;
}

struct tracee *tracee_add(struct tracee_table *t, pid_t tid, unsigned flags)
{
	struct tracee *tr = tracee_find(t, tid);
	if (tr)
		return tr;
	if (t->count >= t->nbucket)
		grow(t);
	tr = calloc(1, sizeof *tr);
	if (!tr)
		die_perror("tracee table");
	tr->tid = tid;
	tr->flags = flags | TF_STARTUP;
	unsigned s = slot(t, tid);
	tr->next = t->bucket[s];
	t->bucket[s] = tr;
	t->count++;
	return tr;
}

static struct tracee *unlink_tracee(struct tracee_table *t, pid_t tid)
{
	for (struct tracee **p = &t->bucket[slot(t, tid)]; *p; p = &(*p)->next) {
		if ((*p)->tid == tid) {
			struct tracee *tr = *p;
			*p = tr->next;
			t->count--;
			return tr;
		}
	}
	return NULL;
}

void tracee_remove(struct tracee_table *t, pid_t tid)
{
	struct tracee *tr = unlink_tracee(t, tid);
	if (tr)
		free_tracee(tr);
}

struct tracee *tracee_rename(struct tracee_table *t, pid_t old_tid, pid_t new_tid)
{
	struct tracee *tr = unlink_tracee(t, old_tid);
	tracee_remove(t, new_tid);
	if (!tr)
		return tracee_add(t, new_tid, 0);
	tr->tid = new_tid;
	tr->tgid = new_tid;	/* after exec the thread is the leader */
	unsigned s = slot(t, new_tid);
	tr->next = t->bucket[s];
	t->bucket[s] = tr;
	t->count++;
	return tr;
}

void tracee_foreach(struct tracee_table *t, void (*fn)(struct tracee *, void *), void *arg)
{
	for (unsigned i = 0; i < t->nbucket; i++)
		for (struct tracee *tr = t->bucket[i]; tr; tr = tr->next)
			fn(tr, arg);
}
