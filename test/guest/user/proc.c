/* Identity, limits, randomness, uname and signal state of a process. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <unistd.h>

int main(void) {
  struct utsname u;
  uname(&u);
  printf("sysname %s machine %s\n", u.sysname, u.machine);
  printf("getpid == gettid: %d\n", getpid() == gettid());
  printf("getppid > 0: %d\n", getppid() > 0);
  printf("uid == euid: %d, gid == egid: %d\n", getuid() == geteuid(), getgid() == getegid());
  struct rlimit rl;
  getrlimit(RLIMIT_STACK, &rl);
  printf("stack limit %lu MiB\n", (unsigned long)rl.rlim_cur >> 20);
  /* qemu-user ignores setrlimit(RLIMIT_STACK); Linux keeps it (checked in syscalls-misc.test.ts). */
  rl.rlim_cur = 4 << 20;
  printf("setrlimit %d\n", setrlimit(RLIMIT_STACK, &rl));
  unsigned char r1[16] = {0}, r2[16] = {0};
  printf("getrandom %zd %zd, differ: %d\n", getrandom(r1, 16, 0), getrandom(r2, 16, 0), memcmp(r1, r2, 16) != 0);
  printf("page size %ld\n", sysconf(_SC_PAGESIZE));
  printf("isatty(0..2) %d %d %d\n", isatty(0), isatty(1), isatty(2));
  struct sigaction sa, old;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = SIG_IGN;
  printf("sigaction %d\n", sigaction(SIGUSR1, &sa, &old));
  printf("old handler was default: %d\n", old.sa_handler == SIG_DFL);
  sigaction(SIGUSR1, 0, &old);
  printf("now ignored: %d\n", old.sa_handler == SIG_IGN);
  printf("raise ignored SIGUSR1: %d\n", raise(SIGUSR1));
  printf("raise SIGCHLD (default ignore): %d\n", raise(SIGCHLD));
  sigset_t set, got;
  sigemptyset(&set);
  sigaddset(&set, SIGUSR2);
  sigprocmask(SIG_BLOCK, &set, 0);
  sigprocmask(SIG_SETMASK, 0, &got);
  printf("SIGUSR2 blocked: %d\n", sigismember(&got, SIGUSR2));
  stack_t ss = {0}, oss;
  printf("sigaltstack query %d, disabled: %d\n", sigaltstack(0, &oss), (oss.ss_flags & SS_DISABLE) != 0);
  ss.ss_size = 1024;
  ss.ss_sp = r1;
  printf("sigaltstack too small: %d\n", sigaltstack(&ss, 0));
  fflush(stdout);
  return 3;
}
