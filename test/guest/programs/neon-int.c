// Integer Advanced SIMD intrinsics over 200 rounds of pseudo-random input,
// folded into one checksum (plus FPSR, for the saturation flag QC).
// cflags: -march=armv8.2-a+dotprod+rdma
#include <arm_neon.h>
#include <stdio.h>
#include <stdint.h>
#include <string.h>
static uint64_t h = 1469598103934665603ull;
static void mix(const void *p, size_t n) { const uint8_t *b = p; for (size_t i = 0; i < n; i++) { h ^= b[i]; h *= 1099511628211ull; } }
#define M(v) do { __typeof__(v) _t = (v); mix(&_t, sizeof _t); } while (0)
int main(void) {
  uint8_t buf[64]; int16_t s16[16]; int32_t s32[8]; uint32_t u32[8]; int64_t s64[4];
  uint32_t x = 12345;
  for (int round = 0; round < 200; round++) {
    for (int i = 0; i < 64; i++) { x = x * 1103515245 + 12345; buf[i] = x >> 16; }
    memcpy(s16, buf, 32); memcpy(s32, buf + 32, 32); memcpy(u32, buf, 32); memcpy(s64, buf + 16, 32);
    uint8x16_t a = vld1q_u8(buf), b = vld1q_u8(buf + 16);
    int16x8_t c = vld1q_s16(s16), d = vld1q_s16(s16 + 8);
    int32x4_t e = vld1q_s32(s32), f = vld1q_s32(s32 + 4);
    int64x2_t g = vld1q_s64(s64), k = vld1q_s64(s64 + 2);
    M(vaddq_u8(a, b)); M(vqaddq_u8(a, b)); M(vqsubq_s16(c, d)); M(vhaddq_u8(a, b)); M(vrhaddq_s16(c, d));
    M(vceqq_u8(a, b)); M(vcgtq_s16(c, d)); M(vtstq_s32(e, f)); M(vmaxq_u8(a, b)); M(vminq_s32(e, f));
    M(vabdq_s16(c, d)); M(vabaq_u8(a, a, b)); M(vmulq_s16(c, d)); M(vmlaq_s32(e, e, f)); M(vmulq_u8(a, b));
    M(vpmaxq_u8(a, b)); M(vpaddq_s32(e, f)); M(vqdmulhq_s16(c, d)); M(vqrdmulhq_s32(e, f));
    M(vshlq_s16(c, vdupq_n_s16((int8_t)buf[3] % 20))); M(vqshlq_u32(vreinterpretq_u32_s32(e), vdupq_n_s32((int8_t)buf[5] % 40)));
    M(vrshlq_s64(g, vdupq_n_s64((int8_t)buf[7] % 70))); M(vqrshlq_s64(g, k));
    M(vaddl_u8(vget_low_u8(a), vget_low_u8(b))); M(vmull_high_s16(c, d)); M(vmlal_s32(g, vget_low_s32(e), vget_high_s32(f)));
    M(vqdmull_s32(vget_low_s32(e), vget_low_s32(f))); M(vaddhn_s32(e, f)); M(vraddhn_s64(g, k)); M(vabdl_u8(vget_low_u8(a), vget_low_u8(b)));
    M(vrev64q_u8(a)); M(vpaddlq_u8(a)); M(vpadalq_s16(e, c)); M(vclzq_u32(vreinterpretq_u32_s32(e))); M(vclsq_s16(c)); M(vcntq_u8(a));
    M(vqabsq_s16(c)); M(vqnegq_s64(g)); M(vabsq_s32(e)); M(vnegq_s64(k)); M(vmovn_s32(e)); M(vqmovn_s64(g)); M(vqmovun_s16(c));
    M(vaddvq_u8(a)); M(vaddlvq_s16(c)); M(vmaxvq_s32(e)); M(vminvq_u8(b)); M(vpaddd_s64(g));
    M(vshrq_n_s16(c, 3)); M(vsraq_n_u32(vreinterpretq_u32_s32(e), vreinterpretq_u32_s32(f), 31)); M(vrshrq_n_s64(g, 64));
    M(vsriq_n_u8(a, b, 5)); M(vsliq_n_u16(vreinterpretq_u16_s16(c), vreinterpretq_u16_s16(d), 9)); M(vqshluq_n_s32(e, 7));
    M(vshrn_n_s32(e, 9)); M(vqrshrn_n_s64(g, 17)); M(vqshrun_n_s16(c, 2)); M(vshll_n_u8(vget_low_u8(a), 8)); M(vmovl_high_s32(f));
    M(vmulq_laneq_s16(c, d, 5)); M(vmlsq_lane_s32(e, f, vget_low_s32(e), 1)); M(vqdmulhq_laneq_s32(e, f, 3)); M(vmull_laneq_u16(vget_low_u16(vreinterpretq_u16_s16(c)), vreinterpretq_u16_s16(d), 7));
    M(vqaddd_s64(vgetq_lane_s64(g, 0), vgetq_lane_s64(k, 1))); M(vqshlb_s8(buf[1], buf[2] % 9)); M(vqmovnd_s64(vgetq_lane_s64(g, 1)));
    M(vbslq_u8(a, b, vdupq_n_u8(0x5a))); M(vbicq_u8(a, b)); M(vornq_u8(a, b)); M(vmvnq_u8(a)); M(vrbitq_u8(b));
    M(vdotq_s32(e, vreinterpretq_s8_u8(a), vreinterpretq_s8_u8(b))); M(vdotq_laneq_u32(vreinterpretq_u32_s32(f), a, b, 2));
    M(vqrdmlahq_s16(c, d, c)); M(vqrdmlshq_laneq_s32(e, f, e, 1));
    M(vsqaddq_u8(a, vreinterpretq_s8_u8(b))); M(vuqaddq_s16(c, vreinterpretq_u16_s16(d)));
  }
  unsigned fpsr; __asm__ volatile("mrs %0, fpsr" : "=r"(fpsr));
  printf("%016llx %x\n", (unsigned long long)h, fpsr);
  return 0;
}
