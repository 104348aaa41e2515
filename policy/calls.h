/* calls.h - what the engine knows about each call, independent of policy:
 * which typed checks apply to it, which calls are refused whatever the
 * policy says, and the effective id of an event.
 */
#ifndef JANUS_POLICY_CALLS_H
#define JANUS_POLICY_CALLS_H

#include "policy.h"

/* Typed checks (one per rule kind other than `syscall`). */
enum check {
	CK_FS = 1u << 0,
	CK_SOCKET = 1u << 1,
	CK_CONNECT = 1u << 2,
	CK_BIND = 1u << 3,
	CK_IOCTL = 1u << 4,
	CK_FCNTL = 1u << 5,
	CK_SOCKOPT = 1u << 6,
	CK_CMSG = 1u << 7,
	CK_SIGNAL = 1u << 8,
};
#define CK_COUNT 9

/* Typed checks that apply to a call. */
unsigned calls_checks(enum sc_id id);
/* Name of one check bit: "fs", "socket", ... */
const char *calls_check_name(unsigned ck);
/* errno of a policy-independent refusal of id, 0 if none. */
int calls_fixed_errno(enum sc_id id);
/* i386 socketcall(2) / ipc(2): is sub a sub-call of the multiplexer mux? */
bool calls_is_subcall(enum sc_id mux, enum sc_id sub);
/* The id to evaluate for ev (see struct sc_event), SC_COUNT if the
 * number is unknown to the ABI. */
enum sc_id calls_event_id(const struct sc_event *ev);

#endif
