/* SS_AUTODISARM (Linux 4.7): the alternate stack is disabled while a handler
 * runs on it and comes back from uc_stack at sigreturn. qemu-aarch64 7.2 does
 * not implement the flag, so this program's expected output is Linux's. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ucontext.h>
#ifndef SS_AUTODISARM
#define SS_AUTODISARM (1U << 31)
#endif

static char *alt;
static volatile int on_alt, flags_inside, uc_flags;

static void handler(int sig, siginfo_t *si, void *ucv) {
  (void)sig, (void)si;
  char local;
  on_alt = &local > alt && &local < alt + 65536;
  stack_t cur;
  sigaltstack(NULL, &cur);
  flags_inside = cur.ss_flags;
  uc_flags = ((ucontext_t *)ucv)->uc_stack.ss_flags;
}

int main(void) {
  alt = malloc(65536);
  stack_t ss = {.ss_sp = alt, .ss_size = 65536, .ss_flags = SS_AUTODISARM}, old;
  sigaltstack(&ss, NULL);
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = handler;
  sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
  sigaction(SIGUSR1, &sa, NULL);
  raise(SIGUSR1);
  printf("on alt stack %d, ss_flags inside %d, uc_stack.ss_flags %#x\n", on_alt, flags_inside, (unsigned)uc_flags);
  sigaltstack(NULL, &old);
  printf("after: flags %#x size %zu\n", (unsigned)old.ss_flags, old.ss_size);
  return 0;
}
