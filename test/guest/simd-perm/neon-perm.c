// Structure loads/stores, permutes, table lookups and lane moves as a C
// compiler emits them (arm_neon.h), on data that spans a page boundary.
// Prints every result in hex; the test compares the output with qemu-aarch64.
// cflags: -march=armv8-a -O2
#include <arm_neon.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

static void p8(const char *l, const uint8_t *p, int n) {
  printf("%-10s", l);
  for (int i = 0; i < n; i++) printf("%02x", p[i]);
  printf("\n");
}
#define PV(l, v) do { uint8_t t_[sizeof(v)]; memcpy(t_, &(v), sizeof(v)); p8(l, t_, sizeof(v)); } while (0)

int main(void) {
  // two pages; the data starts 40 bytes before the boundary
  uint8_t *page = mmap(0, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  uint8_t *d = page + 4096 - 40;
  for (int i = 0; i < 256; i++) d[i] = (uint8_t)(i * 7 + 3);

  // de-interleave RGB (LD3), swap to BGR and re-interleave (ST3)
  uint8x16x3_t rgb = vld3q_u8(d);
  PV("ld3.r", rgb.val[0]);
  PV("ld3.b", rgb.val[2]);
  uint8x16x3_t bgr = {{rgb.val[2], rgb.val[1], rgb.val[0]}};
  uint8_t out[64 * 4];
  vst3q_u8(out, bgr);
  p8("st3", out, 48);

  uint16x4x4_t q4 = vld4_u16((const uint16_t *)(d + 2));
  PV("ld4.h0", q4.val[0]);
  PV("ld4.h3", q4.val[3]);
  vst4_u16((uint16_t *)out, q4);
  p8("st4.h", out, 32);

  uint32x4x2_t q2 = vld2q_u32((const uint32_t *)(d + 4));
  PV("ld2.s1", q2.val[1]);
  uint64x2x4_t l1 = vld1q_u64_x4((const uint64_t *)(d + 8));
  PV("ld1x4.3", l1.val[3]);
  vst1q_u64_x4((uint64_t *)out, l1);
  p8("st1x4", out, 64);

  // lanes and replicate
  uint32x4_t lane = vld1q_lane_u32((const uint32_t *)(d + 37), vdupq_n_u32(0x11111111), 2);
  PV("ld1.lane", lane);
  uint16x8x2_t ldl = vld2q_lane_u16((const uint16_t *)(d + 39), (uint16x8x2_t){{vdupq_n_u16(1), vdupq_n_u16(2)}}, 5);
  PV("ld2.lane", ldl.val[1]);
  uint8x8x4_t rep = vld4_dup_u8(d + 38);
  PV("ld4r.3", rep.val[3]);
  vst2q_lane_u64((uint64_t *)out, (uint64x2x2_t){{vdupq_n_u64(0x0102030405060708ULL), vdupq_n_u64(0x1112131415161718ULL)}}, 1);
  p8("st2.lane", out, 16);

  // permutes, extract, table lookups
  uint8x16_t a = vld1q_u8(d + 16), b = vld1q_u8(d + 48);
  uint8x16_t z1 = vzip1q_u8(a, b), z2 = vzip2q_u8(a, b);
  uint16x8_t u1 = vuzp1q_u16(vreinterpretq_u16_u8(a), vreinterpretq_u16_u8(b));
  uint32x2_t t2 = vtrn2_u32(vreinterpret_u32_u8(vget_low_u8(a)), vreinterpret_u32_u8(vget_high_u8(b)));
  uint8x16_t ex = vextq_u8(a, b, 11);
  PV("zip1", z1);
  PV("zip2", z2);
  PV("uzp1.h", u1);
  PV("trn2.s", t2);
  PV("ext", ex);
  uint8x16_t idx = vld1q_u8(d + 100);
  uint8x16x4_t tab = {{a, b, z1, z2}};
  uint8x16_t tl = vqtbl4q_u8(tab, vandq_u8(idx, vdupq_n_u8(0x4f)));
  uint8x16_t tx = vqtbx2q_u8(ex, (uint8x16x2_t){{a, b}}, vandq_u8(idx, vdupq_n_u8(0x2f)));
  PV("tbl4", tl);
  PV("tbx2", tx);

  // lane moves
  int16x8_t s = vreinterpretq_s16_u8(a);
  printf("smov %lld %d umov %u %llu\n", (long long)vgetq_lane_s16(s, 3), vgetq_lane_s8(vreinterpretq_s8_u8(b), 9),
         vgetq_lane_u16(vreinterpretq_u16_u8(b), 7), (unsigned long long)vgetq_lane_u64(vreinterpretq_u64_u8(a), 1));
  uint32x4_t ins = vsetq_lane_u32(0xdeadbeef, vreinterpretq_u32_u8(a), 3);
  ins = vcopyq_laneq_u32(ins, 0, vreinterpretq_u32_u8(b), 2);
  PV("ins", ins);
  uint16x8_t dup = vdupq_laneq_u16(vreinterpretq_u16_u8(b), 6);
  PV("dup", dup);
  return 0;
}
