# src/canon.mk: canonical paths of tracee path arguments (src/canon.h),
# as a convenience library the supervisor and the policy tests link.
noinst_LTLIBRARIES += src/libjanuscanon.la
src_libjanuscanon_la_SOURCES = src/canon.c src/canon.h
