#!/bin/sh
# Proves: connect rules on unix sockets: a path pattern admits the socket
# it matches and no other (matched on the canonical path: a symlink with
# an allowed name to a refused socket is refused), an abstract-name
# pattern admits its names only (all bytes of the name count: "janus-ok-X"
# followed by a NUL and more is another name, refused by a rule for
# "janus-ok-X"); refused connections and datagrams do not
# reach the listeners outside the jail.  Under the default policy, unix
# sockets below the start directory are reachable, those elsewhere and
# abstract names are not.  Natively every refused one connects.
. "$SRCDIR/test/lib/init.sh"
. "$SRCDIR/test/lib/policy.sh"
D='<default>'
policy_including_ p "$POLICIES/net-connect.policy" P1=0 P3=0 P4=0 P5=0 P6=0 U1=0
policy_including_ d "$POLICIES/default-helpers.policy"
P=$T/p.policy
ab=janus-ok-$$ bad=janus-bad-$$

listen_ ok stream "unix:$T/ok-a.sock"
listen_ bad stream "unix:$T/bad.sock"
listen_ aok stream "abstract:$ab"
listen_ abad stream "abstract:$bad"
listen_ dbad dgram "unix:$T/bad-d.sock"
listen_ exact stream "abstract:janus-exact-$$"
listen_ nul stream "abstract:janus-exact-$$%00evil"
policy_including_ x "$POLICIES/net-connect.policy" P1=0 P3=0 P4=0 P5=0 P6=0 U1=0
echo "allow connect abstract \"janus-exact-$$\"" >>x.policy
ln -s bad.sock ok-link.sock || framework_failure_ "ln -s"

ok_ ok $P connect "unix:$T/ok-a.sock" jailed
no_ bad $P EACCES "$D" connect "unix:$T/bad.sock" jailed
no_ link $P EACCES "$D" connect "unix:$T/ok-link.sock" jailed
ok_ aok $P connect "abstract:$ab" jailed
no_ abad $P EACCES "$D" connect "abstract:$bad" jailed
no_ dbad $P EACCES "$D" sendto "unix:$T/bad-d.sock" jailed
no_ dbad-msg $P EACCES "$D" sendmsg "unix:$T/bad-d.sock" jailed
ok_ exact x.policy connect "abstract:janus-exact-$$" jailed
no_ nul x.policy EACCES "$D" connect "abstract:janus-exact-$$%00evil" jailed

# The default policy, started in $T/jail: $T is outside its start directory.
mkdir jail && cd jail || framework_failure_ "cannot enter $T/jail"
listen_ "$T/in" stream "unix:$T/jail/in.sock"
ok_ "$T/d.in" "$T/d.policy" connect "unix:$T/jail/in.sock" jailed-default
no_ "$T/d.out" "$T/d.policy" EACCES "$D" connect "unix:$T/bad.sock" jailed-default
no_ "$T/d.abs" "$T/d.policy" EACCES "$D" connect "abstract:$ab" jailed-default
cd "$T" || framework_failure_ "cannot enter $T"

probe_ ok connect "unix:$T/ok-a.sock"
probe_ bad connect "unix:$T/bad.sock"
probe_ aok connect "abstract:$ab"
probe_ abad connect "abstract:$bad"
probe_ dbad sendto "unix:$T/bad-d.sock"
probe_ in connect "unix:$T/jail/in.sock"
probe_ exact connect "abstract:janus-exact-$$"
probe_ nul connect "abstract:janus-exact-$$%00evil"
reached_ exact jailed 1
reached_ nul jailed 0
reached_ ok jailed 1
reached_ bad jailed 0
reached_ aok jailed 1
reached_ abad jailed 0
reached_ dbad jailed 0
reached_ in jailed-default 1
reached_ bad jailed-default 0
reached_ aok jailed-default 0

native_ bad ok connect "unix:$T/ok-link.sock" native
native_ abad ok connect "abstract:$bad" native
native_ dbad ok sendmsg "unix:$T/bad-d.sock" native
native_ nul ok connect "abstract:janus-exact-$$%00evil" native
wait_line_ nul.log "data=native "
wait_line_ bad.log "data=native "
wait_line_ abad.log "data=native "
wait_line_ dbad.log "data=native "
exit 0
