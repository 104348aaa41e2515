#!/bin/sh
# Proves: exec under janus keeps the program's own spelling of the path
# (argv[0], AT_EXECFN, a script's $0 are as natively: by a symlink, by a
# relative path with ".."), and what runs is what janus checked or what
# the policy lets the program exec by its own path: a script whose #!
# interpreter is allowed runs; one whose interpreter is not (the kernel
# opens it with no system call janus could check) is killed before it
# runs, with a report (src/execcheck.c).  Natively both scripts run.
. "$SRCDIR/test/lib/init.sh"
. "$SRCDIR/test/lib/policy.sh"
require_helper_ pin-calls
mkdir -p scripts bin || framework_failure_ mkdir
cp /bin/sh interp || framework_failure_ "cp /bin/sh"
printf '#!/bin/sh\necho "dollar0=$0"\n' >scripts/ok.sh
printf '#!%s/interp\necho "dollar0=$0"\n' "$TDIR" >scripts/bad.sh
chmod 755 scripts/ok.sh scripts/bad.sh interp
ln -s "$HELPERS_DIR/pin-calls" bin/pc-link || framework_failure_ "ln -s"
# $CWD is writable, not executable: only scripts/ and bin/ are.
policy_including_ p "$POLICIES/default-helpers.policy"
echo 'allow fs ro,exec $CWD/scripts/** $CWD/bin/**' >>p.policy

same_() {
	sn_=$1; shift
	run_native_ "$sn_.native" "$@"
	"$JANUS" -p p.policy -- "$@" </dev/null >"$sn_.janus.out" 2>"$sn_.janus.err"
	echo $? >"$sn_.janus.rc"
	compare_ "$sn_.native" "$sn_.janus" out rc
	not_denied_ "$sn_.janus"
}
same_ link ./bin/pc-link exec-show
grep -qx 'argv\[0\]=./bin/pc-link AT_EXECFN=./bin/pc-link' link.janus.out ||
	fail_ "by a symlink: $(cat link.janus.out)"
same_ dotdot bin/../bin/pc-link exec-show
same_ script ./scripts/ok.sh
grep -qx 'dollar0=./scripts/ok.sh' script.janus.out || fail_ "script: $(cat script.janus.out)"
same_ script2 scripts/../scripts/ok.sh

# The interpreter is not the program's to exec.
run_native_ bad.native ./scripts/bad.sh
expect_ bad.native 'dollar0=./scripts/bad.sh'
"$JANUS" -p p.policy -- ./scripts/bad.sh </dev/null >bad.out 2>bad.err
echo $? >bad.rc
expect_rc_ bad 137
[ ! -s bad.out ] || fail_ "the script ran: $(cat bad.out)"
grep -q "exec ran '$TDIR/interp', not the file janus checked" bad.err ||
	{ cat bad.err >&2; fail_ "no report of the interpreter"; }
exit 0
