#!/bin/sh
# Proves: descriptors from outside stay outside (fd passing, receiving
# side).  A process outside the jail that hands a descriptor of a file the
# policy refuses (SCM_RIGHTS) to a jailed program, over a socket the
# program connected to or over one it inherited, fails (EPERM, in the
# sender) under the default policy, and the program receives nothing;
# under a policy with `allow cmsg SCM_RIGHTS` the program gets the
# descriptor and reads the file, as natively (positive control).  The
# program's own unix sockets have SO_PASSRIGHTS off and it cannot turn it
# on, nor ask for SCM_PIDFD or SO_PEERPIDFD (ENOPROTOOPT, reported as
# fixed refusals).  Credentials: a sender's explicit SCM_CREDENTIALS do
# not reach a jailed receiver under the default policy (SO_PASSCRED is
# refused); with SO_PASSCRED allowed they do.
. "$SRCDIR/test/lib/init.sh"
. "$SRCDIR/test/lib/policy.sh"
PY=/usr/bin/python3
[ -x "$PY" ] || skip_ "$PY is needed (the jailed program and the senders)"
"$PY" -c 'import socket; socket.send_fds' 2>/dev/null || skip_ "python3 lacks socket.send_fds (3.9)"
"$PY" -c 'import socket; socket.socketpair()[0].getsockopt(socket.SOL_SOCKET, 83)' 2>/dev/null ||
	skip_ "this kernel has no SO_PASSRIGHTS (Linux 6.16): janus falls back to refusing recvmsg"

token=secret-$$-$(date +%s%N)
echo "$token" >secret
policy_ d <<EOF
include "$DEFAULT_POLICY"
deny fs all "\$CWD/secret"
EOF
# Descriptors and credentials allowed (the default's cmsg and sockopt
# refusals cannot be undone by a policy that includes it).
policy_ c <<EOF
include "$POLICIES/net-cmsg.policy"
allow fs ro /etc/**
allow fs rw \$CWD/**
deny fs all "\$CWD/secret"
allow sockopt any
EOF

# The jailed program: python -I -c "$CLIENT" MODE ARG.
cat >client.py <<'EOF'
import errno, os, socket, sys

mode, arg = sys.argv[1], sys.argv[2]

def show(msg, fds):
    out = "data=%s fds=%d" % (msg.decode() or "-", len(fds))
    for fd in fds:
        out += " read=" + os.read(fd, 100).decode().strip()
    return out

def err(e):
    return errno.errorcode.get(e.errno, str(e.errno))

if mode == "open":
    try:
        open(arg).close()
        print("open=ok")
    except OSError as e:
        print("open=" + err(e))
elif mode == "connect":
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.connect(arg)
    print(show(*socket.recv_fds(s, 16, 4)[:2]))
elif mode == "inherited":
    s = socket.socket(fileno=int(arg))
    s.send(b"r")
    print(show(*socket.recv_fds(s, 16, 4)[:2]))
elif mode == "options":
    a, b = socket.socketpair()
    res = ["passrights=%d" % a.getsockopt(socket.SOL_SOCKET, 83)]
    for name, opt in (("set-passrights", 83), ("set-passpidfd", 76), ("get-peerpidfd", 77)):
        try:
            if name.startswith("set"):
                a.setsockopt(socket.SOL_SOCKET, opt, 1)
            else:
                os.close(a.getsockopt(socket.SOL_SOCKET, opt))
            res.append(name + "=ok")
        except OSError as e:
            res.append(name + "=" + err(e))
    print(" ".join(res))
elif mode == "creds":
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_PASSCRED, 1)
        pc = "ok"
    except OSError as e:
        pc = err(e)
    s.connect(arg)
    msg, anc, flags, addr = s.recvmsg(16, 256)
    types = sorted({"SCM_CREDENTIALS" if t == socket.SCM_CREDENTIALS else str(t)
                    for lvl, t, data in anc})
    print("passcred=%s data=%s cmsgs=%s" % (pc, msg.decode() or "-", ",".join(types) or "none"))
EOF
CLIENT=$(cat client.py)

# Outside the jail: serve SOCK rights|creds LOG hands each client a
# descriptor of ./secret, or its credentials, and logs what sendmsg said.
cat >sender.py <<'EOF'
import errno, os, socket, struct, subprocess, sys

def send(s, what, log):
    try:
        if what == "rights":
            fd = os.open("secret", os.O_RDONLY)
            socket.send_fds(s, [b"f"], [fd])
            os.close(fd)
        else:
            creds = struct.pack("3i", os.getpid(), os.getuid(), os.getgid())
            s.sendmsg([b"c"], [(socket.SOL_SOCKET, socket.SCM_CREDENTIALS, creds)])
        r = "sent"
    except OSError as e:
        r = errno.errorcode.get(e.errno, str(e.errno))
    with open(log, "a") as f:
        f.write(r + "\n")

if sys.argv[1] == "serve":
    path, what, log = sys.argv[2:5]
    l = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    l.bind(path)
    l.listen(8)
    open(log + ".ready", "w").close()
    while True:
        c, _ = l.accept()
        send(c, what, log)
        c.close()
else:
    # pass LOG CMD...: CMD inherits one end of a socketpair (its number
    # replaces the argument FD) and says "r" on it when it is ready.
    log, cmd = sys.argv[2], sys.argv[3:]
    mine, theirs = socket.socketpair()
    cmd = [str(theirs.fileno()) if a == "FD" else a for a in cmd]
    p = subprocess.Popen(cmd, pass_fds=[theirs.fileno()])
    theirs.close()
    if mine.recv(1) == b"r":
        send(mine, "rights", log)
    mine.close()
    sys.exit(p.wait())
EOF

# serve_ NAME rights|creds: a sender on $T/NAME.sock, its results in NAME.log.
serve_() {
	: >"$1.log"
	"$PY" sender.py serve "$T/$1.sock" "$2" "$1.log" </dev/null >/dev/null 2>"$1.serr" &
	track_pid_ $!
	wait_for_file_ "$1.log.ready"
}
# run_ NAME POLICY|native MODE ARG: the client, jailed or native.
run_() {
	rn=$1 rp=$2; shift 2
	if [ "$rp" = native ]; then
		run_native_ "$rn" "$PY" -I -c "$CLIENT" "$@"
	else
		jail_ "$rn" "$rp" "$PY" -I -c "$CLIENT" "$@"
	fi
}
# inherit_ NAME POLICY|native: the client inherits a socket from the sender.
inherit_() {
	: >"$1.log"
	if [ "$2" = native ]; then
		set -- "$1" "$PY" -I -c "$CLIENT" inherited FD
	else
		set -- "$1" "$JANUS" -p "$2" -- "$PY" -I -c "$CLIENT" inherited FD
	fi
	in_=$1; shift
	"$PY" sender.py pass "$in_.log" "$@" </dev/null >"$in_.out" 2>"$in_.err"
	echo $? >"$in_.rc"
}
# got_ NAME LINE [LOG RESULT]: NAME printed LINE (and the sender logged
# RESULT in LOG).
got_() {
	expect_ "$1" "$2"
	[ -z "${3:-}" ] || [ "$(cat "$3")" = "$4" ] ||
		fail_ "$1: the sender logged '$(cat "$3")', expected '$4'"
}

serve_ rights rights
serve_ creds creds
secret_read="data=f fds=1 read=$token"

# The file itself is refused to the jail under both policies.
run_ open.d d.policy open "$T/secret"
expect_ open.d open=EACCES
run_ open.c c.policy open "$T/secret"
expect_ open.c open=EACCES

# A socket the program connects: the sender fails under the default policy.
: >rights.log
run_ rights.d d.policy connect "$T/rights.sock"
got_ rights.d "data=- fds=0" rights.log EPERM
: >rights.log
run_ rights.c c.policy connect "$T/rights.sock"
got_ rights.c "$secret_read" rights.log sent
: >rights.log
run_ rights.native native connect "$T/rights.sock"
got_ rights.native "$secret_read" rights.log sent

# A socket the program inherits: sealed before the program runs.
inherit_ inherit.d d.policy
got_ inherit.d "data=- fds=0" inherit.d.log EPERM
inherit_ inherit.c c.policy
got_ inherit.c "$secret_read" inherit.c.log sent
inherit_ inherit.native native
got_ inherit.native "$secret_read" inherit.native.log sent

# Its own sockets: sealed, and it cannot unseal them.
run_ options.d d.policy options x
got_ options.d "passrights=0 set-passrights=ENOPROTOOPT set-passpidfd=ENOPROTOOPT get-peerpidfd=ENOPROTOOPT"
for opt in 0x53 0x4c 0x4d; do
	grep -Eq "^janus: denied pid [0-9]+ .*sockopt\(.*$opt.* -> ENOPROTOOPT \(fdpass; <fixed>\)\$" options.d.err ||
		{ cat options.d.err >&2; fail_ "no report of the refusal of socket option $opt"; }
done
run_ options.c c.policy options x
got_ options.c "passrights=1 set-passrights=ok set-passpidfd=ok get-peerpidfd=ok"
run_ options.native native options x
got_ options.native "passrights=1 set-passrights=ok set-passpidfd=ok get-peerpidfd=ok"

# Credentials: the receiver must ask for them, which the default refuses.
run_ creds.d d.policy creds "$T/creds.sock"
got_ creds.d "passcred=EPERM data=c cmsgs=none"
run_ creds.c c.policy creds "$T/creds.sock"
got_ creds.c "passcred=ok data=c cmsgs=SCM_CREDENTIALS"
run_ creds.native native creds "$T/creds.sock"
got_ creds.native "passcred=ok data=c cmsgs=SCM_CREDENTIALS"
exit 0
