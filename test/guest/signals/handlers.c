/* Handlers with SA_SIGINFO, masks, pending signals, queued real-time signals, sigtimedwait. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static volatile int order[16], norder;
static volatile int lastcode, lastpid, lastval, blocked_inside, nodefer_blocked;

static void info_handler(int sig, siginfo_t *si, void *uc) {
  (void)uc;
  order[norder++] = sig;
  lastcode = si->si_code;
  lastpid = si->si_pid == getpid();
  lastval = si->si_value.sival_int;
  sigset_t cur;
  sigprocmask(SIG_BLOCK, NULL, &cur);
  blocked_inside = sigismember(&cur, sig) * 10 + sigismember(&cur, SIGHUP);
}

static void nested_outer(int sig) {
  order[norder++] = sig;
  raise(SIGUSR2); /* runs now: SIGUSR2 not blocked */
  order[norder++] = 100 + sig;
}

static void nested_inner(int sig) { order[norder++] = sig; }

static void nodefer_handler(int sig) {
  sigset_t cur;
  sigprocmask(SIG_BLOCK, NULL, &cur);
  nodefer_blocked = sigismember(&cur, sig);
}

static void show(const char *what) {
  printf("%s:", what);
  for (int i = 0; i < norder; i++) printf(" %d", order[i]);
  printf("\n");
  norder = 0;
}

int main(void) {
  struct sigaction sa, old;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = info_handler;
  sa.sa_flags = SA_SIGINFO;
  sigemptyset(&sa.sa_mask);
  sigaddset(&sa.sa_mask, SIGHUP);
  printf("sigaction: %d\n", sigaction(SIGUSR1, &sa, NULL));
  printf("old action back: %d\n", sigaction(SIGUSR1, NULL, &old) == 0 && old.sa_sigaction == info_handler &&
                                      (old.sa_flags & SA_SIGINFO) && sigismember(&old.sa_mask, SIGHUP));
  printf("SIGKILL action: %d errno %d\n", sigaction(SIGKILL, &sa, NULL), errno);

  kill(getpid(), SIGUSR1);
  show("kill");
  printf("  si_code %d si_pid==getpid %d blocked(sig,HUP) %d\n", lastcode, lastpid, blocked_inside);
  raise(SIGUSR1);
  show("raise");
  printf("  si_code %d\n", lastcode);
  union sigval v = {.sival_int = 1234};
  sigqueue(getpid(), SIGUSR1, v);
  show("sigqueue");
  printf("  si_code %d value %d\n", lastcode, lastval);

  /* Nested: SIGUSR2 raised inside the SIGUSR1 handler runs before it returns. */
  signal(SIGUSR1, nested_outer);
  signal(SIGUSR2, nested_inner);
  raise(SIGUSR1);
  show("nested");

  /* Blocked: stays pending, delivered on unblock. */
  sigset_t set, pend;
  sigemptyset(&set);
  sigaddset(&set, SIGUSR2);
  sigprocmask(SIG_BLOCK, &set, NULL);
  raise(SIGUSR2);
  raise(SIGUSR2);
  show("while blocked");
  sigpending(&pend);
  printf("pending USR2 %d USR1 %d\n", sigismember(&pend, SIGUSR2), sigismember(&pend, SIGUSR1));
  sigprocmask(SIG_UNBLOCK, &set, NULL);
  show("after unblock (standard signals merge)");

  /* Real-time signals queue, and come lowest number first. */
  sa.sa_sigaction = info_handler;
  sa.sa_flags = SA_SIGINFO;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGRTMIN, &sa, NULL);
  sigaction(SIGRTMIN + 1, &sa, NULL);
  sigaction(SIGUSR1, &sa, NULL);
  sigemptyset(&set);
  sigaddset(&set, SIGRTMIN);
  sigaddset(&set, SIGRTMIN + 1);
  sigaddset(&set, SIGUSR1);
  sigprocmask(SIG_BLOCK, &set, NULL);
  for (int i = 0; i < 3; i++) {
    v.sival_int = i;
    sigqueue(getpid(), SIGRTMIN + 1, v);
    sigqueue(getpid(), SIGRTMIN, v);
  }
  raise(SIGUSR1);
  sigprocmask(SIG_UNBLOCK, &set, NULL);
  for (int i = 0; i < norder; i++) order[i] = order[i] >= SIGRTMIN ? order[i] - SIGRTMIN + 1000 : order[i];
  show("queued (1000 = SIGRTMIN)");

  /* sigtimedwait takes a pending signal without running the handler. */
  sigprocmask(SIG_BLOCK, &set, NULL);
  v.sival_int = 77;
  sigqueue(getpid(), SIGRTMIN, v);
  siginfo_t si;
  struct timespec ts = {0, 1000000};
  int r = sigtimedwait(&set, &si, &ts);
  printf("sigtimedwait: %d code %d value %d\n", r - SIGRTMIN, si.si_code, si.si_value.sival_int);
  r = sigtimedwait(&set, &si, &ts);
  printf("sigtimedwait empty: %d errno %d\n", r, errno);
  sigprocmask(SIG_UNBLOCK, &set, NULL);
  show("handlers run");

  /* SA_NODEFER leaves the signal unblocked in its handler; SA_RESETHAND resets the action. */
  sa.sa_handler = nodefer_handler;
  sa.sa_flags = SA_NODEFER | SA_RESETHAND;
  sigaction(SIGUSR2, &sa, NULL);
  raise(SIGUSR2);
  sigaction(SIGUSR2, NULL, &old);
  printf("nodefer: blocked inside %d; after resethand handler is SIG_DFL %d\n", nodefer_blocked, old.sa_handler == SIG_DFL);

  /* Ignored signals vanish, even when they were pending. */
  signal(SIGUSR1, SIG_IGN);
  raise(SIGUSR1);
  sigprocmask(SIG_BLOCK, &set, NULL);
  raise(SIGUSR1);
  sigpending(&pend);
  printf("ignored but blocked is pending: %d\n", sigismember(&pend, SIGUSR1));
  signal(SIGUSR1, SIG_IGN);
  sigpending(&pend);
  printf("after sigaction(SIG_IGN): %d\n", sigismember(&pend, SIGUSR1));
  sigprocmask(SIG_UNBLOCK, &set, NULL);
  signal(SIGCHLD, SIG_DFL);
  raise(SIGCHLD); /* default: ignore */
  raise(SIGURG);
  printf("still here\n");
  return 0;
}
