/* sigaltstack with SA_ONSTACK: the handler runs on the alternate stack, sees
 * SS_ONSTACK, and a stack overflow is caught there. */
#define _GNU_SOURCE
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <ucontext.h>
#include <unistd.h>

static char *alt;
static size_t altsize;
static volatile int on_alt, flags_inside, eperm, onstack_uc;
static sigjmp_buf env;

static void handler(int sig, siginfo_t *si, void *ucv) {
  (void)sig, (void)si;
  ucontext_t *uc = ucv;
  char local;
  on_alt = &local > alt && &local < alt + altsize;
  stack_t cur;
  sigaltstack(NULL, &cur);
  flags_inside = cur.ss_flags;
  stack_t other = {.ss_sp = alt, .ss_size = altsize, .ss_flags = 0};
  eperm = sigaltstack(&other, NULL) == -1 && errno == EPERM;
  onstack_uc = uc->uc_stack.ss_sp == alt && uc->uc_stack.ss_size == altsize && uc->uc_stack.ss_flags == 0;
}

static volatile int depth;
__attribute__((noinline)) static int recurse(int n) {
  volatile char buf[1024];
  buf[0] = (char)n;
  depth++;
  return recurse(n + 1) + buf[0]; /* endless on purpose */
}

static void overflow_handler(int sig, siginfo_t *si, void *uc) {
  (void)si, (void)uc;
  char local;
  on_alt = &local > alt && &local < alt + altsize;
  flags_inside = sig;
  siglongjmp(env, 1);
}

int main(void) {
  altsize = 65536;
  alt = malloc(altsize);
  stack_t ss = {.ss_sp = alt, .ss_size = altsize, .ss_flags = 0}, old;
  printf("too small: %d errno %d\n", sigaltstack(&(stack_t){.ss_sp = alt, .ss_size = 100}, NULL), errno);
  printf("bad flags: %d errno %d\n", sigaltstack(&(stack_t){.ss_sp = alt, .ss_size = altsize, .ss_flags = 7}, NULL), errno);
  sigaltstack(NULL, &old);
  printf("initial: flags %d size %zu\n", old.ss_flags, old.ss_size);
  printf("set: %d\n", sigaltstack(&ss, NULL));
  sigaltstack(NULL, &old);
  printf("now: flags %d sp ok %d size %zu\n", old.ss_flags, old.ss_sp == alt, old.ss_size);

  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = handler;
  sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
  sigaction(SIGUSR1, &sa, NULL);
  raise(SIGUSR1);
  printf("SA_ONSTACK: on alt stack %d, ss_flags inside %d, EPERM changing it %d, uc_stack %d\n", on_alt, flags_inside,
         eperm, onstack_uc);
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGUSR1, &sa, NULL);
  raise(SIGUSR1);
  printf("without SA_ONSTACK: on alt stack %d, ss_flags inside %d\n", on_alt, flags_inside);

  /* Stack overflow: the SIGSEGV handler can only run on the alternate stack. */
  struct rlimit rl = {1 << 20, 1 << 20};
  setrlimit(RLIMIT_STACK, &rl);
  sa.sa_sigaction = overflow_handler;
  sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
  sigaction(SIGSEGV, &sa, NULL);
  if (sigsetjmp(env, 1) == 0) {
    recurse(0);
    printf("no overflow?\n");
  } else
    printf("overflow caught: sig %d on alt stack %d deep %d\n", flags_inside, on_alt, depth > 100);

  ss.ss_flags = SS_DISABLE;
  printf("disable: %d\n", sigaltstack(&ss, NULL));
  sigaltstack(NULL, &old);
  printf("disabled: flags %d size %zu\n", old.ss_flags, old.ss_size);
  return 0;
}
