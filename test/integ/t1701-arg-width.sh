#!/bin/sh
# Proves: janus reads int arguments as the kernel does: the kernel takes
# the low 32 bits of fcntl's command, setsockopt's level and option,
# ioctl's request, socket's domain, type and protocol, and the pids of
# kill, tgkill, getsid, so a stray bit 32 (try -H) or socket type flags
# (SOCK_CLOEXEC, SOCK_NONBLOCK) must not turn a refused call into one
# that no deny rule matches and an allow rule lets through.  Under the
# default policy and test/policies/wide.policy each such call is refused
# as without the stray bits, and from outside: the canary survives
# F_SETOWN+SIGIO and kill, TIOCSTI puts nothing in the terminal's input.
# Natively the same wide calls work (positive control: the kernel really
# ignores the stray bit).
. "$SRCDIR/test/lib/init.sh"
. "$SRCDIR/test/lib/policy.sh"
[ "$(getconf LONG_BIT)" = 64 ] || skip_ "a stray bit 32 needs 64-bit arguments"
policy_including_ d "$POLICIES/default-helpers.policy"
policy_including_ w "$POLICIES/wide.policy"
D='<default>'
r_() { rule_ "$DEFAULT_POLICY" "$1"; }
FC=$(r_ 'deny fcntl F_SETOWN F_SETOWN_EX F_SETSIG')
DBG=$(r_ 'deny sockopt SO_DEBUG')
STI=$(r_ 'deny ioctl TIOCSTI TIOCLINUX')
RAW=$(rule_ "$POLICIES/wide.policy" 'deny socket inet raw')
[ "$(id -u)" = 0 ] || skip_ "the positive controls (SO_DEBUG, raw sockets) need root"

canary_
no_ setown d.policy EPERM "$FC" -H fcntl F_SETOWN
no_ setsig d.policy EPERM "$FC" -H fcntl F_SETSIG
no_ sigio d.policy EPERM "$FC" -H fcntl-sigio $canary
canary_alive_ "fcntl(F_SETOWN | 1<<32) + SIGIO"
native_ setown ok -H fcntl F_SETOWN
no_ debug d.policy EPERM "$DBG" -H setsockopt unix SO_DEBUG
native_ debug ok -H setsockopt unix SO_DEBUG
no_ raw w.policy EPROTONOSUPPORT "$RAW" -H socket inet raw icmp
no_ rawcx w.policy EPROTONOSUPPORT "$RAW" socket inet raw,cloexec icmp
no_ rawnb w.policy EPROTONOSUPPORT "$RAW" socket inet raw,nonblock,cloexec icmp
native_ raw ok -H socket inet raw icmp
native_ rawcx ok socket inet raw,cloexec icmp
ok_ tcpcx w.policy socket inet stream,cloexec tcp
for op in kill tgkill getsid; do
	if [ $op = getsid ]; then s=; else s=TERM; fi
	no_ $op d.policy EPERM "$D" -H $op $canary $s
	ok_ $op.member d.policy -H $op child $s
done
canary_alive_ "kill/tgkill with a stray bit 32"
no_ all d.policy EPERM "$D" -H kill-1 0
native_ getsid ok -H getsid $canary
native_ kill ok -H kill $canary 0

# TIOCSTI | 1<<32 on a terminal.
"$PYTHON" "$SRCDIR/test/helpers/pty-run.py" sti.pty sh -c 'exec "$@" >sti.out 2>sti.err' sh \
	"$JANUS" -p d.policy -- "$TRY" -H ioctl TIOCSTI 0 'echo pwned' >sti.screen
echo $? >sti.rc
expect_ sti errno=EPERM
denied_ sti EPERM "$STI" ioctl
grep -qx inq=0 sti.pty || fail_ "TIOCSTI | 1<<32 reached the terminal's input: $(cat sti.pty)"
exit 0
