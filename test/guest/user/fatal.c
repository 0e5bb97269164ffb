/* Ways to die: argv[1] selects one. The exit status a shell sees must match. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv) {
  const char *how = argc > 1 ? argv[1] : "exit";
  printf("dying by %s\n", how);
  fflush(stdout);
  if (!strcmp(how, "exit")) exit(7);
  if (!strcmp(how, "return")) return 300; /* status is taken modulo 256 */
  if (!strcmp(how, "abort")) abort();
  if (!strcmp(how, "segv")) { volatile int *volatile p = (int *)16; *p = 1; }
  if (!strcmp(how, "ro")) *(volatile char *)"literal" = 1;
  if (!strcmp(how, "trap")) __builtin_trap();
  if (!strcmp(how, "kill")) kill(getpid(), SIGTERM);
  if (!strcmp(how, "assert")) { extern void __assert_fail(const char *, const char *, unsigned, const char *); __assert_fail("0", "fatal.c", 1, "main"); }
  return 0;
}
