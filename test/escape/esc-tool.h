/* esc-tool.h - the escape driver's own helper (not an attack): listeners
 * that count what reaches them, a canary process, a stand-in parent, a
 * pseudo-terminal runner.  Each subcommand is a function taking the
 * arguments after its name and returning the exit status. */
#ifndef JANUS_TEST_ESC_TOOL_H
#define JANUS_TEST_ESC_TOOL_H

/* How long a driver-side process lives at most, in seconds, should the
 * driver forget to stop it. */
#define ESC_TOOL_LIFETIME 300

/* esc-listen.c */
int esc_cmd_listen(int argc, char **argv);
int esc_cmd_fd_server(int argc, char **argv);
int esc_cmd_probe_tcp(int argc, char **argv);
int esc_cmd_free_low_port(int argc, char **argv);
int esc_cmd_chatter(int argc, char **argv);

/* esc-pty.c */
int esc_cmd_pty(int argc, char **argv);

/* esc-proc.c */
int esc_cmd_canary(int argc, char **argv);
int esc_cmd_standin(int argc, char **argv);
int esc_cmd_pgrp(int argc, char **argv);
int esc_wait_status(int pid);

/* esc-files.c */
int esc_cmd_ident(int argc, char **argv);
int esc_cmd_patch(int argc, char **argv);
int esc_cmd_mkfile(int argc, char **argv);
int esc_cmd_handle(int argc, char **argv);

/* Writes text to path atomically (a temporary file, then rename). */
int esc_put_file(const char *path, const char *text);

/* Set by SIGTERM/SIGINT: the listeners' and probe's signal to finish. */
extern volatile int esc_stop;
void esc_on_stop_signals(void);

#endif
