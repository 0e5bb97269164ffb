// Known-answer tests computed through the crypto instructions: AES-128
// (FIPS-197 Appendix B and C.1; AESE/AESMC/AESD/AESIMC, key expansion with
// AESE), SHA-1, SHA-256, SHA-512 (FIPS 180-4 examples; SHA1*/SHA256*/SHA512*)
// SHA3-256 (FIPS 202; Keccak-f[1600] with EOR3/RAX1/XAR/BCAX), SM4 (GB/T
// 32907-2016 example; SM4EKEY/SM4E), plus
// PMULL/PMULL2 products. Prints hex digests; the test compares them with the
// published values and with qemu-aarch64.
// cflags: -march=armv8.2-a+crypto+sha3+sm4 -O2
#include <arm_neon.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static void hex(const char *label, const uint8_t *p, int n) {
  printf("%s ", label);
  for (int i = 0; i < n; i++) printf("%02x", p[i]);
  printf("\n");
}

// ---------------------------------------------------------------- AES-128
static uint32_t subword(uint32_t w) {
  // All four columns equal: ShiftRows is the identity, AESE with a zero key is SubBytes.
  uint8x16_t x = vreinterpretq_u8_u32(vdupq_n_u32(w));
  x = vaeseq_u8(x, vdupq_n_u8(0));
  return vgetq_lane_u32(vreinterpretq_u32_u8(x), 0);
}

static void aes128_expand(const uint8_t key[16], uint8_t rk[176]) {
  uint32_t w[44];
  memcpy(w, key, 16);
  uint32_t rcon = 1;
  for (int i = 4; i < 44; i++) {
    uint32_t t = w[i - 1];
    if (i % 4 == 0) {
      t = subword((t >> 8) | (t << 24)) ^ rcon;
      rcon = (rcon << 1) ^ ((rcon & 0x80) ? 0x11b : 0);
    }
    w[i] = w[i - 4] ^ t;
  }
  memcpy(rk, w, 176);
}

static void aes128_encrypt(const uint8_t rk[176], const uint8_t in[16], uint8_t out[16]) {
  uint8x16_t s = vld1q_u8(in);
  for (int r = 0; r < 9; r++) s = vaesmcq_u8(vaeseq_u8(s, vld1q_u8(rk + 16 * r)));
  s = vaeseq_u8(s, vld1q_u8(rk + 144));
  s = veorq_u8(s, vld1q_u8(rk + 160));
  vst1q_u8(out, s);
}

static void aes128_decrypt(const uint8_t rk[176], const uint8_t in[16], uint8_t out[16]) {
  uint8x16_t s = vaesdq_u8(vld1q_u8(in), vld1q_u8(rk + 160));
  for (int r = 9; r >= 1; r--) s = vaesdq_u8(vaesimcq_u8(s), vaesimcq_u8(vld1q_u8(rk + 16 * r)));
  s = veorq_u8(s, vld1q_u8(rk));
  vst1q_u8(out, s);
}

static void aes_test(const char *name, const char *keyhex, const char *pthex) {
  uint8_t key[16], pt[16], ct[16], back[16], rk[176];
  for (int i = 0; i < 16; i++) {
    sscanf(keyhex + 2 * i, "%2hhx", &key[i]);
    sscanf(pthex + 2 * i, "%2hhx", &pt[i]);
  }
  aes128_expand(key, rk);
  aes128_encrypt(rk, pt, ct);
  aes128_decrypt(rk, ct, back);
  char label[64];
  snprintf(label, sizeof label, "aes128-%s-encrypt", name);
  hex(label, ct, 16);
  snprintf(label, sizeof label, "aes128-%s-decrypt", name);
  hex(label, back, 16);
}

// ---------------------------------------------------------------- padding
/** Merkle-Damgard padding with a big-endian bit length of lenbytes bytes; returns the padded size. */
static size_t md_pad(const char *msg, uint8_t *buf, size_t block, size_t lenbytes) {
  size_t n = strlen(msg);
  memset(buf, 0, 512);
  memcpy(buf, msg, n);
  buf[n] = 0x80;
  size_t total = ((n + 1 + lenbytes + block - 1) / block) * block;
  uint64_t bits = (uint64_t)n * 8;
  for (int i = 0; i < 8; i++) buf[total - 1 - i] = (uint8_t)(bits >> (8 * i));
  return total;
}

static uint32_t be32(const uint8_t *p) { return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3]; }
static uint64_t be64(const uint8_t *p) { return ((uint64_t)be32(p) << 32) | be32(p + 4); }

// ---------------------------------------------------------------- SHA-1
static void sha1(const char *msg, uint8_t out[20]) {
  uint8_t buf[512];
  size_t total = md_pad(msg, buf, 64, 8);
  uint32_t h[5] = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0};
  for (size_t off = 0; off < total; off += 64) {
    uint32_t wv[16];
    for (int i = 0; i < 16; i++) wv[i] = be32(buf + off + 4 * i);
    uint32x4_t abcd = vld1q_u32(h), abcd0 = abcd;
    uint32_t e = h[4], e0 = e;
    uint32x4_t m[4];
    for (int i = 0; i < 4; i++) m[i] = vld1q_u32(wv + 4 * i);
    for (int i = 0; i < 20; i++) {
      uint32_t k = i < 5 ? 0x5a827999 : i < 10 ? 0x6ed9eba1 : i < 15 ? 0x8f1bbcdc : 0xca62c1d6;
      uint32x4_t wk = vaddq_u32(m[i % 4], vdupq_n_u32(k));
      uint32_t enext = vsha1h_u32(vgetq_lane_u32(abcd, 0));
      if (i < 5) abcd = vsha1cq_u32(abcd, e, wk);
      else if (i < 10 || i >= 15) abcd = vsha1pq_u32(abcd, e, wk);
      else abcd = vsha1mq_u32(abcd, e, wk);
      e = enext;
      if (i < 16) m[i % 4] = vsha1su1q_u32(vsha1su0q_u32(m[i % 4], m[(i + 1) % 4], m[(i + 2) % 4]), m[(i + 3) % 4]);
    }
    abcd = vaddq_u32(abcd, abcd0);
    vst1q_u32(h, abcd);
    h[4] = e + e0;
  }
  for (int i = 0; i < 5; i++)
    for (int j = 0; j < 4; j++) out[4 * i + j] = (uint8_t)(h[i] >> (24 - 8 * j));
}

// ---------------------------------------------------------------- SHA-256
static uint32_t K256[64];

static void sha256(const char *msg, uint8_t out[32]) {
  uint8_t buf[512];
  size_t total = md_pad(msg, buf, 64, 8);
  uint32_t h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  for (size_t off = 0; off < total; off += 64) {
    uint32_t wv[16];
    for (int i = 0; i < 16; i++) wv[i] = be32(buf + off + 4 * i);
    uint32x4_t s0 = vld1q_u32(h), s1 = vld1q_u32(h + 4), a0 = s0, a1 = s1;
    uint32x4_t m[4];
    for (int i = 0; i < 4; i++) m[i] = vld1q_u32(wv + 4 * i);
    for (int i = 0; i < 16; i++) {
      uint32x4_t wk = vaddq_u32(m[i % 4], vld1q_u32(K256 + 4 * i));
      if (i < 12) m[i % 4] = vsha256su1q_u32(vsha256su0q_u32(m[i % 4], m[(i + 1) % 4]), m[(i + 2) % 4], m[(i + 3) % 4]);
      uint32x4_t t = s0;
      s0 = vsha256hq_u32(s0, s1, wk);
      s1 = vsha256h2q_u32(s1, t, wk);
    }
    vst1q_u32(h, vaddq_u32(s0, a0));
    vst1q_u32(h + 4, vaddq_u32(s1, a1));
  }
  for (int i = 0; i < 8; i++)
    for (int j = 0; j < 4; j++) out[4 * i + j] = (uint8_t)(h[i] >> (24 - 8 * j));
}

// ---------------------------------------------------------------- SHA-512
static const uint64_t K512[80] = {
#include "sha512-k.h"
};

/**
 * One SHA-512 block, two rounds per step: SHA512H gives both T1 values from
 * (d, e), (f, g) and h + K + W; SHA512H2 the new (a, b) from them.
 */
static void sha512_block(uint64_t st[8], const uint8_t *blk) {
  uint64x2_t w[8];
  for (int i = 0; i < 8; i++) w[i] = vcombine_u64(vcreate_u64(be64(blk + 16 * i)), vcreate_u64(be64(blk + 16 * i + 8)));
  uint64x2_t ab = vld1q_u64(st), cd = vld1q_u64(st + 2), ef = vld1q_u64(st + 4), gh = vld1q_u64(st + 6);
  uint64x2_t s0 = ab, s1 = cd, s2 = ef, s3 = gh;
  for (int i = 0; i < 40; i++) {
    uint64x2_t wk = vaddq_u64(w[i % 8], vld1q_u64(K512 + 2 * i));
    uint64x2_t t = vaddq_u64(gh, vextq_u64(wk, wk, 1));
    t = vsha512hq_u64(t, vextq_u64(ef, gh, 1), vextq_u64(cd, ef, 1));
    uint64x2_t nef = vaddq_u64(cd, t);
    uint64x2_t nab = vsha512h2q_u64(t, cd, ab);
    gh = ef;
    ef = nef;
    cd = ab;
    ab = nab;
    if (i < 32) w[i % 8] = vsha512su1q_u64(vsha512su0q_u64(w[i % 8], w[(i + 1) % 8]), w[(i + 7) % 8], vextq_u64(w[(i + 4) % 8], w[(i + 5) % 8], 1));
  }
  vst1q_u64(st, vaddq_u64(ab, s0));
  vst1q_u64(st + 2, vaddq_u64(cd, s1));
  vst1q_u64(st + 4, vaddq_u64(ef, s2));
  vst1q_u64(st + 6, vaddq_u64(gh, s3));
}

static void sha512(const char *msg, uint8_t out[64]) {
  uint8_t buf[512];
  size_t total = md_pad(msg, buf, 128, 16);
  uint64_t h[8] = {0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL, 0xa54ff53a5f1d36f1ULL,
                   0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL, 0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL};
  for (size_t off = 0; off < total; off += 128) sha512_block(h, buf + off);
  for (int i = 0; i < 8; i++)
    for (int j = 0; j < 8; j++) out[8 * i + j] = (uint8_t)(h[i] >> (56 - 8 * j));
}

// ---------------------------------------------------------------- SHA3-256
static uint64_t RC[24];

static int rc_bit(int t) {
  unsigned r = 1;
  for (int i = 0; i < t % 255; i++) {
    r <<= 1;
    if (r & 0x100) r ^= 0x171;
  }
  return r & 1;
}

#define L(x, y) a[(x) + 5 * (y)]
#define RP(x, y, r) b[(y) + 5 * ((2 * (x) + 3 * (y)) % 5)] = vxarq_u64(L(x, y), d[x], (64 - (r)) % 64)

static void keccakf(uint64x2_t a[25]) {
  uint64x2_t c[5], d[5], b[25];
  for (int round = 0; round < 24; round++) {
    for (int x = 0; x < 5; x++) c[x] = veor3q_u64(veor3q_u64(L(x, 0), L(x, 1), L(x, 2)), L(x, 3), L(x, 4));
    for (int x = 0; x < 5; x++) d[x] = vrax1q_u64(c[(x + 4) % 5], c[(x + 1) % 5]);
    RP(0, 0, 0); RP(1, 0, 1); RP(2, 0, 62); RP(3, 0, 28); RP(4, 0, 27);
    RP(0, 1, 36); RP(1, 1, 44); RP(2, 1, 6); RP(3, 1, 55); RP(4, 1, 20);
    RP(0, 2, 3); RP(1, 2, 10); RP(2, 2, 43); RP(3, 2, 25); RP(4, 2, 39);
    RP(0, 3, 41); RP(1, 3, 45); RP(2, 3, 15); RP(3, 3, 21); RP(4, 3, 8);
    RP(0, 4, 18); RP(1, 4, 2); RP(2, 4, 61); RP(3, 4, 56); RP(4, 4, 14);
    for (int y = 0; y < 5; y++)
      for (int x = 0; x < 5; x++) L(x, y) = vbcaxq_u64(b[x + 5 * y], b[(x + 2) % 5 + 5 * y], b[(x + 1) % 5 + 5 * y]);
    a[0] = veorq_u64(a[0], vdupq_n_u64(RC[round]));
  }
}

static void sha3_256(const char *msg, uint8_t out[32]) {
  uint8_t buf[136];
  size_t n = strlen(msg);
  memset(buf, 0, sizeof buf);
  memcpy(buf, msg, n); // short messages only (< 136 bytes)
  buf[n] ^= 0x06;
  buf[135] ^= 0x80;
  uint64x2_t a[25];
  for (int i = 0; i < 25; i++) a[i] = vdupq_n_u64(0);
  for (int i = 0; i < 17; i++) {
    uint64_t w;
    memcpy(&w, buf + 8 * i, 8);
    a[i] = veorq_u64(a[i], vdupq_n_u64(w));
  }
  keccakf(a);
  for (int i = 0; i < 4; i++) {
    uint64_t w = vgetq_lane_u64(a[i], 0);
    memcpy(out + 8 * i, &w, 8);
  }
}

// ---------------------------------------------------------------- SM4
static uint32x4_t be_words(const uint8_t *p) {
  uint32_t w[4];
  for (int i = 0; i < 4; i++) w[i] = be32(p + 4 * i);
  return vld1q_u32(w);
}

static void sm4_test(void) {
  static const uint8_t key[16] = {0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef, 0xfe, 0xdc, 0xba, 0x98, 0x76, 0x54, 0x32, 0x10};
  static const uint32_t fk[4] = {0xa3b1bac6, 0x56aa3350, 0x677d9197, 0xb27022dc};
  uint32_t ck[32];
  for (int i = 0; i < 32; i++) {
    uint32_t c = 0;
    for (int j = 0; j < 4; j++) c = (c << 8) | (uint8_t)((4 * i + j) * 7);
    ck[i] = c;
  }
  uint32x4_t rk[8];
  uint32x4_t k = veorq_u32(be_words(key), vld1q_u32(fk));
  for (int i = 0; i < 8; i++) rk[i] = k = vsm4ekeyq_u32(k, vld1q_u32(ck + 4 * i));
  uint32x4_t x = be_words(key); // the standard's example encrypts the key itself
  for (int i = 0; i < 8; i++) x = vsm4eq_u32(x, rk[i]);
  uint32_t w[4];
  vst1q_u32(w, x);
  uint8_t out[16];
  for (int i = 0; i < 4; i++)
    for (int j = 0; j < 4; j++) out[4 * i + j] = (uint8_t)(w[3 - i] >> (24 - 8 * j));
  hex("sm4-encrypt", out, 16);
}

// ---------------------------------------------------------------- PMULL
static void pmull_test(void) {
  poly64_t x = 0x87, y = 0xf0e1d2c3b4a59687ULL;
  poly128_t p = vmull_p64(x, y);
  uint8_t o[16];
  memcpy(o, &p, 16);
  hex("pmull-64", o, 16);
  poly64x2_t a = vcombine_p64(vcreate_p64(0x0123456789abcdefULL), vcreate_p64(0xffffffffffffffffULL));
  poly64x2_t b = vcombine_p64(vcreate_p64(0xfedcba9876543210ULL), vcreate_p64(0x8000000000000001ULL));
  p = vmull_high_p64(a, b);
  memcpy(o, &p, 16);
  hex("pmull2-64", o, 16);
  poly8x8_t c = vcreate_p8(0xff80402010080402ULL), e = vcreate_p8(0x0303030303030303ULL);
  poly16x8_t q = vmull_p8(c, e);
  memcpy(o, &q, 16);
  hex("pmull-8", o, 16);
}

int main(void) {
  // SHA-256 round constants: first 32 bits of the fractional parts of the cube roots of the first 64 primes.
  static const uint32_t k[64] = {
#include "sha256-k.h"
  };
  memcpy(K256, k, sizeof k);
  for (int i = 0; i < 24; i++) {
    uint64_t rc = 0;
    for (int j = 0; j < 7; j++) rc |= (uint64_t)rc_bit(j + 7 * i) << ((1 << j) - 1);
    RC[i] = rc;
  }
  aes_test("fips197-B", "2b7e151628aed2a6abf7158809cf4f3c", "3243f6a8885a308d313198a2e0370734");
  aes_test("fips197-C1", "000102030405060708090a0b0c0d0e0f", "00112233445566778899aabbccddeeff");
  uint8_t d[64];
  sha1("abc", d);
  hex("sha1-abc", d, 20);
  sha1("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", d);
  hex("sha1-2block", d, 20);
  sha256("abc", d);
  hex("sha256-abc", d, 32);
  sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", d);
  hex("sha256-2block", d, 32);
  sha512("abc", d);
  hex("sha512-abc", d, 64);
  sha3_256("abc", d);
  hex("sha3-256-abc", d, 32);
  sha3_256("", d);
  hex("sha3-256-empty", d, 32);
  sm4_test();
  pmull_test();
  return 0;
}
