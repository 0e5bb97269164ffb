/* Priority and policy rules for a process that is not root: RLIMIT_NICE, RLIMIT_RTPRIO, SCHED_IDLE, ownership. */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/syscall.h>

static void show(const char *what, long r) {
  if (r < 0) printf("%s = -1 %s\n", what, strerror(errno));
  else printf("%s = %ld\n", what, r);
}

int main(void) {
  struct rlimit none = {0, 0};
  show("setrlimit(NICE, 0)", setrlimit(RLIMIT_NICE, &none));
  show("setrlimit(RTPRIO, 0)", setrlimit(RLIMIT_RTPRIO, &none));
  show("setresuid(1000,1000,1000)", setresuid(1000, 1000, 1000));
  show("setpriority(-1)", setpriority(PRIO_PROCESS, 0, -1));
  show("setpriority(5)", setpriority(PRIO_PROCESS, 0, 5));
  show("setpriority(3)", setpriority(PRIO_PROCESS, 0, 3));
  show("setpriority(7)", setpriority(PRIO_PROCESS, 0, 7));
  show("getpriority raw", syscall(SYS_getpriority, PRIO_PROCESS, 0));
  struct sched_param sp = {1};
  show("setscheduler(FIFO, 1)", sched_setscheduler(0, SCHED_FIFO, &sp));
  sp.sched_priority = 0;
  show("setscheduler(BATCH|RESET_ON_FORK)", sched_setscheduler(0, SCHED_BATCH | SCHED_RESET_ON_FORK, &sp));
  show("setscheduler(BATCH) clears reset-on-fork", sched_setscheduler(0, SCHED_BATCH, &sp));
  show("setscheduler(IDLE|RESET_ON_FORK)", sched_setscheduler(0, SCHED_IDLE | SCHED_RESET_ON_FORK, &sp));
  show("getscheduler", sched_getscheduler(0));
  show("setscheduler(OTHER|RESET_ON_FORK) leaving IDLE", sched_setscheduler(0, SCHED_OTHER | SCHED_RESET_ON_FORK, &sp));
  show("getscheduler", sched_getscheduler(0));
  struct rlimit nice = {20, 20};
  show("setrlimit(NICE, 20) raising the hard limit", setrlimit(RLIMIT_NICE, &nice));
  show("setrlimit(NICE, 0)", setrlimit(RLIMIT_NICE, &none));
  return 0;
}
