#!/bin/sh
# Proves: fs rules judge the path the kernel acts on, so no spelling of a
# denied file gets past a deny rule: "..", "//", ".", a symlink to the
# file or to its directory, a relative path after chdir, openat relative
# to a directory descriptor (opened in the jail or inherited from
# outside), fchdir to an inherited descriptor, /proc/self/cwd/...,
# /dev/fd/N/..., /proc/self/fd/N/..., /proc/self/root/..., reopening an
# O_PATH descriptor through /proc/self/fd/N.  Each attack reads the
# secret natively (the path is real) and is refused with the deny rule's
# EXDEV under test/policies/fs-canon.policy; the same spellings of an
# allowed file work.  Writes by such paths (O_CREAT through a dangling
# symlink included) are refused too and create nothing; so are new names
# for the secret (linkat following a symlink, linkat of an O_PATH
# descriptor) and running a denied program by a symlink or by execveat of
# its descriptor.
. "$SRCDIR/test/lib/init.sh"
. "$SRCDIR/test/lib/policy.sh"
policy_including_ p "$POLICIES/fs-canon.policy"
P=p.policy
R=$(rule_ "$POLICIES/fs-canon.policy" 'deny fs read,write,create $CWD/denied/**')

mkdir allowed denied || framework_failure_ mkdir
echo secret >denied/secret && echo fine >allowed/ok || framework_failure_ "cannot write files"
ln -s ../denied/secret allowed/link && ln -s ../denied allowed/dlink &&
	ln -s "$T/denied/secret" allowed/abslink || framework_failure_ "ln -s"

# attack_ NAME ARG...: try ARG... reads the secret natively, is refused in the jail.
attack_() {
	an_=$1; shift
	native_ "$an_" ok "$@"
	no_ "$an_" $P EXDEV "$R" "$@"
}

attack_ plain read "$T/denied/secret"
attack_ dotdot read "$T/allowed/../denied/secret"
attack_ dotdot2 read "$T/allowed/../../${T##*/}/denied/secret"
attack_ slashes read "$T//denied///secret"
attack_ dots read "$T/./denied/./secret"
attack_ relative read denied/secret
attack_ symlink read "$T/allowed/link"
attack_ abssymlink read "$T/allowed/abslink"
attack_ dirsymlink read "$T/allowed/dlink/secret"
attack_ chdir chdir-open "$T/allowed" ../denied/secret r
attack_ chdir-link chdir-open "$T/allowed/dlink" secret r
attack_ openat openat "$T/denied" secret r
attack_ openat-dotdot openat "$T/allowed" ../denied/secret r
attack_ openat-link openat "$T/allowed" link r
attack_ proc-cwd read /proc/self/cwd/denied/secret
attack_ proc-root read "/proc/self/root$T/denied/secret"
attack_ proc-root-dotdot read "/proc/self/root/proc/self/cwd/allowed/../denied/secret"

# Descriptors inherited from outside the jail (3: the denied directory,
# 4: the allowed one).
exec 3<"$T/denied" 4<"$T/allowed"
attack_ inherited-dirfd openat-fd 3 secret r
attack_ inherited-dotdot openat-fd 4 ../denied/secret r
attack_ dev-fd read /dev/fd/3/secret
attack_ proc-fd read /proc/self/fd/3/secret
attack_ dev-fd-dotdot read /dev/fd/4/../denied/secret
attack_ fchdir fchdir-open 3 secret r
attack_ opath-reopen opath-reopen "$T/denied/secret"

# Writes and creations by such paths: refused, nothing written.
no_ write-dotdot $P EXDEV "$R" write "$T/allowed/../denied/secret" pwned
no_ write-link $P EXDEV "$R" write "$T/allowed/link" pwned
no_ write-proc $P EXDEV "$R" write /proc/self/cwd/denied/secret pwned
no_ create-dotdot $P EXDEV "$R" create "$T/allowed/../denied/new" x
no_ create-fd $P EXDEV "$R" create /dev/fd/3/new2 x
ln -s ../denied/new3 allowed/dangle || framework_failure_ "ln -s"
no_ create-dangling $P EXDEV "$R" open "$T/allowed/dangle" w,creat
no_ creat-dangling $P EXDEV "$R" creat "$T/allowed/dangle"
[ "$(cat denied/secret)" = secret ] || fail_ "denied/secret was written"
[ ! -e denied/new ] && [ ! -e denied/new2 ] && [ ! -e denied/new3 ] ||
	fail_ "a file was created in denied/"

# New names for the secret, and running a denied program.
no_ linkat-follow $P EXDEV "$R" linkat-follow "$T/allowed/link" "$T/allowed/hl1"
[ "$(id -u)" = 0 ] && no_ linkat-empty $P EXDEV "$R" linkat-empty "$T/denied/secret" "$T/allowed/hl2"
[ ! -e allowed/hl1 ] && [ ! -e allowed/hl2 ] || fail_ "a refused linkat made a name for the secret"
native_ linkat-follow ok linkat-follow "$T/allowed/link" "$T/nat-hl1"
[ "$(id -u)" = 0 ] && native_ linkat-empty ok linkat-empty "$T/denied/secret" "$T/nat-hl2"
cp "$TRY" allowed/prog && cp "$TRY" denied/prog && ln -s ../denied/prog allowed/proglink ||
	framework_failure_ "cannot copy the helper"
ok_ exec-ok $P execve "$T/allowed/prog" noop
attack_ exec-link execve "$T/allowed/proglink" noop
attack_ fexecve fexecve "$T/denied/prog" noop

# The same spellings of an allowed file are allowed.
ok_ ok-dotdot $P read "$T/denied/../allowed/ok"
ok_ ok-proc $P read /proc/self/cwd/allowed/ok
ok_ ok-fd $P read /dev/fd/4/ok
ok_ ok-openat $P openat-fd 4 ok r
ok_ ok-chdir $P chdir-open "$T/denied" ../allowed/ok r
exit 0
