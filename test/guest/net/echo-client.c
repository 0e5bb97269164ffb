/* Blocking TCP client: connect to 127.0.0.1:argv[1] (or [::1] with argv[2]
 * = "6"), send the lines of stdin, shut down writing, print everything the
 * server sends back until it closes. */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char **argv) {
  if (argc < 2) return 2;
  int six = argc > 2 && strcmp(argv[2], "6") == 0;
  int fd = socket(six ? AF_INET6 : AF_INET, SOCK_STREAM, 0);
  int r;
  if (six) {
    struct sockaddr_in6 a = {.sin6_family = AF_INET6, .sin6_port = htons(atoi(argv[1])), .sin6_addr = IN6ADDR_LOOPBACK_INIT};
    r = connect(fd, (struct sockaddr *)&a, sizeof a);
  } else {
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(atoi(argv[1])), .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    r = connect(fd, (struct sockaddr *)&a, sizeof a);
  }
  if (r < 0) {
    printf("connect: %s\n", strerror(errno));
    return 1;
  }
  char buf[65536];
  ssize_t n;
  long sent = 0;
  while ((n = read(0, buf, sizeof buf)) > 0) {
    for (ssize_t off = 0; off < n;) {
      ssize_t w = send(fd, buf + off, n - off, 0);
      if (w < 0) {
        printf("send: %s\n", strerror(errno));
        return 1;
      }
      off += w;
      sent += w;
    }
  }
  shutdown(fd, SHUT_WR);
  long got = 0;
  while ((n = recv(fd, buf, sizeof buf, 0)) > 0) {
    fwrite(buf, 1, n, stdout);
    got += n;
  }
  if (n < 0) printf("recv: %s\n", strerror(errno));
  fprintf(stderr, "sent %ld got %ld\n", sent, got);
  close(fd);
  return 0;
}
