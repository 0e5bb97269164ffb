/* Print "y" lines until writing fails: killed by SIGPIPE when the reader goes away. */
#include <stdio.h>

int main(void) {
  for (long i = 0; i < 100000000; i++)
    if (puts("y") == EOF) return 9;
  return 0;
}
