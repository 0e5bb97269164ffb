/* Synchronous signals: SIGSEGV (unmapped, read-only, PROT_NONE) recovered with
 * siglongjmp, SIGILL and SIGTRAP with si_addr = pc, a handler that skips the
 * faulting instruction by changing uc_mcontext.pc, and the saved registers. */
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>

static sigjmp_buf env;
static volatile uintptr_t label;
static volatile int got_sig, got_code;
static volatile uintptr_t got_addr, got_fault_address;

static void jump_handler(int sig, siginfo_t *si, void *ucv) {
  ucontext_t *uc = ucv;
  got_sig = sig;
  got_code = si->si_code;
  got_addr = (uintptr_t)si->si_addr;
  got_fault_address = uc->uc_mcontext.fault_address;
  siglongjmp(env, 1);
}

static volatile uint64_t saved_x19, saved_pc_delta;
static void skip_handler(int sig, siginfo_t *si, void *ucv) {
  ucontext_t *uc = ucv;
  got_sig = sig;
  got_code = si->si_code;
  saved_x19 = uc->uc_mcontext.regs[19];
  saved_pc_delta = uc->uc_mcontext.pc - label;
  uc->uc_mcontext.pc += 4; /* skip the faulting instruction */
  uc->uc_mcontext.regs[20] = 4242;
}



int main(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = jump_handler;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGSEGV, &sa, NULL);
  sigaction(SIGILL, &sa, NULL);
  sigaction(SIGTRAP, &sa, NULL);
  sigaction(SIGBUS, &sa, NULL);

  volatile int *volatile null16 = (int *)16;
  if (sigsetjmp(env, 1) == 0) {
    *null16 = 1;
    printf("no fault?\n");
  } else
    printf("unmapped write: sig %d code %d addr %#lx fault_address ok %d\n", got_sig, got_code, (unsigned long)got_addr,
           got_fault_address == got_addr);

  static const char ro[] = "read-only";
  if (sigsetjmp(env, 1) == 0) {
    *(volatile char *)(ro + 3) = 1;
    printf("no fault?\n");
  } else
    printf("read-only write: sig %d code %d addr ok %d\n", got_sig, got_code, got_addr == (uintptr_t)(ro + 3));

  long pg = sysconf(_SC_PAGESIZE);
  char *p = mmap(NULL, 2 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  mprotect(p + pg, pg, PROT_NONE);
  if (sigsetjmp(env, 1) == 0) {
    (void)*(volatile char *)(p + pg + 100);
    printf("no fault?\n");
  } else
    printf("PROT_NONE read: sig %d code %d offset %ld\n", got_sig, got_code, (long)(got_addr - (uintptr_t)p));
  munmap(p + pg, pg);
  if (sigsetjmp(env, 1) == 0) {
    (void)*(volatile char *)(p + pg + 8);
    printf("no fault?\n");
  } else
    printf("after munmap: sig %d code %d offset %ld\n", got_sig, got_code, (long)(got_addr - (uintptr_t)p));

  /* A misaligned exclusive load: SIGBUS BUS_ADRALN at the address. */
  static uint64_t words[4];
  if (sigsetjmp(env, 1) == 0) {
    uint64_t v;
    __asm__ volatile("ldaxr %0, [%1]" : "=r"(v) : "r"((char *)words + 3) : "memory");
    printf("no fault? %lu\n", (unsigned long)v);
  } else
    printf("misaligned ldaxr: sig %d code %d offset %ld\n", got_sig, got_code, (long)(got_addr - (uintptr_t)words));

  /* The mask is restored by siglongjmp (savemask 1): SIGSEGV is deliverable again. */
  sigset_t cur;
  sigprocmask(SIG_BLOCK, NULL, &cur);
  printf("SIGSEGV blocked after siglongjmp: %d\n", sigismember(&cur, SIGSEGV));

  if (sigsetjmp(env, 1) == 0) {
    __asm__ volatile("adr x9, 1f\n\tstr x9, [%0]\n1:\t.inst 0x00000000" : : "r"(&label) : "x9", "memory");
    printf("no fault?\n");
  } else
    printf("undefined instruction: sig %d code set %d addr-label %ld\n", got_sig, got_code != 0, (long)(got_addr - label));

  if (sigsetjmp(env, 1) == 0) {
    __asm__ volatile("adr x9, 1f\n\tstr x9, [%0]\n1:\tbrk #7" : : "r"(&label) : "x9", "memory");
    printf("no fault?\n");
  } else
    printf("brk: sig %d code %d addr-label %ld\n", got_sig, got_code, (long)(got_addr - label));

  if (sigsetjmp(env, 1) == 0) {
    void (*fn)(void) = (void (*)(void))(uintptr_t)0x1000;
    fn();
    printf("no fault?\n");
  } else
    printf("jump to unmapped: sig %d code %d addr %#lx\n", got_sig, got_code, (unsigned long)got_addr);

  /* The handler changes the saved pc to skip the load, and x20. */
  sa.sa_sigaction = skip_handler;
  sigaction(SIGSEGV, &sa, NULL);
  uint64_t x20;
  __asm__ volatile("mov x19, #777\n\tmov x20, #1\n\tadr x9, 1f\n\tstr x9, [%1]\n\tmov x9, #16\n1:\tldr x10, [x9]\n\tmov %0, x20"
                   : "=r"(x20) : "r"(&label) : "x9", "x10", "x19", "x20", "memory");
  printf("skipped: sig %d code %d x19 %lu pc-label %lu x20 %lu\n", got_sig, got_code, (unsigned long)saved_x19,
         (unsigned long)saved_pc_delta, (unsigned long)x20);
  return 0;
}
