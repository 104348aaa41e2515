#!/bin/sh
# Proves: janus copes with 500 short-lived processes (forked in waves of
# 50): every child runs and exits with its own code, and the parent reaps
# each one with the right status, as natively.
. "$SRCDIR/test/lib/init.sh"
require_helper_ fork-storm
storm=$HELPERS/fork-storm

same_as_native_ storm "$storm" 500
expect_rc_ storm.janus 0
grep -qx 'forked 500, reaped 500, wrong codes 0, sum [0-9]*' storm.janus.out ||
	fail_ "unexpected output: $(cat storm.janus.out)"
exit 0
