/* Pipes and readiness: pipe2 flags (O_CLOEXEC, O_NONBLOCK and EAGAIN), end
 * of file after the writer closes, SIGPIPE and EPIPE, 1 MB between two
 * processes, poll and epoll on pipes, eventfd, FIONREAD. */
#include "common.h"
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/wait.h>

static const char *revents(short r) {
  static char bufs[4][64];
  static int next;
  char *buf = bufs[next++ % 4];
  buf[0] = 0;
  if (r & POLLIN) strcat(buf, "IN ");
  if (r & POLLOUT) strcat(buf, "OUT ");
  if (r & POLLHUP) strcat(buf, "HUP ");
  if (r & POLLERR) strcat(buf, "ERR ");
  if (r & POLLNVAL) strcat(buf, "NVAL ");
  if (!buf[0]) strcpy(buf, "none ");
  buf[strlen(buf) - 1] = 0;
  return buf;
}

/* flags: pipe2 with O_CLOEXEC and O_NONBLOCK; a full pipe gives EAGAIN, an empty one too. */
static int flags_case(int argc, char **argv) {
  (void)argc, (void)argv;
  int p[2];
  CHECK(pipe2(p, O_CLOEXEC | O_NONBLOCK) == 0);
  printf("FD_CLOEXEC %d %d, O_NONBLOCK %d %d\n", fcntl(p[0], F_GETFD) == FD_CLOEXEC,
         fcntl(p[1], F_GETFD) == FD_CLOEXEC, !!(fcntl(p[0], F_GETFL) & O_NONBLOCK),
         !!(fcntl(p[1], F_GETFL) & O_NONBLOCK));
  printf("access modes: %d %d\n", fcntl(p[0], F_GETFL) & O_ACCMODE, fcntl(p[1], F_GETFL) & O_ACCMODE);
  char c;
  ssize_t r = read(p[0], &c, 1);
  printf("read of an empty pipe: %zd %s\n", r, err_name(r));
  static char block[4096];
  size_t total = 0;
  for (;;) {
    r = write(p[1], block, sizeof block);
    if (r < 0) break;
    total += r;
  }
  printf("filled with %zu bytes, then %s\n", total, err_name(r));
  printf("F_GETPIPE_SZ %d\n", fcntl(p[1], F_GETPIPE_SZ));
  int avail = -1;
  CHECK(ioctl(p[0], FIONREAD, &avail) == 0);
  printf("FIONREAD %d\n", avail);
  /* A write of up to PIPE_BUF bytes is atomic: with 100 bytes free, a 200-byte write gives EAGAIN. */
  CHECK(read(p[0], block, 100) == 100);
  r = write(p[1], block, 200);
  printf("200-byte write with 100 free: %zd %s\n", r, err_name(r));
  int bad = pipe2(p, 0x12345678 & ~(O_CLOEXEC | O_NONBLOCK | O_DIRECT));
  printf("pipe2 with unknown flags: %s\n", err_name(bad));
  /* fcntl F_SETFL clears O_NONBLOCK again. */
  CHECK(fcntl(p[0], F_SETFL, 0) == 0);
  printf("O_NONBLOCK after F_SETFL 0: %d\n", !!(fcntl(p[0], F_GETFL) & O_NONBLOCK));
  return 0;
}

/* eof: reads return what is buffered, then 0 once every write end is closed (also a forked copy). */
static int eof_case(int argc, char **argv) {
  (void)argc, (void)argv;
  int p[2];
  CHECK(pipe(p) == 0);
  CHECK(write(p[1], "abc", 3) == 3);
  pid_t child = fork();
  CHECK(child >= 0);
  if (child == 0) {
    close(p[0]);
    usleep(50000);
    CHECK(write(p[1], "defg", 4) == 4);
    _exit(0); /* closes the child's write end */
  }
  close(p[1]);
  char buf[16];
  ssize_t n;
  int reads = 0;
  size_t total = 0;
  while ((n = read(p[0], buf, sizeof buf)) > 0) total += n, reads++;
  printf("read %zu bytes before end of file (%s), then %zd\n", total, reads >= 1 ? "ok" : "none", n);
  n = read(p[0], buf, sizeof buf);
  printf("read after end of file again: %zd\n", n);
  int st;
  waitpid(child, &st, 0);
  return 0;
}

/* sigpipe: a write with no reader raises SIGPIPE (default: death), or fails with EPIPE when ignored. */
static int sigpipe_case(int argc, char **argv) {
  (void)argc, (void)argv;
  int p[2];
  CHECK(pipe(p) == 0);
  close(p[0]);
  pid_t child = fork();
  CHECK(child >= 0);
  if (child == 0) {
    CHECK(write(p[1], "x", 1) == 1); /* not reached */
    _exit(0);
  }
  int st;
  CHECK(waitpid(child, &st, 0) == child);
  printf("writer with the default action: killed %d by signal %d\n", WIFSIGNALED(st), WTERMSIG(st));
  signal(SIGPIPE, SIG_IGN);
  ssize_t r = write(p[1], "x", 1);
  printf("write with SIGPIPE ignored: %zd %s\n", r, err_name(r));
  /* Blocked: EPIPE and the signal stays pending. */
  signal(SIGPIPE, SIG_DFL);
  sigset_t set, pending;
  sigemptyset(&set);
  sigaddset(&set, SIGPIPE);
  sigprocmask(SIG_BLOCK, &set, NULL);
  r = write(p[1], "x", 1);
  sigpending(&pending);
  printf("write with SIGPIPE blocked: %zd %s, pending %d\n", r, err_name(r), sigismember(&pending, SIGPIPE));
  return 0;
}

/* big: 1 MB from a child to the parent in odd-sized writes; the bytes and their order are checked. */
static uint8_t pattern(size_t i) { return (uint8_t)(i * 7 + (i >> 11)); }
static int big_case(int argc, char **argv) {
  (void)argc, (void)argv;
  const size_t total = 1 << 20;
  int p[2];
  CHECK(pipe(p) == 0);
  pid_t child = fork();
  CHECK(child >= 0);
  if (child == 0) {
    close(p[0]);
    static uint8_t buf[100000];
    size_t sent = 0, chunk = 1;
    while (sent < total) {
      size_t n = chunk < total - sent ? chunk : total - sent;
      for (size_t i = 0; i < n; i++) buf[i] = pattern(sent + i);
      ssize_t w = write(p[1], buf, n);
      CHECK(w > 0);
      sent += w;
      chunk = chunk * 3 + 1;
      if (chunk > sizeof buf) chunk = 777;
    }
    _exit(0);
  }
  close(p[1]);
  static uint8_t buf[65536 + 13];
  size_t got = 0, wrong = 0;
  ssize_t n;
  while ((n = read(p[0], buf, sizeof buf)) > 0) {
    for (ssize_t i = 0; i < n; i++) wrong += buf[i] != pattern(got + i);
    got += n;
  }
  int st;
  CHECK(waitpid(child, &st, 0) == child);
  printf("received %zu bytes, %zu wrong; writer exited %d\n", got, wrong, WEXITSTATUS(st));
  return 0;
}

/* poll: readiness of both ends as data arrives and ends close; a timeout; a child wakes a blocked poll. */
static int poll_case(int argc, char **argv) {
  (void)argc, (void)argv;
  int p[2];
  CHECK(pipe(p) == 0);
  struct pollfd f[2] = {{p[0], POLLIN | POLLOUT, 0}, {p[1], POLLIN | POLLOUT, 0}};
  int n = poll(f, 2, 0);
  printf("empty: %d: read end %s, write end %s\n", n, revents(f[0].revents), revents(f[1].revents));
  CHECK(write(p[1], "hi", 2) == 2);
  n = poll(f, 2, 0);
  printf("with data: %d: read end %s, write end %s\n", n, revents(f[0].revents), revents(f[1].revents));
  char buf[4];
  CHECK(read(p[0], buf, 2) == 2);
  n = poll(f, 1, 30);
  printf("drained, 30 ms timeout: %d: read end %s\n", n, revents(f[0].revents));
  pid_t child = fork();
  CHECK(child >= 0);
  if (child == 0) {
    usleep(50000);
    CHECK(write(p[1], "!", 1) == 1);
    _exit(0);
  }
  f[0].events = POLLIN;
  n = poll(f, 1, 10000);
  printf("woken by the child: %d: read end %s\n", n, revents(f[0].revents));
  CHECK(read(p[0], buf, 1) == 1);
  waitpid(child, NULL, 0);
  close(p[1]);
  n = poll(f, 1, 0);
  printf("writer closed: %d: read end %s\n", n, revents(f[0].revents));
  int q[2];
  CHECK(pipe(q) == 0);
  close(q[0]);
  struct pollfd w = {q[1], POLLOUT, 0};
  n = poll(&w, 1, 0);
  printf("reader closed: %d: write end %s\n", n, revents(w.revents));
  close(p[0]);
  n = poll(f, 1, 0);
  printf("closed fd: %d: %s\n", n, revents(f[0].revents));
  return 0;
}

/* epoll: level- and edge-triggered readiness on pipes, EPOLL_CTL_MOD/DEL, data.u64, a wait woken by a child. */
static int epoll_case(int argc, char **argv) {
  (void)argc, (void)argv;
  int a[2], b[2];
  CHECK(pipe(a) == 0 && pipe(b) == 0);
  int ep = epoll_create1(EPOLL_CLOEXEC);
  CHECK(ep >= 0);
  printf("epoll fd cloexec: %d\n", fcntl(ep, F_GETFD) == FD_CLOEXEC);
  struct epoll_event ev = {.events = EPOLLIN, .data.u64 = 0xa0a0a0a0a0ULL};
  CHECK(epoll_ctl(ep, EPOLL_CTL_ADD, a[0], &ev) == 0);
  ev.events = EPOLLIN | EPOLLET;
  ev.data.u64 = 0xb0b0;
  CHECK(epoll_ctl(ep, EPOLL_CTL_ADD, b[0], &ev) == 0);
  int r = epoll_ctl(ep, EPOLL_CTL_ADD, b[0], &ev);
  printf("adding twice: %s\n", err_name(r));
  struct epoll_event out[4];
  int n = epoll_wait(ep, out, 4, 0);
  printf("nothing ready: %d\n", n);
  CHECK(write(a[1], "xy", 2) == 2 && write(b[1], "xy", 2) == 2);
  for (int round = 0; round < 2; round++) {
    n = epoll_wait(ep, out, 4, 0);
    unsigned long long sum = 0;
    for (int i = 0; i < n; i++) sum += out[i].data.u64;
    printf("round %d: %d ready, data sum %#llx\n", round, n, sum); /* edge-triggered b reports once */
  }
  char buf[8];
  CHECK(read(a[0], buf, 2) == 2);
  n = epoll_wait(ep, out, 4, 0);
  printf("after draining a: %d ready\n", n);
  ev.events = EPOLLOUT;
  ev.data.u64 = 7;
  CHECK(epoll_ctl(ep, EPOLL_CTL_ADD, a[1], &ev) == 0);
  n = epoll_wait(ep, out, 4, 0);
  printf("write end added: %d ready, events OUT %d data %llu\n", n, n == 1 && out[0].events == EPOLLOUT,
         n ? (unsigned long long)out[0].data.u64 : 0);
  CHECK(epoll_ctl(ep, EPOLL_CTL_DEL, a[1], NULL) == 0);
  r = epoll_ctl(ep, EPOLL_CTL_DEL, a[1], NULL);
  printf("deleting twice: %s\n", err_name(r));
  ev.events = EPOLLIN;
  ev.data.u64 = 99;
  CHECK(epoll_ctl(ep, EPOLL_CTL_MOD, a[0], &ev) == 0);
  pid_t child = fork();
  CHECK(child >= 0);
  if (child == 0) {
    usleep(50000);
    CHECK(write(a[1], "z", 1) == 1);
    _exit(0);
  }
  n = epoll_wait(ep, out, 4, 10000);
  printf("woken by the child: %d ready, data %llu\n", n, n ? (unsigned long long)out[0].data.u64 : 0);
  waitpid(child, NULL, 0);
  close(b[1]);
  ev.events = EPOLLIN;
  ev.data.u64 = 5;
  CHECK(epoll_ctl(ep, EPOLL_CTL_MOD, b[0], &ev) == 0);
  CHECK(read(b[0], buf, 2) == 2);
  n = epoll_wait(ep, out, 4, 0);
  int hup = 0;
  for (int i = 0; i < n; i++)
    if (out[i].data.u64 == 5) hup = (out[i].events & EPOLLHUP) != 0;
  printf("writer of b closed: %d ready, b has HUP %d\n", n, hup);
  r = epoll_ctl(ep, EPOLL_CTL_ADD, ep, &ev);
  printf("adding the epoll fd to itself: %s\n", err_name(r));
  return 0;
}

/* eventfd: counter semantics, EFD_SEMAPHORE, EFD_NONBLOCK EAGAIN, poll, and a child posting to it. */
static int eventfd_case(int argc, char **argv) {
  (void)argc, (void)argv;
  int e = eventfd(3, EFD_NONBLOCK | EFD_CLOEXEC);
  CHECK(e >= 0);
  uint64_t v = 4;
  CHECK(write(e, &v, 8) == 8);
  CHECK(read(e, &v, 8) == 8);
  printf("counter read: %llu\n", (unsigned long long)v);
  ssize_t r = read(e, &v, 8);
  printf("read at zero: %zd %s\n", r, err_name(r));
  r = read(e, &v, 4);
  printf("4-byte read: %zd %s\n", r, err_name(r));
  v = UINT64_MAX;
  r = write(e, &v, 8);
  printf("write of 2^64-1: %zd %s\n", r, err_name(r));
  v = UINT64_MAX - 1;
  r = write(e, &v, 8);
  printf("write of 2^64-2: %zd\n", r);
  v = 1;
  r = write(e, &v, 8);
  printf("write past the maximum: %zd %s\n", r, err_name(r));
  struct pollfd f = {e, POLLIN | POLLOUT, 0};
  poll(&f, 1, 0);
  printf("full counter polls: %s\n", revents(f.revents));
  CHECK(read(e, &v, 8) == 8);
  close(e);

  int s = eventfd(0, EFD_SEMAPHORE);
  CHECK(s >= 0);
  pid_t child = fork();
  CHECK(child >= 0);
  if (child == 0) {
    uint64_t three = 3;
    usleep(30000);
    CHECK(write(s, &three, 8) == 8);
    _exit(0);
  }
  uint64_t got[3];
  for (int i = 0; i < 3; i++) CHECK(read(s, &got[i], 8) == 8); /* the first read blocks until the child posts */
  printf("semaphore reads: %llu %llu %llu\n", (unsigned long long)got[0], (unsigned long long)got[1],
         (unsigned long long)got[2]);
  waitpid(child, NULL, 0);
  f.fd = s;
  f.events = POLLIN;
  printf("drained semaphore polls: %d\n", poll(&f, 1, 0));
  return 0;
}

static const struct test_case CASES[] = {
    {"flags", flags_case}, {"eof", eof_case},   {"sigpipe", sigpipe_case},   {"big", big_case},
    {"poll", poll_case},   {"epoll", epoll_case}, {"eventfd", eventfd_case}, {NULL, NULL},
};

int main(int argc, char **argv) { return run_case(argc, argv, CASES); }
