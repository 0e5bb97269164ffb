/**
 * Semantics of the integer and logical Advanced SIMD encodings (see
 * src/arch/a64/tables/simd-int.ts). Element operations live in
 * ../simd-int/elem.ts; this file holds the lane loops.
 *
 * Conventions of the prepared args:
 * - a.n, a.m, a.d: index of lane 0 of the register in the typed-array view of
 *   the element size (r * (16 >> sz)); 64-bit elements use cpu.vi32 with
 *   a.n = r * 4 and lane i at a.n + 2i.
 * - a.lanes: number of result lanes; a.sz: element size (0..3); a.sg: 1 when
 *   the elements are read as signed.
 * - a.zf: byte offset from which the destination register is zeroed after the
 *   write (8 for a 64-bit vector, the element size for a scalar, 16: none).
 * - a.op: index into the element-op table of the exec.
 * Every lane loop that can read a lane after the destination was written goes
 * through the scratch array T first.
 */
import type { A64Cpu } from '../cpu.js';
import { unallocated, type Args, type Exec, type Semantics, type SemanticsTable } from '../semantics-types.js';
import {
  INDEXED_FORM,
  S_SHIFT_D_ONLY,
  S_SHIFT_IMM_FORM,
  S_THREE_SAME_SIZES,
  S_TWO_MISC_SIZES,
  SHIFT_IMM_FORM,
  THREE_DIFF_KIND,
  THREE_SAME_SIZES,
  TWO_MISC_SIZES,
  immhSize,
  shiftImmEntryNames,
  vfpImm8,
} from '../../../arch/a64/tables/simd-int.js';
import * as E from '../simd-int/elem.js';
import * as F from '../simd-int/fast.js';
import { template } from '../templates.js';

const FPSR_QC = 1 << 27;

/** Scratch lanes for loops whose destination overlaps a source. */
const T = new Float64Array(16);
const TW = new Int32Array(8);

type View = Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array;

function view(cpu: A64Cpu, sz: number, sg: number): View {
  if (sg) return sz === 0 ? cpu.vi8 : sz === 1 ? cpu.vi16 : cpu.vi32;
  return sz === 0 ? cpu.v8 : sz === 1 ? cpu.v16 : cpu.v32;
}

/** Zero the destination from byte a.zf, fold QC into FPSR (and clear it for the next instruction). */
function finish(cpu: A64Cpu, a: Args): void {
  if (a.zf === 8) {
    const w = a.rdb >> 2;
    cpu.vi32[w + 2] = 0;
    cpu.vi32[w + 3] = 0;
  } else if (a.zf < 16) cpu.v8.fill(0, a.rdb + a.zf, a.rdb + 16);
  if (E.QC) {
    cpu.fpsr |= FPSR_QC;
    E.resetQC();
  }
}

const idx = (r: number, sz: number): number => r * (16 >> sz);

/** Common prep: register bases for element size sz, lane count, zeroing. */
function base(a: Args, sz: number, lanes: number, zf: number): void {
  a.sz = sz;
  a.lanes = lanes;
  a.zf = zf;
  a.rdb = a.rd * 16;
  a.n = sz === 3 ? a.rn * 4 : idx(a.rn, sz);
  a.m = a.rm === undefined ? 0 : sz === 3 ? a.rm * 4 : idx(a.rm, sz);
  a.d = sz === 3 ? a.rd * 4 : idx(a.rd, sz);
  a.ms = 1;
}

/** Vector prep: lanes from Q and size. */
function vbase(a: Args, sz: number): void {
  base(a, sz, (a.Q ? 16 : 8) >> sz, a.Q ? 16 : 8);
}
/** Scalar prep: one lane, the rest of the register zeroed. */
function sbase(a: Args, sz: number): void {
  base(a, sz, 1, 1 << sz);
}

// ------------------------------------------------------------ element-op tables

const OP2: E.Op2[] = [];
const op2 = (f: E.Op2): number => OP2.push(f) - 1;
const OP1: E.Op1[] = [];
const op1 = (f: E.Op1): number => OP1.push(f) - 1;
/** 64-bit element ops: (a, b) as halves → lo, E.RH = hi. Unary ops get b = d. */
type Op64 = (al: number, ah: number, bl: number, bh: number) => number;
const OP64: Op64[] = [];
const op64 = (f: Op64): number => OP64.push(f) - 1;

const ones64 = (c: boolean): number => E.fromDouble(c ? -1 : 0);

// ------------------------------------------------------------ lane loops

/** Elementwise x op y (op d) for 8/16/32-bit lanes. */
const vsame: Exec = (cpu, a) => {
  const V = view(cpu, a.sz, a.sg);
  E.setElemSize(a.sz);
  const f = OP2[a.op];
  const n = a.n;
  const m = a.m;
  const d = a.d;
  for (let i = 0; i < a.lanes; i++) V[d + i] = f(V[n + i], V[m + i], V[d + i]);
  finish(cpu, a);
};

/** By element: x op y (op d) with y one element read before any lane is written. */
const velem: Exec = (cpu, a) => {
  const V = view(cpu, a.sz, a.sg);
  E.setElemSize(a.sz);
  const f = OP2[a.op];
  const y = V[a.m];
  for (let i = 0; i < a.lanes; i++) V[a.d + i] = f(V[a.n + i], y, V[a.d + i]);
  finish(cpu, a);
};

/** Elementwise on 64-bit lanes. */
const vsame64: Exec = (cpu, a) => {
  const X = cpu.vi32;
  const f = OP64[a.op];
  for (let i = 0; i < a.lanes; i++) {
    const n = a.n + 2 * i;
    const m = a.m + 2 * i;
    const d = a.d + 2 * i;
    const lo = f(X[n], X[n + 1], X[m], X[m + 1]);
    X[d] = lo;
    X[d + 1] = E.RH;
  }
  finish(cpu, a);
};

/** Elementwise one-operand ops (x, d). */
const vone: Exec = (cpu, a) => {
  const V = view(cpu, a.sz, a.sg);
  E.setElemSize(a.sz);
  const f = OP1[a.op];
  for (let i = 0; i < a.lanes; i++) V[a.d + i] = f(V[a.n + i], V[a.d + i]);
  finish(cpu, a);
};

/** One-operand ops on 64-bit lanes (b = destination, for SUQADD/USQADD). */
const vone64: Exec = (cpu, a) => {
  const X = cpu.vi32;
  const f = OP64[a.op];
  for (let i = 0; i < a.lanes; i++) {
    const n = a.n + 2 * i;
    const d = a.d + 2 * i;
    const lo = f(X[n], X[n + 1], X[d], X[d + 1]);
    X[d] = lo;
    X[d + 1] = E.RH;
  }
  finish(cpu, a);
};

/** SUQADD/USQADD on 8/16/32-bit lanes: x and the accumulator have opposite signedness. */
const vaccsat: Exec = (cpu, a) => {
  const X = view(cpu, a.sz, a.sg ? 0 : 1); // x: unsigned for SUQADD
  const D = view(cpu, a.sz, a.sg);
  E.setElemSize(a.sz);
  for (let i = 0; i < a.lanes; i++) {
    const v = D[a.d + i] + X[a.n + i];
    D[a.d + i] = a.sg ? E.satS(v) : E.satU(v);
  }
  finish(cpu, a);
};

/** Pairwise: lanes of the concatenation n:m (low half from n) combined two by two. */
const vpair: Exec = (cpu, a) => {
  const V = view(cpu, a.sz, a.sg);
  E.setElemSize(a.sz);
  const f = OP2[a.op];
  const half = a.lanes >> 1;
  for (let i = 0; i < a.lanes; i++) {
    const s = (i < half ? a.n : a.m) + 2 * (i < half ? i : i - half);
    T[i] = f(V[s], V[s + 1], 0);
  }
  for (let i = 0; i < a.lanes; i++) V[a.d + i] = T[i];
  finish(cpu, a);
};

/** ADDP on 64-bit lanes (vector 2D, and scalar with a.lanes = 1 reading only n). */
const vpair64: Exec = (cpu, a) => {
  const X = cpu.vi32;
  for (let i = 0; i < a.lanes; i++) {
    const s = i === 0 ? a.n : a.m;
    TW[2 * i] = E.add64(X[s], X[s + 1], X[s + 2], X[s + 3]);
    TW[2 * i + 1] = E.RH;
  }
  for (let i = 0; i < 2 * a.lanes; i++) X[a.d + i] = TW[i];
  finish(cpu, a);
};

// ------------------------------------------------------------ three same

const cmp64 = (gt: (al: number, ah: number, bl: number, bh: number) => boolean, eq: boolean): Op64 =>
  eq ? (al, ah, bl, bh) => ones64(!gt(bl, bh, al, ah)) : (al, ah, bl, bh) => ones64(gt(al, ah, bl, bh));
const shift64 =
  (f: E.Op2W): Op64 =>
  (al, ah, bl) =>
    f(al, ah, bl);

/** Per three-same suffix: [U=0 op, U=1 op, U=0 64-bit op, U=1 64-bit op] (-1: no such form). */
const SAME: { [sfx: string]: [number, number, number, number] } = {
  HADD: [op2(E.hadd), op2(E.hadd), -1, -1],
  QADD: [
    op2(E.sqadd),
    op2(E.uqadd),
    op64((al, ah, bl, bh) => E.addSat64(al, ah, bl, bh, 1)),
    op64((al, ah, bl, bh) => E.addSat64(al, ah >>> 0, bl, bh >>> 0, 0)),
  ],
  RHADD: [op2(E.rhadd), op2(E.rhadd), -1, -1],
  HSUB: [op2(E.hsub), op2(E.hsub), -1, -1],
  QSUB: [
    op2(E.sqsub),
    op2(E.uqsub),
    op64((al, ah, bl, bh) => E.subSat64(al, ah, bl, bh, 1)),
    op64((al, ah, bl, bh) => E.subSat64(al, ah >>> 0, bl, bh >>> 0, 0)),
  ],
  CMGT: [op2(E.cmgt), op2(E.cmgt), op64(cmp64(E.gts64, false)), op64(cmp64(E.gtu64, false))],
  CMGE: [op2(E.cmge), op2(E.cmge), op64(cmp64(E.gts64, true)), op64(cmp64(E.gtu64, true))],
  SHL: [op2(E.shl), op2(E.shl), op64(shift64(E.sshl64)), op64(shift64(E.ushl64))],
  QSHL: [op2(E.sqshl), op2(E.uqshl), op64(shift64(E.sqshl64)), op64(shift64(E.uqshl64))],
  RSHL: [op2(E.rshl), op2(E.rshl), op64(shift64(E.srshl64)), op64(shift64(E.urshl64))],
  QRSHL: [op2(E.sqrshl), op2(E.uqrshl), op64(shift64(E.sqrshl64)), op64(shift64(E.uqrshl64))],
  MAX: [op2(E.max), op2(E.max), -1, -1],
  MIN: [op2(E.min), op2(E.min), -1, -1],
  ABD: [op2(E.abd), op2(E.abd), -1, -1],
  ABA: [op2(E.aba), op2(E.aba), -1, -1],
  ADD: [op2(E.add), op2(E.sub), op64(E.add64), op64(E.sub64)],
  CMTST: [
    op2(E.cmtst),
    op2(E.cmeq),
    op64((al, ah, bl, bh) => ones64(((al & bl) | (ah & bh)) !== 0)),
    op64((al, ah, bl, bh) => ones64(al === bl && ah === bh)),
  ],
  MLA: [op2(E.mla), op2(E.mls), -1, -1],
  MUL: [op2(E.mul), op2(E.pmul), -1, -1],
  MAXP: [op2(E.max), op2(E.max), -1, -1],
  MINP: [op2(E.min), op2(E.min), -1, -1],
  QDMULH: [op2(E.sqdmulh), op2(E.sqrdmulh), -1, -1],
  ADDP: [op2(E.add), -1, -1, -1],
};
/** Suffixes whose U=0 form reads signed elements (U=1 reads unsigned). Others ignore sign. */
const SIGNED_BY_U = new Set([
  'HADD',
  'QADD',
  'RHADD',
  'HSUB',
  'QSUB',
  'CMGT',
  'CMGE',
  'SHL',
  'QSHL',
  'RSHL',
  'QRSHL',
  'MAX',
  'MIN',
  'ABD',
  'ABA',
  'MAXP',
  'MINP',
]);
const ALWAYS_SIGNED = new Set(['QDMULH']);

/** Specialised loops (../simd-int/fast.ts) for the frequent three-same ops, by suffix and U. */
const FAST_SAME: { [sfx: string]: (Exec | undefined)[] } = {
  ADD: [F.addFast, F.subFast],
  CMTST: [F.cmtstFast, F.cmeqFast],
  CMGT: [F.cmgtFast, F.cmhiFast],
  CMGE: [F.cmgeFast, F.cmhsFast],
  MAX: [F.smaxFast, F.umaxFast],
  MIN: [F.sminFast, F.uminFast],
  MUL: [F.mulFast, undefined],
  MLA: [F.mlaFast, F.mlsFast],
  MAXP: [F.smaxpFast, F.umaxpFast],
  MINP: [F.sminpFast, F.uminpFast],
  ADDP: [F.addpFast, undefined],
};

function sameSemantics(sfx: string, scalar: boolean): Semantics {
  const pair = sfx === 'MAXP' || sfx === 'MINP' || sfx === 'ADDP';
  return {
    prep(a) {
      const U = a.U ?? 0;
      const sz = a.size;
      if (scalar) {
        if (!((S_THREE_SAME_SIZES[sfx] >> sz) & 1)) return unallocated;
        sbase(a, sz);
      } else {
        if (!((THREE_SAME_SIZES[sfx] >> sz) & 1) || (sz === 3 && !a.Q)) return unallocated;
        if (sfx === 'MUL' && U && sz !== 0) return unallocated;
        vbase(a, sz);
      }
      a.sg = SIGNED_BY_U.has(sfx) ? 1 - U : ALWAYS_SIGNED.has(sfx) ? 1 : 0;
      if (sz === 3) {
        if (pair) return vpair64;
        a.op = SAME[sfx][2 + U];
        return vsame64;
      }
      a.op = SAME[sfx][U];
      return FAST_SAME[sfx]?.[U] ?? (pair ? vpair : vsame);
    },
    exec: vsame,
  };
}

// ------------------------------------------------------------ logical (words)

const logicAnd: Exec = (cpu, a) => {
  const W = cpu.vi32;
  for (let i = 0; i < a.words; i++) W[a.d + i] = W[a.n + i] & W[a.m + i];
  finish(cpu, a);
};
const logicBic: Exec = (cpu, a) => {
  const W = cpu.vi32;
  for (let i = 0; i < a.words; i++) W[a.d + i] = W[a.n + i] & ~W[a.m + i];
  finish(cpu, a);
};
const logicOrr: Exec = (cpu, a) => {
  const W = cpu.vi32;
  for (let i = 0; i < a.words; i++) W[a.d + i] = W[a.n + i] | W[a.m + i];
  finish(cpu, a);
};
const logicOrn: Exec = (cpu, a) => {
  const W = cpu.vi32;
  for (let i = 0; i < a.words; i++) W[a.d + i] = W[a.n + i] | ~W[a.m + i];
  finish(cpu, a);
};
const logicEor: Exec = (cpu, a) => {
  const W = cpu.vi32;
  for (let i = 0; i < a.words; i++) W[a.d + i] = W[a.n + i] ^ W[a.m + i];
  finish(cpu, a);
};
/** BSL: d = (d & n) | (~d & m). */
const logicBsl: Exec = (cpu, a) => {
  const W = cpu.vi32;
  for (let i = 0; i < a.words; i++) {
    const d = W[a.d + i];
    W[a.d + i] = (d & W[a.n + i]) | (~d & W[a.m + i]);
  }
  finish(cpu, a);
};
/** BIT: insert n where m is set. */
const logicBit: Exec = (cpu, a) => {
  const W = cpu.vi32;
  for (let i = 0; i < a.words; i++) {
    const m = W[a.m + i];
    W[a.d + i] = (W[a.d + i] & ~m) | (W[a.n + i] & m);
  }
  finish(cpu, a);
};
/** BIF: insert n where m is clear. */
const logicBif: Exec = (cpu, a) => {
  const W = cpu.vi32;
  for (let i = 0; i < a.words; i++) {
    const m = W[a.m + i];
    W[a.d + i] = (W[a.d + i] & m) | (W[a.n + i] & ~m);
  }
  finish(cpu, a);
};
/** NOT (MVN): word-wise complement. */
const logicNot: Exec = (cpu, a) => {
  const W = cpu.vi32;
  const n = a.rn * 4;
  const d = a.rd * 4;
  for (let i = 0; i < a.words; i++) W[d + i] = ~W[n + i];
  finish(cpu, a);
};
const LOGIC_EXECS = [
  [logicAnd, logicBic, logicOrr, logicOrn],
  [logicEor, logicBsl, logicBit, logicBif],
];

const logicSemantics: Semantics = {
  prep(a) {
    base(a, 2, 0, a.Q ? 16 : 8);
    a.words = a.Q ? 4 : 2;
    return LOGIC_EXECS[a.U][a.size];
  },
  exec: logicAnd,
};

// ------------------------------------------------------------ two-register misc

/** Byte permutation: result byte i = source byte i ^ a.x (REV16/32/64). */
const vrev: Exec = (cpu, a) => {
  const B = cpu.v8;
  const n = a.rn * 16;
  for (let i = 0; i < a.bytes; i++) T[i] = B[n + (i ^ a.x)];
  for (let i = 0; i < a.bytes; i++) B[a.rdb + i] = T[i];
  finish(cpu, a);
};

/** SADDLP/UADDLP/SADALP/UADALP: wide lane i = n[2i] + n[2i+1] (+ d). */
const vaddlp: Exec = (cpu, a) => {
  const S = view(cpu, a.sz, a.sg);
  const n = idx(a.rn, a.sz);
  if (a.sz === 2) {
    const X = cpu.vi32;
    for (let i = 0; i < a.lanes; i++) {
      const lo = E.fromDouble(S[n + 2 * i] + S[n + 2 * i + 1]);
      const hi = E.RH;
      const d = a.d + 2 * i;
      TW[2 * i] = a.acc ? E.add64(X[d], X[d + 1], lo, hi) : lo;
      TW[2 * i + 1] = a.acc ? E.RH : hi;
    }
    for (let i = 0; i < 2 * a.lanes; i++) X[a.d + i] = TW[i];
  } else {
    const W = view(cpu, a.sz + 1, a.sg);
    for (let i = 0; i < a.lanes; i++) T[i] = S[n + 2 * i] + S[n + 2 * i + 1] + (a.acc ? W[a.d + i] : 0);
    for (let i = 0; i < a.lanes; i++) W[a.d + i] = T[i];
  }
  finish(cpu, a);
};

/** XTN, SQXTN, UQXTN, SQXTUN (vector and scalar): a.mode as E.narrow64. */
const vnarrow: Exec = (cpu, a) => {
  E.setElemSize(a.sz);
  if (a.sz === 2) {
    const X = cpu.vi32;
    for (let i = 0; i < a.cnt; i++) T[i] = E.narrow64(X[a.n + 2 * i], X[a.n + 2 * i + 1], a.mode);
  } else {
    const S = view(cpu, a.sz + 1, a.sg);
    for (let i = 0; i < a.cnt; i++) T[i] = E.narrowN(S[a.n + i], a.mode);
  }
  const D = view(cpu, a.sz, 0);
  for (let i = 0; i < a.cnt; i++) D[a.d + a.off + i] = T[i];
  finish(cpu, a);
};

/**
 * Widening left shift of the low (Q=0) or high (Q=1) half: SHLL, SSHLL/USHLL
 * (a.shift), wide lane i = n[off + i] << shift.
 */
const vwiden: Exec = (cpu, a) => {
  const S = view(cpu, a.sz, a.sg);
  const sc = a.smul;
  for (let i = 0; i < a.cnt; i++) T[i] = S[a.n + a.off + i] * sc;
  if (a.sz === 2) {
    const X = cpu.vi32;
    for (let i = 0; i < a.cnt; i++) {
      X[a.d + 2 * i] = E.fromDouble(T[i]);
      X[a.d + 2 * i + 1] = E.RH;
    }
  } else {
    const W = view(cpu, a.sz + 1, 0);
    for (let i = 0; i < a.cnt; i++) W[a.d + i] = T[i];
  }
  finish(cpu, a);
};

const neg64: Op64 = (al, ah) => E.sub64(0, 0, al, ah);
const MISC: { [sfx: string]: [number, number, number, number] } = {
  SQADD: [
    -1,
    -1,
    op64((xl, xh, dl, dh) => E.addSat64(dl, dh, xl, xh >>> 0, 1)),
    op64((xl, xh, dl, dh) => E.addSat64(dl, dh >>> 0, xl, xh, 0)),
  ],
  CLZ: [op1(E.cls), op1(E.clz), -1, -1],
  CNT: [op1(E.cnt), -1, -1, -1],
  QABS: [
    op1(E.sqabs),
    op1(E.sqneg),
    op64((al, ah) => (ah < 0 ? E.subSat64(0, 0, al, ah, 1) : E.addSat64(al, ah, 0, 0, 1))),
    op64((al, ah) => E.subSat64(0, 0, al, ah, 1)),
  ],
  CMGT0: [
    op1(E.cmgt0),
    op1(E.cmge0),
    op64((al, ah) => ones64(E.gts64(al, ah, 0, 0))),
    op64((al, ah) => ones64(ah >= 0)),
  ],
  CMEQ0: [
    op1(E.cmeq0),
    op1(E.cmle0),
    op64((al, ah) => ones64((al | ah) === 0)),
    op64((al, ah) => ones64(!E.gts64(al, ah, 0, 0))),
  ],
  CMLT0: [op1(E.cmlt0), -1, op64((al, ah) => ones64(ah < 0)), -1],
  ABS: [op1(E.abs), op1(E.neg), op64((al, ah) => (ah < 0 ? neg64(al, ah, 0, 0) : E.add64(al, ah, 0, 0))), op64(neg64)],
};
const RBIT = op1(E.rbit8);

function miscSemantics(sfx: string, scalar: boolean): Semantics {
  return {
    prep(a) {
      const U = a.U ?? (sfx === 'NOT' || sfx === 'SHLL' || sfx === 'REV32' || sfx === 'SQXTUN' ? 1 : 0);
      const sz = a.size;
      const sizes = scalar ? S_TWO_MISC_SIZES[sfx] : TWO_MISC_SIZES[sfx];
      const narrowing = sfx === 'XTN' || sfx === 'QXTN' || sfx === 'SQXTUN' || sfx === 'SHLL';
      if (!((sizes >> sz) & 1) || (!scalar && !narrowing && sz === 3 && !a.Q)) return unallocated;
      if (sfx === 'REV64' || sfx === 'REV32' || sfx === 'REV16') {
        vbase(a, 0);
        const container = sfx === 'REV64' ? 8 : sfx === 'REV32' ? 4 : 2;
        a.x = (container - 1) ^ ((1 << sz) - 1);
        a.bytes = a.Q ? 16 : 8;
        return vrev;
      }
      if (sfx === 'ADDLP' || sfx === 'ADALP') {
        vbase(a, sz + 1);
        a.sz = sz;
        a.sg = 1 - U;
        a.acc = sfx === 'ADALP' ? 1 : 0;
        return vaddlp;
      }
      if (sfx === 'XTN' || sfx === 'QXTN' || sfx === 'SQXTUN') {
        if (scalar) sbase(a, sz);
        else vbase(a, sz);
        a.cnt = scalar ? 1 : 8 >> sz;
        a.n = sz === 2 ? a.rn * 4 : idx(a.rn, sz + 1);
        a.off = !scalar && a.Q ? a.cnt : 0;
        a.mode = sfx === 'XTN' ? (U ? 3 : 0) : sfx === 'SQXTUN' ? 3 : U ? 2 : 1;
        a.sg = a.mode === 1 || a.mode === 3 ? 1 : 0;
        if (!scalar && a.Q) a.zf = 16;
        return vnarrow;
      }
      if (sfx === 'SHLL') {
        vbase(a, sz);
        a.zf = 16;
        a.cnt = 8 >> sz;
        a.off = a.Q ? a.cnt : 0;
        a.d = sz === 2 ? a.rd * 4 : idx(a.rd, sz + 1);
        a.sg = 0;
        a.shift = 8 << sz;
        a.smul = 2 ** a.shift;
        return vwiden;
      }
      if (scalar) sbase(a, sz);
      else vbase(a, sz);
      if (sfx === 'NOT') {
        vbase(a, 0);
        a.sg = 0;
        a.op = RBIT;
        a.words = a.Q ? 4 : 2;
        return sz ? vone : logicNot;
      }
      if (sfx === 'SQADD') {
        a.sg = 1 - U;
        if (sz === 3) {
          a.op = MISC.SQADD[2 + U];
          return vone64;
        }
        return vaccsat;
      }
      a.sg = sfx === 'CLZ' ? 1 - U : sfx === 'CNT' ? 0 : 1;
      if (sz === 3) {
        a.op = MISC[sfx][2 + U];
        return vone64;
      }
      a.op = MISC[sfx][U];
      return vone;
    },
    exec: vone,
  };
}

// ------------------------------------------------------------ across lanes

const vacross: Exec = (cpu, a) => {
  const S = view(cpu, a.sz, a.sg);
  let r = S[a.n];
  if (a.kind === 0) for (let i = 1; i < a.cnt; i++) r += S[a.n + i];
  else if (a.kind === 1) for (let i = 1; i < a.cnt; i++) r = S[a.n + i] > r ? S[a.n + i] : r;
  else for (let i = 1; i < a.cnt; i++) r = S[a.n + i] < r ? S[a.n + i] : r;
  const w = a.rdb >> 2;
  cpu.vi32[w] = 0;
  cpu.vi32[w + 1] = 0;
  cpu.vi32[w + 2] = 0;
  cpu.vi32[w + 3] = 0;
  if (a.dsz === 3) {
    cpu.vi32[a.rd * 4] = E.fromDouble(r);
    cpu.vi32[a.rd * 4 + 1] = E.RH;
  } else view(cpu, a.dsz, 0)[idx(a.rd, a.dsz)] = r;
};

function acrossSemantics(sfx: string): Semantics {
  return {
    prep(a) {
      const U = a.U ?? 0;
      const sz = a.size;
      if (sz === 3 || (sz === 2 && !a.Q)) return unallocated;
      vbase(a, sz);
      a.cnt = a.lanes;
      a.sg = 1 - U;
      a.kind = sfx === 'MAXV' ? 1 : sfx === 'MINV' ? 2 : 0;
      a.dsz = sfx === 'ADDLV' ? sz + 1 : sz;
      return vacross;
    },
    exec: vacross,
  };
}

// ------------------------------------------------------------ three different

/** Long ops on ≤16-bit sources: (x, y, d) → wide value (exact). */
const L_OPS: { [sfx: string]: number } = {
  ADDL: op2((x, y) => x + y),
  SUBL: op2((x, y) => x - y),
  ABAL: op2(E.aba),
  ABDL: op2(E.abd),
  MLAL: op2((x, y, d) => d + x * y),
  MLSL: op2((x, y, d) => d - x * y),
  MULL: op2((x, y) => x * y),
  QDMLAL: op2((x, y, d) => E.satS(d + E.satS(2 * x * y))),
  QDMLSL: op2((x, y, d) => E.satS(d - E.satS(2 * x * y))),
  QDMULL: op2((x, y) => E.satS(2 * x * y)),
};
/** Long ops on 32-bit sources: (x, y, dlo, dhi) → lo, E.RH = hi. */
type OpL64 = (x: number, y: number, dl: number, dh: number) => number;
const OPL64: OpL64[] = [];
const opl64 = (f: OpL64): number => OPL64.push(f) - 1;
/** 2xy saturated to 64 bits (only (-2^31)^2 saturates). */
function dmull64(x: number, y: number): number {
  if (x === -0x80000000 && y === -0x80000000) {
    E.setQC();
    return E.pair(-1, 0x7fffffff);
  }
  E.mul32(x, y);
  return E.add64(E.PL | 0, E.PH | 0, E.PL | 0, E.PH | 0);
}
/** The exact 64-bit product of two 32-bit lanes (signed or unsigned by the view they came from). */
const prodLo = (x: number, y: number): number => {
  E.mul32(x, y);
  return E.pair(E.PL, E.PH);
};
const L64: { [sfx: string]: number } = {
  ADDL: opl64((x, y) => E.fromDouble(x + y)),
  SUBL: opl64((x, y) => E.fromDouble(x - y)),
  ABDL: opl64((x, y) => E.fromDouble(Math.abs(x - y))),
  ABAL: opl64((x, y, dl, dh) => {
    const l = E.fromDouble(Math.abs(x - y));
    return E.add64(dl, dh, l, E.RH);
  }),
  MULL: opl64(prodLo),
  MLAL: opl64((x, y, dl, dh) => {
    const l = prodLo(x, y);
    return E.add64(dl, dh, l, E.RH);
  }),
  MLSL: opl64((x, y, dl, dh) => {
    const l = prodLo(x, y);
    return E.sub64(dl, dh, l, E.RH);
  }),
  QDMULL: opl64((x, y) => dmull64(x, y)),
  QDMLAL: opl64((x, y, dl, dh) => {
    const l = dmull64(x, y);
    return E.addSat64(dl, dh, l, E.RH, 1);
  }),
  QDMLSL: opl64((x, y, dl, dh) => {
    const l = dmull64(x, y);
    return E.subSat64(dl, dh, l, E.RH, 1);
  }),
};

/** Long: wide[i] = f(n[off+i], m[off+i*ms], wide d[i]); a.ms = 0 for the by-element forms. */
const vlong: Exec = (cpu, a) => {
  const S = view(cpu, a.sz, a.sg);
  const W = view(cpu, a.sz + 1, a.sg);
  E.setElemSize(a.sz + 1);
  const f = OP2[a.op];
  for (let i = 0; i < a.cnt; i++) T[i] = f(S[a.n + a.off + i], S[a.m + (a.off + i) * a.ms], W[a.d + i]);
  for (let i = 0; i < a.cnt; i++) W[a.d + i] = T[i];
  finish(cpu, a);
};
const vlong64: Exec = (cpu, a) => {
  const S = view(cpu, 2, a.sg);
  const X = cpu.vi32;
  const f = OPL64[a.op];
  for (let i = 0; i < a.cnt; i++) {
    const d = a.d + 2 * i;
    TW[2 * i] = f(S[a.n + a.off + i], S[a.m + (a.off + i) * a.ms], X[d], X[d + 1]);
    TW[2 * i + 1] = E.RH;
  }
  for (let i = 0; i < 2 * a.cnt; i++) X[a.d + i] = TW[i];
  finish(cpu, a);
};
/** Wide: wide[i] = n_wide[i] ± m[off+i]. */
const vwide: Exec = (cpu, a) => {
  const S = view(cpu, a.sz, a.sg);
  if (a.sz === 2) {
    const X = cpu.vi32;
    for (let i = 0; i < a.cnt; i++) {
      const y = S[a.m + a.off + i];
      const yl = E.fromDouble(y);
      const n = a.nw + 2 * i;
      TW[2 * i] = a.neg ? E.sub64(X[n], X[n + 1], yl, E.RH) : E.add64(X[n], X[n + 1], yl, E.RH);
      TW[2 * i + 1] = E.RH;
    }
    for (let i = 0; i < 2 * a.cnt; i++) X[a.d + i] = TW[i];
  } else {
    const W = view(cpu, a.sz + 1, a.sg);
    for (let i = 0; i < a.cnt; i++) T[i] = W[a.nw + i] + (a.neg ? -S[a.m + a.off + i] : S[a.m + a.off + i]);
    for (let i = 0; i < a.cnt; i++) W[a.d + i] = T[i];
  }
  finish(cpu, a);
};
/** ADDHN/SUBHN/RADDHN/RSUBHN: narrow[off+i] = high half of (n ± m + round). */
const vhn: Exec = (cpu, a) => {
  if (a.sz === 2) {
    const X = cpu.vi32;
    for (let i = 0; i < a.cnt; i++) {
      const n = a.nw + 2 * i;
      const m = a.mw + 2 * i;
      const l = a.neg ? E.sub64(X[n], X[n + 1], X[m], X[m + 1]) : E.add64(X[n], X[n + 1], X[m], X[m + 1]);
      E.add64(l, E.RH, a.rnd, 0);
      T[i] = E.RH;
    }
  } else {
    const W = view(cpu, a.sz + 1, 0);
    const sc = a.scale;
    for (let i = 0; i < a.cnt; i++) {
      const y = W[a.mw + i];
      T[i] = Math.floor((W[a.nw + i] + (a.neg ? -y : y) + a.rnd) * sc);
    }
  }
  const D = view(cpu, a.sz, 0);
  for (let i = 0; i < a.cnt; i++) D[a.d + a.off + i] = T[i];
  finish(cpu, a);
};

function diffSemantics(sfx: string, scalar: boolean): Semantics {
  const kind = THREE_DIFF_KIND[sfx];
  const sat = sfx.startsWith('Q');
  return {
    prep(a) {
      const U = a.U ?? 0;
      const sz = a.size;
      if (sz === 3 || (sat && sz === 0)) return unallocated;
      if (scalar) sbase(a, sz + 1);
      else vbase(a, sz + 1);
      a.zf = scalar ? 2 << sz : 16;
      a.sz = sz;
      a.sg = sat ? 1 : 1 - U;
      a.cnt = scalar ? 1 : 8 >> sz;
      a.off = !scalar && a.Q ? a.cnt : 0;
      a.n = idx(a.rn, sz);
      a.m = idx(a.rm, sz);
      a.ms = 1;
      a.d = sz === 2 ? a.rd * 4 : idx(a.rd, sz + 1);
      a.nw = sz === 2 ? a.rn * 4 : idx(a.rn, sz + 1);
      a.mw = sz === 2 ? a.rm * 4 : idx(a.rm, sz + 1);
      if (kind === 'W') {
        a.neg = sfx === 'SUBW' ? 1 : 0;
        return vwide;
      }
      if (kind === 'N') {
        a.d = idx(a.rd, sz);
        a.zf = a.Q ? 16 : 8;
        a.neg = sfx === 'SUBHN' ? 1 : 0;
        a.rnd = U ? (sz === 2 ? -0x80000000 : 2 ** ((8 << sz) - 1)) : 0;
        a.scale = 2 ** -(8 << sz);
        return vhn;
      }
      if (sz === 2) {
        a.op = L64[sfx];
        return vlong64;
      }
      a.op = L_OPS[sfx];
      return vlong;
    },
    exec: vlong,
  };
}

// ------------------------------------------------------------ shift by immediate

/** Shift amount of the running shift-by-immediate instruction, 2^-shift and 2^shift. */
let SH = 0;
let SC = 1;
let SM = 1;
/** Mask of an element of the current size (as an unsigned number). */
const emask = (): number => (E.ES === 8 ? 0xff : E.ES === 16 ? 0xffff : 0xffffffff);

const SHIFT_OPS: { [key: string]: number } = {
  SHR: op1((x) => Math.floor(x * SC)),
  SRA: op1((x, d) => d + Math.floor(x * SC)),
  RSHR: op1((x) => Math.floor(x * SC + 0.5)),
  RSRA: op1((x, d) => d + Math.floor(x * SC + 0.5)),
  SRI: op1((x, d) => (SH === E.ES ? d : (d & ~(emask() >>> SH)) | (x >>> SH))),
  SHL: op1((x) => x * SM),
  SLI: op1((x, d) => (x << SH) | (d & ((1 << SH) - 1))),
  SQSHL: op1((x) => E.satS(x * SM)),
  UQSHL: op1((x) => E.satU(x * SM)),
  SQSHLU: op1((x) => E.satU(x * SM)),
};
const sri64: Op64 = (xl, xh, dl, dh) => {
  if (SH === 64) return E.pair(dl, dh);
  const ml = E.lsr64(-1, -1, SH);
  const mh = E.RH;
  const rl = E.lsr64(xl, xh, SH);
  return E.pair((dl & ~ml) | rl, (dh & ~mh) | E.RH);
};
const sli64: Op64 = (xl, xh, dl, dh) => {
  const ml = E.lsl64(-1, -1, SH);
  const mh = E.RH;
  const rl = E.lsl64(xl, xh, SH);
  return E.pair((dl & ~ml) | rl, (dh & ~mh) | E.RH);
};
const SHIFT_OPS64: { [key: string]: number } = {
  SSHR: op64((xl, xh) => E.asr64(xl, xh, SH)),
  USHR: op64((xl, xh) => E.lsr64(xl, xh, SH)),
  SSRA: op64((xl, xh, dl, dh) => E.add64(dl, dh, E.asr64(xl, xh, SH), E.RH)),
  USRA: op64((xl, xh, dl, dh) => E.add64(dl, dh, E.lsr64(xl, xh, SH), E.RH)),
  SRSHR: op64((xl, xh) => E.rasr64(xl, xh, SH)),
  URSHR: op64((xl, xh) => E.rlsr64(xl, xh, SH)),
  SRSRA: op64((xl, xh, dl, dh) => E.add64(dl, dh, E.rasr64(xl, xh, SH), E.RH)),
  URSRA: op64((xl, xh, dl, dh) => E.add64(dl, dh, E.rlsr64(xl, xh, SH), E.RH)),
  SRI: op64(sri64),
  SHL: op64((xl, xh) => E.lsl64(xl, xh, SH)),
  SLI: op64(sli64),
  SQSHL: op64((xl, xh) => E.sqlsl64(xl, xh, SH)),
  UQSHL: op64((xl, xh) => E.uqlsl64(xl, xh, SH)),
  SQSHLU: op64((xl, xh) => {
    if (xh < 0) {
      E.setQC();
      return E.fromDouble(0);
    }
    return E.uqlsl64(xl, xh, SH);
  }),
};

const vshift: Exec = (cpu, a) => {
  SH = a.shift;
  SC = a.scale;
  SM = a.smul;
  const V = view(cpu, a.sz, a.sg);
  E.setElemSize(a.sz);
  const f = OP1[a.op];
  for (let i = 0; i < a.lanes; i++) V[a.d + i] = f(V[a.n + i], V[a.d + i]);
  finish(cpu, a);
};
const vshift64: Exec = (cpu, a) => {
  SH = a.shift;
  const X = cpu.vi32;
  const f = OP64[a.op];
  for (let i = 0; i < a.lanes; i++) {
    const n = a.n + 2 * i;
    const d = a.d + 2 * i;
    const lo = f(X[n], X[n + 1], X[d], X[d + 1]);
    X[d] = lo;
    X[d + 1] = E.RH;
  }
  finish(cpu, a);
};
/** Shift right and narrow: narrow[off+i] = sat(wide[i] >> shift (rounded)). */
const vshrn: Exec = (cpu, a) => {
  E.setElemSize(a.sz);
  if (a.sz === 2) {
    const X = cpu.vi32;
    for (let i = 0; i < a.cnt; i++) {
      const l = X[a.n + 2 * i];
      const h = X[a.n + 2 * i + 1];
      const r = a.rnd
        ? a.sg
          ? E.rasr64(l, h, a.shift)
          : E.rlsr64(l, h, a.shift)
        : a.sg
          ? E.asr64(l, h, a.shift)
          : E.lsr64(l, h, a.shift);
      T[i] = E.narrow64(r, E.RH, a.mode);
    }
  } else {
    const S = view(cpu, a.sz + 1, a.sg);
    const h = a.rnd ? 0.5 : 0;
    for (let i = 0; i < a.cnt; i++) T[i] = E.narrowN(Math.floor(S[a.n + i] * a.scale + h), a.mode);
  }
  const D = view(cpu, a.sz, 0);
  for (let i = 0; i < a.cnt; i++) D[a.d + a.off + i] = T[i];
  finish(cpu, a);
};

function shiftSemantics(sfx: string, scalar: boolean): Semantics {
  const form = scalar ? S_SHIFT_IMM_FORM[sfx] : SHIFT_IMM_FORM[sfx];
  return {
    prep(a) {
      const U =
        a.U ??
        (sfx === 'SRI' || sfx.startsWith('SQSHLU') || sfx.startsWith('SQSHRUN') || sfx.startsWith('SQRSHRUN') ? 1 : 0);
      a.immh = (a.raw >>> 19) & 15;
      a.immb = (a.raw >>> 16) & 7;
      const sz = immhSize(a.immh);
      if (sz < 0) return unallocated;
      const esize = 8 << sz;
      const immhb = (a.immh << 3) | a.immb;
      if (scalar) {
        if (S_SHIFT_D_ONLY.has(sfx) && sz !== 3) return unallocated;
        if (form === 'N' && sz === 3) return unallocated;
      } else if (sz === 3 && (form === 'N' || form === 'W' || !a.Q)) return unallocated;
      if (form === 'R' || form === 'N') a.shift = 2 * esize - immhb;
      else a.shift = immhb - esize;
      a.scale = 2 ** -a.shift;
      a.smul = 2 ** a.shift;
      if (form === 'N') {
        if (scalar) sbase(a, sz);
        else vbase(a, sz);
        a.cnt = scalar ? 1 : 8 >> sz;
        a.n = sz === 2 ? a.rn * 4 : idx(a.rn, sz + 1);
        a.off = !scalar && a.Q ? a.cnt : 0;
        if (!scalar && a.Q) a.zf = 16;
        const q = sfx.includes('Q') || scalar;
        const uns = sfx === 'SQSHRUN' || sfx === 'SQRSHRUN' || ((sfx === 'SHRN' || sfx === 'RSHRN') && U === 1);
        a.rnd = sfx.includes('RSHR') || sfx === 'SQRSHRUN' ? 1 : 0;
        a.mode = uns ? 3 : !q ? 0 : U ? 2 : 1;
        a.sg = a.mode === 1 || a.mode === 3 ? 1 : 0;
        if (a.mode === 0 && !a.rnd && sz < 2) return F.shrnFast;
        return vshrn;
      }
      if (form === 'W') {
        vbase(a, sz);
        a.zf = 16;
        a.cnt = 8 >> sz;
        a.off = a.Q ? a.cnt : 0;
        a.d = sz === 2 ? a.rd * 4 : idx(a.rd, sz + 1);
        a.sg = 1 - U;
        return vwiden;
      }
      if (scalar) sbase(a, sz);
      else vbase(a, sz);
      let key = sfx;
      if (sfx === 'SHL') key = U ? 'SLI' : 'SHL';
      else if (sfx === 'QSHL') key = U ? 'UQSHL' : 'SQSHL';
      a.sg = sfx === 'SQSHLU' || key === 'SQSHL' ? 1 : form === 'R' && sfx !== 'SRI' ? 1 - U : 0;
      if (sz === 3) {
        const k64 = form === 'R' && sfx !== 'SRI' ? (U ? 'U' : 'S') + sfx : key;
        a.op = SHIFT_OPS64[k64];
        return vshift64;
      }
      a.op = SHIFT_OPS[key];
      if (key === 'SHR' && a.shift < 32) return U ? F.ushrFast : F.sshrFast;
      if (key === 'SHL') return F.shlFast;
      return vshift;
    },
    exec: vshift,
  };
}

// ------------------------------------------------------------ modified immediate

/** Write the 64-bit pattern a.il:a.ih to every doubleword (Q=1) or the low one; a.mode 0 move, 1 orr, 2 bic. */
const vmodimm: Exec = (cpu, a) => {
  const W = cpu.vi32;
  const d = a.rd * 4;
  for (let i = 0; i < a.words; i += 2) {
    if (a.mode === 0) {
      W[d + i] = a.il;
      W[d + i + 1] = a.ih;
    } else if (a.mode === 1) {
      W[d + i] |= a.il;
      W[d + i + 1] |= a.ih;
    } else {
      W[d + i] &= ~a.il;
      W[d + i + 1] &= ~a.ih;
    }
  }
  if (!a.Q) {
    W[d + 2] = 0;
    W[d + 3] = 0;
  }
};

function modimmSemantics(kind: string): Semantics {
  return {
    prep(a) {
      const imm8 = (a.abc << 5) | a.defgh;
      let lo = 0;
      let hi = 0;
      let invert = 0;
      a.words = a.Q ? 4 : 2;
      a.mode = 0;
      switch (kind) {
        case 'MOVI_32':
        case 'ORR_32':
          lo = hi = imm8 << (8 * a.sh);
          if (kind === 'ORR_32') a.mode = a.op ? 2 : 1;
          else invert = a.op;
          break;
        case 'MOVI_16':
        case 'ORR_16': {
          const h = (imm8 << (8 * a.sh)) & 0xffff;
          lo = hi = h | (h << 16);
          if (kind === 'ORR_16') a.mode = a.op ? 2 : 1;
          else invert = a.op;
          break;
        }
        case 'MOVI_MSL':
          lo = hi = a.sh ? (imm8 << 16) | 0xffff : (imm8 << 8) | 0xff;
          invert = a.op;
          break;
        case 'MOVI_8_64':
          if (!a.op) {
            lo = hi = imm8 * 0x01010101;
          } else {
            for (let i = 0; i < 4; i++) {
              if (imm8 & (1 << i)) lo |= 0xff << (8 * i);
              if (imm8 & (1 << (i + 4))) hi |= 0xff << (8 * i);
            }
          }
          break;
        case 'FMOV': {
          const v = vfpImm8(imm8);
          if (a.op) {
            if (!a.Q) return unallocated;
            const b = new DataView(new ArrayBuffer(8));
            b.setFloat64(0, v, true);
            lo = b.getInt32(0, true);
            hi = b.getInt32(4, true);
          } else {
            const b = new DataView(new ArrayBuffer(4));
            b.setFloat32(0, v, true);
            lo = hi = b.getInt32(0, true);
          }
          break;
        }
        case 'FMOV_h': {
          // Half precision: sign, exponent NOT(b):b:b:c:d, fraction efgh:000000.
          const b = (imm8 >> 6) & 1;
          const h = ((imm8 & 0x80) << 8) | ((b ? 0x3 : 0x4) << 12) | ((imm8 & 0x3f) << 6);
          lo = hi = h | (h << 16);
          break;
        }
      }
      a.il = invert ? ~lo : lo | 0;
      a.ih = invert ? ~hi : hi | 0;
      return vmodimm;
    },
    exec: vmodimm,
  };
}

// ------------------------------------------------------------ x indexed element, dot products, SQRDMLAH

const ELEM_S: { [sfx: string]: number } = {
  MLA: op2(E.mla),
  MLS: op2(E.mls),
  MUL: op2(E.mul),
  SQDMULH: op2(E.sqdmulh),
  SQRDMULH: op2(E.sqrdmulh),
  SQRDMLAH: op2(E.sqrdmlah),
  SQRDMLSH: op2(E.sqrdmlsh),
};
/** Long by-element suffix → three-different op suffix. */
const ELEM_L: { [sfx: string]: string } = {
  SMLAL: 'MLAL',
  UMLAL: 'MLAL',
  SQDMLAL: 'QDMLAL',
  SMLSL: 'MLSL',
  UMLSL: 'MLSL',
  SQDMLSL: 'QDMLSL',
  SMULL: 'MULL',
  UMULL: 'MULL',
  SQDMULL: 'QDMULL',
};

/** Dot product: d32[i] += sum of n8[4i+k] * m8[a.m + 4i*ms + k]. */
const vdot: Exec = (cpu, a) => {
  const N = a.nsg ? cpu.vi8 : cpu.v8;
  const M = a.msg ? cpu.vi8 : cpu.v8;
  const D = cpu.vi32;
  for (let i = 0; i < a.lanes; i++) {
    const n = a.n + 4 * i;
    const m = a.m + 4 * i * a.ms;
    T[i] = D[a.d + i] + N[n] * M[m] + N[n + 1] * M[m + 1] + N[n + 2] * M[m + 2] + N[n + 3] * M[m + 3];
  }
  for (let i = 0; i < a.lanes; i++) D[a.d + i] = T[i];
  finish(cpu, a);
};

function dotPrep(a: Args, nsg: number, msg: number, indexed: boolean): Exec {
  vbase(a, 2);
  a.n = a.rn * 16;
  a.nsg = nsg;
  a.msg = msg;
  if (indexed) {
    a.m = ((a.M << 4) | a.rm) * 16 + 4 * ((a.H << 1) | a.L);
    a.ms = 0;
  } else {
    a.m = a.rm * 16;
    a.ms = 1;
  }
  return vdot;
}

function elemSemantics(sfx: string, scalar: boolean): Semantics {
  const form = INDEXED_FORM[sfx] ?? 'D';
  return {
    prep(a) {
      if (form === 'D') {
        if (sfx === 'SUDOT') return dotPrep(a, 1, 0, true);
        if (sfx === 'USDOT') return dotPrep(a, 0, 1, true);
        if (a.size !== 2) return unallocated;
        return dotPrep(a, sfx === 'SDOT' ? 1 : 0, sfx === 'SDOT' ? 1 : 0, true);
      }
      const sz = a.size;
      if (sz !== 1 && sz !== 2) return unallocated;
      const index = sz === 1 ? (a.H << 2) | (a.L << 1) | a.M : (a.H << 1) | a.L;
      const rm = sz === 1 ? a.rm : (a.M << 4) | a.rm;
      const unsigned = sfx.startsWith('U') || sfx === 'MLA' || sfx === 'MLS' || sfx === 'MUL';
      if (form === 'S') {
        if (scalar) sbase(a, sz);
        else vbase(a, sz);
        a.m = idx(rm, sz) + index;
        a.ms = 0;
        a.sg = unsigned ? 0 : 1;
        a.op = ELEM_S[sfx];
        return velem;
      }
      if (scalar) sbase(a, sz + 1);
      else vbase(a, sz + 1);
      a.zf = scalar ? 2 << sz : 16;
      a.sz = sz;
      a.sg = unsigned ? 0 : 1;
      a.cnt = scalar ? 1 : 8 >> sz;
      a.off = !scalar && a.Q ? a.cnt : 0;
      a.n = idx(a.rn, sz);
      a.m = idx(rm, sz) + index;
      a.ms = 0;
      a.d = sz === 2 ? a.rd * 4 : idx(a.rd, sz + 1);
      if (sz === 2) {
        a.op = L64[ELEM_L[sfx]];
        return vlong64;
      }
      a.op = L_OPS[ELEM_L[sfx]];
      return vlong;
    },
    exec: vsame,
  };
}

function rdmSemantics(scalar: boolean): Semantics {
  return {
    prep(a) {
      const sz = a.size;
      if (sz !== 1 && sz !== 2) return unallocated;
      if (scalar) sbase(a, sz);
      else vbase(a, sz);
      a.sg = 1;
      a.op = a.S ? ELEM_S.SQRDMLSH : ELEM_S.SQRDMLAH;
      return vsame;
    },
    exec: vsame,
  };
}

// ------------------------------------------------------------ semantics table

const table: { [name: string]: Semantics } = {};
for (const sfx of Object.keys(THREE_SAME_SIZES)) table[`ASIMD_${sfx}`] = sameSemantics(sfx, false);
for (const sfx of Object.keys(S_THREE_SAME_SIZES)) table[`ASIMDS_${sfx}`] = sameSemantics(sfx, true);
table.ASIMD_LOGIC = logicSemantics;
for (const sfx of Object.keys(TWO_MISC_SIZES)) table[`ASIMD_${sfx}`] = miscSemantics(sfx, false);
for (const sfx of Object.keys(S_TWO_MISC_SIZES)) table[`ASIMDS_${sfx}`] = miscSemantics(sfx, true);
for (const sfx of ['ADDLV', 'MAXV', 'MINV', 'ADDV']) table[`ASIMD_${sfx}`] = acrossSemantics(sfx);
table.ASIMDS_ADDP = {
  prep(a) {
    if (a.size !== 3) return unallocated;
    sbase(a, 3);
    return vpair64;
  },
  exec: vpair64,
};
for (const sfx of Object.keys(THREE_DIFF_KIND)) table[`ASIMD_${sfx}`] = diffSemantics(sfx, false);
for (const sfx of ['QDMLAL', 'QDMLSL', 'QDMULL']) table[`ASIMDS_${sfx}`] = diffSemantics(sfx, true);
for (const sfx of Object.keys(SHIFT_IMM_FORM)) {
  const sem = shiftSemantics(sfx, false);
  for (const name of shiftImmEntryNames(sfx)) table[name] = sem;
}
for (const sfx of Object.keys(S_SHIFT_IMM_FORM)) table[`ASIMDS_${sfx}_imm`] = shiftSemantics(sfx, true);
for (const k of ['MOVI_32', 'ORR_32', 'MOVI_16', 'ORR_16', 'MOVI_MSL', 'MOVI_8_64'])
  table[`ASIMD_${k}`] = modimmSemantics(k);
table.ASIMD_FMOV_imm = modimmSemantics('FMOV');
table.ASIMD_FMOV_imm_h = modimmSemantics('FMOV_h');
for (const sfx of [...Object.keys(INDEXED_FORM), 'SUDOT', 'USDOT'])
  table[`ASIMD_${sfx}_elem`] = elemSemantics(sfx, false);
for (const sfx of ['SQDMLAL', 'SQDMLSL', 'SQDMULL', 'SQDMULH', 'SQRDMULH', 'SQRDMLAH', 'SQRDMLSH'])
  table[`ASIMDS_${sfx}_elem`] = elemSemantics(sfx, true);
table.ASIMD_SQRDMLAH = rdmSemantics(false);
table.ASIMDS_SQRDMLAH = rdmSemantics(true);
table.ASIMD_DOT = {
  prep: (a) => (a.size !== 2 ? unallocated : dotPrep(a, 1 - a.U, 1 - a.U, false)),
  exec: vdot,
};
table.ASIMD_USDOT = {
  prep: (a) => (a.size !== 2 ? unallocated : dotPrep(a, 0, 1, false)),
  exec: vdot,
};

export const simdIntSemantics: SemanticsTable = table;

// ------------------------------------------------------------ templates for compiled blocks (templates.ts)
// 32-bit-lane forms unrolled over cpu.vi32 (V); 64-bit vectors clear the upper half.

/** Clearing of the bytes above the result (zf 16: none, 8: the upper half); null when other. */
function zeroCode(a: Args): string | null {
  if (a.zf === 16) return '';
  if (a.zf === 8) return `V[${(a.rdb >> 2) + 2}] = 0; V[${(a.rdb >> 2) + 3}] = 0;`;
  return null;
}
/** Per 32-bit word k of `count`: read every source word first (Vd may be a source), then write. */
function lanes32(a: Args, count: number, expr: (k: number) => string): string | null {
  const z = zeroCode(a);
  if (z === null) return null;
  let s = '';
  for (let k = 0; k < count; k++) s += `const _w${k} = ${expr(k)};`;
  for (let k = 0; k < count; k++) s += `V[${a.d + k}] = _w${k};`;
  return s + z;
}
const logicTemplate = (f: (n: string, m: string) => string) => (a: Args) =>
  lanes32(a, a.words, (k) => f(`V[${a.n + k}]`, `V[${a.m + k}]`));
template(logicAnd, { op: logicTemplate((n, m) => `${n} & ${m}`) });
template(logicBic, { op: logicTemplate((n, m) => `${n} & ~${m}`) });
template(logicOrr, { op: logicTemplate((n, m) => `${n} | ${m}`) });
template(logicOrn, { op: logicTemplate((n, m) => `${n} | ~${m}`) });
template(logicEor, { op: logicTemplate((n, m) => `${n} ^ ${m}`) });
template(F.addFast, {
  op: (a) => (a.sz === 2 ? lanes32(a, a.lanes, (k) => `(V[${a.n + k}] + V[${a.m + k}]) | 0`) : null),
});
template(F.ushrFast, {
  op: (a) => (a.sz === 2 ? lanes32(a, a.lanes, (k) => `V[${a.n + k}] >>> ${a.shift}`) : null),
});
template(F.shlFast, {
  op: (a) => (a.sz === 2 ? lanes32(a, a.lanes, (k) => `V[${a.n + k}] << ${a.shift}`) : null),
});
/** The unsigned lane views of the emitted code by element size (cpu.v8, v16, v32). */
const LANE_VIEW = ['B8', 'H16', 'W32'];
/** Pairwise ops (ADDP/UMAXP/UMINP): Vd = pairs of Vn then pairs of Vm; every source read first. */
const pairwiseTemplate = (op: (x: string, y: string) => string) => (a: Args) => {
  if (a.sz > 2) return null;
  const z = zeroCode(a);
  if (z === null) return null;
  const v = LANE_VIEW[a.sz];
  const half = a.lanes >> 1;
  let s = '';
  for (let i = 0; i < a.lanes; i++) {
    const src = i < half ? a.n + 2 * i : a.m + 2 * (i - half);
    s += `const _x${i} = ${v}[${src}], _y${i} = ${v}[${src + 1}]; const _p${i} = ${op(`_x${i}`, `_y${i}`)};`;
  }
  for (let i = 0; i < a.lanes; i++) s += `${v}[${a.d + i}] = _p${i};`;
  return s + z;
};
template(F.addpFast, { op: pairwiseTemplate((x, y) => `${x} + ${y}`) });
template(F.umaxpFast, { op: pairwiseTemplate((x, y) => `${x} > ${y} ? ${x} : ${y}`) });
template(F.uminpFast, { op: pairwiseTemplate((x, y) => `${x} < ${y} ? ${x} : ${y}`) });
// CMEQ (register): bytes by SWAR on 32-bit words (0xff where equal), wider lanes one by one.
template(F.cmeqFast, {
  op: (a) => {
    if (a.sz === 0)
      return lanes32({ ...a, d: a.d >> 2 }, a.lanes >> 2, (k) => {
        const t = `(V[${(a.n >> 2) + k}] ^ V[${(a.m >> 2) + k}])`;
        return `Math.imul((~((((${t} & 0x7f7f7f7f) + 0x7f7f7f7f) | ${t}) & 0x80808080) & 0x80808080) >>> 7, 255)`;
      });
    if (a.sz === 2) return lanes32(a, a.lanes, (k) => `V[${a.n + k}] === V[${a.m + k}] ? -1 : 0`);
    return null;
  },
});
