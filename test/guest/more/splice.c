// splice file -> pipe -> pipe -> file with offsets, tee, SPLICE_F_NONBLOCK, errors.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(void) {
  char path[] = "/tmp/armvisor-splice-XXXXXX";
  int f = mkstemp(path);
  write(f, "0123456789abcdefghij", 20);
  int p1[2], p2[2], p3[2];
  pipe(p1);
  pipe(p2);
  pipe(p3);
  off_t off = 5;
  printf("file->pipe %zd off %ld fpos %ld\n", splice(f, &off, p1[1], NULL, 8, 0), (long)off, (long)lseek(f, 0, SEEK_CUR));
  lseek(f, 0, SEEK_SET);
  printf("file->pipe no off %zd fpos %ld\n", splice(f, NULL, p1[1], NULL, 3, 0), (long)lseek(f, 0, SEEK_CUR));
  printf("tee %zd\n", tee(p1[0], p3[1], 100, 0));
  printf("pipe->pipe %zd\n", splice(p1[0], NULL, p2[1], NULL, 6, 0));
  char buf[64] = {0};
  printf("left in p1 %zd '%s'\n", read(p1[0], buf, sizeof buf), buf);
  memset(buf, 0, sizeof buf);
  printf("tee copy %zd '%s'\n", read(p3[0], buf, sizeof buf), buf);
  off_t wo = 30;
  printf("pipe->file %zd off %ld\n", splice(p2[0], NULL, f, &wo, 100, 0), (long)wo);
  memset(buf, 0, sizeof buf);
  printf("pread %zd '%s'\n", pread(f, buf, 6, 30), buf);
  ssize_t r = splice(p2[0], NULL, p1[1], NULL, 10, SPLICE_F_NONBLOCK);
  printf("empty nonblock %zd %s\n", r, errno == EAGAIN ? "EAGAIN" : "?");
  r = splice(f, NULL, f, NULL, 10, 0);
  printf("no pipe %zd %s\n", r, errno == EINVAL ? "EINVAL" : "?");
  off_t o2 = 0;
  r = splice(p1[0], &o2, p2[1], NULL, 10, 0);
  printf("pipe offset %zd %s\n", r, errno == ESPIPE ? "ESPIPE" : "?");
  r = tee(p1[0], f, 10, 0);
  printf("tee to file %zd %s\n", r, errno == EINVAL ? "EINVAL" : "?");
  close(p2[1]);
  printf("eof %zd\n", splice(p2[0], NULL, p1[1], NULL, 10, 0));
  // fallocate on a host file and on a pipe.
  printf("fallocate grow %d size %ld\n", fallocate(f, 0, 100, 50), (long)lseek(f, 0, SEEK_END));
  printf("fallocate keep %d size %ld\n", fallocate(f, FALLOC_FL_KEEP_SIZE, 0, 4096), (long)lseek(f, 0, SEEK_END));
  r = fallocate(f, FALLOC_FL_PUNCH_HOLE, 0, 10);
  printf("punch without keep %zd %s\n", r, errno == EOPNOTSUPP ? "EOPNOTSUPP" : "?");
  r = fallocate(p1[1], 0, 0, 10);
  printf("fallocate pipe %zd %s\n", r, errno == ESPIPE ? "ESPIPE" : "?");
  r = fallocate(p1[0], 0, 0, 10);
  printf("fallocate read end %zd %s\n", r, errno == EBADF ? "EBADF" : "?");
  unlink(path);
  return 0;
}
