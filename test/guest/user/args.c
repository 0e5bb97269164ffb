/* argv, the environment and the auxiliary vector as the program sees them.
 * argv[1] is a hex mask: AT_HWCAP is printed masked with it (the bits
 * armvisor claims), so the output can match qemu's, which claims more. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <unistd.h>

extern char **environ;

int main(int argc, char **argv) {
  printf("argc %d\n", argc);
  for (int i = 0; i < argc; i++) printf("argv[%d] = \"%s\"\n", i, argv[i]);
  printf("argv[argc] is NULL: %d\n", argv[argc] == NULL);
  int n = 0;
  for (char **e = environ; *e; e++) n++;
  printf("environment entries %d\n", n);
  const char *names[] = {"ARMVISOR_A", "ARMVISOR_B", "ARMVISOR_GONE", "HOME"};
  for (int i = 0; i < 4; i++) {
    const char *v = getenv(names[i]);
    printf("%s=%s\n", names[i], v ? v : "(unset)");
  }
  unsigned long mask = argc > 1 ? strtoul(argv[1], 0, 16) : 0;
  unsigned long mask2 = argc > 2 ? strtoul(argv[2], 0, 16) : 0;
  printf("AT_PAGESZ %lu\n", getauxval(AT_PAGESZ));
  printf("AT_HWCAP & mask %#lx\n", getauxval(AT_HWCAP) & mask);
  printf("AT_HWCAP2 & mask %#lx\n", getauxval(AT_HWCAP2) & mask2);
  printf("AT_CLKTCK %lu\n", getauxval(AT_CLKTCK));
  printf("AT_PHENT %lu\n", getauxval(AT_PHENT));
  printf("AT_SECURE %lu\n", getauxval(AT_SECURE));
  printf("AT_UID == getuid %d\n", getauxval(AT_UID) == getuid());
  printf("AT_PLATFORM %s\n", (const char *)getauxval(AT_PLATFORM));
  printf("AT_EXECFN is argv[0]-like: %d\n", strstr((const char *)getauxval(AT_EXECFN), "args") != NULL);
  printf("AT_RANDOM set: %d\n", getauxval(AT_RANDOM) != 0);
  printf("AT_ENTRY is _start-like: %d\n", getauxval(AT_ENTRY) != 0);
  printf("stack aligned: %d\n", ((unsigned long)__builtin_frame_address(0) & 15) == 0);
  return 0;
}
