/* /proc/self as the guest sees it: its own command line, maps and auxv. */
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>

int main(int argc, char **argv) {
  char buf[4096];
  FILE *f = fopen("/proc/self/cmdline", "r");
  size_t n = fread(buf, 1, sizeof buf, f);
  fclose(f);
  printf("cmdline:");
  for (size_t i = 0; i < n; i++) putchar(buf[i] ? buf[i] : ' ');
  printf("\n");
  int stack = 0, exec_line = 0, lines = 0;
  f = fopen("/proc/self/maps", "r");
  while (fgets(buf, sizeof buf, f)) {
    lines++;
    if (strstr(buf, "[stack]")) stack = 1;
    if (strstr(buf, " r-xp ") && strstr(buf, argv[0] + (strlen(argv[0]) > 8 ? strlen(argv[0]) - 8 : 0))) exec_line = 1;
  }
  fclose(f);
  printf("maps has [stack]: %d, an r-xp line for the program: %d, several lines: %d\n", stack, exec_line, lines > 3);
  unsigned long aux[2], pagesz = 0;
  f = fopen("/proc/self/auxv", "r");
  while (fread(aux, sizeof aux, 1, f) == 1 && aux[0]) if (aux[0] == AT_PAGESZ) pagesz = aux[1];
  fclose(f);
  printf("auxv AT_PAGESZ %lu (getauxval %lu)\n", pagesz, getauxval(AT_PAGESZ));
  return 0;
}
