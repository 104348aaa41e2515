#!/bin/sh
# Proves: under the built-in default policy a program can open its own
# standard streams by name, as scripts do (`cat /dev/stdin`,
# `echo x >/dev/stdout`, `tee /dev/stderr`), when they are pipes or the
# terminal, as it can natively and under allow-all.  No rule of the
# default policy names them (the path of a pipe is /proc/self/fd/N,
# pipe:[...]; of the terminal /dev/pts/N, and a rule that wide would also
# open other processes' pipes and other terminals): janus judges such an
# open as a call on the caller's own descriptor (src/reopen.h; t1905 and
# escape e0209 for the rest).  The other half holds too: the pipe of a
# process outside the jail is never reachable through /proc/PID/fd/N (a
# canary reading its stdin receives nothing; natively it receives what is
# written there).
. "$SRCDIR/test/lib/init.sh"
. "$SRCDIR/test/lib/policy.sh"
PATH=/usr/bin:/bin
export PATH

# Outside processes' pipes stay closed.
policy_including_ d "$POLICIES/default-helpers.policy"
sleep 300 | cat >canary.got &
sleep 0.3
pipe_pid=
for k in $(descendants_ $$); do
	case $(readlink /proc/$k/fd/0 2>/dev/null):$(readlink /proc/$k/fd/1 2>/dev/null) in
	*pipe:*) track_pid_ $k ;;
	esac
	case $(cat /proc/$k/comm 2>/dev/null):$(readlink /proc/$k/fd/0 2>/dev/null) in
	cat:pipe:*) pipe_pid=$k ;;
	esac
done
[ -n "$pipe_pid" ] || framework_failure_ "no process reading a pipe"
jail_ outside d.policy "$TRY" write "/proc/$pipe_pid/fd/0" injected
grep -qx 'errno=E[A-Z]*' outside.out || fail_ "opening an outside process's pipe: $(cat outside.out)"
sleep 0.2
[ ! -s canary.got ] || fail_ "data reached the outside process's pipe: $(cat canary.got)"
native_ outside ok write "/proc/$pipe_pid/fd/0" native
wait_line_ canary.got native

# The own standard streams by name.
echo piped | "$JANUS" -- cat /dev/stdin >stdin.out 2>stdin.err
[ "$(cat stdin.out)" = piped ] || { cat stdin.err >&2; fail_ "cat /dev/stdin (a pipe) failed"; }
"$JANUS" -- sh -c 'echo to-stdout >/dev/stdout' 2>stdout.err | cat >stdout.out
[ "$(cat stdout.out)" = to-stdout ] || { cat stdout.err >&2; fail_ "echo >/dev/stdout (a pipe) failed"; }
"$JANUS" -- sh -c 'echo x | tee /dev/stderr >/dev/null' 2>&1 | cat >tee.out
[ "$(cat tee.out)" = x ] || { cat tee.out >&2; fail_ "tee /dev/stderr (a pipe) failed"; }
"$PYTHON" "$SRCDIR/test/helpers/pty-run.py" tty.pty \
	"$JANUS" -- sh -c 'echo to-tty >/dev/stderr' >tty.screen
grep -q '^to-tty' tty.screen || { cat tty.screen >&2; fail_ "echo >/dev/stderr (the terminal) failed"; }
exit 0
