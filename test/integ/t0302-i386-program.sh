#!/bin/sh
# Proves: a -m32 (i386) program runs under janus as natively (output,
# exit status) and its trace uses the i386 table: open/openat with the
# path, write and read with the data, JSON abi "i386" for every call after
# the execve.  The 64-bit build of the same program is the control.
. "$SRCDIR/test/lib/init.sh"
require_helper_ file-io
fio64=$HELPERS/file-io

# check_trace_ TRACE JSON ABI: the file-io calls are decoded in TRACE and
# every JSON record but the first execve has abi ABI.
check_trace_() {
	grep -Eq '^\[pid +[0-9]+\] (\[[^]]*\] )?(open|openat)\((AT_FDCWD, )?"file-io.txt", O_WRONLY\|O_CREAT\|O_TRUNC, 0644\) = 3$' "$1" ||
		fail_ "$3: no open of file-io.txt for writing in the trace"
	grep -Eq '^\[pid +[0-9]+\] (\[[^]]*\] )?write\(3, "written by file-io\\n", 19\) = 19$' "$1" ||
		fail_ "$3: write of the file not decoded"
	grep -Eq '^\[pid +[0-9]+\] (\[[^]]*\] )?read\(3, "written by file-io\\n", 63\) = 19$' "$1" ||
		fail_ "$3: read of the file not decoded"
	grep -Eq '^\[pid +[0-9]+\] (\[[^]]*\] )?(unlink|unlinkat)\((AT_FDCWD, )?"file-io.txt"(, 0)?\) = 0$' "$1" ||
		fail_ "$3: unlink not decoded"
	python3 - "$2" "$3" <<'EOF_PY' || fail_ "$3: JSON trace has the wrong abi"
import json, sys
recs = [json.loads(line) for line in open(sys.argv[1])]
others = [r for r in recs[1:] if r["abi"] != sys.argv[2]]
if others:
    sys.exit("records with another abi: %s" % others[:5])
if not any(r["syscall"] in ("open", "openat") and any("file-io.txt" in a for a in r["args"]) for r in recs):
    sys.exit("no open of file-io.txt in the JSON trace")
EOF_PY
}

same_as_native_ fio64 "$fio64"
expect_rc_ fio64.janus 4
run_janus_ t64 --trace -o trace64 -- "$fio64"
run_janus_ j64 --trace=json -o trace64.json -- "$fio64"
check_trace_ trace64 trace64.json x86_64

require_i386_helper_ file-io-m32

fio32=$HELPERS/file-io-m32
same_as_native_ fio32 "$fio32"
expect_rc_ fio32.janus 4
grep -q '32-bit' fio32.janus.out || fail_ "the i386 helper did not run as 32-bit"
run_janus_ t32 --trace -o trace32 -- "$fio32"
compare_ fio32.native t32 out rc
run_janus_ j32 --trace=json -o trace32.json -- "$fio32"
compare_ fio32.native j32 out rc
check_trace_ trace32 trace32.json i386
exit 0
