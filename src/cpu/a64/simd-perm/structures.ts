/**
 * Advanced SIMD structure loads and stores: LD1-LD4/ST1-ST4 (multiple
 * structures), LD1-LD4/ST1-ST4 to one lane, LD1R-LD4R, with post-index.
 *
 * ARM ARM C7.2 (LD1 … ST4): registers are numbered modulo 32. A fault
 * part-way must leave the architectural state untouched, so loads read the
 * whole transfer into a scratch buffer before writing any register, and
 * stores probe the whole byte range before writing memory. Base writeback
 * happens last.
 */
import { MULTI_OPS, singleLane } from '../../../arch/a64/tables/simd-perm.js';
import type { A64Cpu } from '../cpu.js';
import { regSP } from '../regs.js';
import { unallocated, type Args, type Exec, type Semantics, type SemanticsTable } from '../semantics-types.js';

/** Transfer scratch: up to 4 registers × 16 bytes. */
const buf = new ArrayBuffer(64);
const sc8 = new Uint8Array(buf);
const sc16 = new Uint16Array(buf);
const sc32 = new Int32Array(buf);

/** Post-index writeback: Xn += a.imm (Rm = 31) or Xm (a.post = 2). */
function writeback(cpu: A64Cpu, a: Args): void {
  const x = cpu.x;
  let addLo: number;
  let addHi: number;
  if (a.post === 1) {
    addLo = a.imm;
    addHi = 0;
  } else {
    addLo = x[a.m];
    addHi = x[a.m + 1];
  }
  const lo = x[a.n];
  const sum = (lo >>> 0) + (addLo >>> 0);
  x[a.n] = sum | 0;
  x[a.n + 1] = (x[a.n + 1] + addHi + (sum > 0xffffffff ? 1 : 0)) | 0;
}

/** Common prep: base register slot, writeback kind (0 none, 1 immediate = transfer size, 2 register). */
function prepAddr(a: Args, post: boolean, bytes: number): void {
  a.n = regSP(a.rn);
  if (!post) a.post = 0;
  else if (a.rm === 31) {
    a.post = 1;
    a.imm = bytes;
  } else {
    a.post = 2;
    a.m = a.rm * 2;
  }
}

// ------------------------------------------------------------ multiple structures

/** Read a.total bytes (a multiple of 8) from [Xn] into the scratch. */
function loadAll(cpu: A64Cpu, a: Args): void {
  const lo = cpu.x[a.n];
  const hi = cpu.x[a.n + 1];
  for (let k = 0; k < a.total; k += 8) {
    const l = (lo + k) | 0;
    const h = l >>> 0 < lo >>> 0 ? (hi + 1) | 0 : hi;
    sc32[k >> 2] = cpu.ld64(l, h);
    sc32[(k >> 2) + 1] = cpu.hi;
  }
}

/** Write a.total bytes of the scratch to [Xn], after checking the whole range. */
function storeAll(cpu: A64Cpu, a: Args): void {
  const lo = cpu.x[a.n];
  const hi = cpu.x[a.n + 1];
  cpu.probeWrite(lo, hi, a.total);
  for (let k = 0; k < a.total; k += 8) {
    const l = (lo + k) | 0;
    const h = l >>> 0 < lo >>> 0 ? (hi + 1) | 0 : hi;
    cpu.st64(l, h, sc32[k >> 2], sc32[(k >> 2) + 1]);
  }
}

/** LD1 (multiple): a.regs consecutive registers, a.rbytes (8 or 16) each; copied as 32-bit words. */
const ld1Multi: Exec = (cpu, a) => {
  loadAll(cpu, a);
  const w = cpu.vi32;
  const rw = a.rbytes >> 2;
  for (let r = 0; r < a.regs; r++) {
    const d = ((a.rt + r) & 31) * 4;
    const s = r * rw;
    w[d] = sc32[s];
    w[d + 1] = sc32[s + 1];
    if (rw === 4) {
      w[d + 2] = sc32[s + 2];
      w[d + 3] = sc32[s + 3];
    } else {
      w[d + 2] = 0;
      w[d + 3] = 0;
    }
  }
  if (a.post) writeback(cpu, a);
};

const st1Multi: Exec = (cpu, a) => {
  const w = cpu.vi32;
  const rw = a.rbytes >> 2;
  for (let r = 0; r < a.regs; r++) {
    const src = ((a.rt + r) & 31) * 4;
    for (let j = 0; j < rw; j++) sc32[r * rw + j] = w[src + j];
  }
  storeAll(cpu, a);
  if (a.post) writeback(cpu, a);
};

/** LD1 {Vt.16b}: the most common form, without the scratch buffer (both loads happen before any write). */
const ld1One16: Exec = (cpu, a) => {
  const lo = cpu.x[a.n];
  const hi = cpu.x[a.n + 1];
  const w0 = cpu.ld64(lo, hi);
  const w1 = cpu.hi;
  const l = (lo + 8) | 0;
  const w2 = cpu.ld64(l, l >>> 0 < lo >>> 0 ? (hi + 1) | 0 : hi);
  const w3 = cpu.hi;
  const w = cpu.vi32;
  const d = a.rt * 4;
  w[d] = w0;
  w[d + 1] = w1;
  w[d + 2] = w2;
  w[d + 3] = w3;
  if (a.post) writeback(cpu, a);
};

// LDn/STn (n = a.regs = selem > 1): element e of register t+s is member s
// of structure e, i.e. scratch unit e*n + s. One exec per unit width: bytes,
// halfwords, and 32-bit words (S, or D as a.ew = 2 words).

/** Zero the upper 64 bits of each destination register of a 64-bit form. */
function zeroUpper(cpu: A64Cpu, a: Args): void {
  if (a.rbytes === 16) return;
  const w = cpu.vi32;
  for (let s = 0; s < a.regs; s++) {
    const d = ((a.rt + s) & 31) * 4;
    w[d + 2] = 0;
    w[d + 3] = 0;
  }
}

const ldNMulti8: Exec = (cpu, a) => {
  loadAll(cpu, a);
  const v = cpu.v8;
  const sel = a.regs;
  const n = a.elems;
  for (let s = 0; s < sel; s++) {
    const d = ((a.rt + s) & 31) * 16;
    for (let e = 0; e < n; e++) v[d + e] = sc8[e * sel + s];
  }
  zeroUpper(cpu, a);
  if (a.post) writeback(cpu, a);
};

const ldNMulti16: Exec = (cpu, a) => {
  loadAll(cpu, a);
  const v = cpu.v16;
  const sel = a.regs;
  const n = a.elems;
  for (let s = 0; s < sel; s++) {
    const d = ((a.rt + s) & 31) * 8;
    for (let e = 0; e < n; e++) v[d + e] = sc16[e * sel + s];
  }
  zeroUpper(cpu, a);
  if (a.post) writeback(cpu, a);
};

const ldNMulti32: Exec = (cpu, a) => {
  loadAll(cpu, a);
  const w = cpu.vi32;
  const sel = a.regs;
  const n = a.elems;
  const ew = a.ew;
  for (let s = 0; s < sel; s++) {
    const d = ((a.rt + s) & 31) * 4;
    for (let e = 0; e < n; e++) {
      const from = (e * sel + s) * ew;
      for (let k = 0; k < ew; k++) w[d + e * ew + k] = sc32[from + k];
    }
  }
  zeroUpper(cpu, a);
  if (a.post) writeback(cpu, a);
};

const stNMulti8: Exec = (cpu, a) => {
  const v = cpu.v8;
  const sel = a.regs;
  const n = a.elems;
  for (let s = 0; s < sel; s++) {
    const src = ((a.rt + s) & 31) * 16;
    for (let e = 0; e < n; e++) sc8[e * sel + s] = v[src + e];
  }
  storeAll(cpu, a);
  if (a.post) writeback(cpu, a);
};

const stNMulti16: Exec = (cpu, a) => {
  const v = cpu.v16;
  const sel = a.regs;
  const n = a.elems;
  for (let s = 0; s < sel; s++) {
    const src = ((a.rt + s) & 31) * 8;
    for (let e = 0; e < n; e++) sc16[e * sel + s] = v[src + e];
  }
  storeAll(cpu, a);
  if (a.post) writeback(cpu, a);
};

const stNMulti32: Exec = (cpu, a) => {
  const w = cpu.vi32;
  const sel = a.regs;
  const n = a.elems;
  const ew = a.ew;
  for (let s = 0; s < sel; s++) {
    const src = ((a.rt + s) & 31) * 4;
    for (let e = 0; e < n; e++) {
      const to = (e * sel + s) * ew;
      for (let k = 0; k < ew; k++) sc32[to + k] = w[src + e * ew + k];
    }
  }
  storeAll(cpu, a);
  if (a.post) writeback(cpu, a);
};

function multiSemantics(selem: number, regs: number, post: boolean): Semantics {
  return {
    prep(a) {
      // ARM ARM: size:Q = 110 (.1d) is reserved when there is more than one element per structure.
      if (a.size === 3 && !a.Q && selem > 1) return unallocated;
      a.rbytes = a.Q ? 16 : 8;
      a.regs = regs;
      a.total = regs * a.rbytes;
      a.esize = 1 << a.size;
      a.elems = a.rbytes >> a.size;
      a.ew = a.size === 3 ? 2 : 1;
      prepAddr(a, post, a.total);
      if (selem === 1) return a.L ? (regs === 1 && a.Q ? ld1One16 : ld1Multi) : st1Multi;
      if (a.size === 0) return a.L ? ldNMulti8 : stNMulti8;
      if (a.size === 1) return a.L ? ldNMulti16 : stNMulti16;
      return a.L ? ldNMulti32 : stNMulti32;
    },
    exec: unallocated,
  };
}

// ------------------------------------------------------------ single structure

/** Read a.selem elements of 1 << a.size bytes into the scratch (element s at byte s << size). */
function loadElems(cpu: A64Cpu, a: Args): void {
  const lo = cpu.x[a.n];
  const hi = cpu.x[a.n + 1];
  const es = a.esize;
  for (let s = 0; s < a.selem; s++) {
    const l = (lo + s * es) | 0;
    const h = l >>> 0 < lo >>> 0 ? (hi + 1) | 0 : hi;
    switch (a.size) {
      case 0:
        sc8[s] = cpu.ld8(l, h);
        break;
      case 1:
        sc16[s] = cpu.ld16(l, h);
        break;
      case 2:
        sc32[s] = cpu.ld32(l, h);
        break;
      default:
        sc32[2 * s] = cpu.ld64(l, h);
        sc32[2 * s + 1] = cpu.hi;
    }
  }
}

/** LDn to one lane: lane a.index of registers t..t+n-1; other lanes unchanged. */
const ldLane: Exec = (cpu, a) => {
  loadElems(cpu, a);
  const v = cpu.v8;
  const es = a.esize;
  for (let s = 0; s < a.selem; s++) {
    const d = ((a.rt + s) & 31) * 16 + a.index * es;
    for (let b = 0; b < es; b++) v[d + b] = sc8[s * es + b];
  }
  if (a.post) writeback(cpu, a);
};

const stLane: Exec = (cpu, a) => {
  const v = cpu.v8;
  const es = a.esize;
  for (let s = 0; s < a.selem; s++) {
    const src = ((a.rt + s) & 31) * 16 + a.index * es;
    for (let b = 0; b < es; b++) sc8[s * es + b] = v[src + b];
  }
  const lo = cpu.x[a.n];
  const hi = cpu.x[a.n + 1];
  cpu.probeWrite(lo, hi, a.selem * es);
  for (let s = 0; s < a.selem; s++) {
    const l = (lo + s * es) | 0;
    const h = l >>> 0 < lo >>> 0 ? (hi + 1) | 0 : hi;
    switch (a.size) {
      case 0:
        cpu.st8(l, h, sc8[s]);
        break;
      case 1:
        cpu.st16(l, h, sc16[s]);
        break;
      case 2:
        cpu.st32(l, h, sc32[s]);
        break;
      default:
        cpu.st64(l, h, sc32[2 * s], sc32[2 * s + 1]);
    }
  }
  if (a.post) writeback(cpu, a);
};

/** LDnR: element s replicated to every lane of register t+s. */
const ldReplicate: Exec = (cpu, a) => {
  loadElems(cpu, a);
  const v = cpu.v8;
  const es = a.esize;
  for (let s = 0; s < a.selem; s++) {
    const d = ((a.rt + s) & 31) * 16;
    for (let j = 0; j < a.rbytes; j++) v[d + j] = sc8[s * es + (j & (es - 1))];
    if (a.rbytes === 8) v.fill(0, d + 8, d + 16);
  }
  if (a.post) writeback(cpu, a);
};

function singleSemantics(kind: number, post: boolean): Semantics {
  return {
    prep(a) {
      const { size, index } = singleLane(kind, a);
      if (size < 0) return unallocated;
      a.size = size;
      a.index = index;
      a.esize = 1 << size;
      a.selem = ((a.o0 << 1) | a.R) + 1;
      a.rbytes = a.Q ? 16 : 8;
      prepAddr(a, post, a.selem * a.esize);
      if (kind === 3) return ldReplicate;
      return a.L ? ldLane : stLane;
    },
    exec: unallocated,
  };
}

const table: { [name: string]: Semantics } = {};
for (const { name, selem, regs } of MULTI_OPS) {
  table[name] = multiSemantics(selem, regs, false);
  table[name + '_post'] = multiSemantics(selem, regs, true);
}
['LDST_single_B', 'LDST_single_H', 'LDST_single_S', 'LD_replicate'].forEach((name, kind) => {
  table[name] = singleSemantics(kind, false);
  table[name + '_post'] = singleSemantics(kind, true);
});

export const structureSemantics: SemanticsTable = table;
