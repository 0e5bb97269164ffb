/* prctl: names, dumpable, capability bounding set, seccomp mode,
 * no_new_privs, a child subreaper collecting an orphaned grandchild, and the
 * parent-death signal of a process whose parent exits. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

static int fds[2];
static void on_term(int sig) {
  char c = (char)sig;
  write(fds[1], &c, 1);
}

int main(void) {
  char name[16] = {0};
  prctl(PR_SET_NAME, "worker-name-that-is-long");
  prctl(PR_GET_NAME, name);
  printf("name '%s'\n", name);
  printf("dumpable %d\n", prctl(PR_GET_DUMPABLE));
  printf("capbset CAP_CHOWN %d, seccomp %d\n", prctl(PR_CAPBSET_READ, 0), prctl(PR_GET_SECCOMP));
  printf("no_new_privs %d", prctl(PR_GET_NO_NEW_PRIVS));
  prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
  printf(" -> %d\n", prctl(PR_GET_NO_NEW_PRIVS));
  fflush(stdout);

  prctl(PR_SET_CHILD_SUBREAPER, 1);
  int sub = -1;
  prctl(PR_GET_CHILD_SUBREAPER, &sub);
  printf("subreaper %d\n", sub);
  fflush(stdout);
  pid_t a = fork();
  if (a == 0) {
    if (fork() == 0) {
      usleep(100000);
      _exit(5);
    }
    _exit(1);
  }
  int st;
  printf("first wait: child %d status %d\n", waitpid(-1, &st, 0) == a, WEXITSTATUS(st));
  pid_t g = waitpid(-1, &st, 0);
  printf("second wait: grandchild %d status %d\n", g > 0 && g != a, WEXITSTATUS(st));

  pipe(fds);
  pid_t m = fork();
  if (m == 0) {
    if (fork() == 0) {
      signal(SIGTERM, on_term);
      prctl(PR_SET_PDEATHSIG, SIGTERM);
      int got = 0;
      prctl(PR_GET_PDEATHSIG, &got);
      if (got != SIGTERM) _exit(9);
      write(fds[1], "r", 1);
      pause();
      _exit(0);
    }
    char c;
    read(fds[0], &c, 1); /* the grandchild is ready */
    _exit(0);
  }
  waitpid(m, &st, 0);
  char c = 0;
  read(fds[0], &c, 1);
  printf("parent-death signal %d\n", c);
  fflush(stdout);
  while (wait(NULL) > 0) {
  }
  return 0;
}
