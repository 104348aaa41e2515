# gen-groups.awk - policy/groups.list to C (policy_groups[]).
#
# Usage: awk -f gen-groups.awk groups.list > gen-groups.c
# Each member becomes SC_<name>: a name that is not in arch/syscalls.list
# fails the C build.  A group named twice or a member listed twice in one
# group is an error here (file:line).

function fail(msg) {
	printf "%s:%d: error: %s\n", FILENAME, FNR, msg > "/dev/stderr"
	errors++
}

function add(name) {
	if (group == "") {
		fail("syscall '" name "' outside a group")
		return
	}
	if ((group SUBSEP name) in seen) {
		fail("'" name "' listed twice in @" group)
		return
	}
	if (name !~ /^[a-z_][a-z0-9_]*$/) {
		fail("bad syscall name '" name "'")
		return
	}
	seen[group, name] = 1
	members[group] = members[group] "\tSC_" name ",\n"
	count[group]++
}

{ sub(/#.*/, "") }
/^[ \t]*$/ { next }

/^@/ {
	group = substr($1, 2)
	if (group !~ /^[a-z_][a-z0-9_]*$/) {
		fail("bad group name '" $1 "'")
		group = ""
		next
	}
	if (group in count) {
		fail("group @" group " defined twice")
		next
	}
	order[ngroups++] = group
	count[group] = 0
	for (i = 2; i <= NF; i++)
		add($i)
	next
}

/^[ \t]/ {
	for (i = 1; i <= NF; i++)
		add($i)
	next
}

{ fail("expected '@group' or an indented continuation line") }

END {
	if (errors)
		exit 1
	print "/* Generated from policy/groups.list by policy/gen-groups.awk: do not edit. */"
	print "#include \"config.h\""
	print "#include \"policy/groups.h\""
	print ""
	for (g = 0; g < ngroups; g++) {
		name = order[g]
		print "static const enum sc_id g_" name "[] = {"
		printf "%s", members[name]
		print "};"
	}
	print ""
	print "const struct sc_group policy_groups[] = {"
	for (g = 0; g < ngroups; g++) {
		name = order[g]
		printf "\t{ \"%s\", g_%s, %d },\n", name, name, count[name]
	}
	print "};"
	printf "const unsigned policy_ngroups = %d;\n", ngroups
}
