/**
 * SHA512 (FEAT_SHA512) and SHA3 (FEAT_SHA3: EOR3, RAX1, XAR, BCAX)
 * instructions, ARM ARM C7.2. 64-bit lanes are handled as 32-bit halves;
 * functions return the low half and leave the high half in `H`.
 */
import { unallocated, type Args, type Exec, type SemanticsTable } from '../semantics-types.js';

let H = 0;

/** 64-bit add; low half returned, high half in H. */
function add(alo: number, ahi: number, blo: number, bhi: number): number {
  const lo = (alo >>> 0) + (blo >>> 0);
  H = (ahi + bhi + (lo > 0xffffffff ? 1 : 0)) | 0;
  return lo | 0;
}

/** SHA-512 Σ1: ROR 14 ^ ROR 18 ^ ROR 41. */
function bigSigma1(lo: number, hi: number): number {
  H = ((hi >>> 14) | (lo << 18)) ^ ((hi >>> 18) | (lo << 14)) ^ ((lo >>> 9) | (hi << 23));
  return ((lo >>> 14) | (hi << 18)) ^ ((lo >>> 18) | (hi << 14)) ^ ((hi >>> 9) | (lo << 23));
}

/** SHA-512 Σ0: ROR 28 ^ ROR 34 ^ ROR 39. */
function bigSigma0(lo: number, hi: number): number {
  H = ((hi >>> 28) | (lo << 4)) ^ ((lo >>> 2) | (hi << 30)) ^ ((lo >>> 7) | (hi << 25));
  return ((lo >>> 28) | (hi << 4)) ^ ((hi >>> 2) | (lo << 30)) ^ ((hi >>> 7) | (lo << 25));
}

/** SHA-512 σ0: ROR 1 ^ ROR 8 ^ LSR 7. */
function smallSigma0(lo: number, hi: number): number {
  H = ((hi >>> 1) | (lo << 31)) ^ ((hi >>> 8) | (lo << 24)) ^ (hi >>> 7);
  return ((lo >>> 1) | (hi << 31)) ^ ((lo >>> 8) | (hi << 24)) ^ ((lo >>> 7) | (hi << 25));
}

/** SHA-512 σ1: ROR 19 ^ ROR 61 ^ LSR 6. */
function smallSigma1(lo: number, hi: number): number {
  H = ((hi >>> 19) | (lo << 13)) ^ ((lo >>> 29) | (hi << 3)) ^ (hi >>> 6);
  return ((lo >>> 19) | (hi << 13)) ^ ((hi >>> 29) | (lo << 3)) ^ ((lo >>> 6) | (hi << 26));
}

/** SHA512H: X = Vn, Y = Vm, W = Vd (two rounds of the Σ1/Ch half). */
const sha512h: Exec = (cpu, a) => {
  const w = cpu.vi32;
  const n = a.rn * 4;
  const m = a.rm * 4;
  const d = a.rd * 4;
  const x0l = w[n],
    x0h = w[n + 1],
    x1l = w[n + 2],
    x1h = w[n + 3];
  const y0l = w[m],
    y0h = w[m + 1],
    y1l = w[m + 2],
    y1h = w[m + 3];
  const w0l = w[d],
    w0h = w[d + 1],
    w1l = w[d + 2],
    w1h = w[d + 3];
  let sl = bigSigma1(y1l, y1h);
  let sh = H;
  let t1l = (y1l & x0l) ^ (~y1l & x1l);
  let t1h = (y1h & x0h) ^ (~y1h & x1h);
  t1l = add(t1l, t1h, sl, sh);
  t1h = H;
  t1l = add(t1l, t1h, w1l, w1h);
  t1h = H;
  const tl = add(t1l, t1h, y0l, y0h);
  const th = H;
  sl = bigSigma1(tl, th);
  sh = H;
  let t0l = (tl & y1l) ^ (~tl & x0l);
  let t0h = (th & y1h) ^ (~th & x0h);
  t0l = add(t0l, t0h, sl, sh);
  t0h = H;
  t0l = add(t0l, t0h, w0l, w0h);
  t0h = H;
  w[d] = t0l;
  w[d + 1] = t0h;
  w[d + 2] = t1l;
  w[d + 3] = t1h;
};

/** SHA512H2: X = Vn, Y = Vm, W = Vd (the Σ0/Maj half). */
const sha512h2: Exec = (cpu, a) => {
  const w = cpu.vi32;
  const n = a.rn * 4;
  const m = a.rm * 4;
  const d = a.rd * 4;
  const x0l = w[n],
    x0h = w[n + 1];
  const y0l = w[m],
    y0h = w[m + 1],
    y1l = w[m + 2],
    y1h = w[m + 3];
  const w0l = w[d],
    w0h = w[d + 1],
    w1l = w[d + 2],
    w1h = w[d + 3];
  let sl = bigSigma0(y0l, y0h);
  let sh = H;
  let t1l = (x0l & y1l) ^ (x0l & y0l) ^ (y1l & y0l);
  let t1h = (x0h & y1h) ^ (x0h & y0h) ^ (y1h & y0h);
  t1l = add(t1l, t1h, sl, sh);
  t1h = H;
  t1l = add(t1l, t1h, w1l, w1h);
  t1h = H;
  sl = bigSigma0(t1l, t1h);
  sh = H;
  let t0l = (t1l & y0l) ^ (t1l & y1l) ^ (y1l & y0l);
  let t0h = (t1h & y0h) ^ (t1h & y1h) ^ (y1h & y0h);
  t0l = add(t0l, t0h, sl, sh);
  t0h = H;
  t0l = add(t0l, t0h, w0l, w0h);
  t0h = H;
  w[d] = t0l;
  w[d + 1] = t0h;
  w[d + 2] = t1l;
  w[d + 3] = t1h;
};

/** SHA512SU0: Vd<63:0> += σ0(Vd<127:64>); Vd<127:64> += σ0(Vn<63:0>). */
const sha512su0: Exec = (cpu, a) => {
  const w = cpu.vi32;
  const d = a.rd * 4;
  const n = a.rn * 4;
  const sl0 = smallSigma0(w[d + 2], w[d + 3]);
  const sh0 = H;
  const sl1 = smallSigma0(w[n], w[n + 1]);
  const sh1 = H;
  const r0 = add(w[d], w[d + 1], sl0, sh0);
  const r0h = H;
  const r1 = add(w[d + 2], w[d + 3], sl1, sh1);
  const r1h = H;
  w[d] = r0;
  w[d + 1] = r0h;
  w[d + 2] = r1;
  w[d + 3] = r1h;
};

/** SHA512SU1: Vd<127:64> += σ1(Vn<127:64>) + Vm<127:64>; same for the low lanes. */
const sha512su1: Exec = (cpu, a) => {
  const w = cpu.vi32;
  const d = a.rd * 4;
  const n = a.rn * 4;
  const m = a.rm * 4;
  let l = smallSigma1(w[n + 2], w[n + 3]);
  let h = H;
  l = add(l, h, w[m + 2], w[m + 3]);
  h = H;
  const r1 = add(l, h, w[d + 2], w[d + 3]);
  const r1h = H;
  l = smallSigma1(w[n], w[n + 1]);
  h = H;
  l = add(l, h, w[m], w[m + 1]);
  h = H;
  const r0 = add(l, h, w[d], w[d + 1]);
  const r0h = H;
  w[d] = r0;
  w[d + 1] = r0h;
  w[d + 2] = r1;
  w[d + 3] = r1h;
};

/** RAX1: Vd = Vn EOR ROL(Vm, 1), per 64-bit lane. */
const rax1: Exec = (cpu, a) => {
  const w = cpu.vi32;
  const d = a.rd * 4;
  const n = a.rn * 4;
  const m = a.rm * 4;
  const m0 = w[m],
    m1 = w[m + 1],
    m2 = w[m + 2],
    m3 = w[m + 3];
  const n0 = w[n],
    n1 = w[n + 1],
    n2 = w[n + 2],
    n3 = w[n + 3];
  w[d] = n0 ^ ((m0 << 1) | (m1 >>> 31));
  w[d + 1] = n1 ^ ((m1 << 1) | (m0 >>> 31));
  w[d + 2] = n2 ^ ((m2 << 1) | (m3 >>> 31));
  w[d + 3] = n3 ^ ((m3 << 1) | (m2 >>> 31));
};

/** XAR: Vd = ROR(Vn EOR Vm, imm6) per 64-bit lane. a.sh = imm6 mod 32 (1..31), a.sw = halves swapped (imm6 >= 32). */
const xar: Exec = (cpu, a) => {
  const w = cpu.vi32;
  const d = a.rd * 4;
  const n = a.rn * 4;
  const m = a.rm * 4;
  const sh = a.sh;
  const inv = 32 - sh;
  for (let k = 0; k < 4; k += 2) {
    let lo = w[n + k] ^ w[m + k];
    let hi = w[n + k + 1] ^ w[m + k + 1];
    if (a.sw) {
      const t = lo;
      lo = hi;
      hi = t;
    }
    w[d + k] = (lo >>> sh) | (hi << inv);
    w[d + k + 1] = (hi >>> sh) | (lo << inv);
  }
};

/** XAR with a rotation of 0 or 32: only EOR and perhaps a swap of the halves. */
const xarWhole: Exec = (cpu, a) => {
  const w = cpu.vi32;
  const d = a.rd * 4;
  const n = a.rn * 4;
  const m = a.rm * 4;
  const s = a.sw;
  for (let k = 0; k < 4; k += 2) {
    const lo = w[n + k] ^ w[m + k];
    const hi = w[n + k + 1] ^ w[m + k + 1];
    w[d + k] = s ? hi : lo;
    w[d + k + 1] = s ? lo : hi;
  }
};

function prepXar(a: Args): Exec | void {
  a.sh = a.imm6 & 31;
  a.sw = a.imm6 >= 32 ? 1 : 0;
  return a.sh === 0 ? xarWhole : xar;
}

const eor3: Exec = (cpu, a) => {
  const w = cpu.vi32;
  const d = a.rd * 4;
  const n = a.rn * 4;
  const m = a.rm * 4;
  const r = a.ra * 4;
  for (let k = 0; k < 4; k++) w[d + k] = w[n + k] ^ w[m + k] ^ w[r + k];
};

/** BCAX: Vd = Vn EOR (Vm AND NOT Va). */
const bcax: Exec = (cpu, a) => {
  const w = cpu.vi32;
  const d = a.rd * 4;
  const n = a.rn * 4;
  const m = a.rm * 4;
  const r = a.ra * 4;
  for (let k = 0; k < 4; k++) w[d + k] = w[n + k] ^ (w[m + k] & ~w[r + k]);
};

export const sha512Sha3Semantics: SemanticsTable = {
  SHA512H: { exec: sha512h },
  SHA512H2: { exec: sha512h2 },
  SHA512SU0: { exec: sha512su0 },
  SHA512SU1: { exec: sha512su1 },
  RAX1: { exec: rax1 },
  XAR: { prep: prepXar, exec: unallocated },
  EOR3: { exec: eor3 },
  BCAX: { exec: bcax },
};
