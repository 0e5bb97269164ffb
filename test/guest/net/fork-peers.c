/* Sockets between two guest processes (fork): descriptors passed with
 * SCM_RIGHTS, a TCP transfer of 1 MiB with blocking accept/connect/recv and
 * back-pressure, a named unix socket, and death by SIGPIPE.
 * argv[1] is a scratch directory. */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

static int status_of(pid_t pid) {
  int st;
  if (waitpid(pid, &st, 0) != pid) return -1;
  return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

static void pass_fd(void) {
  int sv[2];
  socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
  pid_t pid = fork();
  if (pid == 0) {
    close(sv[0]);
    int p[2];
    pipe(p);
    write(p[1], "from the child's pipe", 21);
    close(p[1]);
    char byte = 'F';
    struct iovec iov = {&byte, 1};
    union {
      struct cmsghdr h;
      char b[CMSG_SPACE(sizeof(int))];
    } u;
    memset(&u, 0, sizeof u);
    struct msghdr m = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = u.b, .msg_controllen = sizeof u.b};
    struct cmsghdr *c = CMSG_FIRSTHDR(&m);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(c), &p[0], sizeof(int));
    _exit(sendmsg(sv[1], &m, 0) == 1 ? 0 : 1);
  }
  close(sv[1]);
  char byte;
  struct iovec iov = {&byte, 1};
  union {
    struct cmsghdr h;
    char b[CMSG_SPACE(sizeof(int))];
  } u;
  struct msghdr m = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = u.b, .msg_controllen = sizeof u.b};
  ssize_t n = recvmsg(sv[0], &m, 0);
  int fd;
  memcpy(&fd, CMSG_DATA(CMSG_FIRSTHDR(&m)), sizeof fd);
  char buf[64];
  ssize_t k = read(fd, buf, sizeof buf);
  printf("recvmsg %zd '%c', passed fd reads %zd '%.*s'; child status %d\n", n, byte, k, (int)k, buf, status_of(pid));
  close(fd);
  close(sv[0]);
}

#define TOTAL (1 << 20)

static void tcp_transfer(void) {
  int l = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
  bind(l, (struct sockaddr *)&a, sizeof a);
  listen(l, 1);
  socklen_t len = sizeof a;
  getsockname(l, (struct sockaddr *)&a, &len);
  pid_t pid = fork();
  if (pid == 0) {
    close(l);
    usleep(100000); /* the parent is blocked in accept meanwhile */
    int c = socket(AF_INET, SOCK_STREAM, 0);
    if (connect(c, (struct sockaddr *)&a, sizeof a) < 0) _exit(1);
    static unsigned char data[TOTAL];
    for (int i = 0; i < TOTAL; i++) data[i] = (unsigned char)(i * 7 + (i >> 10));
    for (size_t off = 0; off < TOTAL;) {
      ssize_t w = send(c, data + off, TOTAL - off, 0);
      if (w <= 0) _exit(2);
      off += w;
    }
    shutdown(c, SHUT_WR);
    unsigned long sum = 0;
    ssize_t n = recv(c, &sum, sizeof sum, MSG_WAITALL);
    printf("child: reply %zd bytes, sum %lu\n", n, sum);
    fflush(stdout);
    _exit(0);
  }
  int s = accept(l, NULL, NULL);
  static unsigned char in[TOTAL];
  /* Let the sender fill the buffers before reading (back-pressure). */
  usleep(100000);
  ssize_t n = recv(s, in, TOTAL, MSG_WAITALL);
  char extra;
  ssize_t eof = recv(s, &extra, 1, 0);
  unsigned long sum = 0;
  int ok = 1;
  for (int i = 0; i < TOTAL; i++) {
    sum += in[i];
    if (in[i] != (unsigned char)(i * 7 + (i >> 10))) ok = 0;
  }
  printf("parent: received %zd bytes in order %d, then %zd\n", n, ok, eof);
  fflush(stdout);
  send(s, &sum, sizeof sum, 0);
  printf("child status %d\n", status_of(pid));
  close(s);
  close(l);
}

static void named_unix(const char *dir) {
  struct sockaddr_un a = {.sun_family = AF_UNIX};
  snprintf(a.sun_path, sizeof a.sun_path, "%s/fork.sock", dir);
  int l = socket(AF_UNIX, SOCK_STREAM, 0);
  bind(l, (struct sockaddr *)&a, sizeof a);
  listen(l, 1);
  pid_t pid = fork();
  if (pid == 0) {
    int c = socket(AF_UNIX, SOCK_STREAM, 0);
    if (connect(c, (struct sockaddr *)&a, sizeof a) < 0) _exit(1);
    char buf[32];
    ssize_t n = read(c, buf, sizeof buf);
    _exit(n == 5 && memcmp(buf, "hello", 5) == 0 ? 0 : 2);
  }
  int s = accept(l, NULL, NULL);
  write(s, "hello", 5);
  printf("named unix: child status %d\n", status_of(pid));
  close(s);
  close(l);
  unlink(a.sun_path);
}

static void sigpipe(void) {
  int sv[2];
  socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
  pid_t pid = fork();
  if (pid == 0) {
    close(sv[1]);
    char b;
    read(sv[0], &b, 1); /* the parent closes its end: end of file */
    write(sv[0], "x", 1);
    _exit(0);
  }
  close(sv[0]);
  close(sv[1]);
  printf("writer to a closed socket: status %d\n", status_of(pid));
}

int main(int argc, char **argv) {
  setvbuf(stdout, NULL, _IOLBF, 0);
  pass_fd();
  tcp_transfer();
  named_unix(argc > 1 ? argv[1] : "/tmp");
  sigpipe();
  return 0;
}
