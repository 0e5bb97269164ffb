/* SIGALRM from alarm() and setitimer(), pause(), sigsuspend(), nanosleep
 * interrupted with the time left, sigtimedwait for a timer signal. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static volatile int ticks;
static void on_alarm(int sig) { (void)sig, ticks++; }

int main(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_alarm;
  sigaction(SIGALRM, &sa, NULL);

  printf("alarm(0) with none set: %u\n", alarm(0));
  alarm(5);
  unsigned left = alarm(0);
  printf("alarm left after re-arm: %d\n", left >= 4 && left <= 5);

  /* pause() returns -1/EINTR once the handler ran. */
  alarm(1);
  int r = pause();
  printf("pause: %d errno %d ticks %d\n", r, errno, ticks);

  /* nanosleep cut short: EINTR and the remaining time. */
  struct itimerval it = {{0, 0}, {0, 100000}};
  setitimer(ITIMER_REAL, &it, NULL);
  struct timespec req = {5, 0}, rem = {0, 0};
  r = nanosleep(&req, &rem);
  printf("nanosleep: %d errno %d ticks %d rem plausible %d\n", r, errno, ticks, rem.tv_sec >= 3 && rem.tv_sec <= 4);

  /* An interval timer keeps firing; getitimer shows it armed. */
  it.it_interval.tv_usec = 20000;
  it.it_value.tv_usec = 20000;
  setitimer(ITIMER_REAL, &it, NULL);
  struct itimerval cur;
  getitimer(ITIMER_REAL, &cur);
  printf("interval armed: %ld %d\n", (long)cur.it_interval.tv_usec, cur.it_value.tv_usec > 0 && cur.it_value.tv_usec <= 20000);
  int start = ticks;
  while (ticks < start + 3) pause();
  struct itimerval off = {{0, 0}, {0, 0}};
  setitimer(ITIMER_REAL, &off, &cur);
  printf("three more ticks: %d; old interval %ld\n", ticks - start, (long)cur.it_interval.tv_usec);
  getitimer(ITIMER_REAL, &cur);
  printf("disarmed: %ld %ld\n", (long)cur.it_value.tv_sec, (long)cur.it_value.tv_usec);

  /* A busy loop is interrupted too. */
  it.it_interval.tv_usec = 0;
  it.it_value.tv_usec = 30000;
  start = ticks;
  setitimer(ITIMER_REAL, &it, NULL);
  volatile unsigned long spins = 0;
  while (ticks == start) spins++;
  printf("busy loop interrupted: %d\n", ticks - start);

  /* sigsuspend: SIGALRM blocked except while suspended. */
  sigset_t block, none;
  sigemptyset(&block);
  sigaddset(&block, SIGALRM);
  sigprocmask(SIG_BLOCK, &block, NULL);
  setitimer(ITIMER_REAL, &it, NULL);
  sigemptyset(&none);
  start = ticks;
  r = sigsuspend(&none);
  sigset_t now;
  sigprocmask(SIG_BLOCK, NULL, &now);
  printf("sigsuspend: %d errno %d ticks %d mask restored %d\n", r, errno, ticks - start, sigismember(&now, SIGALRM));

  /* A signal that is ignored when it arrives restarts sigsuspend (no EINTR): it returns for SIGALRM only. */
  sigset_t chld;
  sigemptyset(&chld);
  sigaddset(&chld, SIGCHLD);
  sigprocmask(SIG_BLOCK, &chld, NULL);
  raise(SIGCHLD); /* default action: ignore; pending while blocked */
  setitimer(ITIMER_REAL, &it, NULL);
  start = ticks;
  r = sigsuspend(&none);
  printf("sigsuspend after an ignored signal: %d errno %d ticks %d\n", r, errno, ticks - start);
  sigprocmask(SIG_UNBLOCK, &chld, NULL);
  start = ticks;

  /* sigtimedwait picks the timer signal up while it is blocked. */
  setitimer(ITIMER_REAL, &it, NULL);
  siginfo_t si;
  struct timespec ts = {2, 0};
  r = sigtimedwait(&block, &si, &ts);
  printf("sigtimedwait: %d code %#x handler ran %d\n", r, si.si_code, ticks - start);
  return 0;
}
