#!/bin/sh
# Proves: a policy that does not load stops janus before the command
# runs: exit 125, the command's marker file is not created, and the error
# names file:line:col (bad syntax, a missing file, a variable janus has no
# value for).  `janus --check` exits 0 and prints the compiled form of a
# good policy; for a bad one it exits 1 and prints "file:line:col:
# message", the source line and a caret under the offending token, for
# each class of error: unknown syscall, action, errno, access, ioctl,
# socket type, socket option; malformed address; bad port; undefined
# variable; relative pattern; ".." in a pattern; errno with allow;
# unterminated string; include cycle.
. "$SRCDIR/test/lib/init.sh"
. "$SRCDIR/test/lib/policy.sh"

# Running a command with a bad policy.
printf '# a typo on line 2\nallow syscall opne\n' >typo.policy
printf 'allow fs read $JAIL/**\n' >jail.policy
for p in typo.policy missing.policy jail.policy; do
	"$JANUS" -p "$p" -- sh -c 'echo ran >marker' </dev/null >run.out 2>run.err
	echo $? >run.rc
	expect_rc_ run 125
	[ ! -e marker ] || fail_ "$p: the command ran"
	grep -q "$p" run.err || { cat run.err >&2; fail_ "$p: the error does not name the policy"; }
done
"$JANUS" -p typo.policy -- true 2>run.err
grep -Eq '^(janus: )?typo\.policy:2:15: ' run.err || { cat run.err >&2; fail_ "no typo.policy:2:15: in the error"; }
"$JANUS" -p jail.policy -- true 2>run.err
grep -Eq '^(janus: )?jail\.policy:1:15: .*JAIL' run.err || { cat run.err >&2; fail_ "no jail.policy:1:15: in the error"; }

# --check of good policies.
for p in "$DEFAULT_POLICY" "$POLICIES/fs-globs.policy"; do
	policy_including_ good "$p"
	"$JANUS" --check good.policy >check.out 2>check.err
	[ $? = 0 ] || { cat check.err >&2; fail_ "--check of a good policy ($p) failed"; }
	grep -q '^default: deny ENOSYS' check.out || fail_ "--check printed no compiled form for $p"
done

# bad_ N 'LINE' 'TOKEN' WORD: --check of a policy whose third line is LINE
# fails at TOKEN, with WORD in the message.
bad_() {
	f=bad$1.policy
	printf '# t1503 case %s\n\n%s\n' "$1" "$2" >"$f"
	"$JANUS" --check "$f" >check.out 2>check.err
	rc=$?
	[ $rc = 1 ] || { cat check.err >&2; fail_ "case $1: --check exited $rc, expected 1"; }
	col=$(awk -v l="$2" -v t="$3" 'BEGIN { print index(l, t) }')
	sed -n 1p check.err | grep -Eq "^(janus: )?$f:3:$col: .*$4" ||
		{ cat check.err >&2; fail_ "case $1: first line is not '$f:3:$col: ...$4...'"; }
	src=$(sed -n 2p check.err)
	[ "${src#"${src%%[! ]*}"}" = "$2" ] || fail_ "case $1: the source line is not shown: '$src'"
	indent=$(( ${#src} - ${#2} ))
	caret=$(sed -n 3p check.err | awk '{ print index($0, "^") }')
	[ "$caret" = $((indent + col)) ] ||
		{ cat check.err >&2; fail_ "case $1: caret at column $caret, expected $((indent + col))"; }
}
bad_ 1 'allow syscall opne' opne opne
bad_ 2 'permit syscall read' permit permit
bad_ 3 'deny syscall read errno EFOO' EFOO EFOO
bad_ 4 'allow fs exe /usr/**' exe exe
bad_ 5 'allow ioctl TCGETS TCFOO' TCFOO TCFOO
bad_ 6 'allow socket inet strem' strem strem
bad_ 7 'allow sockopt SO_FOO' SO_FOO SO_FOO
bad_ 8 'allow connect 10.0.0.1/8' 10.0.0.1/8 prefix
bad_ 9 'allow bind 127.0.0.1 port 70000' 70000 70000
bad_ 10 'allow fs read $NOPE/**' '$NOPE' NOPE
bad_ 11 'allow fs read foo/**' foo/** absolute
bad_ 12 'allow fs read /a/../b' /a/../b '\.\.'
bad_ 13 'allow syscall read errno EPERM' errno deny
bad_ 14 'allow fs read "/a' '"/a' unterminated
bad_ 15 'include "bad15.policy"' '"bad15.policy"' cycle
exit 0
