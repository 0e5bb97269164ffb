/* A lone thread waits on a futex nobody will ever wake: Linux hangs for
 * ever; armvisor reports the deadlock instead of exiting quietly. */
#include <linux/futex.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

static int word;

int main(void) {
  printf("waiting\n");
  fflush(stdout);
  syscall(SYS_futex, &word, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0);
  printf("woken?\n");
  return 0;
}
