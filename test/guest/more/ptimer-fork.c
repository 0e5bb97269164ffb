// POSIX timers are not inherited by fork; timer_getoverrun reports the
// overrun count of the last delivered expiry, 0 after timer_settime
// (checked on Linux 6.18 natively; qemu-user differs).
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile int overrun = -1;
static void handler(int sig, siginfo_t *si, void *ctx) {
  (void)sig; (void)ctx;
  overrun = si->si_overrun;
}

int main(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = handler;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGALRM, &sa, NULL);
  timer_t id;
  timer_create(CLOCK_MONOTONIC, NULL, &id);
  struct itimerspec per = {{0, 5000000}, {0, 5000000}};
  sigset_t set, old;
  sigemptyset(&set);
  sigaddset(&set, SIGALRM);
  sigprocmask(SIG_BLOCK, &set, &old);
  timer_settime(id, 0, &per, NULL);
  pid_t pid = fork();
  if (pid == 0) {
    struct itimerspec cur;
    int r = timer_gettime(id, &cur);
    printf("child gettime %d %s\n", r, errno == EINVAL ? "EINVAL" : "?");
    fflush(stdout);
    _exit(0);
  }
  int st;
  waitpid(pid, &st, 0);
  struct timespec ts = {0, 100000000};
  nanosleep(&ts, NULL);
  sigprocmask(SIG_SETMASK, &old, NULL);
  int got = timer_getoverrun(id);
  struct itimerspec off = {{0, 0}, {0, 0}};
  timer_settime(id, 0, &off, NULL);
  printf("overrun >= 5 %d, getoverrun matches %d, after settime %d\n", overrun >= 5, got == overrun, timer_getoverrun(id));
  return 0;
}
