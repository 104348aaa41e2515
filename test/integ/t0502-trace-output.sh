#!/bin/sh
# Proves: --trace output is usable: text lines in strace -f form ("[pid N]
# name(args) = result"), starting at the command's execve, the last call
# being exit_group(...) = ?; -o FILE moves the trace off stderr; errors read
# "= -1 ENOENT (No such file or directory)"; --trace=json gives one JSON
# object per line with the documented keys and types.  The command's own
# output and status are untouched.
. "$SRCDIR/test/lib/init.sh"
printf 'hello from a file\n' >input.txt

# Text trace to a file: stderr stays the command's (empty here).
run_native_ native cat input.txt
run_janus_ text --trace -o trace.txt -- cat input.txt
compare_ native text out err rc
[ -s trace.txt ] || fail_ "-o trace.txt is empty"
bad=$(grep -v '^\[pid  *[0-9][0-9]*\] ' trace.txt | head -n 3)
[ -z "$bad" ] || fail_ "trace lines without the [pid N] prefix: $bad"
head -n 1 trace.txt | grep -q '^\[pid  *[0-9]*\] execve("[^"]*/cat", \["cat", "input.txt"\], .*) = 0$' ||
	fail_ "the trace does not start with cat's execve: $(head -n 1 trace.txt)"
# The last call (exit notes such as "+++ exited with 0 +++" may follow).
grep '^\[pid  *[0-9]*\] [a-z_0-9]*(' trace.txt | tail -n 1 | grep -q '^\[pid  *[0-9]*\] exit_group(0) = ?$' ||
	fail_ "the last call traced is not exit_group(0) = ?"
grep -q '^\[pid  *[0-9]*\] openat(AT_FDCWD, "input.txt", O_RDONLY) = 3$' trace.txt ||
	fail_ "no 'openat(AT_FDCWD, \"input.txt\", O_RDONLY) = 3' line"
# cat moves the 18 bytes with read+write or, to a file, copy_file_range.
grep -Eq '^\[pid +[0-9]+\] (read\(3, "hello from a file\\n", [0-9]+\)|copy_file_range\(3, NULL, 1, NULL, [0-9]+, 0\)) = 18$' trace.txt ||
	fail_ "no read or copy_file_range of the file's 18 bytes"

# Text trace to stderr; stdout still the command's.
run_janus_ stderr --trace -- cat input.txt
compare_ native stderr out rc
grep -q '^\[pid  *[0-9]*\] openat(AT_FDCWD, "input.txt", O_RDONLY) = 3$' stderr.err ||
	fail_ "--trace without -o wrote no trace on stderr"
run_janus_ textopt --trace=text -o trace2.txt -- cat input.txt
compare_ native textopt out err rc
grep -q 'openat(AT_FDCWD, "input.txt", O_RDONLY) = 3$' trace2.txt || fail_ "--trace=text differs from --trace"

# A failing call, and the command's failure status.
run_native_ enoent.native cat missing.txt
run_janus_ enoent --trace -o trace3.txt -- cat missing.txt
compare_ enoent.native enoent out err rc
grep -q '^\[pid  *[0-9]*\] openat(AT_FDCWD, "missing.txt", O_RDONLY) = -1 ENOENT (No such file or directory)$' trace3.txt ||
	fail_ "no failing openat line with ENOENT"

# JSON Lines.
run_janus_ json --trace=json -o trace.json -- cat input.txt missing.txt
run_native_ json.native cat input.txt missing.txt
compare_ json.native json out err rc
python3 - trace.json <<'EOF_PY' || fail_ "--trace=json output is wrong"
import json, sys
types = {"pid": int, "abi": str, "nr": int, "syscall": (str, type(None)),
         "args": list, "raw": list, "retval": (int, type(None)),
         "errno": (str, type(None))}
recs = []
for n, line in enumerate(open(sys.argv[1]), 1):
    try:
        r = json.loads(line)
    except ValueError as e:
        sys.exit("line %d is not JSON (%s): %s" % (n, e, line))
    for k, t in types.items():
        if k not in r or isinstance(r[k], bool) or not isinstance(r[k], t):
            sys.exit("line %d: key %r missing or of the wrong type: %s" % (n, k, line))
    if r["abi"] not in ("x86_64", "i386", "aarch64"):
        sys.exit("line %d: unknown abi: %s" % (n, line))
    if not all(isinstance(a, str) for a in r["args"]):
        sys.exit("line %d: args are not all strings: %s" % (n, line))
    if not all(isinstance(a, int) and not isinstance(a, bool) for a in r["raw"]):
        sys.exit("line %d: raw values are not all numbers: %s" % (n, line))
    recs.append(r)
if not recs or recs[0]["syscall"] != "execve":
    sys.exit("the trace does not start with execve")
if recs[-1]["syscall"] != "exit_group" or recs[-1]["retval"] is not None:
    sys.exit("the trace does not end with exit_group, retval null: %s" % recs[-1])
def opens(name):
    return [r for r in recs if r["syscall"] == "openat" and any(name in a for a in r["args"])]
ok = opens("input.txt")
if not ok or ok[0]["retval"] != 3 or ok[0]["errno"] is not None:
    sys.exit("openat of input.txt: %s" % ok)
if ok[0]["abi"] == "x86_64" and ok[0]["nr"] != 257:
    sys.exit("x86_64 openat with nr %d" % ok[0]["nr"])
ko = opens("missing.txt")
if not ko or ko[0]["errno"] != "ENOENT":
    sys.exit("openat of missing.txt: %s" % ko)
if len({r["pid"] for r in recs}) != 1:
    sys.exit("several pids for a single-threaded command")
EOF_PY
exit 0
