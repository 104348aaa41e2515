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

#include <pthread.h>
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

/* The paths of a cwd race (e0108, e0110) on FORBIDDEN (absolute): rel,
 * "../FORBIDDEN-without-its-slash", names from DIR/sub the socket own,
 * DIR/FORBIDDEN-without-its-slash (its directories and DIR/sub made,
 * an old own removed), and from /usr the forbidden socket itself. */
void esc_cwd_race_paths(const char *dir, const char *forbidden, char *rel, char *own,
			size_t size);

/* The other side of a cwd race (e0108, e0110): opens DIR/sub and /usr,
 * makes DIR/sub the working directory, and starts a thread that switches
 * it to /usr and back until esc_cwd_flipper_stop.  Exits 2 on error. */
struct esc_flipper {
	int fd_own, fd_usr;
	volatile int stop;
	pthread_t thread;
};
void esc_cwd_flipper_start(struct esc_flipper *f, const char *dir);
void esc_cwd_flipper_stop(struct esc_flipper *f);

/* Unix sockets of the attack's own, and the races that send to a path
 * that may name one of them or the forbidden socket (esc-unix.c). */

/* A stream socket of the attack's own at path, listening, with a thread
 * that accepts and closes every connection until esc_listener_stop
 * (e0102, e0108, e0207).  Exits 2 when it cannot listen. */
struct esc_listener {
	int fd;
	volatile int stop;
	pthread_t thread;
};
void esc_listener_start(struct esc_listener *l, const char *path);
void esc_listener_stop(struct esc_listener *l);

/* The connect race: connects a new socket of sa's family and of type
 * (with its flags) to sa (len bytes) again and again (bounded by
 * esc_race) until forbidden(peer, arg) says the peer the kernel connected
 * to is the forbidden one; prints how the tries went, calling that peer
 * "the forbidden WHAT".  True if it was reached.  Exits 2 when socket()
 * fails. */
typedef bool esc_peer_fn(const struct sockaddr_storage *peer, const void *arg);
bool esc_race_connect(const struct sockaddr *sa, socklen_t len, int type, esc_peer_fn *forbidden,
		      const void *arg, const char *what);

/* The unix connect race (e0102, e0108, e0207): esc_race_connect from
 * non-blocking stream sockets until the peer is the socket at forbidden. */
bool esc_race_connect_unix(const struct sockaddr_un *sa, socklen_t len, const char *forbidden);

/* A datagram socket of the attack's own bound at path (e0110, e0208). */
int esc_unix_dgram_bind(const char *path);

/* The sendmsg race (e0110, e0208): sends one byte to sa (len bytes) from
 * a new datagram socket again and again (bounded by esc_race), by
 * sendmsg, or with with_mmsg by sendmsg and sendmmsg in turn, draining
 * the socket mine the sends may reach; prints how the tries went. */
void esc_race_sendmsg_unix(struct sockaddr_un *sa, socklen_t len, int mine, bool with_mmsg);

/* The directory-component swap (e0202, e0205, e0207, e0208; esc-swap.c):
 * in the cwd, NAME-d is a real directory and NAME-s a symbolic link to the
 * directory of a target outside the jail; threads swap the two names with
 * renameat2(RENAME_EXCHANGE), so that a path through NAME-d is checked as
 * one and may be walked as the other. */
#define ESC_SWAP_THREADS 4
struct esc_swap {
	char d[64], s[64];		/* NAME-d, NAME-s */
	volatile int stop;
	int threads;
	pthread_t t[ESC_SWAP_THREADS];
};
/* Makes NAME-d and NAME-s (-> the target's directory) and puts the path
 * NAME-d/BASENAME-OF-TARGET in inside (size bytes); a file of that name
 * holding decoy is made there, or with decoy NULL an old one removed.
 * Exits 2 on error. */
void esc_swap_make(struct esc_swap *w, const char *name, const char *target, const char *decoy,
		   char *inside, size_t size);
/* Starts that many swapping threads (at most ESC_SWAP_THREADS). */
void esc_swap_start(struct esc_swap *w, int threads);
void esc_swap_stop(struct esc_swap *w);

/* The argument race on open() by a sibling process (e0104, e0105;
 * esc-sibling.c).  A forked child rewrites the parent's path buffer (at
 * the same address in both) with poke, between secret and allowed, for
 * ESC_RACE_MS, while the parent opens and reads the path (esc_race_open,
 * the file allowed's contents expected); then the child is killed.
 * poke writes text with its NUL at addr in process pid: 0, or -1 once it
 * has printed why it failed (esc_show_result), which ends the child. */
typedef int esc_poke_fn(pid_t pid, void *addr, const char *text);
void esc_race_sibling_poke(const char *allowed, const char *secret, esc_poke_fn *poke);

#endif
