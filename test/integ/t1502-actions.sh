#!/bin/sh
# Proves: the actions of test/policies/actions.policy: `kill` (on a
# syscall rule and on an fs rule) kills the caller with SIGKILL before
# the call runs: janus dies of SIGKILL too, as seen by the shell, the
# directory was not made and the command printed nothing; janus reports
# "killed ... -> SIGKILL" with the rule.  `log` and the `log` modifier
# let the call run (its effect is seen) and report it as "logged" with
# the rule.  --quiet (-q) suppresses the reports of refused calls, not
# the refusal.
. "$SRCDIR/test/lib/init.sh"
. "$SRCDIR/test/lib/policy.sh"
A=$POLICIES/actions.policy
policy_including_ p "$A"
echo data >trap && echo data >watched && echo data >secret || framework_failure_ "cannot write files"

# killed_ NAME RULE: the command died of SIGKILL, printing nothing, reported.
killed_() {
	expect_rc_ "$1" 137
	[ ! -s "$1.out" ] || fail_ "$1: the killed command printed '$(cat "$1.out")'"
	rk_=$(printf '%s' "$2" | sed 's/[].[^$*+?(){}|\\/]/\\&/g')
	grep -Eq "^janus: killed pid [0-9]+ \(try\) .* -> SIGKILL \([a-z]+( [^;]*)?; (.*/)?$rk_\)\$" "$1.err" ||
		{ cat "$1.err" >&2; fail_ "$1: no 'killed' report naming $2"; }
}
# logged_ NAME RULE: the call was reported as logged by RULE.
logged_() {
	rl_=$(printf '%s' "$2" | sed 's/[].[^$*+?(){}|\\/]/\\&/g')
	grep -Eq "^janus: logged pid [0-9]+ \(try\) .* \([a-z]+( [^;]*)?; (.*/)?$rl_\)\$" "$1.err" ||
		{ cat "$1.err" >&2; fail_ "$1: no 'logged' report naming $2"; }
}

jail_ kill.sc p.policy "$TRY" mkdir "$T/d"
killed_ kill.sc "$(rule_ "$A" 'kill syscall mkdir')"
[ ! -e d ] || fail_ "the killed mkdir made the directory"
jail_ kill.fs p.policy "$TRY" read "$T/trap"
killed_ kill.fs "$(rule_ "$A" 'kill fs read')"
native_ mkdir ok mkdir "$T/d.native"

ok_ log.sc p.policy uname
logged_ log.sc "$(rule_ "$A" 'log syscall uname')"
ok_ log.mod p.policy getcwd
logged_ log.mod "$(rule_ "$A" 'allow syscall getcwd log')"
ok_ log.fs p.policy read "$T/watched"
logged_ log.fs "$(rule_ "$A" 'log fs read')"
not_denied_ log.fs

no_ deny p.policy EACCES "$(rule_ "$A" 'deny fs read')" read "$T/secret"
for q in -q --quiet; do
	"$JANUS" $q -p p.policy -- "$TRY" read "$T/secret" </dev/null >quiet.out 2>quiet.err
	echo $? >quiet.rc
	expect_ quiet errno=EACCES
	[ ! -s quiet.err ] || { cat quiet.err >&2; fail_ "$q: janus reported on stderr"; }
done
exit 0
