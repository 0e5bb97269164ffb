/**
 * PMULL/PMULL2 (ARM ARM C7.2, "Advanced SIMD three different" opcode 1110):
 * polynomial (carry-less) multiply long, 8×8→16 per lane (size 0) and
 * 64×64→128 (size 3, FEAT_PMULL). Sizes 1 and 2 are reserved.
 */
import { unallocated, type Args, type Exec, type SemanticsTable } from '../semantics-types.js';

/** 8×8 carry-less products, indexed by a << 8 | b; built once at module load. */
const CLMUL8 = new Uint16Array(65536);
for (let a = 0; a < 256; a++) {
  for (let b = 0; b < 256; b++) {
    let p = 0;
    for (let i = 0; i < 8; i++) if (b & (1 << i)) p ^= a << i;
    CLMUL8[(a << 8) | b] = p;
  }
}

let H = 0;

/** a × k (carry-less) for k < 16: low 32 bits and the 3 bits above (scratch of clmul32). */
const winLo = new Int32Array(16);
const winHi = new Int32Array(16);

/** 32×32 carry-less product, four bits of b at a time: low half returned, high half in H. */
function clmul32(a: number, b: number): number {
  winLo[1] = a;
  winHi[1] = 0;
  for (let k = 2; k < 16; k += 2) {
    const h = k >> 1;
    winLo[k] = winLo[h] << 1;
    winHi[k] = (winHi[h] << 1) | (winLo[h] >>> 31);
    winLo[k + 1] = winLo[k] ^ a;
    winHi[k + 1] = winHi[k];
  }
  let lo = 0;
  let hi = 0;
  for (let i = 28; i >= 0; i -= 4) {
    hi = (hi << 4) | (lo >>> 28);
    lo <<= 4;
    const n = (b >>> i) & 15;
    lo ^= winLo[n];
    hi ^= winHi[n];
  }
  H = hi;
  return lo;
}

const prod = new Uint16Array(8);

/** 8-bit form: a.off = 0 (PMULL, low halves) or 8 (PMULL2, high halves). */
const pmull8: Exec = (cpu, a) => {
  const v = cpu.v8;
  const n = a.rn * 16 + a.off;
  const m = a.rm * 16 + a.off;
  for (let i = 0; i < 8; i++) prod[i] = CLMUL8[(v[n + i] << 8) | v[m + i]];
  const d = a.rd * 8;
  const v16 = cpu.v16;
  for (let i = 0; i < 8; i++) v16[d + i] = prod[i];
};

/** 64-bit form: a.off = 0 or 2 (word index of the 64-bit lane). */
const pmull64: Exec = (cpu, a) => {
  const w = cpu.vi32;
  const n = a.rn * 4 + a.off;
  const m = a.rm * 4 + a.off;
  const a0 = w[n],
    a1 = w[n + 1],
    b0 = w[m],
    b1 = w[m + 1];
  const r0 = clmul32(a0, b0);
  let r1 = H;
  r1 ^= clmul32(a0, b1);
  let r2 = H;
  r1 ^= clmul32(a1, b0);
  r2 ^= H;
  r2 ^= clmul32(a1, b1);
  const r3 = H;
  const d = a.rd * 4;
  w[d] = r0;
  w[d + 1] = r1;
  w[d + 2] = r2;
  w[d + 3] = r3;
};

function prepPmull(a: Args): Exec | void {
  if (a.size === 0) {
    a.off = a.Q ? 8 : 0;
    return pmull8;
  }
  if (a.size === 3) {
    a.off = a.Q ? 2 : 0;
    return pmull64;
  }
  return unallocated;
}

export const pmullSemantics: SemanticsTable = {
  PMULL: { prep: prepPmull, exec: unallocated },
};
