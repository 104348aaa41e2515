/* file-loop: path-taking calls, the ones a policy checks.  Creates a few
 * small files in a new directory under the current one, then opens,
 * reads, closes and stats each of them many times, then removes them.
 * Usage: file-loop [ROUNDS]; prints what it read. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define NFILES 16

static int make_files(const char *dir)
{
	char path[256], text[64];

	for (int i = 0; i < NFILES; i++) {
		snprintf(path, sizeof(path), "%s/f%02d", dir, i);
		int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		if (fd < 0)
			return -1;
		int len = snprintf(text, sizeof(text), "file %d of %d\n", i, NFILES);
		if (write(fd, text, (size_t)len) != len) {
			close(fd);
			return -1;
		}
		close(fd);
	}
	return 0;
}

static void remove_files(const char *dir)
{
	char path[256];

	for (int i = 0; i < NFILES; i++) {
		snprintf(path, sizeof(path), "%s/f%02d", dir, i);
		unlink(path);
	}
	rmdir(dir);
}

int main(int argc, char **argv)
{
	long rounds = argc > 1 ? strtol(argv[1], NULL, 10) : 5000;
	char dir[] = "file-loop.XXXXXX", path[256], buf[128];
	long bytes = 0, stats = 0, errors = 0;

	if (!mkdtemp(dir) || make_files(dir) < 0) {
		perror("file-loop: setup");
		return 1;
	}
	for (long r = 0; r < rounds; r++) {
		for (int i = 0; i < NFILES; i++) {
			struct stat st;

			snprintf(path, sizeof(path), "%s/f%02d", dir, i);
			int fd = open(path, O_RDONLY);
			ssize_t got = fd < 0 ? -1 : read(fd, buf, sizeof(buf));
			if (fd < 0 || got < 0)
				errors++;
			else
				bytes += got;
			if (fd >= 0)
				close(fd);
			if (stat(path, &st) == 0 && st.st_size > 0)
				stats++;
			else
				errors++;
		}
	}
	remove_files(dir);
	printf("file-loop: %ld rounds of %d files, %ld bytes read, %ld stats, %ld errors\n",
	       rounds, NFILES, bytes, stats, errors);
	return errors ? 1 : 0;
}
