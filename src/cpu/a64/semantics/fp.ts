/**
 * Semantics of the scalar floating-point encodings (src/arch/a64/tables/fp.ts).
 *
 * The arithmetic is the FP library's (src/cpu/a64/fp/), which works on
 * elements of the V register file by byte offset: prep turns register
 * numbers into offsets (16·n) and picks one specialised exec per
 * operation and size from tables built once at load; exec calls the library
 * and zeroes the rest of the destination register (scalar FP writes clear
 * bits above the element, ARM ARM V[d] = ZeroExtend(result)).
 */
import type { A64Cpu } from '../cpu.js';
import { dstZR, srcZR } from '../regs.js';
import { unallocated, type Args, type Exec, type SemanticsTable } from '../semantics-types.js';
import * as L from '../fp/index.js';
import { jsZ } from '../fp/convert.js';
import { vfpExpandImm } from '../../../arch/a64/tables/fp.js';

// ---------------------------------------------------------------- helpers

/** Clear the bytes of V register at offset d above the low `bytes` bytes. */
function zu16(cpu: A64Cpu, d: number): void {
  const i = d >> 2;
  cpu.v16[(d >> 1) + 1] = 0;
  cpu.vi32[i + 1] = 0;
  cpu.vi32[i + 2] = 0;
  cpu.vi32[i + 3] = 0;
}
function zu32(cpu: A64Cpu, d: number): void {
  const i = d >> 2;
  cpu.vi32[i + 1] = 0;
  cpu.vi32[i + 2] = 0;
  cpu.vi32[i + 3] = 0;
}
function zu64(cpu: A64Cpu, d: number): void {
  const i = d >> 2;
  cpu.vi32[i + 2] = 0;
  cpu.vi32[i + 3] = 0;
}

/** ConditionHolds(cond) on cpu.n/z/c/v (ARM ARM J1 shared/functions/system). */
export function conditionHolds(cpu: A64Cpu, cond: number): boolean {
  let r: boolean;
  switch (cond >> 1) {
    case 0:
      r = cpu.z === 1;
      break;
    case 1:
      r = cpu.c === 1;
      break;
    case 2:
      r = cpu.n === 1;
      break;
    case 3:
      r = cpu.v === 1;
      break;
    case 4:
      r = cpu.c === 1 && cpu.z === 0;
      break;
    case 5:
      r = cpu.n === cpu.v;
      break;
    case 6:
      r = cpu.n === cpu.v && cpu.z === 0;
      break;
    default:
      return true; // AL and NV both hold
  }
  return (cond & 1) === 1 ? !r : r;
}

function setNZCV(cpu: A64Cpu, f: number): void {
  cpu.n = (f >> 3) & 1;
  cpu.z = (f >> 2) & 1;
  cpu.c = (f >> 1) & 1;
  cpu.v = f & 1;
}

/** Index into per-size tables: ftype 0 single, 1 double, 3 half; 2 is reserved. */
const SIZE_BITS = [32, 64, 0, 16];

type Fn1 = (cpu: A64Cpu, d: number, n: number) => void;
type Fn2 = (cpu: A64Cpu, d: number, n: number, m: number) => void;
type Zu = (cpu: A64Cpu, d: number) => void;
const ZU: { [bits: number]: Zu } = { 16: zu16, 32: zu32, 64: zu64 };

/** Exec for a one-source library function at one size. */
const ex1 =
  (fn: Fn1, zu: Zu): Exec =>
  (cpu, a) => {
    fn(cpu, a.d, a.n);
    zu(cpu, a.d);
  };
const ex2 =
  (fn: Fn2, zu: Zu): Exec =>
  (cpu, a) => {
    fn(cpu, a.d, a.n, a.m);
    zu(cpu, a.d);
  };

/** Table [ftype] of execs for library functions named `${base}${bits}`. */
function bySize1(base: string): (Exec | null)[] {
  return SIZE_BITS.map((b) => (b ? ex1((L as unknown as Record<string, Fn1>)[base + b], ZU[b]) : null));
}
function bySize2(base: string): (Exec | null)[] {
  return SIZE_BITS.map((b) => (b ? ex2((L as unknown as Record<string, Fn2>)[base + b], ZU[b]) : null));
}

// FMOV (register): a plain copy of the element, no FP processing.
const FMOV_REG: (Exec | null)[] = [
  (cpu, a) => {
    cpu.vi32[a.d >> 2] = cpu.vi32[a.n >> 2];
    zu32(cpu, a.d);
  },
  (cpu, a) => {
    cpu.vi32[a.d >> 2] = cpu.vi32[a.n >> 2];
    cpu.vi32[(a.d >> 2) + 1] = cpu.vi32[(a.n >> 2) + 1];
    zu64(cpu, a.d);
  },
  null,
  (cpu, a) => {
    cpu.v16[a.d >> 1] = cpu.v16[a.n >> 1];
    zu16(cpu, a.d);
  },
];
const ONE_SRC: (Exec | null)[][] = [FMOV_REG, bySize1('fabs'), bySize1('fneg'), bySize1('fsqrt')];
const TWO_SRC: (Exec | null)[][] = ['fmul', 'fdiv', 'fadd', 'fsub', 'fmax', 'fmin', 'fmaxnm', 'fminnm'].map(bySize2);
const FNMUL = bySize2('fnmul');

// FCVT between precisions: [from ftype][to ftype]
const CVT: (Exec | null)[][] = SIZE_BITS.map((from) =>
  SIZE_BITS.map((to) => {
    if (!from || !to || from === to) return null;
    return ex1((L as unknown as Record<string, Fn1>)[`fcvt${from}to${to}`], ZU[to]);
  }),
);

// FRINT<mode>: rmode per opcode rm field; -1 = FPCR (FRINTX/FRINTI).
const RINT_MODE = [L.RN, L.RP, L.RM, L.RZ, L.RA, 99, -1, -1];
type FnRint = (cpu: A64Cpu, d: number, n: number, rmode: number, exact: number) => void;
const RINT_FN: { [b: number]: FnRint } = { 16: L.frint16, 32: L.frint32, 64: L.frint64 };
const frintExec = (b: number, rmode: number, exact: number): Exec =>
  rmode >= 0
    ? (cpu, a) => {
        RINT_FN[b](cpu, a.d, a.n, rmode, exact);
        ZU[b](cpu, a.d);
      }
    : (cpu, a) => {
        RINT_FN[b](cpu, a.d, a.n, (cpu.fpcr >>> 22) & 3, exact);
        ZU[b](cpu, a.d);
      };
const FRINT: (Exec | null)[][] = [0, 1, 2, 3, 4, 5, 6, 7].map((rm) =>
  SIZE_BITS.map((b) => (b && RINT_MODE[rm] !== 99 ? frintExec(b, RINT_MODE[rm], rm === 6 ? 1 : 0) : null)),
);

// FRINT32Z/32X/64Z/64X (FEAT_FRINTTS), single and double only.
type FnRintN = (cpu: A64Cpu, d: number, n: number, rmode: number, intBits: number) => void;
const frintNExec = (fn: FnRintN, zu: Zu, fromFpcr: boolean, intBits: number): Exec =>
  fromFpcr
    ? (cpu, a) => {
        fn(cpu, a.d, a.n, (cpu.fpcr >>> 22) & 3, intBits);
        zu(cpu, a.d);
      }
    : (cpu, a) => {
        fn(cpu, a.d, a.n, L.RZ, intBits);
        zu(cpu, a.d);
      };
const FRINTTS: (Exec | null)[][] = [0, 1, 2, 3].map((op) => [
  frintNExec(L.frintN32, zu32, (op & 1) === 1, op & 2 ? 64 : 32),
  frintNExec(L.frintN64, zu64, (op & 1) === 1, op & 2 ? 64 : 32),
  null,
  null,
]);

// Fused multiply-add: [o1*2+o0][ftype]; negations (product, addend) per FMADD, FMSUB, FNMADD, FNMSUB.
type FnFma = (cpu: A64Cpu, d: number, a: number, n: number, m: number, negP: number, negA: number) => void;
const FMA_FN: { [b: number]: FnFma } = { 16: L.fmuladd16, 32: L.fmuladd32, 64: L.fmuladd64 };
const FMA_NEG = [
  [0, 0],
  [1, 0],
  [1, 1],
  [0, 1],
];
const FMA: (Exec | null)[][] = FMA_NEG.map(([np, na]) =>
  SIZE_BITS.map((b) => {
    if (!b) return null;
    const fn = FMA_FN[b];
    const zu = ZU[b];
    return (cpu, a) => {
      fn(cpu, a.d, a.a, a.n, a.m, np, na);
      zu(cpu, a.d);
    };
  }),
);

type FnCmp = (cpu: A64Cpu, n: number, m: number, signalling: boolean) => number;
const CMP_FN: (FnCmp | null)[] = [L.fcmp32, L.fcmp64, null, L.fcmp16];

// ---- conversions to integer: fn(cpu, n, fbits, rmode, unsigned, intBits) -> lo, cpu.hi
type FnToInt = (cpu: A64Cpu, n: number, fbits: number, rmode: number, unsigned: number, intBits: number) => number;
const TOINT_FN: (FnToInt | null)[] = [L.fpToInt32, L.fpToInt64, null, L.fpToInt16];
/** Exec writing W (sf 0: high half zero) or X from the library's conversion. */
function toIntExec(fn: FnToInt, sf: number): Exec {
  return sf
    ? (cpu, a) => {
        const lo = fn(cpu, a.n, a.fbits, a.rmode, a.u, 64);
        cpu.x[a.d] = lo;
        cpu.x[a.d + 1] = cpu.hi;
      }
    : (cpu, a) => {
        cpu.x[a.d] = fn(cpu, a.n, a.fbits, a.rmode, a.u, 32);
        cpu.x[a.d + 1] = 0;
      };
}
const TOINT: Exec[][] = [0, 1].map((sf) => TOINT_FN.map((fn) => (fn ? toIntExec(fn, sf) : unallocated)));

// ---- conversions from integer: fn(cpu, d, lo, hi, unsigned, intBits, fbits)
type FnFromInt = (
  cpu: A64Cpu,
  d: number,
  lo: number,
  hi: number,
  unsigned: number,
  intBits: number,
  fbits: number,
) => void;
const FROMINT_FN: (FnFromInt | null)[] = [L.intToFp32, L.intToFp64, null, L.intToFp16];
function fromIntExec(fn: FnFromInt, zu: Zu, sf: number): Exec {
  const bits = sf ? 64 : 32;
  return (cpu, a) => {
    fn(cpu, a.d, cpu.x[a.n], cpu.x[a.n + 1], a.u, bits, a.fbits);
    zu(cpu, a.d);
  };
}
const FROMINT: Exec[][] = [0, 1].map((sf) =>
  FROMINT_FN.map((fn, ft) => (fn ? fromIntExec(fn, ZU[SIZE_BITS[ft]], sf) : unallocated)),
);

/** Common prep: V register offsets for rd/rn/rm/ra (those present). */
function vregs(a: Args): void {
  a.d = a.rd * 16;
  a.n = a.rn * 16;
  if (a.rm !== undefined) a.m = a.rm * 16;
  if (a.ra !== undefined) a.a = a.ra * 16;
}

const pick = (e: Exec | null | undefined): Exec => e ?? unallocated;

// ---------------------------------------------------------------- semantics

export const fpSemantics: SemanticsTable = {
  FP_MOV_ABS_NEG_SQRT: {
    prep(a) {
      vregs(a);
      return pick(ONE_SRC[a.opc][a.ftype]);
    },
    exec: unallocated,
  },
  FCVT_prec: {
    prep(a) {
      vregs(a);
      if (a.ftype === 1 && a.opc === 2) return bfcvtExec; // BFCVT Hd, Sn (FEAT_BF16)
      return pick(CVT[a.ftype][a.opc]);
    },
    exec: unallocated,
  },
  FRINT: {
    prep(a) {
      vregs(a);
      return pick(FRINT[a.rm][a.ftype]);
    },
    exec: unallocated,
  },
  FRINTTS: {
    prep(a) {
      vregs(a);
      return pick(FRINTTS[a.op][a.ftype]);
    },
    exec: unallocated,
  },
  FP_2SRC: {
    prep(a) {
      vregs(a);
      return pick(TWO_SRC[a.opc][a.ftype]);
    },
    exec: unallocated,
  },
  FNMUL: {
    prep(a) {
      vregs(a);
      return pick(FNMUL[a.ftype]);
    },
    exec: unallocated,
  },
  FP_3SRC: {
    prep(a) {
      vregs(a);
      return pick(FMA[a.o1 * 2 + a.o0][a.ftype]);
    },
    exec: unallocated,
  },
  FCMP: {
    prep(a) {
      vregs(a);
      if (a.z) a.m = -1; // compare with #0.0
      a.sig = a.e;
      if (!CMP_FN[a.ftype]) return unallocated;
    },
    exec(cpu, a) {
      setNZCV(cpu, CMP_FN[a.ftype]!(cpu, a.n, a.m, a.sig === 1));
    },
  },
  FCCMP: {
    prep(a) {
      vregs(a);
      if (!CMP_FN[a.ftype]) return unallocated;
    },
    exec(cpu, a) {
      if (conditionHolds(cpu, a.cond)) setNZCV(cpu, CMP_FN[a.ftype]!(cpu, a.n, a.m, a.e === 1));
      else setNZCV(cpu, a.nzcv);
    },
  },
  FCSEL: {
    prep(a) {
      vregs(a);
      if (a.ftype === 2) return unallocated;
      a.words = a.ftype === 1 ? 2 : 1;
    },
    exec(cpu, a) {
      const s = conditionHolds(cpu, a.cond) ? a.n : a.m;
      const v = cpu.vi32;
      if (a.ftype === 3) {
        cpu.v16[a.d >> 1] = cpu.v16[s >> 1];
        zu16(cpu, a.d);
      } else if (a.ftype === 0) {
        v[a.d >> 2] = v[s >> 2];
        zu32(cpu, a.d);
      } else {
        v[a.d >> 2] = v[s >> 2];
        v[(a.d >> 2) + 1] = v[(s >> 2) + 1];
        zu64(cpu, a.d);
      }
    },
  },
  FMOV_imm: {
    prep(a) {
      a.d = a.rd * 16;
      if (a.ftype === 2) return unallocated;
      // The immediate is exact in every format: build its bits once.
      const v = vfpExpandImm(a.imm8);
      const buf = new DataView(new ArrayBuffer(8));
      if (a.ftype === 1) {
        buf.setFloat64(0, v, true);
        a.lo = buf.getInt32(0, true);
        a.hi = buf.getInt32(4, true);
      } else if (a.ftype === 0) {
        buf.setFloat32(0, v, true);
        a.lo = buf.getInt32(0, true);
        a.hi = 0;
      } else {
        // half: sign, exponent imm8<6> ? 0b0xxxx : 0b1xxxx per VFPExpandImm, fraction imm8<3:0> << 6
        const b6 = (a.imm8 >> 6) & 1;
        const exp = ((b6 ^ 1) << 4) | (b6 ? 0b1100 : 0) | ((a.imm8 >> 4) & 3);
        a.lo = ((a.imm8 >> 7) << 15) | (exp << 10) | ((a.imm8 & 15) << 6);
        a.hi = 0;
      }
    },
    exec(cpu, a) {
      const i = a.d >> 2;
      cpu.vi32[i] = a.lo;
      cpu.vi32[i + 1] = a.hi;
      cpu.vi32[i + 2] = 0;
      cpu.vi32[i + 3] = 0;
    },
  },
  CVTF_fixed: {
    prep(a) {
      a.d = a.rd * 16;
      a.n = srcZR(a.rn);
      if (a.sf === 0 && a.scale < 32) return unallocated; // fbits > 32 with a W source
      a.fbits = 64 - a.scale;
      return FROMINT[a.sf][a.ftype];
    },
    exec: unallocated,
  },
  FCVTZ_fixed: {
    prep(a) {
      a.d = dstZR(a.rd);
      a.n = a.rn * 16;
      if (a.sf === 0 && a.scale < 32) return unallocated;
      a.fbits = 64 - a.scale;
      a.rmode = L.RZ;
      return TOINT[a.sf][a.ftype];
    },
    exec: unallocated,
  },
  FCVT_int: {
    prep(a) {
      a.d = dstZR(a.rd);
      a.n = a.rn * 16;
      a.fbits = 0;
      // rmode field: 0 nearest even, 1 +inf, 2 -inf, 3 zero (the library's numbering)
      return TOINT[a.sf][a.ftype];
    },
    exec: unallocated,
  },
  FCVTA_int: {
    prep(a) {
      a.d = dstZR(a.rd);
      a.n = a.rn * 16;
      a.fbits = 0;
      a.rmode = L.RA;
      return TOINT[a.sf][a.ftype];
    },
    exec: unallocated,
  },
  CVTF_int: {
    prep(a) {
      a.d = a.rd * 16;
      a.n = srcZR(a.rn);
      a.fbits = 0;
      return FROMINT[a.sf][a.ftype];
    },
    exec: unallocated,
  },
  FMOV_gen: {
    prep(a) {
      // Valid: W<->S (sf 0, ftype 0), X<->D (sf 1, ftype 1), W/X<->H (ftype 3).
      const ok = a.ftype === 3 || (a.sf === 0 && a.ftype === 0) || (a.sf === 1 && a.ftype === 1);
      if (!ok) return unallocated;
      if (a.dir) {
        a.d = a.rd * 16;
        a.n = srcZR(a.rn);
        return a.ftype === 3 ? fmovToH : a.ftype === 0 ? fmovToS : fmovToD;
      }
      a.d = dstZR(a.rd);
      a.n = a.rn * 16;
      return a.ftype === 3 ? fmovFromH : a.ftype === 0 ? fmovFromS : fmovFromD;
    },
    exec: unallocated,
  },
  FMOV_d1: {
    prep(a) {
      if (a.sf !== 1 || a.ftype !== 2) return unallocated;
      if (a.dir) {
        a.d = a.rd * 16;
        a.n = srcZR(a.rn);
        return fmovToD1;
      }
      a.d = dstZR(a.rd);
      a.n = a.rn * 16;
      return fmovFromD1;
    },
    exec: unallocated,
  },
  FJCVTZS: {
    prep(a) {
      a.d = dstZR(a.rd);
      a.n = a.rn * 16;
    },
    exec(cpu, a) {
      cpu.x[a.d] = L.fjcvtzs(cpu, a.n);
      cpu.x[a.d + 1] = 0;
      cpu.n = 0;
      cpu.z = jsZ;
      cpu.c = 0;
      cpu.v = 0;
    },
  },
};

const bfcvtExec: Exec = (cpu, a) => {
  L.bfcvt(cpu, a.d, a.n);
  zu16(cpu, a.d);
};

// FMOV (general): raw bit moves, no FP processing.
const fmovToH: Exec = (cpu, a) => {
  cpu.v16[a.d >> 1] = cpu.x[a.n];
  zu16(cpu, a.d);
};
const fmovToS: Exec = (cpu, a) => {
  cpu.vi32[a.d >> 2] = cpu.x[a.n];
  zu32(cpu, a.d);
};
const fmovToD: Exec = (cpu, a) => {
  cpu.vi32[a.d >> 2] = cpu.x[a.n];
  cpu.vi32[(a.d >> 2) + 1] = cpu.x[a.n + 1];
  zu64(cpu, a.d);
};
const fmovFromH: Exec = (cpu, a) => {
  cpu.x[a.d] = cpu.v16[a.n >> 1];
  cpu.x[a.d + 1] = 0;
};
const fmovFromS: Exec = (cpu, a) => {
  cpu.x[a.d] = cpu.vi32[a.n >> 2];
  cpu.x[a.d + 1] = 0;
};
const fmovFromD: Exec = (cpu, a) => {
  cpu.x[a.d] = cpu.vi32[a.n >> 2];
  cpu.x[a.d + 1] = cpu.vi32[(a.n >> 2) + 1];
};
/** FMOV Vd.D[1], Xn: writes the upper half only; the lower 64 bits are kept. */
const fmovToD1: Exec = (cpu, a) => {
  cpu.vi32[(a.d >> 2) + 2] = cpu.x[a.n];
  cpu.vi32[(a.d >> 2) + 3] = cpu.x[a.n + 1];
};
const fmovFromD1: Exec = (cpu, a) => {
  cpu.x[a.d] = cpu.vi32[(a.n >> 2) + 2];
  cpu.x[a.d + 1] = cpu.vi32[(a.n >> 2) + 3];
};
