#!/bin/sh
# Proves: the default policy keeps the host to itself (review: "A jailed
# process shouldn't be able to learn anything about the host"): syslog,
# sysfs, ustat, statfs and fstatfs fail with EPERM, getcwd with EACCES,
# each reported with its rule; uname is allowed.  A policy that names
# other errnos gets them (test/policies/host-errno.policy).  Natively
# each call does not fail so (positive control).
. "$SRCDIR/test/lib/init.sh"
. "$SRCDIR/test/lib/policy.sh"
policy_including_ d "$POLICIES/default-helpers.policy"
policy_including_ e "$POLICIES/host-errno.policy"
r_() { rule_ "$DEFAULT_POLICY" "$1"; }
LOG=$(r_ 'deny syscall syslog')
FS=$(r_ 'deny syscall olduname oldolduname ustat sysfs')
CWD=$(r_ 'deny syscall getcwd errno EACCES')

no_ syslog d.policy EPERM "$LOG" syslog
no_ sysfs d.policy EPERM "$FS" sysfs
no_ ustat d.policy EPERM "$FS" ustat
no_ statfs d.policy EPERM "$FS" statfs "$T"
no_ fstatfs d.policy EPERM "$FS" fstatfs "$T"
no_ getcwd d.policy EACCES "$CWD" getcwd
ok_ uname d.policy uname
[ "$(id -u)" = 0 ] && native_not_ syslog EPERM syslog
native_not_ sysfs EPERM sysfs
native_not_ ustat EPERM ustat
native_ statfs ok statfs "$T"
native_ fstatfs ok fstatfs "$T"
native_ getcwd ok getcwd

E=$POLICIES/host-errno.policy
no_ e.syslog e.policy EIO "$(rule_ "$E" 'errno EIO')" syslog
no_ e.statfs e.policy ENOSYS "$(rule_ "$E" 'errno ENOSYS')" statfs "$T"
no_ e.fstatfs e.policy ENOSYS "$(rule_ "$E" 'errno ENOSYS')" fstatfs "$T"
no_ e.sysfs e.policy EPERM "$FS" sysfs
exit 0
