// Benchmark: string work (glibc's strlen/memcpy/strchr/strcmp, which use SIMD,
// plus a byte-at-a-time word counter and a hash table of words).
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *words[] = {"lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing", "elit", "sed", "do",
                              "eiusmod", "tempor", "incididunt", "ut", "labore", "et", "dolore", "magna", "aliqua"};

int main(int argc, char **argv) {
  int reps = argc > 1 ? atoi(argv[1]) : 40;
  size_t cap = 1 << 20;
  char *text = malloc(cap + 64);
  size_t len = 0;
  uint32_t s = 7;
  while (len < cap - 16) {
    s = s * 1664525 + 1013904223;
    const char *w = words[(s >> 16) % 19];
    size_t l = strlen(w);
    memcpy(text + len, w, l);
    len += l;
    text[len++] = (s & 0x700) ? ' ' : '\n';
  }
  text[len] = 0;
  unsigned long total_words = 0, lines = 0, hits = 0;
  static uint32_t table[4096];
  for (int r = 0; r < reps; r++) {
    int inword = 0;
    uint32_t h = 2166136261u;
    for (const char *p = text; *p; p++) {
      if (*p == ' ' || *p == '\n') {
        if (inword) { table[h & 4095]++; total_words++; }
        inword = 0; h = 2166136261u;
        if (*p == '\n') lines++;
      } else { inword = 1; h = (h ^ (uint8_t)*p) * 16777619u; }
    }
    for (const char *p = text; (p = strchr(p, 'q')) != NULL; p++) hits++;
    hits += strlen(text + r) + (strcmp(text + r, text + r + 1) > 0);
  }
  uint32_t mix = 0;
  for (int i = 0; i < 4096; i++) mix = mix * 33 + table[i];
  printf("strings: words=%lu lines=%lu hits=%lu mix=%08x\n", total_words, lines, hits, mix);
  return 0;
}
