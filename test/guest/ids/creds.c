/* Credentials as root drops them: set*id, setfs*id, groups and capabilities (Linux semantics; run as root). */
#define _GNU_SOURCE
#include <errno.h>
#include <grp.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <linux/capability.h>

static void show(const char *what, long r) {
  if (r < 0) printf("%s = -1 %s\n", what, strerror(errno));
  else printf("%s = %ld\n", what, r);
}

static void ids(const char *when) {
  uid_t r, e, s;
  gid_t gr, ge, gs;
  getresuid(&r, &e, &s);
  getresgid(&gr, &ge, &gs);
  long fsu = syscall(SYS_setfsuid, -1), fsg = syscall(SYS_setfsgid, -1);
  printf("%s: uid %u %u %u fsuid %ld gid %u %u %u fsgid %ld euid %u egid %u\n", when, r, e, s, fsu, gr, ge, gs, fsg,
         geteuid(), getegid());
}

/* The capabilities root started with: printed once raw, afterwards as what was dropped from them (qemu shows the host's root set, which may lack some). */
static unsigned root_eff[2];

/* A set as "all", "none", "only X" or "all but Y" relative to root's starting set. */
static void set(unsigned lo, unsigned hi) {
  if (lo == root_eff[0] && hi == root_eff[1]) printf("all");
  else if (lo == 0 && hi == 0) printf("none");
  else if (__builtin_popcount(lo) + __builtin_popcount(hi) < 16) printf("only %08x %08x", lo, hi);
  else printf("all but %08x %08x", root_eff[0] & ~lo, root_eff[1] & ~hi);
}

static void caps(const char *when) {
  struct __user_cap_header_struct h = {_LINUX_CAPABILITY_VERSION_3, 0};
  struct __user_cap_data_struct d[2];
  memset(d, 0, sizeof d);
  long r = syscall(SYS_capget, &h, d);
  if (!root_eff[0]) {
    root_eff[0] = d[0].effective;
    root_eff[1] = d[1].effective;
    printf("root set: eff %08x %08x prm %08x %08x inh %08x %08x\n", d[0].effective, d[1].effective, d[0].permitted,
           d[1].permitted, d[0].inheritable, d[1].inheritable);
    printf("%s: capget = %ld eff == prm %d, inh %x %x\n", when, r,
           d[0].effective == d[0].permitted && d[1].effective == d[1].permitted, d[0].inheritable, d[1].inheritable);
    return;
  }
  printf("%s: capget = %ld eff ", when, r);
  set(d[0].effective, d[1].effective);
  printf(" prm ");
  set(d[0].permitted, d[1].permitted);
  printf(" inh %08x %08x\n", d[0].inheritable, d[1].inheritable);
}

int main(void) {
  if (getuid() != 0) {
    printf("needs root\n");
    return 1;
  }
  caps("root");
  /* Probing the version: an unknown one with no data answers 0 and writes back v3. */
  struct __user_cap_header_struct h = {0x12345678, 0};
  show("capget(bad version, NULL)", syscall(SYS_capget, &h, NULL));
  printf("version written back %08x\n", h.version);
  h.version = 0x12345678;
  struct __user_cap_data_struct d[2];
  show("capget(bad version, data)", syscall(SYS_capget, &h, d));
  h.version = _LINUX_CAPABILITY_VERSION_3;
  h.pid = 999999;
  show("capget(no such pid)", syscall(SYS_capget, &h, d));

  gid_t g[4] = {30, 10, 20, 0};
  show("setgroups(4)", setgroups(4, g));
  gid_t out[8];
  long n = getgroups(8, out);
  printf("getgroups = %ld:", n);
  for (long i = 0; i < n; i++) printf(" %u", out[i]);
  printf("\n");
  show("getgroups(0)", getgroups(0, NULL));
  show("getgroups(2)", getgroups(2, out));
  show("setuid(-1)", syscall(SYS_setuid, -1));

  show("setresgid(100,101,102)", setresgid(100, 101, 102));
  show("setfsuid(7)", syscall(SYS_setfsuid, 7));
  caps("fsuid 7");
  show("setfsuid(0)", syscall(SYS_setfsuid, 0));
  show("setreuid(-1,1000)", setreuid(-1, 1000));
  ids("euid 1000");
  caps("euid 1000");
  show("seteuid(0)", seteuid(0));
  caps("euid back to 0");

  /* Drop caps except CAP_SETUID/SETGID through capset, then check the rules. */
  struct __user_cap_data_struct nd[2] = {{(1 << 6) | (1 << 7), (1 << 6) | (1 << 7), 0}, {0, 0, 0}};
  h.version = _LINUX_CAPABILITY_VERSION_3;
  h.pid = 0;
  show("capset(setuid|setgid)", syscall(SYS_capset, &h, nd));
  caps("after capset");
  nd[0].permitted = 0xffffffff;
  show("capset(raise permitted)", syscall(SYS_capset, &h, nd));
  nd[0].permitted = 1 << 7;
  nd[0].effective = 1 << 6;
  show("capset(effective beyond permitted)", syscall(SYS_capset, &h, nd));
  h.pid = 1;
  show("capset(other pid)", syscall(SYS_capset, &h, nd));

  show("setresuid(1000,1001,1002)", setresuid(1000, 1001, 1002));
  ids("1000/1001/1002");
  caps("after setresuid");
  show("setuid(5)", setuid(5));
  show("setuid(1002)", setuid(1002));
  ids("setuid 1002");
  show("setreuid(1000,-1)", setreuid(1000, -1));
  show("setreuid(-1,1000)", setreuid(-1, 1000));
  ids("setreuid");
  show("setresuid(-1,-1,1002)", setresuid(-1, -1, 1002));
  show("setfsuid(42) old", syscall(SYS_setfsuid, 42));
  show("setfsuid(-1) after refused", syscall(SYS_setfsuid, -1));
  show("setgid(101)", setgid(101));
  show("setgid(55)", setgid(55));
  show("setregid(102,100)", setregid(102, 100));
  show("setresgid(1,2,3)", setresgid(1, 2, 3));
  show("setfsgid(3) old", syscall(SYS_setfsgid, 3));
  show("setgroups(1) unprivileged", setgroups(1, g));
  ids("end");
  return 0;
}
