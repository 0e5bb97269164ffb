/**
 * Semantics of "Data processing -- immediate" (ARM ARM C4.1.2): PC-relative
 * addressing, add/subtract, logical, move wide, bitfield and extract.
 *
 * prep decodes every immediate (DecodeBitMasks included) and picks an exec
 * specialised for width, flag setting and the common aliases, so that an exec
 * is a few typed-array reads and writes.
 */
import { dstZR, regSP, srcZR } from '../regs.js';
import { unallocated, type Args, type Exec, type SemanticsTable } from '../semantics-types.js';
import { adds32, adds64, asr64, logicFlags32, logicFlags64, lsl64, lsr64, ror32, ror64 } from './alu.js';
import { decodeBitMasks } from './bitmasks.js';
import {
  adds32Code,
  adds64Code,
  logicFlags32Code,
  logicFlags64Code,
  shift32Expr,
  shift64Expr,
  template,
  type Gen,
} from '../templates.js';

/** Split a bigint (taken mod 2^64) into a.lo / a.hi. */
export function setConst(a: Args, v: bigint): void {
  v = BigInt.asUintN(64, v);
  a.lo = Number(v & 0xffffffffn) | 0;
  a.hi = Number(v >> 32n) | 0;
}

export const pcOf = (a: Args): bigint => (BigInt(a.pcHi >>> 0) << 32n) | BigInt(a.pcLo >>> 0);

// ---------------------------------------------------------------- PC-rel. addressing

const adrExec: Exec = (cpu, a) => {
  cpu.x[a.d] = a.lo;
  cpu.x[a.d + 1] = a.hi;
};

// ---------------------------------------------------------------- add/subtract (immediate)

const addImm64: Exec = (cpu, a) => {
  const x = cpu.x;
  const hi = x[a.n + 1];
  const lo = (x[a.n] >>> 0) + a.imm;
  x[a.d] = lo | 0;
  x[a.d + 1] = lo > 0xffffffff ? (hi + 1) | 0 : hi;
};
const subImm64: Exec = (cpu, a) => {
  const x = cpu.x;
  const hi = x[a.n + 1];
  const lo = (x[a.n] >>> 0) - a.imm;
  x[a.d] = lo | 0;
  x[a.d + 1] = lo < 0 ? (hi - 1) | 0 : hi;
};
const addImm32: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.d] = (x[a.n] + a.imm) | 0;
  x[a.d + 1] = 0;
};
const subImm32: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.d] = (x[a.n] - a.imm) | 0;
  x[a.d + 1] = 0;
};
/** ADDS/SUBS/CMP/CMN (immediate), 64-bit: AddWithCarry(Xn, bl:bh, cin) from prep. */
const addsImm64: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.d] = adds64(cpu, x[a.n], x[a.n + 1], a.bl, a.bh, a.cin);
  x[a.d + 1] = cpu.hi;
};
const addsImm32: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.d] = adds32(cpu, x[a.n], a.bl, a.cin);
  x[a.d + 1] = 0;
};

/** CMP/CMN (immediate): flags only (Rd = ZR). */
const cmpImm64: Exec = (cpu, a) => {
  const x = cpu.x;
  adds64(cpu, x[a.n], x[a.n + 1], a.bl, a.bh, a.cin);
};
const cmpImm32: Exec = (cpu, a) => {
  adds32(cpu, cpu.x[a.n], a.bl, a.cin);
};

// ---------------------------------------------------------------- logical (immediate)

const andImm64: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.d] = x[a.n] & a.lo;
  x[a.d + 1] = x[a.n + 1] & a.hi;
};
const orrImm64: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.d] = x[a.n] | a.lo;
  x[a.d + 1] = x[a.n + 1] | a.hi;
};
const eorImm64: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.d] = x[a.n] ^ a.lo;
  x[a.d + 1] = x[a.n + 1] ^ a.hi;
};
const andsImm64: Exec = (cpu, a) => {
  const x = cpu.x;
  const lo = x[a.n] & a.lo;
  const hi = x[a.n + 1] & a.hi;
  logicFlags64(cpu, lo, hi);
  x[a.d] = lo;
  x[a.d + 1] = hi;
};
const andImm32: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.d] = x[a.n] & a.lo;
  x[a.d + 1] = 0;
};
const orrImm32: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.d] = x[a.n] | a.lo;
  x[a.d + 1] = 0;
};
const eorImm32: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.d] = x[a.n] ^ a.lo;
  x[a.d + 1] = 0;
};
const andsImm32: Exec = (cpu, a) => {
  const x = cpu.x;
  const r = x[a.n] & a.lo;
  logicFlags32(cpu, r);
  x[a.d] = r;
  x[a.d + 1] = 0;
};
/** TST (immediate): ANDS with Rd = ZR, flags only. */
const tstImm64: Exec = (cpu, a) => {
  const x = cpu.x;
  logicFlags64(cpu, x[a.n] & a.lo, x[a.n + 1] & a.hi);
};
const tstImm32: Exec = (cpu, a) => {
  logicFlags32(cpu, cpu.x[a.n] & a.lo);
};
/** ORR Xd, XZR, #imm (MOV bitmask immediate): a constant. */
const movLogicImm: Exec = (cpu, a) => {
  cpu.x[a.d] = a.lo;
  cpu.x[a.d + 1] = a.hi;
};

// ---------------------------------------------------------------- move wide

const movWide: Exec = (cpu, a) => {
  cpu.x[a.d] = a.lo;
  cpu.x[a.d + 1] = a.hi;
};
/** MOVK: a.w is the index of the half written, a.keep/a.val the 16-bit lane. */
const movk64: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.w] = (x[a.w] & a.keep) | a.val;
};
const movk32: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.w] = (x[a.w] & a.keep) | a.val;
  x[a.d + 1] = 0;
};

// ---------------------------------------------------------------- bitfield
// General forms (ARM ARM SBFM/BFM/UBFM pseudocode) with wmask/tmask from prep
// in (wl, wh, tl, th), rotation a.r; plus specialised shifts and extensions.

const ubfm64: Exec = (cpu, a) => {
  const x = cpu.x;
  const lo = ror64(cpu, x[a.n], x[a.n + 1], a.r);
  x[a.d] = lo & a.wl & a.tl;
  x[a.d + 1] = cpu.hi & a.wh & a.th;
};
const sbfm64: Exec = (cpu, a) => {
  const x = cpu.x;
  const top = (x[a.n + a.sw] << a.sb) >> 31; // Replicate(src<S>)
  const lo = ror64(cpu, x[a.n], x[a.n + 1], a.r) & a.wl;
  const hi = cpu.hi & a.wh;
  x[a.d] = (top & ~a.tl) | (lo & a.tl);
  x[a.d + 1] = (top & ~a.th) | (hi & a.th);
};
const bfm64: Exec = (cpu, a) => {
  const x = cpu.x;
  const dl = x[a.d];
  const dh = x[a.d + 1];
  const lo = (dl & ~a.wl) | (ror64(cpu, x[a.n], x[a.n + 1], a.r) & a.wl);
  const hi = (dh & ~a.wh) | (cpu.hi & a.wh);
  x[a.d] = (dl & ~a.tl) | (lo & a.tl);
  x[a.d + 1] = (dh & ~a.th) | (hi & a.th);
};
const ubfm32: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.d] = ror32(x[a.n], a.r) & a.wl & a.tl;
  x[a.d + 1] = 0;
};
const sbfm32: Exec = (cpu, a) => {
  const x = cpu.x;
  const src = x[a.n];
  const top = (src << a.sb) >> 31;
  x[a.d] = (top & ~a.tl) | (ror32(src, a.r) & a.wl & a.tl);
  x[a.d + 1] = 0;
};
const bfm32: Exec = (cpu, a) => {
  const x = cpu.x;
  const dst = x[a.d];
  const bot = (dst & ~a.wl) | (ror32(x[a.n], a.r) & a.wl);
  x[a.d] = (dst & ~a.tl) | (bot & a.tl);
  x[a.d + 1] = 0;
};
const lslImm64: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.d] = lsl64(cpu, x[a.n], x[a.n + 1], a.sh);
  x[a.d + 1] = cpu.hi;
};
const lsrImm64: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.d] = lsr64(cpu, x[a.n], x[a.n + 1], a.sh);
  x[a.d + 1] = cpu.hi;
};
const asrImm64: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.d] = asr64(cpu, x[a.n], x[a.n + 1], a.sh);
  x[a.d + 1] = cpu.hi;
};
const lslImm32: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.d] = x[a.n] << a.sh;
  x[a.d + 1] = 0;
};
const lsrImm32: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.d] = x[a.n] >>> a.sh;
  x[a.d + 1] = 0;
};
const asrImm32: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.d] = x[a.n] >> a.sh;
  x[a.d + 1] = 0;
};
/** SXTB/SXTH/SXTW to 64 bits (a.sh = 24, 16 or 0). */
const sxt64: Exec = (cpu, a) => {
  const x = cpu.x;
  const v = (x[a.n] << a.sh) >> a.sh;
  x[a.d] = v;
  x[a.d + 1] = v >> 31;
};
/** UBFX/UXTB/UXTH with lsb 0 and width <= 32 (a.wl = the mask). */
const uxtLow: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.d] = x[a.n] & a.wl;
  x[a.d + 1] = 0;
};

// ---------------------------------------------------------------- extract

/** EXTR 64-bit: result words from three source words (i0, i1, i2) shifted by a.s (1..31). */
const extr64: Exec = (cpu, a) => {
  const x = cpu.x;
  const p0 = x[a.i0];
  const p1 = x[a.i1];
  const p2 = x[a.i2];
  x[a.d] = (p0 >>> a.s) | (p1 << (32 - a.s));
  x[a.d + 1] = (p1 >>> a.s) | (p2 << (32 - a.s));
};
/** EXTR 64-bit with lsb 0 or 32: whole words (i0, i1). */
const extr64Words: Exec = (cpu, a) => {
  const x = cpu.x;
  const lo = x[a.i0];
  const hi = x[a.i1];
  x[a.d] = lo;
  x[a.d + 1] = hi;
};
const extr32: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.d] = (x[a.i0] >>> a.s) | (x[a.i1] << (32 - a.s));
  x[a.d + 1] = 0;
};
/** EXTR 32-bit with lsb 0: Wm. */
const extr32Word: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.d] = x[a.i0];
  x[a.d + 1] = 0;
};

export const dpImmSemantics: SemanticsTable = {
  ADR: {
    prep(a) {
      a.d = dstZR(a.rd);
      setConst(a, pcOf(a) + BigInt(a.immhi * 4 + a.immlo));
    },
    exec: adrExec,
  },
  ADRP: {
    prep(a) {
      a.d = dstZR(a.rd);
      setConst(a, (pcOf(a) & ~0xfffn) + BigInt(a.immhi * 4 + a.immlo) * 4096n);
    },
    exec: adrExec,
  },
  ADD_SUB_imm: {
    prep(a) {
      a.n = regSP(a.rn);
      a.d = a.S ? dstZR(a.rd) : regSP(a.rd);
      a.imm = a.sh ? a.imm12 << 12 : a.imm12;
      // AddWithCarry operands for the flag-setting forms: SUBS adds NOT imm + 1.
      a.bl = a.op ? ~a.imm : a.imm;
      a.bh = a.op ? -1 : 0;
      a.cin = a.op;
      if (a.S && a.rd === 31) return a.sf ? cmpImm64 : cmpImm32;
      if (a.S) return a.sf ? addsImm64 : addsImm32;
      if (a.sf) return a.op ? subImm64 : addImm64;
      return a.op ? subImm32 : addImm32;
    },
    exec: addImm64,
  },
  LOGIC_imm: {
    prep(a) {
      a.n = srcZR(a.rn);
      a.d = a.opc === 3 ? dstZR(a.rd) : regSP(a.rd);
      a.lo = 0;
      a.hi = 0;
      if (!a.sf && a.N) return unallocated;
      const m = decodeBitMasks(a.N, a.imms, a.immr, true, a.sf ? 64 : 32);
      if (!m) return unallocated;
      a.lo = m.wLo;
      a.hi = m.wHi;
      if (a.opc === 1 && a.rn === 31) return movLogicImm; // MOV (bitmask immediate)
      if (a.opc === 3 && a.rd === 31) return a.sf ? tstImm64 : tstImm32;
      if (a.sf) return [andImm64, orrImm64, eorImm64, andsImm64][a.opc];
      return [andImm32, orrImm32, eorImm32, andsImm32][a.opc];
    },
    exec: andImm64,
  },
  MOVW: {
    prep(a) {
      a.d = dstZR(a.rd);
      const sh = a.hw * 16;
      a.w = a.d + (a.hw >> 1);
      a.keep = (a.hw & 1 ? 0x0000ffff : 0xffff0000) | 0;
      a.val = (a.imm16 << ((a.hw & 1) * 16)) | 0;
      a.lo = 0;
      a.hi = 0;
      if (a.opc === 1 || (!a.sf && a.hw >= 2)) return unallocated;
      if (a.opc === 3) return a.sf ? movk64 : movk32;
      let v = BigInt(a.imm16) << BigInt(sh);
      if (a.opc === 0) v = ~v; // MOVN
      if (!a.sf) v &= 0xffffffffn;
      setConst(a, v);
      return movWide;
    },
    exec: movWide,
  },
  BITFIELD: {
    prep(a) {
      a.n = srcZR(a.rn);
      a.d = dstZR(a.rd);
      a.r = a.immr;
      a.wl = a.wh = a.tl = a.th = 0;
      a.sw = 0;
      a.sb = 0;
      a.sh = 0;
      const width = a.sf ? 64 : 32;
      if (a.opc === 3 || a.N !== a.sf || (!a.sf && (a.immr > 31 || a.imms > 31))) return unallocated;
      const m = decodeBitMasks(a.N, a.imms, a.immr, false, width);
      if (!m) return unallocated;
      a.wl = m.wLo;
      a.wh = m.wHi;
      a.tl = m.tLo;
      a.th = m.tHi;
      // Sign bit S of the source as (word offset, shift that moves it to bit 31).
      a.sw = a.imms >= 32 ? 1 : 0;
      a.sb = 31 - (a.imms & 31);
      const { opc, imms, immr } = a;
      if (opc === 2 && imms !== width - 1 && imms + 1 === immr) {
        a.sh = width - 1 - imms;
        return a.sf ? lslImm64 : lslImm32;
      }
      if (opc === 2 && imms === width - 1) {
        a.sh = immr;
        return a.sf ? lsrImm64 : lsrImm32;
      }
      if (opc === 0 && imms === width - 1) {
        a.sh = immr;
        return a.sf ? asrImm64 : asrImm32;
      }
      if (opc === 0 && a.sf && immr === 0 && (imms === 7 || imms === 15 || imms === 31)) {
        a.sh = 31 - imms;
        return sxt64;
      }
      if (opc === 2 && immr === 0 && imms < 32) return uxtLow; // UBFX #0 / UXTB / UXTH
      if (opc === 0) return a.sf ? sbfm64 : sbfm32;
      if (opc === 1) return a.sf ? bfm64 : bfm32;
      return a.sf ? ubfm64 : ubfm32;
    },
    exec: ubfm64,
  },
  EXTR: {
    prep(a) {
      a.d = dstZR(a.rd);
      const n = srcZR(a.rn);
      const m = srcZR(a.rm);
      a.i0 = m;
      a.i1 = m + 1;
      a.i2 = n;
      a.s = a.imms & 31;
      if (a.N !== a.sf || (!a.sf && a.imms > 31)) return unallocated;
      if (!a.sf) {
        a.i1 = n;
        return a.s === 0 ? extr32Word : extr32;
      }
      // (Xn:Xm) >> lsb as three consecutive source words.
      if (a.imms >= 32) {
        a.i0 = m + 1;
        a.i1 = n;
        a.i2 = n + 1;
      }
      if (a.s === 0) return extr64Words;
      return extr64;
    },
    exec: extr64,
  },
};

// ---------------------------------------------------------------- templates for compiled blocks (templates.ts)

const constTemplate = (a: Args, g: Gen): string => `${g.r(a.d)} = ${a.lo | 0}; ${g.r(a.d + 1)} = ${a.hi | 0};`;
template(adrExec, { op: constTemplate });
template(movWide, { op: constTemplate });
template(movLogicImm, { op: constTemplate });
template(addImm64, {
  op: (a, g) =>
    `const _nl = ${g.r(a.n)}, _h = ${g.r(a.n + 1)}; const _l = (_nl + ${a.imm}) | 0;` +
    `${g.r(a.d)} = _l; ${g.r(a.d + 1)} = (_l >>> 0) < (_nl >>> 0) ? (_h + 1) | 0 : _h;`,
});
template(subImm64, {
  op: (a, g) =>
    `const _nl = ${g.r(a.n)}, _h = ${g.r(a.n + 1)};` +
    `${g.r(a.d)} = (_nl - ${a.imm}) | 0; ${g.r(a.d + 1)} = (_nl >>> 0) < ${a.imm} ? (_h - 1) | 0 : _h;`,
});
template(addImm32, { op: (a, g) => `${g.r(a.d)} = (${g.r(a.n)} + ${a.imm}) | 0; ${g.r(a.d + 1)} = 0;` });
template(subImm32, { op: (a, g) => `${g.r(a.d)} = (${g.r(a.n)} - ${a.imm}) | 0; ${g.r(a.d + 1)} = 0;` });
template(addsImm64, {
  op: (a, g) => adds64Code(g.r(a.n), g.r(a.n + 1), `${a.bl | 0}`, `${a.bh | 0}`, `${a.cin}`, g.r(a.d), g.r(a.d + 1)),
});
template(addsImm32, { op: (a, g) => adds32Code(g.r(a.n), `${a.bl | 0}`, `${a.cin}`, g.r(a.d), g.r(a.d + 1)) });
template(cmpImm64, {
  op: (a, g) => adds64Code(g.r(a.n), g.r(a.n + 1), `${a.bl | 0}`, `${a.bh | 0}`, `${a.cin}`, null, null),
});
template(cmpImm32, { op: (a, g) => adds32Code(g.r(a.n), `${a.bl | 0}`, `${a.cin}`, null, null) });
const logicImm64 = (op: string) => (a: Args, g: Gen) =>
  `const _l = ${g.r(a.n)} ${op} ${a.lo | 0}, _h = ${g.r(a.n + 1)} ${op} ${a.hi | 0}; ${g.r(a.d)} = _l; ${g.r(a.d + 1)} = _h;`;
const logicImm32 = (op: string) => (a: Args, g: Gen) =>
  `${g.r(a.d)} = ${g.r(a.n)} ${op} ${a.lo | 0}; ${g.r(a.d + 1)} = 0;`;
template(andImm64, { op: logicImm64('&') });
template(orrImm64, { op: logicImm64('|') });
template(eorImm64, { op: logicImm64('^') });
template(andImm32, { op: logicImm32('&') });
template(orrImm32, { op: logicImm32('|') });
template(eorImm32, { op: logicImm32('^') });
template(andsImm64, {
  op: (a, g) =>
    `const _l = ${g.r(a.n)} & ${a.lo | 0}, _h = ${g.r(a.n + 1)} & ${a.hi | 0}; ${logicFlags64Code('_l', '_h')}` +
    `${g.r(a.d)} = _l; ${g.r(a.d + 1)} = _h;`,
});
template(andsImm32, {
  op: (a, g) =>
    `const _r = ${g.r(a.n)} & ${a.lo | 0}; ${logicFlags32Code('_r')} ${g.r(a.d)} = _r; ${g.r(a.d + 1)} = 0;`,
});
template(tstImm64, {
  op: (a, g) =>
    `const _l = ${g.r(a.n)} & ${a.lo | 0}, _h = ${g.r(a.n + 1)} & ${a.hi | 0}; ${logicFlags64Code('_l', '_h')}`,
});
template(tstImm32, { op: (a, g) => `const _r = ${g.r(a.n)} & ${a.lo | 0}; ${logicFlags32Code('_r')}` });
template(movk64, { op: (a, g) => `${g.r(a.w)} = (${g.r(a.w)} & ${a.keep | 0}) | ${a.val | 0};` });
template(movk32, { op: (a, g) => `${g.r(a.w)} = (${g.r(a.w)} & ${a.keep | 0}) | ${a.val | 0}; ${g.r(a.d + 1)} = 0;` });
// Bitfield moves: the general forms with the masks as constants.
template(ubfm64, {
  op: (a, g) => {
    const [lo, hi] = shift64Expr(3, '_nl', '_nh', a.r);
    return (
      `const _nl = ${g.r(a.n)}, _nh = ${g.r(a.n + 1)};` +
      `${g.r(a.d)} = ${lo} & ${a.wl & a.tl}; ${g.r(a.d + 1)} = ${hi} & ${a.wh & a.th};`
    );
  },
});
template(sbfm64, {
  op: (a, g) => {
    const [lo, hi] = shift64Expr(3, '_nl', '_nh', a.r);
    return (
      `const _nl = ${g.r(a.n)}, _nh = ${g.r(a.n + 1)}; const _top = (${a.sw ? '_nh' : '_nl'} << ${a.sb}) >> 31;` +
      `${g.r(a.d)} = (_top & ${~a.tl}) | (${lo} & ${a.wl & a.tl});` +
      `${g.r(a.d + 1)} = (_top & ${~a.th}) | (${hi} & ${a.wh & a.th});`
    );
  },
});
template(ubfm32, {
  op: (a, g) => `${g.r(a.d)} = ${shift32Expr(3, g.r(a.n), a.r)} & ${a.wl & a.tl}; ${g.r(a.d + 1)} = 0;`,
});
template(sbfm32, {
  op: (a, g) =>
    `const _v = ${g.r(a.n)}; const _top = (_v << ${a.sb}) >> 31;` +
    `${g.r(a.d)} = (_top & ${~a.tl}) | (${shift32Expr(3, '_v', a.r)} & ${a.wl & a.tl}); ${g.r(a.d + 1)} = 0;`,
});
const shiftImm64 = (type: number) => (a: Args, g: Gen) => {
  const [lo, hi] = shift64Expr(type, '_nl', '_nh', a.sh);
  return `const _nl = ${g.r(a.n)}, _nh = ${g.r(a.n + 1)}; ${g.r(a.d)} = ${lo}; ${g.r(a.d + 1)} = ${hi};`;
};
template(lslImm64, { op: shiftImm64(0) });
template(lsrImm64, { op: shiftImm64(1) });
template(asrImm64, { op: shiftImm64(2) });
template(lslImm32, { op: (a, g) => `${g.r(a.d)} = ${shift32Expr(0, g.r(a.n), a.sh)}; ${g.r(a.d + 1)} = 0;` });
template(lsrImm32, { op: (a, g) => `${g.r(a.d)} = ${shift32Expr(1, g.r(a.n), a.sh)}; ${g.r(a.d + 1)} = 0;` });
template(asrImm32, { op: (a, g) => `${g.r(a.d)} = ${shift32Expr(2, g.r(a.n), a.sh)}; ${g.r(a.d + 1)} = 0;` });
template(sxt64, {
  op: (a, g) => `const _v = (${g.r(a.n)} << ${a.sh}) >> ${a.sh}; ${g.r(a.d)} = _v; ${g.r(a.d + 1)} = _v >> 31;`,
});
template(uxtLow, { op: (a, g) => `${g.r(a.d)} = ${g.r(a.n)} & ${a.wl | 0}; ${g.r(a.d + 1)} = 0;` });
template(extr64, {
  op: (a, g) =>
    `const _p0 = ${g.r(a.i0)}, _p1 = ${g.r(a.i1)}, _p2 = ${g.r(a.i2)};` +
    `${g.r(a.d)} = (_p0 >>> ${a.s}) | (_p1 << ${32 - a.s}); ${g.r(a.d + 1)} = (_p1 >>> ${a.s}) | (_p2 << ${32 - a.s});`,
});
template(extr64Words, {
  op: (a, g) => `const _p0 = ${g.r(a.i0)}, _p1 = ${g.r(a.i1)}; ${g.r(a.d)} = _p0; ${g.r(a.d + 1)} = _p1;`,
});
template(extr32, {
  op: (a, g) => `${g.r(a.d)} = (${g.r(a.i0)} >>> ${a.s}) | (${g.r(a.i1)} << ${32 - a.s}); ${g.r(a.d + 1)} = 0;`,
});
template(extr32Word, { op: (a, g) => `${g.r(a.d)} = ${g.r(a.i0)}; ${g.r(a.d + 1)} = 0;` });
