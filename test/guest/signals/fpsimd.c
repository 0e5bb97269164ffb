/* FP/SIMD state across a handler: all 32 V registers, FPCR, FPSR and NZCV
 * come back after a handler that clobbers them; a handler that edits the
 * FPSIMD record of its ucontext changes the registers it returns to. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include <unistd.h>

static uint8_t before[32][16], after[32][16];
static volatile int edit, magic_ok, size_ok;

static void clobber(int sig, siginfo_t *si, void *ucv) {
  (void)sig, (void)si;
  __asm__ volatile(
      "movi v0.16b, #0xee\n\tmov v1.16b, v0.16b\n\tmov v2.16b, v0.16b\n\tmov v3.16b, v0.16b\n\t"
      "mov v4.16b, v0.16b\n\tmov v5.16b, v0.16b\n\tmov v8.16b, v0.16b\n\tmov v9.16b, v0.16b\n\t"
      "mov v15.16b, v0.16b\n\tmov v16.16b, v0.16b\n\tmov v31.16b, v0.16b\n\t"
      "msr fpcr, xzr\n\tmsr fpsr, xzr\n\tcmp xzr, xzr" ::: "v0", "v1", "v2", "v3", "v4", "v5", "v8", "v9", "v15",
      "v16", "v31", "cc");
  ucontext_t *uc = ucv;
  struct fpsimd_context *fp = (struct fpsimd_context *)uc->uc_mcontext.__reserved;
  magic_ok = fp->head.magic == FPSIMD_MAGIC;
  size_ok = fp->head.size == sizeof(struct fpsimd_context);
  struct _aarch64_ctx *end = (struct _aarch64_ctx *)((char *)fp + fp->head.size);
  magic_ok = magic_ok && end->magic == 0 && end->size == 0;
  if (edit) {
    memset(&fp->vregs[7], 0x5a, 16);
    fp->fpsr |= 1; /* IOC */
    uc->uc_mcontext.pstate = (uc->uc_mcontext.pstate & ~0xf0000000UL) | 0x20000000UL; /* C only */
  }
}

static uint64_t run(uint64_t *fpcr, uint64_t *fpsr) {
  uint64_t nzcv;
  register long x0 __asm__("x0") = getpid();
  register long x1 __asm__("x1") = gettid();
  register long x2 __asm__("x2") = SIGUSR1;
  register long x8 __asm__("x8") = SYS_tgkill;
  __asm__ volatile(
      "ldp q0, q1, [%[b]]\n\tldp q2, q3, [%[b], #32]\n\tldp q4, q5, [%[b], #64]\n\tldp q6, q7, [%[b], #96]\n\t"
      "ldp q8, q9, [%[b], #128]\n\tldp q10, q11, [%[b], #160]\n\tldp q12, q13, [%[b], #192]\n\t"
      "ldp q14, q15, [%[b], #224]\n\tldp q16, q17, [%[b], #256]\n\tldp q18, q19, [%[b], #288]\n\t"
      "ldp q20, q21, [%[b], #320]\n\tldp q22, q23, [%[b], #352]\n\tldp q24, q25, [%[b], #384]\n\t"
      "ldp q26, q27, [%[b], #416]\n\tldp q28, q29, [%[b], #448]\n\tldp q30, q31, [%[b], #480]\n\t"
      "mov x9, #0x00c00000\n\tmsr fpcr, x9\n\tmov x9, #0x10\n\tmsr fpsr, x9\n\t"
      "mov x9, #0x90000000\n\tmsr nzcv, x9\n\t"
      "svc #0\n\t"
      "mrs %[nzcv], nzcv\n\t"
      "stp q0, q1, [%[a]]\n\tstp q2, q3, [%[a], #32]\n\tstp q4, q5, [%[a], #64]\n\tstp q6, q7, [%[a], #96]\n\t"
      "stp q8, q9, [%[a], #128]\n\tstp q10, q11, [%[a], #160]\n\tstp q12, q13, [%[a], #192]\n\t"
      "stp q14, q15, [%[a], #224]\n\tstp q16, q17, [%[a], #256]\n\tstp q18, q19, [%[a], #288]\n\t"
      "stp q20, q21, [%[a], #320]\n\tstp q22, q23, [%[a], #352]\n\tstp q24, q25, [%[a], #384]\n\t"
      "stp q26, q27, [%[a], #416]\n\tstp q28, q29, [%[a], #448]\n\tstp q30, q31, [%[a], #480]\n\t"
      "mrs x9, fpcr\n\tstr x9, [%[fpcr]]\n\tmrs x9, fpsr\n\tstr x9, [%[fpsr]]\n\t"
      "msr fpcr, xzr"
      : [nzcv] "=&r"(nzcv), "+r"(x0)
      : [b] "r"(before), [a] "r"(after), [fpcr] "r"(fpcr), [fpsr] "r"(fpsr), "r"(x1), "r"(x2), "r"(x8)
      : "x9", "memory", "cc", "v0", "v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8", "v9", "v10", "v11", "v12", "v13",
        "v14", "v15", "v16", "v17", "v18", "v19", "v20", "v21", "v22", "v23", "v24", "v25", "v26", "v27", "v28", "v29",
        "v30", "v31");
  return nzcv;
}

int main(void) {
  for (int r = 0; r < 32; r++)
    for (int i = 0; i < 16; i++) before[r][i] = (uint8_t)(r * 16 + i + 1);
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = clobber;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGUSR1, &sa, NULL);
  uint64_t fpcr = 0, fpsr = 0;
  uint64_t nzcv = run(&fpcr, &fpsr);
  printf("record: magic and terminator %d, size %d\n", magic_ok, size_ok);
  printf("V registers preserved: %d\n", memcmp(before, after, sizeof before) == 0);
  printf("fpcr %#lx fpsr %#lx nzcv %#lx\n", (unsigned long)fpcr, (unsigned long)fpsr, (unsigned long)nzcv);
  edit = 1;
  nzcv = run(&fpcr, &fpsr);
  int same_others = 1;
  for (int r = 0; r < 32; r++)
    if (r != 7 && memcmp(before[r], after[r], 16)) same_others = 0;
  printf("edited: v7 byte %#x, others preserved %d, fpsr %#lx nzcv %#lx\n", after[7][3], same_others,
         (unsigned long)fpsr, (unsigned long)nzcv);
  return 0;
}
