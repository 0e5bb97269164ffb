// The qemu-aarch64 side of the ldst test vectors (test/cpu/a64/ldst-qemu.test.ts):
// reads cases on stdin (one line: word count, words, X0-X30, SP, NZCV, V0-V7 halves,
// all hex), runs each at 0x1000004 and prints the result line that
// test/cpu/a64/ldst-machine.ts parses. Regenerate with test/guest/ldst/gen-vectors.mjs.
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <setjmp.h>
#include <stdint.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <asm/sigcontext.h>
#define CODE 0x1000000UL
#define DATA 0x20000000UL
struct st { uint64_t x[31]; uint64_t sp; uint64_t nzcv; uint64_t pad; uint64_t v[16]; } __attribute__((aligned(16)));
struct st in, out;
uint64_t save[24];
extern void run_test(void); extern char back[];
asm(
".global run_test\n run_test:\n"
" adrp x9, save\n add x9, x9, :lo12:save\n"
" stp x19,x20,[x9,#0]\n stp x21,x22,[x9,#16]\n stp x23,x24,[x9,#32]\n stp x25,x26,[x9,#48]\n stp x27,x28,[x9,#64]\n stp x29,x30,[x9,#80]\n"
" mov x10, sp\n str x10,[x9,#96]\n mrs x10, tpidr_el0\n str x10,[x9,#104]\n"
" stp d8,d9,[x9,#112]\n stp d10,d11,[x9,#128]\n stp d12,d13,[x9,#144]\n stp d14,d15,[x9,#160]\n"
" clrex\n adrp x9, in\n add x9, x9, :lo12:in\n"
" movi v8.16b, #0\n movi v9.16b, #0\n movi v10.16b, #0\n movi v11.16b, #0\n movi v12.16b, #0\n movi v13.16b, #0\n movi v14.16b, #0\n movi v15.16b, #0\n movi v16.16b, #0\n movi v17.16b, #0\n movi v18.16b, #0\n movi v19.16b, #0\n movi v20.16b, #0\n movi v21.16b, #0\n movi v22.16b, #0\n movi v23.16b, #0\n movi v24.16b, #0\n movi v25.16b, #0\n movi v26.16b, #0\n movi v27.16b, #0\n movi v28.16b, #0\n movi v29.16b, #0\n movi v30.16b, #0\n movi v31.16b, #0\n ldp q0,q1,[x9,#272]\n ldp q2,q3,[x9,#304]\n ldp q4,q5,[x9,#336]\n ldp q6,q7,[x9,#368]\n"
" ldr x10,[x9,#256]\n msr nzcv, x10\n ldr x10,[x9,#248]\n mov sp, x10\n"
" ldp x0,x1,[x9,#0]\n ldp x2,x3,[x9,#16]\n ldp x4,x5,[x9,#32]\n ldp x6,x7,[x9,#48]\n ldp x10,x11,[x9,#80]\n ldp x12,x13,[x9,#96]\n"
" ldp x14,x15,[x9,#112]\n ldp x16,x17,[x9,#128]\n ldp x18,x19,[x9,#144]\n ldp x20,x21,[x9,#160]\n ldp x22,x23,[x9,#176]\n ldp x24,x25,[x9,#192]\n"
" ldp x26,x27,[x9,#208]\n ldp x28,x29,[x9,#224]\n ldr x30,[x9,#240]\n ldr x8,[x9,#64]\n mov x9, #0x1000000\n br x9\n"
".global back\n back:\n"
" msr tpidr_el0, x9\n adrp x9, out\n add x9, x9, :lo12:out\n"
" stp x0,x1,[x9,#0]\n stp x2,x3,[x9,#16]\n stp x4,x5,[x9,#32]\n stp x6,x7,[x9,#48]\n str x8,[x9,#64]\n stp x10,x11,[x9,#80]\n stp x12,x13,[x9,#96]\n"
" stp x14,x15,[x9,#112]\n stp x16,x17,[x9,#128]\n stp x18,x19,[x9,#144]\n stp x20,x21,[x9,#160]\n stp x22,x23,[x9,#176]\n stp x24,x25,[x9,#192]\n"
" stp x26,x27,[x9,#208]\n stp x28,x29,[x9,#224]\n str x30,[x9,#240]\n"
" mrs x10, nzcv\n str x10,[x9,#256]\n mov x10, sp\n str x10,[x9,#248]\n mrs x10, tpidr_el0\n str x10,[x9,#72]\n"
" stp q0,q1,[x9,#272]\n stp q2,q3,[x9,#304]\n stp q4,q5,[x9,#336]\n stp q6,q7,[x9,#368]\n"
" adrp x9, save\n add x9, x9, :lo12:save\n"
" ldp x19,x20,[x9,#0]\n ldp x21,x22,[x9,#16]\n ldp x23,x24,[x9,#32]\n ldp x25,x26,[x9,#48]\n ldp x27,x28,[x9,#64]\n ldp x29,x30,[x9,#80]\n"
" ldr x10,[x9,#96]\n mov sp, x10\n ldr x10,[x9,#104]\n msr tpidr_el0, x10\n"
" ldp d8,d9,[x9,#112]\n ldp d10,d11,[x9,#128]\n ldp d12,d13,[x9,#144]\n ldp d14,d15,[x9,#160]\n ret\n");
static sigjmp_buf jb; static int gsig, gcode; static uint64_t gaddr, gpc;
static void handler(int s, siginfo_t *si, void *uv) {
  ucontext_t *uc = uv; gsig = s; gcode = si->si_code; gaddr = (uint64_t)si->si_addr;
  gpc = uc->uc_mcontext.pc;
  for (int i = 0; i < 31; i++) out.x[i] = uc->uc_mcontext.regs[i];
  out.sp = uc->uc_mcontext.sp; out.nzcv = uc->uc_mcontext.pstate & 0xf0000000UL;
  struct _aarch64_ctx *c = (void *)uc->uc_mcontext.__reserved;
  while (c->magic) { if (c->magic == FPSIMD_MAGIC) { struct fpsimd_context *f = (void *)c; memcpy(out.v, f->vregs, 128); break; } c = (void *)((char *)c + c->size); }
  siglongjmp(jb, 1);
}
static uint8_t pat(unsigned i) { return (uint8_t)(i * 0x9d + 0x5b); }
int main(void) {
  uint32_t *code = mmap((void *)CODE, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
  uint8_t *data = mmap((void *)DATA, 3 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
  for (unsigned i = 0; i < 3 * 4096; i++) data[i] = pat(i);
  mprotect(data + 8192, 4096, PROT_READ);
  stack_t ss = { .ss_sp = malloc(65536), .ss_size = 65536 }; sigaltstack(&ss, 0);
  struct sigaction sa; memset(&sa, 0, sizeof sa); sa.sa_sigaction = handler; sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
  sigaction(SIGSEGV, &sa, 0); sigaction(SIGBUS, &sa, 0); sigaction(SIGILL, &sa, 0); sigaction(SIGTRAP, &sa, 0);
  char line[8192];
  while (fgets(line, sizeof line, stdin)) {
    char *p = line; unsigned n = strtoul(p, &p, 16);
    if (n == 0 || n > 100) { printf("bad\n"); fflush(stdout); continue; }
    code[0] = 0x58000000 | (0x3fe << 5) | 9;
    for (unsigned i = 0; i < n; i++) code[1 + i] = strtoul(p, &p, 16);
    long off = (long)back - (long)(CODE + 4 + 4 * n);
    code[n + 1] = 0x14000000 | ((off >> 2) & 0x3ffffff);
    for (int i = 0; i < 31; i++) in.x[i] = strtoull(p, &p, 16);
    *(uint64_t *)((char *)code + 0xff8) = in.x[9];
    __builtin___clear_cache((char *)code, (char *)code + 4096);
    in.sp = strtoull(p, &p, 16); in.nzcv = strtoull(p, &p, 16);
    for (int i = 0; i < 16; i++) in.v[i] = strtoull(p, &p, 16);
    for (unsigned i = 0; i < 8192; i++) data[i] = pat(i);
    memset(&out, 0, sizeof out);
    gsig = 0; gcode = 0; gaddr = 0; gpc = 0;
    if (!sigsetjmp(jb, 1)) run_test();
    printf("%d %d %lx %lx", gsig, gcode, gaddr, gsig ? (gpc - CODE - 4) / 4 : n);
    for (int i = 0; i < 31; i++) printf(" %lx", out.x[i]);
    printf(" %lx %lx", out.sp, out.nzcv);
    for (int i = 0; i < 16; i++) printf(" %lx", out.v[i]);
    printf(" |");
    for (unsigned i = 0; i < 8192; i++) if (data[i] != pat(i)) printf(" %x:%x", i, data[i]);
    printf("\n"); fflush(stdout);
  }
  return 0;
}
