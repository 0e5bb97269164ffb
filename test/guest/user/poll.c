/* poll and select on stdin (with input waiting) and stdout, invalid and
 * negative descriptors, and a plain timeout. */
#include <poll.h>
#include <stdio.h>
#include <sys/select.h>
#include <unistd.h>

int main(void) {
  struct pollfd fds[4] = {{0, POLLIN, 0}, {1, POLLOUT, 0}, {-1, POLLIN, 0}, {99, POLLIN, 0}};
  int n = poll(fds, 4, 1000);
  printf("poll %d: stdin %#x stdout %#x negative %#x invalid %#x\n", n, fds[0].revents, fds[1].revents, fds[2].revents, fds[3].revents);
  printf("poll nothing with 20 ms timeout: %d\n", poll(NULL, 0, 20));
  fd_set r, w;
  FD_ZERO(&r);
  FD_ZERO(&w);
  FD_SET(0, &r);
  FD_SET(1, &w);
  struct timeval tv = {1, 0};
  n = select(2, &r, &w, NULL, &tv);
  printf("select %d: stdin readable %d stdout writable %d\n", n, FD_ISSET(0, &r), FD_ISSET(1, &w));
  char buf[64];
  ssize_t got = read(0, buf, sizeof buf);
  printf("then read %zd\n", got);
  return 0;
}
