#!/bin/sh
# Proves: in a real job-control shell (bash with set -m) a job running
# under janus that stops itself is seen stopped exactly as natively: same
# `wait` status (128+signal), `jobs` shows it Stopped, and `bg` or
# `kill -CONT %1` let it finish with status 0.  (SIGTSTP is left to
# t0201: a non-interactive bash kills a job that SIGTSTP stops.)
. "$SRCDIR/test/lib/init.sh"
require_helper_ stop-self
stop=$HELPERS/stop-self
command -v bash >/dev/null 2>&1 || skip_ "bash is not installed"

cat >jobs.bash <<'EOS'
set -m
for sig in STOP TTIN TTOU; do
	$WRAP "$STOP" "$sig" &
	wait $!
	echo "$sig: wait returned $?"
	jobs %1 >jobs.txt
	echo "$sig: job $(grep -o 'Stopped\( ([^)]*)\)\{0,1\}' jobs.txt)"
	if [ "$sig" = TTIN ]; then bg %1 >/dev/null; else kill -CONT %1; fi
	wait %1
	echo "$sig: finished with $?"
done
EOS
STOP=$stop; export STOP WRAP
WRAP=; run_native_ native bash jobs.bash
WRAP="$JANUS -p allow-all --"; run_native_ janus bash jobs.bash
cat >expected <<'EOS'
STOP: wait returned 147
STOP: job Stopped
resumed
STOP: finished with 0
TTIN: wait returned 149
TTIN: job Stopped
resumed
TTIN: finished with 0
TTOU: wait returned 150
TTOU: job Stopped
resumed
TTOU: finished with 0
EOS
cmp -s expected native.out || { diff -u expected native.out >&2; framework_failure_ "bash job control behaves unexpectedly natively"; }
compare_ native janus out err rc
exit 0
