/* The program exec.c runs: prints what it was started with (arguments, with
 * paths cut to their last component; T_* environment variables but T_PID, sorted;
 * which descriptors 3..9 are open) and exits with $T_EXIT. */
#include "common.h"
#include <fcntl.h>

static int by_string(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int main(int argc, char **argv, char **envp) {
  setvbuf(stdout, NULL, _IOLBF, 0);
  printf("show: argc %d:", argc);
  for (int i = 1; i < argc; i++) {
    const char *slash = strrchr(argv[i], '/');
    printf(" [%s]", slash ? slash + 1 : argv[i]);
  }
  printf("\n");
  char *vars[64];
  int n = 0;
  for (char **e = envp; *e && n < 64; e++)
    if (!strncmp(*e, "T_", 2) && strncmp(*e, "T_PID=", 6)) vars[n++] = *e;
  qsort(vars, n, sizeof vars[0], by_string);
  printf("show: env");
  for (int i = 0; i < n; i++) printf(" %s", vars[i]);
  printf("\nshow: open fds");
  for (int fd = 3; fd < 10; fd++)
    if (fcntl(fd, F_GETFD) >= 0) printf(" %d", fd);
  printf("\n");
  const char *pid = getenv("T_PID");
  if (pid) printf("show: same pid as before exec: %d\n", atoi(pid) == getpid());
  const char *code = getenv("T_EXIT");
  return code ? atoi(code) : 0;
}
