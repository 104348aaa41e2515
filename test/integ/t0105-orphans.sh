#!/bin/sh
# Proves: a grandchild orphaned by its parent's exit stays traced, and
# janus waits for it: when janus returns the orphan has already written
# its marker (natively the command returns first and the marker comes
# later), and --trace shows the orphan's calls.
. "$SRCDIR/test/lib/init.sh"
require_helper_ orphan
orphan=$HELPERS/orphan
expected='grandchild alive after its parent exited'

# Native control: the command returns before the orphan has written.
run_native_ native "$orphan" "$T/native-marker"
expect_rc_ native 0
[ ! -e native-marker ] || warn_ "note: natively the marker was already there"
wait_for_file_ native-marker
while [ "$(cat native-marker)" != "$expected" ]; do sleep 0.05; done

run_janus_ janus "$orphan" "$T/janus-marker"
compare_ native janus out err rc
[ -e janus-marker ] || fail_ "janus returned before the orphaned grandchild finished"
[ "$(cat janus-marker)" = "$expected" ] || fail_ "marker holds '$(cat janus-marker)'"

run_janus_ traced --trace -o trace -- "$orphan" "$T/traced-marker"
compare_ native traced out rc
[ "$(cat traced-marker 2>/dev/null)" = "$expected" ] || fail_ "marker missing after the traced run"
leader=$(trace_leader_ trace) || exit 1
# (Strings may be shown truncated, as strace does beyond 32 bytes.)
line=$(grep 'write([0-9]*, "grandchild alive after' trace) ||
	fail_ "the orphan's write is not in the trace"
[ "$(trace_pid_ "$line")" != "$leader" ] ||
	fail_ "the orphan's write is attributed to the leader: $line"
grep -q 'openat(AT_FDCWD, "[^"]*traced-marker"' trace || fail_ "the orphan's openat is not in the trace"
exit 0
