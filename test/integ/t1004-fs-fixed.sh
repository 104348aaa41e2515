#!/bin/sh
# Proves: the fixed refusals of janus-policy(5) hold whatever the policy,
# allow-all included: open_by_handle_at (opens a file without a path to
# check), mount, umount2, chroot (change what every path check relies on)
# fail with EPERM and openat2 with ENOSYS, reported as <fixed>; natively
# each of them does something else (positive control), and no mount
# appeared.
. "$SRCDIR/test/lib/init.sh"
. "$SRCDIR/test/lib/policy.sh"
policy_including_ d "$POLICIES/default-helpers.policy"
F='<fixed>'
mkdir mnt && echo data >file || framework_failure_ "cannot prepare $T"
mounts_before=$(wc -l </proc/self/mountinfo)

native_ handle ok open-by-handle "$T/file" "$T"
native_not_ mount EPERM mount "$T/mnt"
native_not_ umount EPERM umount "$T/mnt"
native_not_ chroot EPERM chroot "$T/mnt"
native_ openat2 ok openat2 "$T/file"
for p in allow-all d.policy; do
	n=${p%.policy}
	no_ handle.$n $p EPERM "$F" open-by-handle "$T/file" "$T"
	no_ mount.$n $p EPERM "$F" mount "$T/mnt"
	no_ umount.$n $p EPERM "$F" umount "$T/mnt"
	no_ chroot.$n $p EPERM "$F" chroot "$T/mnt"
	no_ openat2.$n $p ENOSYS "$F" openat2 "$T/file"
	denied_ handle.$n EPERM "$F" fixed
done
[ "$(wc -l </proc/self/mountinfo)" = "$mounts_before" ] || fail_ "the mount table changed"
exit 0
