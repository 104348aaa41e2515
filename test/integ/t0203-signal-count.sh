#!/bin/sh
# Proves: signals reach the traced program exactly once each: N SIGUSR1
# sent by another process (one at a time), N SIGUSR2 raised by itself,
# and 32 queued real-time signals (values in order) are all delivered,
# none swallowed or duplicated -- the counts equal the native run's.
. "$SRCDIR/test/lib/init.sh"
require_helper_ sig-count
count=$HELPERS/sig-count
n=200

same_as_native_ sigs "$count" $n
expect_rc_ sigs.janus 0
printf '%s\n' "SIGUSR1 sent by a child: $n delivered" "SIGUSR2 raised: $n delivered" \
	'SIGRTMIN queued: 32 delivered, in order' >expected
cmp -s expected sigs.native.out || framework_failure_ "native counts are off: $(cat sigs.native.out)"
exit 0
