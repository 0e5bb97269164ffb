/* AF_UNIX in one task: socketpair (stream, datagram, seqpacket), SCM_RIGHTS,
 * sockets bound to paths and abstract names, the errors of missing names
 * (glibc's nscd probe), SIGPIPE/EPIPE. argv[1] is a scratch directory. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#define CHECK(x)                                                              \
  do {                                                                        \
    long r_ = (long)(x);                                                      \
    printf("%-50s = %ld%s%s\n", #x, r_, r_ < 0 ? " " : "", r_ < 0 ? strerrorname_np(errno) : ""); \
  } while (0)

static int waitfor(int fd, short events) {
  struct pollfd p = {fd, events, 0};
  int n = poll(&p, 1, 5000);
  return n == 1 ? p.revents : -1;
}

static volatile int pipes;
static void on_pipe(int sig) { (void)sig; pipes++; }

static void pairs(void) {
  puts("== socketpair");
  int sv[2];
  char buf[64];
  CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
  CHECK(write(sv[0], "ab", 2));
  CHECK(write(sv[0], "cd", 2));
  CHECK(read(sv[1], buf, sizeof buf));
  printf("stream joined: '%.4s'\n", buf);
  struct sockaddr_un addr;
  socklen_t len = sizeof addr;
  CHECK(getsockname(sv[0], (struct sockaddr *)&addr, &len));
  printf("name len %u family %d\n", len, addr.sun_family);
  len = sizeof addr;
  CHECK(getpeername(sv[0], (struct sockaddr *)&addr, &len));
  printf("peer len %u\n", len);
  struct ucred cred;
  len = sizeof cred;
  CHECK(getsockopt(sv[0], SOL_SOCKET, SO_PEERCRED, &cred, &len));
  printf("peercred pid ok %d uid %d len %u\n", cred.pid == getpid(), cred.uid == getuid(), len);
  int v;
  len = sizeof v;
  CHECK(getsockopt(sv[0], SOL_SOCKET, SO_SNDBUF, &v, &len));
  printf("SO_SNDBUF %d\n", v);
  CHECK(getsockopt(sv[0], SOL_SOCKET, SO_TYPE, &v, &len));
  printf("SO_TYPE %d\n", v);
  CHECK(shutdown(sv[1], SHUT_WR));
  CHECK(read(sv[0], buf, sizeof buf));
  printf("poll after peer SHUT_WR %#x\n", waitfor(sv[0], POLLIN | POLLOUT | POLLRDHUP));
  CHECK(write(sv[0], "still", 5));
  CHECK(read(sv[1], buf, sizeof buf));
  CHECK(close(sv[1]));
  printf("poll after peer close %#x\n", waitfor(sv[0], POLLIN | POLLOUT | POLLRDHUP));
  signal(SIGPIPE, on_pipe);
  CHECK(write(sv[0], "x", 1));
  printf("SIGPIPE %d\n", pipes);
  CHECK(send(sv[0], "x", 1, MSG_NOSIGNAL));
  printf("SIGPIPE %d\n", pipes);
  close(sv[0]);

  CHECK(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv));
  CHECK(send(sv[0], "one", 3, 0));
  CHECK(send(sv[0], "three", 5, 0));
  CHECK(send(sv[0], "", 0, 0));
  CHECK(recv(sv[1], buf, 2, 0));
  CHECK(recv(sv[1], buf, sizeof buf, MSG_PEEK | MSG_TRUNC));
  CHECK(recv(sv[1], buf, sizeof buf, 0));
  printf("dgram '%.5s'\n", buf);
  CHECK(recv(sv[1], buf, sizeof buf, 0));
  CHECK(recv(sv[1], buf, sizeof buf, MSG_DONTWAIT));
  CHECK(close(sv[0]));
  CHECK(recv(sv[1], buf, sizeof buf, MSG_DONTWAIT));
  CHECK(send(sv[1], "x", 1, 0));
  CHECK(send(sv[1], "x", 1, 0));
  close(sv[1]);

  CHECK(socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv));
  printf("cloexec %d\n", fcntl(sv[0], F_GETFD));
  CHECK(send(sv[0], "first", 5, 0));
  CHECK(send(sv[0], "second", 6, 0));
  struct iovec iov = {buf, 3};
  struct msghdr m = {.msg_iov = &iov, .msg_iovlen = 1};
  CHECK(recvmsg(sv[1], &m, 0));
  printf("seqpacket '%.3s' flags %#x\n", buf, m.msg_flags);
  CHECK(recv(sv[1], buf, sizeof buf, 0));
  CHECK(close(sv[0]));
  CHECK(recv(sv[1], buf, sizeof buf, 0));
  close(sv[1]);

  /* Filling a stream pair: nonblocking writes stop with EAGAIN, the reader gets every byte. */
  CHECK(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, sv));
  static char chunk[4096];
  long total = 0;
  for (;;) {
    int n = write(sv[0], chunk, sizeof chunk);
    if (n < 0) {
      printf("filled: %s, some written %d\n", strerrorname_np(errno), total > 0);
      break;
    }
    total += n;
  }
  printf("full poll %#x\n", waitfor(sv[0], POLLOUT) == -1 ? 0 : 1);
  long got = 0;
  for (;;) {
    int n = read(sv[1], chunk, sizeof chunk);
    if (n <= 0) break;
    got += n;
  }
  printf("read back all %d\n", got == total);
  printf("writable again %#x\n", waitfor(sv[0], POLLOUT));
  close(sv[0]);
  close(sv[1]);
}

static void rights(void) {
  puts("== SCM_RIGHTS");
  int sv[2], p[2];
  socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
  pipe(p);
  char data = 'R';
  struct iovec iov = {&data, 1};
  union {
    struct cmsghdr h;
    char buf[CMSG_SPACE(2 * sizeof(int))];
  } u;
  memset(&u, 0, sizeof u);
  struct msghdr m = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = u.buf, .msg_controllen = CMSG_SPACE(2 * sizeof(int))};
  struct cmsghdr *c = CMSG_FIRSTHDR(&m);
  c->cmsg_level = SOL_SOCKET;
  c->cmsg_type = SCM_RIGHTS;
  c->cmsg_len = CMSG_LEN(2 * sizeof(int));
  memcpy(CMSG_DATA(c), p, 2 * sizeof(int));
  CHECK(sendmsg(sv[0], &m, 0));
  close(p[0]);
  close(p[1]);
  CHECK(send(sv[0], "after", 5, 0));
  char rb[16];
  struct iovec riov = {rb, sizeof rb};
  memset(&u, 0, sizeof u);
  struct msghdr r = {.msg_iov = &riov, .msg_iovlen = 1, .msg_control = u.buf, .msg_controllen = sizeof u.buf};
  CHECK(recvmsg(sv[1], &r, MSG_CMSG_CLOEXEC));
  c = CMSG_FIRSTHDR(&r);
  printf("data '%c' controllen %zu level %d type %d len %zu flags %#x\n", rb[0], (size_t)r.msg_controllen, c ? c->cmsg_level : -1,
         c ? c->cmsg_type : -1, c ? (size_t)c->cmsg_len : 0, r.msg_flags);
  int fds[2];
  memcpy(fds, CMSG_DATA(c), sizeof fds);
  printf("cloexec %d %d\n", fcntl(fds[0], F_GETFD), fcntl(fds[1], F_GETFD));
  CHECK(write(fds[1], "through", 7));
  CHECK(read(fds[0], rb, sizeof rb));
  printf("pipe says '%.7s'\n", rb);
  CHECK(recv(sv[1], rb, sizeof rb, 0));
  /* No room for the descriptors: MSG_CTRUNC. */
  m.msg_controllen = CMSG_SPACE(2 * sizeof(int));
  c = CMSG_FIRSTHDR(&m);
  c->cmsg_level = SOL_SOCKET;
  c->cmsg_type = SCM_RIGHTS;
  c->cmsg_len = CMSG_LEN(2 * sizeof(int));
  memcpy(CMSG_DATA(c), fds, 2 * sizeof(int));
  CHECK(sendmsg(sv[0], &m, 0));
  r.msg_control = NULL;
  r.msg_controllen = 0;
  CHECK(recvmsg(sv[1], &r, 0));
  printf("flags %#x\n", r.msg_flags);
  /* A bad descriptor in SCM_RIGHTS. */
  m.msg_control = u.buf;
  m.msg_controllen = CMSG_SPACE(2 * sizeof(int));
  c = CMSG_FIRSTHDR(&m);
  c->cmsg_level = SOL_SOCKET;
  c->cmsg_type = SCM_RIGHTS;
  c->cmsg_len = CMSG_LEN(2 * sizeof(int));
  int bad[2] = {fds[0], 99};
  memcpy(CMSG_DATA(c), bad, sizeof bad);
  CHECK(sendmsg(sv[0], &m, 0));
  close(fds[0]);
  close(fds[1]);
  close(sv[0]);
  close(sv[1]);
}

static socklen_t pathaddr(struct sockaddr_un *a, const char *path) {
  memset(a, 0, sizeof *a);
  a->sun_family = AF_UNIX;
  strcpy(a->sun_path, path);
  return offsetof(struct sockaddr_un, sun_path) + strlen(path) + 1;
}

static void named(const char *dir) {
  puts("== named");
  char path[200];
  snprintf(path, sizeof path, "%s/sock", dir);
  struct sockaddr_un a, b;
  socklen_t alen = pathaddr(&a, path);
  int l = socket(AF_UNIX, SOCK_STREAM, 0);
  CHECK(listen(l, 4));
  CHECK(bind(l, (struct sockaddr *)&a, alen));
  struct stat st;
  CHECK(stat(path, &st));
  printf("S_ISSOCK %d\n", S_ISSOCK(st.st_mode));
  int l2 = socket(AF_UNIX, SOCK_STREAM, 0);
  CHECK(bind(l2, (struct sockaddr *)&a, alen));
  int c = socket(AF_UNIX, SOCK_STREAM, 0);
  CHECK(connect(c, (struct sockaddr *)&a, alen));
  CHECK(listen(l, 4));
  CHECK(connect(c, (struct sockaddr *)&a, alen));
  CHECK(connect(c, (struct sockaddr *)&a, alen));
  socklen_t len = sizeof b;
  int s = accept(l, (struct sockaddr *)&b, &len);
  printf("accepted %d addrlen %u\n", s >= 0, len);
  len = sizeof b;
  CHECK(getsockname(s, (struct sockaddr *)&b, &len));
  printf("server name matches %d len ok %d\n", strcmp(b.sun_path, path) == 0, len == alen);
  len = sizeof b;
  CHECK(getpeername(c, (struct sockaddr *)&b, &len));
  printf("client peer matches %d\n", strcmp(b.sun_path, path) == 0);
  len = sizeof b;
  CHECK(getsockname(c, (struct sockaddr *)&b, &len));
  printf("client name len %u\n", len);
  CHECK(send(c, "over a path", 11, 0));
  char buf[32];
  CHECK(recv(s, buf, sizeof buf, 0));
  close(c);
  close(s);
  close(l);
  CHECK(stat(path, &st));
  CHECK(unlink(path));
  c = socket(AF_UNIX, SOCK_STREAM, 0);
  CHECK(connect(c, (struct sockaddr *)&a, alen));
  close(c);

  /* glibc's nscd probe: a nonblocking connect to a socket that does not exist. */
  c = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  alen = pathaddr(&a, "/var/run/nscd/socket-armvisor-test");
  CHECK(connect(c, (struct sockaddr *)&a, alen));
  /* A path that is not a socket. */
  snprintf(path, sizeof path, "%s/file", dir);
  close(open(path, O_CREAT | O_WRONLY, 0600));
  alen = pathaddr(&a, path);
  CHECK(connect(c, (struct sockaddr *)&a, alen));
  alen = pathaddr(&a, "/");
  CHECK(connect(c, (struct sockaddr *)&a, 2));
  a.sun_family = AF_INET;
  CHECK(connect(c, (struct sockaddr *)&a, alen));
  close(c);

  /* Abstract names. */
  memset(&a, 0, sizeof a);
  a.sun_family = AF_UNIX;
  memcpy(a.sun_path, "\0armvisor-abstract-test", 23);
  alen = offsetof(struct sockaddr_un, sun_path) + 23;
  l = socket(AF_UNIX, SOCK_STREAM, 0);
  c = socket(AF_UNIX, SOCK_STREAM, 0);
  CHECK(connect(c, (struct sockaddr *)&a, alen));
  CHECK(bind(l, (struct sockaddr *)&a, alen));
  CHECK(listen(l, 1));
  CHECK(connect(c, (struct sockaddr *)&a, alen));
  s = accept4(l, NULL, NULL, 0);
  len = sizeof b;
  CHECK(getsockname(s, (struct sockaddr *)&b, &len));
  printf("abstract len %u match %d\n", len, len == alen && memcmp(b.sun_path, a.sun_path, 23) == 0);
  close(s);
  close(c);
  close(l);
  /* Autobind: an address of just the family. */
  l = socket(AF_UNIX, SOCK_DGRAM, 0);
  CHECK(bind(l, (struct sockaddr *)&a, sizeof(sa_family_t)));
  len = sizeof b;
  CHECK(getsockname(l, (struct sockaddr *)&b, &len));
  printf("autobind len %u abstract %d\n", len, b.sun_path[0] == 0);
  close(l);

  /* Datagrams between named sockets: the sender's name comes with each. */
  char p1[200], p2[200];
  snprintf(p1, sizeof p1, "%s/d1", dir);
  snprintf(p2, sizeof p2, "%s/d2", dir);
  int d1 = socket(AF_UNIX, SOCK_DGRAM, 0), d2 = socket(AF_UNIX, SOCK_DGRAM, 0);
  socklen_t l1 = pathaddr(&a, p1);
  CHECK(bind(d1, (struct sockaddr *)&a, l1));
  socklen_t l2len = pathaddr(&b, p2);
  CHECK(bind(d2, (struct sockaddr *)&b, l2len));
  CHECK(sendto(d1, "hi d2", 5, 0, (struct sockaddr *)&b, l2len));
  struct sockaddr_un from;
  len = sizeof from;
  CHECK(recvfrom(d2, buf, sizeof buf, 0, (struct sockaddr *)&from, &len));
  printf("from d1 %d len ok %d\n", strcmp(from.sun_path, p1) == 0, len == l1);
  int anon = socket(AF_UNIX, SOCK_DGRAM, 0);
  CHECK(sendto(anon, "anon", 4, 0, (struct sockaddr *)&b, l2len));
  len = sizeof from;
  CHECK(recvfrom(d2, buf, sizeof buf, 0, (struct sockaddr *)&from, &len));
  printf("anonymous sender len %u\n", len);
  CHECK(connect(d1, (struct sockaddr *)&b, l2len));
  CHECK(send(d1, "connected", 9, 0));
  CHECK(recv(d2, buf, sizeof buf, 0));
  CHECK(connect(d2, (struct sockaddr *)&a, l1));
  CHECK(sendto(anon, "refused", 7, 0, (struct sockaddr *)&b, l2len));
  CHECK(send(anon, "x", 1, 0));
  close(d1);
  close(d2);
  close(anon);
  unlink(p1);
  unlink(p2);
}

int main(int argc, char **argv) {
  setvbuf(stdout, NULL, _IONBF, 0);
  pairs();
  rights();
  named(argc > 1 ? argv[1] : "/tmp");
  return 0;
}
