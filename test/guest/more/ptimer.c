// POSIX timers: SIGEV_SIGNAL with si_value/si_code, overruns while blocked,
// SIGEV_THREAD_ID, SIGEV_NONE with timer_gettime, TIMER_ABSTIME, deletion.
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static volatile int hits;
static volatile int lastValue, lastCode, lastOverrun;

static void handler(int sig, siginfo_t *si, void *ctx) {
  (void)sig; (void)ctx;
  hits++;
  lastValue = si->si_value.sival_int;
  lastCode = si->si_code;
  lastOverrun = si->si_overrun;
}

static void ms(long n) {
  struct timespec ts = {n / 1000, (n % 1000) * 1000000L};
  while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {}
}

int main(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = handler;
  sa.sa_flags = SA_SIGINFO | SA_RESTART;
  sigaction(SIGRTMIN, &sa, NULL);
  sigaction(SIGUSR1, &sa, NULL);

  // One-shot, process-directed, with a value.
  struct sigevent ev;
  memset(&ev, 0, sizeof ev);
  ev.sigev_notify = SIGEV_SIGNAL;
  ev.sigev_signo = SIGRTMIN;
  ev.sigev_value.sival_int = 1234;
  timer_t t1;
  if (timer_create(CLOCK_MONOTONIC, &ev, &t1) != 0) { perror("timer_create"); return 1; }
  struct itimerspec its = {{0, 0}, {0, 20000000}};
  printf("settime %d\n", timer_settime(t1, 0, &its, NULL));
  while (hits == 0) ms(5);
  printf("one-shot: hits %d value %d code %s overrun %d\n", hits, lastValue, lastCode == SI_TIMER ? "SI_TIMER" : "other", lastOverrun);
  struct itimerspec cur;
  timer_gettime(t1, &cur);
  printf("after expiry: value %ld.%09ld interval %ld.%09ld\n", (long)cur.it_value.tv_sec, cur.it_value.tv_nsec, (long)cur.it_interval.tv_sec, cur.it_interval.tv_nsec);

  // Periodic while the signal is blocked: expiries pile up as overruns in one signal.
  sigset_t set, old;
  sigemptyset(&set);
  sigaddset(&set, SIGRTMIN);
  sigprocmask(SIG_BLOCK, &set, &old);
  hits = 0;
  struct itimerspec per = {{0, 10000000}, {0, 10000000}};
  timer_settime(t1, 0, &per, NULL);
  ms(200);
  sigprocmask(SIG_SETMASK, &old, NULL);
  struct itimerspec off = {{0, 0}, {0, 0}};
  timer_settime(t1, 0, &off, &cur);
  printf("periodic blocked: hits %d overrun>=5 %d getoverrun>=0 %d old interval %ld\n", hits, lastOverrun >= 5,
         timer_getoverrun(t1) >= 0, cur.it_interval.tv_nsec);
  timer_gettime(t1, &cur);
  printf("disarmed: %ld %ld\n", (long)cur.it_value.tv_sec + cur.it_value.tv_nsec, (long)cur.it_interval.tv_nsec);
  printf("delete %d, again %d errno %s\n", timer_delete(t1), timer_delete(t1), errno == EINVAL ? "EINVAL" : "?");

  // SIGEV_THREAD_ID to ourselves, absolute time on CLOCK_REALTIME.
  memset(&ev, 0, sizeof ev);
  ev.sigev_notify = SIGEV_THREAD_ID;
  ev.sigev_signo = SIGUSR1;
  ev.sigev_value.sival_int = 77;
  ev._sigev_un._tid = (pid_t)syscall(SYS_gettid);
  timer_t t2;
  printf("thread-id create %d\n", timer_create(CLOCK_REALTIME, &ev, &t2));
  struct timespec now;
  clock_gettime(CLOCK_REALTIME, &now);
  now.tv_nsec += 30000000;
  if (now.tv_nsec >= 1000000000) { now.tv_sec++; now.tv_nsec -= 1000000000; }
  struct itimerspec abs = {{0, 0}, now};
  hits = 0;
  timer_settime(t2, TIMER_ABSTIME, &abs, NULL);
  while (hits == 0) ms(5);
  printf("abstime: hits %d value %d\n", hits, lastValue);
  timer_delete(t2);

  // SIGEV_NONE: no signal, but the time left is kept.
  memset(&ev, 0, sizeof ev);
  ev.sigev_notify = SIGEV_NONE;
  timer_t t3;
  timer_create(CLOCK_BOOTTIME, &ev, &t3);
  struct itimerspec longer = {{2, 0}, {100, 0}};
  timer_settime(t3, 0, &longer, NULL);
  timer_gettime(t3, &cur);
  printf("none: left in (99,100] %d interval %ld\n", cur.it_value.tv_sec >= 99 && cur.it_value.tv_sec <= 100, (long)cur.it_interval.tv_sec);
  timer_delete(t3);

  // Errors.
  memset(&ev, 0, sizeof ev);
  ev.sigev_notify = SIGEV_SIGNAL;
  ev.sigev_signo = 0;
  timer_t bad;
  int r = timer_create(CLOCK_MONOTONIC, &ev, &bad);
  printf("signo 0: %d %s\n", r, errno == EINVAL ? "EINVAL" : "?");
  ev.sigev_signo = SIGUSR1;
  ev.sigev_notify = 99;
  r = timer_create(CLOCK_MONOTONIC, &ev, &bad);
  printf("notify 99: %d %s\n", r, errno == EINVAL ? "EINVAL" : "?");
  r = timer_create(42, NULL, &bad);
  printf("clock 42: %d %s\n", r, errno == EINVAL ? "EINVAL" : "?");
  timer_t t4;
  timer_create(CLOCK_MONOTONIC, NULL, &t4);
  struct itimerspec badns = {{0, 0}, {0, 1000000000}};
  r = timer_settime(t4, 0, &badns, NULL);
  printf("bad nsec: %d %s\n", r, errno == EINVAL ? "EINVAL" : "?");
  // Default sigevent: SIGALRM; left armed far ahead, the process still exits.
  struct itimerspec far = {{0, 0}, {3600, 0}};
  printf("far %d\n", timer_settime(t4, 0, &far, NULL));
  return 0;
}
