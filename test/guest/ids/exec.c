/* What execve does to credentials (suid/fsuid follow euid; root's capabilities are recomputed), membarrier and personality. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/personality.h>
#include <sys/syscall.h>
#include <linux/capability.h>
#include <linux/membarrier.h>

static void report(const char *who) {
  uid_t r, e, s;
  getresuid(&r, &e, &s);
  struct __user_cap_header_struct h = {_LINUX_CAPABILITY_VERSION_3, 0};
  struct __user_cap_data_struct d[2];
  syscall(SYS_capget, &h, d);
  long mb = syscall(SYS_membarrier, MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0, 0);
  printf("%s: uid %u %u %u fsuid %ld eff %s prm %s personality %#x membarrier %s\n", who, r, e, s,
         syscall(SYS_setfsuid, -1), d[0].effective ? "some" : "none", d[0].permitted ? "some" : "none",
         personality(0xffffffff), mb == 0 ? "registered" : strerror(errno));
  fflush(stdout);
}

int main(int argc, char **argv) {
  if (argc > 1) {
    report(argv[1]);
    if (strcmp(argv[1], "euid 1000") == 0) {
      setresuid(1000, 1000, 1000);
      execl("/proc/self/exe", argv[0], "all 1000", (char *)NULL);
      perror("execl");
    }
    return 0;
  }
  personality(ADDR_NO_RANDOMIZE);
  syscall(SYS_membarrier, MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED, 0, 0);
  setresuid(0, 1000, 0);
  syscall(SYS_setfsuid, 0);
  report("before exec");
  execl("/proc/self/exe", argv[0], "euid 1000", (char *)NULL);
  perror("execl");
  return 1;
}
