#!/bin/sh
# run-escape.sh - the escape suite's driver: runs one attack natively and
# under janus and judges both from outside.
#
# Usage:
#   run-escape.sh test/escape/eNNNN-name.esc   one attack (automake's ESC_LOG_COMPILER)
#   run-escape.sh --all [ESC-FILE...]          every attack (default: all of
#                                              $SRCDIR/test/escape/*.esc), one table
#   --abi i386 (before the files)              the attacks' -m32 builds
# Environment: JANUS, HELPERS, SRCDIR as for test/integ (test/lib/init.sh),
# and ESCAPE_BIN, the directory of the built escape programs (default: the
# sibling "escape" of $HELPERS).  Exit: 0 contained, 1 escaped under janus
# or attack not reproducible natively, 77 skipped, 99 framework failure.
#
# An attack is described by its .esc file, a shell fragment that defines
#   attack()   runs the program with `launch PROGRAM ARGS...`      (required)
#   setup()    starts what the attack aims at: start_canary, start_listener,
#              start_fd_server, start_probe, watch_token, watch_path ... (optional)
#   during()   runs while the program runs (optional)
#   judge_extra()  adds evidence with `evidence_ TEXT`, or sets janus_skip (optional)
#   native_skip()  prints why the native control cannot run here, if so (optional)
# and may set: policy_extra (policy lines added to the default policy),
# home=inside ($HOME inside the jail's tree), run_as=UID (program, and janus,
# as that user), native_as=UID (the native run only), janus_opts, tty=yes,
# mountns=yes (a private mount namespace), limit (seconds per run),
# needs_root=yes, abi=i386|x32 (the attack's programs need that ABI: where
# this kernel lacks it, the test runs in a VM), expect_rc=N (the status janus must exit with; default 0),
# kind=dos (no escape to show: the native run must just complete).
# The programs run under the default policy plus a rule that lets them be
# executed from the build tree (and policy_extra): see write_policy_.
#
# Each mode (native, then janus) gets: a working directory $W ($T/MODE, the
# jail's $CWD) holding allowed.txt; $SECRET, a file the default policy
# refuses ($HOME/.ssh/id_escape, $HOME outside the jail unless home=inside)
# holding a fresh random token; $O, a directory outside the jail ($O/out
# empty, $O/sock for sockets); $NONCE, put in the program's environment to
# find every process it leaves behind.  The evidence of an escape: the
# token in the program's output or in a file it wrote; the secret changed;
# anything in $O/out or at a watched path; a listener or prober that
# counted something; a canary gone; the supervisor (janus, or natively a
# stand-in parent) killed; under janus, processes of the jail outliving it.

# --abi i386: the attack's programs are the -m32 builds ($ESCAPE_BIN/m32),
# so that every call they make goes through the i386 entry; the test is
# named NAME.i386 and runs where i386 programs run (a VM if need be).
all= abi_opt=
while :; do
	case ${1:-} in
	--all) all=yes; shift ;;
	--abi) abi_opt=${2:?--abi needs an ABI}; shift 2 ;;
	*) break ;;
	esac
done
case $abi_opt in
''|i386) ;;
*) echo "run-escape.sh: --abi $abi_opt: only i386 is known" >&2; exit 99 ;;
esac

if [ -n "$all" ]; then
	[ -n "${SRCDIR:-}" ] || { echo "run-escape.sh: SRCDIR is not set" >&2; exit 99; }
	[ $# -gt 0 ] || set -- "$SRCDIR"/test/escape/*.esc
	logs=$(mktemp -d "${TMPDIR:-/tmp}/escape-logs.XXXXXX") || exit 99
	printf '%-28s | %-8s | %s\n' attack native "under janus"
	printf '%-28s-|-%-8s-|-%s\n' ---------------------------- -------- -----------
	# Expected failures, as escape.mk lists them.
	xfail=" $(sed -n '/^XFAIL_TESTS/,/^$/s/^	*test\/escape\/\(.*\)\.esc.*/\1/p' \
		"${0%/*}/escape.mk" 2>/dev/null | tr '\n' ' ') "
	worst=0
	for f in "$@"; do
		n=${f##*/}
		n=${n%.esc}${abi_opt:+.$abi_opt}
		timeout -k 10 300 /bin/sh "$0" ${abi_opt:+--abi "$abi_opt"} "$f" >"$logs/$n.log" 2>&1
		rc=$?
		row=$(sed -n 's/^ROW //p' "$logs/$n.log")
		[ -n "$row" ] || row=$(printf '%-28s | %-8s | %s' "$n" '?' "driver exit $rc, see $logs/$n.log")
		case $xfail in
		*" $n "*) row="$row  (XFAIL)" ;;
		*) [ "$rc" -eq 0 ] || [ "$rc" -eq 77 ] || worst=1 ;;
		esac
		printf '%s\n' "$row"
	done
	echo "logs: $logs"
	exit $worst
fi

esc_file=${1:?usage: run-escape.sh [--abi i386] TEST.esc | --all [--abi i386] [TEST.esc...]}
name=${esc_file##*/}
name=${name%.esc}${abi_opt:+.$abi_opt}
case $esc_file in
/*) esc_abs_=$esc_file ;;
*) esc_abs_=$PWD/$esc_file ;;	# for a re-run from elsewhere (a VM)
esac

# Attack description first: mountns=yes re-runs the driver in a private
# mount namespace before anything else.
attack() { :; }
. "$esc_file" || { echo "$name: cannot read $esc_file" >&2; exit 99; }
# The directory of the attack's programs ($PROG_BIN in .esc files).
PROG_BIN=${ESCAPE_BIN:-${HELPERS%/*}/escape}
if [ -n "$abi_opt" ]; then
	abi=$abi_opt
	PROG_BIN=$PROG_BIN/m32
fi
if [ "${mountns:-}" = yes ] && [ -z "${ESCAPE_IN_MOUNTNS:-}" ]; then
	if command -v unshare >/dev/null 2>&1 &&
		unshare -m --propagation private true 2>/dev/null; then
		ESCAPE_IN_MOUNTNS=1 exec unshare -m --propagation private /bin/sh "$0" \
			${abi_opt:+--abi "$abi_opt"} "$@"
	fi
	echo "$name: SKIP: cannot make a private mount namespace (unshare -m)" >&2
	printf 'ROW %-28s | %-8s | %s\n' "$name" skip "no private mount namespace"
	exit 77
fi

. "$SRCDIR/test/lib/init.sh"
me=$name
self_args_="${abi_opt:+--abi $abi_opt }$esc_abs_"	# for need_abi_
: "${ESCAPE_BIN:=${HELPERS%/*}/escape}"
TOOL=$ESCAPE_BIN/esc-tool
[ -x "$TOOL" ] || skip_ "escape programs not built (no $TOOL)"

# ---------------------------------------------------------------- helpers

rand_() { od -An -N16 -tx1 /dev/urandom | tr -d ' \n'; }

row_() {
	printf 'ROW %-28s | %-8s | %s%s\n' "$name" "$1" "$2" "${JANUS_IN_VM:+  (in a VM)}"
}

skip_row_() {
	row_ "$1" "$2"
	skip_ "$3"
}

# Per-run bookkeeping (reset for each mode).
reset_run_() {
	helpers_=
	canaries_=
	watch_tokens_=
	watch_paths_=
	evidence=
	janus_skip=
	notes=
}

# note_ TEXT: something to show in the log, not evidence.
note_() {
	notes="${notes:+$notes; }$1"
}

# evidence_ TEXT: a sign that the attack got through.
evidence_() {
	evidence="${evidence:+$evidence; }$1"
}

# start_canary [FILE]: $CANARY, a process outside the jail that must
# survive (holding FILE open, if named).
start_canary() {
	$as_user_ "$TOOL" canary 120 "$@" </dev/null >/dev/null 2>&1 &
	CANARY=$!
	sc_=0
	until [ "$(proc_field_ "$CANARY" 3)" = "$CANARY" ]; do	# its own group
		sc_=$((sc_ + 1))
		[ "$sc_" -lt 200 ] || framework_failure_ "the canary did not start"
		sleep 0.01
	done
	canaries_="$canaries_ $CANARY:$(proc_field_ "$CANARY" 20)"
	track_pid_ "$CANARY"
}

# Waits for the STATE.ready file of a driver-side helper.
wait_ready_() {
	wr_=0
	while [ ! -s "$1.ready" ]; do
		wr_=$((wr_ + 1))
		[ $wr_ -lt 500 ] || framework_failure_ "helper $1 did not start"
		sleep 0.01
	done
}

# start_listener NAME KIND ADDR: a listener outside the jail that counts
# what reaches it (see esc-listen.c); sets $port_NAME for inet kinds.
start_listener() {
	sl_state=$T/$MODE.$1
	rm -f "$sl_state".*
	"$TOOL" listen "$2" "$3" "$sl_state" </dev/null >/dev/null 2>"$sl_state.err" &
	helpers_="$helpers_ $!:$1"
	track_pid_ $!
	wait_ready_ "$sl_state"
	eval "port_$1=\$(cat \"\$sl_state.ready\")"
}

# start_fd_server NAME PATH FILE: hands a descriptor of FILE to each client.
start_fd_server() {
	sf_state=$T/$MODE.$1
	rm -f "$sf_state".*
	"$TOOL" fd-server "$2" "$3" "$sf_state" </dev/null >/dev/null 2>"$sf_state.err" &
	helpers_="$helpers_ $!:$1"
	track_pid_ $!
	wait_ready_ "$sf_state"
	# Its clients are the attack's ends: counting them is no evidence.
	nocount_="$nocount_ $1"
}

# start_probe NAME PORT: counts successful connects to 127.0.0.1:PORT.
start_probe() {
	sp_state=$T/$MODE.$1
	rm -f "$sp_state".*
	"$TOOL" probe-tcp "$2" "$sp_state" </dev/null >/dev/null 2>"$sp_state.err" &
	helpers_="$helpers_ $!:$1"
	track_pid_ $!
	wait_ready_ "$sp_state"
}

# watch_token TOKEN TEXT [FILE...]: evidence TEXT if TOKEN shows up in the
# program's output and files (default) or in the FILEs named.
watch_token() {
	wt_tok=$1 wt_text=$2
	shift 2
	watch_tokens_="$watch_tokens_
$wt_tok	$wt_text	$*"
}

# watch_path PATH TEXT: evidence TEXT if PATH exists after the run.
watch_path() {
	watch_paths_="$watch_paths_
$1	$2"
}

# The processes the run left (their environment holds the nonce).
leftovers_() {
	for lp_ in /proc/[0-9]*; do
		grep -qzx "JANUS_ESCAPE_RUN=$NONCE" "$lp_/environ" 2>/dev/null &&
			[ "$(proc_field_ "${lp_#/proc/}" 1)" != Z ] && echo "${lp_#/proc/}"
	done
}

stop_helpers_() {
	for sh_ in $helpers_; do
		kill -TERM "${sh_%%:*}" 2>/dev/null
	done
	for sh_ in $helpers_; do
		sw_=0
		while kill -0 "${sh_%%:*}" 2>/dev/null && [ $sw_ -lt 50 ]; do
			sleep 0.1
			sw_=$((sw_ + 1))
		done
		kill -9 "${sh_%%:*}" 2>/dev/null
		wait "${sh_%%:*}" 2>/dev/null
	done
}

# ------------------------------------------------------------ one run

# launch PROGRAM ARGS...: runs the attack in the current mode, in $W, with
# output in $T/$MODE.out and .err and the exit status in $MODE_RC.
launch() {
	lp_prog=$1
	shift
	case $lp_prog in
	/*) ;;
	*) lp_prog=$PROG_BIN/$lp_prog ;;
	esac
	[ -x "$lp_prog" ] || skip_row_ skip "not built" "$lp_prog was not built"
	if [ "$MODE" = native ]; then
		set -- "$TOOL" standin "$lp_prog" "$@"
		lp_user=${native_as:-${run_as:-}}
	else
		set -- "$TOOL" pgrp "$JANUS" -p "$T/policy" ${janus_opts:-} -- "$lp_prog" "$@"
		lp_user=${run_as:-}
	fi
	if [ -n "$lp_user" ]; then
		set -- setpriv --reuid="$lp_user" --regid="$lp_user" --clear-groups "$@"
	fi
	if [ "${tty:-}" = yes ]; then
		set -- "$TOOL" pty "$T/$MODE.tty-input" "$@"
	fi
	(
		cd "$W" || exit 99
		exec env HOME="$HOMEDIR" JANUS_ESCAPE_RUN="$NONCE" \
			timeout -k 5 "${limit:-30}" "$@"
	) </dev/null >"$T/$MODE.out" 2>"$T/$MODE.err" &
	lp_pid=$!
	if command -v during >/dev/null 2>&1; then
		during
	fi
	wait "$lp_pid"
	MODE_RC=$?
}

# Makes the mode's directories, secret and policy.
prepare_mode_() {
	W=$T/$MODE
	mkdir -p "$W" || framework_failure_ "mkdir $W"
	printf 'allowed-%s\n' "$MODE" >"$W/allowed.txt"
	if [ "${home:-}" = inside ]; then
		HOMEDIR=$W/home
	else
		HOMEDIR=$O/home-$MODE
	fi
	rm -rf "$HOMEDIR"
	mkdir -p "$HOMEDIR/.ssh" "$O/out" "$O/sock" || framework_failure_ "mkdir $HOMEDIR"
	rm -rf "$O/out/"* "$O/out/".[!.]* 2>/dev/null
	rm -f "$O/sock/"* 2>/dev/null
	SECRET=$HOMEDIR/.ssh/id_escape
	TOKEN=$(rand_)
	SECRET_TEXT="SECRET-$TOKEN"
	printf '%s\n' "$SECRET_TEXT" >"$SECRET"
	chmod 600 "$SECRET"
	chmod 700 "$HOMEDIR/.ssh"
	NONCE=$(rand_)
	reset_run_
	nocount_=
	watch_token "$TOKEN" "read the secret"
	u_=${run_as:-${native_as:-}}
	if [ -n "$u_" ]; then
		chown -R "$u_:$u_" "$W" || framework_failure_ "chown $W"
		chown "$u_:$u_" "$HOMEDIR"
	fi
	if [ -n "${run_as:-}" ]; then
		as_user_="setpriv --reuid=$run_as --regid=$run_as --clear-groups"
	else
		as_user_=
	fi
}

write_policy_() {
	{
		printf 'include "%s"\n' "$SRCDIR/policy/policies/default.policy"
		echo "# The escape programs are run from the build tree."
		printf 'allow fs ro,exec %s/**\n' "$ESCAPE_BIN"
		[ -n "${policy_extra:-}" ] && printf '%s\n' "$policy_extra"
	} >"$T/policy"
	chmod 644 "$T/policy"
}

# Collects the evidence of the finished run into $evidence.
judge_() {
	stop_helpers_
	# Processes of the run still alive: under janus, an escape from its
	# supervision; natively, just cleaned up.
	jl_=0
	left_=$(leftovers_)
	while [ -n "$left_" ] && [ $jl_ -lt 30 ]; do
		sleep 0.1
		jl_=$((jl_ + 1))
		left_=$(leftovers_)
	done
	if [ -n "$left_" ]; then
		[ "$MODE" = janus ] &&
			evidence_ "$(echo $left_ | wc -w) process(es) of the jail outlived janus: $(echo $left_)"
		for lp_ in $left_; do kill -9 "$lp_" 2>/dev/null; done
	fi

	# Tokens in the output, in the files of $W (but the secret itself), or
	# in the files named.
	printf '%s\n' "$watch_tokens_" | while IFS='	' read -r wt_tok wt_text wt_files; do
		[ -n "$wt_tok" ] || continue
		if [ -n "$wt_files" ]; then
			# shellcheck disable=SC2086
			cat $wt_files 2>/dev/null | grep -qF "$wt_tok" && echo "$wt_text"
		else
			{ cat "$T/$MODE.out" "$T/$MODE.err"
			  if [ -e "$SECRET" ]; then
				find "$W" -type f ! -samefile "$SECRET" -exec cat {} + 2>/dev/null
			  else
				find "$W" -type f -exec cat {} + 2>/dev/null
			  fi
			} | grep -qaF "$wt_tok" && echo "$wt_text"
		fi
	done >"$T/$MODE.tokens"
	while read -r jt_; do evidence_ "$jt_"; done <"$T/$MODE.tokens"

	if [ ! -f "$SECRET" ] || [ "$(cat "$SECRET")" != "$SECRET_TEXT" ] ||
		[ "$(stat -c %a "$SECRET")" != 600 ]; then
		evidence_ "changed the secret"
	fi
	made_=$(ls -A "$O/out")
	[ -z "$made_" ] || evidence_ "created outside: $(echo $made_)"
	printf '%s\n' "$watch_paths_" | while IFS='	' read -r wp_path wp_text; do
		[ -n "$wp_path" ] && [ -e "$wp_path" ] && echo "$wp_text"
	done >"$T/$MODE.paths"
	while read -r jt_; do evidence_ "$jt_"; done <"$T/$MODE.paths"
	for sh_ in $helpers_; do
		hn_=${sh_#*:}
		case " $nocount_ " in *" $hn_ "*) continue ;; esac
		hc_=$(cat "$T/$MODE.$hn_.count" 2>/dev/null)
		[ "${hc_:-0}" -eq 0 ] || evidence_ "reached $hn_ ($hc_ times)"
	done
	for c_ in $canaries_; do
		alive_ "${c_%:*}" "${c_#*:}" || evidence_ "killed the canary"
		kill -9 "${c_%:*}" 2>/dev/null
		wait "${c_%:*}" 2>/dev/null
	done

	# The supervisor: natively the stand-in reports a child killed by a
	# signal as 64+N, so 128+N means the stand-in itself was killed.
	case $MODE:$MODE_RC in
	*:124) evidence_ "did not finish within ${limit:-30}s (hung?)" ;;
	native:13[0-9]|native:14[0-9]) evidence_ "killed the supervisor (stand-in, status $MODE_RC)" ;;
	janus:125) evidence_ "janus failed (status 125)" ;;
	esac
	# Every program exits 0 once it has tried everything: under janus any
	# other status means janus died (killed, crashed, a sanitizer report) or
	# killed the program, and the run proves nothing either way.
	case $MODE_RC in
	"${expect_rc:-0}"|124|125) ;;
	*) [ "$MODE" = janus ] &&
		evidence_ "janus exited $MODE_RC, not the program's ${expect_rc:-0} (janus died, or killed the program)" ;;
	esac
	if command -v judge_extra >/dev/null 2>&1; then
		judge_extra
	fi
}

show_run_() {
	echo "---- $MODE run: exit status $MODE_RC"
	[ -z "$notes" ] || printf '  note: %s\n' "$notes"
	sed 's/^/  out: /' "$T/$MODE.out" | head -n 60
	sed 's/^/  err: /' "$T/$MODE.err" | head -n 40
	echo "  evidence: ${evidence:-none}"
}

run_mode_() {
	MODE=$1
	prepare_mode_
	if command -v setup >/dev/null 2>&1; then
		setup
	fi
	write_policy_
	attack
	judge_
	show_run_
}

# A run whose program never started proves nothing: status 126 or 127
# (not executable, not found: from the shell, the stand-in or janus).
not_run_check_() {
	case $MODE_RC in
	126|127)
		row_ "${native_col:-?}" "the program did not run ($MODE run)"
		framework_failure_ "$MODE run: the program did not run (status $MODE_RC): $(head -n 1 "$T/$MODE.err")" ;;
	esac
}

# ------------------------------------------------------------ main

O=$(mktemp -d /var/tmp/janus-escape.XXXXXX) || framework_failure_ "mktemp in /var/tmp"
chmod 755 "$O" "$T"
escape_cleanup_() {
	[ "${ESCAPE_IN_MOUNTNS:-}" = 1 ] && umount -l "$O/bpffs" 2>/dev/null
	rm -rf "$O"
}
trap 'escape_cleanup_; cleanup_' EXIT

if [ -n "${run_as:-}${native_as:-}" ]; then
	command -v setpriv >/dev/null 2>&1 || skip_row_ skip "no setpriv" "setpriv(1) is needed"
	[ "$(id -u)" = 0 ] || skip_row_ skip "not root" "switching users needs root"
fi
if [ "${needs_root:-}" = yes ] && [ "$(id -u)" != 0 ]; then
	skip_row_ skip "not root" "the native control needs root"
fi

# An attack through another ABI (abi=i386 or x32) that this kernel cannot
# run re-runs in a VM (need_abi_, test/lib/vm.sh), or is skipped.
if [ -n "${abi:-}" ] && ! abi_runs_ "$abi"; then
	[ "$(uname -m)" = x86_64 ] || skip_row_ skip "not x86_64" "$abi programs need an x86_64 host"
	why=$(vm_why_not_)
	[ -z "${JANUS_IN_VM:-}" ] || why="not even the VM's kernel"
	[ -z "$why" ] || skip_row_ skip "no $abi" "this kernel runs no $abi programs, and no VM can: $why"
	need_abi_ "$abi"
fi

run_mode_ native
case $MODE_RC in
77)
	why=$(sed -n 's/^SKIP: //p' "$T/native.err" | head -n 1)
	skip_row_ skip "${why:-skipped}" "${why:-the native control cannot run here}" ;;
esac
if command -v native_skip >/dev/null 2>&1; then
	why=$(native_skip)
	[ -z "$why" ] || skip_row_ skip "$why" "$why"
fi
not_run_check_
if [ "${kind:-}" = dos ]; then
	if [ -n "$evidence" ]; then
		row_ FAILED "not run: the native run failed ($evidence)"
		fail_ "the native control did not complete: $evidence"
	fi
	native_col=ran
elif [ -z "$evidence" ]; then
	row_ blocked "not run"
	fail_ "attack not reproducible natively: nothing got through without janus"
else
	native_col=escaped
fi

run_mode_ janus
not_run_check_
if [ -n "$janus_skip" ]; then
	skip_row_ "$native_col" "skip: $janus_skip" "$janus_skip"
fi
if [ -n "$evidence" ]; then
	row_ "$native_col" "ESCAPED: $evidence"
	fail_ "not contained under janus: $evidence"
fi
row_ "$native_col" contained
exit 0
