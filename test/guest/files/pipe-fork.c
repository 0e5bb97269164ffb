/* Pipes between processes: a child reads what its parent writes (more than
 * the pipe holds, so both sides wait in turn), end of file when the parent
 * closes, SIGPIPE when the reader has gone, and poll waking on another
 * process's write. Needs fork and wait4. */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static char big[300000];

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  for (unsigned i = 0; i < sizeof big; i++) big[i] = (char)(i * 7);
  int p[2];
  pipe(p);
  pid_t c = fork();
  if (c == 0) {
    close(p[1]);
    char buf[7000];
    long total = 0, sum = 0, reads = 0;
    ssize_t n;
    while ((n = read(p[0], buf, sizeof buf)) > 0) {
      for (ssize_t i = 0; i < n; i++) sum += (unsigned char)buf[i];
      total += n;
      reads++;
    }
    printf("child: %ld bytes, sum %ld, end %zd, several reads %d\n", total, sum, n, reads > 1);
    _exit(0);
  }
  close(p[0]);
  ssize_t w = write(p[1], big, sizeof big);
  printf("parent wrote %zd\n", w);
  close(p[1]);
  int st;
  waitpid(c, &st, 0);
  printf("child exited %d\n", WEXITSTATUS(st));

  /* The reader goes away: the writer's next write gets EPIPE and SIGPIPE kills it (status 128+13 in a shell). */
  pipe(p);
  c = fork();
  if (c == 0) {
    close(p[1]);
    char b[10];
    read(p[0], b, 5);
    _exit(0);
  }
  close(p[0]);
  pid_t w2 = fork();
  if (w2 == 0) {
    for (;;) write(p[1], big, 4096);
  }
  close(p[1]);
  waitpid(c, &st, 0);
  waitpid(w2, &st, 0);
  printf("writer killed by signal %d\n", WIFSIGNALED(st) ? WTERMSIG(st) : -1);

  /* poll in the parent wakes when the child writes. */
  pipe(p);
  c = fork();
  if (c == 0) {
    usleep(50000);
    write(p[1], "late", 4);
    _exit(0);
  }
  struct pollfd pf = {p[0], POLLIN, 0};
  int n = poll(&pf, 1, 5000);
  printf("poll %d revents %#x\n", n, pf.revents);
  waitpid(c, &st, 0);
  close(p[1]);
  pf.revents = 0;
  char b[8];
  read(p[0], b, 8);
  n = poll(&pf, 1, 5000);
  printf("after the writers closed: poll %d revents %#x\n", n, pf.revents);
  return 0;
}
