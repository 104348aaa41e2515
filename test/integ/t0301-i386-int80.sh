#!/bin/sh
# Proves: janus decodes `int $0x80` from a 64-bit program with the i386
# table: i386 calls 4 and 20 are shown as write(1, "...", 17) and getpid()
# (JSON abi "i386"), never as the x86_64 calls with those numbers (stat,
# writev); an unknown i386 number (5000) is shown by number; the program
# behaves as natively.
. "$SRCDIR/test/lib/init.sh"
[ "$(uname -m)" = x86_64 ] || skip_ "int \$0x80 from 64-bit programs exists only on x86_64"
require_helper_ int80
need_abi_ i386
int80=$HELPERS/int80

run_native_ native "$int80"
expect_rc_ native 0
run_janus_ janus "$int80"
compare_ native janus out err rc

run_janus_ traced --trace -o trace -- "$int80"
compare_ native traced out rc
leader=$(trace_leader_ trace) || exit 1
# An ABI tag such as "[i386] " after the pid prefix is allowed.
abi='\(\[[^]]*\] \)\{0,1\}'
grep -q "^\[pid  *$leader\] ${abi}write(1, \"hello from int80\\\\n\", 17) = 17\$" trace ||
	fail_ "int \$0x80 write not decoded as i386 write(1, \"hello from int80\\n\", 17)"
grep -q "^\[pid  *$leader\] ${abi}getpid() = $leader\$" trace ||
	fail_ "int \$0x80 getpid not decoded as i386 getpid() = $leader"
grep -q "^\[pid  *$leader\] ${abi}syscall_0x1388(.*) = -1 ENOSYS" trace ||
	fail_ "int \$0x80 call 5000 not shown as syscall_0x1388(...) = -1 ENOSYS"
if grep -E '^\[pid +[0-9]+\] (stat|writev)\(' trace >&2; then
	fail_ "int \$0x80 calls decoded with the x86_64 table"
fi

run_janus_ json --trace=json -o trace.json -- "$int80"
compare_ native json out rc
python3 - trace.json <<'EOF_PY' || fail_ "JSON trace of int \$0x80 is wrong"
import json, sys
recs = [json.loads(line) for line in open(sys.argv[1])]
i386 = {(r["nr"], r["syscall"]) for r in recs if r["abi"] == "i386"}
want = {(4, "write"), (20, "getpid"), (5000, None)}
missing = want - i386
if missing:
    sys.exit("missing i386 records: %s" % sorted(missing, key=str))
wrong = [r for r in recs if r["abi"] == "x86_64" and r["syscall"] in ("stat", "writev")]
if wrong:
    sys.exit("decoded as x86_64: %s" % wrong)
EOF_PY
exit 0
