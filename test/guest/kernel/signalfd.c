/* signalfd: blocked signals read as records (kill, sigqueue with a value,
 * SIGCHLD with the child's status), poll readiness, a nonblocking read
 * with nothing pending (EAGAIN), and changing the mask of the descriptor. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGUSR1);
  sigaddset(&set, SIGUSR2);
  sigaddset(&set, SIGCHLD);
  sigprocmask(SIG_BLOCK, &set, NULL);
  int fd = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
  printf("signalfd ok %d cloexec %d\n", fd >= 0, (fcntl(fd, F_GETFD) & FD_CLOEXEC) != 0);
  struct signalfd_siginfo si[4];
  errno = 0;
  printf("empty read: %zd %s\n", read(fd, si, sizeof si), errno == EAGAIN ? "EAGAIN" : "?");
  struct pollfd p = {fd, POLLIN, 0};
  printf("poll before: %d\n", poll(&p, 1, 0));
  kill(getpid(), SIGUSR2);
  kill(getpid(), SIGUSR1);
  printf("poll after: %d revents %#x\n", poll(&p, 1, 0), p.revents);
  ssize_t n = read(fd, si, sizeof si);
  printf("read %zd bytes (%zd records)\n", n, n / (ssize_t)sizeof si[0]);
  for (int i = 0; i < n / (ssize_t)sizeof si[0]; i++)
    printf("  signo %u code %d pid-ok %d\n", si[i].ssi_signo, si[i].ssi_code, si[i].ssi_pid == (unsigned)getpid());
  errno = 0;
  printf("short buffer: %zd %s\n", read(fd, si, 16), errno == EINVAL ? "EINVAL" : "?");
  union sigval v = {.sival_int = 1234};
  sigqueue(getpid(), SIGUSR1, v);
  n = read(fd, si, sizeof si);
  printf("sigqueue: %zd signo %u code %d int %d\n", n, si[0].ssi_signo, si[0].ssi_code, si[0].ssi_int);
  pid_t c = fork();
  if (c == 0) _exit(7);
  struct pollfd pw = {fd, POLLIN, 0};
  poll(&pw, 1, 5000);
  n = read(fd, si, sizeof si);
  printf("sigchld: %zd signo %u code %d status %d pid-ok %d\n", n, si[0].ssi_signo, si[0].ssi_code, si[0].ssi_status,
         si[0].ssi_pid == (unsigned)c);
  waitpid(c, NULL, 0);
  sigset_t only2;
  sigemptyset(&only2);
  sigaddset(&only2, SIGUSR2);
  printf("new mask: %d\n", signalfd(fd, &only2, 0) == fd);
  kill(getpid(), SIGUSR1);
  errno = 0;
  printf("SIGUSR1 not in the set: %zd %s\n", read(fd, si, sizeof si), errno == EAGAIN ? "EAGAIN" : "?");
  sigset_t pending;
  sigpending(&pending);
  printf("SIGUSR1 still pending: %d\n", sigismember(&pending, SIGUSR1));
  return 0;
}
