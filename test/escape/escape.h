/* escape.h - small utilities shared by the escape programs (test/escape).
 *
 * Each escape program attempts one attack and reports what it did on
 * standard output; it never judges whether it escaped.  The driver
 * (run-escape.sh) judges from outside: the secret's token in the output,
 * a marker file, a listener's count, a canary process.  So the programs
 * print whatever they read, and exit 0 once they have tried everything
 * (77 when the machine cannot run the attack at all, 2 on a setup error
 * of their own). */
#ifndef JANUS_TEST_ESCAPE_H
#define JANUS_TEST_ESCAPE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/un.h>
#include <netinet/in.h>

/* Races stop after this long or this many tries, whichever comes first. */
#define ESC_RACE_MS 2000
#define ESC_RACE_TRIES 200000L

#define ESC_SKIP 77

/* Prints "what: strerror" on stderr and exits 2. */
void esc_die(const char *what) __attribute__((noreturn));

/* Prints the usage line on stderr and exits 2 unless argc == want. */
void esc_need_args(int argc, int want, const char *usage);

/* Monotonic milliseconds. */
long long esc_now_ms(void);

/* A bounded loop: esc_race_init(&r), then while (esc_race_go(&r)). */
struct esc_race {
	long long deadline;
	long tries;
};
void esc_race_init(struct esc_race *r);
bool esc_race_go(struct esc_race *r);

/* Reads up to cap-1 bytes of fd into buf (NUL-terminated); returns the
 * count or -errno. */
ssize_t esc_read_fd(int fd, char *buf, size_t cap);

/* Reads the whole (small) file at path into buf; -errno on failure. */
ssize_t esc_read_file(const char *path, char *buf, size_t cap);

/* Prints "label: read <contents>" for what fd holds (closing it), or
 * "label: <errno name>" when fd < 0 (a -errno or -1 with errno set). */
void esc_show_fd(const char *label, long fd);

/* esc_show_fd(label, open(path, O_RDONLY)). */
void esc_try_read(const char *label, const char *path);

/* Prints "label: ok" or "label: <errno name>" for a call's result (a raw
 * syscall's -errno, or -1 with errno set). */
void esc_show_result(const char *label, long r);

/* The symbolic name of an errno value ("EACCES"), or its number. */
const char *esc_errno_name(int err);

/* Builds a sockaddr_un for a path, or for an abstract name when path
 * starts with '@'; returns the address length. */
socklen_t esc_unix_addr(struct sockaddr_un *sa, const char *path);

/* Builds 127.0.0.1:port. */
void esc_inet_loopback(struct sockaddr_in *sa, unsigned port);

/* The race on the open side: opens path and reads it again and again
 * (bounded by esc_race), until what it reads differs from expect; prints
 * that content and how the tries went.  True if something else was read. */
bool esc_race_open(const char *label, const char *path, const char *expect);

/* Parses a decimal number or exits 2. */
long esc_number(const char *s);

/* Writes all of buf to fd. */
int esc_write_all(int fd, const void *buf, size_t len);

/* mkdir -p of the directories above the last component of path. */
void esc_make_parents(char *path);

/* A thread that switches the working directory between the directories
 * open as fd_a and fd_b until *stop (e0108, e0110). */
/* The paths of a cwd race (e0108, e0110) on FORBIDDEN (absolute): rel,
 * "../FORBIDDEN-without-its-slash", names from DIR/sub the socket own,
 * DIR/FORBIDDEN-without-its-slash (its directories and DIR/sub made,
 * an old own removed), and from /usr the forbidden socket itself. */
void esc_cwd_race_paths(const char *dir, const char *forbidden, char *rel, char *own,
			size_t size);
struct esc_flipper {
	int fd_a, fd_b;
	volatile int *stop;
};
void *esc_cwd_flipper(void *flipper);

#endif
