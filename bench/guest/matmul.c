// Benchmark: double-precision matrix multiply (FP loads, FMUL/FADD).
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 140, reps = argc > 2 ? atoi(argv[2]) : 4;
  double *a = malloc(sizeof(double) * n * n), *b = malloc(sizeof(double) * n * n), *c = malloc(sizeof(double) * n * n);
  for (int i = 0; i < n * n; i++) {
    a[i] = (i % 17) * 0.25 - 1.0;
    b[i] = (i % 13) * 0.5 + 0.125;
  }
  double sum = 0;
  for (int r = 0; r < reps; r++) {
    for (int i = 0; i < n; i++)
      for (int j = 0; j < n; j++) {
        double acc = 0;
        for (int k = 0; k < n; k++) acc += a[i * n + k] * b[k * n + j];
        c[i * n + j] = acc;
      }
    sum += c[(r * 7) % (n * n)];
    a[r] += 1.0;
  }
  double tr = 0;
  for (int i = 0; i < n; i++) tr += c[i * n + i];
  printf("matmul: trace=%.6f sum=%.6f\n", tr, sum);
  return 0;
}
