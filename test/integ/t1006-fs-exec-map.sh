#!/bin/sh
# Proves: a file mapped executable is judged as exec (fs rules), as
# execve is; anonymous memory made executable is not judged.  The files:
# a copy of libm in the test's directory (default policy: read and
# write, no exec), libm itself under /usr (ro,exec), and a copy in
# xdir/, which the test's policy lets run.  Under the default policy
# (+ the helpers, + exec in xdir/), with the seccomp prefilter and again
# with --no-prefilter (exec-map prints "ok" or the errno):
#  - mmap PROT_EXEC, mprotect and pkey_mprotect adding PROT_EXEC of the
#    copy: EACCES, reported as `fs COPY`; mmap PROT_READ of it: ok;
#  - the same of libm under /usr and of xdir's copy: ok;
#  - a deleted file (of xdir/), a memfd (no path: named /proc/self/fd/N
#    or /proc/PID/fd/N): EACCES;
#    a memfd or a MAP_SHARED|MAP_ANONYMOUS page made executable by
#    mprotect: EACCES; one mprotect over two different files: EACCES;
#  - a private anonymous page and a stack page made executable and
#    called: ok;
#  - a descriptor that is not open: EBADF; a range with a hole: ENOMEM;
#  - dlopen of libm: ok; dlopen of the copy fails, reported;
#  - the dynamic loader running a copy of true from the test's
#    directory (`ld.so ./true`) fails, reported.
# Natively every case works (the positive control) but the bad
# descriptor (EBADF) and the hole (ENOMEM).
# Under the prefilter, N mmaps without MAP_FIXED of anonymous memory or
# of a file PROT_READ cost janus no stop (counted with strace as its
# wait4 calls); N mmaps PROT_EXEC of a file cost N or more (the control:
# the count sees stops).
. "$SRCDIR/test/lib/init.sh"
. "$SRCDIR/test/lib/policy.sh"
require_helper_ exec-map
EM=$HELPERS/exec-map
PATH=/usr/bin:/bin
export PATH

# libm and another library of the same directory (canonical paths).
LIBDIR=
for d in /usr/lib/x86_64-linux-gnu /usr/lib/aarch64-linux-gnu /usr/lib64 /usr/lib /lib64 /lib; do
	[ -f "$d/libm.so.6" ] && [ -f "$d/libc.so.6" ] && { LIBDIR=$d; break; }
done
[ -n "$LIBDIR" ] || skip_ "no libm.so.6 beside libc.so.6 in the usual directories"
LIBM=$(readlink -f "$LIBDIR/libm.so.6") && LIBC=$(readlink -f "$LIBDIR/libc.so.6") ||
	framework_failure_ "readlink -f"
case $LIBM in
/usr/*|/lib*) ;;
*) skip_ "libm is at $LIBM, outside the default policy's exec tree" ;;
esac
LDSO=
for l in /lib64/ld-linux-x86-64.so.2 /lib/ld-linux-aarch64.so.1; do
	[ -x "$l" ] && { LDSO=$l; break; }
done
TRUE=$(readlink -f /bin/true) || framework_failure_ "no /bin/true"

mkdir xdir || framework_failure_ mkdir
cp "$LIBM" lib.so && cp "$LIBM" xdir/lib.so && cp "$TRUE" true ||
	framework_failure_ "cannot copy $LIBM and $TRUE"
COPY=$TDIR/lib.so
policy_ p <<EOF2
include "$POLICIES/default-helpers.policy"
allow fs ro,exec $TDIR/xdir/**
EOF2

# Natively (positive controls).
# nat_ NAME RESULT CASE ARG...: natively, exec-map prints RESULT.
nat_() {
	nn_=$1 nr_=$2; shift 2
	run_native_ "$nn_.native" "$EM" "$@"
	expect_ "$nn_.native" "$nr_"
}
nat_ mmap ok mmap-exec "$COPY"
nat_ mmap.read ok mmap-read "$COPY"
nat_ mprotect ok mprotect-exec "$COPY"
run_native_ pkey.native "$EM" pkey-mprotect-exec "$COPY"
expect_rc_ pkey.native 0
PKEY=$(cat pkey.native.out)	# "ok" where the kernel has pkey_mprotect
nat_ two ok mprotect-two "$LIBM" "$LIBC"
nat_ two.copy ok mprotect-two "$LIBM" "$COPY"
nat_ hole ENOMEM mprotect-hole "$LIBM"
nat_ anon ok anon-exec
nat_ stack ok stack-exec
nat_ shared ok shared-anon-exec
nat_ memfd ok memfd-exec
nat_ memfd.mprotect ok memfd-mprotect
nat_ badfd EBADF bad-fd-exec
cp "$LIBM" xdir/del.so || framework_failure_ cp
nat_ deleted ok mmap-exec-deleted "$TDIR/xdir/del.so"
nat_ dlopen ok dlopen libm.so.6 cos
nat_ dlopen.copy ok dlopen "$COPY" cos
if [ -n "$LDSO" ]; then
	run_native_ ldso.native "$LDSO" ./true
	expect_rc_ ldso.native 0
fi

# reported_ NAME CALL FILE-REGEX: NAME.err reports CALL refused with
# EACCES by fs access to a file matching FILE-REGEX (no rule matched).
reported_() {
	grep -Eq "^janus: denied pid [0-9]+ .* $2\(.*\) -> EACCES \(fs $3; <default>\)\$" "$1.err" || {
		cat "$1.err" >&2
		fail_ "$1: no report of $2 refused with EACCES for fs $3"
	}
}
# re_ TEXT: TEXT as a literal extended regular expression.
re_() { printf '%s' "$1" | sed 's/[].[^$*+?(){}|\\/]/\\&/g'; }
COPY_RE=$(re_ "$COPY")
NOPATH_RE='/proc/(self|[0-9]+)/fd/[0-9]+'

# em_ NAME RESULT CASE ARG...: under janus, exec-map prints RESULT.
em_() {
	en_=$1 er_=$2; shift 2
	jail_ "$en_" p.policy "$EM" "$@"
	expect_ "$en_" "$er_"
}

# The cases under janus; $1 names the runs (one set per prefilter mode).
janus_cases_() {
	m=$1
	em_ "$m.mmap" EACCES mmap-exec "$COPY"
	reported_ "$m.mmap" mmap "$COPY_RE"
	em_ "$m.mmap.read" ok mmap-read "$COPY"
	not_denied_ "$m.mmap.read"
	em_ "$m.mprotect" EACCES mprotect-exec "$COPY"
	reported_ "$m.mprotect" mprotect "$COPY_RE"
	if [ "$PKEY" = ok ]; then
		em_ "$m.pkey" EACCES pkey-mprotect-exec "$COPY"
		reported_ "$m.pkey" pkey_mprotect "$COPY_RE"
	fi

	em_ "$m.usr.mmap" ok mmap-exec "$LIBM"
	em_ "$m.usr.mprotect" ok mprotect-exec "$LIBM"
	em_ "$m.xdir.mmap" ok mmap-exec "$TDIR/xdir/lib.so"
	em_ "$m.xdir.mprotect" ok mprotect-exec "$TDIR/xdir/lib.so"
	not_denied_ "$m.xdir.mprotect"

	cp "$LIBM" xdir/del.so || framework_failure_ cp
	em_ "$m.deleted" EACCES mmap-exec-deleted "$TDIR/xdir/del.so"
	reported_ "$m.deleted" mmap "$NOPATH_RE"
	em_ "$m.memfd" EACCES memfd-exec
	reported_ "$m.memfd" mmap "$NOPATH_RE"
	em_ "$m.memfd.mprotect" EACCES memfd-mprotect
	em_ "$m.shared" EACCES shared-anon-exec
	em_ "$m.two" EACCES mprotect-two "$LIBM" "$LIBC"
	em_ "$m.two.copy" EACCES mprotect-two "$LIBM" "$COPY"

	em_ "$m.anon" ok anon-exec
	em_ "$m.stack" ok stack-exec
	not_denied_ "$m.stack"
	em_ "$m.badfd" EBADF bad-fd-exec
	em_ "$m.hole" ENOMEM mprotect-hole "$LIBM"

	em_ "$m.dlopen" ok dlopen libm.so.6 cos
	not_denied_ "$m.dlopen"
	em_ "$m.dlopen.copy" dlopen-failed dlopen "$COPY" cos
	reported_ "$m.dlopen.copy" mmap "$COPY_RE"

	if [ -n "$LDSO" ]; then
		jail_ "$m.ldso" p.policy "$LDSO" ./true
		[ "$(cat "$m.ldso.rc")" != 0 ] ||
			fail_ "$m: $LDSO ./true ran a program of the test's directory"
		reported_ "$m.ldso" mmap "$(re_ "$TDIR/true")"
	fi
}
janus_cases_ pf
JANUS_OPTS="${JANUS_OPTS:+$JANUS_OPTS }--no-prefilter" janus_cases_ nopf

# The prefilter: janus's waits for stops, counted by strace (LeakSanitizer
# cannot run under ptrace: off in sanitizer builds).
STRACE=$(command -v strace) || skip_ "strace is needed to count janus's stops"
N=1000
# waits_ NAME ARG...: how many times janus waited while `exec-map ARG...` ran.
waits_() {
	wn_=$1; shift
	ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
	"$STRACE" -qq -e trace=wait4 -o "$wn_.strace" \
		"$JANUS" -p p.policy -- "$EM" "$@" </dev/null >"$wn_.out" 2>"$wn_.err"
	echo $? >"$wn_.rc"
	expect_ "$wn_" ok
	grep -c 'wait4(' "$wn_.strace"
}
base=$(waits_ w.base mmap-many 1 anon) || exit
anon=$(waits_ w.anon mmap-many $N anon) || exit
read=$(waits_ w.read mmap-many $N read "$LIBM") || exit
exec=$(waits_ w.exec mmap-many $N exec "$LIBM") || exit
[ $((exec - base)) -ge $((N * 9 / 10)) ] ||
	fail_ "only $((exec - base)) more stops for $N mmaps PROT_EXEC of a file: were they judged?"
[ $((anon - base)) -lt $((N / 10)) ] ||
	fail_ "$((anon - base)) more stops for $N anonymous mmaps: the prefilter stops them"
[ $((read - base)) -lt $((N / 10)) ] ||
	fail_ "$((read - base)) more stops for $N mmaps PROT_READ of a file: the prefilter stops them"
exit 0
