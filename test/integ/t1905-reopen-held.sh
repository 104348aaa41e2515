#!/bin/sh
# Proves: a descriptor the program holds, opened again by name
# (/dev/fd/N, /proc/self/fd/N: src/reopen.h), is a call on that
# descriptor when it asks no more than the descriptor gives, and a path
# like any other when it asks more.  ro/ is closed to every access by
# name; the program holds ro/file open (fd 3, from outside):
#  - read-only: `cat /dev/fd/3` reads it (by name, `cat ro/file` is
#    refused); `echo x >/dev/fd/3` is refused (EACCES, the file is
#    unchanged; natively it is overwritten);
#  - for appending: `echo more >>/dev/fd/3` appends, as through fd 3;
#  - another process's descriptor (/proc/PARENT/fd/3, a table of its own)
#    is judged by its path: refused (natively it reads).
. "$SRCDIR/test/lib/init.sh"
. "$SRCDIR/test/lib/policy.sh"
PATH=/usr/bin:/bin
export PATH
policy_ p <<EOF2
include "$POLICIES/default-helpers.policy"
deny fs all $TDIR/ro/**
EOF2
mkdir ro native || framework_failure_ mkdir
echo orig >ro/file && echo orig >native/file || framework_failure_ "cannot write the files"

# sh_ NAME FILE SCRIPT: SCRIPT run by sh under janus with fd 3 reading FILE.
sh_() { jail_ "$1" p.policy sh -c "$3" 3<"$2"; }

sh_ byname ro/file 'cat ro/file'
grep -q 'Permission denied' byname.err || fail_ "cat ro/file by name: $(cat byname.out byname.err)"
sh_ read ro/file 'cat /dev/fd/3'
expect_ read orig
sh_ write ro/file 'echo x >/dev/fd/3 && echo written'
grep -q 'Permission denied' write.err || fail_ "write through a read-only fd: $(cat write.out write.err)"
[ "$(cat ro/file)" = orig ] || fail_ "ro/file changed: $(cat ro/file)"
sh -c 'echo x >/dev/fd/3 && echo written' 3<native/file >nwrite.out 2>&1
[ "$(cat native/file)" = x ] || framework_failure_ "natively the file was not overwritten: $(cat nwrite.out)"

jail_ append p.policy sh -c 'echo more >>/dev/fd/3 && echo appended' 3>>ro/file
expect_ append appended
[ "$(cat ro/file)" = "orig
more" ] || fail_ "appending through /dev/fd/3: ro/file is '$(cat ro/file)'"

echo orig >native/file
sh_ other ro/file 'p=$$; sh -c "cat /proc/$p/fd/3"'
grep -q 'Permission denied' other.err || fail_ "another process's fd: $(cat other.out other.err)"
[ ! -s other.out ] || fail_ "another process's fd was read: $(cat other.out)"
sh -c 'p=$$; sh -c "cat /proc/$p/fd/3"' 3<native/file >nother.out 2>&1
[ "$(cat nother.out)" = orig ] || framework_failure_ "natively: $(cat nother.out)"
exit 0
