#!/bin/sh
# Proves: unix socket paths under janus: connect, sendto, and sendmsg's
# and sendmmsg's msg_name reach the socket file janus checked, pinned with
# a descriptor (src/pinfd.c; msg_namelen patched in the msghdr's copy), and
# behave as natively: relative paths, a symlinked directory, "..", the
# full-length address, and the errnos of a missing socket (ENOENT), a file
# that is no socket (ECONNREFUSED), a symlink loop (ELOOP), a name in use
# (EADDRINUSE); registers and the program's sockaddr unchanged.  A socket
# whose absolute path is longer than sun_path's 108 bytes is reached by a
# short relative path as natively (the pinned form is short).  bind gets
# the canonical absolute path: getsockname shows it (natively the
# relative spelling), and a relative bind whose absolute path does not fit
# in 108 bytes is refused with ENAMETOOLONG (doc/races.md).
. "$SRCDIR/test/lib/init.sh"
. "$SRCDIR/test/lib/policy.sh"
require_helper_ pin-calls
policy_including_ p "$POLICIES/default-helpers.policy"
# in_ DIR NAME CMD...: CMD run in DIR; NAME.out, NAME.err, NAME.rc.
in_() {
	id_=$1 in_n_=$2; shift 2
	(cd "$id_" && exec "$@") </dev/null >"$in_n_.out" 2>"$in_n_.err"
	echo $? >"$in_n_.rc"
}

mkdir native jail || framework_failure_ mkdir
(cd native && "$HELPERS/pin-calls" unix) >native.out 2>&1 ||
	framework_failure_ "pin-calls unix failed natively: $(cat native.out)"
grep -qx 'recv: hello' native.out || framework_failure_ "unexpected native run: $(cat native.out)"
(cd jail && "$JANUS" -p "$T/p.policy" -- "$HELPERS/pin-calls" unix) >jail.out 2>jail.err </dev/null ||
	{ cat jail.err >&2; fail_ "janus exited $?"; }
compare_ native jail out
not_denied_ jail

# bind: the canonical path, absolute.
mkdir native/sub jail/sub || framework_failure_ mkdir
in_ native nbind "$HELPERS/pin-calls" bind-name sub/../rel.sock
expect_ nbind "bound: sub/../rel.sock"
in_ jail jbind "$JANUS" -p "$T/p.policy" -- "$HELPERS/pin-calls" bind-name sub/../rel.sock
expect_ jbind "bound: $TDIR/jail/rel.sock"
[ -S jail/rel.sock ] || fail_ "jail/rel.sock was not made"

# A deep directory: the socket's absolute path exceeds 108 bytes, the
# path relative to jail/ does not.
deep=dddddddddddddddddddddddddddddddddddddddd/eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee
mkdir -p "jail/$deep" || framework_failure_ mkdir
full="$TDIR/jail/$deep/s"
[ ${#full} -gt 108 ] || skip_ "the test directory's path is too short to pass sun_path's limit"
(cd "jail/$deep" && exec "$HELPERS/pin-calls" serve s 1) >serve.out 2>serve.err &
track_pid_ $!
server=$!
w=0
until grep -q ready serve.err 2>/dev/null; do
	w=$((w + 1))
	[ $w -lt 200 ] || framework_failure_ "the server did not start: $(cat serve.err)"
	sleep 0.05
done
in_ jail jlong "$JANUS" -p "$T/p.policy" -- "$HELPERS/pin-calls" connect "$deep/s"
expect_ jlong "connect: ok"
wait $server
[ "$(cat serve.out)" = accepted ] || fail_ "the server saw: $(cat serve.out)"
in_ jail jlongbind "$JANUS" -p "$T/p.policy" -- "$HELPERS/pin-calls" bind-name "$deep/t"
expect_ jlongbind "bind: errno=ENAMETOOLONG"
[ ! -e "jail/$deep/t" ] || fail_ "a refused bind made jail/$deep/t"
exit 0
