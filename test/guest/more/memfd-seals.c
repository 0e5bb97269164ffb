// memfd seals: F_ADD_SEALS/F_GET_SEALS and what SHRINK, GROW, WRITE and SEAL forbid.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int main(void) {
  int fd = memfd_create("sealed", MFD_ALLOW_SEALING);
  int r;
  char buf[64] = {0};
  write(fd, "hello, memfd", 12);
  printf("seals %d\n", fcntl(fd, F_GET_SEALS));
  printf("add shrink|grow %d\n", fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW));
  printf("seals %d\n", fcntl(fd, F_GET_SEALS));
  r = ftruncate(fd, 10);
  printf("shrink: %d %s\n", r, errno == EPERM ? "EPERM" : "?");
  r = pwrite(fd, "x", 1, 1 << 20);
  printf("grow by write: %d %s\n", r, errno == EPERM ? "EPERM" : "?");
  printf("write inside %zd\n", pwrite(fd, "HELLO", 5, 0));
  printf("add seal|write %d\n", fcntl(fd, F_ADD_SEALS, F_SEAL_SEAL | F_SEAL_WRITE));
  r = pwrite(fd, "x", 1, 0);
  printf("write sealed: %d %s\n", r, errno == EPERM ? "EPERM" : "?");
  r = fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK);
  printf("more seals: %d %s\n", r, errno == EPERM ? "EPERM" : "?");
  memset(buf, 0, sizeof buf);
  pread(fd, buf, 12, 0);
  printf("content '%s'\n", buf);

  int fd2 = memfd_create("plain", 0);
  printf("unsealable seals %d\n", fcntl(fd2, F_GET_SEALS));
  r = fcntl(fd2, F_ADD_SEALS, F_SEAL_WRITE);
  printf("add to plain: %d %s\n", r, errno == EPERM ? "EPERM" : "?");
  r = fcntl(1, F_GET_SEALS);
  printf("not a memfd: %d %s\n", r, errno == EINVAL ? "EINVAL" : "?");
  return 0;
}
