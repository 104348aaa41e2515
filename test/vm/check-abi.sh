#!/bin/sh
# check-abi.sh ABI ESC-FILE... - the escape suite through another ABI (only
# i386 for now: the attacks' -m32 builds), as one table.  Runs here if this
# kernel runs i386 programs, else in one VM (vm-run.sh): booting once for
# all attacks keeps the emulated run short.  Exit: 0 all contained (or
# skipped), 1 an escape or a failure, 77 nowhere to run them.
# Environment: JANUS, HELPERS, SRCDIR, ESCAPE_BIN (as for run-escape.sh).
set -u
abi=${1:?usage: check-abi.sh ABI ESC-FILE...}
shift
me=check-abi
[ $# -gt 0 ] || { echo "$me: no attacks named (escape_i386_tests is empty: no -m32 toolchain?)" >&2; exit 77; }
for v in JANUS HELPERS SRCDIR ESCAPE_BIN; do
	eval "[ -n \"\${$v:-}\" ]" || { echo "$me: $v is not set" >&2; exit 99; }
done
export JANUS HELPERS SRCDIR ESCAPE_BIN

# abi_runs_ and vm_why_not_ from the tests' library, without a test around.
framework_failure_() { echo "$me: $*" >&2; exit 99; }
self_args_=
# shellcheck source=../lib/vm.sh
. "$SRCDIR/test/lib/vm.sh"

run="$SRCDIR/test/escape/run-escape.sh --all --abi $abi"
# The VM's limit: the driver's own per attack (300 s), for each.
: "${JANUS_VM_TIMEOUT:=$((300 * $# + 120))}"
export JANUS_VM_TIMEOUT
if abi_runs_ "$abi"; then
	# shellcheck disable=SC2086
	exec /bin/sh $run "$@"
fi
why=$(vm_why_not_)
if [ -n "$why" ]; then
	echo "$me: SKIP: this kernel runs no $abi programs, and no VM can: $why" >&2
	exit 77
fi
echo "$me: this kernel runs no $abi programs: the attacks run in a VM ($(cat "$JANUS_VM_KERNEL/VERSION"))"
# shellcheck disable=SC2086
exec "$SRCDIR/test/vm/vm-run.sh" --share "$SRCDIR" --share "${HELPERS%/test/helpers}" \
	-- /bin/sh $run "$@"
