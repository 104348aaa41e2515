#!/bin/sh
# Proves: janus's own exit statuses: 127 for a command not found, 126 for
# one found but not executable (each with a message naming the command),
# 125 plus a usage message for a bad option or a missing command; --help
# and --version succeed.  Nothing is run on a usage error.
. "$SRCDIR/test/lib/init.sh"

# Not found: by name (PATH search) and by path.
run_janus_ nf janus-no-such-command-xyz
expect_rc_ nf 127
grep -q janus-no-such-command-xyz nf.err || fail_ "not-found message does not name the command: $(cat nf.err)"
run_janus_ nfpath ./no-such-file
expect_rc_ nfpath 127
grep -q no-such-file nfpath.err || fail_ "not-found message does not name the command: $(cat nfpath.err)"

# Found but not executable: a plain file and a directory.
printf 'echo should not run\n' >notexec
chmod 644 notexec
run_janus_ ne ./notexec
expect_rc_ ne 126
grep -q notexec ne.err || fail_ "126 message does not name the command: $(cat ne.err)"
[ ! -s ne.out ] || fail_ "non-executable file was run: $(cat ne.out)"
mkdir adir
run_janus_ dir ./adir
expect_rc_ dir 126

# Same statuses as a POSIX shell gives (positive control of the convention).
run_native_ nf.sh sh -c 'janus-no-such-command-xyz'
expect_rc_ nf.sh 127
run_native_ ne.sh sh -c './notexec'
expect_rc_ ne.sh 126

# Usage errors: 125 and a usage message; the command must not run.
run_janus_ badopt --no-such-option -- touch ran-badopt
expect_rc_ badopt 125
grep -qi usage badopt.err || fail_ "no usage message for a bad option: $(cat badopt.err)"
[ ! -e ran-badopt ] || fail_ "the command ran despite a bad option"
run_janus_ badtrace --trace=bogus -- touch ran-badtrace
expect_rc_ badtrace 125
[ ! -e ran-badtrace ] || fail_ "the command ran despite --trace=bogus"
run_janus_ nocmd --
expect_rc_ nocmd 125
run_janus_ noargs --trace
expect_rc_ noargs 125
run_janus_ badout --trace -o no-such-dir/trace -- touch ran-badout
expect_rc_ badout 125
[ ! -e ran-badout ] || fail_ "the command ran although -o could not be opened"

# --help and --version.
for opt in -h --help; do
	run_janus_ help "$opt"
	expect_rc_ help 0
	grep -qi usage help.out || fail_ "$opt prints no usage on stdout"
	grep -q -- --trace help.out || fail_ "$opt does not mention --trace"
done
for opt in -V --version; do
	run_janus_ version "$opt"
	expect_rc_ version 0
	grep -q janus version.out || fail_ "$opt does not name janus: $(cat version.out)"
done
exit 0
