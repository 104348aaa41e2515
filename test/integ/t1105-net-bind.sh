#!/bin/sh
# Proves: bind rules: an address rule without `port` admits port 0 and
# 1024-65535 but no privileged port (1-1023), even for root, in IPv4,
# IPv6, IPv4-mapped IPv6 and UDP; a privileged port is bound only when a
# rule names it; other addresses are refused; unix paths and abstract
# names follow their patterns (a refused bind leaves no socket file).
# Natively (as root) the refused privileged binds succeed.  The default
# policy creates no inet socket at all (so binds nothing but unix sockets
# in its directories).  (test/policies/net-bind.policy)
. "$SRCDIR/test/lib/init.sh"
. "$SRCDIR/test/lib/policy.sh"
D='<default>'
[ "$(id -u)" = 0 ] || skip_ "binding privileged ports natively (the control) needs root"

# free_ports_ FIRST LAST COUNT: COUNT ports of FIRST..LAST free on 127.0.0.1 and [::1].
free_ports_() {
	"$PYTHON" - "$@" <<'EOF_PY'
import socket, sys
first, last, count = map(int, sys.argv[1:])
found = []
for port in range(first, last + 1):
    try:
        for fam, host in ((socket.AF_INET, "127.0.0.1"), (socket.AF_INET6, "::1")):
            for kind in (socket.SOCK_STREAM, socket.SOCK_DGRAM):
                s = socket.socket(fam, kind)
                s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                s.bind((host, port))
                s.close()
    except OSError:
        continue
    found.append(str(port))
    if len(found) == count:
        break
print(" ".join(found))
EOF_PY
}
set -- $(free_ports_ 900 1023 2)
low=$1 priv=$2
[ -n "$priv" ] || skip_ "no two free privileged ports in 900-1023"
set -- $(free_ports_ 20000 40000 1)
high=$1
[ -n "$high" ] || skip_ "no free port in 20000-40000"
policy_including_ p "$POLICIES/net-bind.policy" PRIV=$priv
P=p.policy

ok_ any $P bind 127.0.0.1:0
ok_ high $P bind "127.0.0.1:$high"
ok_ high6 $P bind "[::1]:$high"
ok_ priv $P bind "127.0.0.1:$priv"
no_ low $P EACCES "$D" bind "127.0.0.1:$low"
no_ low6 $P EACCES "$D" bind "[::1]:$low"
no_ lowmapped $P EACCES "$D" bind "[::ffff:127.0.0.1]:$low"
no_ lowudp $P EACCES "$D" bind-dgram "127.0.0.1:$low"
no_ priv6 $P EACCES "$D" bind "[::1]:$priv"
no_ addr $P EACCES "$D" bind "127.0.0.2:$high"
native_ low ok bind "127.0.0.1:$low"
native_ low6 ok bind "[::1]:$low"
native_ lowudp ok bind-dgram "127.0.0.1:$low"
native_ addr ok bind "127.0.0.2:$high"

mkdir sub || framework_failure_ mkdir
ok_ unix $P bind "unix:$T/a.sock"
[ -S a.sock ] || fail_ "allowed bind made no socket"
no_ unix.no $P EACCES "$D" bind "unix:$T/sub/b.sock"
[ ! -e sub/b.sock ] || fail_ "refused bind made a socket file"
native_ unix ok bind "unix:$T/sub/c.sock"
ok_ abs $P bind "abstract:janus-ok-$$"
no_ abs.no $P EACCES "$D" bind "abstract:janus-bad-$$"
native_ abs ok bind "abstract:janus-bad-$$"

# The default policy: no inet or inet6 socket to bind with.
policy_including_ d "$POLICIES/default-helpers.policy"
for a in "127.0.0.1:$low" "[::1]:$low"; do
	jail_ d.low d.policy "$TRY" bind "$a"
	[ "$(cat d.low.out)" = "setup-failed socket errno=EACCES" ] ||
		fail_ "default policy, bind $a: $(cat d.low.out)"
	denied_ d.low EACCES "$D" socket
done
ok_ d.unix d.policy bind "unix:$T/d.sock"
[ -S d.sock ] || fail_ "the default policy did not bind a unix socket in its directory"
exit 0
