/* Read stdin until end of file, printing what each read(2) returned. With
 * the argument "alarm", a SIGALRM handler (no SA_RESTART) is installed and
 * an alarm set for 50 ms: a read waiting at that moment ends with EINTR,
 * printed, and reading goes on. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

static void on_alarm(int sig) { (void)sig; }

int main(int argc, char **argv) {
  setvbuf(stdout, NULL, _IONBF, 0);
  if (argc > 1 && strcmp(argv[1], "alarm") == 0) {
    struct sigaction sa = {0};
    sa.sa_handler = on_alarm;
    sigaction(SIGALRM, &sa, NULL);
    struct itimerval it = {{0, 0}, {0, 50000}};
    setitimer(ITIMER_REAL, &it, NULL);
  }
  char buf[256];
  for (;;) {
    ssize_t n = read(0, buf, sizeof buf);
    if (n < 0) {
      printf("read: %s\n", strerrorname_np(errno));
      if (errno == EINTR) continue;
      return 1;
    }
    if (n == 0) break;
    printf("read %zd: %.*s\n", n, (int)n, buf);
  }
  printf("end of file\n");
  return 0;
}
