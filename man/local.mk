# man/ build fragment: pages are generated to carry the version.
man_MANS = man/janus.1
EXTRA_DIST += man/janus.1.in
CLEANFILES += man/janus.1
man/janus.1: $(srcdir)/man/janus.1.in Makefile
	$(AM_V_GEN)mkdir -p man && $(SED) -e 's|@VERSION@|$(PACKAGE_VERSION)|g' -e 's|@PKGDATADIR@|$(pkgdatadir)|g' $(srcdir)/man/janus.1.in > $@
dist_man_MANS += man/janus-policy.5
