# test/lib/policy.sh: sourced by the policy tests (test/integ/t1*.sh)
# after init.sh.  Those tests run janus with real policies and judge each
# refusal from outside the jail: the file system, a listener, a canary
# process, the terminal.
#
# The try helper (test/helpers/try*.c) performs one operation and prints
# "ok" or "errno=NAME".  Policies of test/policies/ are read through a
# small wrapper that defines $HELPERS (policy_); janus defines $CWD (the
# test's directory $T), $TMPDIR and $HOME.

require_helper_ try
TRY=$HELPERS/try
# Policies match canonical paths: give them canonical directories.
HELPERS_DIR=$(cd "$HELPERS" && pwd -P) || framework_failure_ "cannot enter $HELPERS"
TDIR=$(pwd -P)
POLICIES=$SRCDIR/test/policies
DEFAULT_POLICY=$SRCDIR/policy/policies/default.policy
EXAMPLES=$SRCDIR/policy/policies/examples
PYTHON=$(command -v python3) || skip_ "python3 is needed"

# policy_ NAME [SET...] < TEXT: write NAME.policy: `set HELPERS`, a `set`
# line for each SET (VAR=VALUE), then TEXT.
policy_() {
	po_=$1; shift
	{
		printf 'set HELPERS = "%s"\n' "$HELPERS_DIR"
		for ps_ in "$@"; do printf 'set %s = "%s"\n' "${ps_%%=*}" "${ps_#*=}"; done
		cat
	} >"$po_.policy"
}

# policy_including_ NAME FILE [SET...]: NAME.policy includes FILE.
policy_including_() {
	pi_=$1 pf_=$2; shift 2
	printf 'include "%s"\n' "$pf_" | policy_ "$pi_" "$@"
}

# NS_: a command prefix (as `nsenter -t PID -n`) that jail_, listen_ and
# probe_ put before what they run; empty: none.
NS_=

# jail_ NAME POLICY CMD [ARG...]: run CMD under `janus -p POLICY`; stdout,
# stderr, exit status to NAME.out, NAME.err, NAME.rc.
jail_() {
	jn_=$1 jp_=$2; shift 2
	# JANUS_OPTS: options every run of the test adds (t0701: --no-prefilter).
	$NS_ "$JANUS" ${JANUS_OPTS:-} -p "$jp_" -- "$@" </dev/null >"$jn_.out" 2>"$jn_.err"
	echo $? >"$jn_.rc"
}

# expect_ NAME LINE: run NAME exited 0 after printing exactly LINE.
expect_() {
	eo_=$(cat "$1.out")
	[ "$eo_" = "$2" ] || { cat "$1.err" >&2; fail_ "$1: printed '$eo_', expected '$2'"; }
	expect_rc_ "$1" 0
}

# rule_ FILE TEXT: "BASENAME:LINE" of the first line of FILE containing TEXT
# (comment lines aside), so that tests name rules without hard-coding line
# numbers.  Called in
# $(...): a failure signals the test itself to stop (exit 99).
policy_sh_pid_=$$
trap 'exit 99' USR2
rule_() {
	rl_=$(awk -v t="$2" '$0 !~ /^[ \t]*#/ && index($0, t) { print NR; exit }' "$1")
	if [ -z "$rl_" ]; then
		warn_ "FRAMEWORK FAILURE: no line with '$2' in $1"
		kill -s USR2 $policy_sh_pid_
		exit 99
	fi
	echo "${1##*/}:$rl_"
}

# denied_ NAME ERRNO RULE [CHECK]: NAME.err reports a refusal with ERRNO
# decided by RULE ("file:line" as rule_ gives it, "<default>" or "<fixed>"),
# by the check CHECK (fs, connect, ...) if given.
denied_() {
	dr_=$(printf '%s' "$3" | sed 's/[].[^$*+?(){}|\\/]/\\&/g')
	dc_=${4:-[a-z]+}
	grep -Eq "^janus: denied pid [0-9]+ .* -> $2 \($dc_( [^;]*)?; (.*/)?$dr_\)\$" "$1.err" || {
		cat "$1.err" >&2
		fail_ "$1: no report of a refusal with $2 by ${4:-any check} at $3"
	}
}

# not_denied_ NAME: NAME.err reports no refusal.
not_denied_() {
	! grep -q '^janus: denied ' "$1.err" || { cat "$1.err" >&2; fail_ "$1: unexpected refusal"; }
}

# ok_ NAME POLICY ARG...: `try ARG...` in the jail succeeds.
ok_() {
	on_=$1 op_=$2; shift 2
	jail_ "$on_" "$op_" "$TRY" "$@"
	expect_ "$on_" ok
}

# no_ NAME POLICY ERRNO RULE ARG...: `try ARG...` in the jail fails with
# ERRNO and janus reports the refusal as decided by RULE.
no_() {
	nn_=$1 np_=$2 ne_=$3 nr_=$4; shift 4
	jail_ "$nn_" "$np_" "$TRY" "$@"
	expect_ "$nn_" "errno=$ne_"
	denied_ "$nn_" "$ne_" "$nr_"
}

# native_ NAME RESULT ARG...: the positive control: natively, `try ARG...`
# prints RESULT ("ok" or "errno=...").
native_() {
	vn_=$1 vr_=$2; shift 2
	run_native_ "$vn_.native" "$TRY" "$@"
	expect_ "$vn_.native" "$vr_"
}

# native_not_ NAME ERRNO ARG...: natively `try ARG...` does not fail with
# ERRNO (what it does instead depends on the machine: the control only
# shows that the refusal under janus is janus's).
native_not_() {
	wn_=$1 we_=$2; shift 2
	run_native_ "$wn_.native" "$TRY" "$@"
	expect_rc_ "$wn_.native" 0
	grep -qx "errno=$we_" "$wn_.native.out" && fail_ "$wn_: natively it fails with $we_ too"
	grep -qx 'ok\|errno=[A-Z0-9]*' "$wn_.native.out" ||
		fail_ "$wn_: natively it printed '$(cat "$wn_.native.out")'"
	:
}

# Listeners (test/helpers/listener.py), outside the jail.
# listen_ NAME stream|dgram ADDR: start one; NAME.port gets its port and
# NAME.log its lines (one per connection or datagram).
listen_() {
	: >"$1.log"
	$NS_ "$PYTHON" "$SRCDIR/test/helpers/listener.py" "$2" "$3" "$1.port" "$1.log" 2>"$1.lerr" &
	track_pid_ $!
	wl_=0
	while [ ! -e "$1.port" ]; do
		wl_=$((wl_ + 1))
		[ $wl_ -lt 200 ] || { cat "$1.lerr" >&2; framework_failure_ "listener $1 did not start"; }
		sleep 0.05
	done
}

# port_ NAME: the port of listener NAME.
port_() { cat "$1.port"; }

# wait_line_ LOG TEXT: wait (10 s at most) until LOG has a line containing TEXT.
wait_line_() {
	ww_=0
	until grep -qF -- "$2" "$1"; do
		ww_=$((ww_ + 1))
		[ $ww_ -lt 200 ] || { cat "$1" >&2; fail_ "$1: no line with '$2' after 10 s"; }
		sleep 0.05
	done
}

# probe_ NAME OP SPEC: after the jailed attempts, send a "probe" natively
# (OP is connect, sendto ...) and wait until listener NAME has logged it:
# everything that reached the listener before is then in NAME.log.
probe_() {
	$NS_ "$TRY" "$2" "$3" probe >"$1.probe" 2>&1 || :
	grep -qx ok "$1.probe" || framework_failure_ "native probe to $3: $(cat "$1.probe")"
	wait_line_ "$1.log" "data=probe "
}

# reached_ NAME DATA COUNT: listener NAME logged COUNT lines with data=DATA.
reached_() {
	rc_=$(grep -c "data=$2 " "$1.log")
	[ "$rc_" = "$3" ] || { cat "$1.log" >&2; fail_ "listener $1 got $rc_ messages '$2', expected $3"; }
}

# Canary processes outside the jail.
# canary_: start `sleep` in the background; $canary is its pid.
canary_() {
	sleep 300 &
	canary=$!
	track_pid_ $canary
	canary_start=$(proc_field_ $canary 20)
}
# canary_alive_ WHAT: fail unless the canary still runs.
canary_alive_() {
	alive_ $canary "$canary_start" || fail_ "$1: the canary process outside the jail was killed"
}
