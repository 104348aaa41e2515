#!/bin/sh
# SH_LOG_COMPILER for test/integ: run one test script under a time limit,
# so that a hung supervisor fails that test instead of hanging `make check`.
# Shortly before the limit, the test's processes are listed in its log
# (state and kernel wait channel show what hung).
# Usage: run.sh TEST.sh [ARGS...]   (limit: $JANUS_TEST_TIMEOUT s, default 300)

limit=${JANUS_TEST_TIMEOUT:-300}
if ! command -v timeout >/dev/null 2>&1; then
	exec /bin/sh "$@"
fi

watchdog() {
	trap 'kill $sleeper 2>/dev/null; exit 0' TERM
	sleep $((limit > 5 ? limit - 2 : limit)) &
	sleeper=$!
	wait $sleeper
	# List timeout(1) and everything below it.
	group=$(ps -o pid=,comm= --ppid $$ 2>/dev/null | awk '$2 == "timeout" { print $1 }')
	[ -n "$group" ] || exit 0
	echo "run.sh: $1 still running after $((limit - 2))s; its processes:"
	ps -eo pid,ppid,stat,wchan:24,args | awk -v top="$group" '
		NR == 1 { print; next }
		{ line[$1] = $0; parent[$1] = $2; order[NR] = $1 }
		END {
			keep[top] = 1
			do {
				more = 0
				for (p in parent)
					if (!(p in keep) && (parent[p] in keep)) { keep[p] = 1; more = 1 }
			} while (more)
			for (i = 2; i <= NR; i++) if (order[i] in keep) print line[order[i]]
		}'
} >&2
watchdog "$1" &
dog=$!

timeout -k 10 "$limit" /bin/sh "$@"
rc=$?
kill $dog 2>/dev/null
wait $dog 2>/dev/null
if [ "$rc" -eq 124 ]; then
	echo "run.sh: $1 timed out after ${limit}s" >&2
fi
exit "$rc"
