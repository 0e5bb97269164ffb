/* rt_sigaction without SA_RESTORER (the raw syscall, as non-glibc code may
 * do): the handler returns through the kernel's sigreturn trampoline. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

struct kernel_sigaction {
  void (*handler)(int);
  unsigned long flags;
  void (*restorer)(void);
  unsigned long mask;
};

static volatile int hits;
static volatile unsigned long lr_in_handler;
static void handler(int sig) {
  hits += sig;
  lr_in_handler = (unsigned long)__builtin_return_address(0);
}

int main(void) {
  struct kernel_sigaction ka, old;
  memset(&ka, 0, sizeof ka);
  ka.handler = handler;
  ka.flags = 0;
  long r = syscall(SYS_rt_sigaction, SIGUSR1, &ka, NULL, 8);
  printf("rt_sigaction: %ld\n", r);
  syscall(SYS_rt_sigaction, SIGUSR1, NULL, &old, 8);
  printf("old: handler ok %d flags %#lx mask %#lx\n", old.handler == handler, old.flags, old.mask);
  for (int i = 0; i < 3; i++) syscall(SYS_tgkill, getpid(), gettid(), SIGUSR1);
  printf("hits %d, returned through a trampoline outside the program %d\n", hits,
         lr_in_handler != 0 && (lr_in_handler < (unsigned long)main - 0x100000 || lr_in_handler > (unsigned long)main + 0x100000));
  ka.flags = SA_RESTART | SA_NODEFER | SA_RESETHAND | SA_ONSTACK | SA_SIGINFO;
  ka.mask = (1UL << (SIGKILL - 1)) | (1UL << (SIGSTOP - 1)) | (1UL << (SIGHUP - 1));
  syscall(SYS_rt_sigaction, SIGUSR2, &ka, NULL, 8);
  syscall(SYS_rt_sigaction, SIGUSR2, NULL, &old, 8);
  /* Linux drops SIGKILL and SIGSTOP from the stored mask; qemu-aarch64 keeps them: only SIGHUP is compared. */
  printf("flags %#lx mask has SIGHUP %lu\n", old.flags, old.mask & 1);
  return 0;
}
