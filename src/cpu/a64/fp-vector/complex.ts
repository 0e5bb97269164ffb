/**
 * FEAT_FHM widening multiply-add (FMLAL/FMLSL) and FEAT_FCMA complex
 * arithmetic (FCMLA, FCADD). Operands are gathered into the scratch block
 * before any destination element is written, so Vd may be any source.
 */
import type { A64Cpu } from '../cpu.js';
import type { Exec } from '../semantics-types.js';
import { FMULADD, type Bin, type MulAdd } from './lib.js';
import { halfToSingleBits } from './own.js';
import { restoreScratch, saveScratch } from './scratch.js';
import { zeroRest } from './execs.js';

/** Copy one element of es bytes, flipping its sign bit when neg (FPNeg: NaNs too). */
function copyEl(cpu: A64Cpu, dst: number, src: number, es: number, neg: number): void {
  if (es === 2) cpu.v16[dst >> 1] = cpu.v16[src >> 1] ^ (neg << 15);
  else if (es === 4) cpu.vi32[dst >> 2] = cpu.vi32[src >> 2] ^ (neg << 31);
  else {
    cpu.vi32[dst >> 2] = cpu.vi32[src >> 2];
    cpu.vi32[(dst >> 2) + 1] = cpu.vi32[(src >> 2) + 1] ^ (neg << 31);
  }
}

/**
 * FMLAL/FMLSL(2) vector: d.s[i] = FPMulAddH(d.s[i], ±n.h[base+i], m.h[base+i]).
 * The half operands are widened exactly (halfToSingleBits) into the scratch
 * block, then one single-precision fused multiply-add rounds once.
 */
export const fmlalExec: Exec = (cpu, a) => {
  const d = a.d,
    t = a.t,
    len = a.len,
    nb = (a.n + a.base) >> 1,
    mb = (a.m + a.base) >> 1,
    tw = t >> 2;
  const sign = a.neg << 31;
  saveScratch(cpu, t);
  for (let i = 0, o = 0; o < len; i++, o += 4) {
    cpu.vi32[tw + i] = halfToSingleBits(cpu, cpu.v16[nb + i]) ^ sign;
    cpu.vi32[tw + 4 + i] = halfToSingleBits(cpu, cpu.v16[mb + i]);
  }
  const op = FMULADD[1];
  for (let o = 0; o < len; o += 4) op(cpu, d + o, d + o, t + o, t + 16 + o, 0, 0);
  restoreScratch(cpu, t);
  zeroRest(cpu, d, len);
};

/** FMLAL/FMLSL(2) by element: the multiplier is m.h[index] (a.mi). */
export const fmlalIdxExec: Exec = (cpu, a) => {
  const d = a.d,
    t = a.t,
    len = a.len,
    nb = (a.n + a.base) >> 1,
    tw = t >> 2;
  const sign = a.neg << 31;
  saveScratch(cpu, t);
  for (let i = 0, o = 0; o < len; i++, o += 4) cpu.vi32[tw + i] = halfToSingleBits(cpu, cpu.v16[nb + i]) ^ sign;
  cpu.vi32[tw + 4] = halfToSingleBits(cpu, cpu.v16[a.mi >> 1]);
  const op = FMULADD[1];
  for (let o = 0; o < len; o += 4) op(cpu, d + o, d + o, t + o, t + 16, 0, 0);
  restoreScratch(cpu, t);
  zeroRest(cpu, d, len);
};

/**
 * One FCMLA element pair (ARM ARM FCMLA pseudocode): with k = rot<0>,
 *   d[0] += n[k] * (±m[k]),  d[1] += n[k] * (±m[1-k])
 * where m[k] is negated for rot 1 and 2, m[1-k] for rot 2 and 3. The
 * elements go to the scratch block first as [n[k], el1, el3].
 */
function cmlaPair(cpu: A64Cpu, op: MulAdd, d: number, n: number, m: number, es: number, rot: number, t: number): void {
  const k = rot & 1;
  copyEl(cpu, t, n + k * es, es, 0);
  copyEl(cpu, t + es, m + k * es, es, rot === 1 || rot === 2 ? 1 : 0);
  copyEl(cpu, t + 2 * es, m + (1 - k) * es, es, rot >= 2 ? 1 : 0);
  op(cpu, d, d, t, t + es, 0, 0);
  op(cpu, d + es, d + es, t, t + 2 * es, 0, 0);
}

const cache = new WeakMap<object, Exec>();

/** FCMLA (vector). */
export function complexMlaExec(op: MulAdd): Exec {
  let e = cache.get(op);
  if (!e) {
    e = (cpu, a) => {
      const d = a.d,
        n = a.n,
        m = a.m,
        es = a.es,
        len = a.len,
        t = a.t,
        rot = a.rot;
      saveScratch(cpu, t);
      for (let o = 0; o < len; o += 2 * es) cmlaPair(cpu, op, d + o, n + o, m + o, es, rot, t);
      restoreScratch(cpu, t);
      zeroRest(cpu, d, len);
    };
    cache.set(op, e);
  }
  return e;
}

const cacheIdx = new WeakMap<object, Exec>();

/** FCMLA (by element): the (real, imaginary) pair at a.mi is used for every pair. */
export function complexMlaIdxExec(op: MulAdd): Exec {
  let e = cacheIdx.get(op);
  if (!e) {
    e = (cpu, a) => {
      const d = a.d,
        n = a.n,
        es = a.es,
        len = a.len,
        t = a.t,
        rot = a.rot,
        mp = t + 16;
      saveScratch(cpu, t);
      copyEl(cpu, mp, a.mi, es, 0);
      copyEl(cpu, mp + es, a.mi + es, es, 0);
      for (let o = 0; o < len; o += 2 * es) cmlaPair(cpu, op, d + o, n + o, mp, es, rot, t);
      restoreScratch(cpu, t);
      zeroRest(cpu, d, len);
    };
    cacheIdx.set(op, e);
  }
  return e;
}

const cacheAdd = new WeakMap<object, Exec>();

/**
 * FCADD: rot 0 (#90): d[0] = n[0] + -m[1], d[1] = n[1] + m[0];
 *        rot 1 (#270): d[0] = n[0] + m[1], d[1] = n[1] + -m[0].
 */
export function complexAddExec(op: Bin): Exec {
  let e = cacheAdd.get(op);
  if (!e) {
    e = (cpu, a) => {
      const d = a.d,
        n = a.n,
        m = a.m,
        es = a.es,
        len = a.len,
        t = a.t,
        rot = a.rot;
      saveScratch(cpu, t);
      for (let o = 0; o < len; o += 2 * es) {
        copyEl(cpu, t, m + o + es, es, rot ^ 1);
        copyEl(cpu, t + es, m + o, es, rot);
        copyEl(cpu, t + 2 * es, n + o, es, 0);
        copyEl(cpu, t + 3 * es, n + o + es, es, 0);
        op(cpu, d + o, t + 2 * es, t);
        op(cpu, d + o + es, t + 3 * es, t + es);
      }
      restoreScratch(cpu, t);
      zeroRest(cpu, d, len);
    };
    cacheAdd.set(op, e);
  }
  return e;
}
