# scratch.sh - shared by e0701..e0704: the driver's side of
# e0701-scratch-area.c.  While the program waits, find from outside the
# scratch regions janus mapped into it and tell the program where they
# are.  janus's regions are what the program did not map itself: in
# /proc/PID/maps, an anonymous mapping or memfd named after janus (not a
# file whose path says "janus", as the build tree's may), or else a private
# anonymous read-only one (doc/races.md: mmap(NULL, 12 KiB, PROT_READ,
# MAP_PRIVATE|MAP_ANONYMOUS)); the program, before it signals, maps none
# of those itself.
attack() { launch e0701-scratch-area "$scratch_mode" "$W/allowed.txt" "$SECRET"; }
during() {
	scratch_found=
	rm -f "$W/scratch.range"
	n_=0
	while [ ! -s "$W/scratch.ready" ] && [ $n_ -lt 500 ]; do
		kill -0 "$lp_pid" 2>/dev/null || return 0
		sleep 0.01
		n_=$((n_ + 1))
	done
	if [ "$MODE" = janus ] && [ -s "$W/scratch.ready" ]; then
		pid_=$(cat "$W/scratch.ready")
		scratch_found=$(awk '
			$6 ~ /^(\[anon:|\/memfd:)janus/ { print; next }
			NF == 5 && $2 == "r--p" && $5 == 0 { print }' "/proc/$pid_/maps" 2>/dev/null)
	fi
	if [ -n "$scratch_found" ]; then
		printf '%s\n' "$scratch_found" | awk '{ split($1, a, "-"); print a[1], a[2] }'
	else
		echo none
	fi >"$W/scratch.range.tmp"
	mv "$W/scratch.range.tmp" "$W/scratch.range"
}
judge_extra() {
	if [ "$MODE" = janus ]; then
		if [ -z "$scratch_found" ]; then
			janus_skip="janus maps no scratch area yet"
		else
			note_ "scratch regions found: $(printf '%s\n' "$scratch_found" | awk '{ print $1 }' | tr '\n' ' ')"
		fi
	fi
}
