#!/bin/sh
# Proves: where the kernel cannot seal sockets (no SO_PASSRIGHTS, before
# Linux 6.16; forced here with JANUS_TEST_FDPASS_FALLBACK=1), recvmsg on a
# unix socket runs as a call that takes no control data (src/fdpass_recv.c)
# and a program sees what it sees natively: the data, the sender's
# address, MSG_TRUNC of a truncated datagram (asked for or not),
# MSG_CMSG_CLOEXEC echoed in msg_flags, MSG_PEEK, EAGAIN.  What cannot run
# so is refused with EPERM, and the message stays queued: a control
# buffer, a datagram over several buffers.  Several buffers of a stream, with an address asked,
# are filled as far as the first (a stream may return less).  Escape
# e0612 is the race this closes.
. "$SRCDIR/test/lib/init.sh"
. "$SRCDIR/test/lib/policy.sh"
PY=/usr/bin/python3
[ -x "$PY" ] || skip_ "$PY is needed"
cp "$SRCDIR/test/helpers/recv-fallback.py" recv.py || framework_failure_ "cp"

mkdir n j || framework_failure_ mkdir
"$PY" -I "$T/recv.py" "$T/n" >native.out 2>native.err ||
	framework_failure_ "recv.py failed natively: $(cat native.err)"
grep -qx "dgram-trunc ok (b'0123', \[\], 32, '$T/n/e.sock')" native.out ||
	framework_failure_ "unexpected native run: $(cat native.out)"
# What the fallback changes, and nothing else.
sed -e "s#$T/n/#W/#g" \
    -e "s#^stream-two ok .*#stream-two ok ((3, [], 0, None), b'abc', b'\\\\x00\\\\x00\\\\x00\\\\x00\\\\x00\\\\x00\\\\x00\\\\x00\\\\x00\\\\x00')#" \
    -e "s#^stream-two-rest .*#stream-two-rest ok (b'defgh', [], 0, None)#" \
    -e "s#^control ok .*#control errno EPERM#" \
    -e "s#^control-after .*#control-after ok (b'q', [], 0, None)#" \
    -e "s#^dgram-two ok .*#dgram-two errno EPERM#" \
    -e "s#^dgram-two-after .*#dgram-two-after ok (b'abcdef', [], 0, 'W/e.sock')#" \
    native.out >expected.out

for opt in "" --no-prefilter; do
	JANUS_TEST_FDPASS_FALLBACK=1 "$JANUS" --debug $opt -- "$PY" -I "$T/recv.py" "$T/j" \
		>janus.raw 2>janus.err </dev/null
	rc=$?
	[ $rc = 0 ] || { cat janus.err >&2; fail_ "janus $opt exited $rc"; }
	grep -q 'no SO_PASSRIGHTS' janus.err || fail_ "janus $opt did not fall back"
	sed "s#$T/j/#W/#g" janus.raw >janus.out
	diff expected.out janus.out >&2 || fail_ "janus $opt: not what the fallback should show"
	[ "$(grep -c 'recvmsg refused (fdpass fallback)' janus.err)" = 2 ] ||
		fail_ "janus $opt: expected two refusals: $(grep refus janus.err)"
	grep -q 'refused, here and from now on' janus.err || fail_ "janus $opt: the refusal was not said"
	rm -f j/*.sock
done
exit 0
