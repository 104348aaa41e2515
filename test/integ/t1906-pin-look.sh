#!/bin/sh
# Proves: the calls that only look (stat, lstat, newfstatat, statx,
# access, faccessat, faccessat2, readlink, readlinkat, getxattr,
# lgetxattr, listxattr) are pinned where a member could swap a name on
# their way (src/pinfd.c, policy_fs_mutable), and behave under janus as
# natively: the same results (what they showed: inode, type, mode, size,
# link text, xattr value) and errnos (ENOENT, ENOTDIR for a trailing
# slash, ELOOP, EINVAL), relative paths, trailing slashes, "." and "..",
# directory descriptors and AT_EMPTY_PATH included.  Where no member can
# change a name (the system's read-only tree), they are not pinned: no
# extra stops.  With and without the seccomp prefilter.  (Escape e0211
# is the race itself.)
. "$SRCDIR/test/lib/init.sh"
. "$SRCDIR/test/lib/policy.sh"
require_helper_ pin-calls
policy_including_ p "$POLICIES/default-helpers.policy"

mkdir native || framework_failure_ mkdir
(cd native && "$HELPERS/pin-calls" look) >native.out 2>&1 ||
	framework_failure_ "pin-calls look failed natively: $(cat native.out)"
grep -q CHANGED native.out && framework_failure_ "natively: $(grep CHANGED native.out)"
grep -qx 'stat-slash: errno=ENOTDIR' native.out || framework_failure_ "unexpected native run"
grep -qx '  lstat: ino=s type=12 mode=777 size=1' native.out ||
	framework_failure_ "unexpected native run (lstat)"

for mode in prefilter no-prefilter; do
	opt=
	[ $mode = no-prefilter ] && opt=--no-prefilter
	rm -rf jail && mkdir jail || framework_failure_ mkdir
	(cd jail && "$JANUS" --debug $opt -p "$T/p.policy" -- "$HELPERS/pin-calls" look) \
		>$mode.out 2>$mode.err </dev/null
	rc=$?
	[ $rc = 0 ] || { cat $mode.err >&2; fail_ "$mode: janus exited $rc"; }
	compare_ native $mode out
	grep -q CHANGED $mode.out && fail_ "$mode: $(grep CHANGED $mode.out)"
	grep -q '^janus: denied' $mode.err && fail_ "$mode: $(grep '^janus: denied' $mode.err)"
	# The object of stat f, the directory of lstat s.
	grep -q "debug: pid [0-9]*: $TDIR/jail/f pinned as its fd" $mode.err ||
		fail_ "$mode: $TDIR/jail/f was never pinned"
	grep -q "debug: pid [0-9]*: $TDIR/jail pinned as its fd" $mode.err ||
		fail_ "$mode: $TDIR/jail was never pinned"

	# stat(1) of files no member may rename, remove or replace: looked at
	# as the program asked, with no pin.
	"$JANUS" --debug --trace -o $mode.sys.trace $opt -p "$T/p.policy" -- \
		stat -c '%i %s' /usr/bin/env /etc/passwd >$mode.sys.out 2>$mode.sys.err </dev/null ||
		fail_ "$mode: stat under janus failed: $(cat $mode.sys.err)"
	stat -c '%i %s' /usr/bin/env /etc/passwd >native.sys.out
	compare_ native.sys $mode.sys out
	grep -q 'stat[x(]*.*"/etc/passwd"' $mode.sys.trace ||
		framework_failure_ "$mode: the trace shows no stat of /etc/passwd"
	grep "pinned as its fd" $mode.sys.err && fail_ "$mode: a name no member can change was pinned"
done
exit 0
