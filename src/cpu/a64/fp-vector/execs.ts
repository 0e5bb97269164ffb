/**
 * Exec factories for the vector FP instruction shapes. Each factory makes one
 * exec per element operation (memoised, so every instruction using the same
 * operation shares one monomorphic exec); the per-instruction constants come
 * from the Args record that prep filled:
 *   d, n, m   byte offsets of the registers in cpu.vbuf
 *   es        element size in bytes; len = bytes of result elements
 *             (16 for a full vector, 8 for Q=0, es for scalar); the rest
 *             of the destination is zeroed
 *   t         scratch block offset (see scratch.ts)
 *   mi, io    by-element forms: offset of the indexed element, and the offset
 *             of the lane with the same number in the destination
 *   rmode, u, fb rounding mode (-1: FPCR), unsigned, fraction bits
 *   base      byte offset of the source or destination half (the "2" forms)
 *   rot       complex rotation
 * Elements are processed in order, so FPSR flags accumulate lane by lane.
 */
import type { A64Cpu } from '../cpu.js';
import type { Args, Exec } from '../semantics-types.js';
import type { Bin, Cmp, FromInt, MulAdd, Rint, ToInt, Un } from './lib.js';
import { restoreScratch, saveScratch } from './scratch.js';

const memo = <F extends object>() => {
  const map = new WeakMap<F, Exec>();
  return (f: F, make: (f: F) => Exec): Exec => {
    let e = map.get(f);
    if (!e) map.set(f, (e = make(f)));
    return e;
  };
};

/**
 * Zero the destination bytes from `from` (16, 8, 4 or 2) to the end of the
 * register: Q=0 vector results and scalar results clear the rest of Vd.
 */
export function zeroRest(cpu: A64Cpu, d: number, from: number): void {
  if (from >= 16) return;
  const w = cpu.vi32;
  const b = d >> 2;
  if (from < 8) {
    if (from === 2) cpu.v16[(d >> 1) + 1] = 0;
    w[b + 1] = 0;
  }
  w[b + 2] = 0;
  w[b + 3] = 0;
}

/** Write an all-ones / all-zeros mask element. */
function putMask(cpu: A64Cpu, off: number, es: number, r: number): void {
  const v = r ? -1 : 0;
  if (es === 2) cpu.vi16[off >> 1] = v;
  else if (es === 4) cpu.vi32[off >> 2] = v;
  else cpu.vi32[off >> 2] = cpu.vi32[(off >> 2) + 1] = v;
}

// ---------------------------------------------------------------- element-wise

const mBin = memo<Bin>();
/** d[i] = op(n[i], m[i]); element-wise, so d may overlap n or m. */
export const binExec = (op: Bin): Exec =>
  mBin(op, (op) => (cpu, a) => {
    const d = a.d,
      n = a.n,
      m = a.m,
      es = a.es,
      len = a.len;
    for (let o = 0; o < len; o += es) op(cpu, d + o, n + o, m + o);
    zeroRest(cpu, d, len);
  });

const mUn = memo<Un>();
/** d[i] = op(n[i]). */
export const unExec = (op: Un): Exec =>
  mUn(op, (op) => (cpu, a) => {
    const d = a.d,
      n = a.n,
      es = a.es,
      len = a.len;
    for (let o = 0; o < len; o += es) op(cpu, d + o, n + o);
    zeroRest(cpu, d, len);
  });

const mMla = memo<MulAdd>();
/** d[i] = d[i] ± n[i]*m[i], fused (FMLA/FMLS vector; a.neg negates n first). */
export const mlaExec = (op: MulAdd): Exec =>
  mMla(op, (op) => (cpu, a) => {
    const d = a.d,
      n = a.n,
      m = a.m,
      es = a.es,
      len = a.len,
      neg = a.neg;
    for (let o = 0; o < len; o += es) op(cpu, d + o, d + o, n + o, m + o, neg, 0);
    zeroRest(cpu, d, len);
  });

const mCmp = memo<Cmp>();
/** d[i] = op(n[i], m[i]) ? ones : zeros. */
export const cmpExec = (op: Cmp): Exec =>
  mCmp(op, (op) => (cpu, a) => {
    const d = a.d,
      n = a.n,
      m = a.m,
      es = a.es,
      len = a.len;
    for (let o = 0; o < len; o += es) putMask(cpu, d + o, es, op(cpu, n + o, m + o));
    zeroRest(cpu, d, len);
  });

const mCmpZ = memo<Cmp>();
const mCmpZr = memo<Cmp>();
/** Compare against +0.0 (a zero element in the scratch block): op(n[i], 0). */
export const cmpZeroExec = (op: Cmp, reversed: boolean): Exec =>
  (reversed ? mCmpZr : mCmpZ)(op, (op) => (cpu, a) => {
    const d = a.d,
      n = a.n,
      es = a.es,
      len = a.len,
      t = a.t;
    saveScratch(cpu, t);
    cpu.vi32[t >> 2] = cpu.vi32[(t >> 2) + 1] = 0;
    if (reversed) for (let o = 0; o < len; o += es) putMask(cpu, d + o, es, op(cpu, t, n + o));
    else for (let o = 0; o < len; o += es) putMask(cpu, d + o, es, op(cpu, n + o, t));
    restoreScratch(cpu, t);
    zeroRest(cpu, d, len);
  });

const mRint = memo<Rint>();
/** FRINT*: a.rmode is the rounding mode, -1 for FPCR's; a.ex raises Inexact. */
export const rintExec = (op: Rint): Exec =>
  mRint(op, (op) => (cpu, a) => {
    const d = a.d,
      n = a.n,
      es = a.es,
      len = a.len,
      ex = a.ex;
    const rm = a.rmode < 0 ? (cpu.fpcr >>> 22) & 3 : a.rmode;
    for (let o = 0; o < len; o += es) op(cpu, d + o, n + o, rm, ex);
    zeroRest(cpu, d, len);
  });

type RintN = (cpu: A64Cpu, d: number, n: number, rmode: number, intBits: number) => void;
const mRintN = memo<RintN>();
/** FRINT32Z/X, FRINT64Z/X: a.rmode (-1 for FPCR's), a.ib integer width. */
export const rintNExec = (op: RintN): Exec =>
  mRintN(op, (op) => (cpu, a) => {
    const d = a.d,
      n = a.n,
      es = a.es,
      len = a.len,
      ib = a.ib;
    const rm = a.rmode < 0 ? (cpu.fpcr >>> 22) & 3 : a.rmode;
    for (let o = 0; o < len; o += es) op(cpu, d + o, n + o, rm, ib);
    zeroRest(cpu, d, len);
  });

const mToInt = memo<ToInt>();
/** FCVT[NMAPZ][SU] (vector, scalar, fixed-point): same-size integer result. */
export const toIntExec = (op: ToInt): Exec =>
  mToInt(op, (op) => (cpu, a) => {
    const d = a.d,
      n = a.n,
      es = a.es,
      len = a.len,
      u = a.u,
      fb = a.fb,
      bits = es * 8;
    const rm = a.rmode < 0 ? (cpu.fpcr >>> 22) & 3 : a.rmode;
    for (let o = 0; o < len; o += es) {
      const lo = op(cpu, n + o, fb, rm, u, bits);
      const w = (d + o) >> 2;
      if (es === 2) cpu.vi16[(d + o) >> 1] = lo;
      else if (es === 4) cpu.vi32[w] = lo;
      else {
        cpu.vi32[w] = lo;
        cpu.vi32[w + 1] = cpu.hi;
      }
    }
    zeroRest(cpu, d, len);
  });

const mFromInt = memo<FromInt>();
/** SCVTF/UCVTF (vector, scalar, fixed-point): same-size integer source. */
export const fromIntExec = (op: FromInt): Exec =>
  mFromInt(op, (op) => (cpu, a) => {
    // 16-bit integers are passed as 32-bit ones (exactly representable).
    const d = a.d,
      n = a.n,
      es = a.es,
      len = a.len,
      u = a.u,
      fb = a.fb,
      bits = es === 8 ? 64 : 32;
    for (let o = 0; o < len; o += es) {
      const w = (n + o) >> 2;
      if (es === 2) op(cpu, d + o, u ? cpu.v16[(n + o) >> 1] : cpu.vi16[(n + o) >> 1], 0, u, bits, fb);
      else if (es === 4) op(cpu, d + o, cpu.vi32[w], 0, u, bits, fb);
      else op(cpu, d + o, cpu.vi32[w], cpu.vi32[w + 1], u, bits, fb);
    }
    zeroRest(cpu, d, len);
  });

// ---------------------------------------------------------------- by element

const mIdx = memo<Bin>();
/**
 * d[i] = op(n[i], m[idx]). The lane numbered idx is done last, so that a
 * destination equal to Vm keeps m[idx] until every other lane has read it.
 */
export const idxExec = (op: Bin): Exec =>
  mIdx(op, (op) => (cpu, a) => {
    const d = a.d,
      n = a.n,
      mi = a.mi,
      io = a.io,
      es = a.es,
      len = a.len;
    for (let o = 0; o < len; o += es) if (o !== io) op(cpu, d + o, n + o, mi);
    if (io < len) op(cpu, d + io, n + io, mi);
    zeroRest(cpu, d, len);
  });

const mIdxMla = memo<MulAdd>();
/** d[i] = d[i] ± n[i]*m[idx] (FMLA/FMLS by element), idx lane last. */
export const idxMlaExec = (op: MulAdd): Exec =>
  mIdxMla(op, (op) => (cpu, a) => {
    const d = a.d,
      n = a.n,
      mi = a.mi,
      io = a.io,
      es = a.es,
      len = a.len,
      neg = a.neg;
    for (let o = 0; o < len; o += es) if (o !== io) op(cpu, d + o, d + o, n + o, mi, neg, 0);
    if (io < len) op(cpu, d + io, d + io, n + io, mi, neg, 0);
    zeroRest(cpu, d, len);
  });

// ---------------------------------------------------------------- pairwise and reductions

const mPair = memo<Bin>();
/** Vector pairwise: result = op over adjacent pairs of the concatenation m:n. */
export const pairExec = (op: Bin): Exec =>
  mPair(op, (op) => (cpu, a) => {
    const d = a.d,
      n = a.n,
      m = a.m,
      es = a.es,
      len = a.len,
      t = a.t,
      half = len >> 1;
    saveScratch(cpu, t);
    for (let o = 0, i = 0; o < half; o += es, i += 2 * es) op(cpu, t + o, n + i, n + i + es);
    for (let o = 0, i = 0; o < half; o += es, i += 2 * es) op(cpu, t + half + o, m + i, m + i + es);
    cpu.v8.copyWithin(d, t, t + len);
    restoreScratch(cpu, t);
    zeroRest(cpu, d, len);
  });

const mSPair = memo<Bin>();
/** Scalar pairwise: d = op(n[0], n[1]). */
export const scalarPairExec = (op: Bin): Exec =>
  mSPair(op, (op) => (cpu, a) => {
    op(cpu, a.d, a.n, a.n + a.es);
    zeroRest(cpu, a.d, a.es);
  });

const mRed = memo<Bin>();
/**
 * Across lanes: the ARM ARM's Reduce() tree, op(Reduce(lower half),
 * Reduce(upper half)), evaluated level by level in the scratch block.
 * a.len is the source size in bytes.
 */
export const reduceExec = (op: Bin): Exec =>
  mRed(op, (op) => (cpu, a) => {
    const d = a.d,
      n = a.n,
      es = a.es,
      t = a.t;
    let cnt = a.len / es / 2;
    saveScratch(cpu, t);
    for (let i = 0; i < cnt; i++) op(cpu, t + i * es, n + 2 * i * es, n + (2 * i + 1) * es);
    while (cnt > 1) {
      cnt >>= 1;
      for (let i = 0; i < cnt; i++) op(cpu, t + i * es, t + 2 * i * es, t + (2 * i + 1) * es);
    }
    cpu.v8.copyWithin(d, t, t + es);
    restoreScratch(cpu, t);
    zeroRest(cpu, d, es);
  });

// ---------------------------------------------------------------- size conversions

const mNarrow = memo<Un>();
/**
 * FCVTN/FCVTN2/FCVTXN: source elements of es bytes, results of es/2 bytes
 * into the lower (base 0, upper half zeroed) or upper (base 8, lower half
 * kept) half of d, through the scratch block when d is the source.
 */
export const narrowExec = (op: Un): Exec =>
  mNarrow(op, (op) => (cpu, a) => {
    const d = a.d,
      n = a.n,
      es = a.es,
      h = es >> 1,
      t = a.t,
      base = a.base;
    const out = t >= 0 ? t : d + base;
    if (t >= 0) saveScratch(cpu, t);
    for (let i = 0, o = 0; i < 16; i += es, o += h) op(cpu, out + o, n + i);
    if (t >= 0) {
      cpu.v8.copyWithin(d + base, t, t + 8);
      restoreScratch(cpu, t);
    }
    if (base === 0) zeroRest(cpu, d, 8);
  });

const mWiden = memo<Un>();
/** FCVTL/FCVTL2: source elements of es/2 bytes from n + base, results of es bytes. */
export const widenExec = (op: Un): Exec =>
  mWiden(op, (op) => (cpu, a) => {
    const d = a.d,
      src = a.n + a.base,
      es = a.es,
      h = es >> 1,
      t = a.t;
    const out = t >= 0 ? t : d;
    if (t >= 0) saveScratch(cpu, t);
    for (let i = 0, o = 0; o < 16; i += h, o += es) op(cpu, out + o, src + i);
    if (t >= 0) {
      cpu.v8.copyWithin(d, t, t + 16);
      restoreScratch(cpu, t);
    }
  });

/** Scalar FCVTXN: s = round-to-odd(d). */
export const scalarNarrowExec =
  (op: Un): Exec =>
  (cpu: A64Cpu, a: Args) => {
    op(cpu, a.d, a.n);
    zeroRest(cpu, a.d, 4);
  };
