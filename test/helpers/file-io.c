/* file-io: create, write, read back and remove a file in the current
 * directory, print what was read and exit 4.  Built 64-bit and, as
 * file-io-m32, as an i386 program. */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	static const char name[] = "file-io.txt";
	static const char text[] = "written by file-io\n";
	char buf[64];
	ssize_t n;
	int fd;

	fd = open(name, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0 || write(fd, text, sizeof(text) - 1) != (ssize_t)(sizeof(text) - 1) || close(fd) != 0) {
		perror(name);
		return 1;
	}
	fd = open(name, O_RDONLY);
	n = fd < 0 ? -1 : read(fd, buf, sizeof(buf) - 1);
	if (n < 0 || close(fd) != 0 || unlink(name) != 0) {
		perror(name);
		return 1;
	}
	buf[n] = '\0';
	printf("read back (%zd bytes, %zu-bit): %s", n, sizeof(void *) * 8, buf);
	return 4;
}
