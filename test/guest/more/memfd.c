// memfd_create: a memory file with read/write/lseek/ftruncate/fstat,
// /proc/self/fd name, fallocate and mmap (seals: memfd-seals.c).
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

int main(void) {
  int fd = memfd_create("test-file", MFD_CLOEXEC | MFD_ALLOW_SEALING);
  printf("fd>=0 %d cloexec %d\n", fd >= 0, (fcntl(fd, F_GETFD) & FD_CLOEXEC) != 0);
  char link[256], path[64];
  snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
  ssize_t n = readlink(path, link, sizeof link - 1);
  link[n > 0 ? n : 0] = 0;
  printf("link %s\n", link);
  printf("write %zd\n", write(fd, "hello, memfd", 12));
  struct stat st;
  fstat(fd, &st);
  printf("size %ld reg %d mode %o nlink %ld\n", (long)st.st_size, S_ISREG(st.st_mode), st.st_mode & 0777, (long)st.st_nlink);
  char buf[64] = {0};
  printf("pread %zd '%.*s'\n", pread(fd, buf, sizeof buf, 7), 5, buf);
  printf("lseek %ld\n", (long)lseek(fd, 0, SEEK_SET));
  memset(buf, 0, sizeof buf);
  printf("read %zd '%s'\n", read(fd, buf, 5), buf);
  printf("ftruncate %d\n", ftruncate(fd, 8192));
  fstat(fd, &st);
  printf("size %ld\n", (long)st.st_size);
  char *m = mmap(NULL, 8192, PROT_READ, MAP_PRIVATE, fd, 0);
  printf("mmap '%.5s' zero %d\n", m, m[5000]);
  munmap(m, 8192);
  printf("fallocate keep %d\n", fallocate(fd, FALLOC_FL_KEEP_SIZE, 0, 100000));
  fstat(fd, &st);
  printf("size %ld\n", (long)st.st_size);
  printf("fallocate grow %d\n", fallocate(fd, 0, 10000, 100));
  fstat(fd, &st);
  printf("size %ld\n", (long)st.st_size);
  printf("fallocate inside %d\n", fallocate(fd, 0, 0, 100));
  int r = fallocate(fd, 0, 0, 0);
  printf("fallocate len 0: %d %s\n", r, errno == EINVAL ? "EINVAL" : "?");
  printf("syncfs %d\n", syncfs(fd));
  r = syncfs(999);
  printf("syncfs bad: %d %s\n", r, errno == EBADF ? "EBADF" : "?");

  int fd2 = memfd_create("plain", 0);
  printf("plain cloexec %d\n", fcntl(fd2, F_GETFD));
  r = memfd_create("bad", 0x100);
  printf("bad flags: %d %s\n", r, errno == EINVAL ? "EINVAL" : "?");
  return 0;
}
