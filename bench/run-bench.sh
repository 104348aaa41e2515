#!/bin/sh
# run-bench.sh - measure janus's overhead as ratios to native (bench/README.md).
#
# For each workload, every variant (native, janus with two policies, strace
# with and without a seccomp filter) runs BENCH_RUNS times, interleaved:
# run r runs each variant once, in an order rotated by r, so a slow spell of
# the machine hits all variants alike.  Each run's stdout checksum and exit
# status must equal native's; a run that differs marks its variant FAILED.
#
# Environment (bench/bench.mk sets the first four):
#   JANUS         the janus binary
#   BENCH_BIN     build directory of bench/ (timeit, workloads/)
#   BENCH_SRCDIR  source directory of bench/ (default-exec.policy, workload sources)
#   BENCH_CC      C compiler for the gcc-compile workload (default: cc)
#   BENCH_RUNS    runs per variant (default 5)
#   BENCH_ONLY    workloads to run, separated by spaces or commas (default: all)
#   BENCH_STRACE_FILTER  calls that strace-f-seccomp traces
#                 (default: %file,%network,%process)
#   BENCH_VARIANTS  variants to run, separated by spaces or commas
#                 (default: all; native always runs, it is the yardstick)
#   BENCH_BASELINE  another janus binary (an older build): adds the variants
#                 base-allow-all and base-default, run like janus-allow-all
#                 and janus-default, interleaved with them
#   STRACE        the strace binary (default: strace on PATH)

set -u

die() { echo "run-bench: $*" >&2; exit 2; }

: "${JANUS:?set JANUS to the janus binary}"
: "${BENCH_BIN:?set BENCH_BIN to the build directory of bench/}"
: "${BENCH_SRCDIR:?set BENCH_SRCDIR to the source directory of bench/}"
[ -n "${BENCH_CC:-}" ] || BENCH_CC=cc
[ -n "${BENCH_RUNS:-}" ] || BENCH_RUNS=5
[ -n "${BENCH_STRACE_FILTER:-}" ] || BENCH_STRACE_FILTER=%file,%network,%process
case $BENCH_RUNS in
'' | *[!0-9]* | 0) die "BENCH_RUNS must be a positive number, not '$BENCH_RUNS'" ;;
esac

ALL_WORKLOADS="getpid-loop file-loop spawn-loop tar-include gcc-compile cpu-loop"
ALL_VARIANTS="native janus-allow-all janus-default janus-no-prefilter strace-f strace-f-seccomp"
TIMEIT=$BENCH_BIN/timeit
[ -x "$JANUS" ] || die "$JANUS: not executable"
if [ -n "${BENCH_BASELINE:-}" ]; then
	[ -x "$BENCH_BASELINE" ] || die "$BENCH_BASELINE: not executable"
	# Each baseline column beside the column it is the before of.
	ALL_VARIANTS="native base-allow-all janus-allow-all base-default janus-default"
	ALL_VARIANTS="$ALL_VARIANTS janus-no-prefilter strace-f strace-f-seccomp"
fi
if [ -n "${BENCH_VARIANTS:-}" ]; then
	wanted=" $(echo "$BENCH_VARIANTS" | tr ',' ' ') "
	for v in $wanted; do
		case " $ALL_VARIANTS " in
		*" $v "*) ;;
		*) die "unknown variant '$v' (known: $ALL_VARIANTS)" ;;
		esac
	done
	chosen=native
	for v in $ALL_VARIANTS; do
		case $wanted in
		*" $v "*) [ "$v" = native ] || chosen="$chosen $v" ;;
		esac
	done
	ALL_VARIANTS=$chosen
fi
[ -x "$TIMEIT" ] || die "$TIMEIT: not executable (run 'make bench')"

workloads=$(echo "${BENCH_ONLY:-$ALL_WORKLOADS}" | tr ',' ' ')
for w in $workloads; do
	case " $ALL_WORKLOADS " in
	*" $w "*) ;;
	*) die "unknown workload '$w' (known: $ALL_WORKLOADS)" ;;
	esac
done

# Columns that cannot run here are skipped for every workload, with a note.
notes=
note() { notes="$notes$*
"; }
skip_variants=
STRACE=${STRACE:-$(command -v strace || true)}
if [ -z "$STRACE" ] || [ ! -x "$STRACE" ]; then
	skip_variants="strace-f strace-f-seccomp"
	note "strace-f, strace-f-seccomp: skipped, strace not found"
	STRACE=
elif ! "$STRACE" -f -qq --seccomp-bpf -e "trace=$BENCH_STRACE_FILTER" \
		-o /dev/null true >/dev/null 2>&1; then
	skip_variants="strace-f-seccomp"
	note "strace-f-seccomp: skipped, $STRACE lacks --seccomp-bpf"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/janus-bench.XXXXXX") || die "cannot make a temporary directory"
keep_work=
cleanup() { [ -n "$keep_work" ] || rm -rf "$work"; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The start directory: the workloads run from here, as does janus's default
# policy's $CWD.  The workload programs are copied in so that the same
# files run in every variant.
start=$work/start
mkdir -p "$start/gcc" "$work/out" || die "cannot fill $work"
for p in getpid-loop file-loop spawn-loop cpu-loop; do
	cp "$BENCH_BIN/workloads/$p" "$start/" || die "cannot copy $p"
done
cp "$BENCH_SRCDIR/workloads/getpid-loop.c" "$BENCH_SRCDIR/workloads/file-loop.c" \
	"$start/gcc/" || die "cannot copy the gcc-compile sources"
TAR=$(command -v tar || true)

# workload_ok NAME: can NAME run on this machine?  (Prints why not.)
workload_ok() {
	case $1 in
	tar-include)
		[ -n "$TAR" ] || { echo "tar not found"; return 1; }
		[ -d /usr/include ] || { echo "/usr/include not found"; return 1; } ;;
	gcc-compile)
		command -v "${BENCH_CC%% *}" >/dev/null ||
			{ echo "$BENCH_CC not found"; return 1; } ;;
	esac
	return 0
}

# default_policy NAME: the -p option janus-default gives for workload NAME.
# Programs in the start directory need the start directory executable
# (default-exec.policy); system programs run under the built-in default.
default_policy() {
	case $1 in
	tar-include | gcc-compile) echo "" ;;
	*) echo "$BENCH_SRCDIR/default-exec.policy" ;;
	esac
}

# run_variant VARIANT POLICY CMD [ARG...]: one timed run, from the start
# directory; result in $work/time, stdout in $work/out/stdout, stderr in
# $work/out/stderr.
run_variant() {
	v=$1 pol=$2
	shift 2
	case $v in
	native) ;;
	janus-allow-all) set -- "$JANUS" -p allow-all -- "$@" ;;
	base-allow-all) set -- "$BENCH_BASELINE" -p allow-all -- "$@" ;;
	janus-default | janus-no-prefilter | base-default)
		[ "$v" = janus-no-prefilter ] && nopf=--no-prefilter || nopf=
		[ "$v" = base-default ] && j=$BENCH_BASELINE || j=$JANUS
		if [ -n "$pol" ]; then
			set -- "$j" $nopf -p "$pol" -- "$@"
		else
			set -- "$j" $nopf -- "$@"
		fi ;;
	strace-f) set -- "$STRACE" -f -qq -o /dev/null "$@" ;;
	strace-f-seccomp)
		set -- "$STRACE" -f -qq --seccomp-bpf -e "trace=$BENCH_STRACE_FILTER" \
			-o /dev/null "$@" ;;
	*) die "unknown variant $v" ;;
	esac
	rm -f "$work/time"
	(cd "$start" && exec "$TIMEIT" "$work/time" "$@") \
		>"$work/out/stdout" 2>"$work/out/stderr" </dev/null
}

# run_workload NAME VARIANT: one timed run of workload NAME.
run_workload() {
	pol=$(default_policy "$1")
	case $1 in
	getpid-loop) run_variant "$2" "$pol" ./getpid-loop 80000 ;;
	file-loop) run_variant "$2" "$pol" ./file-loop 2000 ;;
	spawn-loop) run_variant "$2" "$pol" ./spawn-loop 50 /bin/true ;;
	tar-include)
		run_variant "$2" "$pol" /bin/sh -c "$TAR cf - -C /usr include | cksum" ;;
	gcc-compile)
		run_variant "$2" "$pol" /bin/sh -c \
			"cd gcc && rm -f *.o && $BENCH_CC -O2 -c *.c && cksum *.o" ;;
	cpu-loop) run_variant "$2" "$pol" ./cpu-loop 100 ;;
	esac
}

# result: "NS STATUS CHECKSUM CPU-NS" of the last run, or nothing if timeit
# failed.
result() {
	[ -s "$work/time" ] || return 0
	read -r ns st cpu <"$work/time"
	echo "$ns $st $(cksum <"$work/out/stdout" | tr ' ' :) $cpu"
}

# fail W V WHY: mark variant V of workload W failed and say why.
fail() {
	echo "$1 $2" >>"$work/failed"
	keep_work=1
	cp "$work/out/stderr" "$work/$1.$2.stderr" 2>/dev/null
	cp "$work/out/stdout" "$work/$1.$2.stdout" 2>/dev/null
	note "$1 / $2: FAILED: $3; stderr: $work/$1.$2.stderr"
	printf '\n  %s / %s: FAILED: %s\n' "$1" "$2" "$3" >&2
	tail -n 3 "$work/out/stderr" | sed 's/^/    | /' >&2
}

failed() { grep -qx "$1 $2" "$work/failed" 2>/dev/null; }

: >"$work/times"
: >"$work/cputimes"
for w in $workloads; do
	if ! why=$(workload_ok "$w"); then
		note "$w: skipped, $why"
		echo "$w skipped" >>"$work/skipped"
		continue
	fi
	variants=
	for v in $ALL_VARIANTS; do
		case " $skip_variants " in
		*" $v "*) ;;
		*) variants="$variants $v" ;;
		esac
	done
	set -- $variants	# split on purpose: $1... are the variants
	nvar=$#

	# An untimed native run: warms the caches and gives the reference.
	printf '%s: reference run' "$w" >&2
	run_workload "$w" native
	ref=$(result)
	ref_st=$(echo "$ref" | cut -d' ' -f2)
	if [ -z "$ref" ] || [ "$ref_st" != 0 ]; then
		echo >&2
		for v in $variants; do
			fail "$w" "$v" "native run failed (status ${ref_st:-none})"
		done
		continue
	fi
	ref_sum=$(echo "$ref" | cut -d' ' -f3)

	r=1
	while [ "$r" -le "$BENCH_RUNS" ]; do
		printf ', run %d' "$r" >&2
		i=0
		# Variant (i + r - 1) mod nvar of the list: each run starts one later.
		while [ "$i" -lt "$nvar" ]; do
			k=$(( (i + r - 1) % nvar + 1 ))
			eval "v=\${$k}"
			i=$((i + 1))
			failed "$w" "$v" && continue
			run_workload "$w" "$v"
			res=$(result)
			if [ -z "$res" ]; then
				fail "$w" "$v" "timeit could not run it"
				continue
			fi
			read -r ns st sum cpu <<EOF
$res
EOF
			if [ "$st" != 0 ]; then
				fail "$w" "$v" "exit status $st, native 0"
			elif [ "$sum" != "$ref_sum" ]; then
				fail "$w" "$v" "stdout differs from native's"
			else
				echo "$w $v $ns" >>"$work/times"
				echo "$w $v $cpu" >>"$work/cputimes"
			fi
		done
		r=$((r + 1))
	done
	echo >&2
done

# The report: per workload and variant, median and minimum over the runs;
# ratios are of medians.  report FILE WHAT: the two tables for the times
# in FILE (WHAT says which).
report() {
{
	echo "#workloads $workloads"
	echo "#variants $ALL_VARIANTS"
	[ -f "$work/failed" ] && sed 's/^/#failed /' "$work/failed"
	[ -f "$work/skipped" ] && sed 's/^/#skipped /' "$work/skipped"
	for v in $skip_variants; do echo "#novariant $v"; done
	sort -k1,1 -k2,2 -k3,3n "$1"
} | awk -v what="$2" '
function cell(w, v) {
	if ((w " " v) in failed) return "FAILED"
	if (w in skipped || v in novariant || !((w, v) in n)) return "-"
	return ""
}
function median(w, v,   c) {
	c = n[w, v]
	if (c % 2) return t[w, v, (c + 1) / 2]
	return (t[w, v, c / 2] + t[w, v, c / 2 + 1]) / 2
}
function ratio(x) { return sprintf(x < 10 ? "%.2fx" : "%.1fx", x) }
$1 == "#workloads" { for (i = 2; i <= NF; i++) wl[++nw] = $i; next }
$1 == "#variants" { for (i = 2; i <= NF; i++) vr[++nv] = $i; next }
$1 == "#failed" { failed[$2 " " $3] = 1; next }
$1 == "#skipped" { skipped[$2] = 1; next }
$1 == "#novariant" { novariant[$2] = 1; next }
{ t[$1, $2, ++n[$1, $2]] = $3 }
END {
	printf "\nratio of median %s to native (lower is better)\n", what
	printf "%-14s", "workload"
	for (j = 1; j <= nv; j++) printf " %16s", vr[j]
	printf " %16s\n", "native median"
	for (i = 1; i <= nw; i++) {
		w = wl[i]
		printf "%-14s", w
		base = cell(w, "native") == "" ? median(w, "native") : 0
		for (j = 1; j <= nv; j++) {
			v = vr[j]; c = cell(w, v)
			if (c == "" && base > 0)
				c = ratio(median(w, v) / base)
			else if (c == "")
				c = "?"
			printf " %16s", c
		}
		printf " %13.1f ms\n", base / 1e6
	}
	printf "\nmedian (min) %s in ms\n", what
	printf "%-14s", "workload"
	for (j = 1; j <= nv; j++) printf " %16s", vr[j]
	printf "\n"
	for (i = 1; i <= nw; i++) {
		w = wl[i]
		printf "%-14s", w
		for (j = 1; j <= nv; j++) {
			v = vr[j]; c = cell(w, v)
			if (c == "")
				c = sprintf("%.0f (%.0f)", median(w, v) / 1e6, t[w, v, 1] / 1e6)
			printf " %16s", c
		}
		printf "\n"
	}
}'
}
echo
echo "janus bench: $BENCH_RUNS interleaved runs per variant; $(uname -sr), $(nproc 2>/dev/null || echo ?) CPUs"
echo "janus: $JANUS"
[ -n "${BENCH_BASELINE:-}" ] && echo "baseline (base-*): $BENCH_BASELINE"
[ -n "$STRACE" ] && echo "strace: $("$STRACE" -V 2>/dev/null | head -n 1)"
report "$work/times" "elapsed times"
report "$work/cputimes" "CPU times (user + system, all processes)"
echo
echo "janus-default: the built-in default policy (janus --); for the workload"
echo "  programs in the start directory, bench/default-exec.policy (the default"
echo "  plus running programs from the start directory)."
echo "janus-no-prefilter: janus-default with --no-prefilter (every call stops)."
[ -n "${BENCH_BASELINE:-}" ] && echo "base-allow-all, base-default: the same with the baseline janus."
[ -n "$STRACE" ] && echo "strace-f-seccomp: traces only $BENCH_STRACE_FILTER (strace -e trace=...)."
[ -n "$notes" ] && printf '%s' "$notes"
if [ -f "$work/failed" ]; then
	echo "the failed runs' output is kept in $work"
	exit 1
fi
exit 0
