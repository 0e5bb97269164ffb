/* Blocking TCP server: listen on 127.0.0.1 (port 0), print "port N", then
 * for argv[1] connections: accept, read until the client shuts down its
 * side, answer with the bytes reversed per line, close. */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static char data[1 << 20];

int main(int argc, char **argv) {
  int count = argc > 1 ? atoi(argv[1]) : 1;
  int l = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
  if (bind(l, (struct sockaddr *)&a, sizeof a) < 0 || listen(l, 16) < 0) {
    printf("bind/listen: %s\n", strerror(errno));
    return 1;
  }
  socklen_t len = sizeof a;
  getsockname(l, (struct sockaddr *)&a, &len);
  printf("port %d\n", ntohs(a.sin_port));
  fflush(stdout);
  for (int i = 0; i < count; i++) {
    struct sockaddr_in peer;
    len = sizeof peer;
    int c = accept(l, (struct sockaddr *)&peer, &len);
    if (c < 0) {
      printf("accept: %s\n", strerror(errno));
      return 1;
    }
    printf("client %d from %s\n", i, inet_ntoa(peer.sin_addr));
    size_t have = 0;
    ssize_t n;
    while ((n = recv(c, data + have, sizeof data - have, 0)) > 0) have += n;
    if (n < 0) printf("recv: %s\n", strerror(errno));
    size_t start = 0;
    for (size_t k = 0; k <= have; k++) {
      if (k == have || data[k] == '\n') {
        for (size_t x = start, y = k; x + 1 < y; x++, y--) {
          char t = data[x];
          data[x] = data[y - 1];
          data[y - 1] = t;
        }
        start = k + 1;
      }
    }
    for (size_t off = 0; off < have;) {
      n = send(c, data + off, have - off, MSG_NOSIGNAL);
      if (n < 0) {
        printf("send: %s\n", strerror(errno));
        break;
      }
      off += n;
    }
    printf("served %zu bytes\n", have);
    fflush(stdout);
    close(c);
  }
  close(l);
  return 0;
}
