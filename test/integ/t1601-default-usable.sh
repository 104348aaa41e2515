#!/bin/sh
# Proves: the built-in default policy (`janus -- cmd`, no -p) is usable
# by ordinary programs and still closes what it should.  `ls -l /usr`
# prints what it prints natively; a shell writes and reads a file in the
# start directory (the file is there afterwards); mktemp works in janus's
# private $TMPDIR, which is gone after the run; cat and a small C program
# (the try helper, via default-helpers.policy) read /etc/passwd; all exit
# 0; so do mkfifo in the start directory and /dev/null, /dev/zero.
# Refused, with nothing written (checked from outside): reading
# /etc/shadow and /proc, a new name for /etc/shadow in the start
# directory (link, or linkat following a symlink to it), writing
# $HOME/.ssh/x (also when $HOME is the start directory), /root and /etc.
. "$SRCDIR/test/lib/init.sh"
. "$SRCDIR/test/lib/policy.sh"
PATH=/usr/bin:/bin
export PATH
# A home of our own, so that the test never touches the real one.
HOME=$TDIR/home
export HOME
mkdir -p home/.ssh || framework_failure_ mkdir
shadow=$(rule_ "$DEFAULT_POLICY" 'deny fs all /etc/shadow')
ssh=$(rule_ "$DEFAULT_POLICY" 'deny fs all $HOME/.ssh/**')

# dflt_ NAME CMD...: run CMD under the built-in default policy.
dflt_() { dn_=$1; shift; "$JANUS" -- "$@" </dev/null >"$dn_.out" 2>"$dn_.err"; echo $? >"$dn_.rc"; }

dflt_ ls ls -l /usr
expect_rc_ ls 0
run_native_ ls.native ls -l /usr
compare_ ls.native ls out

dflt_ shell sh -c 'echo x >f; cat f'
expect_ shell x
[ "$(cat f)" = x ] || fail_ "the file written in the start directory is not there"
dflt_ subdir sh -c 'mkdir d && cd d && echo y >g && cat g'
expect_ subdir y

dflt_ mktemp sh -c 'f=$(mktemp) && echo data >"$f" && cat "$f" && echo "$f"'
expect_rc_ mktemp 0
[ "$(sed -n 1p mktemp.out)" = data ] || fail_ "mktemp: $(cat mktemp.out)"
tmpfile=$(sed -n 2p mktemp.out)
case $tmpfile in
"${TMPDIR:-/tmp}"/janus.*/*) ;;
*) fail_ "mktemp made '$tmpfile', not in janus's private temporary directory" ;;
esac
[ ! -e "$tmpfile" ] && [ ! -e "${tmpfile%/*}" ] || fail_ "janus's temporary directory outlived the run"

dflt_ passwd cat /etc/passwd
expect_rc_ passwd 0
cmp -s passwd.out /etc/passwd || fail_ "cat /etc/passwd printed something else"
policy_including_ d "$POLICIES/default-helpers.policy"
ok_ passwd.c d.policy read /etc/passwd

dflt_ fifo sh -c 'mkfifo p && echo ok'
expect_ fifo ok
[ -p p ] || fail_ "mkfifo in the start directory made no FIFO"
dflt_ null sh -c 'echo x >/dev/null && head -c 4 /dev/zero | wc -c'
expect_ null 4

# Refused.
dflt_ proc cat /proc/self/status
[ ! -s proc.out ] || fail_ "/proc/self/status was read"
denied_ proc EACCES '<default>' fs
dflt_ shadow cat /etc/shadow
expect_rc_ shadow 1
[ ! -s shadow.out ] || fail_ "cat /etc/shadow printed something"
denied_ shadow EACCES "$shadow" fs
ln -s /etc/shadow shadow-link || framework_failure_ "ln -s"
no_ link.shadow d.policy EACCES "$shadow" link /etc/shadow "$T/hl1"
no_ linkat.shadow d.policy EACCES "$shadow" linkat-follow "$T/shadow-link" "$T/hl2"
[ ! -e hl1 ] && [ ! -e hl2 ] || fail_ "a refused link made a name for /etc/shadow"
for h in "$TDIR/home" "$TDIR"; do
	mkdir -p "$h/.ssh"
	HOME=$h "$JANUS" -- sh -c 'echo key >"$HOME/.ssh/x"' </dev/null >ssh.out 2>ssh.err
	echo $? >ssh.rc
	[ ! -e "$h/.ssh/x" ] || fail_ "HOME=$h: \$HOME/.ssh/x was written"
	denied_ ssh EACCES "$ssh" fs
done
for f in /root/janus-t1601.$$ /etc/janus-t1601.$$; do
	dflt_ w sh -c "echo x >$f"
	if [ -e "$f" ]; then rm -f "$f"; fail_ "$f was written"; fi
	denied_ w EACCES '<default>' fs
done
exit 0
