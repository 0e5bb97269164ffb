// Advanced SIMD through arm_neon.h: integer, saturating, widening/narrowing,
// pairwise, across-lanes, shifts, permutes, table lookups, FP vectors,
// conversions, dot product and crypto. Prints every result lane in hex.
// cflags: -march=armv8.2-a+crypto+sha3+dotprod+fp16 -O1
#include <arm_neon.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static void pb(const char *n, const void *v, unsigned size) {
  const uint8_t *b = v;
  printf("%-10s", n);
  for (unsigned i = 0; i < size; i++) printf("%02x", b[i]);
  printf("\n");
}
// P("name", TYPE(expr)) prints the vector's bytes; TYPE only documents the lanes.
#define P(n, v) do { __typeof__(v) t_ = (v); pb(n, &t_, sizeof t_); } while (0)
#define u8(x) (x)
#define u16(x) (x)
#define u32(x) (x)
#define u64(x) (x)
#define s16(x) (x)
#define s32(x) (x)
#define s64(x) (x)
#define f16(x) (x)
#define f32(x) (x)
#define f64(x) (x)
#define p16(x) (x)

int main(void) {
  uint8_t raw[64];
  for (int i = 0; i < 64; i++) raw[i] = (uint8_t)(i * 37 + 11) ^ (i & 1 ? 0x80 : 0);
  uint8x16_t a8 = vld1q_u8(raw), b8 = vld1q_u8(raw + 16);
  int16x8_t a16 = vld1q_s16((int16_t *)raw), b16 = vld1q_s16((int16_t *)(raw + 16));
  int32x4_t a32 = vld1q_s32((int32_t *)raw), b32 = vld1q_s32((int32_t *)(raw + 32));
  uint64x2_t a64 = vld1q_u64((uint64_t *)raw), b64 = vld1q_u64((uint64_t *)(raw + 48));
  P("add8", u8(vaddq_u8(a8, b8)));
  P("qadd8", u8(vqaddq_u8(a8, b8)));
  P("qsub16", s16(vqsubq_s16(a16, b16)));
  P("mul16", s16(vmulq_s16(a16, b16)));
  P("mla32", s32(vmlaq_s32(a32, b32, a32)));
  P("hadd8", u8(vrhaddq_u8(a8, b8)));
  P("abd16", s16(vabdq_s16(a16, b16)));
  P("max32", s32(vmaxq_s32(a32, b32)));
  P("cmgt16", u16(vcgtq_s16(a16, b16)));
  P("tst8", u8(vtstq_u8(a8, b8)));
  P("shl", s16(vshlq_s16(a16, vnegq_s16(vandq_s16(b16, vdupq_n_s16(7))))));
  P("qrshl", s32(vqrshlq_s32(a32, vdupq_n_s32(3))));
  P("shr", u8(vshrq_n_u8(a8, 3)));
  P("rsra", s32(vrsraq_n_s32(a32, b32, 7)));
  P("sli", u64(vsliq_n_u64(a64, b64, 13)));
  P("qshrn", u8(vcombine_u8(vqshrn_n_u16(vreinterpretq_u16_u8(a8), 4), vqrshrun_n_s16(b16, 3))));
  P("movl", s32(vmovl_s16(vget_low_s16(a16))));
  P("mull", s64(vmull_s32(vget_low_s32(a32), vget_high_s32(b32))));
  P("qdmull", s32(vqdmull_s16(vget_low_s16(a16), vget_low_s16(b16))));
  P("qrdmulh", s16(vqrdmulhq_s16(a16, b16)));
  P("qrdmlah", s16(vqrdmlahq_s16(a16, b16, a16)));
  P("addhn", u8(vcombine_u8(vaddhn_u16(vreinterpretq_u16_u8(a8), vreinterpretq_u16_u8(b8)), vdup_n_u8(1))));
  P("padd", s16(vpaddq_s16(a16, b16)));
  P("padal", s32(vpadalq_s16(a32, b16)));
  printf("addv=%u maxv=%d minv=%u addlv=%lld\n", vaddvq_u8(a8), vmaxvq_s16(a16), vminvq_u8(b8), (long long)vaddlvq_s32(a32));
  P("cnt", u8(vcntq_u8(a8)));
  P("clz", s32(vclzq_s32(a32)));
  P("rbit", u8(vrbitq_u8(a8)));
  P("rev64", u8(vrev64q_u8(a8)));
  P("zip1", u8(vzip1q_u8(a8, b8)));
  P("uzp2", u16(vuzp2q_u16(vreinterpretq_u16_u8(a8), vreinterpretq_u16_u8(b8))));
  P("trn1", u32(vtrn1q_u32(vreinterpretq_u32_u8(a8), vreinterpretq_u32_u8(b8))));
  P("ext", u8(vextq_u8(a8, b8, 5)));
  uint8x16x2_t tab = {{a8, b8}};
  P("tbl2", u8(vqtbl2q_u8(tab, vandq_u8(b8, vdupq_n_u8(0x3f)))));
  P("tbx1", u8(vqtbx1q_u8(b8, a8, vandq_u8(a8, vdupq_n_u8(0x1f)))));
  P("dup", u16(vdupq_laneq_u16(vreinterpretq_u16_u8(a8), 5)));
  P("bsl", u8(vbslq_u8(a8, b8, vmvnq_u8(b8))));
  uint8x16x3_t l3 = vld3q_u8(raw);
  P("ld3.0", u8(l3.val[0]));
  P("ld3.2", u8(l3.val[2]));
  uint8_t st[64]; memset(st, 0, 64);
  uint16x8x4_t l4 = vld4q_u16((uint16_t *)raw);
  vst4q_lane_u16((uint16_t *)st, l4, 3);
  vst2q_u16((uint16_t *)(st + 16), (uint16x8x2_t){{l4.val[1], l4.val[3]}});
  P("st", u8(vld1q_u8(st)));
  P("st2", u8(vld1q_u8(st + 32)));
  // FP vectors
  float32x4_t fa = {1.5f, -2.25f, 1e-40f, 3.4e38f}, fb = {0.1f, 3.0f, -0.0f, 2.0f};
  float64x2_t da = {1.0 / 3, -1e300}, db = {3.0, 1e10};
  P("fadd", f32(vaddq_f32(fa, fb)));
  P("fmul", f32(vmulq_f32(fa, fb)));
  P("fdiv", f64(vdivq_f64(da, db)));
  P("fmla", f32(vfmaq_f32(fa, fb, fa)));
  P("fmax", f32(vmaxnmq_f32(fa, fb)));
  P("fcmge", u32(vcgeq_f32(fa, fb)));
  P("frecpe", f32(vrecpeq_f32(fa)));
  P("frsqrte", f32(vrsqrteq_f32(vabsq_f32(fb))));
  P("frecps", f32(vrecpsq_f32(fa, fb)));
  P("fcvtzs", s32(vcvtq_s32_f32(fa)));
  P("fcvtas", s64(vcvtaq_s64_f64(da)));
  P("scvtf", f32(vcvtq_f32_s32(a32)));
  P("fcvtn", f32(vcvt_high_f32_f64(vget_low_f32(fa), da)));
  P("frintx", f64(vrndxq_f64(vmulq_n_f64(da, 7.5))));
  printf("fmaxv=%08x faddp=%016llx\n", (unsigned)vreinterpretq_u32_f32(vdupq_n_f32(vmaxvq_f32(fa)))[0],
         (unsigned long long)vreinterpretq_u64_f64(vdupq_n_f64(vpaddd_f64(da)))[0]);
  float16x8_t ha = vcvt_high_f16_f32(vcvt_f16_f32(fa), fb);
  P("f16", f16(vaddq_f16(ha, vrev64q_f16(ha))));
  // Dot product
  P("sdot", s32(vdotq_s32(a32, vreinterpretq_s8_u8(a8), vreinterpretq_s8_u8(b8))));
  P("udot", u32(vdotq_laneq_u32(vreinterpretq_u32_s32(b32), a8, b8, 2)));
  // Crypto
  uint8x16_t key = vld1q_u8(raw + 8);
  P("aese", u8(vaesmcq_u8(vaeseq_u8(a8, key))));
  P("aesd", u8(vaesimcq_u8(vaesdq_u8(a8, key))));
  uint32x4_t h = vreinterpretq_u32_u8(a8), w = vreinterpretq_u32_u8(b8);
  P("sha256h", u32(vsha256hq_u32(h, w, vreinterpretq_u32_u8(key))));
  P("sha256su", u32(vsha256su1q_u32(vsha256su0q_u32(h, w), w, h)));
  P("sha1c", u32(vsha1cq_u32(h, 0x12345678, w)));
  P("sha1su", u32(vsha1su1q_u32(vsha1su0q_u32(h, w, h), w)));
  P("sha512h", u64(vsha512hq_u64(a64, b64, a64)));
  P("sha512su", u64(vsha512su1q_u64(vsha512su0q_u64(a64, b64), b64, a64)));
  P("eor3", u8(veor3q_u8(a8, b8, key)));
  P("rax1", u64(vrax1q_u64(a64, b64)));
  P("xar", u64(vxarq_u64(a64, b64, 17)));
  P("pmull", p16(vmull_p8(vget_low_p8(vreinterpretq_p8_u8(a8)), vget_low_p8(vreinterpretq_p8_u8(b8)))));
  P("pmull64", u8(vreinterpretq_u8_p128(vmull_high_p64(vreinterpretq_p64_u64(a64), vreinterpretq_p64_u64(b64)))));
  return 0;
}
