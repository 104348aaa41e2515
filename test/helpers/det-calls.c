/* det-calls: a fixed, single-threaded sequence of ordinary system calls
 * (files, a failing open, stat, dup, pipe, mmap ...) in the current
 * directory.  Linked statically so that no dynamic loader adds calls: a
 * test traces it with strace and with janus and compares the two. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <unistd.h>

int main(void)
{
	char buf[100], cwd[4096];
	struct utsname uts;
	struct stat st;
	int fd, fd2, p[2];
	void *map;

	memset(buf, 'x', sizeof(buf));
	syscall(SYS_getpid);
	fd = open("det-calls.dat", O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd < 0 || write(fd, buf, sizeof(buf)) != sizeof(buf) || close(fd) != 0)
		return 1;
	fd = open("det-calls.dat", O_RDONLY);
	if (fd < 0)
		return 1;
	while (read(fd, buf, 64) > 0)
		;
	lseek(fd, 10, SEEK_SET);
	fd2 = dup(fd);
	fstat(fd2, &st);
	close(fd2);
	close(fd);
	stat("det-calls.dat", &st);
	open("det-calls.does-not-exist", O_RDONLY);
	access("det-calls.dat", R_OK);
	if (pipe(p) != 0 || write(p[1], "ab", 2) != 2 || read(p[0], buf, 2) != 2)
		return 1;
	close(p[0]);
	close(p[1]);
	map = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (map == MAP_FAILED || munmap(map, 8192) != 0)
		return 1;
	if (!getcwd(cwd, sizeof(cwd)))
		return 1;
	uname(&uts);
	getuid();
	unlink("det-calls.dat");
	unlink("det-calls.dat");
	if (write(1, "done\n", 5) != 5)
		return 1;
	return 0;
}
