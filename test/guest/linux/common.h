/* Shared by the programs in this folder: each takes the name of one case as
 * argv[1] (so a test runs one behaviour), prints only what is the same on
 * every Linux machine, and stops loudly at the first failed check. */
#ifndef ARMVISOR_LINUX_COMMON_H
#define ARMVISOR_LINUX_COMMON_H
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A failed check prints the expression, line and errno name and exits 99. */
#define CHECK(x)                                                                                          \
  do {                                                                                                    \
    if (!(x)) {                                                                                           \
      int e_ = errno;                                                                                     \
      printf("FAILED: %s (line %d, errno %s)\n", #x, __LINE__, e_ ? strerrorname_np(e_) : "0");           \
      fflush(stdout);                                                                                     \
      _exit(99);                                                                                          \
    }                                                                                                     \
  } while (0)

/* The errno name of a failed call, "ok" otherwise. */
static inline const char *err_name(long r) {
  if (r >= 0) return "ok";
  const char *n = strerrorname_np(errno);
  return n ? n : "?";
}

struct test_case {
  const char *name;
  int (*run)(int argc, char **argv); /* argv[0] is the case name */
};

/* Run the case argv[1] names with the arguments after it; its return value is the exit status. */
static inline int run_case(int argc, char **argv, const struct test_case *cases) {
  setvbuf(stdout, NULL, _IOLBF, 0); /* no buffered output duplicated by fork */
  if (argc < 2) {
    fprintf(stderr, "usage: %s CASE [ARGS...]; cases:", argv[0]);
    for (const struct test_case *c = cases; c->name; c++) fprintf(stderr, " %s", c->name);
    fprintf(stderr, "\n");
    return 2;
  }
  for (const struct test_case *c = cases; c->name; c++)
    if (!strcmp(c->name, argv[1])) return c->run(argc - 1, argv + 1);
  fprintf(stderr, "%s: no case %s\n", argv[0], argv[1]);
  return 2;
}
#endif
