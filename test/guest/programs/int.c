// Integer behaviour of the A64 core as C sees it: arithmetic, division edge
// cases, shifts, bit operations, 128-bit products, CRC32, atomics, and
// glibc's printf/qsort/string functions running on top.
// cflags: -march=armv8.2-a+crc -O1
#include <arm_acle.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static volatile int64_t vals64[] = {0, 1, -1, 2, -2, 7, -7, 0x7fffffffffffffffLL, INT64_MIN, 0x123456789abcdefLL,
                                    -0x123456789abcdefLL, 0xffffffffLL, 0x100000000LL, 0x80000000LL, 31, 63, 64};
static volatile int32_t vals32[] = {0, 1, -1, 2, -2, 7, -7, INT32_MAX, INT32_MIN, 0x12345678, -0x12345678, 0xffff, 31, 32};
#define N64 (sizeof vals64 / sizeof vals64[0])
#define N32 (sizeof vals32 / sizeof vals32[0])

static uint64_t mix = 0xcbf29ce484222325ULL;
static void feed(uint64_t v) { mix = (mix ^ v) * 0x100000001b3ULL; }

static int cmp_int(const void *a, const void *b) {
  int x = *(const int *)a, y = *(const int *)b;
  return (x > y) - (x < y);
}

int main(void) {
  for (unsigned i = 0; i < N64; i++)
    for (unsigned j = 0; j < N64; j++) {
      int64_t a = vals64[i], b = vals64[j];
      uint64_t ua = a, ub = b;
      feed(a + b); feed(a - b); feed(a * b); feed(ua * ub);
      feed(b ? (a == INT64_MIN && b == -1 ? 0 : a / b) : 0);
      feed(b ? (a == INT64_MIN && b == -1 ? 0 : a % b) : 0);
      feed(ub ? ua / ub : 0); feed(ub ? ua % ub : 0);
      feed(ua << (ub & 63)); feed(ua >> (ub & 63)); feed((uint64_t)(a >> (ub & 63)));
      feed((uint64_t)(((__int128)a * b) >> 64)); feed((uint64_t)(((unsigned __int128)ua * ub) >> 64));
      feed(a < b); feed(ua < ub); feed(a == b);
      int64_t r; feed(__builtin_add_overflow(a, b, &r)); feed(__builtin_mul_overflow(a, b, &r));
    }
  printf("int64 mix: %016llx\n", (unsigned long long)mix);
  mix = 0xcbf29ce484222325ULL;
  for (unsigned i = 0; i < N32; i++)
    for (unsigned j = 0; j < N32; j++) {
      int32_t a = vals32[i], b = vals32[j];
      uint32_t ua = a, ub = b;
      feed((uint32_t)(a + b)); feed((uint32_t)(a - b)); feed((uint32_t)(ua * ub));
      feed(b ? (uint32_t)(a == INT32_MIN && b == -1 ? 0 : a / b) : 0);
      feed(ub ? ua / ub : 0);
      feed(ua << (ub & 31)); feed(ua >> (ub & 31)); feed((uint32_t)(a >> (ub & 31)));
      feed((uint64_t)((int64_t)a * b)); feed((uint64_t)ua * ub);
      feed((ua >> (ub & 31)) | (ua << ((32 - ub) & 31)));
    }
  printf("int32 mix: %016llx\n", (unsigned long long)mix);
  for (unsigned i = 0; i < N64; i++) {
    uint64_t v = vals64[i];
    printf("%016llx clz=%d ctz=%d pop=%d clrsb=%d bswap=%016llx rbit=%016llx\n", (unsigned long long)v,
           v ? __builtin_clzll(v) : 64, v ? __builtin_ctzll(v) : 64, __builtin_popcountll(v), __builtin_clrsbll(v),
           (unsigned long long)__builtin_bswap64(v), (unsigned long long)__rbitll(v));
  }
  const char *msg = "The quick brown fox jumps over the lazy dog";
  uint32_t crc = 0xffffffff, crcc = 0xffffffff;
  for (const char *p = msg; *p; p++) { crc = __crc32b(crc, *p); crcc = __crc32cb(crcc, *p); }
  uint64_t w = 0x0123456789abcdefULL;
  printf("crc32=%08x crc32c=%08x crc32d=%08x crc32cd=%08x crc32h=%08x crc32w=%08x\n", ~crc, ~crcc, __crc32d(0, w),
         __crc32cd(0, w), __crc32h(1, 0xbeef), __crc32w(2, 0xdeadbeef));
  // Atomics (LSE with -march=armv8.1-a and later).
  static int64_t counter = 5;
  static int32_t c32 = 100;
  int64_t old = __atomic_fetch_add(&counter, 10, __ATOMIC_SEQ_CST);
  int64_t expect = 15;
  int ok = __atomic_compare_exchange_n(&counter, &expect, 99, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
  int32_t o2 = __atomic_fetch_or(&c32, 0x0f0, __ATOMIC_ACQUIRE);
  int32_t o3 = __atomic_exchange_n(&c32, -5, __ATOMIC_RELEASE);
  int32_t o4 = __atomic_fetch_and(&c32, 0x7, __ATOMIC_RELAXED);
  printf("atomics: %lld %d %lld %d %d %d %d\n", (long long)old, ok, (long long)counter, o2, o3, o4, c32);
  // libc on top: qsort, strings, printf formats.
  int arr[257];
  uint32_t s = 12345;
  for (int i = 0; i < 257; i++) { s = s * 1103515245 + 12345; arr[i] = (int)(s >> 8) - (1 << 22); }
  qsort(arr, 257, sizeof arr[0], cmp_int);
  printf("sorted: %d %d %d %d\n", arr[0], arr[1], arr[128], arr[256]);
  char buf[200];
  snprintf(buf, sizeof buf, "%s|%10.3s|%-5d|%+d|%#o|%lld|%zu", msg, msg, -42, 255, 8, LLONG_MIN, strlen(msg));
  printf("%s\n", buf);
  printf("strstr=%ld strchr=%ld strrchr=%ld memcmp=%d strcmp=%d\n", (long)(strstr(msg, "lazy") - msg),
         (long)(strchr(msg, 'q') - msg), (long)(strrchr(msg, 'o') - msg), memcmp(msg, "The", 3) == 0,
         strcmp("abc", "abd") < 0);
  printf("strtol=%ld strtoull=%llu atoi=%d\n", strtol("-0x7fff", NULL, 16), strtoull("18446744073709551615", NULL, 10),
         atoi("  123abc"));
  return 3;
}
