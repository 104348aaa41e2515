/* log.h - janus's diagnostics, with err(3)/warn(3) meanings.
 * Every message starts with "janus: "; the p-variants append strerror(errno).
 * Fatal variants exit 125 (janus's own failure), after the fail-closed hook
 * (kill every tracee) has run. */
#ifndef JANUS_LOG_H
#define JANUS_LOG_H

#include <stdbool.h>

#define JANUS_EXIT_INTERNAL 125
#define JANUS_EXIT_NOEXEC 126
#define JANUS_EXIT_NOTFOUND 127

void log_init(const char *progname, bool debug);
void warn_msg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void warn_perror(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void die_msg(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
void die_perror(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
void debug_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
extern bool log_debug_enabled;
#define debug_msg(...) do { if (log_debug_enabled) debug_printf(__VA_ARGS__); } while (0)

/* Called by die_*() before exiting: the supervisor registers a hook that
 * SIGKILLs every tracee, so a janus failure never leaves them running. */
void log_set_fatal_hook(void (*hook)(void));

#endif
