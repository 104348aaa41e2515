#!/bin/sh
# Proves: each fs access kind (read write create exec unlink rename link
# symlink chmod chown mkdir rmdir mknod-fifo mknod-dev truncate utime stat
# chdir readlink xattr) opens exactly the calls that make it.  Under
# test/policies/fs-access.policy the call succeeds in the directory whose
# rule names its kind and is refused with EACCES, reported as <default>
# (no rule matched), in $CWD/none or in a directory of another kind; every
# refused call left the file system as it was (checked from here), and
# succeeds natively (positive control, on copies in nat/).
. "$SRCDIR/test/lib/init.sh"
. "$SRCDIR/test/lib/policy.sh"
policy_including_ p "$POLICIES/fs-access.policy"
P=p.policy
D='<default>'

for d in read write create exec unlink rename link symlink chmod chown mkdir \
	fifo dev truncate utime chdir readlink xattr none nat; do
	mkdir "$d" && echo orig >"$d/f" || framework_failure_ "cannot create $d/f"
done
echo orig >link/src
# same_ WHAT A B: fail unless A = B.
same_() { [ "$2" = "$3" ] || fail_ "$1: '$2', expected '$3'"; }

# read, write, create
ok_ read $P read "$T/read/f"
no_ read.no $P EACCES "$D" read "$T/none/f"
native_ read ok read "$T/none/f"
ok_ write $P write "$T/write/f" new
same_ "allowed write" "$(cat write/f)" new
no_ write.no $P EACCES "$D" write "$T/none/f" new
same_ "refused write" "$(cat none/f)" orig
no_ write.ro $P EACCES "$D" write "$T/read/f" new
same_ "write where only read is allowed" "$(cat read/f)" orig
native_ write ok write "$T/nat/f" new
ok_ create $P create "$T/create/g" x
[ -f create/g ] || fail_ "allowed create made no file"
no_ create.no $P EACCES "$D" create "$T/none/g" x
no_ create.w $P EACCES "$D" create "$T/write/g" x
[ ! -e none/g ] && [ ! -e write/g ] || fail_ "a refused create made a file"
native_ create ok create "$T/nat/g" x

# exec (the new image prints "ok" itself)
cp "$TRY" exec/prog && cp "$TRY" none/prog && cp "$TRY" nat/prog || framework_failure_ "cp"
ok_ exec $P execve "$T/exec/prog" noop
no_ exec.no $P EACCES "$D" execve "$T/none/prog" noop
native_ exec ok execve "$T/nat/prog" noop

# unlink, rename (both names checked), link, symlink
ok_ unlink $P unlink "$T/unlink/f"
[ ! -e unlink/f ] || fail_ "allowed unlink left the file"
no_ unlink.no $P EACCES "$D" unlink "$T/none/f"
[ -f none/f ] || fail_ "refused unlink removed the file"
ok_ rename $P rename "$T/rename/f" "$T/rename/g"
[ ! -e rename/f ] && [ -f rename/g ] || fail_ "allowed rename did not rename"
no_ rename.old $P EACCES "$D" rename "$T/none/f" "$T/rename/h"
no_ rename.new $P EACCES "$D" rename "$T/rename/g" "$T/none/h"
[ -f none/f ] && [ -f rename/g ] && [ ! -e rename/h ] && [ ! -e none/h ] ||
	fail_ "a refused rename moved a file"
native_ rename ok rename "$T/nat/f" "$T/nat/h"
# A rename may not carry a denied tree ("deny fs read $CWD/rename/vault/**")
# out of its rule's reach, nor rename the directory above it; moves
# inside the vault pass.
mkdir rename/vault && echo secret >rename/vault/s && mkdir nat/vault ||
	framework_failure_ "mkdir vault"
no_ rename.vault $P EPERM "fs-access.policy:32" rename "$T/rename/vault" "$T/rename/open"
no_ rename.parent $P EPERM "fs-access.policy:32" rename "$T/rename" "$T/rename2"
[ -f rename/vault/s ] && [ ! -e rename/open ] && [ ! -e rename2 ] ||
	fail_ "a refused rename moved the vault"
ok_ rename.invault $P rename "$T/rename/vault/s" "$T/rename/vault/t"
[ -f rename/vault/t ] || fail_ "a rename inside the vault did not happen"
native_ rename.vault ok rename "$T/nat/vault" "$T/nat/open"
ok_ link $P link "$T/link/src" "$T/link/l"
same_ "allowed link" "$(stat -c %i link/l)" "$(stat -c %i link/src)"
no_ link.new $P EACCES "$D" link "$T/link/src" "$T/none/l"
no_ link.old $P EACCES "$D" link "$T/none/f" "$T/link/l2"
[ ! -e none/l ] && [ ! -e link/l2 ] || fail_ "a refused link made a name"
native_ link ok link "$T/nat/h" "$T/nat/l"
ok_ symlink $P symlink /etc/passwd "$T/symlink/s"
[ -L symlink/s ] || fail_ "allowed symlink made no link"
no_ symlink.no $P EACCES "$D" symlink /etc/passwd "$T/none/s"
[ ! -L none/s ] || fail_ "refused symlink made a link"
native_ symlink ok symlink /etc/passwd "$T/nat/s"

# chmod, chown, truncate, utime
mode=$(stat -c %a none/f)
ok_ chmod $P chmod "$T/chmod/f" 600
same_ "allowed chmod" "$(stat -c %a chmod/f)" 600
no_ chmod.no $P EACCES "$D" chmod "$T/none/f" 600
same_ "refused chmod" "$(stat -c %a none/f)" "$mode"
native_ chmod ok chmod "$T/nat/h" 600
# fchmod is judged on the path its descriptor refers to.
no_ fchmod.no $P EACCES "$D" fchmod "$T/read/f" 600
[ "$(stat -c %a read/f)" = "$mode" ] || fail_ "refused fchmod changed read/f"
native_ fchmod ok fchmod "$T/nat/h" 640
ok_ chown $P chown "$T/chown/f" 1 1
same_ "allowed chown" "$(stat -c %u:%g chown/f)" 1:1
owner=$(stat -c %u:%g none/f)
no_ chown.no $P EACCES "$D" chown "$T/none/f" 1 1
same_ "refused chown" "$(stat -c %u:%g none/f)" "$owner"
if [ "$(id -u)" = 0 ]; then native_ chown ok chown "$T/nat/h" 1 1; fi
ok_ truncate $P truncate "$T/truncate/f" 0
same_ "allowed truncate" "$(stat -c %s truncate/f)" 0
no_ truncate.no $P EACCES "$D" truncate "$T/none/f" 0
same_ "refused truncate" "$(stat -c %s none/f)" 5
native_ truncate ok truncate "$T/nat/h" 0
ok_ utime $P utime "$T/utime/f"
same_ "allowed utime" "$(stat -c %Y utime/f)" 1000000000
no_ utime.no $P EACCES "$D" utime "$T/none/f"
[ "$(stat -c %Y none/f)" != 1000000000 ] || fail_ "refused utime changed the time"
native_ utime ok utime "$T/nat/h"

# mkdir, rmdir, mknod: FIFO and device are distinct accesses
ok_ mkdir $P mkdir "$T/mkdir/d"
[ -d mkdir/d ] || fail_ "allowed mkdir made no directory"
ok_ rmdir $P rmdir "$T/mkdir/d"
[ ! -e mkdir/d ] || fail_ "allowed rmdir left the directory"
mkdir none/d
no_ mkdir.no $P EACCES "$D" mkdir "$T/none/e"
no_ rmdir.no $P EACCES "$D" rmdir "$T/none/d"
[ ! -e none/e ] && [ -d none/d ] || fail_ "a refused mkdir/rmdir changed none/"
native_ mkdir ok mkdir "$T/nat/d"
native_ rmdir ok rmdir "$T/nat/d"
ok_ fifo $P mknod-fifo "$T/fifo/p"
[ -p fifo/p ] || fail_ "allowed mknod made no FIFO"
no_ fifo.no $P EACCES "$D" mknod-fifo "$T/none/p"
no_ fifo.dev $P EACCES "$D" mknod-fifo "$T/dev/p"
[ ! -e none/p ] && [ ! -e dev/p ] || fail_ "a refused mknod made a FIFO"
native_ fifo ok mknod-fifo "$T/nat/p"
if [ "$(id -u)" = 0 ]; then
	ok_ dev $P mknod-dev "$T/dev/c"
	[ -c dev/c ] || fail_ "allowed mknod made no device"
	native_ dev ok mknod-dev "$T/nat/c"
fi
no_ dev.no $P EACCES "$D" mknod-dev "$T/none/c"
no_ dev.fifo $P EACCES "$D" mknod-dev "$T/fifo/c"
[ ! -e none/c ] && [ ! -e fifo/c ] || fail_ "a refused mknod made a device"

# stat, chdir, readlink
ok_ stat $P stat "$T/none/f"
no_ stat.no $P EACCES "$D" stat /var
native_ stat ok stat /var
ok_ chdir $P chdir "$T/chdir"
no_ chdir.no $P EACCES "$D" chdir "$T/none"
native_ chdir ok chdir "$T/none"
ln -s f readlink/l && ln -s f none/l || framework_failure_ "ln -s"
ok_ readlink $P readlink "$T/readlink/l"
no_ readlink.no $P EACCES "$D" readlink "$T/none/l"
native_ readlink ok readlink "$T/none/l"

# xattr (user.* attributes, read back from here)
xattr_of_() {
	"$PYTHON" -c 'import os, sys
try: print(os.getxattr(sys.argv[1], "user.janus").decode())
except OSError: print("-")' "$1"
}
# A file system without user xattrs (tmpfs before Linux 6.6) has nothing
# to show: the checks are left out, and said so.
run_native_ xattr.probe "$TRY" setxattr "$T/nat/h" user.janus v
if [ "$(cat xattr.probe.out)" = errno=EOPNOTSUPP ]; then
	warn_ "no user xattrs on the file system of $T: the xattr checks are left out"
	exit 0
fi
native_ xattr ok setxattr "$T/nat/h" user.janus v
ok_ xattr $P setxattr "$T/xattr/f" user.janus v
same_ "allowed setxattr" "$(xattr_of_ xattr/f)" v
no_ xattr.no $P EACCES "$D" setxattr "$T/none/f" user.janus v
same_ "refused setxattr" "$(xattr_of_ none/f)" -
exit 0
