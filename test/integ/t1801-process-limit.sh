#!/bin/sh
# Proves: `limit processes N` (here 5, over the default policy).  A
# program that tries 10 forks gets 4 (itself and 4 children make 5): the
# others fail with EAGAIN, and exactly the 4 children ran (their marker
# files, counted from outside).  Children that exited unreaped (zombies)
# still count; once reaped, a fork succeeds again.  Threads count too.
# janus reports the first refusal only, naming the `limit` line; `janus
# --check` shows the limit; a policy that includes this one and says
# `limit processes unlimited` lifts it; no process of the jail outlives
# janus.  Natively every fork succeeds (positive control).
. "$SRCDIR/test/lib/init.sh"
. "$SRCDIR/test/lib/policy.sh"
PY=/usr/bin/python3
[ -x "$PY" ] || skip_ "$PY is needed (the jailed program)"

policy_ l <<EOF
include "$DEFAULT_POLICY"
limit processes 5
EOF
policy_ u <<EOF
include "$TDIR/l.policy"
limit processes unlimited
EOF
R=$(rule_ l.policy 'limit processes 5')

cat >forks.py <<'EOF'
import errno, os, sys, threading, time

marks = sys.argv[1]
os.makedirs(marks)

def fork(name, hold=None):
    """Fork a child that leaves a marker and exits (when hold, a pipe,
    reaches its end)."""
    try:
        pid = os.fork()
    except OSError as e:
        return errno.errorcode.get(e.errno, str(e.errno))
    if pid == 0:
        open(os.path.join(marks, name), "w").close()
        if hold is not None:
            os.close(hold[1])
            os.read(hold[0], 1)
        os._exit(0)
    return pid

# 1. Children that stay until told: 10 tries.
hold = os.pipe()
kids, fails = [], []
for i in range(10):
    r = fork("alive%d" % i, hold)
    (kids if isinstance(r, int) else fails).append(r)
print("alive: forked %d, failed %s" % (len(kids), ",".join(sorted(set(fails))) or "none"))

# 2. They exit, unreaped: zombies hold their pids and still count.
os.close(hold[1])
time.sleep(1)
r = fork("zombie-phase")
print("zombies: %s" % ("forked" if isinstance(r, int) else r))
if isinstance(r, int):
    kids.append(r)

# 3. Reaped, they count no more.
for k in kids:
    os.waitpid(k, 0)
r = fork("reaped")
print("reaped: %s" % ("forked" if isinstance(r, int) else r))
if isinstance(r, int):
    os.waitpid(r, 0)

# 4. Threads count as tasks too.
stop = threading.Event()
started = failed = 0
threads = []
for i in range(6):
    t = threading.Thread(target=stop.wait)
    try:
        t.start()
        threads.append(t)
    except RuntimeError:
        failed += 1
print("threads: started %d, failed %d" % (len(threads), failed))
stop.set()
for t in threads:
    t.join()
EOF

# The jailed program carries a nonce (not the test's own environment, or
# the grep below would find itself): whatever outlives janus has it.
NONCE=janus-t1801-$$-$(date +%s%N)
# jail NAME POLICY: the program under janus, its markers in NAME.marks.
jail() {
	env NONCE="$NONCE" "$JANUS" -p "$2" -- "$PY" -I -c "$(cat forks.py)" "$TDIR/$1.marks" \
		</dev/null >"$1.out" 2>"$1.err"
	echo $? >"$1.rc"
}
left_behind() {
	for e in /proc/[0-9]*/environ; do
		grep -qz "^NONCE=$NONCE\$" "$e" 2>/dev/null && echo "${e%/environ}"
	done
}
markers() { ls "$1.marks" | grep -c "^$2" || :; }

jail l l.policy
expect_rc_ l 0
cat >l.want <<'EOF'
alive: forked 4, failed EAGAIN
zombies: EAGAIN
reaped: forked
threads: started 4, failed 2
EOF
cmp -s l.out l.want || { cat l.err >&2; diff -u l.want l.out >&2; fail_ "unexpected output under the limit"; }
[ "$(markers l alive)" = 4 ] || fail_ "$(markers l alive) children ran, expected 4"
[ ! -e l.marks/zombie-phase ] || fail_ "a fork beyond the limit (zombies) ran"
[ -e l.marks/reaped ] || fail_ "the fork after reaping did not run"
denied_ l EAGAIN "$R" limit
[ "$(grep -c '^janus: denied .* -> EAGAIN ' l.err)" = 1 ] ||
	{ cat l.err >&2; fail_ "the refusals were not reported exactly once"; }
[ -z "$(left_behind)" ] || fail_ "processes of the jail outlived janus: $(left_behind)"

"$JANUS" --check l.policy >check.out 2>&1 || { cat check.out >&2; fail_ "janus --check l.policy failed"; }
grep -Eq "^limit processes: 5 .*(.*/)?l\.policy:3\$" check.out ||
	fail_ "janus --check does not show the limit: $(grep '^limit' check.out)"

jail u u.policy
expect_rc_ u 0
cat >u.want <<'EOF'
alive: forked 10, failed none
zombies: forked
reaped: forked
threads: started 6, failed 0
EOF
cmp -s u.out u.want || { cat u.err >&2; diff -u u.want u.out >&2; fail_ "unexpected output with the limit lifted"; }
[ "$(markers u alive)" = 10 ] || fail_ "$(markers u alive) children ran, expected 10"
grep -q ' -> EAGAIN ' u.err && { cat u.err >&2; fail_ "a refusal with the limit lifted"; }

run_native_ native "$PY" -I -c "$(cat forks.py)" "$TDIR/native.marks"
expect_rc_ native 0
[ "$(cat native.out)" = "$(cat u.out)" ] || fail_ "natively it printed: $(cat native.out)"
exit 0
