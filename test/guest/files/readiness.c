/* epoll (level, edge, one-shot, ready-list order, errors), eventfd and
 * timerfd, as Linux does them (fs/eventpoll.c, fs/eventfd.c,
 * fs/timerfd.c). Single process: the output must match qemu-aarch64's. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/stat.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

static void check(const char *what, long r) {
  if (r < 0) printf("%s: -1 %s\n", what, strerrorname_np(errno));
  else printf("%s: %ld\n", what, r);
}

/* One epoll_wait, printed as "n: events/data ...". */
static void waitp(const char *what, int ep, int max, int timeout) {
  struct epoll_event ev[8];
  int n = epoll_wait(ep, ev, max, timeout);
  printf("%s: %d", what, n < 0 ? -errno : n);
  for (int i = 0; i < n; i++) printf(" %#x/%llu", ev[i].events, (unsigned long long)ev[i].data.u64);
  printf("\n");
}

static int add(int ep, int fd, uint32_t events, uint64_t data) {
  struct epoll_event e = {.events = events, .data.u64 = data};
  return epoll_ctl(ep, EPOLL_CTL_ADD, fd, &e);
}

static int mod(int ep, int fd, uint32_t events, uint64_t data) {
  struct epoll_event e = {.events = events, .data.u64 = data};
  return epoll_ctl(ep, EPOLL_CTL_MOD, fd, &e);
}

int main(void) {
  char buf[64];
  int ep = epoll_create1(EPOLL_CLOEXEC);
  printf("epoll fd %d cloexec %d\n", ep, fcntl(ep, F_GETFD));
  check("epoll_create1 bad flags", epoll_create1(1));
  struct stat st;
  fstat(ep, &st);
  printf("epoll fstat type %o mode %o\n", st.st_mode & S_IFMT, st.st_mode & 0777);

  int a[2], b[2], c[2];
  pipe(a);
  pipe(b);
  pipe(c);
  check("add level", add(ep, a[0], EPOLLIN, 1));
  check("add again", add(ep, a[0], EPOLLIN, 1));
  check("mod missing", mod(ep, b[0], EPOLLIN, 2));
  check("del missing", epoll_ctl(ep, EPOLL_CTL_DEL, b[0], NULL));
  check("add itself", add(ep, ep, EPOLLIN, 0));
  check("add a bad fd", add(ep, 99, EPOLLIN, 0));
  check("ctl on a non-epoll fd", add(a[0], b[0], EPOLLIN, 0));
  int file = open("/proc/self/exe", O_RDONLY);
  check("add a regular file", add(ep, file, EPOLLIN, 0));
  check("bad op", epoll_ctl(ep, 99, a[0], &(struct epoll_event){0}));
  check("maxevents 0", epoll_wait(ep, (struct epoll_event[1]){}, 0, 0));
  waitp("nothing yet", ep, 8, 0);
  waitp("nothing in 20 ms", ep, 8, 20);
  write(a[1], "x", 1);
  waitp("level: ready", ep, 8, 0);
  waitp("level: still ready", ep, 8, -1);
  read(a[0], buf, 1);
  waitp("level: drained", ep, 8, 0);

  check("add edge", add(ep, b[0], EPOLLIN | EPOLLET, 2));
  write(b[1], "y", 1);
  waitp("edge: ready", ep, 8, 0);
  waitp("edge: not again", ep, 8, 0);
  write(b[1], "y", 1);
  waitp("edge: new data", ep, 8, 0);
  read(b[0], buf, 1);
  waitp("edge: a partial read is no edge", ep, 8, 0);
  read(b[0], buf, 1);

  check("add one-shot", add(ep, c[0], EPOLLIN | EPOLLONESHOT, 3));
  write(c[1], "z", 1);
  waitp("oneshot: fires", ep, 8, 0);
  waitp("oneshot: disabled", ep, 8, 0);
  check("rearm", mod(ep, c[0], EPOLLIN | EPOLLONESHOT, 33));
  waitp("oneshot: rearmed", ep, 8, 0);
  read(c[0], buf, 1);
  check("mod to level", mod(ep, c[0], EPOLLIN, 3));

  /* Ready-list order: as the events came; with maxevents 1 the rest stay first. */
  write(c[1], "1", 1);
  write(a[1], "2", 1);
  write(b[1], "3", 1);
  waitp("order", ep, 8, 0);
  waitp("max 1", ep, 1, 0);
  waitp("max 1", ep, 1, 0);
  waitp("max 1", ep, 1, 0);
  waitp("max 2", ep, 2, 0);
  read(a[0], buf, 8);
  read(b[0], buf, 8);
  read(c[0], buf, 8);
  waitp("drained", ep, 8, 0);

  /* Write side: EPOLLOUT on a pipe, EPOLLERR when the reader goes, EPOLLHUP when the writer goes. */
  check("del a", epoll_ctl(ep, EPOLL_CTL_DEL, a[0], NULL));
  check("add write end", add(ep, a[1], EPOLLOUT, 4));
  waitp("writable", ep, 8, 0);
  close(a[0]);
  waitp("reader gone", ep, 8, 0);
  close(a[1]);
  waitp("write end closed: item gone", ep, 8, 0);
  write(b[1], "q", 1);
  close(b[1]);
  waitp("writer gone (edge item)", ep, 8, 0);
  int keep = dup(c[0]);
  close(c[0]);
  write(c[1], "k", 1);
  waitp("closed fd, file still open via dup", ep, 8, 0);
  close(keep);
  waitp("file closed", ep, 8, 0);

  /* eventfd */
  int e = eventfd(5, EFD_NONBLOCK);
  check("add eventfd", add(ep, e, EPOLLIN | EPOLLOUT, 7));
  waitp("eventfd 5", ep, 8, 0);
  uint64_t v = 3;
  check("eventfd write 3", write(e, &v, 8));
  check("eventfd read", read(e, &v, 8));
  printf("value %llu\n", (unsigned long long)v);
  check("eventfd read at 0", read(e, &v, 8));
  check("eventfd short read", read(e, &v, 4));
  v = UINT64_MAX;
  check("eventfd write max", write(e, &v, 8));
  v = UINT64_MAX - 1;
  check("eventfd write max-1", write(e, &v, 8));
  waitp("eventfd at max-1", ep, 8, 0);
  v = 1;
  check("eventfd write 1 more", write(e, &v, 8));
  check("eventfd read", read(e, &v, 8));
  close(e);
  int s = eventfd(2, EFD_SEMAPHORE | EFD_NONBLOCK);
  for (int i = 0; i < 3; i++) {
    v = 0;
    long r = read(s, &v, 8);
    printf("semaphore read %ld value %llu\n", r < 0 ? -errno : r, (unsigned long long)v);
  }
  check("eventfd bad flags", eventfd(0, 2));
  struct pollfd pf = {s, POLLIN | POLLOUT, 0};
  poll(&pf, 1, 0);
  printf("eventfd poll %#x\n", pf.revents);

  /* timerfd */
  int t = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
  check("timerfd read unarmed", read(t, &v, 8));
  check("timerfd bad clock", timerfd_create(42, 0));
  struct itimerspec its = {{0, 0}, {0, 30 * 1000000}}, old;
  check("settime 30 ms", timerfd_settime(t, 0, &its, NULL));
  timerfd_gettime(t, &old);
  printf("gettime: left > 0 %d, <= 30 ms %d\n", old.it_value.tv_nsec > 0, old.it_value.tv_nsec <= 30000000);
  check("add timerfd", add(ep, t, EPOLLIN, 9));
  waitp("timer not yet", ep, 8, 0);
  waitp("timer fires", ep, 8, 1000);
  check("timerfd read", read(t, &v, 8));
  printf("expirations %llu\n", (unsigned long long)v);
  timerfd_gettime(t, &old);
  printf("disarmed %ld %ld\n", (long)old.it_value.tv_sec, old.it_value.tv_nsec);
  struct itimerspec per = {{0, 10 * 1000000}, {0, 10 * 1000000}};
  timerfd_settime(t, 0, &per, NULL);
  usleep(55 * 1000);
  read(t, &v, 8);
  printf("periodic: at least 4 expirations %d\n", v >= 4);
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  struct itimerspec abs = {{0, 0}, {now.tv_sec - 1, 0}};
  check("absolute time in the past", timerfd_settime(t, TFD_TIMER_ABSTIME, &abs, NULL));
  check("fires at once", read(t, &v, 8));
  struct itimerspec bad = {{0, 0}, {0, 1000000000}};
  check("settime bad nsec", timerfd_settime(t, 0, &bad, NULL));
  check("settime bad flags", timerfd_settime(t, 8, &its, NULL));
  check("gettime on a pipe", timerfd_gettime(c[1], &old));

  /* epoll inside epoll, and poll on an epoll fd */
  int outer = epoll_create1(0);
  check("nest", add(outer, ep, EPOLLIN, 10));
  check("loop", add(ep, outer, EPOLLIN, 11));
  waitp("outer: nothing inside ready", outer, 8, 0);
  int d[2];
  pipe(d);
  add(ep, d[0], EPOLLIN, 12);
  write(d[1], "n", 1);
  waitp("outer: inner ready", outer, 8, 0);
  pf.fd = ep;
  pf.events = POLLIN;
  poll(&pf, 1, 0);
  printf("epoll fd polls %#x\n", pf.revents);
  return 0;
}
