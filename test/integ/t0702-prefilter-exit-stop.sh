#!/bin/sh
# Proves: under the seccomp prefilter, a call that janus stops for and
# lets run unchanged costs one stop, not two: its exit stop, which would
# owe it nothing, never comes (src/supervisor.c skip_exit_stop); and the
# program behaves as natively.  A script makes N munmap calls (the
# prefilter stops them: they could unmap janus's scratch region); janus,
# watched by strace, waits for about N more stops than with none, not 2N.
# With --no-prefilter every call stops at entry and exit, the count as
# a control: it must see 2 or more stops per munmap.
. "$SRCDIR/test/lib/init.sh"
PYTHON=$(command -v python3) || skip_ "python3 is needed"
STRACE=$(command -v strace) || skip_ "strace is needed"
N=2000
cat >m.py <<'EOF' || framework_failure_ "cannot write m.py"
import mmap, sys
n = int(sys.argv[1])
for i in range(n):
    m = mmap.mmap(-1, 4096)
    m[0] = 1
    m.close()
print("unmapped", n)
EOF
"$PYTHON" m.py $N >native.out 2>&1 || framework_failure_ "natively: $(cat native.out)"

# waits_ NAME N [JANUS-OPT]: how many times janus waited for a stop while
# the script made N munmaps; the script's output must be native's.
# (LeakSanitizer cannot run under ptrace: off in sanitizer builds.)
waits_() {
	ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
	"$STRACE" -qq -e trace=wait4 -o "$1.strace" \
		"$JANUS" $3 -p allow-all -- "$PYTHON" m.py "$2" </dev/null >"$1.out" 2>"$1.err" ||
		fail_ "$1: exit $?: $(cat "$1.err")"
	[ "$(cat "$1.out")" = "unmapped $2" ] || fail_ "$1: printed '$(cat "$1.out")'"
	grep -c '^wait4(' "$1.strace"
}
base=$(waits_ zero 0) || exit
many=$(waits_ many $N) || exit
extra=$((many - base))
[ "$extra" -ge $((N * 9 / 10)) ] || fail_ "only $extra more stops for $N munmaps: were they stopped?"
[ "$extra" -lt $((N * 3 / 2)) ] || fail_ "$extra more stops for $N munmaps: exit stops not skipped"

nbase=$(waits_ nzero 0 --no-prefilter) || exit
nmany=$(waits_ nmany $N --no-prefilter) || exit
nextra=$((nmany - nbase))
[ "$nextra" -ge $((N * 2)) ] || fail_ "--no-prefilter: only $nextra more stops for $N munmaps"
exit 0
