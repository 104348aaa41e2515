#!/bin/sh
# Proves: what janus pins (doc/races.md) still works, and the control
# data it pins is what the kernel uses.
# - sendmmsg of 6 messages to the allowed UDP listener, by a caller that
#   loops on short counts as sendmmsg's callers must: under janus each
#   call sends its first message (returning 1, msg_len set), and all six
#   reach the listener, in order, as natively.
# - control-message race: while one thread sends datagrams to a unix
#   listener outside the jail, another flips their cmsg_level between
#   SOL_IP (which a unix socket ignores) and SOL_SOCKET with SCM_RIGHTS.
#   Under a policy that allows the destination but not SCM_RIGHTS, some
#   sends pass and no descriptor reaches the listener; natively some do
#   (positive control: the race is real).
# - a sendmmsg so run that the kernel restarts after a signal
#   (ERESTARTSYS, SA_RESTART) is run again as the program's own sendmmsg.
# - clone3 runs under janus (glibc's pthread_create and posix_spawn use
#   it): threads and spawned programs work, and --trace shows clone3
#   returning a pid, never ENOSYS.
. "$SRCDIR/test/lib/init.sh"
. "$SRCDIR/test/lib/policy.sh"
require_helper_ threads vfork-spawn

# The interpreter itself (not a shim) and its tree, for the policy.
PYEXE=$("$PYTHON" -c 'import os, sys; print(os.path.realpath(sys.executable))') ||
	framework_failure_ "cannot find python's executable"
PYTREE=$("$PYTHON" -c 'import os, sys; print(os.path.realpath(sys.base_prefix))')

cat >mmsg.py <<'EOF_PY'
# mmsg.py HOST PORT N: N datagrams "m-1".."m-N" by sendmmsg, looping on
# short counts; checks each msg_len; prints "ok" (or what went wrong).
import ctypes, socket, struct, sys
c = ctypes
class iovec(c.Structure):
    _fields_ = [("base", c.c_void_p), ("len", c.c_size_t)]
class msghdr(c.Structure):
    _fields_ = [("name", c.c_void_p), ("namelen", c.c_uint32), ("iov", c.c_void_p),
                ("iovlen", c.c_size_t), ("control", c.c_void_p), ("controllen", c.c_size_t),
                ("flags", c.c_int)]
class mmsghdr(c.Structure):
    _fields_ = [("hdr", msghdr), ("len", c.c_uint)]
libc = c.CDLL(None, use_errno=True)
host, port, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
sa = c.create_string_buffer(struct.pack("=H", socket.AF_INET) + struct.pack("!H", port)
                            + socket.inet_aton(host) + bytes(8), 16)
data = [c.create_string_buffer(b"m-%d" % (i + 1)) for i in range(n)]
iovs = (iovec * n)(*[iovec(c.addressof(d), len(d.value)) for d in data])
vec = (mmsghdr * n)()
for i in range(n):
    vec[i].hdr.name, vec[i].hdr.namelen = c.addressof(sa), 16
    vec[i].hdr.iov, vec[i].hdr.iovlen = c.addressof(iovs) + i * c.sizeof(iovec), 1
    vec[i].len = 0xdead
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
done = 0
while done < n:
    r = libc.sendmmsg(s.fileno(), c.byref(vec, done * c.sizeof(mmsghdr)), n - done, 0)
    if r <= 0:
        print("sendmmsg returned %d, errno=%d" % (r, c.get_errno()))
        sys.exit(0)
    for i in range(done, done + r):
        if vec[i].len != len(data[i].value):
            print("message %d: msg_len %d" % (i + 1, vec[i].len))
            sys.exit(0)
    done += r
print("ok")
EOF_PY

cat >race.py <<'EOF_PY'
# race.py PATH SECONDS: datagrams to the unix socket PATH, each with one
# control message carrying descriptor 1, whose cmsg_level another thread
# flips between SOL_IP (ignored by unix sockets) and SOL_SOCKET
# (SCM_RIGHTS).  Prints "sent=N refused=M".
import ctypes, itertools, socket, struct, sys, threading, time
c = ctypes
libc = c.CDLL(None, use_errno=True)
path, seconds = sys.argv[1].encode(), float(sys.argv[2])
sa = c.create_string_buffer(struct.pack("=H", socket.AF_UNIX) + path + b"\0", 110)
keep = []
def buf(b):
    keep.append(c.create_string_buffer(b, len(b)))
    return keep[-1]
iovb = buf(struct.pack("=QQ", c.addressof(buf(b"x")), 1))
ctl = buf(struct.pack("=Qiii", 20, socket.SOL_SOCKET, socket.SCM_RIGHTS, 1) + bytes(4))
msg = buf(struct.pack("=QI4xQQQQi4x", c.addressof(sa), len(path) + 3, c.addressof(iovb), 1,
                      c.addressof(ctl), 24, 0))
level = c.c_int.from_buffer(ctl, 8)
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
stop = False
def flip():
    # One store per iteration: the thread may yield after either value.
    for v in itertools.cycle((socket.SOL_SOCKET, socket.SOL_IP)):
        level.value = v
        if stop:
            break
threading.Thread(target=flip).start()
sys.setswitchinterval(1e-4)
sent = refused = 0
end = time.monotonic() + seconds
while time.monotonic() < end:
    if libc.sendmsg(s.fileno(), msg, socket.MSG_DONTWAIT) >= 0:
        sent += 1
    else:
        refused += 1
stop = True
print("sent=%d refused=%d" % (sent, refused))
EOF_PY

cat >restart.py <<'EOF_PY'
# restart.py: a sendmmsg of one message on a full unix stream, interrupted
# by a signal whose handler has SA_RESTART, so that the kernel restarts
# it; a thread drains the other end later.  Prints "RESULT MSG_LEN".
import ctypes, signal, socket, struct, threading, time
c = ctypes
libc = c.CDLL(None, use_errno=True)
a, b = socket.socketpair()
a.setblocking(False)
try:
    while True:
        a.send(bytes(4096))
except BlockingIOError:
    pass
a.setblocking(True)
signal.signal(signal.SIGALRM, lambda *x: None)
signal.siginterrupt(signal.SIGALRM, False)	# SA_RESTART
def drain():
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
    time.sleep(0.5)
    while b.recv(65536):
        pass
threading.Thread(target=drain).start()
data = c.create_string_buffer(100)
iov = c.create_string_buffer(struct.pack("=QQ", c.addressof(data), 100))
mm = c.create_string_buffer(struct.pack("=QI4xQQQQi4xI4x", 0, 0, c.addressof(iov), 1, 0, 0, 0, 7))
signal.setitimer(signal.ITIMER_REAL, 0.1)
r = libc.sendmmsg(a.fileno(), mm, 1, 0)
print(r, struct.unpack_from("=I", mm, 56)[0])
a.close()
EOF_PY

# What python needs beside base.policy: its tree, the scripts, two ioctls.
py_policy='allow fs ro,exec "'$PYTREE'/**" "'$TDIR'/**"
allow ioctl FIOCLEX FIONBIO'

# py_ NAME POLICY SCRIPT ARG...: the script under janus (quiet: the race
# makes thousands of refusals), output to NAME.out.
py_() {
	pn_=$1 pp_=$2; shift 2
	"$JANUS" -q -p "$pp_" -- "$PYEXE" -I -S "$@" </dev/null >"$pn_.out" 2>"$pn_.err"
	echo $? >"$pn_.rc"
}

# sendmmsg: every message arrives, in order.
listen_ u1 dgram 127.0.0.1:0
policy_including_ m "$POLICIES/net-connect.policy" P1=0 P3=0 P4=0 P5=0 P6=0 U1=$(port_ u1)
printf '%s\n' "$py_policy" >>m.policy
py_ mmsg m.policy "$TDIR/mmsg.py" 127.0.0.1 "$(port_ u1)" 6
expect_ mmsg ok
probe_ u1 sendto "127.0.0.1:$(port_ u1)"
got=$(sed -n 's/^dgram data=\(m-[0-9]*\) .*/\1/p' u1.log | tr '\n' ' ')
[ "$got" = "m-1 m-2 m-3 m-4 m-5 m-6 " ] || { cat u1.log >&2; fail_ "the listener got '$got'"; }
run_native_ mmsg.native "$PYEXE" -I -S mmsg.py 127.0.0.1 "$(port_ u1)" 6
expect_ mmsg.native ok

# The control-message race: no descriptor gets through janus.
listen_ rcv dgram "unix:$TDIR/rcv.sock"
policy_ c <<EOF
include "$POLICIES/base.policy"
allow syscall @network
allow socket unix
allow connect unix "$TDIR/rcv.sock"
$py_policy
EOF
py_ race c.policy "$TDIR/race.py" "$TDIR/rcv.sock" 3
expect_rc_ race 0
grep -q '^sent=[1-9][0-9]* refused=[1-9]' race.out ||
	{ cat race.out race.err >&2; fail_ "the race did not run both ways under janus"; }
probe_ rcv sendto "unix:$TDIR/rcv.sock"
! grep -q 'fds=[1-9]' rcv.log ||
	fail_ "$(grep -c 'fds=[1-9]' rcv.log) descriptors got through janus ($(cat race.out))"
run_native_ race.native "$PYEXE" -I -S race.py "$TDIR/rcv.sock" 1
wait_line_ rcv.log 'fds=1'

# A sendmmsg janus ran as sendmsg, restarted by the kernel after a signal,
# is entered again as the program's sendmmsg (not as sendmsg with the
# vector's length for flags): one message sent, its msg_len set.
"$JANUS" -q -p c.policy --trace -o restart.trace -- "$PYEXE" -I -S "$TDIR/restart.py" \
	</dev/null >restart.out 2>restart.err
echo $? >restart.rc
expect_ restart "1 100"
grep -q 'sendmmsg(.*) = ? ERESTARTSYS' restart.trace ||
	{ cat restart.err >&2; framework_failure_ "the signal did not interrupt sendmmsg"; }
grep -q 'sendmmsg(.*) = 1$' restart.trace || fail_ "no sendmmsg returning 1 in the trace"
run_native_ restart.native "$PYEXE" -I -S restart.py
expect_ restart.native "1 100"

# clone3: threads and posix_spawn.
for h in threads vfork-spawn; do
	same_as_native_ "$h" "$HELPERS/$h"
	run_janus_ "$h.traced" --trace -o "$h.trace" -- "$HELPERS/$h"
	expect_rc_ "$h.traced" 0
	grep -q '^\[pid  *[0-9]*\] clone3(.*) = [1-9][0-9]*$' "$h.trace" ||
		fail_ "$h: no clone3 returning a pid in the trace"
	! grep -q 'clone3(.*) = -1' "$h.trace" || fail_ "$h: clone3 failed: $(grep 'clone3(' "$h.trace")"
done
exit 0
