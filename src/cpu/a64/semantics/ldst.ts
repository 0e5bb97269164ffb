/**
 * Semantics of the loads and stores (see src/arch/a64/tables/ldst.ts).
 *
 * Shape of every exec: compute the address, do every memory access (loads
 * into locals; multi-part stores probed first), and only then write
 * registers, so that a fault (a thrown GuestFault) leaves the architectural
 * state as it was. Writeback comes last, after the loaded register: with
 * Rt == Rn (CONSTRAINED UNPREDICTABLE) the base gets the written-back
 * address, as in qemu-aarch64.
 *
 * Addresses are 64-bit values as (lo, hi) int32 halves. The address
 * functions return the low half and leave the high half in `eaHi` (and the
 * writeback address in `wbLo`/`wbHi`): module variables, so no allocation.
 *
 * Alignment (checked against qemu-aarch64 7.2, which has no FEAT_LSE2):
 * ordinary accesses may be unaligned; exclusives, LDAR/STLR (incl. LDLAR,
 * STLLR), LDAPUR/STLUR, CAS/CASP and the atomic operations need natural
 * alignment (pairs: of the pair's total size) and otherwise stop with
 * StopReason.Alignment (SIGBUS/BUS_ADRALN in Linux user mode); LDAPR is not
 * checked by qemu 7.2 and is not checked here. SP alignment is not checked
 * (qemu-aarch64 does not either).
 */
import { Access, FaultKind } from '../../../memory/address-space.js';
import { StopReason, type A64Cpu } from '../cpu.js';
import { dstZR, regSP, srcZR } from '../regs.js';
import { unallocated, type Args, type Exec, type Semantics, type SemanticsTable } from '../semantics-types.js';
import { atomicNarrow, atomicWide, wideHi } from '../ldst/atomic-ops.js';
import { memCode, template, type Gen } from '../templates.js';

// ---------------------------------------------------------------- addressing

/** Address modes (a.mode). */
const enum M {
  /** base + off, no writeback (unsigned offset, unscaled, unprivileged, pair offset) */
  Off = 0,
  /** base + off, written back */
  Pre = 1,
  /** base, then base + off written back */
  Post = 2,
  /** base + extend(Rm) << sh */
  Reg = 3,
  /** absolute address computed at decode time (literal) */
  Abs = 4,
}

/** Extend kinds of register offsets (a.ext). */
const enum X {
  /** LSL / UXTX / SXTX: the whole of Xm */
  Full = 0,
  Uxtw = 1,
  Sxtw = 2,
}

let eaHi = 0;
let wbLo = 0;
let wbHi = 0;

/**
 * Record the addressing of an instance. Every prep calls this once, with
 * every property, in the same order, so that all instances share one object
 * shape per entry family (keeps the property loads in exec monomorphic).
 */
function setAddr(a: Args, mode: M, n: number, off: number, m = 0, ext = 0, sh = 0, absLo = 0, absHi = 0): void {
  a.mode = mode;
  a.n = n;
  a.off = off;
  a.wb = mode === M.Pre || mode === M.Post ? 1 : 0;
  a.m = m;
  a.ext = ext;
  a.sh = sh;
  a.absLo = absLo;
  a.absHi = absHi;
  (a as unknown as { ad: Addr }).ad = new Addr(mode, n, off, a.wb, m, ext, sh, absLo, absHi);
}

/**
 * The addressing of an instance again, as an object of one class. ea() and
 * writeback() are shared by every load/store entry, and their property loads
 * would see every entry's Args shape (megamorphic, measured: see
 * docs/PERFORMANCE.md); an Addr has one shape, so they stay monomorphic. Each
 * exec loads `a.ad` itself (its own inline cache, few shapes).
 */
class Addr {
  constructor(
    readonly mode: number,
    readonly n: number,
    readonly off: number,
    readonly wb: number,
    readonly m: number,
    readonly ext: number,
    readonly sh: number,
    readonly absLo: number,
    readonly absHi: number,
  ) {}
}

/**
 * Effective address of a single or pair access: low half returned, high half
 * in eaHi. Kept small so that it inlines into every exec: the hot modes
 * (immediate offset, register offset) are here, the rest in eaIndexed.
 */
function ea(cpu: A64Cpu, a: Addr): number {
  const x = cpu.x;
  const mode = a.mode;
  if (mode === M.Off) {
    const s = (x[a.n] >>> 0) + a.off;
    const h = x[a.n + 1];
    eaHi = s > 0xffffffff ? (h + 1) | 0 : s < 0 ? (h - 1) | 0 : h;
    return s | 0;
  }
  if (mode === M.Reg) {
    const ml = x[a.m];
    const ext = a.ext;
    const mh = ext === X.Full ? x[a.m + 1] : ext === X.Uxtw ? 0 : ml >> 31;
    const sh = a.sh;
    const ol = sh === 0 ? ml : ml << sh;
    const oh = sh === 0 ? mh : (mh << sh) | (ml >>> (32 - sh));
    const s = (x[a.n] >>> 0) + (ol >>> 0);
    eaHi = (x[a.n + 1] + oh + (s > 0xffffffff ? 1 : 0)) | 0;
    return s | 0;
  }
  return eaIndexed(cpu, a);
}

/** Pre-/post-indexed and literal addresses (see ea). */
function eaIndexed(cpu: A64Cpu, a: Addr): number {
  const mode = a.mode;
  if (mode === M.Abs) {
    eaHi = a.absHi;
    return a.absLo;
  }
  const x = cpu.x;
  const bl = x[a.n];
  const bh = x[a.n + 1];
  const s = (bl >>> 0) + a.off;
  wbLo = s | 0;
  wbHi = s > 0xffffffff ? (bh + 1) | 0 : s < 0 ? (bh - 1) | 0 : bh;
  if (mode === M.Pre) {
    eaHi = wbHi;
    return wbLo;
  }
  eaHi = bh;
  return bl;
}

/** Write back the base register after a pre/post-indexed access (no-op otherwise). */
function writeback(cpu: A64Cpu, a: Addr): void {
  if (a.wb !== 0) {
    cpu.x[a.n] = wbLo;
    cpu.x[a.n + 1] = wbHi;
  }
}

/** High half of (lo, hi) + k for a small k >= 0, given the low half sum. */
const carry = (lo: number, sum: number, hi: number): number => (sum >>> 0 < lo >>> 0 ? (hi + 1) | 0 : hi);

/** Stop with an alignment fault at the instruction (qemu-aarch64: SIGBUS, BUS_ADRALN). */
function alignmentFault(cpu: A64Cpu, a: Args, lo: number, hi: number, access: Access): number {
  const f = cpu.fault;
  f.addrLo = lo;
  f.addrHi = hi;
  f.kind = FaultKind.Bus;
  f.access = access;
  return cpu.stopAt(a, StopReason.Alignment);
}

// ---------------------------------------------------------------- sized access helpers (non-hot paths)

/** High half of the last ldN. */
let ldHi = 0;

/** Load 1 << size bytes zero-extended (size 2: as int32); high half in ldHi. */
function ldN(cpu: A64Cpu, size: number, lo: number, hi: number): number {
  switch (size) {
    case 0:
      ldHi = 0;
      return cpu.ld8(lo, hi);
    case 1:
      ldHi = 0;
      return cpu.ld16(lo, hi);
    case 2:
      ldHi = 0;
      return cpu.ld32(lo, hi);
    default: {
      const v = cpu.ld64(lo, hi);
      ldHi = cpu.hi;
      return v;
    }
  }
}

function stN(cpu: A64Cpu, size: number, lo: number, hi: number, vlo: number, vhi: number): void {
  switch (size) {
    case 0:
      return cpu.st8(lo, hi, vlo);
    case 1:
      return cpu.st16(lo, hi, vlo);
    case 2:
      return cpu.st32(lo, hi, vlo);
    default:
      return cpu.st64(lo, hi, vlo, vhi);
  }
}

/** Zero-extend the low 1 << size bytes of a register half (size 2: as int32). */
const narrow = (v: number, size: number): number => (size === 0 ? v & 0xff : size === 1 ? v & 0xffff : v);

// ---------------------------------------------------------------- single register: execs per access type

const LDR_X: Exec = (cpu, a) => {
  const lo = ea(cpu, a.ad as unknown as Addr);
  const v = cpu.ld64(lo, eaHi);
  const x = cpu.x;
  x[a.t] = v;
  x[a.t + 1] = cpu.hi;
  writeback(cpu, a.ad as unknown as Addr);
};
const LDR_W: Exec = (cpu, a) => {
  const lo = ea(cpu, a.ad as unknown as Addr);
  const v = cpu.ld32(lo, eaHi);
  const x = cpu.x;
  x[a.t] = v;
  x[a.t + 1] = 0;
  writeback(cpu, a.ad as unknown as Addr);
};
const LDRH: Exec = (cpu, a) => {
  const lo = ea(cpu, a.ad as unknown as Addr);
  const v = cpu.ld16(lo, eaHi);
  const x = cpu.x;
  x[a.t] = v;
  x[a.t + 1] = 0;
  writeback(cpu, a.ad as unknown as Addr);
};
const LDRB: Exec = (cpu, a) => {
  const lo = ea(cpu, a.ad as unknown as Addr);
  const v = cpu.ld8(lo, eaHi);
  const x = cpu.x;
  x[a.t] = v;
  x[a.t + 1] = 0;
  writeback(cpu, a.ad as unknown as Addr);
};
const LDRSW: Exec = (cpu, a) => {
  const lo = ea(cpu, a.ad as unknown as Addr);
  const v = cpu.ld32(lo, eaHi);
  const x = cpu.x;
  x[a.t] = v;
  x[a.t + 1] = v >> 31;
  writeback(cpu, a.ad as unknown as Addr);
};
const LDRSH_X: Exec = (cpu, a) => {
  const lo = ea(cpu, a.ad as unknown as Addr);
  const v = (cpu.ld16(lo, eaHi) << 16) >> 16;
  const x = cpu.x;
  x[a.t] = v;
  x[a.t + 1] = v >> 31;
  writeback(cpu, a.ad as unknown as Addr);
};
const LDRSH_W: Exec = (cpu, a) => {
  const lo = ea(cpu, a.ad as unknown as Addr);
  const v = (cpu.ld16(lo, eaHi) << 16) >> 16;
  const x = cpu.x;
  x[a.t] = v;
  x[a.t + 1] = 0;
  writeback(cpu, a.ad as unknown as Addr);
};
const LDRSB_X: Exec = (cpu, a) => {
  const lo = ea(cpu, a.ad as unknown as Addr);
  const v = (cpu.ld8(lo, eaHi) << 24) >> 24;
  const x = cpu.x;
  x[a.t] = v;
  x[a.t + 1] = v >> 31;
  writeback(cpu, a.ad as unknown as Addr);
};
const LDRSB_W: Exec = (cpu, a) => {
  const lo = ea(cpu, a.ad as unknown as Addr);
  const v = (cpu.ld8(lo, eaHi) << 24) >> 24;
  const x = cpu.x;
  x[a.t] = v;
  x[a.t + 1] = 0;
  writeback(cpu, a.ad as unknown as Addr);
};
const STR_X: Exec = (cpu, a) => {
  const lo = ea(cpu, a.ad as unknown as Addr);
  cpu.st64(lo, eaHi, cpu.x[a.t], cpu.x[a.t + 1]);
  writeback(cpu, a.ad as unknown as Addr);
};
const STR_W: Exec = (cpu, a) => {
  const lo = ea(cpu, a.ad as unknown as Addr);
  cpu.st32(lo, eaHi, cpu.x[a.t]);
  writeback(cpu, a.ad as unknown as Addr);
};
const STRH: Exec = (cpu, a) => {
  const lo = ea(cpu, a.ad as unknown as Addr);
  cpu.st16(lo, eaHi, cpu.x[a.t]);
  writeback(cpu, a.ad as unknown as Addr);
};
const STRB: Exec = (cpu, a) => {
  const lo = ea(cpu, a.ad as unknown as Addr);
  cpu.st8(lo, eaHi, cpu.x[a.t]);
  writeback(cpu, a.ad as unknown as Addr);
};

// SIMD&FP: a.t is the index of the register's first 32-bit lane in cpu.vi32.
// A load writes the whole 128-bit register (upper bits zero).

const LDR_B: Exec = (cpu, a) => {
  const lo = ea(cpu, a.ad as unknown as Addr);
  const v = cpu.ld8(lo, eaHi);
  const r = cpu.vi32;
  const t = a.t;
  r[t] = v;
  r[t + 1] = 0;
  r[t + 2] = 0;
  r[t + 3] = 0;
  writeback(cpu, a.ad as unknown as Addr);
};
const LDR_H: Exec = (cpu, a) => {
  const lo = ea(cpu, a.ad as unknown as Addr);
  const v = cpu.ld16(lo, eaHi);
  const r = cpu.vi32;
  const t = a.t;
  r[t] = v;
  r[t + 1] = 0;
  r[t + 2] = 0;
  r[t + 3] = 0;
  writeback(cpu, a.ad as unknown as Addr);
};
const LDR_S: Exec = (cpu, a) => {
  const lo = ea(cpu, a.ad as unknown as Addr);
  const v = cpu.ld32(lo, eaHi);
  const r = cpu.vi32;
  const t = a.t;
  r[t] = v;
  r[t + 1] = 0;
  r[t + 2] = 0;
  r[t + 3] = 0;
  writeback(cpu, a.ad as unknown as Addr);
};
const LDR_D: Exec = (cpu, a) => {
  const lo = ea(cpu, a.ad as unknown as Addr);
  const v = cpu.ld64(lo, eaHi);
  const r = cpu.vi32;
  const t = a.t;
  r[t] = v;
  r[t + 1] = cpu.hi;
  r[t + 2] = 0;
  r[t + 3] = 0;
  writeback(cpu, a.ad as unknown as Addr);
};
const LDR_Q: Exec = (cpu, a) => {
  const lo = ea(cpu, a.ad as unknown as Addr);
  const hi = eaHi;
  const v0 = cpu.ld64(lo, hi);
  const v1 = cpu.hi;
  const lo8 = (lo + 8) | 0;
  const v2 = cpu.ld64(lo8, carry(lo, lo8, hi));
  const r = cpu.vi32;
  const t = a.t;
  r[t] = v0;
  r[t + 1] = v1;
  r[t + 2] = v2;
  r[t + 3] = cpu.hi;
  writeback(cpu, a.ad as unknown as Addr);
};
const STR_B: Exec = (cpu, a) => {
  const lo = ea(cpu, a.ad as unknown as Addr);
  cpu.st8(lo, eaHi, cpu.vi32[a.t]);
  writeback(cpu, a.ad as unknown as Addr);
};
const STR_H: Exec = (cpu, a) => {
  const lo = ea(cpu, a.ad as unknown as Addr);
  cpu.st16(lo, eaHi, cpu.vi32[a.t]);
  writeback(cpu, a.ad as unknown as Addr);
};
const STR_S: Exec = (cpu, a) => {
  const lo = ea(cpu, a.ad as unknown as Addr);
  cpu.st32(lo, eaHi, cpu.vi32[a.t]);
  writeback(cpu, a.ad as unknown as Addr);
};
const STR_D: Exec = (cpu, a) => {
  const lo = ea(cpu, a.ad as unknown as Addr);
  cpu.st64(lo, eaHi, cpu.vi32[a.t], cpu.vi32[a.t + 1]);
  writeback(cpu, a.ad as unknown as Addr);
};
const STR_Q: Exec = (cpu, a) => {
  const lo = ea(cpu, a.ad as unknown as Addr);
  const hi = eaHi;
  const r = cpu.vi32;
  const t = a.t;
  cpu.probeWrite(lo, hi, 16);
  cpu.st64(lo, hi, r[t], r[t + 1]);
  const lo8 = (lo + 8) | 0;
  cpu.st64(lo8, carry(lo, lo8, hi), r[t + 2], r[t + 3]);
  writeback(cpu, a.ad as unknown as Addr);
};

/** PRFM/PRFUM: a hint; never faults. */
const PRFM: Exec = () => {};

const GP_LOAD = [LDRB, LDRH, LDR_W, LDR_X];
const GP_STORE = [STRB, STRH, STR_W, STR_X];
const FP_LOAD = [LDR_B, LDR_H, LDR_S, LDR_D, LDR_Q];
const FP_STORE = [STR_B, STR_H, STR_S, STR_D, STR_Q];

// ---------------------------------------------------------------- single register: preps

type ModeKind = 'UR' | 'POST' | 'TR' | 'PRE' | 'UIMM' | 'REG';

/** Addressing of a single-register instance; `scale` is log2 of the access size. */
function singleAddr(a: Args, kind: ModeKind, scale: number): void {
  const n = regSP(a.rn);
  switch (kind) {
    case 'UR':
    case 'TR': // unprivileged: at EL0 an ordinary access
      setAddr(a, M.Off, n, a.imm);
      return;
    case 'UIMM':
      setAddr(a, M.Off, n, a.imm << scale);
      return;
    case 'PRE':
      setAddr(a, M.Pre, n, a.imm);
      return;
    case 'POST':
      setAddr(a, M.Post, n, a.imm);
      return;
    case 'REG': {
      // a.option is option<2>:option<0>: 0 UXTW, 1 LSL (UXTX), 2 SXTW, 3 SXTX
      const option = a.option;
      const ext = option & 1 ? X.Full : option === 0 ? X.Uxtw : X.Sxtw;
      setAddr(a, M.Reg, n, 0, srcZR(a.rm), ext, a.S ? scale : 0);
      return;
    }
  }
}

function singleSemantics(kind: ModeKind): SemanticsTable {
  const sem = (pick: (a: Args) => Exec, scale: (a: Args) => number, reg: (a: Args) => number): Semantics => ({
    prep(a) {
      a.t = reg(a);
      singleAddr(a, kind, scale(a));
      return pick(a);
    },
    exec: unallocated,
  });
  const out: { [name: string]: Semantics } = {
    [`ST_${kind}`]: sem(
      (a) => GP_STORE[a.size],
      (a) => a.size,
      (a) => srcZR(a.rt),
    ),
    [`LD_${kind}`]: sem(
      (a) => GP_LOAD[a.size],
      (a) => a.size,
      (a) => dstZR(a.rt),
    ),
    [`LDS_${kind}`]: sem(
      (a) => (a.size ? (a.w ? LDRSH_W : LDRSH_X) : a.w ? LDRSB_W : LDRSB_X),
      (a) => a.size,
      (a) => dstZR(a.rt),
    ),
    [`LDRSW_${kind}`]: sem(
      () => LDRSW,
      () => 2,
      (a) => dstZR(a.rt),
    ),
  };
  if (kind === 'UR' || kind === 'UIMM' || kind === 'REG')
    out[`PRFM_${kind}`] = sem(
      () => PRFM,
      () => 3,
      () => 0,
    );
  if (kind !== 'TR') {
    out[`FP_${kind}`] = sem(
      (a) => (a.l ? FP_LOAD : FP_STORE)[a.size],
      (a) => a.size,
      (a) => a.rt * 4,
    );
    out[`FPQ_${kind}`] = sem(
      (a) => (a.l ? LDR_Q : STR_Q),
      () => 4,
      (a) => a.rt * 4,
    );
  }
  return out;
}

// ---------------------------------------------------------------- literal

/** Literal address pc + imm19 * 4, fixed at decode time. */
function literalAddr(a: Args): void {
  const s = (a.pcLo >>> 0) + a.imm19 * 4;
  const hi = s > 0xffffffff ? (a.pcHi + 1) | 0 : s < 0 ? (a.pcHi - 1) | 0 : a.pcHi;
  setAddr(a, M.Abs, 0, 0, 0, 0, 0, s | 0, hi);
}

const literalSemantics: SemanticsTable = {
  LDR_lit: {
    prep(a) {
      a.t = dstZR(a.rt);
      literalAddr(a);
      return a.sf ? LDR_X : LDR_W;
    },
    exec: unallocated,
  },
  LDRSW_lit: {
    prep(a) {
      a.t = dstZR(a.rt);
      literalAddr(a);
    },
    exec: LDRSW,
  },
  PRFM_lit: { exec: PRFM },
  LDR_lit_fp: {
    prep(a) {
      a.t = a.rt * 4;
      literalAddr(a);
      return a.opc ? LDR_D : LDR_S;
    },
    exec: unallocated,
  },
  LDR_lit_q: {
    prep(a) {
      a.t = a.rt * 4;
      literalAddr(a);
    },
    exec: LDR_Q,
  },
};

// ---------------------------------------------------------------- pairs
// With Rt == Rt2 (CONSTRAINED UNPREDICTABLE) qemu-aarch64 keeps the first
// value for X/W pairs (it writes Rt last) and the second for SIMD&FP pairs
// (written in order); so do we.

const LDP_X: Exec = (cpu, a) => {
  const lo = ea(cpu, a.ad as unknown as Addr);
  const hi = eaHi;
  const v0 = cpu.ld64(lo, hi);
  const v1 = cpu.hi;
  const lo8 = (lo + 8) | 0;
  const v2 = cpu.ld64(lo8, carry(lo, lo8, hi));
  const x = cpu.x;
  x[a.t2] = v2;
  x[a.t2 + 1] = cpu.hi;
  x[a.t] = v0;
  x[a.t + 1] = v1;
  writeback(cpu, a.ad as unknown as Addr);
};
const LDP_W: Exec = (cpu, a) => {
  const lo = ea(cpu, a.ad as unknown as Addr);
  const hi = eaHi;
  const v0 = cpu.ld32(lo, hi);
  const lo4 = (lo + 4) | 0;
  const v1 = cpu.ld32(lo4, carry(lo, lo4, hi));
  const x = cpu.x;
  x[a.t2] = v1;
  x[a.t2 + 1] = 0;
  x[a.t] = v0;
  x[a.t + 1] = 0;
  writeback(cpu, a.ad as unknown as Addr);
};
const LDPSW: Exec = (cpu, a) => {
  const lo = ea(cpu, a.ad as unknown as Addr);
  const hi = eaHi;
  const v0 = cpu.ld32(lo, hi);
  const lo4 = (lo + 4) | 0;
  const v1 = cpu.ld32(lo4, carry(lo, lo4, hi));
  const x = cpu.x;
  x[a.t2] = v1;
  x[a.t2 + 1] = v1 >> 31;
  x[a.t] = v0;
  x[a.t + 1] = v0 >> 31;
  writeback(cpu, a.ad as unknown as Addr);
};
const STP_X: Exec = (cpu, a) => {
  const lo = ea(cpu, a.ad as unknown as Addr);
  const hi = eaHi;
  const x = cpu.x;
  cpu.probeWrite(lo, hi, 16);
  cpu.st64(lo, hi, x[a.t], x[a.t + 1]);
  const lo8 = (lo + 8) | 0;
  cpu.st64(lo8, carry(lo, lo8, hi), x[a.t2], x[a.t2 + 1]);
  writeback(cpu, a.ad as unknown as Addr);
};
const STP_W: Exec = (cpu, a) => {
  const lo = ea(cpu, a.ad as unknown as Addr);
  const hi = eaHi;
  const x = cpu.x;
  cpu.probeWrite(lo, hi, 8);
  cpu.st32(lo, hi, x[a.t]);
  const lo4 = (lo + 4) | 0;
  cpu.st32(lo4, carry(lo, lo4, hi), x[a.t2]);
  writeback(cpu, a.ad as unknown as Addr);
};
const LDP_S: Exec = (cpu, a) => {
  const lo = ea(cpu, a.ad as unknown as Addr);
  const hi = eaHi;
  const v0 = cpu.ld32(lo, hi);
  const lo4 = (lo + 4) | 0;
  const v1 = cpu.ld32(lo4, carry(lo, lo4, hi));
  const r = cpu.vi32;
  r[a.t] = v0;
  r[a.t + 1] = 0;
  r[a.t + 2] = 0;
  r[a.t + 3] = 0;
  r[a.t2] = v1;
  r[a.t2 + 1] = 0;
  r[a.t2 + 2] = 0;
  r[a.t2 + 3] = 0;
  writeback(cpu, a.ad as unknown as Addr);
};
const LDP_D: Exec = (cpu, a) => {
  const lo = ea(cpu, a.ad as unknown as Addr);
  const hi = eaHi;
  const v0 = cpu.ld64(lo, hi);
  const v1 = cpu.hi;
  const lo8 = (lo + 8) | 0;
  const v2 = cpu.ld64(lo8, carry(lo, lo8, hi));
  const r = cpu.vi32;
  r[a.t] = v0;
  r[a.t + 1] = v1;
  r[a.t + 2] = 0;
  r[a.t + 3] = 0;
  r[a.t2] = v2;
  r[a.t2 + 1] = cpu.hi;
  r[a.t2 + 2] = 0;
  r[a.t2 + 3] = 0;
  writeback(cpu, a.ad as unknown as Addr);
};
const LDP_Q: Exec = (cpu, a) => {
  const lo = ea(cpu, a.ad as unknown as Addr);
  const hi = eaHi;
  const v0 = cpu.ld64(lo, hi);
  const v1 = cpu.hi;
  let l = (lo + 8) | 0;
  const v2 = cpu.ld64(l, carry(lo, l, hi));
  const v3 = cpu.hi;
  l = (lo + 16) | 0;
  const v4 = cpu.ld64(l, carry(lo, l, hi));
  const v5 = cpu.hi;
  l = (lo + 24) | 0;
  const v6 = cpu.ld64(l, carry(lo, l, hi));
  const r = cpu.vi32;
  r[a.t] = v0;
  r[a.t + 1] = v1;
  r[a.t + 2] = v2;
  r[a.t + 3] = v3;
  r[a.t2] = v4;
  r[a.t2 + 1] = v5;
  r[a.t2 + 2] = v6;
  r[a.t2 + 3] = cpu.hi;
  writeback(cpu, a.ad as unknown as Addr);
};
const STP_S: Exec = (cpu, a) => {
  const lo = ea(cpu, a.ad as unknown as Addr);
  const hi = eaHi;
  const r = cpu.vi32;
  cpu.probeWrite(lo, hi, 8);
  cpu.st32(lo, hi, r[a.t]);
  const lo4 = (lo + 4) | 0;
  cpu.st32(lo4, carry(lo, lo4, hi), r[a.t2]);
  writeback(cpu, a.ad as unknown as Addr);
};
const STP_D: Exec = (cpu, a) => {
  const lo = ea(cpu, a.ad as unknown as Addr);
  const hi = eaHi;
  const r = cpu.vi32;
  cpu.probeWrite(lo, hi, 16);
  cpu.st64(lo, hi, r[a.t], r[a.t + 1]);
  const lo8 = (lo + 8) | 0;
  cpu.st64(lo8, carry(lo, lo8, hi), r[a.t2], r[a.t2 + 1]);
  writeback(cpu, a.ad as unknown as Addr);
};
const STP_Q: Exec = (cpu, a) => {
  const lo = ea(cpu, a.ad as unknown as Addr);
  const hi = eaHi;
  const r = cpu.vi32;
  cpu.probeWrite(lo, hi, 32);
  cpu.st64(lo, hi, r[a.t], r[a.t + 1]);
  let l = (lo + 8) | 0;
  cpu.st64(l, carry(lo, l, hi), r[a.t + 2], r[a.t + 3]);
  l = (lo + 16) | 0;
  cpu.st64(l, carry(lo, l, hi), r[a.t2], r[a.t2 + 1]);
  l = (lo + 24) | 0;
  cpu.st64(l, carry(lo, l, hi), r[a.t2 + 2], r[a.t2 + 3]);
  writeback(cpu, a.ad as unknown as Addr);
};

type PairKind = 'NP' | 'POST' | 'OFF' | 'PRE';
const PAIR_MODE: Record<PairKind, M> = { NP: M.Off, POST: M.Post, OFF: M.Off, PRE: M.Pre };

function pairSemantics(kind: PairKind): SemanticsTable {
  const mode = PAIR_MODE[kind];
  const out: { [name: string]: Semantics } = {
    [`P_${kind}`]: {
      prep(a) {
        a.t = a.l ? dstZR(a.rt) : srcZR(a.rt);
        a.t2 = a.l ? dstZR(a.rt2) : srcZR(a.rt2);
        setAddr(a, mode, regSP(a.rn), a.imm7 << (2 + a.sf));
        return a.l ? (a.sf ? LDP_X : LDP_W) : a.sf ? STP_X : STP_W;
      },
      exec: unallocated,
    },
    [`PFP_${kind}`]: {
      prep(a) {
        a.t = a.rt * 4;
        a.t2 = a.rt2 * 4;
        setAddr(a, mode, regSP(a.rn), a.imm7 << (2 + a.opc));
        return a.l ? (a.opc ? LDP_D : LDP_S) : a.opc ? STP_D : STP_S;
      },
      exec: unallocated,
    },
    [`PFPQ_${kind}`]: {
      prep(a) {
        a.t = a.rt * 4;
        a.t2 = a.rt2 * 4;
        setAddr(a, mode, regSP(a.rn), a.imm7 << 4);
        return a.l ? LDP_Q : STP_Q;
      },
      exec: unallocated,
    },
  };
  if (kind !== 'NP') {
    out[`LDPSW_${kind}`] = {
      prep(a) {
        a.t = dstZR(a.rt);
        a.t2 = dstZR(a.rt2);
        setAddr(a, mode, regSP(a.rn), a.imm7 << 2);
      },
      exec: LDPSW,
    };
  }
  return out;
}

// ---------------------------------------------------------------- exclusives and ordered accesses
// a.n base (X or SP), a.t data register, a.size log2 bytes, a.amask alignment mask.

/** Common prep: base, data register as source (store) or destination (load), alignment mask. */
function prepBase(a: Args, load: boolean, bytes: number): void {
  a.n = regSP(a.rn);
  a.t = load ? dstZR(a.rt) : srcZR(a.rt);
  a.amask = bytes - 1;
}

const LDXR: Exec = (cpu, a) => {
  const x = cpu.x;
  const lo = x[a.n];
  const hi = x[a.n + 1];
  if ((lo & a.amask) !== 0) return alignmentFault(cpu, a, lo, hi, Access.Read);
  const v = ldN(cpu, a.size, lo, hi);
  cpu.exclValid = 1;
  cpu.exclLo = lo;
  cpu.exclHi = hi;
  cpu.exclSize = a.amask + 1;
  cpu.exclData[0] = v;
  cpu.exclData[1] = ldHi;
  x[a.t] = v;
  x[a.t + 1] = ldHi;
};

/**
 * STXR: succeeds (status 0) only if the monitor holds this address and size
 * and memory still holds what the load-exclusive saw (a compare-and-swap, as
 * qemu-aarch64 does, so that it also works between threads). Any STXR clears
 * the monitor. An address that does not match fails without any access
 * (so a misaligned STXR fails rather than faults, as in qemu-aarch64).
 */
const STXR: Exec = (cpu, a) => {
  const x = cpu.x;
  const lo = x[a.n];
  const hi = x[a.n + 1];
  let status = 1;
  if (cpu.exclValid !== 0 && cpu.exclLo === lo && cpu.exclHi === hi && cpu.exclSize === a.amask + 1) {
    cpu.probeWrite(lo, hi, a.amask + 1);
    const v = ldN(cpu, a.size, lo, hi);
    if (v === cpu.exclData[0] && ldHi === cpu.exclData[1]) {
      stN(cpu, a.size, lo, hi, x[a.t], x[a.t + 1]);
      status = 0;
    }
  }
  cpu.exclValid = 0;
  x[a.s] = status;
  x[a.s + 1] = 0;
};

/** LDXP: W pair (sf 0) as one 8-byte access, X pair as 16 bytes; natural alignment of the whole. */
const LDXP: Exec = (cpu, a) => {
  const x = cpu.x;
  const lo = x[a.n];
  const hi = x[a.n + 1];
  if ((lo & a.amask) !== 0) return alignmentFault(cpu, a, lo, hi, Access.Read);
  const d = cpu.exclData;
  const v0 = cpu.ld64(lo, hi);
  const v1 = cpu.hi;
  let v2 = 0;
  let v3 = 0;
  if (a.sf) {
    v2 = cpu.ld64((lo + 8) | 0, hi); // 16-byte aligned: no carry
    v3 = cpu.hi;
  }
  cpu.exclValid = 1;
  cpu.exclLo = lo;
  cpu.exclHi = hi;
  cpu.exclSize = a.amask + 1;
  d[0] = v0;
  d[1] = v1;
  d[2] = v2;
  d[3] = v3;
  if (a.sf) {
    x[a.t] = v0;
    x[a.t + 1] = v1;
    x[a.t2] = v2;
    x[a.t2 + 1] = v3;
  } else {
    x[a.t] = v0;
    x[a.t + 1] = 0;
    x[a.t2] = v1;
    x[a.t2 + 1] = 0;
  }
};

const STXP: Exec = (cpu, a) => {
  const x = cpu.x;
  const lo = x[a.n];
  const hi = x[a.n + 1];
  let status = 1;
  if (cpu.exclValid !== 0 && cpu.exclLo === lo && cpu.exclHi === hi && cpu.exclSize === a.amask + 1) {
    const d = cpu.exclData;
    cpu.probeWrite(lo, hi, a.amask + 1);
    const v0 = cpu.ld64(lo, hi);
    const v1 = cpu.hi;
    if (a.sf) {
      const lo8 = (lo + 8) | 0;
      const v2 = cpu.ld64(lo8, hi);
      if (v0 === d[0] && v1 === d[1] && v2 === d[2] && cpu.hi === d[3]) {
        cpu.st64(lo, hi, x[a.t], x[a.t + 1]);
        cpu.st64(lo8, hi, x[a.t2], x[a.t2 + 1]);
        status = 0;
      }
    } else if (v0 === d[0] && v1 === d[1]) {
      cpu.st64(lo, hi, x[a.t], x[a.t2]);
      status = 0;
    }
  }
  cpu.exclValid = 0;
  x[a.s] = status;
  x[a.s + 1] = 0;
};

/** LDAR/LDLAR (and the RCpc loads): aligned plain load; a.off from the base. */
const LDAR: Exec = (cpu, a) => {
  const x = cpu.x;
  const s = (x[a.n] >>> 0) + a.off;
  const h = x[a.n + 1];
  const hi = s > 0xffffffff ? (h + 1) | 0 : s < 0 ? (h - 1) | 0 : h;
  const lo = s | 0;
  if ((lo & a.amask) !== 0) return alignmentFault(cpu, a, lo, hi, Access.Read);
  const v = ldN(cpu, a.size, lo, hi);
  x[a.t] = v;
  x[a.t + 1] = ldHi;
};

/** LDAPURSB/SH/SW: aligned load sign-extended from 8 << size bits to 32 (a.sx 0) or 64 bits (a.sx 1). */
const LDAPURS: Exec = (cpu, a) => {
  const x = cpu.x;
  const s = (x[a.n] >>> 0) + a.off;
  const h = x[a.n + 1];
  const hi = s > 0xffffffff ? (h + 1) | 0 : s < 0 ? (h - 1) | 0 : h;
  const lo = s | 0;
  if ((lo & a.amask) !== 0) return alignmentFault(cpu, a, lo, hi, Access.Read);
  const sh = a.shift;
  const v = (ldN(cpu, a.size, lo, hi) << sh) >> sh;
  x[a.t] = v;
  x[a.t + 1] = a.sx ? v >> 31 : 0;
};

const STLR: Exec = (cpu, a) => {
  const x = cpu.x;
  const s = (x[a.n] >>> 0) + a.off;
  const h = x[a.n + 1];
  const hi = s > 0xffffffff ? (h + 1) | 0 : s < 0 ? (h - 1) | 0 : h;
  const lo = s | 0;
  if ((lo & a.amask) !== 0) return alignmentFault(cpu, a, lo, hi, Access.Write);
  stN(cpu, a.size, lo, hi, x[a.t], x[a.t + 1]);
};

/** LDAPR: qemu-aarch64 7.2 does not check its alignment, so neither do we. */
const LDAPR: Exec = (cpu, a) => {
  const x = cpu.x;
  const v = ldN(cpu, a.size, x[a.n], x[a.n + 1]);
  x[a.t] = v;
  x[a.t + 1] = ldHi;
};

// ---------------------------------------------------------------- CAS, CASP

const CAS: Exec = (cpu, a) => {
  const x = cpu.x;
  const lo = x[a.n];
  const hi = x[a.n + 1];
  if ((lo & a.amask) !== 0) return alignmentFault(cpu, a, lo, hi, Access.Write);
  const size = a.size;
  cpu.probeWrite(lo, hi, a.amask + 1);
  const old = ldN(cpu, size, lo, hi);
  const oldHi = ldHi;
  if (old === narrow(x[a.s], size) && (size !== 3 || oldHi === x[a.s + 1])) {
    stN(cpu, size, lo, hi, x[a.t], x[a.t + 1]);
  }
  x[a.sd] = old;
  x[a.sd + 1] = oldHi;
};

const CASP: Exec = (cpu, a) => {
  const x = cpu.x;
  const lo = x[a.n];
  const hi = x[a.n + 1];
  if ((lo & a.amask) !== 0) return alignmentFault(cpu, a, lo, hi, Access.Write);
  cpu.probeWrite(lo, hi, a.amask + 1);
  const v0 = cpu.ld64(lo, hi);
  const v1 = cpu.hi;
  if (a.sf) {
    const lo8 = (lo + 8) | 0; // 16-byte aligned: no carry
    const v2 = cpu.ld64(lo8, hi);
    const v3 = cpu.hi;
    if (v0 === x[a.s] && v1 === x[a.s + 1] && v2 === x[a.s2] && v3 === x[a.s2 + 1]) {
      cpu.st64(lo, hi, x[a.t], x[a.t + 1]);
      cpu.st64(lo8, hi, x[a.t2], x[a.t2 + 1]);
    }
    x[a.sd] = v0;
    x[a.sd + 1] = v1;
    x[a.sd2] = v2;
    x[a.sd2 + 1] = v3;
  } else {
    if (v0 === x[a.s] && v1 === x[a.s2]) cpu.st64(lo, hi, x[a.t], x[a.t2]);
    x[a.sd] = v0;
    x[a.sd + 1] = 0;
    x[a.sd2] = v1;
    x[a.sd2 + 1] = 0;
  }
};

// ---------------------------------------------------------------- atomic memory operations

/** LD<op>/SWP on B/H/W: a.op 0..7 as opc (add clr eor set smax smin umax umin), 8 swap. */
const ATOMIC_N: Exec = (cpu, a) => {
  const x = cpu.x;
  const lo = x[a.n];
  const hi = x[a.n + 1];
  if ((lo & a.amask) !== 0) return alignmentFault(cpu, a, lo, hi, Access.Write);
  const size = a.size;
  cpu.probeWrite(lo, hi, a.amask + 1);
  const old = ldN(cpu, size, lo, hi);
  stN(cpu, size, lo, hi, atomicNarrow(a.op, size, old, x[a.s]), 0);
  x[a.t] = old;
  x[a.t + 1] = 0;
};

const ATOMIC_X: Exec = (cpu, a) => {
  const x = cpu.x;
  const lo = x[a.n];
  const hi = x[a.n + 1];
  if ((lo & 7) !== 0) return alignmentFault(cpu, a, lo, hi, Access.Write);
  cpu.probeWrite(lo, hi, 8);
  const oldLo = cpu.ld64(lo, hi);
  const oldHi = cpu.hi;
  const nlo = atomicWide(a.op, oldLo, oldHi, x[a.s], x[a.s + 1]);
  cpu.st64(lo, hi, nlo, wideHi);
  x[a.t] = oldLo;
  x[a.t + 1] = oldHi;
};

const orderedSemantics: SemanticsTable = {
  LDXR: {
    prep(a) {
      prepBase(a, true, 1 << a.size);
    },
    exec: LDXR,
  },
  STXR: {
    prep(a) {
      prepBase(a, false, 1 << a.size);
      a.s = dstZR(a.rs);
    },
    exec: STXR,
  },
  LDXP: {
    prep(a) {
      prepBase(a, true, a.sf ? 16 : 8);
      a.t2 = dstZR(a.rt2);
    },
    exec: LDXP,
  },
  STXP: {
    prep(a) {
      prepBase(a, false, a.sf ? 16 : 8);
      a.t2 = srcZR(a.rt2);
      a.s = dstZR(a.rs);
    },
    exec: STXP,
  },
  LDAR: {
    prep(a) {
      prepBase(a, true, 1 << a.size);
      a.off = 0;
    },
    exec: LDAR,
  },
  STLR: {
    prep(a) {
      prepBase(a, false, 1 << a.size);
      a.off = 0;
    },
    exec: STLR,
  },
  LDAPR: {
    prep(a) {
      prepBase(a, true, 1 << a.size);
    },
    exec: LDAPR,
  },
  LDAPUR: {
    prep(a) {
      prepBase(a, true, 1 << a.size);
      a.off = a.imm;
    },
    exec: LDAR,
  },
  STLUR: {
    prep(a) {
      prepBase(a, false, 1 << a.size);
      a.off = a.imm;
    },
    exec: STLR,
  },
  LDAPURS: {
    prep(a) {
      prepBase(a, true, 1 << a.size);
      a.off = a.imm;
      a.shift = 32 - (8 << a.size);
      a.sx = a.w ? 0 : 1;
    },
    exec: LDAPURS,
  },
  LDAPURSW: {
    prep(a) {
      a.size = 2;
      prepBase(a, true, 4);
      a.off = a.imm;
      a.shift = 0;
      a.sx = 1;
    },
    exec: LDAPURS,
  },
  CAS: {
    prep(a) {
      prepBase(a, false, 1 << a.size);
      a.s = srcZR(a.rs);
      a.sd = dstZR(a.rs);
    },
    exec: CAS,
  },
  CASP: {
    prep(a) {
      const rs = 2 * a.rsh;
      const rt = 2 * a.rth;
      a.n = regSP(a.rn);
      a.amask = a.sf ? 15 : 7;
      a.t = srcZR(rt);
      a.t2 = srcZR(rt + 1);
      a.s = srcZR(rs);
      a.s2 = srcZR(rs + 1);
      a.sd = dstZR(rs);
      a.sd2 = dstZR(rs + 1);
    },
    exec: CASP,
  },
  LDOP: {
    prep(a) {
      prepBase(a, true, 1 << a.size);
      a.s = srcZR(a.rs);
      a.op = a.opc;
      return a.size === 3 ? ATOMIC_X : ATOMIC_N;
    },
    exec: unallocated,
  },
  SWP: {
    prep(a) {
      prepBase(a, true, 1 << a.size);
      a.s = srcZR(a.rs);
      a.op = 8;
      return a.size === 3 ? ATOMIC_X : ATOMIC_N;
    },
    exec: unallocated,
  },
};

export const ldstSemantics: SemanticsTable = {
  ...literalSemantics,
  ...pairSemantics('NP'),
  ...pairSemantics('POST'),
  ...pairSemantics('OFF'),
  ...pairSemantics('PRE'),
  ...singleSemantics('UR'),
  ...singleSemantics('POST'),
  ...singleSemantics('TR'),
  ...singleSemantics('PRE'),
  ...singleSemantics('UIMM'),
  ...singleSemantics('REG'),
  ...orderedSemantics,
};

// ---------------------------------------------------------------- templates for compiled blocks (templates.ts)
// The common case inline (the access within one page and in the TLB); any
// other case runs the exec above.

/** A load of `bytes` bytes into Rt: `value` reads the low word at `_o`, `high` gives the high word. */
const loadTemplate = (bytes: number, value: string, high: (v: string) => string) => (a: Args, g: Gen) =>
  memCode(
    a,
    g,
    false,
    bytes,
    `const _v = ${value}; const _vh = ${high('_v')}; ${g.r(a.t)} = _v; ${g.r(a.t + 1)} = _vh;`,
  );
template(LDRB, { readOnly: true, mem: loadTemplate(1, 'cpu.bytes[_o]', () => '0') });
template(LDRH, { readOnly: true, mem: loadTemplate(2, 'cpu.view.getUint16(_o, true)', () => '0') });
template(LDR_W, { readOnly: true, mem: loadTemplate(4, 'cpu.view.getInt32(_o, true)', () => '0') });
template(LDRSW, { readOnly: true, mem: loadTemplate(4, 'cpu.view.getInt32(_o, true)', (v) => `${v} >> 31`) });
template(LDRSH_X, { readOnly: true, mem: loadTemplate(2, 'cpu.view.getInt16(_o, true)', (v) => `${v} >> 31`) });
template(LDRSH_W, { readOnly: true, mem: loadTemplate(2, 'cpu.view.getInt16(_o, true) & 0xffffffff', () => '0') });
template(LDRSB_X, { readOnly: true, mem: loadTemplate(1, '(cpu.bytes[_o] << 24) >> 24', (v) => `${v} >> 31`) });
template(LDRSB_W, { readOnly: true, mem: loadTemplate(1, '(cpu.bytes[_o] << 24) >> 24', () => '0') });
template(LDR_X, {
  readOnly: true,
  mem: loadTemplate(8, 'cpu.view.getInt32(_o, true)', () => 'cpu.view.getInt32(_o + 4, true)'),
});
template(STRB, { mem: (a, g) => memCode(a, g, true, 1, `cpu.bytes[_o] = ${g.r(a.t)};`) });
template(STRH, { mem: (a, g) => memCode(a, g, true, 2, `cpu.view.setUint16(_o, ${g.r(a.t)} & 0xffff, true);`) });
template(STR_W, { mem: (a, g) => memCode(a, g, true, 4, `cpu.view.setInt32(_o, ${g.r(a.t)}, true);`) });
template(STR_X, {
  mem: (a, g) =>
    memCode(
      a,
      g,
      true,
      8,
      `const _dv = cpu.view; _dv.setInt32(_o, ${g.r(a.t)}, true); _dv.setInt32(_o + 4, ${g.r(a.t + 1)}, true);`,
    ),
});
// Pairs: Rt2 written before Rt (see LDP_X).
template(LDP_X, {
  readOnly: true,
  mem: (a, g) =>
    memCode(
      a,
      g,
      false,
      16,
      `const _dv = cpu.view; const _v0 = _dv.getInt32(_o, true), _v1 = _dv.getInt32(_o + 4, true),` +
        ` _v2 = _dv.getInt32(_o + 8, true), _v3 = _dv.getInt32(_o + 12, true);` +
        `${g.r(a.t2)} = _v2; ${g.r(a.t2 + 1)} = _v3; ${g.r(a.t)} = _v0; ${g.r(a.t + 1)} = _v1;`,
    ),
});
template(LDP_W, {
  readOnly: true,
  mem: (a, g) =>
    memCode(
      a,
      g,
      false,
      8,
      `const _dv = cpu.view; const _v0 = _dv.getInt32(_o, true), _v1 = _dv.getInt32(_o + 4, true);` +
        `${g.r(a.t2)} = _v1; ${g.r(a.t2 + 1)} = 0; ${g.r(a.t)} = _v0; ${g.r(a.t + 1)} = 0;`,
    ),
});
template(STP_X, {
  mem: (a, g) =>
    memCode(
      a,
      g,
      true,
      16,
      `const _dv = cpu.view; _dv.setInt32(_o, ${g.r(a.t)}, true); _dv.setInt32(_o + 4, ${g.r(a.t + 1)}, true);` +
        ` _dv.setInt32(_o + 8, ${g.r(a.t2)}, true); _dv.setInt32(_o + 12, ${g.r(a.t2 + 1)}, true);`,
    ),
});
template(STP_W, {
  mem: (a, g) =>
    memCode(
      a,
      g,
      true,
      8,
      `const _dv = cpu.view; _dv.setInt32(_o, ${g.r(a.t)}, true); _dv.setInt32(_o + 4, ${g.r(a.t2)}, true);`,
    ),
});
// SIMD&FP registers (a.t: first 32-bit lane in cpu.vi32); a load zeroes the rest of the register.
const fpLoad = (bytes: number, value: string[]) => (a: Args, g: Gen) =>
  memCode(
    a,
    g,
    false,
    bytes,
    `const _dv = cpu.view; ` +
      [0, 1, 2, 3].map((k) => `V[${a.t + k}] = ${k < value.length ? value[k] : '0'};`).join(' '),
  );
template(LDR_S, { readOnly: true, mem: fpLoad(4, ['_dv.getInt32(_o, true)']) });
template(LDR_D, { readOnly: true, mem: fpLoad(8, ['_dv.getInt32(_o, true)', '_dv.getInt32(_o + 4, true)']) });
template(LDR_Q, {
  readOnly: true,
  mem: fpLoad(16, [
    '_dv.getInt32(_o, true)',
    '_dv.getInt32(_o + 4, true)',
    '_dv.getInt32(_o + 8, true)',
    '_dv.getInt32(_o + 12, true)',
  ]),
});
const fpStore = (bytes: number) => (a: Args, g: Gen) =>
  memCode(
    a,
    g,
    true,
    bytes,
    `const _dv = cpu.view; ` +
      Array.from({ length: bytes / 4 }, (_, k) => `_dv.setInt32(_o + ${4 * k}, V[${a.t + k}], true);`).join(' '),
  );
template(STR_S, { mem: fpStore(4) });
template(STR_D, { mem: fpStore(8) });
template(STR_Q, { mem: fpStore(16) });
// Q pairs: Vt written before Vt2 (see LDP_Q).
template(LDP_Q, {
  readOnly: true,
  mem: (a, g) => {
    let s = 'const _dv = cpu.view; ';
    for (let k = 0; k < 8; k++) s += `const _q${k} = _dv.getInt32(_o + ${4 * k}, true);`;
    for (let k = 0; k < 4; k++) s += `V[${a.t + k}] = _q${k};`;
    for (let k = 0; k < 4; k++) s += `V[${a.t2 + k}] = _q${k + 4};`;
    return memCode(a, g, false, 32, s);
  },
});
template(STP_Q, {
  mem: (a, g) => {
    let s = 'const _dv = cpu.view; ';
    for (let k = 0; k < 8; k++) s += `_dv.setInt32(_o + ${4 * k}, V[${(k < 4 ? a.t : a.t2 - 4) + k}], true);`;
    return memCode(a, g, true, 32, s);
  },
});
