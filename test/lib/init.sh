# test/lib/init.sh: sourced first by every test/integ/*.sh script.
#
# Environment (set by `make check`, see test/integ/integ.mk):
#   JANUS    the janus binary under test
#   HELPERS  the directory of the test/helpers programs
#   SRCDIR   the top source directory
# To run one test by hand from the build directory:
#   JANUS=$PWD/src/janus HELPERS=$PWD/test/helpers SRCDIR=/path/to/src \
#     sh /path/to/src/test/integ/t0001-exit-status.sh
#
# Exit codes follow automake: 0 pass, 1 fail, 77 skip, 99 hard error.
# Each test runs in its own temporary directory ($T, the cwd), removed on
# exit unless JANUS_TEST_KEEP is set.

me=${0##*/}
me=${me%.sh}

warn_() { printf '%s: %s\n' "$me" "$*" >&2; }
skip_() { warn_ "SKIP: $*"; exit 77; }
fail_() { warn_ "FAIL: $*"; exit 1; }
framework_failure_() { warn_ "FRAMEWORK FAILURE: $*"; exit 99; }

[ -n "${JANUS:-}" ] || framework_failure_ "JANUS is not set"
[ -n "${HELPERS:-}" ] || framework_failure_ "HELPERS is not set"
[ -x "$JANUS" ] || framework_failure_ "janus binary '$JANUS' is missing"
. "$SRCDIR/test/lib/vm.sh"

# Processes to SIGKILL on exit (see track_pid_), so that a failed test
# leaves nothing running.
tracked_=
cleanup_() {
	for tp_ in $tracked_; do
		alive_ "${tp_%:*}" "${tp_#*:}" && kill -9 "${tp_%:*}" 2>/dev/null
	done
	cd / || :
	if [ -n "${JANUS_TEST_KEEP:-}" ]; then
		warn_ "kept $T"
	else
		rm -rf "$T"
	fi
}
T=$(mktemp -d "${TMPDIR:-/tmp}/janus-$me.XXXXXX") ||
	framework_failure_ "cannot create a temporary directory"
trap cleanup_ EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM
cd "$T" || framework_failure_ "cannot cd to $T"
# Cores from crashing helpers would otherwise be dumped in $T or refused.
ulimit -S -c 0 2>/dev/null

# require_helper_ NAME...: skip unless the helpers were built.
# (Called directly, not in $(...), so that skip_ ends the test.)
require_helper_() {
	for rh_ in "$@"; do
		[ -x "$HELPERS/$rh_" ] || skip_ "helper $rh_ was not built"
	done
}

# require_i386_helper_ NAME: skip, saying why, unless the -m32 helper NAME
# was built (needs a -m32 toolchain); where this kernel runs no i386
# programs, the test re-runs in a VM (need_abi_, test/lib/vm.sh).
require_i386_helper_() {
	case $(uname -m) in
	x86_64) ;;
	*) skip_ "i386 programs need an x86_64 host (this is $(uname -m))" ;;
	esac
	[ -x "$HELPERS/$1" ] ||
		skip_ "i386 helper $1 was not built: the compiler cannot link -m32 programs (install gcc-multilib)"
	need_abi_ i386
}

# These tests are about the supervisor, not the policy: janus always runs
# with the built-in allow-all policy (-p allow-all), so that the command
# should behave exactly as natively.
#
# run_native_ NAME CMD [ARGS...] / run_janus_ NAME [JANUS-OPTS --] CMD...
# Run the command with stdin from /dev/null; stdout, stderr and exit status
# go to NAME.out, NAME.err and NAME.rc.  run_janus_ runs
# "$JANUS -p allow-all", adding "--" unless the arguments already start
# with a janus option.
run_native_() {
	rn_=$1; shift
	"$@" </dev/null >"$rn_.out" 2>"$rn_.err"
	echo $? >"$rn_.rc"
}
run_janus_() {
	rj_=$1; shift
	case $1 in
	-*) "$JANUS" -p allow-all "$@" ;;
	*) "$JANUS" -p allow-all -- "$@" ;;
	esac </dev/null >"$rj_.out" 2>"$rj_.err"
	echo $? >"$rj_.rc"
}

# compare_ NAME1 NAME2 WHAT...: fail unless the named runs agree on each
# WHAT (out, err, rc), showing the difference.
compare_() {
	ca_=$1 cb_=$2; shift 2
	for cw_ in "$@"; do
		if ! cmp -s "$ca_.$cw_" "$cb_.$cw_"; then
			warn_ "$ca_.$cw_ and $cb_.$cw_ differ:"
			diff -u "$ca_.$cw_" "$cb_.$cw_" >&2
			fail_ "$ca_ and $cb_ differ in $cw_"
		fi
	done
}

# same_as_native_ NAME CMD [ARGS...]: run CMD natively and under janus and
# fail unless stdout, stderr and exit status are identical.
same_as_native_() {
	sn_=$1; shift
	run_native_ "$sn_.native" "$@"
	run_janus_ "$sn_.janus" "$@"
	compare_ "$sn_.native" "$sn_.janus" out err rc
}

# expect_rc_ NAME RC: fail unless run NAME exited with RC.
expect_rc_() {
	[ "$(cat "$1.rc")" = "$2" ] ||
		{ cat "$1.err" >&2; fail_ "$1: exit status $(cat "$1.rc"), expected $2"; }
}

# wait_for_file_ FILE: wait until FILE exists (the test timeout bounds it).
wait_for_file_() {
	while [ ! -e "$1" ]; do sleep 0.05; done
}

# proc_field_ PID N: field N of /proc/PID/stat, counting after "(comm)"
# (1 = state, 2 = ppid, 20 = starttime); empty if PID is gone.
proc_field_() {
	s_=$(cat "/proc/$1/stat" 2>/dev/null) || return 0
	s_=${s_##*) }
	printf '%s\n' "$s_" | cut -d' ' -f"$2"
}

# descendants_ PID: every process below PID (children, grandchildren, ...).
descendants_() {
	ps_all_=$(for f in /proc/[0-9]*/stat; do
		s_=$(cat "$f" 2>/dev/null) || continue
		p_=${f#/proc/}; p_=${p_%/stat}
		s_=${s_##*) }
		printf '%s %s\n' "$p_" "$(printf '%s\n' "$s_" | cut -d' ' -f2)"
	done)
	todo_=$1
	while [ -n "$todo_" ]; do
		next_=
		for p_ in $todo_; do
			kids_=$(printf '%s\n' "$ps_all_" | awk -v pp="$p_" '$2 == pp { print $1 }')
			for k_ in $kids_; do echo "$k_"; done
			next_="$next_ $kids_"
		done
		todo_=$(echo $next_)
	done
}

# alive_ PID STARTTIME: true if PID still runs (not a zombie) and is the
# same process as when STARTTIME was read.
alive_() {
	st_=$(proc_field_ "$1" 1)
	[ -n "$st_" ] && [ "$st_" != Z ] && [ "$st_" != X ] &&
		[ "$(proc_field_ "$1" 20)" = "$2" ]
}

# track_pid_ PID...: kill these processes when the test ends, if they still
# run then (the start time guards against a reused pid).
track_pid_() {
	for tp_ in "$@"; do
		tracked_="$tracked_ $tp_:$(proc_field_ "$tp_" 20)"
	done
}

# Text traces: lines start with "[pid N] " (N may be padded, as strace does).
# trace_pid_ LINE: the pid of a trace line.
trace_pid_() {
	printf '%s\n' "$1" | sed -n 's/^\[pid  *\([0-9][0-9]*\)\] .*/\1/p'
}
# trace_leader_ TRACE: the pid of the command, from the execve that must
# open the trace; fails the test otherwise.
trace_leader_() {
	tl_=$(sed -n '1s/^\[pid  *\([0-9][0-9]*\)\] execve(.*/\1/p' "$1")
	[ -n "$tl_" ] || fail_ "$1 does not start with the command's execve: $(head -n 1 "$1")"
	printf '%s\n' "$tl_"
}
