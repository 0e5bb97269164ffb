// Benchmark: glibc qsort of integers with a comparison callback, plus a
// hand-written merge sort (calls, loads/stores, unpredictable branches).
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return (x > y) - (x < y);
}

static void msort(uint32_t *v, uint32_t *tmp, int n) {
  if (n < 2) return;
  int h = n / 2;
  msort(v, tmp, h);
  msort(v + h, tmp, n - h);
  int i = 0, j = h, k = 0;
  while (i < h && j < n) tmp[k++] = v[i] <= v[j] ? v[i++] : v[j++];
  while (i < h) tmp[k++] = v[i++];
  while (j < n) tmp[k++] = v[j++];
  memcpy(v, tmp, n * sizeof *v);
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 200000, reps = argc > 2 ? atoi(argv[2]) : 3;
  uint32_t *v = malloc(n * sizeof *v), *t = malloc(n * sizeof *t);
  uint64_t check = 0;
  uint32_t s = 1;
  for (int r = 0; r < reps; r++) {
    for (int i = 0; i < n; i++) { s ^= s << 13; s ^= s >> 17; s ^= s << 5; v[i] = s; }
    if (r & 1) msort(v, t, n); else qsort(v, n, sizeof *v, cmp);
    for (int i = 0; i < n; i += 97) check = check * 31 + v[i];
  }
  printf("qsort: %016llx\n", (unsigned long long)check);
  return 0;
}
