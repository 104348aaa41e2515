# src/ build fragment
bin_PROGRAMS += src/janus
src_janus_SOURCES = src/janus.c
