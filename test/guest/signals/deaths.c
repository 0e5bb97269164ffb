/* Default actions and forced synchronous signals; argv[1] picks the case.
 * The exit status a shell sees must match. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void handler(int sig) {
  printf("handler %d\n", sig);
  fflush(stdout);
}

static void exit_handler(int sig) {
  printf("exiting from handler %d\n", sig);
  exit(3);
}

int main(int argc, char **argv) {
  const char *how = argc > 1 ? argv[1] : "";
  printf("case %s\n", how);
  fflush(stdout);
  sigset_t set;
  volatile int *volatile bad = (int *)8;
  sigemptyset(&set);
  if (!strcmp(how, "abort")) abort();
  if (!strcmp(how, "abort-handled")) {
    signal(SIGABRT, handler); /* abort() still ends the process after the handler returns */
    abort();
  }
  if (!strcmp(how, "term")) kill(getpid(), SIGTERM);
  if (!strcmp(how, "usr1")) raise(SIGUSR1);
  if (!strcmp(how, "kill")) raise(SIGKILL);
  if (!strcmp(how, "quit")) raise(SIGQUIT);
  if (!strcmp(how, "rt")) raise(SIGRTMIN + 2); /* 164 on Linux; qemu-aarch64 maps it to host signal 38 (166) */
  if (!strcmp(how, "segv-blocked")) {
    sigaddset(&set, SIGSEGV);
    sigprocmask(SIG_BLOCK, &set, NULL);
    *bad = 1;
  }
  if (!strcmp(how, "segv-ignored")) {
    signal(SIGSEGV, SIG_IGN);
    *bad = 1;
  }
  if (!strcmp(how, "segv-handler-returns-twice")) {
    /* The handler returns; the fault repeats; SA_RESETHAND makes the second one fatal. */
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = handler;
    sa.sa_flags = SA_RESETHAND;
    sigaction(SIGSEGV, &sa, NULL);
    *bad = 1;
  }
  if (!strcmp(how, "pending-at-unblock")) {
    sigaddset(&set, SIGTERM);
    sigprocmask(SIG_BLOCK, &set, NULL);
    raise(SIGTERM);
    printf("still alive while blocked\n");
    fflush(stdout);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
  }
  if (!strcmp(how, "exit-in-handler")) {
    signal(SIGINT, exit_handler);
    raise(SIGINT);
  }
  if (!strcmp(how, "stop-ignored")) {
    signal(SIGCHLD, SIG_DFL);
    raise(SIGWINCH);
    raise(SIGCONT);
  }
  if (!strcmp(how, "trap")) __builtin_trap();
  printf("end\n");
  return 0;
}
