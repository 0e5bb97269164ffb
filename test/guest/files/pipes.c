/* Pipes as Linux makes them (fs/pipe.c): capacity in page slots, PIPE_BUF
 * atomicity, EOF, EPIPE with SIGPIPE, poll bits, F_GETPIPE_SZ/F_SETPIPE_SZ,
 * packet mode, reopening through /proc/self/fd, and blocking calls cut short
 * by a signal. Single process: the output must match qemu-aarch64's. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <unistd.h>

static char big[200000];

static void check(const char *what, long r) {
  if (r < 0) printf("%s: -1 %s\n", what, strerrorname_np(errno));
  else printf("%s: %ld\n", what, r);
}

static int revents(int fd, short events) {
  struct pollfd p = {fd, events, 0};
  int n = poll(&p, 1, 0);
  return n < 0 ? -errno : p.revents;
}

/* Bytes a non-blocking pipe takes in chunks of `chunk` before EAGAIN. */
static long fill(int chunk) {
  int p[2];
  pipe2(p, O_NONBLOCK);
  long total = 0;
  for (;;) {
    ssize_t n = write(p[1], big, chunk);
    if (n < 0) break;
    total += n;
  }
  int e = errno;
  close(p[0]);
  close(p[1]);
  return e == EAGAIN ? total : -e;
}

static volatile int sigpipes, sigpipe_code, sigpipe_pid_ok;
static void on_sigpipe(int sig, siginfo_t *si, void *uc) {
  (void)sig;
  (void)uc;
  sigpipes++;
  sigpipe_code = si->si_code;
  sigpipe_pid_ok = si->si_pid == getpid();
}

static int alarm_pipe = -1;
static volatile int alarms;
static void on_alarm(int sig) {
  (void)sig;
  alarms++;
  if (alarm_pipe >= 0) write(alarm_pipe, "x", 1);
}

static void arm(int ms) {
  struct itimerval it = {{0, 0}, {0, ms * 1000}};
  setitimer(ITIMER_REAL, &it, NULL);
}

int main(void) {
  int p[2];
  char buf[256];
  check("pipe2", pipe2(p, 0));
  printf("ends %d %d\n", p[0], p[1]);
  check("write", write(p[1], "hello", 5));
  int avail = -1;
  ioctl(p[0], FIONREAD, &avail);
  printf("FIONREAD %d\n", avail);
  check("read", read(p[0], buf, sizeof buf));
  printf("data %.5s\n", buf);
  struct stat st;
  fstat(p[0], &st);
  printf("fifo %d mode %o size %ld nlink %ld\n", S_ISFIFO(st.st_mode), st.st_mode & 07777, (long)st.st_size,
         (long)st.st_nlink);
  printf("getfl %#x %#x\n", fcntl(p[0], F_GETFL), fcntl(p[1], F_GETFL));
  check("F_GETPIPE_SZ", fcntl(p[0], F_GETPIPE_SZ));
  check("lseek", lseek(p[0], 0, SEEK_SET));
  check("pread", pread(p[0], buf, 1, 0));
  check("pwrite", pwrite(p[1], buf, 1, 0));
  check("read on the write end", read(p[1], buf, 1));
  check("write on the read end", write(p[0], buf, 1));
  check("pipe2 with a bad flag", pipe2(p, O_APPEND));
  check("pipe2 to a bad address", pipe2((int *)8, 0));

  char link[64] = {0};
  char path[64];
  snprintf(path, sizeof path, "/proc/self/fd/%d", p[0]);
  ssize_t ln = readlink(path, link, sizeof link - 1);
  printf("readlink %s\n", ln > 6 ? (strncmp(link, "pipe:[", 6) == 0 && link[ln - 1] == ']' ? "pipe:[N]" : link) : "?");
  snprintf(path, sizeof path, "/proc/self/fd/%d", p[1]);
  int w2 = open(path, O_WRONLY);
  check("write through a reopened end", write(w2, "again", 5));
  check("read it", read(p[0], buf, sizeof buf));
  close(w2);

  printf("empty: read end %#x write end %#x\n", revents(p[0], POLLIN | POLLOUT), revents(p[1], POLLIN | POLLOUT));
  write(p[1], "z", 1);
  printf("one byte: read end %#x\n", revents(p[0], POLLIN));
  fd_set r;
  FD_ZERO(&r);
  FD_SET(p[0], &r);
  struct timeval tv = {0, 0};
  printf("select readable %d isset %d\n", select(p[0] + 1, &r, NULL, NULL, &tv), FD_ISSET(p[0], &r));
  read(p[0], buf, 1);
  FD_ZERO(&r);
  FD_SET(p[0], &r);
  tv.tv_usec = 20000;
  printf("select empty %d isset %d tv %ld.%06ld\n", select(p[0] + 1, &r, NULL, NULL, &tv), FD_ISSET(p[0], &r),
         (long)tv.tv_sec, (long)tv.tv_usec);

  /* Capacity: 16 page slots; writes of up to a page merge into a partly filled last slot. */
  printf("fill by 1: %ld\n", fill(1));
  printf("fill by 3000: %ld\n", fill(3000));
  printf("fill by 4096: %ld\n", fill(4096));
  printf("fill by 5000: %ld\n", fill(5000));
  printf("fill by 100000: %ld\n", fill(100000));

  /* PIPE_BUF atomicity: a full pipe with room for 96 bytes in its last slot takes 96 bytes, not 97. */
  pipe2(p, O_NONBLOCK);
  for (int i = 0; i < 15; i++) write(p[1], big, 4096);
  write(p[1], big, 4000);
  check("97 bytes into 96 free", write(p[1], big, 97));
  check("96 bytes into 96 free", write(p[1], big, 96));
  check("then 1", write(p[1], big, 1));
  printf("full: write end %#x\n", revents(p[1], POLLOUT));
  ioctl(p[0], FIONREAD, &avail);
  printf("FIONREAD full %d\n", avail);
  check("read 5000 of it", read(p[0], big, 5000));
  printf("after a read: write end %#x\n", revents(p[1], POLLOUT));
  check("F_SETPIPE_SZ 4096 while holding more", fcntl(p[1], F_SETPIPE_SZ, 4096));
  close(p[0]);
  close(p[1]);

  pipe(p);
  check("F_SETPIPE_SZ 5000", fcntl(p[1], F_SETPIPE_SZ, 5000));
  check("F_GETPIPE_SZ", fcntl(p[0], F_GETPIPE_SZ));
  check("F_SETPIPE_SZ 0", fcntl(p[1], F_SETPIPE_SZ, 0));
  check("F_SETPIPE_SZ 1 MiB", fcntl(p[1], F_SETPIPE_SZ, 1 << 20));
  check("F_GETPIPE_SZ on a file", fcntl(1 ? open("/proc/self/exe", O_RDONLY) : 0, F_GETPIPE_SZ));

  /* End of file once every write end is closed, data first. */
  write(p[1], "tail", 4);
  int dup_w = dup(p[1]);
  close(p[1]);
  printf("one writer left: read end %#x\n", revents(p[0], POLLIN));
  close(dup_w);
  printf("no writer: read end %#x\n", revents(p[0], POLLIN));
  check("read the tail", read(p[0], buf, sizeof buf));
  check("read at EOF", read(p[0], buf, sizeof buf));
  printf("drained, no writer: read end %#x\n", revents(p[0], POLLIN));
  close(p[0]);

  /* EPIPE and SIGPIPE (SI_USER from ourselves). */
  struct sigaction sa = {0};
  sa.sa_sigaction = on_sigpipe;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGPIPE, &sa, NULL);
  pipe(p);
  close(p[0]);
  printf("no reader: write end %#x\n", revents(p[1], POLLOUT));
  check("write with no reader", write(p[1], "x", 1));
  struct iovec iv[2] = {{"ab", 2}, {"cd", 2}};
  check("writev with no reader", writev(p[1], iv, 2));
  printf("SIGPIPE x%d code %d from self %d\n", sigpipes, sigpipe_code, sigpipe_pid_ok);
  signal(SIGPIPE, SIG_IGN);
  check("write with SIGPIPE ignored", write(p[1], "x", 1));
  close(p[1]);

  /* readv takes from several slots at once; writev goes in as one write. */
  pipe(p);
  write(p[1], "one", 3);
  write(p[1], "two", 3);
  struct iovec wv[3] = {{"A", 1}, {"", 0}, {"BC", 2}};
  check("writev", writev(p[1], wv, 3));
  char r1[4] = {0}, r2[8] = {0};
  struct iovec rv[2] = {{r1, 4}, {r2, 8}};
  check("readv", readv(p[0], rv, 2));
  printf("readv got %.4s|%.4s\n", r1, r2);
  close(p[0]);
  close(p[1]);

  /* Packet mode: each write one packet, each read at most one. */
  check("pipe2 O_DIRECT", pipe2(p, O_DIRECT));
  write(p[1], "a", 1);
  write(p[1], "bb", 2);
  write(p[1], "ccc", 3);
  check("packet 1", read(p[0], buf, sizeof buf));
  check("packet 2 into 1 byte", read(p[0], buf, 1));
  check("packet 3", read(p[0], buf, sizeof buf));
  printf("getfl %#x\n", fcntl(p[1], F_GETFL) & O_DIRECT);
  close(p[0]);
  close(p[1]);

  /* A blocking read cut short by a signal: EINTR without SA_RESTART, restarted with it. */
  pipe(p);
  alarm_pipe = p[1];
  struct sigaction al = {0};
  al.sa_handler = on_alarm;
  sigaction(SIGALRM, &al, NULL);
  arm(30);
  check("read interrupted", read(p[0], buf, sizeof buf));
  check("then the handler's byte", read(p[0], buf, sizeof buf));
  al.sa_flags = SA_RESTART;
  sigaction(SIGALRM, &al, NULL);
  arm(30);
  check("read restarted", read(p[0], buf, sizeof buf));
  alarm_pipe = -1;
  /* A blocking write of more than the pipe holds returns what went in when a signal comes. */
  arm(30);
  check("write interrupted after 64 KiB", write(p[1], big, sizeof big));
  arm(30);
  struct pollfd pf = {p[1], POLLOUT, 0};
  check("poll for a full pipe, interrupted", poll(&pf, 1, -1));
  close(p[0]);
  close(p[1]);
  printf("alarms %d\n", alarms);
  return 0;
}
