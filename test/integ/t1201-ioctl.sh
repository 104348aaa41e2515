#!/bin/sh
# Proves: the default policy's ioctl allowlist, on a real terminal (a
# pty whose state is read from outside after the command): FIONREAD,
# FIONBIO, TIOCGPGRP, TIOCGWINSZ, FIOCLEX, FIONCLEX, TCGETS are allowed; TCSETS (it would
# turn ECHO off) and TIOCSPGRP are refused with EPERM and the terminal
# keeps ECHO; TIOCSTI is refused and nothing reaches the terminal's input
# queue; TIOCLINUX is refused.  A policy that opts in
# (test/policies/ioctl-optin.policy) gets TCSETS (ECHO goes off) and
# TIOCSPGRP, but not TIOCSTI and TIOCLINUX even though it allows them:
# the default policy's deny rules win.  Natively TCSETS and TIOCSTI take
# effect (positive control).
. "$SRCDIR/test/lib/init.sh"
. "$SRCDIR/test/lib/policy.sh"
policy_including_ d "$POLICIES/default-helpers.policy"
policy_including_ o "$POLICIES/ioctl-optin.policy"
D='<default>'
STI=$(rule_ "$DEFAULT_POLICY" 'deny ioctl TIOCSTI TIOCLINUX')

# pty_ NAME [JANUS-OPTS --] try ARG...: run on a new pty (stdin, controlling
# terminal); stdout, stderr to NAME.out/.err, the terminal's state after
# to NAME.pty (inq=N, echo=on|off), what the pty showed to NAME.screen.
pty_() {
	pn_=$1; shift
	"$PYTHON" "$SRCDIR/test/helpers/pty-run.py" "$pn_.pty" \
		sh -c 'n=$1; shift; exec "$@" >"$n.out" 2>"$n.err"' sh "$pn_" "$@" >"$pn_.screen"
	echo $? >"$pn_.rc"
}
jpty_() { jn=$1 jp=$2; shift 2; pty_ "$jn" "$JANUS" -p "$jp" -- "$TRY" "$@"; }
state_() { grep -qx "$2" "$1.pty" || fail_ "$1: terminal state $(tr '\n' ' ' <"$1.pty"), expected $2"; }

pty_ probe "$TRY" ioctl TCGETS
expect_ probe ok

for r in FIONREAD FIONBIO TIOCGPGRP TIOCGWINSZ FIOCLEX FIONCLEX TCGETS; do
	jpty_ d.$r d.policy ioctl $r
	expect_ d.$r ok
done

jpty_ d.TCSETS d.policy ioctl TCSETS
expect_ d.TCSETS errno=EPERM
denied_ d.TCSETS EPERM "$D" ioctl
state_ d.TCSETS echo=on
jpty_ d.TIOCSPGRP d.policy ioctl TIOCSPGRP
expect_ d.TIOCSPGRP errno=EPERM
denied_ d.TIOCSPGRP EPERM "$D" ioctl
jpty_ d.FIOSETOWN d.policy ioctl FIOSETOWN
expect_ d.FIOSETOWN errno=EPERM
for p in d o; do
	jpty_ $p.TIOCSTI $p.policy ioctl TIOCSTI 0 'echo pwned'
	expect_ $p.TIOCSTI errno=EPERM
	denied_ $p.TIOCSTI EPERM "$STI" ioctl
	state_ $p.TIOCSTI inq=0
	jpty_ $p.TIOCLINUX $p.policy ioctl TIOCLINUX
	expect_ $p.TIOCLINUX errno=EPERM
	denied_ $p.TIOCLINUX EPERM "$STI" ioctl
done

# Opted in.
jpty_ o.TCSETS o.policy ioctl TCSETS
expect_ o.TCSETS ok
state_ o.TCSETS echo=off
jpty_ o.TIOCSPGRP o.policy ioctl TIOCSPGRP
expect_ o.TIOCSPGRP ok

# Positive controls.
pty_ n.TCSETS "$TRY" ioctl TCSETS
expect_ n.TCSETS ok
state_ n.TCSETS echo=off
# (Since Linux 6.2 TIOCSTI needs CAP_SYS_ADMIN unless dev.tty.legacy_tiocsti is 1.)
if [ "$(id -u)" = 0 ] || [ "$(cat /proc/sys/dev/tty/legacy_tiocsti 2>/dev/null)" != 0 ]; then
	pty_ n.TIOCSTI "$TRY" ioctl TIOCSTI 0 'echo pwned'
	expect_ n.TIOCSTI ok
	state_ n.TIOCSTI inq=10
fi
pty_ n.TIOCSPGRP "$TRY" ioctl TIOCSPGRP
expect_ n.TIOCSPGRP ok
exit 0
