// flock between processes (open file descriptions), LOCK_NB, conversion,
// release at close; a child blocked in flock gets the lock when it is released.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
  char path[] = "/tmp/armvisor-flock-XXXXXX";
  int fd = mkstemp(path);
  int a = open(path, O_RDONLY);
  printf("sh %d\n", flock(fd, LOCK_SH));
  printf("other sh nb %d\n", flock(a, LOCK_SH | LOCK_NB));
  int r = flock(a, LOCK_EX | LOCK_NB);
  printf("other ex nb %d %s\n", r, errno == EWOULDBLOCK ? "EWOULDBLOCK" : "?");
  printf("un other %d\n", flock(a, LOCK_UN));
  printf("upgrade %d\n", flock(fd, LOCK_EX));
  r = flock(a, LOCK_SH | LOCK_NB);
  printf("other sh nb vs ex %d %s\n", r, errno == EWOULDBLOCK ? "EWOULDBLOCK" : "?");
  int d = dup(fd);
  printf("dup shares %d\n", flock(d, LOCK_EX | LOCK_NB));
  r = flock(fd, 0);
  printf("bad op %d %s\n", r, errno == EINVAL ? "EINVAL" : "?");
  r = flock(999, 3);
  printf("bad op, bad fd %d %s\n", r, errno == EINVAL ? "EINVAL" : "?");
  printf("LOCK_MAND ignored %d\n", flock(999, LOCK_SH | 32));
  r = flock(999, LOCK_SH);
  printf("bad fd %d %s\n", r, errno == EBADF ? "EBADF" : "?");
  fflush(stdout);
  int p[2];
  pipe(p);
  pid_t pid = fork();
  if (pid == 0) {
    // The inherited descriptors share the lock (closing them here keeps it); a new open does not.
    close(fd);
    close(d);
    int b = open(path, O_RDONLY);
    r = flock(b, LOCK_SH | LOCK_NB);
    printf("child nb %d %s\n", r, errno == EWOULDBLOCK ? "EWOULDBLOCK" : "?");
    fflush(stdout);
    write(p[1], "x", 1);
    printf("child blocking %d\n", flock(b, LOCK_SH));
    fflush(stdout);
    _exit(0);
  }
  char c;
  read(p[0], &c, 1);
  usleep(50000);
  printf("parent releases\n");
  fflush(stdout);
  close(d);
  close(fd);
  int st;
  waitpid(pid, &st, 0);
  printf("child exit %d\n", WEXITSTATUS(st));
  unlink(path);
  return 0;
}
