/* What a forked child inherits: ids, groups, nice, personality; SCHED_RESET_ON_FORK; membarrier registration is per mm. */
#define _GNU_SOURCE
#include <errno.h>
#include <grp.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/personality.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <linux/membarrier.h>

static void report(const char *who) {
  uid_t r, e, s;
  gid_t gr, ge, gs, g[4];
  getresuid(&r, &e, &s);
  getresgid(&gr, &ge, &gs);
  int n = getgroups(4, g);
  struct sched_param sp;
  sched_getparam(0, &sp);
  printf("%s: uid %u %u %u gid %u %u %u groups %d (%u) nice %ld policy %#x prio %d personality %#x membarrier %ld\n", who,
         r, e, s, gr, ge, gs, n, n > 0 ? g[0] : 0, 20 - syscall(SYS_getpriority, PRIO_PROCESS, 0),
         sched_getscheduler(0), sp.sched_priority, personality(0xffffffff),
         syscall(SYS_membarrier, MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0, 0) < 0 ? -errno : 0L);
  fflush(stdout);
}

int main(void) {
  gid_t g = 77;
  setgroups(1, &g);
  setpriority(PRIO_PROCESS, 0, -4);
  struct sched_param sp = {3};
  sched_setscheduler(0, SCHED_RR | SCHED_RESET_ON_FORK, &sp);
  setresgid(5, 6, 7);
  setresuid(0, 8, 9);
  personality(ADDR_NO_RANDOMIZE);
  syscall(SYS_membarrier, MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED, 0, 0);
  report("parent");
  pid_t c = fork();
  if (c == 0) {
    report("child");
    return 0;
  }
  waitpid(c, NULL, 0);
  return 0;
}
