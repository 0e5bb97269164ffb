/* (PRIO_PGRP and PRIO_USER are left out: under qemu they reach host processes.)
   Nice values, scheduler policies and their limits, personality, membarrier, mincore and mlockall. */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/personality.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <linux/membarrier.h>

static void show(const char *what, long r) {
  if (r < 0) printf("%s = -1 %s\n", what, strerror(errno));
  else printf("%s = %ld\n", what, r);
}

int main(void) {
  show("getpriority raw", syscall(SYS_getpriority, PRIO_PROCESS, 0));
  show("setpriority(5)", setpriority(PRIO_PROCESS, 0, 5));
  show("getpriority raw", syscall(SYS_getpriority, PRIO_PROCESS, 0));
  show("setpriority(50) clamps to 19", setpriority(PRIO_PROCESS, 0, 50));
  show("getpriority raw", syscall(SYS_getpriority, PRIO_PROCESS, 0));
  show("getpriority(bad which)", syscall(SYS_getpriority, 7, 0));
  show("getpriority(no such pid)", syscall(SYS_getpriority, PRIO_PROCESS, 999999));
  show("setpriority(-3) as root", setpriority(PRIO_PROCESS, 0, -3));
  show("getpriority raw", syscall(SYS_getpriority, PRIO_PROCESS, 0));

  int pols[] = {SCHED_OTHER, SCHED_FIFO, SCHED_RR, SCHED_BATCH, SCHED_IDLE, SCHED_DEADLINE, 4, 8};
  for (int i = 0; i < 8; i++) {
    printf("policy %d: ", pols[i]);
    show("max", sched_get_priority_max(pols[i]));
    printf("policy %d: ", pols[i]);
    show("min", sched_get_priority_min(pols[i]));
  }
  struct sched_param sp = {0};
  show("getscheduler", sched_getscheduler(0));
  show("getscheduler(-1)", sched_getscheduler(-1));
  show("getscheduler(no such pid)", sched_getscheduler(999999));
  sp.sched_priority = 5;
  show("setscheduler(OTHER, 5)", sched_setscheduler(0, SCHED_OTHER, &sp));
  show("setscheduler(FIFO, 5)", sched_setscheduler(0, SCHED_FIFO, &sp));
  show("getscheduler", sched_getscheduler(0));
  struct timespec ts;
  show("rr_get_interval(FIFO)", sched_rr_get_interval(0, &ts));
  printf("FIFO slice %ld.%09ld\n", (long)ts.tv_sec, ts.tv_nsec);
  sp.sched_priority = 0;
  show("setparam(0) under FIFO", sched_setparam(0, &sp));
  sp.sched_priority = 42;
  show("setscheduler(RR, 42)", sched_setscheduler(0, SCHED_RR, &sp));
  show("rr_get_interval(RR)", sched_rr_get_interval(0, &ts));
  printf("RR slice %ld.%09ld\n", (long)ts.tv_sec, ts.tv_nsec);
  sp.sched_priority = 7;
  show("setparam(7)", sched_setparam(0, &sp));
  sp.sched_priority = -1;
  show("getparam", sched_getparam(0, &sp));
  printf("priority %d\n", sp.sched_priority);
  sp.sched_priority = 100;
  show("setscheduler(RR, 100)", sched_setscheduler(0, SCHED_RR, &sp));
  sp.sched_priority = 0;
  show("setscheduler(DEADLINE)", sched_setscheduler(0, SCHED_DEADLINE, &sp));
  show("setscheduler(9)", sched_setscheduler(0, 9, &sp));
  show("setscheduler(NULL param)", syscall(SYS_sched_setscheduler, 0, SCHED_OTHER, NULL));
  show("setscheduler(BATCH|RESET_ON_FORK)", sched_setscheduler(0, SCHED_BATCH | SCHED_RESET_ON_FORK, &sp));
  show("getscheduler", sched_getscheduler(0));
  show("setscheduler(IDLE)", sched_setscheduler(0, SCHED_IDLE, &sp));
  show("getscheduler", sched_getscheduler(0));
  show("getparam", sched_getparam(0, &sp));
  printf("priority %d\n", sp.sched_priority);
  show("rr_get_interval(IDLE) ok", sched_rr_get_interval(0, &ts));

  show("personality(query)", personality(0xffffffff));
  show("personality(ADDR_NO_RANDOMIZE)", personality(ADDR_NO_RANDOMIZE));
  show("personality(query)", personality(0xffffffff));
  show("personality(PER_LINUX)", personality(PER_LINUX));
  show("personality(query)", personality(0xffffffff));

  show("membarrier(private expedited, unregistered)", syscall(SYS_membarrier, MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0, 0));
  show("membarrier(register private expedited)",
       syscall(SYS_membarrier, MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED, 0, 0));
  show("membarrier(private expedited)", syscall(SYS_membarrier, MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0, 0));
  show("membarrier(sync core, unregistered)",
       syscall(SYS_membarrier, MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE, 0, 0));
  show("membarrier(register sync core)",
       syscall(SYS_membarrier, MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE, 0, 0));
  show("membarrier(sync core)", syscall(SYS_membarrier, MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE, 0, 0));
  show("membarrier(global)", syscall(SYS_membarrier, MEMBARRIER_CMD_GLOBAL, 0, 0));
  show("membarrier(global expedited)", syscall(SYS_membarrier, MEMBARRIER_CMD_GLOBAL_EXPEDITED, 0, 0));
  show("membarrier(query, flags 1)", syscall(SYS_membarrier, MEMBARRIER_CMD_QUERY, 1, 0));
  show("membarrier(1 << 12)", syscall(SYS_membarrier, 1 << 12, 0, 0));
  long q = syscall(SYS_membarrier, MEMBARRIER_CMD_QUERY, 0, 0);
  printf("membarrier query without rseq bits = %lx\n", q & 0x7f);
  printf("membarrier query raw = %lx\n", q);

  long pg = sysconf(_SC_PAGESIZE);
  unsigned char *m = mmap(NULL, 8 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  m[0] = 1;
  m[3 * pg + 5] = 1;
  unsigned char vec[8];
  show("mincore", mincore(m, 8 * pg - 100, vec));
  printf("vec:");
  for (int i = 0; i < 8; i++) printf(" %d", vec[i] & 1);
  printf("\n");
  show("mincore(unaligned)", mincore(m + 1, pg, vec));
  munmap(m + 4 * pg, pg);
  show("mincore(hole)", mincore(m, 8 * pg, vec));
  show("mincore(bad vec)", mincore(m, pg, (unsigned char *)8));
  show("mincore(len 0)", mincore(m, 0, vec));

  show("mlockall(0)", mlockall(0));
  show("mlockall(ONFAULT)", mlockall(MCL_ONFAULT));
  show("mlockall(8)", mlockall(8));
  show("mlockall(CURRENT|FUTURE)", mlockall(MCL_CURRENT | MCL_FUTURE));
  show("munlockall", munlockall());
  return 0;
}
