/* Sockets over loopback (ports from bind to port 0, read back with
 * getsockname): TCP server and forked client, UDP datagrams, AF_UNIX stream
 * sockets on a path with a client thread, socketpair, options, shutdown,
 * non-blocking connect with poll, IPv6, and descriptors passed with
 * SCM_RIGHTS. Nothing printed depends on the port or the machine. */
// cflags: -pthread
#include "common.h"
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pthread.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>

static struct sockaddr_in loopback(unsigned short port) {
  struct sockaddr_in a;
  memset(&a, 0, sizeof a);
  a.sin_family = AF_INET;
  a.sin_port = htons(port);
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return a;
}

/* A listening TCP socket on 127.0.0.1 and a free port; the port is returned. */
static int tcp_listener(unsigned short *port) {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  CHECK(s >= 0);
  struct sockaddr_in a = loopback(0);
  CHECK(bind(s, (struct sockaddr *)&a, sizeof a) == 0);
  CHECK(listen(s, 8) == 0);
  socklen_t len = sizeof a;
  CHECK(getsockname(s, (struct sockaddr *)&a, &len) == 0);
  *port = ntohs(a.sin_port);
  return s;
}

static size_t read_all(int fd, char *buf, size_t cap) {
  size_t got = 0;
  ssize_t n;
  while (got < cap && (n = read(fd, buf + got, cap - got)) > 0) got += n;
  return got;
}

/* tcp: a forked client sends lines, the server upper-cases them back; shutdown ends each direction. */
static int tcp_case(int argc, char **argv) {
  (void)argc, (void)argv;
  unsigned short port;
  int ls = tcp_listener(&port);
  printf("listening on a nonzero port: %d\n", port != 0);
  pid_t child = fork();
  CHECK(child >= 0);
  if (child == 0) {
    close(ls);
    int c = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = loopback(port);
    CHECK(connect(c, (struct sockaddr *)&a, sizeof a) == 0);
    const char *msg = "hello over tcp\nsecond line\n";
    CHECK(write(c, msg, strlen(msg)) == (ssize_t)strlen(msg));
    CHECK(shutdown(c, SHUT_WR) == 0);
    char buf[256];
    size_t n = read_all(c, buf, sizeof buf);
    printf("client got back %zu bytes: %.*s", n, (int)n, buf);
    close(c);
    _exit(0);
  }
  struct sockaddr_in peer;
  socklen_t plen = sizeof peer;
  int s = accept4(ls, (struct sockaddr *)&peer, &plen, SOCK_CLOEXEC);
  CHECK(s >= 0);
  printf("accepted: cloexec %d, peer is 127.0.0.1 %d, peer port is not ours %d\n", fcntl(s, F_GETFD) == FD_CLOEXEC,
         peer.sin_addr.s_addr == htonl(INADDR_LOOPBACK), ntohs(peer.sin_port) != port);
  struct sockaddr_in me, gp;
  socklen_t mlen = sizeof me, glen = sizeof gp;
  CHECK(getsockname(s, (struct sockaddr *)&me, &mlen) == 0);
  CHECK(getpeername(s, (struct sockaddr *)&gp, &glen) == 0);
  printf("getsockname is the listening port %d; getpeername matches accept %d\n", ntohs(me.sin_port) == port,
         gp.sin_port == peer.sin_port && glen == sizeof gp);
  char buf[256];
  size_t n = read_all(s, buf, sizeof buf); /* ends at the client's SHUT_WR */
  for (size_t i = 0; i < n; i++)
    if (buf[i] >= 'a' && buf[i] <= 'z') buf[i] -= 32;
  CHECK(send(s, buf, n, 0) == (ssize_t)n);
  close(s);
  int st;
  CHECK(waitpid(child, &st, 0) == child);
  printf("server echoed %zu bytes; client exited %d\n", n, WEXITSTATUS(st));
  int r = getpeername(ls, (struct sockaddr *)&gp, &glen);
  printf("getpeername of the listener: %s\n", err_name(r));
  close(ls);
  return 0;
}

/* udp: datagram boundaries, recvfrom's address, connect + send, MSG_PEEK, MSG_TRUNC. */
static int udp_case(int argc, char **argv) {
  (void)argc, (void)argv;
  int a = socket(AF_INET, SOCK_DGRAM, 0), b = socket(AF_INET, SOCK_DGRAM, 0);
  CHECK(a >= 0 && b >= 0);
  struct sockaddr_in aa = loopback(0), ba = loopback(0);
  CHECK(bind(a, (struct sockaddr *)&aa, sizeof aa) == 0 && bind(b, (struct sockaddr *)&ba, sizeof ba) == 0);
  socklen_t len = sizeof aa;
  CHECK(getsockname(a, (struct sockaddr *)&aa, &len) == 0);
  len = sizeof ba;
  CHECK(getsockname(b, (struct sockaddr *)&ba, &len) == 0);
  CHECK(sendto(a, "first", 5, 0, (struct sockaddr *)&ba, sizeof ba) == 5);
  CHECK(sendto(a, "second datagram", 15, 0, (struct sockaddr *)&ba, sizeof ba) == 15);
  char buf[64];
  struct sockaddr_in from;
  socklen_t flen = sizeof from;
  ssize_t n = recv(b, buf, sizeof buf, MSG_PEEK);
  printf("peek: %zd %.*s\n", n, (int)n, buf);
  n = recvfrom(b, buf, sizeof buf, 0, (struct sockaddr *)&from, &flen);
  printf("recvfrom: %zd %.*s, from a's port %d\n", n, (int)n, buf, from.sin_port == aa.sin_port);
  n = recv(b, buf, 6, MSG_TRUNC);
  printf("6-byte buffer with MSG_TRUNC: %zd (%.6s)\n", n, buf);
  CHECK(connect(b, (struct sockaddr *)&aa, sizeof aa) == 0);
  CHECK(send(b, "reply", 5, 0) == 5);
  n = recv(a, buf, sizeof buf, 0);
  printf("connected send: %zd %.*s\n", n, (int)n, buf);
  CHECK(fcntl(a, F_SETFL, O_NONBLOCK) == 0);
  n = recv(a, buf, sizeof buf, 0);
  printf("nothing queued, non-blocking: %zd %s\n", n, err_name(n));
  n = recv(b, buf, sizeof buf, MSG_DONTWAIT);
  printf("MSG_DONTWAIT: %zd %s\n", n, err_name(n));
  CHECK(sendto(a, "", 0, 0, (struct sockaddr *)&ba, sizeof ba) == 0);
  n = recv(b, buf, sizeof buf, 0);
  printf("empty datagram: %zd\n", n);
  return 0;
}

/* unix-stream DIR: a listening AF_UNIX socket at DIR/sock, a client thread, getsockname/getpeername. */
static char sock_path[108];
static void *unix_client(void *arg) {
  (void)arg;
  int c = socket(AF_UNIX, SOCK_STREAM, 0);
  struct sockaddr_un a = {.sun_family = AF_UNIX};
  strcpy(a.sun_path, sock_path);
  CHECK(connect(c, (struct sockaddr *)&a, sizeof a) == 0);
  for (int i = 0; i < 100; i++) {
    char line[32];
    int len = snprintf(line, sizeof line, "message %d\n", i);
    CHECK(write(c, line, len) == len);
  }
  close(c);
  return NULL;
}
static int unix_stream_case(int argc, char **argv) {
  CHECK(argc >= 2);
  snprintf(sock_path, sizeof sock_path, "%s/sock", argv[1]);
  unlink(sock_path);
  int ls = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  CHECK(ls >= 0);
  struct sockaddr_un a = {.sun_family = AF_UNIX};
  strcpy(a.sun_path, sock_path);
  CHECK(bind(ls, (struct sockaddr *)&a, sizeof a) == 0);
  int r = bind(socket(AF_UNIX, SOCK_STREAM, 0), (struct sockaddr *)&a, sizeof a);
  printf("second bind to the path: %s\n", err_name(r));
  CHECK(listen(ls, 4) == 0);
  struct sockaddr_un got;
  socklen_t len = sizeof got;
  CHECK(getsockname(ls, (struct sockaddr *)&got, &len) == 0);
  printf("getsockname: family AF_UNIX %d, path matches %d\n", got.sun_family == AF_UNIX, !strcmp(got.sun_path, sock_path));
  pthread_t t;
  CHECK(pthread_create(&t, NULL, unix_client, NULL) == 0);
  int s = accept(ls, NULL, NULL);
  CHECK(s >= 0);
  len = sizeof got;
  CHECK(getpeername(s, (struct sockaddr *)&got, &len) == 0);
  printf("peer of an unbound client: length %d (just the family)\n", (int)len);
  static char buf[4096];
  size_t n = read_all(s, buf, sizeof buf);
  int lines = 0;
  for (size_t i = 0; i < n; i++) lines += buf[i] == '\n';
  printf("server read %zu bytes in %d lines; the last: %.*s", n, lines, 11, buf + n - 11);
  pthread_join(t, NULL);
  close(s);
  close(ls);
  unlink(sock_path);
  int c = socket(AF_UNIX, SOCK_STREAM, 0);
  r = connect(c, (struct sockaddr *)&a, sizeof a);
  printf("connect after unlink: %s\n", err_name(r));
  return 0;
}

/* socketpair: stream pairs are bidirectional; datagram pairs keep boundaries; shutdown and EPIPE. */
static int socketpair_case(int argc, char **argv) {
  (void)argc, (void)argv;
  int sv[2];
  CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
  CHECK(write(sv[0], "ping", 4) == 4 && write(sv[1], "pong!", 5) == 5);
  char buf[64];
  ssize_t n1 = read(sv[1], buf, sizeof buf);
  printf("stream: side 1 read %zd %.*s, ", n1, (int)n1, buf);
  ssize_t n0 = read(sv[0], buf, sizeof buf);
  printf("side 0 read %zd %.*s\n", n0, (int)n0, buf);
  pid_t child = fork();
  CHECK(child >= 0);
  if (child == 0) {
    close(sv[0]);
    char b[64];
    ssize_t n = read(sv[1], b, sizeof b);
    for (ssize_t i = 0; i < n; i++) b[i] ^= 0x20;
    CHECK(write(sv[1], b, n) == n);
    _exit(0);
  }
  close(sv[1]);
  CHECK(write(sv[0], "Fork", 4) == 4);
  ssize_t n = read(sv[0], buf, sizeof buf);
  printf("across fork: %.*s\n", (int)n, buf);
  waitpid(child, NULL, 0);
  n = read(sv[0], buf, sizeof buf);
  printf("after the child exits: %zd\n", n);
  signal(SIGPIPE, SIG_IGN);
  n = write(sv[0], "x", 1);
  printf("write to a closed peer: %zd %s\n", n, err_name(n));

  int dv[2];
  CHECK(socketpair(AF_UNIX, SOCK_DGRAM, 0, dv) == 0);
  CHECK(send(dv[0], "one", 3, 0) == 3 && send(dv[0], "three", 5, 0) == 5);
  n = recv(dv[1], buf, sizeof buf, 0);
  printf("datagram: %zd ", n);
  n = recv(dv[1], buf, sizeof buf, 0);
  printf("%zd\n", n);
  CHECK(shutdown(dv[0], SHUT_WR) == 0);
  n = send(dv[0], "x", 1, MSG_NOSIGNAL);
  printf("send after SHUT_WR: %zd %s\n", n, err_name(n));
  int type;
  socklen_t tl = sizeof type;
  CHECK(getsockopt(dv[0], SOL_SOCKET, SO_TYPE, &type, &tl) == 0);
  printf("SO_TYPE is SOCK_DGRAM: %d\n", type == SOCK_DGRAM);
  int r = socketpair(AF_INET, SOCK_STREAM, 0, dv);
  printf("socketpair(AF_INET): %s\n", err_name(r));
  return 0;
}

/* options: SO_REUSEADDR, SO_TYPE, SO_ERROR, SO_KEEPALIVE, TCP_NODELAY; EADDRINUSE; bad options. */
static int options_case(int argc, char **argv) {
  (void)argc, (void)argv;
  int s = socket(AF_INET, SOCK_STREAM, 0);
  int v = -1;
  socklen_t vl = sizeof v;
  CHECK(getsockopt(s, SOL_SOCKET, SO_REUSEADDR, &v, &vl) == 0);
  printf("SO_REUSEADDR default %d", v);
  int one = 1;
  CHECK(setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) == 0);
  vl = sizeof v;
  CHECK(getsockopt(s, SOL_SOCKET, SO_REUSEADDR, &v, &vl) == 0);
  printf(", after set %d (length %d)\n", v, (int)vl);
  vl = sizeof v;
  CHECK(getsockopt(s, SOL_SOCKET, SO_TYPE, &v, &vl) == 0);
  printf("SO_TYPE is SOCK_STREAM %d; ", v == SOCK_STREAM);
  vl = sizeof v;
  CHECK(getsockopt(s, SOL_SOCKET, SO_ERROR, &v, &vl) == 0);
  printf("SO_ERROR %d\n", v);
  CHECK(setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one) == 0);
  CHECK(setsockopt(s, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof one) == 0);
  vl = sizeof v;
  CHECK(getsockopt(s, IPPROTO_TCP, TCP_NODELAY, &v, &vl) == 0);
  printf("TCP_NODELAY %d; ", v);
  vl = sizeof v;
  CHECK(getsockopt(s, SOL_SOCKET, SO_KEEPALIVE, &v, &vl) == 0);
  printf("SO_KEEPALIVE %d\n", v);
  int r = setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, 1);
  printf("option shorter than an int: %s\n", err_name(r));
  r = setsockopt(s, SOL_SOCKET, 12345, &one, sizeof one);
  printf("unknown option: %s\n", err_name(r));

  unsigned short port;
  int ls = tcp_listener(&port);
  int t = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in a = loopback(port);
  r = bind(t, (struct sockaddr *)&a, sizeof a);
  printf("bind to a listening port: %s\n", err_name(r));
  close(ls);
  /* After the listener closes (no connection in TIME_WAIT), SO_REUSEADDR lets a new socket bind. */
  CHECK(setsockopt(t, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) == 0);
  r = bind(t, (struct sockaddr *)&a, sizeof a);
  printf("bind after it closed, with SO_REUSEADDR: %s\n", err_name(r));
  r = listen(t, 1);
  printf("listen: %s\n", err_name(r));
  int u = socket(AF_INET, SOCK_STREAM, 0);
  r = connect(u, (struct sockaddr *)&a, sizeof a);
  printf("connect: %s\n", err_name(r));
  r = shutdown(u, SHUT_RDWR);
  printf("shutdown both ways: %s; ", err_name(r));
  char c;
  ssize_t n = read(u, &c, 1);
  printf("read after shutdown: %zd\n", n);
  r = shutdown(socket(AF_INET, SOCK_STREAM, 0), SHUT_RD);
  printf("shutdown of an unconnected socket: %s\n", err_name(r));
  r = socket(AF_INET, SOCK_STREAM, IPPROTO_UDP);
  printf("TCP socket with IPPROTO_UDP: %s\n", err_name(r));
  return 0;
}

/* nonblock-connect: connect on a non-blocking socket completes (poll POLLOUT, SO_ERROR 0);
 * to a closed port it fails with ECONNREFUSED (at once or through SO_ERROR). */
static const char *connect_outcome(int s, struct sockaddr_in *a) {
  int r = connect(s, (struct sockaddr *)a, sizeof *a);
  if (r == 0) return "connected at once";
  if (errno != EINPROGRESS) return strerrorname_np(errno);
  struct pollfd p = {s, POLLOUT, 0};
  CHECK(poll(&p, 1, 10000) == 1);
  int e = -1;
  socklen_t el = sizeof e;
  CHECK(getsockopt(s, SOL_SOCKET, SO_ERROR, &e, &el) == 0);
  return e == 0 ? "connected after EINPROGRESS" : strerrorname_np(e);
}
static int nonblock_connect_case(int argc, char **argv) {
  (void)argc, (void)argv;
  unsigned short port;
  int ls = tcp_listener(&port);
  int s = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  struct sockaddr_in a = loopback(port);
  const char *how = connect_outcome(s, &a);
  printf("to a listener: %s\n", !strncmp(how, "connected", 9) ? "connected" : how);
  int r = connect(s, (struct sockaddr *)&a, sizeof a);
  printf("connect again: %s\n", err_name(r));
  int lflags = fcntl(ls, F_GETFL);
  CHECK(fcntl(ls, F_SETFL, lflags | O_NONBLOCK) == 0);
  int acc = accept(ls, NULL, NULL);
  printf("accept: %s; ", err_name(acc));
  acc = accept(ls, NULL, NULL);
  printf("accept with none pending: %s\n", err_name(acc));
  struct pollfd p = {ls, POLLIN, 0};
  printf("poll on the idle listener: %d; ", poll(&p, 1, 0));
  int s2 = socket(AF_INET, SOCK_STREAM, 0);
  CHECK(connect(s2, (struct sockaddr *)&a, sizeof a) == 0);
  int ready = poll(&p, 1, 5000);
  printf("after another connect: %d %s\n", ready, p.revents == POLLIN ? "POLLIN" : "other");
  close(ls);
  int dead = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  how = connect_outcome(dead, &a);
  printf("to the closed port: %s\n", how);
  return 0;
}

/* ipv6: a TCP connection on ::1 with a thread as the client. */
static unsigned short port6;
static void *client6(void *arg) {
  (void)arg;
  int c = socket(AF_INET6, SOCK_STREAM, 0);
  struct sockaddr_in6 a = {.sin6_family = AF_INET6, .sin6_port = htons(port6), .sin6_addr = IN6ADDR_LOOPBACK_INIT};
  CHECK(connect(c, (struct sockaddr *)&a, sizeof a) == 0);
  CHECK(write(c, "over ipv6", 9) == 9);
  close(c);
  return NULL;
}
static int ipv6_case(int argc, char **argv) {
  (void)argc, (void)argv;
  int ls = socket(AF_INET6, SOCK_STREAM, 0);
  CHECK(ls >= 0);
  struct sockaddr_in6 a = {.sin6_family = AF_INET6, .sin6_addr = IN6ADDR_LOOPBACK_INIT};
  CHECK(bind(ls, (struct sockaddr *)&a, sizeof a) == 0);
  CHECK(listen(ls, 1) == 0);
  socklen_t len = sizeof a;
  CHECK(getsockname(ls, (struct sockaddr *)&a, &len) == 0);
  port6 = ntohs(a.sin6_port);
  printf("bound: length %d, family AF_INET6 %d\n", (int)len, a.sin6_family == AF_INET6);
  pthread_t t;
  CHECK(pthread_create(&t, NULL, client6, NULL) == 0);
  struct sockaddr_in6 peer;
  len = sizeof peer;
  int s = accept(ls, (struct sockaddr *)&peer, &len);
  CHECK(s >= 0);
  char text[INET6_ADDRSTRLEN];
  inet_ntop(AF_INET6, &peer.sin6_addr, text, sizeof text);
  char buf[32];
  size_t n = read_all(s, buf, sizeof buf);
  printf("peer %s sent %.*s\n", text, (int)n, buf);
  pthread_join(t, NULL);
  return 0;
}

/* scm-rights: a pipe's write end sent to a forked child over a socketpair; the child writes through it. */
static int scm_rights_case(int argc, char **argv) {
  (void)argc, (void)argv;
  int sv[2], p[2];
  CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
  pid_t child = fork();
  CHECK(child >= 0);
  if (child == 0) {
    close(sv[0]);
    char data;
    char ctl[CMSG_SPACE(sizeof(int))];
    struct iovec iov = {&data, 1};
    struct msghdr m = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = ctl, .msg_controllen = sizeof ctl};
    CHECK(recvmsg(sv[1], &m, 0) == 1);
    struct cmsghdr *c = CMSG_FIRSTHDR(&m);
    CHECK(c && c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS);
    int fd;
    memcpy(&fd, CMSG_DATA(c), sizeof fd);
    const char *msg = "written by the child through a received descriptor";
    CHECK(write(fd, msg, strlen(msg)) == (ssize_t)strlen(msg));
    _exit(data == 'F' ? 0 : 1);
  }
  close(sv[1]);
  CHECK(pipe(p) == 0);
  char data = 'F';
  char ctl[CMSG_SPACE(sizeof(int))];
  memset(ctl, 0, sizeof ctl);
  struct iovec iov = {&data, 1};
  struct msghdr m = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = ctl, .msg_controllen = sizeof ctl};
  struct cmsghdr *c = CMSG_FIRSTHDR(&m);
  c->cmsg_level = SOL_SOCKET;
  c->cmsg_type = SCM_RIGHTS;
  c->cmsg_len = CMSG_LEN(sizeof(int));
  memcpy(CMSG_DATA(c), &p[1], sizeof(int));
  CHECK(sendmsg(sv[0], &m, 0) == 1);
  close(p[1]);
  char buf[128];
  size_t n = read_all(p[0], buf, sizeof buf);
  int st;
  CHECK(waitpid(child, &st, 0) == child);
  printf("%.*s; child exited %d\n", (int)n, buf, WEXITSTATUS(st));
  return 0;
}

static const struct test_case CASES[] = {
    {"tcp", tcp_case},
    {"udp", udp_case},
    {"unix-stream", unix_stream_case},
    {"socketpair", socketpair_case},
    {"options", options_case},
    {"nonblock-connect", nonblock_connect_case},
    {"ipv6", ipv6_case},
    {"scm-rights", scm_rights_case},
    {NULL, NULL},
};

int main(int argc, char **argv) { return run_case(argc, argv, CASES); }
