/* Signals with threads and processes (what test/guest/signals does not
 * cover): pthread_kill to one thread, sigwait and sigtimedwait in a thread,
 * three-level nesting with sa_mask, a handler interrupted by a signal from
 * another thread, SIGSEGV recovery with siglongjmp in a loop, SIGCHLD. */
// cflags: -pthread
#include "common.h"
#include <pthread.h>
#include <semaphore.h>
#include <setjmp.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>

static void handle(int sig, void (*fn)(int), int flags, int masked) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = fn;
  sa.sa_flags = flags;
  sigemptyset(&sa.sa_mask);
  if (masked) sigaddset(&sa.sa_mask, masked);
  CHECK(sigaction(sig, &sa, NULL) == 0);
}

static void handle_info(int sig, void (*fn)(int, siginfo_t *, void *)) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = fn;
  sa.sa_flags = SA_SIGINFO | SA_RESTART;
  sigemptyset(&sa.sa_mask);
  CHECK(sigaction(sig, &sa, NULL) == 0);
}

static pthread_t start(void *(*fn)(void *), long arg) {
  pthread_t t;
  int r = pthread_create(&t, NULL, fn, (void *)arg);
  errno = r;
  CHECK(r == 0);
  return t;
}

/* pthread-kill: the handler runs in the thread the signal was sent to. */
static __thread long my_index = -1;
static atomic_long handled_by = -2;
static atomic_int stop;
static void record_index(int sig) {
  (void)sig;
  atomic_store(&handled_by, my_index);
}
static atomic_int nstarted;
static void *idle_thread(void *arg) {
  my_index = (long)arg;
  atomic_fetch_add(&nstarted, 1);
  while (!atomic_load(&stop)) usleep(1000);
  return NULL;
}
static int pthread_kill_case(int argc, char **argv) {
  (void)argc, (void)argv;
  my_index = 100;
  handle(SIGUSR1, record_index, 0, 0);
  pthread_t t[4];
  for (long i = 0; i < 4; i++) t[i] = start(idle_thread, i);
  while (atomic_load(&nstarted) < 4) usleep(1000);
  for (long target = 3; target >= 0; target--) {
    atomic_store(&handled_by, -2);
    CHECK(pthread_kill(t[target], SIGUSR1) == 0);
    while (atomic_load(&handled_by) == -2) usleep(1000);
    printf("SIGUSR1 to thread %ld handled by thread %ld\n", target, atomic_load(&handled_by));
  }
  /* tgkill of the main thread by itself. */
  atomic_store(&handled_by, -2);
  CHECK(syscall(SYS_tgkill, getpid(), getpid(), SIGUSR1) == 0);
  printf("tgkill to the main thread handled by %ld\n", atomic_load(&handled_by));
  atomic_store(&stop, 1);
  for (int i = 0; i < 4; i++) pthread_join(t[i], NULL);
  return 0;
}

/* sigwait: a thread takes process-directed signals blocked everywhere. */
static sem_t ack;
static void *waiter(void *arg) {
  (void)arg;
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGUSR1);
  sigaddset(&set, SIGUSR2);
  sigaddset(&set, SIGRTMIN);
  for (int i = 0; i < 4; i++) {
    int sig;
    CHECK(sigwait(&set, &sig) == 0);
    printf("sigwait got %s\n", sig == SIGUSR1 ? "SIGUSR1" : sig == SIGUSR2 ? "SIGUSR2" : "SIGRTMIN");
    sem_post(&ack);
  }
  siginfo_t si;
  int sig = sigwaitinfo(&set, &si);
  printf("sigwaitinfo got SIGRTMIN %d value %d code SI_QUEUE %d from our pid %d\n", sig == SIGRTMIN,
         si.si_value.sival_int, si.si_code == SI_QUEUE, si.si_pid == getpid());
  return NULL;
}
static int sigwait_case(int argc, char **argv) {
  (void)argc, (void)argv;
  sem_init(&ack, 0, 0);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGUSR1);
  sigaddset(&set, SIGUSR2);
  sigaddset(&set, SIGRTMIN);
  CHECK(pthread_sigmask(SIG_BLOCK, &set, NULL) == 0);
  pthread_t t = start(waiter, 0);
  int order[4] = {SIGUSR2, SIGUSR1, SIGUSR1, SIGUSR2};
  for (int i = 0; i < 4; i++) {
    CHECK(kill(getpid(), order[i]) == 0);
    while (sem_wait(&ack) != 0) CHECK(errno == EINTR);
  }
  union sigval v = {.sival_int = 77};
  CHECK(sigqueue(getpid(), SIGRTMIN, v) == 0);
  pthread_join(t, NULL);
  return 0;
}

/* sigtimedwait in a thread: a timeout (EAGAIN), then a signal sent to that thread. */
static sem_t ready;
static void *timed_waiter(void *arg) {
  (void)arg;
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGUSR2);
  struct timespec short_wait = {0, 50 * 1000 * 1000}, long_wait = {20, 0};
  siginfo_t si;
  int r = sigtimedwait(&set, &si, &short_wait);
  printf("sigtimedwait with nothing sent: %d %s\n", r, err_name(r));
  sem_post(&ready);
  r = sigtimedwait(&set, &si, &long_wait);
  /* tgkill gives SI_TKILL; glibc's sigtimedwait reports it as SI_USER. */
  printf("sigtimedwait: SIGUSR2 %d, code SI_USER %d, from our pid %d\n", r == SIGUSR2, si.si_code == SI_USER,
         si.si_pid == getpid());
  return NULL;
}
static int sigtimedwait_case(int argc, char **argv) {
  (void)argc, (void)argv;
  sem_init(&ready, 0, 0);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGUSR2);
  CHECK(pthread_sigmask(SIG_BLOCK, &set, NULL) == 0);
  pthread_t t = start(timed_waiter, 0);
  while (sem_wait(&ready) != 0) CHECK(errno == EINTR);
  CHECK(pthread_kill(t, SIGUSR2) == 0);
  pthread_join(t, NULL);
  return 0;
}

/* nested: USR1's handler (sa_mask blocks HUP) raises USR2, whose handler
 * raises HUP: HUP stays pending until USR1's handler returns. */
static volatile int trace[16], ntrace;
static void on_hup(int sig) { trace[ntrace++] = sig; }
static void on_usr2(int sig) {
  trace[ntrace++] = sig;
  raise(SIGHUP);
  trace[ntrace++] = 100 + sig;
}
static void on_usr1(int sig) {
  trace[ntrace++] = sig;
  raise(SIGUSR2);
  sigset_t pending;
  sigpending(&pending);
  trace[ntrace++] = sigismember(&pending, SIGHUP) ? 1000 + SIGHUP : 0;
  trace[ntrace++] = 100 + sig;
}
/* async: a handler that spins until a signal sent by another thread interrupts it. */
static volatile sig_atomic_t inner_ran;
static atomic_int in_outer;
static void on_inner(int sig) {
  (void)sig;
  inner_ran = 1;
}
static void on_outer(int sig) {
  (void)sig;
  atomic_store(&in_outer, 1);
  while (!inner_ran) {
  }
  atomic_store(&in_outer, 2);
}
static void *poker(void *arg) {
  pthread_t main_thread = *(pthread_t *)arg;
  while (atomic_load(&in_outer) != 1) usleep(1000);
  CHECK(pthread_kill(main_thread, SIGUSR2) == 0);
  return NULL;
}
static int nested_case(int argc, char **argv) {
  (void)argc, (void)argv;
  handle(SIGUSR1, on_usr1, 0, SIGHUP);
  handle(SIGUSR2, on_usr2, 0, 0);
  handle(SIGHUP, on_hup, 0, 0);
  raise(SIGUSR1);
  printf("order:");
  for (int i = 0; i < ntrace; i++) printf(" %d", trace[i]);
  printf("\n");

  handle(SIGUSR1, on_outer, 0, 0);
  handle(SIGUSR2, on_inner, 0, 0);
  pthread_t self = pthread_self();
  pthread_t t = start(poker, (long)&self);
  raise(SIGUSR1);
  pthread_join(t, NULL);
  printf("outer handler interrupted by a signal from another thread: inner %d, outer finished %d\n", inner_ran,
         atomic_load(&in_outer) == 2);
  return 0;
}

/* segv-loop: 2000 faults recovered with siglongjmp; the mask is restored each time. */
static sigjmp_buf env;
static volatile uintptr_t fault_addr;
static volatile int fault_code;
static void on_segv(int sig, siginfo_t *si, void *uc) {
  (void)sig, (void)uc;
  fault_addr = (uintptr_t)si->si_addr;
  fault_code = si->si_code;
  siglongjmp(env, 1);
}
static int segv_loop_case(int argc, char **argv) {
  (void)argc, (void)argv;
  handle_info(SIGSEGV, on_segv);
  long pg = sysconf(_SC_PAGESIZE);
  char *none = mmap(NULL, pg, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  char *ro = mmap(NULL, pg, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  CHECK(none != MAP_FAILED && ro != MAP_FAILED);
  int caught = 0, addr_ok = 0, code_ok = 0, mask_ok = 0;
  for (int i = 0; i < 2000; i++) {
    volatile char *p;
    int want_code;
    switch (i % 3) {
      case 0: p = (char *)(uintptr_t)(16 + 8 * (i % 400)), want_code = SEGV_MAPERR; break;
      case 1: p = none + (i % pg), want_code = SEGV_ACCERR; break;
      default: p = ro + (i % pg), want_code = SEGV_ACCERR; break;
    }
    if (sigsetjmp(env, 1) == 0) {
      if (i % 3 == 1)
        (void)*p;
      else
        *p = 1;
      printf("no fault at case %d\n", i);
      return 1;
    }
    caught++;
    addr_ok += fault_addr == (uintptr_t)p;
    code_ok += fault_code == want_code;
    sigset_t cur;
    sigprocmask(SIG_BLOCK, NULL, &cur);
    mask_ok += !sigismember(&cur, SIGSEGV);
  }
  printf("faults caught %d, si_addr right %d, si_code right %d, SIGSEGV unblocked after %d\n", caught, addr_ok,
         code_ok, mask_ok);
  return 0;
}

/* sigchld: SIGCHLD with CLD_EXITED and CLD_KILLED, then SIGCHLD ignored (children reaped by the kernel). */
static volatile int chld_code, chld_status, chld_pid_ok, chld_count;
static volatile pid_t expected_child;
static void on_chld(int sig, siginfo_t *si, void *uc) {
  (void)sig, (void)uc;
  chld_code = si->si_code;
  chld_status = si->si_status;
  chld_pid_ok = si->si_pid == expected_child;
  chld_count++;
}
static const char *cld_name(int code) {
  switch (code) {
    case CLD_EXITED: return "CLD_EXITED";
    case CLD_KILLED: return "CLD_KILLED";
    case CLD_DUMPED: return "CLD_DUMPED";
    case CLD_STOPPED: return "CLD_STOPPED";
    case CLD_CONTINUED: return "CLD_CONTINUED";
    default: return "?";
  }
}
static void await_chld(int before) {
  sigset_t none;
  sigemptyset(&none);
  while (chld_count == before) sigsuspend(&none);
}
static int sigchld_case(int argc, char **argv) {
  (void)argc, (void)argv;
  sigset_t chld;
  sigemptyset(&chld);
  sigaddset(&chld, SIGCHLD);
  sigprocmask(SIG_BLOCK, &chld, NULL); /* no SIGCHLD before sigsuspend waits for it */
  handle_info(SIGCHLD, on_chld);

  pid_t p = fork();
  CHECK(p >= 0);
  if (p == 0) _exit(3);
  expected_child = p;
  await_chld(0);
  printf("exited child: %s status %d pid ok %d\n", cld_name(chld_code), chld_status, chld_pid_ok);
  int st;
  CHECK(waitpid(p, &st, 0) == p);

  p = fork();
  CHECK(p >= 0);
  if (p == 0) {
    for (;;) pause();
  }
  expected_child = p;
  CHECK(kill(p, SIGKILL) == 0);
  await_chld(1);
  printf("killed child: %s status %d pid ok %d\n", cld_name(chld_code), chld_status, chld_pid_ok);
  CHECK(waitpid(p, &st, 0) == p);
  printf("wait status: signaled %d by %d\n", WIFSIGNALED(st), WTERMSIG(st));

  /* SIGCHLD set to SIG_IGN: children do not become zombies; wait finds none. */
  handle(SIGCHLD, SIG_IGN, 0, 0);
  sigprocmask(SIG_UNBLOCK, &chld, NULL);
  p = fork();
  CHECK(p >= 0);
  if (p == 0) _exit(0);
  pid_t r = waitpid(p, &st, 0);
  printf("waitpid with SIGCHLD ignored: %d %s\n", (int)(r == p ? 0 : r), err_name(r));
  return 0;
}

static const struct test_case CASES[] = {
    {"pthread-kill", pthread_kill_case}, {"sigwait", sigwait_case},     {"sigtimedwait", sigtimedwait_case},
    {"nested", nested_case},             {"segv-loop", segv_loop_case}, {"sigchld", sigchld_case},
    {NULL, NULL},
};

int main(int argc, char **argv) { return run_case(argc, argv, CASES); }
