#!/bin/sh
# Proves: the shipped example policies do what their comments say.
# shell-scratch.policy: a shell script reads the system, writes
# $CWD/scratch, its private $TMPDIR and (a redirection) /dev/null, and
# cannot write $CWD itself,
# /tmp, or read /etc/shadow (checked from outside, exit status 0).
# net-client.policy: in a network namespace where 192.0.2.10 is a local
# address, the client reaches 192.0.2.10:8443 (also as IPv4-mapped IPv6),
# not 192.0.2.10:8444 nor 127.0.0.1:8443, whose listeners see nothing.
# loopback-server.policy: a jailed server on 127.0.0.1 (port picked by
# the kernel) accepts a local client's connection; binding a non-loopback
# address or a privileged port is refused.  The helpers run through
# test/policies/examples-helpers.policy (the example + helpers' exec).
. "$SRCDIR/test/lib/init.sh"
. "$SRCDIR/test/lib/policy.sh"
D='<default>'

# --- shell-scratch --------------------------------------------------------
mkdir scratch || framework_failure_ mkdir
outside=$(dirname "$TDIR")/janus-t1504-outside.$$
cat >report.sh <<EOF_SH
wc -l </etc/passwd >scratch/count
ls /usr >scratch/usr 2>/dev/null
t=\$(mktemp) && echo tmp >"\$t" && cat "\$t" >scratch/tmp && echo "\$t" >scratch/tmppath
echo escaped >escaped || echo refused-cwd >>scratch/log
echo escaped >"$outside" || echo refused-tmp >>scratch/log
cat /etc/shadow >scratch/shadow || echo refused-shadow >>scratch/log
EOF_SH
PATH=/usr/bin:/bin "$JANUS" -p "$EXAMPLES/shell-scratch.policy" -- /bin/sh ./report.sh \
	</dev/null >scratch.out 2>scratch.err
echo $? >scratch.rc
if [ -e "$outside" ]; then rm -f "$outside"; fail_ "shell-scratch: the script wrote $outside"; fi
expect_rc_ scratch 0
[ "$(cat scratch/count)" = "$(wc -l </etc/passwd)" ] || fail_ "shell-scratch: wrong line count of /etc/passwd"
[ -s scratch/usr ] || fail_ "shell-scratch: ls /usr printed nothing"
[ "$(cat scratch/tmp)" = tmp ] || fail_ "shell-scratch: mktemp in \$TMPDIR failed"
tmpfile=$(cat scratch/tmppath)
case $tmpfile in "$TDIR"/*) fail_ "shell-scratch: the temporary file was made in \$CWD" ;; esac
[ ! -e "$tmpfile" ] || fail_ "shell-scratch: janus's temporary directory outlived the run"
[ ! -e escaped ] || fail_ "shell-scratch: the script wrote \$CWD"
[ ! -s scratch/shadow ] || fail_ "shell-scratch: the script read /etc/shadow"
[ "$(cat scratch/log)" = "refused-cwd
refused-tmp
refused-shadow" ] || fail_ "shell-scratch: refusals logged: $(cat scratch/log)"

# --- net-client, in a network namespace -----------------------------------
if ! command -v nsenter >/dev/null || ! command -v ip >/dev/null ||
	! unshare --net true 2>/dev/null; then
	warn_ "no network namespace (unshare --net, nsenter, ip): net-client not tested"
else
	unshare --net sleep 300 &
	nspid=$!
	track_pid_ $nspid
	sleep 0.2
	NS_="nsenter -t $nspid -n"
	$NS_ ip link set lo up && $NS_ ip addr add 192.0.2.10/32 dev lo ||
		framework_failure_ "cannot set up the network namespace"
	listen_ srv stream 192.0.2.10:8443
	listen_ other stream 192.0.2.10:8444
	listen_ lo stream 127.0.0.1:8443
	policy_including_ c "$POLICIES/examples-helpers.policy" EXAMPLE="$EXAMPLES/net-client.policy"
	ok_ c.ok c.policy connect 192.0.2.10:8443 jailed
	ok_ c.mapped c.policy connect '[::ffff:192.0.2.10]:8443' mapped
	no_ c.port c.policy EACCES "$D" connect 192.0.2.10:8444 jailed
	no_ c.lo c.policy EACCES "$D" connect 127.0.0.1:8443 jailed
	probe_ srv connect 192.0.2.10:8443
	probe_ other connect 192.0.2.10:8444
	probe_ lo connect 127.0.0.1:8443
	reached_ srv jailed 1
	reached_ srv mapped 1
	reached_ other jailed 0
	reached_ lo jailed 0
	NS_=
fi

# --- loopback-server ------------------------------------------------------
policy_including_ s "$POLICIES/examples-helpers.policy" EXAMPLE="$EXAMPLES/loopback-server.policy"
jail_ serve s.policy "$TRY" serve 127.0.0.1:0 "$T/server.port" &
server=$!
until [ -e server.port ] || [ -e serve.rc ]; do sleep 0.05; done
[ -e server.port ] || { cat serve.out serve.err >&2; fail_ "loopback-server: the server did not start"; }
"$TRY" connect "127.0.0.1:$(cat server.port)" hello-server >client.out 2>&1
grep -qx ok client.out || { kill $server; fail_ "loopback-server: the client: $(cat client.out)"; }
wait $server
expect_ serve ok
[ "$(cat server.port.data)" = hello-server ] ||
	fail_ "loopback-server: the server read '$(cat server.port.data)'"
no_ s.any s.policy EACCES "$D" bind 0.0.0.0:0
no_ s.low s.policy EACCES "$D" bind 127.0.0.1:80
no_ s.far s.policy EACCES "$D" connect 192.0.2.1:8080
if "$TRY" bind 127.0.0.1:8080 | grep -qx ok; then
	ok_ s.8080 s.policy bind 127.0.0.1:8080
fi
exit 0
