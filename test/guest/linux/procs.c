/* Processes: fork and wait statuses, children killed by signals, ECHILD,
 * WNOHANG, waitid, pipes between parent and child in both directions, a
 * child's stdout redirected into a pipe with dup2, 100 forks in a loop and
 * process groups. */
#include "common.h"
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>

static pid_t fork_checked(void) {
  pid_t p = fork();
  CHECK(p >= 0);
  return p;
}

static void describe(const char *what, int st) {
  if (WIFEXITED(st))
    printf("%s: exited %d\n", what, WEXITSTATUS(st));
  else if (WIFSIGNALED(st))
    printf("%s: killed by signal %d\n", what, WTERMSIG(st));
  else
    printf("%s: other status %#x\n", what, st);
}

/* exit-codes: children exit with 0, 1, 42, 255 and 256 (seen as 0); waited in order. */
static int exit_codes_case(int argc, char **argv) {
  (void)argc, (void)argv;
  int codes[] = {0, 1, 42, 255, 256, 3};
  pid_t kids[6];
  for (int i = 0; i < 6; i++) {
    kids[i] = fork_checked();
    if (kids[i] == 0) {
      if (i == 5) exit(codes[i]); /* exit() rather than _exit() */
      _exit(codes[i]);
    }
  }
  for (int i = 5; i >= 0; i--) {
    int st;
    pid_t r = waitpid(kids[i], &st, 0);
    char what[32];
    snprintf(what, sizeof what, "child %d (%d)", i, codes[i]);
    CHECK(r == kids[i]);
    describe(what, st);
  }
  /* Returning from main in the child is exit() too; the parent's getppid is the child's parent. */
  pid_t me = getpid();
  pid_t p = fork_checked();
  if (p == 0) return getppid() == me ? 17 : 18;
  int st;
  CHECK(wait(&st) == p);
  describe("child returning from main", st);
  return 0;
}

/* killed: children end by SIGTERM from the parent, raise(SIGABRT), SIGSEGV and SIGKILL. */
static int killed_case(int argc, char **argv) {
  (void)argc, (void)argv;
  struct rlimit no_core = {0, 0};
  setrlimit(RLIMIT_CORE, &no_core); /* no core file for the dumping signals */
  pid_t p = fork_checked();
  if (p == 0) {
    for (;;) pause();
  }
  CHECK(kill(p, SIGTERM) == 0);
  int st;
  CHECK(waitpid(p, &st, 0) == p);
  describe("SIGTERM from the parent", st);

  p = fork_checked();
  if (p == 0) abort();
  CHECK(waitpid(p, &st, 0) == p);
  describe("abort", st);

  p = fork_checked();
  if (p == 0) {
    volatile int *volatile bad = (int *)16;
    *bad = 1;
    _exit(0);
  }
  CHECK(waitpid(p, &st, 0) == p);
  describe("null write", st);

  p = fork_checked();
  if (p == 0) {
    signal(SIGTERM, SIG_IGN);
    raise(SIGTERM); /* ignored */
    raise(SIGKILL); /* cannot be */
    _exit(0);
  }
  CHECK(waitpid(p, &st, 0) == p);
  describe("SIGKILL after an ignored SIGTERM", st);
  return 0;
}

/* echild: waiting with no children, WNOHANG on a running child, waiting twice. */
static int echild_case(int argc, char **argv) {
  (void)argc, (void)argv;
  int st;
  pid_t r = wait4(-1, &st, 0, NULL);
  printf("wait4 with no children: %d %s\n", (int)r, err_name(r));
  r = waitpid(12345678, &st, 0);
  printf("waitpid of a pid that is not a child: %d %s\n", (int)r, err_name(r));
  int fds[2];
  CHECK(pipe(fds) == 0);
  pid_t p = fork_checked();
  if (p == 0) {
    char c;
    close(fds[1]);
    while (read(fds[0], &c, 1) < 0) {
    }
    _exit(4);
  }
  close(fds[0]);
  r = waitpid(p, &st, WNOHANG);
  printf("WNOHANG while the child runs: %d\n", (int)r);
  close(fds[1]); /* the child sees end of file and exits */
  struct rusage ru;
  r = wait4(p, &st, 0, &ru);
  printf("wait4 of it: found %d, ", r == p);
  describe("status", st);
  r = waitpid(p, &st, 0);
  printf("waiting for it again: %d %s\n", (int)r, err_name(r));
  r = waitpid(-1, &st, WNOHANG);
  printf("WNOHANG with no children: %d %s\n", (int)r, err_name(r));
  return 0;
}

/* waitid: P_PID with WEXITED fills a siginfo; WNOWAIT leaves the child waitable. */
static int waitid_case(int argc, char **argv) {
  (void)argc, (void)argv;
  pid_t p = fork_checked();
  if (p == 0) _exit(21);
  siginfo_t si;
  memset(&si, 0, sizeof si);
  CHECK(waitid(P_PID, p, &si, WEXITED | WNOWAIT) == 0);
  printf("WNOWAIT: signo SIGCHLD %d, code CLD_EXITED %d, status %d, pid ok %d\n", si.si_signo == SIGCHLD,
         si.si_code == CLD_EXITED, si.si_status, si.si_pid == p);
  memset(&si, 0, sizeof si);
  CHECK(waitid(P_ALL, 0, &si, WEXITED) == 0);
  printf("then P_ALL reaps it: status %d, pid ok %d\n", si.si_status, si.si_pid == p);
  p = fork_checked();
  if (p == 0) {
    for (;;) pause();
  }
  kill(p, SIGUSR1);
  memset(&si, 0, sizeof si);
  CHECK(waitid(P_PID, p, &si, WEXITED) == 0);
  printf("killed: code CLD_KILLED %d, status %d\n", si.si_code == CLD_KILLED, si.si_status);
  return 0;
}

/* pipe-both: the parent sends lines down one pipe; the child upper-cases them back up another. */
static int pipe_both_case(int argc, char **argv) {
  (void)argc, (void)argv;
  int down[2], up[2];
  CHECK(pipe(down) == 0 && pipe(up) == 0);
  pid_t p = fork_checked();
  if (p == 0) {
    close(down[1]);
    close(up[0]);
    char buf[256];
    ssize_t n;
    while ((n = read(down[0], buf, sizeof buf)) > 0) {
      for (ssize_t i = 0; i < n; i++)
        if (buf[i] >= 'a' && buf[i] <= 'z') buf[i] -= 32;
      CHECK(write(up[1], buf, n) == n);
    }
    _exit(n == 0 ? 0 : 1);
  }
  close(down[0]);
  close(up[1]);
  const char *lines[] = {"hello child\n", "second line\n", "last one\n"};
  char buf[64];
  for (int i = 0; i < 3; i++) {
    size_t len = strlen(lines[i]);
    CHECK(write(down[1], lines[i], len) == (ssize_t)len);
    size_t got = 0;
    while (got < len) {
      ssize_t n = read(up[0], buf + got, len - got);
      CHECK(n > 0);
      got += n;
    }
    printf("round trip: %.*s", (int)got, buf);
  }
  close(down[1]);
  ssize_t n = read(up[0], buf, sizeof buf);
  printf("after closing, the child's end gives %zd\n", n);
  int st;
  CHECK(waitpid(p, &st, 0) == p);
  describe("child", st);
  return 0;
}

/* dup2: the child's stdout and stderr go into a pipe; the parent reads all of it. */
static int dup2_case(int argc, char **argv) {
  (void)argc, (void)argv;
  int fds[2];
  CHECK(pipe(fds) == 0);
  pid_t p = fork_checked();
  if (p == 0) {
    CHECK(dup2(fds[1], 1) == 1);
    CHECK(dup2(fds[1], 2) == 2);
    close(fds[0]);
    close(fds[1]);
    for (int i = 0; i < 200; i++) printf("line %d from the child's stdout\n", i);
    fprintf(stderr, "and one on its stderr\n");
    fflush(stdout);
    _exit(0);
  }
  close(fds[1]);
  char buf[4096];
  size_t total = 0, lines = 0;
  unsigned hash = 0;
  ssize_t n;
  while ((n = read(fds[0], buf, sizeof buf)) > 0) {
    for (ssize_t i = 0; i < n; i++) {
      hash = hash * 33 + (unsigned char)buf[i];
      lines += buf[i] == '\n';
    }
    total += n;
  }
  int st;
  CHECK(waitpid(p, &st, 0) == p);
  printf("read %zu bytes, %zu lines, hash %08x from the child\n", total, lines, hash);
  describe("child", st);
  return 0;
}

/* many: 100 forks in a loop, each waited for; exit codes summed. */
static int many_case(int argc, char **argv) {
  (void)argc, (void)argv;
  long sum = 0;
  int bad = 0;
  for (int i = 0; i < 100; i++) {
    pid_t p = fork_checked();
    if (p == 0) _exit(i % 50);
    int st;
    if (waitpid(p, &st, 0) != p || !WIFEXITED(st)) bad++;
    sum += WEXITSTATUS(st);
  }
  printf("100 children: sum of exit codes %ld, bad %d\n", sum, bad);
  /* And 20 alive at once, then reaped in any order. */
  for (int i = 0; i < 20; i++)
    if (fork_checked() == 0) _exit(1);
  int reaped = 0, st;
  while (wait(&st) > 0) reaped += WEXITSTATUS(st);
  printf("20 at once: reaped %d, then %s\n", reaped, strerrorname_np(errno));
  return 0;
}

/* pgroup: three children in a new process group, all killed with kill(-pgid). */
static int pgroup_case(int argc, char **argv) {
  (void)argc, (void)argv;
  pid_t kids[3];
  int ready[2];
  CHECK(pipe(ready) == 0);
  for (int i = 0; i < 3; i++) {
    kids[i] = fork_checked();
    if (kids[i] == 0) {
      close(ready[0]);
      pid_t leader = i == 0 ? 0 : kids[0];
      CHECK(setpgid(0, leader) == 0);
      CHECK(write(ready[1], "x", 1) == 1);
      for (;;) pause();
    }
    /* Both sides set the group (the classic race-free idiom); EACCES after the child execs. */
    setpgid(kids[i], kids[0]);
  }
  close(ready[1]);
  char c;
  for (int i = 0; i < 3; i++) CHECK(read(ready[0], &c, 1) == 1);
  printf("group of child 1 and 2 is child 0: %d %d; ours is unchanged: %d\n", getpgid(kids[1]) == kids[0],
         getpgid(kids[2]) == kids[0], getpgrp() != kids[0]);
  pid_t r = kill(-kids[0], SIGHUP);
  printf("kill(-pgid, SIGHUP): %d\n", (int)r);
  for (int i = 0; i < 3; i++) {
    int st;
    CHECK(waitpid(kids[i], &st, 0) == kids[i]);
    char what[16];
    snprintf(what, sizeof what, "child %d", i);
    describe(what, st);
  }
  r = kill(-kids[0], SIGHUP);
  printf("kill of the empty group: %d %s\n", (int)r, err_name(r));
  /* setsid in a child: it leads a new session and group. */
  pid_t p = fork_checked();
  if (p == 0) {
    pid_t s = setsid();
    _exit(s == getpid() && getpgrp() == getpid() && getsid(0) == getpid() ? 0 : 1);
  }
  int st;
  CHECK(waitpid(p, &st, 0) == p);
  describe("setsid child", st);
  return 0;
}

static const struct test_case CASES[] = {
    {"exit-codes", exit_codes_case}, {"killed", killed_case}, {"echild", echild_case},
    {"waitid", waitid_case},         {"pipe-both", pipe_both_case}, {"dup2", dup2_case},
    {"many", many_case},             {"pgroup", pgroup_case},   {NULL, NULL},
};

int main(int argc, char **argv) { return run_case(argc, argv, CASES); }
