// cflags: -O1 -fno-stack-protector
/*
 * The difftest harness: runs random A64 instruction sequences under
 * qemu-aarch64 and reports the architectural state they leave, risu-style.
 * The TypeScript side (test/difftest/) runs the same cases in armvisor and
 * compares. Record formats: docs/DIFFTEST.md (keep in sync with
 * test/difftest/case-format.ts).
 *
 * How one case runs:
 *   1. main() reads a case from stdin, fills the data block (from its seed)
 *      and the code page (instructions + the terminating `brk #0x7a7`).
 *   2. main() executes `brk #0x7a6` (setup_trap). The SIGTRAP handler saves
 *      the harness's own signal context, writes the case's registers (X0-X30,
 *      SP, PC, NZCV, V0-V31, FPCR, FPSR; TPIDR_EL0 by MSR) into the ucontext
 *      and returns: rt_sigreturn loads them all and jumps to the code page.
 *   3. The sequence ends in the terminating BRK (SIGTRAP) or faults
 *      (SIGSEGV, SIGBUS, SIGILL, SIGFPE, another SIGTRAP), or loops until its
 *      CPU-time limit (SIGVTALRM). The handler records
 *      signal, si_code, si_addr, PC and every register from the ucontext, then
 *      puts the saved harness context back (PC after setup_trap) and returns.
 *   4. main() appends the 8-byte words of the data block that changed and
 *      writes the result record to stdout.
 * All handlers run on an alternate stack: the case's SP is arbitrary.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/time.h>
#include <ucontext.h>
#include <unistd.h>
#include <asm/sigcontext.h>

#define CODE_ADDR 0x20000000UL
#define CODE_SIZE 0x1000UL
#define DATA_ADDR 0x10000000UL
#define DATA_SIZE 0x10000UL
#define GUARD_SIZE 0x10000UL
#define MAX_INSNS 1000
#define CASE_CPU_LIMIT_US 200000 /* CPU time a case may take before SIGVTALRM ends it */

#define CASE_MAGIC 0x31435444u   /* "DTC1" */
#define RESULT_MAGIC 0x31525444u /* "DTR1" */
#define END_BRK 0xd420f4e0u      /* brk #0x7a7 */

struct case_hdr {
  uint32_t magic, ninsn, data_seed, flags;
  uint64_t x[31], sp, tpidr;
  uint32_t nzcv, fpcr, fpsr, pad;
  uint8_t v[32][16];
};

struct result_hdr {
  uint32_t magic, signo, si_code, ndiff;
  uint64_t fault_addr, pc;
  uint64_t x[31], sp, tpidr;
  uint32_t nzcv, fpcr, fpsr, pad;
  uint8_t v[32][16];
};

struct diff {
  uint32_t off, pad;
  uint8_t bytes[8];
};

_Static_assert(sizeof(struct case_hdr) == 808, "case header layout");
_Static_assert(sizeof(struct result_hdr) == 824, "result header layout");

static struct case_hdr cur;
static uint32_t insns[MAX_INSNS];
static struct result_hdr res;
static struct diff diffs[DATA_SIZE / 8];
static uint64_t pristine[DATA_SIZE / 8];
static mcontext_t saved_mc;
static uint64_t harness_tpidr;
static volatile int running;

static void die(const char *msg) {
  fprintf(stderr, "difftest harness: %s (errno %d)\n", msg, errno);
  _exit(2);
}

static struct fpsimd_context *find_fpsimd(mcontext_t *mc) {
  uint8_t *p = (uint8_t *)mc->__reserved;
  uint8_t *end = p + sizeof(mc->__reserved);
  while (p + sizeof(struct _aarch64_ctx) <= end) {
    struct _aarch64_ctx *h = (struct _aarch64_ctx *)p;
    if (h->magic == FPSIMD_MAGIC) return (struct fpsimd_context *)p;
    if (h->magic == 0 || h->size == 0) break;
    p += h->size;
  }
  return NULL;
}

/* The trap main() raises to enter a case. */
extern const uint32_t setup_trap[];
__attribute__((noinline)) static void enter_case(void) {
  __asm__ volatile(".globl setup_trap\nsetup_trap: brk #0x7a6" ::: "memory");
}

static void handler(int sig, siginfo_t *si, void *vuc) {
  uint64_t case_tpidr;
  /* First: give the harness its TLS back (the case may have written TPIDR_EL0). */
  __asm__ volatile("mrs %0, tpidr_el0" : "=r"(case_tpidr));
  __asm__ volatile("msr tpidr_el0, %0" ::"r"(harness_tpidr));
  ucontext_t *uc = vuc;
  mcontext_t *mc = &uc->uc_mcontext;
  struct fpsimd_context *fp = find_fpsimd(mc);
  if (!fp) die("no fpsimd_context in the signal frame");
  if (!running) {
    if (sig == SIGVTALRM) return; /* the case timer expired just as the case ended */
    if (sig != SIGTRAP || mc->pc != (uint64_t)(uintptr_t)setup_trap) die("unexpected signal in the harness");
    memcpy(&saved_mc, mc, sizeof saved_mc);
    memcpy(mc->regs, cur.x, sizeof cur.x);
    mc->sp = cur.sp;
    mc->pc = CODE_ADDR;
    /* NZCV from the case; DIT (24), TCO (25) and SSBS (12) start clear. */
    mc->pstate = (mc->pstate & 0x0fffffffULL & ~((1ULL << 24) | (1ULL << 25) | (1ULL << 12))) | (cur.nzcv & 0xf0000000u);
    memcpy(fp->vregs, cur.v, sizeof cur.v);
    fp->fpcr = cur.fpcr;
    fp->fpsr = cur.fpsr;
    running = 1;
    __asm__ volatile("msr tpidr_el0, %0" ::"r"(cur.tpidr));
    return;
  }
  res.signo = sig;
  res.si_code = si->si_code;
  res.fault_addr = (uint64_t)(uintptr_t)si->si_addr;
  res.pc = mc->pc;
  memcpy(res.x, mc->regs, sizeof res.x);
  res.sp = mc->sp;
  res.tpidr = case_tpidr;
  res.nzcv = (uint32_t)(mc->pstate & 0xf0000000u);
  res.fpcr = fp->fpcr;
  res.fpsr = fp->fpsr;
  memcpy(res.v, fp->vregs, sizeof res.v);
  memcpy(mc, &saved_mc, sizeof saved_mc);
  mc->pc += 4;
  running = 0;
}

static uint64_t base_block[DATA_SIZE / 8];

/* mulberry32, one 32-bit word per step: the fixed base block. */
static void fill_base(void) {
  uint32_t *w = (uint32_t *)base_block;
  uint32_t s = 0x9e3779b9u;
  for (size_t i = 0; i < DATA_SIZE / 4; i++) {
    s += 0x6d2b79f5u;
    uint32_t t = s;
    t = (t ^ (t >> 15)) * (t | 1u);
    t ^= t + (t ^ (t >> 7)) * (t | 61u);
    w[i] = t ^ (t >> 14);
  }
}

/* The case's initial data block: the base block rotated by a seed-derived
 * number of 8-byte words, XORed with a seed-derived mask. Mirrors
 * test/difftest/data-block.ts. */
static void fill_pristine(uint32_t seed) {
  const size_t n = DATA_SIZE / 8;
  size_t rot = (seed >> 19) & (n - 1);
  uint64_t m0 = (uint32_t)(seed * 0x9e3779b1u);
  uint64_t m1 = (uint32_t)((seed ^ 0x5bd1e995u) * 0x85ebca6bu);
  uint64_t mask = m0 | (m1 << 32);
  for (size_t i = 0; i < n; i++) pristine[i] = base_block[(i + rot) & (n - 1)] ^ mask;
}

static int read_all(void *buf, size_t n) {
  uint8_t *p = buf;
  size_t got = 0;
  while (got < n) {
    ssize_t r = read(0, p + got, n - got);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) die("read");
    if (r == 0) return got == 0 ? 0 : -1;
    got += (size_t)r;
  }
  return 1;
}

static void write_all(const void *buf, size_t n) {
  const uint8_t *p = buf;
  while (n > 0) {
    ssize_t r = write(1, p, n);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) die("write");
    p += r;
    n -= (size_t)r;
  }
}

static void *map_fixed(unsigned long addr, unsigned long size, int prot) {
  void *p = mmap((void *)addr, size, prot, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
  if (p != (void *)addr) die("mmap at a fixed address");
  return p;
}

/* Fail loudly if something already lives in a guard area (it must fault). */
static void check_unmapped(unsigned long addr, unsigned long size) {
  void *p = mmap((void *)addr, size, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
  if (p != (void *)addr) die("guard area around the code page or data block is mapped");
  munmap(p, size);
}

int main(void) {
  __asm__ volatile("mrs %0, tpidr_el0" : "=r"(harness_tpidr));
  fill_base();
  check_unmapped(DATA_ADDR - GUARD_SIZE, GUARD_SIZE);
  check_unmapped(DATA_ADDR + DATA_SIZE, GUARD_SIZE);
  check_unmapped(CODE_ADDR - GUARD_SIZE, GUARD_SIZE);
  check_unmapped(CODE_ADDR + CODE_SIZE, GUARD_SIZE);
  uint32_t *code = map_fixed(CODE_ADDR, CODE_SIZE, PROT_READ | PROT_WRITE | PROT_EXEC);
  uint8_t *data = map_fixed(DATA_ADDR, DATA_SIZE, PROT_READ | PROT_WRITE);

  static uint8_t altstack[256 * 1024];
  stack_t ss = {.ss_sp = altstack, .ss_size = sizeof altstack, .ss_flags = 0};
  if (sigaltstack(&ss, NULL) != 0) die("sigaltstack");
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = handler;
  sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
  sigfillset(&sa.sa_mask);
  /* SIGVTALRM: the per-case CPU-time limit (a case that loops, e.g. BLR then RET). */
  const int sigs[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGVTALRM};
  for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
    if (sigaction(sigs[i], &sa, NULL) != 0) die("sigaction");

  for (;;) {
    int r = read_all(&cur, sizeof cur);
    if (r == 0) break;
    if (r < 0) die("truncated case header");
    if (cur.magic != CASE_MAGIC) die("bad case magic");
    if (cur.ninsn > MAX_INSNS) die("too many instructions");
    if (cur.ninsn && read_all(insns, cur.ninsn * 4) != 1) die("truncated instructions");

    fill_pristine(cur.data_seed);
    memcpy(data, pristine, DATA_SIZE);
    memset(code, 0, CODE_SIZE);
    memcpy(code, insns, cur.ninsn * 4);
    code[cur.ninsn] = END_BRK;
    __builtin___clear_cache((char *)code, (char *)code + CODE_SIZE);

    memset(&res, 0, sizeof res);
    struct itimerval limit = {.it_interval = {0, 0}, .it_value = {0, CASE_CPU_LIMIT_US}};
    struct itimerval off = {{0, 0}, {0, 0}};
    setitimer(ITIMER_VIRTUAL, &limit, NULL);
    enter_case();
    setitimer(ITIMER_VIRTUAL, &off, NULL);

    res.magic = RESULT_MAGIC;
    uint32_t nd = 0;
    const uint64_t *now = (const uint64_t *)data;
    for (uint32_t i = 0; i < DATA_SIZE / 8; i++) {
      if (now[i] != pristine[i]) {
        diffs[nd].off = i * 8;
        diffs[nd].pad = 0;
        memcpy(diffs[nd].bytes, &now[i], 8);
        nd++;
      }
    }
    res.ndiff = nd;
    write_all(&res, sizeof res);
    if (nd) write_all(diffs, nd * sizeof diffs[0]);
  }
  return 0;
}
