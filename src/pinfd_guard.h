/* pinfd_guard.h - the guard filter of pinfd.h (pinfd_needs_guard), built
 * apart from its injection so that the unit tests can run it. */
#ifndef JANUS_PINFD_GUARD_H
#define JANUS_PINFD_GUARD_H

#include <linux/filter.h>

/* Writes the guard into f (at most cap instructions: 64 hold every ABI)
 * and returns its length. */
unsigned pinfd_guard_filter(struct sock_filter *f, unsigned cap);

#endif
