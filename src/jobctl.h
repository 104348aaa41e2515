/* jobctl.h - janus as a transparent member of the shell's job.
 *
 * Signals sent to janus by another process (kill(1) of janus's pid) are
 * forwarded to the command; copies the command already received through
 * its process group, and signals from the terminal (which reach the whole
 * foreground group by themselves) are not forwarded twice.
 * When the command enters a group-stop, janus stops itself with the same
 * signal so the shell sees the job stopped; SIGCONT continues both. */
#ifndef JANUS_JOBCTL_H
#define JANUS_JOBCTL_H

#include <sys/types.h>

/* Install the forwarding handlers (not before the command's pid is
 * known); signals janus inherited as ignored stay ignored. */
void jobctl_install(pid_t command_pid);
/* The command (its leader) is in a group-stop by stopsig: stop janus the
 * same way, and return once janus is continued. */
void jobctl_mirror_stop(pid_t command_pid, int stopsig);
/* Terminate janus the way the command terminated (wait status), so the
 * parent sees the same status; no core file of janus's own. */
void jobctl_exit_like(int status) __attribute__((noreturn));

#endif
