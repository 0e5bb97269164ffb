/* Directory order, fadvise64, close_range, dup3, copy_file_range, sendfile
 * through a pipe, and record locks between two open file descriptions of
 * one process (OFD locks conflict with POSIX ones). Run in an empty
 * scratch directory (argv[1]); the output must match qemu-aarch64's. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/close_range.h>
#include <stdio.h>
#include <string.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

static void check(const char *what, long r) {
  if (r < 0) printf("%s: -1 %s\n", what, strerrorname_np(errno));
  else printf("%s: %ld\n", what, r);
}

static void lock(const char *what, int fd, int cmd, short type, off_t start, off_t len) {
  struct flock fl = {.l_type = type, .l_whence = SEEK_SET, .l_start = start, .l_len = len};
  int r = fcntl(fd, cmd, &fl);
  if (r < 0) printf("%s: -1 %s\n", what, strerrorname_np(errno));
  else if (cmd == F_GETLK || cmd == F_OFD_GETLK)
    printf("%s: type %d start %ld len %ld pid %s\n", what, fl.l_type, (long)fl.l_start, (long)fl.l_len,
           fl.l_type == F_UNLCK ? "-" : fl.l_pid == -1 ? "-1" : fl.l_pid == getpid() ? "self" : "other");
  else printf("%s: %d\n", what, r);
}

int main(int argc, char **argv) {
  if (argc < 2 || chdir(argv[1]) != 0) return 2;
  mkdir("d", 0755);
  const char *names[] = {"zeta", "alpha", "m", "b12", "kappa", "0", "a-long-file-name.txt", "Q"};
  for (unsigned i = 0; i < sizeof names / sizeof *names; i++) {
    char p[64];
    snprintf(p, sizeof p, "d/%s", names[i]);
    close(open(p, O_CREAT | O_WRONLY, 0644));
  }
  mkdir("d/sub", 0755);
  DIR *d = opendir("d");
  struct dirent *e;
  printf("directory order:");
  while ((e = readdir(d)) != NULL)
    if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) printf(" %s/%d", e->d_name, e->d_type);
  printf("\n");
  rewinddir(d);
  int n = 0;
  while (readdir(d)) n++;
  printf("after rewind: %d entries\n", n);
  closedir(d);

  int f = open("data", O_CREAT | O_RDWR | O_TRUNC, 0644);
  write(f, "0123456789abcdefghij", 20);
  check("fadvise sequential", posix_fadvise(f, 0, 0, POSIX_FADV_SEQUENTIAL) == 0 ? 0 : -1);
  printf("fadvise bad advice: %s\n", strerrorname_np(posix_fadvise(f, 0, 0, 42)));
  printf("fadvise negative length: %s\n", strerrorname_np(posix_fadvise(f, 0, -1, 0)));
  int p[2];
  pipe(p);
  printf("fadvise on a pipe: %s\n", strerrorname_np(posix_fadvise(p[0], 0, 0, 0)));
  printf("fadvise on a bad fd: %s\n", strerrorname_np(posix_fadvise(99, 0, 0, 0)));

  /* sendfile from a file into a pipe, with and without an offset */
  off_t off = 5;
  check("sendfile at 5", sendfile(p[1], f, &off, 4));
  printf("offset now %ld\n", (long)off);
  lseek(f, 10, SEEK_SET);
  check("sendfile at the file offset", sendfile(p[1], f, NULL, 3));
  printf("file offset now %ld\n", (long)lseek(f, 0, SEEK_CUR));
  char buf[32] = {0};
  check("pipe holds", read(p[0], buf, sizeof buf));
  printf("%s\n", buf);

  /* copy_file_range */
  int g = open("copy", O_CREAT | O_RDWR | O_TRUNC, 0644);
  loff_t in = 2, out = 0;
  check("copy_file_range", copy_file_range(f, &in, g, &out, 6, 0));
  printf("in %ld out %ld\n", (long)in, (long)out);
  check("copy_file_range flags", copy_file_range(f, &in, g, &out, 6, 1));
  check("copy_file_range from a pipe", copy_file_range(p[0], NULL, g, NULL, 6, 0));
  in = 0;
  out = 4;
  check("copy_file_range overlapping", copy_file_range(f, &in, f, &out, 8, 0));
  memset(buf, 0, sizeof buf);
  pread(g, buf, sizeof buf, 0);
  printf("copy holds %s\n", buf);

  /* record locks: two open file descriptions of "data" */
  int f2 = open("data", O_RDWR);
  lock("F_GETLK, nothing held", f, F_GETLK, F_WRLCK, 0, 0);
  lock("F_SETLK read 0-9", f, F_SETLK, F_RDLCK, 0, 10);
  lock("same process, other fd: F_GETLK sees no conflict", f2, F_GETLK, F_WRLCK, 0, 0);
  lock("OFD write lock on f2 conflicts with our POSIX read lock", f2, F_OFD_SETLK, F_WRLCK, 5, 10);
  lock("OFD read lock on f2 is fine", f2, F_OFD_SETLK, F_RDLCK, 5, 10);
  lock("F_OFD_GETLK from f sees f2's lock", f, F_OFD_GETLK, F_WRLCK, 0, 0);
  lock("POSIX write lock over it", f, F_SETLK, F_WRLCK, 0, 20);
  lock("OFD unlock", f2, F_OFD_SETLK, F_UNLCK, 0, 0);
  lock("POSIX write lock now", f, F_SETLK, F_WRLCK, 0, 20);
  lock("F_OFD_GETLK from f2 sees it", f2, F_OFD_GETLK, F_RDLCK, 3, 1);
  int f3 = open("data", O_RDONLY);
  close(f3); /* closing any fd of the file drops this process's POSIX locks */
  lock("after closing another fd", f2, F_OFD_GETLK, F_WRLCK, 0, 0);
  lock("write lock on a read-only fd", open("data", O_RDONLY), F_SETLK, F_WRLCK, 0, 1);
  lock("bad type", f, F_SETLK, 7, 0, 1);
  struct flock bad = {.l_type = F_RDLCK, .l_whence = SEEK_SET, .l_pid = 1};
  check("F_OFD_SETLK with l_pid set", fcntl(f, F_OFD_SETLK, &bad));

  /* dup3, close_range */
  check("dup3 same fd", dup3(f, f, 0));
  check("dup3 bad flags", dup3(f, 50, 1));
  check("dup3 to 50", dup3(f, 50, O_CLOEXEC));
  printf("cloexec %d\n", fcntl(50, F_GETFD));
  check("dup3 over 50", dup3(g, 50, 0));
  printf("cloexec %d\n", fcntl(50, F_GETFD));
  dup2(f, 51);
  dup2(f, 53);
  check("close_range cloexec 50-51", syscall(SYS_close_range, 50, 51, CLOSE_RANGE_CLOEXEC));
  printf("cloexec %d %d %d\n", fcntl(50, F_GETFD), fcntl(51, F_GETFD), fcntl(53, F_GETFD));
  check("close_range 50-100", syscall(SYS_close_range, 50, 100, 0));
  check("fcntl on 53", fcntl(53, F_GETFD));
  check("close_range first > last", syscall(SYS_close_range, 10, 5, 0));
  check("close_range bad flags", syscall(SYS_close_range, 5, 10, 1));
  check("F_DUPFD past any limit", fcntl(f, F_DUPFD, 1 << 30));
  return 0;
}
