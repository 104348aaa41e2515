#!/bin/sh
# Proves: calls that name another process reach members of the jail only
# (review: "You shouldn't be able to call getsid() on some other process
# outside the jail"): getsid, getpgid, setpgid, prlimit64 (read and set),
# setpriority work on a child of the jailed program and fail with EPERM
# on a canary process outside; the canary's limits are unchanged (read
# from /proc here).  ptrace and process_vm_readv are refused outright by
# the default policy (its `deny syscall @debug`); when a policy lets them
# through (test/policies/proc-debug.policy), process_vm_readv reads a
# member and is refused on the canary, and ptrace is refused on the
# canary, which is not traced.  Natively each refused call works or fails
# otherwise (positive control).
. "$SRCDIR/test/lib/init.sh"
. "$SRCDIR/test/lib/policy.sh"
policy_including_ d "$POLICIES/default-helpers.policy"
policy_including_ g "$POLICIES/proc-debug.policy"
D='<default>'
DBG=$(rule_ "$DEFAULT_POLICY" 'deny syscall @io_uring @sandbox @debug')
# The canary's soft core limit is not 0, so that prlimit-set's change shows.
ulimit -S -c 1024 2>/dev/null || skip_ "cannot raise the soft core limit"
canary_
core_() { awk '/^Max core file size/ { print $5 }' /proc/$canary/limits; }
core=$(core_)
[ "$core" != 0 ] || framework_failure_ "the canary's core limit is 0"
# An address mapped readable in the canary.
addr=0x$(awk '$2 ~ /^r/ { split($1, a, "-"); print a[1]; exit }' /proc/$canary/maps)

for op in getsid getpgid prlimit setpriority; do
	ok_ $op.member d.policy $op child
	no_ $op.outside d.policy EPERM "$D" $op $canary
	native_ $op ok $op $canary
done
ok_ setpgid.member d.policy setpgid child same
no_ setpgid.outside d.policy EPERM "$D" setpgid $canary same
native_not_ setpgid EPERM setpgid $canary same
ok_ prlimit-set.member d.policy prlimit-set child
no_ prlimit-set.outside d.policy EPERM "$D" prlimit-set $canary
[ "$(core_)" = "$core" ] || fail_ "the canary's core limit changed to $(core_)"
canary_alive_ "getsid ... prlimit-set"

no_ ptrace.d d.policy EPERM "$DBG" ptrace $canary
no_ vm-read.d d.policy EPERM "$DBG" vm-read $canary "$addr"
no_ vm-read.dm d.policy EPERM "$DBG" vm-read child
ok_ vm-read.member g.policy vm-read child
no_ vm-read.outside g.policy EPERM "$D" vm-read $canary "$addr"
denied_ vm-read.outside EPERM "$D" signal
no_ ptrace.outside g.policy EPERM "$D" ptrace $canary
denied_ ptrace.outside EPERM "$D" signal
[ "$(awk '/^TracerPid:/ { print $2 }' /proc/$canary/status)" = 0 ] || fail_ "the canary is traced"
canary_alive_ "ptrace"
native_ vm-read ok vm-read $canary "$addr"
native_ ptrace ok ptrace $canary
native_ prlimit-set ok prlimit-set $canary
[ "$(core_)" = 0 ] || fail_ "natively prlimit-set did not change the canary's limit"
exit 0
