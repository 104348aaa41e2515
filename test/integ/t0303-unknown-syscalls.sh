#!/bin/sh
# Proves: system call numbers that name no call (-1, 5000, and 39 with
# the x32 bit) neither crash janus nor change their result (ENOSYS, as
# natively); the trace shows them by number (syscall_0x...) and the JSON
# trace with "syscall": null.  x32 calls get ENOSYS even where the kernel
# runs them.  With JANUS_TEST_ABI=i386 (t0304), the same for the i386 build
# of the helper.
. "$SRCDIR/test/lib/init.sh"
if [ "${JANUS_TEST_ABI:-}" = i386 ]; then
	require_i386_helper_ unknown-nr-m32
	helper=$HELPERS/unknown-nr-m32 abi=i386
else
	require_helper_ unknown-nr
	helper=$HELPERS/unknown-nr abi=x86_64
fi

# check_ NAME HELPER ABI
check_() {
	run_native_ "$1.native" "$2"
	# Where the kernel runs x32 (syscall.x32=y), janus still refuses it:
	# x32 calls are unknown numbers to janus (fail closed), ENOSYS.
	x32_ok_='syscall(0x40000000|39): returned own pid'
	if grep -qxF "$x32_ok_" "$1.native.out"; then
		mv "$1.native.out" "$1.native.out-x32"
		sed "s/^syscall(0x40000000|39): returned own pid\$/syscall(0x40000000|39): ENOSYS/" \
			"$1.native.out-x32" >"$1.native.out"
	fi
	run_janus_ "$1.janus" "$2"
	compare_ "$1.native" "$1.janus" out rc
	# Unknown numbers are refused (fail closed) even by allow-all, with
	# the same ENOSYS; the refusal may be reported on stderr.
	for r in native janus; do grep -v '^janus: denied ' "$1.$r.err" >"$1.$r.err-"; done
	compare_ "$1.native" "$1.janus" err-
	expect_rc_ "$1.janus" 0
	for what in 'syscall(-1)' 'syscall(5000)'; do
		grep -qxF "$what: ENOSYS" "$1.native.out" || framework_failure_ "native $what: $(cat "$1.native.out")"
	done
	# 0x40000027 is x32's getpid (64-bit programs only).
	x32=40000027
	grep -qxF 'syscall(0x40000000|39): ENOSYS' "$1.native.out" || x32=
	run_janus_ "$1.t" --trace -o "$1.trace" -- "$2"
	compare_ "$1.native" "$1.t" out rc
	for nr in 'f\{8\}\(f\{8\}\)\{0,1\}' 1388 $x32; do
		grep -q "^\[pid  *[0-9]*\] \(\[[^]]*\] \)\{0,1\}syscall_0x$nr(.*) = -1 ENOSYS" "$1.trace" ||
			fail_ "$3: no syscall_0x$nr(...) = -1 ENOSYS line in the trace"
	done
	run_janus_ "$1.j" --trace=json -o "$1.json" -- "$2"
	compare_ "$1.native" "$1.j" out rc
	python3 - "$1.json" "$3" "$x32" <<'EOF_PY' || fail_ "$3: JSON trace of unknown numbers is wrong"
import json, sys
recs = [json.loads(line) for line in open(sys.argv[1])]
unknown = {r["nr"] for r in recs if r["syscall"] is None and r["abi"] == sys.argv[2]
           and r["errno"] == "ENOSYS"}
wanted = [(5000,), (-1, 2**32 - 1, 2**64 - 1)] + ([(0x40000027,)] if sys.argv[3] else [])
for want in wanted:
    if not unknown & set(want):
        sys.exit("no unknown-call record with nr %s (got %s)" % (want, sorted(unknown)))
EOF_PY
}

check_ unk "$helper" $abi
exit 0
