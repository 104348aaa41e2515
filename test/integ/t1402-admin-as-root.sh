#!/bin/sh
# Proves: root does not widen the jail (review: "I'd look very carefully
# at whether root can bypass any of the access controls"): run as root
# under the default policy, reboot, swapon, swapoff, settimeofday,
# clock_settime, adjtimex, sethostname, setdomainname, acct and quotactl
# fail with EPERM (its @admin/@clock rule) and mknod of a character device
# with EACCES (its mknod-dev rule).  The arguments are such that natively
# each call fails harmlessly or changes nothing (bad reboot magic, an
# invalid time, the current host name, missing files): the native runs
# show root passes the kernel's own permission checks (positive control),
# and the machine's state (clock, names, swap) is the same afterwards.
. "$SRCDIR/test/lib/init.sh"
. "$SRCDIR/test/lib/policy.sh"
[ "$(id -u)" = 0 ] || skip_ "this test is about root"
policy_including_ d "$POLICIES/default-helpers.policy"
A=$(rule_ "$DEFAULT_POLICY" 'deny syscall @admin @clock @module @mount @namespace')
DEV=$(rule_ "$DEFAULT_POLICY" 'deny fs mknod-dev /**')
state_() { printf '%s %s %s\n' "$(uname -n)" "$(cat /proc/sys/kernel/domainname)" "$(md5sum </proc/swaps)"; }
before=$(state_)
t0=$(date +%s)

# admin_ NAME NATIVE-RESULT ARG...
admin_() {
	an=$1 ar=$2; shift 2
	no_ "$an" d.policy EPERM "$A" "$@"
	native_ "$an" "$ar" "$@"
}
admin_ reboot errno=EINVAL reboot
admin_ swapon errno=ENOENT swapon "$T/missing"
admin_ swapoff errno=ENOENT swapoff "$T/missing"
admin_ settimeofday errno=EINVAL settimeofday
admin_ clock_settime errno=EINVAL clock_settime
admin_ adjtimex ok adjtimex
admin_ sethostname ok sethostname
admin_ setdomainname ok setdomainname
admin_ acct errno=ENOENT acct "$T/missing/acct"
admin_ quotactl errno=ENOENT quotactl "$T/missing"
no_ mknod-dev d.policy EACCES "$DEV" mknod-dev "$T/dev"
[ ! -e dev ] || fail_ "the refused mknod made $T/dev"
native_ mknod-dev ok mknod-dev "$T/dev.native"
[ -c dev.native ] || fail_ "natively mknod made no device"

[ "$(state_)" = "$before" ] || fail_ "the machine's names or swap changed"
t1=$(date +%s)
[ $((t1 - t0)) -ge 0 ] && [ $((t1 - t0)) -lt 120 ] || fail_ "the clock moved from $t0 to $t1"
exit 0
