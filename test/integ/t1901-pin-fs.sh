#!/bin/sh
# Proves: the path calls janus pins with a descriptor of their directory
# or object (src/pinfd.c) behave under janus as natively: link, linkat
# (dirfd, AT_SYMLINK_FOLLOW), rename, renameat2 (RENAME_NOREPLACE,
# RENAME_EXCHANGE), unlink, unlinkat, mkdir, mkdirat, rmdir, symlink,
# symlinkat, chmod (through a symlinked directory, a symlink, a symlink
# loop), fchmodat, chown, lchown, fchownat, truncate, utimes, utimensat,
# mknod/mknodat of FIFOs, xattrs, chdir: the same results and errnos
# (EEXIST, ENOENT, ELOOP, ENOTDIR for a trailing slash, EINVAL, ENOTEMPTY,
# EISDIR ...), relative paths and directory descriptors included, and the
# same tree left behind.  After each call every argument register and
# every path string of the program is as it was (pin-calls checks them on
# x86_64).  The calls were pinned: janus --debug names the directories it
# pinned.  With and without the seccomp prefilter.
. "$SRCDIR/test/lib/init.sh"
. "$SRCDIR/test/lib/policy.sh"
require_helper_ pin-calls
policy_including_ p "$POLICIES/default-helpers.policy"
echo 'allow fs chown $CWD/**' >>p.policy

tree_() { (cd "$1" && find . -printf '%p %y %m %n %s\n' | LC_ALL=C sort); }

mkdir native || framework_failure_ mkdir
(cd native && "$HELPERS/pin-calls" fs) >native.out 2>&1 ||
	framework_failure_ "pin-calls fs failed natively: $(cat native.out)"
grep -q CHANGED native.out && framework_failure_ "natively: $(grep CHANGED native.out)"
grep -qx 'rename-slash: errno=ENOTDIR' native.out || framework_failure_ "unexpected native run"
tree_ native >native.tree

for mode in prefilter no-prefilter; do
	opt=
	[ $mode = no-prefilter ] && opt=--no-prefilter
	rm -rf jail && mkdir jail || framework_failure_ mkdir
	(cd jail && "$JANUS" --debug $opt -p "$T/p.policy" -- "$HELPERS/pin-calls" fs) \
		>$mode.out 2>$mode.err </dev/null
	rc=$?
	[ $rc = 0 ] || { cat $mode.err >&2; fail_ "$mode: janus exited $rc"; }
	compare_ native $mode out
	grep -q CHANGED $mode.out && fail_ "$mode: $(grep CHANGED $mode.out)"
	grep -q '^janus: denied' $mode.err && fail_ "$mode: $(grep '^janus: denied' $mode.err)"
	tree_ jail >$mode.tree
	compare_ native $mode tree
	# The directory of d/g (linkat, utimensat ...) and the object of chmod f.
	grep -q "debug: pid [0-9]*: $TDIR/jail/d pinned as its fd" $mode.err ||
		fail_ "$mode: $TDIR/jail/d was never pinned"
	grep -q "debug: pid [0-9]*: $TDIR/jail/f pinned as its fd" $mode.err ||
		fail_ "$mode: $TDIR/jail/f was never pinned"
done
exit 0
