/* File syscalls through stdio and POSIX calls, in a directory given as argv[1]. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <unistd.h>

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int main(int argc, char **argv) {
  if (argc < 2) return 2;
  if (chdir(argv[1]) != 0) { perror("chdir"); return 1; }
  int fd = open("f.txt", O_CREAT | O_TRUNC | O_RDWR, 0644);
  printf("open for writing: %s\n", fd >= 0 ? "ok" : strerror(errno));
  printf("write %zd\n", write(fd, "hello, file\n", 12));
  printf("lseek end %ld\n", (long)lseek(fd, 0, SEEK_END));
  printf("lseek set %ld\n", (long)lseek(fd, 7, SEEK_SET));
  char buf[64] = {0};
  printf("read %zd: %s", read(fd, buf, sizeof buf - 1), buf);
  printf("pread %zd\n", pread(fd, buf, 5, 0));
  struct stat st;
  printf("fstat size %ld regular %d\n", (long)(fstat(fd, &st), st.st_size), S_ISREG(st.st_mode));
  int d = dup(fd);
  printf("dup is next free: %d\n", d == fd + 1);
  printf("dup2 to 9: %d\n", dup2(fd, 9));
  printf("fcntl cloexec after F_SETFD: %d\n", (fcntl(9, F_SETFD, FD_CLOEXEC), fcntl(9, F_GETFD)));
  close(d);
  close(9);
  printf("close %d\n", close(fd));
  printf("close again: %s\n", close(fd) == 0 ? "ok" : strerror(errno));

  FILE *f = fopen("f.txt", "a");
  fprintf(f, "line %d\n", 2);
  fclose(f);
  f = fopen("f.txt", "r");
  while (fgets(buf, sizeof buf, f)) printf("> %s", buf);
  fclose(f);

  printf("stat missing: %s\n", stat("missing", &st) == 0 ? "ok" : strerror(errno));
  printf("open missing: %s\n", open("missing", O_RDONLY) >= 0 ? "ok" : strerror(errno));
  printf("access f.txt R_OK: %d\n", access("f.txt", R_OK));
  printf("mkdir: %d\n", mkdir("dir", 0755));
  printf("mkdir again: %s\n", mkdir("dir", 0755) == 0 ? "ok" : strerror(errno));
  printf("rename: %d\n", rename("f.txt", "dir/g.txt"));
  printf("stat renamed size %ld\n", (long)(stat("dir/g.txt", &st), st.st_size));
  DIR *dir = opendir(".");
  char *names[16];
  int n = 0;
  struct dirent *e;
  while ((e = readdir(dir)) && n < 16) names[n++] = strdup(e->d_name);
  closedir(dir);
  qsort(names, n, sizeof names[0], cmp);
  for (int i = 0; i < n; i++) printf("entry %s\n", names[i]);
  printf("unlink: %d\n", unlink("dir/g.txt"));
  printf("rmdir: %d\n", rmdir("dir"));
  char cwd[4096];
  printf("getcwd ends with the dir: %d\n", getcwd(cwd, sizeof cwd) && strstr(cwd, argv[1] + strlen(argv[1]) - 6) != 0);
  char exe[4096];
  ssize_t l = readlink("/proc/self/exe", exe, sizeof exe - 1);
  exe[l > 0 ? l : 0] = 0;
  printf("/proc/self/exe ends with files: %d\n", l > 0 && strcmp(exe + l - 6, "/files") == 0);
  /* metadata: links, modes, times, truncate, statfs, sendfile */
  int w = open("m.txt", O_CREAT | O_WRONLY | O_TRUNC, 0644);
  write(w, "metadata\n", 9);
  close(w);
  printf("symlink %d link %d\n", symlink("m.txt", "sym"), link("m.txt", "hard"));
  char target[64] = {0};
  printf("readlink sym: %zd %s\n", readlink("sym", target, sizeof target - 1), target);
  printf("lstat is link: %d, nlink %ld\n", (lstat("sym", &st), S_ISLNK(st.st_mode)), (long)(stat("m.txt", &st), st.st_nlink));
  printf("chmod %d mode %o\n", chmod("m.txt", 0600), (stat("m.txt", &st), st.st_mode & 0777));
  struct timespec times[2] = {{1000000000, 0}, {1234567890, 500000000}};
  printf("utimensat %d mtime %ld.%09ld\n", utimensat(AT_FDCWD, "m.txt", times, 0), (stat("m.txt", &st), (long)st.st_mtim.tv_sec), (long)st.st_mtim.tv_nsec / 1000 * 1000);
  printf("truncate %d size %ld\n", truncate("m.txt", 4), (long)(stat("m.txt", &st), st.st_size));
  struct statfs sfs;
  printf("statfs %d bsize>0 %d\n", statfs(".", &sfs), sfs.f_bsize > 0);
  int in = open("m.txt", O_RDONLY), out = open("copy.txt", O_CREAT | O_WRONLY | O_TRUNC, 0644);
  off_t off = 1;
  printf("sendfile %zd offset now %ld\n", sendfile(out, in, &off, 100), (long)off);
  close(in);
  close(out);
  printf("copy size %ld\n", (long)(stat("copy.txt", &st), st.st_size));
  unlink("sym"); unlink("hard"); unlink("m.txt"); unlink("copy.txt");
  /* stdin to stdout, line by line */
  while (fgets(buf, sizeof buf, stdin)) printf("stdin: %s", buf);
  return 0;
}
