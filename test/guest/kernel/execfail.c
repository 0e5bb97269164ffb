/* execve failures leave the caller intact: the errno of a missing file, a
 * directory, a file without #! or ELF header, an empty #! line, and a
 * program that still runs afterwards. Also wait4 on no children, WNOHANG,
 * and the status words of children that exit or die by a signal. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <fcntl.h>

static void try_exec(const char *what, const char *path) {
  char *argv[] = {(char *)path, NULL};
  errno = 0;
  int r = execve(path, argv, NULL);
  printf("%s: execve = %d, %s\n", what, r, strerror(errno));
}

static void write_file(const char *path, const char *text, int mode) {
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
  write(fd, text, strlen(text));
  close(fd);
}

int main(int argc, char **argv) {
  const char *dir = argc > 1 ? argv[1] : "/tmp";
  char text[512], empty[512];
  snprintf(text, sizeof text, "%s/plain.txt", dir);
  snprintf(empty, sizeof empty, "%s/empty-shebang", dir);
  write_file(text, "just text\n", 0755);
  write_file(empty, "#!\n", 0755);
  try_exec("missing file", "/nonexistent/program");
  try_exec("directory", dir);
  try_exec("text without #!", text);
  try_exec("empty #! line", empty);
  int st;
  errno = 0;
  printf("wait4 without children: %d %s\n", (int)wait4(-1, &st, 0, NULL), strerror(errno));
  pid_t c = fork();
  if (c == 0) {
    pause();
    _exit(0);
  }
  printf("WNOHANG on a running child: %d\n", (int)waitpid(c, &st, WNOHANG));
  kill(c, SIGTERM);
  printf("waitpid returns the child: %d\n", waitpid(c, &st, 0) == c);
  printf("signaled %d termsig %d status %#x\n", WIFSIGNALED(st), WTERMSIG(st), st);
  c = fork();
  if (c == 0) _exit(201);
  waitpid(c, &st, 0);
  printf("exited %d code %d status %#x\n", WIFEXITED(st), WEXITSTATUS(st), st);
  c = fork();
  if (c == 0) abort();
  waitpid(c, &st, 0);
  printf("abort: termsig %d\n", WTERMSIG(st));
  siginfo_t si;
  c = fork();
  if (c == 0) _exit(9);
  memset(&si, 0, sizeof si);
  waitid(P_PID, c, &si, WEXITED);
  printf("waitid: signo %d code %d status %d pid-ok %d\n", si.si_signo, si.si_code, si.si_status, si.si_pid == c);
  unlink(text);
  unlink(empty);
  return 0;
}
