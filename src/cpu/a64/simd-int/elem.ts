/**
 * Element operations of the integer Advanced SIMD instructions.
 *
 * Elements of 8, 16 and 32 bits are plain JS numbers read from the signed or
 * unsigned typed-array view (the instruction's signedness picks the view), so
 * sums, differences and shifts are exact doubles; a store into a typed array
 * keeps the low bits (ToInt8/16/32 is a modulo), which is exactly the
 * architecture's truncation. Saturating forms clamp with the bounds of the
 * current element size (setElemSize) and set QC.
 *
 * 64-bit elements are (lo, hi) int32 halves: functions return the low half
 * and leave the high half in RH.
 */

/** FPSR.QC was set by the current instruction (the exec ORs it into cpu.fpsr). */
export let QC = 0;
/** High half of the last 64-bit result. */
export let RH = 0;
let SMAX = 127;
let SMIN = -128;
let UMAX = 255;
/** Element size in bits of the current instruction. */
export let ES = 8;

export function resetQC(): void {
  QC = 0;
}
export function setQC(): void {
  QC = 1;
}

/** Set the element size (0..2 = 8/16/32 bits) the saturating helpers use. */
export function setElemSize(sz: number): void {
  ES = ES_BITS[sz];
  SMAX = SMAX_BY[sz];
  SMIN = SMIN_BY[sz];
  UMAX = UMAX_BY[sz];
}
const ES_BITS = [8, 16, 32, 64];
const SMAX_BY = [0x7f, 0x7fff, 0x7fffffff, 0x7fffffff];
const SMIN_BY = [-0x80, -0x8000, -0x80000000, -0x80000000];
const UMAX_BY = [0xff, 0xffff, 0xffffffff, 0xffffffff];

export function satS(v: number): number {
  if (v > SMAX) {
    QC = 1;
    return SMAX;
  }
  if (v < SMIN) {
    QC = 1;
    return SMIN;
  }
  return v;
}

export function satU(v: number): number {
  if (v > UMAX) {
    QC = 1;
    return UMAX;
  }
  if (v < 0) {
    QC = 1;
    return 0;
  }
  return v;
}

/** 2^k for k = -128..127, indexed by k + 128 (shift by register uses the signed low byte). */
const P2 = new Float64Array(256);
for (let k = -128; k < 128; k++) P2[k + 128] = 2 ** k;
/** 2^sh for the signed low byte of y: the shift-by-register scale. */
const scale = (y: number): number => P2[((y << 24) >> 24) + 128];

// ------------------------------------------------------------ exact 32 x 32 products

/** Low (uint32 as number) and high (number) halves of the last mul32 product. */
export let PL = 0;
export let PH = 0;

/** Exact signed (or, with unsigned inputs, unsigned) 32 x 32 → 64 product into PH:PL. */
export function mul32(x: number, y: number): void {
  const xl = x & 0xffff;
  const yl = y & 0xffff;
  const xh = (x - xl) / 65536;
  const yh = (y - yl) / 65536;
  const cross = xh * yl + xl * yh;
  const crossLo = ((cross % 65536) + 65536) % 65536;
  const t = xl * yl + crossLo * 65536;
  PL = t % 4294967296;
  PH = xh * yh + (cross - crossLo) / 65536 + (t - PL) / 4294967296;
}

// ------------------------------------------------------------ two-operand element ops (x, y, d)

export type Op2 = (x: number, y: number, d: number) => number;

export const hadd: Op2 = (x, y) => Math.floor((x + y) / 2);
export const rhadd: Op2 = (x, y) => Math.floor((x + y + 1) / 2);
export const hsub: Op2 = (x, y) => Math.floor((x - y) / 2);
export const sqadd: Op2 = (x, y) => satS(x + y);
export const uqadd: Op2 = (x, y) => satU(x + y);
export const sqsub: Op2 = (x, y) => satS(x - y);
export const uqsub: Op2 = (x, y) => satU(x - y);
export const cmgt: Op2 = (x, y) => (x > y ? -1 : 0);
export const cmge: Op2 = (x, y) => (x >= y ? -1 : 0);
export const cmtst: Op2 = (x, y) => ((x & y) !== 0 ? -1 : 0);
export const cmeq: Op2 = (x, y) => (x === y ? -1 : 0);
/** SSHL/USHL: left by the signed low byte of y, or (truncating) right when negative. */
export const shl: Op2 = (x, y) => Math.floor(x * scale(y));
export const sqshl: Op2 = (x, y) => satS(Math.floor(x * scale(y)));
export const uqshl: Op2 = (x, y) => satU(Math.floor(x * scale(y)));
/** SRSHL/URSHL: a right shift rounds (adds half of the last bit shifted out). */
export const rshl: Op2 = (x, y) => Math.floor(x * scale(y) + 0.5);
export const sqrshl: Op2 = (x, y) => satS(Math.floor(x * scale(y) + 0.5));
export const uqrshl: Op2 = (x, y) => satU(Math.floor(x * scale(y) + 0.5));
export const max: Op2 = (x, y) => (x > y ? x : y);
export const min: Op2 = (x, y) => (x < y ? x : y);
export const abd: Op2 = (x, y) => Math.abs(x - y);
export const aba: Op2 = (x, y, d) => d + Math.abs(x - y);
export const add: Op2 = (x, y) => x + y;
export const sub: Op2 = (x, y) => x - y;
export const mla: Op2 = (x, y, d) => d + Math.imul(x, y);
export const mls: Op2 = (x, y, d) => d - Math.imul(x, y);
export const mul: Op2 = (x, y) => Math.imul(x, y);
/** Polynomial (carry-less) multiply of bytes, low 8 bits. */
export const pmul: Op2 = (x, y) => {
  let r = 0;
  for (let i = 0; i < 8; i++) if (y & (1 << i)) r ^= x << i;
  return r;
};

/** SQDMULH: high half of the doubled product, saturated (only MIN*MIN saturates). */
export const sqdmulh: Op2 = (x, y) => {
  if (ES === 16) return satS(Math.floor((x * y) / 32768));
  mul32(x, y);
  return satS(PH * 2 + Math.floor(PL / 2147483648));
};
/** SQRDMULH: as SQDMULH with rounding. */
export const sqrdmulh: Op2 = (x, y) => {
  if (ES === 16) return satS(Math.floor((x * y + 16384) / 32768));
  mul32(x, y);
  return satS(PH * 2 + Math.floor((PL + 1073741824) / 2147483648));
};
/** SQRDMLAH: (d << esize) + 2xy + rounding, high half, saturated. */
export const sqrdmlah: Op2 = (x, y, d) => {
  if (ES === 16) return satS(Math.floor((d * 65536 + 2 * x * y + 32768) / 65536));
  mul32(x, y);
  // 2P + 2^31 split into limbs: the low word only contributes its carry.
  const lo = 2 * PL + 2147483648;
  return satS(d + 2 * PH + Math.floor(lo / 4294967296));
};
export const sqrdmlsh: Op2 = (x, y, d) => {
  if (ES === 16) return satS(Math.floor((d * 65536 - 2 * x * y + 32768) / 65536));
  mul32(x, y);
  const lo = 2147483648 - 2 * PL;
  return satS(d - 2 * PH + Math.floor(lo / 4294967296));
};

// ------------------------------------------------------------ one-operand element ops (x, d)

export type Op1 = (x: number, d: number) => number;
export const abs: Op1 = (x) => Math.abs(x);
export const neg: Op1 = (x) => -x;
export const sqabs: Op1 = (x) => satS(Math.abs(x));
export const sqneg: Op1 = (x) => satS(-x);
export const cmgt0: Op1 = (x) => (x > 0 ? -1 : 0);
export const cmge0: Op1 = (x) => (x >= 0 ? -1 : 0);
export const cmeq0: Op1 = (x) => (x === 0 ? -1 : 0);
export const cmle0: Op1 = (x) => (x <= 0 ? -1 : 0);
export const cmlt0: Op1 = (x) => (x < 0 ? -1 : 0);
/** CLZ of an ES-bit element (x unsigned). */
export const clz: Op1 = (x) => Math.clz32(x) - (32 - ES);
/** CLS of an ES-bit element (x signed): leading bits equal to the sign, not counting it. */
export const cls: Op1 = (x) => Math.clz32(x < 0 ? ~x : x) - (32 - ES) - 1;
export const cnt: Op1 = (x) => {
  x = x - ((x >>> 1) & 0x55);
  x = (x & 0x33) + ((x >>> 2) & 0x33);
  return (x + (x >>> 4)) & 0x0f;
};
export const rbit8: Op1 = (x) => {
  let r = 0;
  for (let i = 0; i < 8; i++) r |= ((x >>> i) & 1) << (7 - i);
  return r;
};

// ------------------------------------------------------------ 64-bit elements (lo, hi halves)

const TWO32 = 4294967296;

/** Write a 64-bit value held as an exact double (|v| < 2^53) as halves: returns lo, RH = hi. */
export function fromDouble(v: number): number {
  const lo = v % TWO32;
  const l = lo < 0 ? lo + TWO32 : lo;
  RH = ((v - l) / TWO32) | 0;
  return l | 0;
}

/** A 64-bit result from its halves: returns lo, RH = hi. */
export function pair(lo: number, hi: number): number {
  RH = hi | 0;
  return lo | 0;
}

export function add64(al: number, ah: number, bl: number, bh: number): number {
  const l = (al >>> 0) + (bl >>> 0);
  RH = (ah + bh + (l > 0xffffffff ? 1 : 0)) | 0;
  return l | 0;
}
export function sub64(al: number, ah: number, bl: number, bh: number): number {
  const l = (al >>> 0) - (bl >>> 0);
  RH = (ah - bh - (l < 0 ? 1 : 0)) | 0;
  return l | 0;
}

/**
 * a + b with the high halves given as numbers already in the signedness the
 * operands have (ah signed, or ah >>> 0), saturated to a signed (sgn = 1) or
 * unsigned result. Covers SQADD, UQADD, SUQADD, USQADD.
 */
export function addSat64(al: number, ah: number, bl: number, bh: number, sgn: number): number {
  const l = (al >>> 0) + (bl >>> 0);
  const c = l > 0xffffffff ? 1 : 0;
  return sat64(l, ah + bh + c, sgn);
}
/** a - b, see addSat64. */
export function subSat64(al: number, ah: number, bl: number, bh: number, sgn: number): number {
  const l = (al >>> 0) - (bl >>> 0);
  const b = l < 0 ? 1 : 0;
  return sat64(l, ah - bh - b, sgn);
}
/** Saturate an exact value given as a low word (any integer, taken mod 2^32) and a high word as a number. */
function sat64(l: number, h: number, sgn: number): number {
  if (sgn) {
    if (h > 0x7fffffff) return satMax64(1);
    if (h < -0x80000000) return satMin64(1);
  } else {
    if (h > 0xffffffff) return satMax64(0);
    if (h < 0) return satMin64(0);
  }
  RH = h | 0;
  return l | 0;
}
function satMax64(sgn: number): number {
  QC = 1;
  RH = sgn ? 0x7fffffff : -1;
  return -1;
}
function satMin64(sgn: number): number {
  QC = 1;
  RH = sgn ? -0x80000000 : 0;
  return 0;
}

export const gts64 = (al: number, ah: number, bl: number, bh: number): boolean =>
  ah > bh || (ah === bh && al >>> 0 > bl >>> 0);
export const gtu64 = (al: number, ah: number, bl: number, bh: number): boolean =>
  ah >>> 0 > bh >>> 0 || (ah === bh && al >>> 0 > bl >>> 0);

/** x << s for 0 <= s; s >= 64 gives 0. */
export function lsl64(l: number, h: number, s: number): number {
  if (s === 0) {
    RH = h;
    return l;
  }
  if (s < 32) {
    RH = (h << s) | (l >>> (32 - s));
    return l << s;
  }
  RH = s < 64 ? l << (s - 32) : 0;
  return 0;
}
/** Logical x >> s for 0 <= s; s >= 64 gives 0. */
export function lsr64(l: number, h: number, s: number): number {
  if (s === 0) {
    RH = h;
    return l;
  }
  if (s < 32) {
    RH = h >>> s;
    return (l >>> s) | (h << (32 - s));
  }
  RH = 0;
  return s < 64 ? h >>> (s - 32) : 0;
}
/** Arithmetic x >> s for 0 <= s; s >= 64 gives the sign. */
export function asr64(l: number, h: number, s: number): number {
  if (s === 0) {
    RH = h;
    return l;
  }
  if (s < 32) {
    RH = h >> s;
    return (l >>> s) | (h << (32 - s));
  }
  RH = h >> 31;
  return s < 64 ? h >> (s - 32) : h >> 31;
}
/** Rounding right shift by s >= 1: (x >> (s-1) + 1) >> 1 without overflow. */
export function rasr64(l: number, h: number, s: number): number {
  const rl = asr64(l, h, s - 1);
  const rh = RH;
  const r = asr64(rl, rh, 1);
  return add64(r, RH, rl & 1, 0);
}
export function rlsr64(l: number, h: number, s: number): number {
  const rl = lsr64(l, h, s - 1);
  const rh = RH;
  const r = lsr64(rl, rh, 1);
  return add64(r, RH, rl & 1, 0);
}

/** Signed saturating x << s (s >= 0). */
export function sqlsl64(l: number, h: number, s: number): number {
  if ((l | h) === 0) {
    RH = 0;
    return 0;
  }
  if (s < 64) {
    const rl = lsl64(l, h, s);
    const rh = RH;
    const bl = asr64(rl, rh, s);
    if (bl === l && RH === h) {
      RH = rh;
      return rl;
    }
  }
  return h < 0 ? satMin64(1) : satMax64(1);
}
/** Unsigned saturating x << s (s >= 0). */
export function uqlsl64(l: number, h: number, s: number): number {
  if ((l | h) === 0) {
    RH = 0;
    return 0;
  }
  if (s < 64) {
    const rl = lsl64(l, h, s);
    const rh = RH;
    const bl = lsr64(rl, rh, s);
    if (bl === l && RH === h) {
      RH = rh;
      return rl;
    }
  }
  return satMax64(0);
}

/** Shift by register for 64-bit elements: y is the low word of the shift operand. */
export type Op2W = (al: number, ah: number, yl: number) => number;
export const sshl64: Op2W = (l, h, y) => {
  const s = (y << 24) >> 24;
  return s >= 0 ? lsl64(l, h, s) : asr64(l, h, -s);
};
export const ushl64: Op2W = (l, h, y) => {
  const s = (y << 24) >> 24;
  return s >= 0 ? lsl64(l, h, s) : lsr64(l, h, -s);
};
export const srshl64: Op2W = (l, h, y) => {
  const s = (y << 24) >> 24;
  return s >= 0 ? lsl64(l, h, s) : rasr64(l, h, -s);
};
export const urshl64: Op2W = (l, h, y) => {
  const s = (y << 24) >> 24;
  return s >= 0 ? lsl64(l, h, s) : rlsr64(l, h, -s);
};
export const sqshl64: Op2W = (l, h, y) => {
  const s = (y << 24) >> 24;
  return s >= 0 ? sqlsl64(l, h, s) : asr64(l, h, -s);
};
export const uqshl64: Op2W = (l, h, y) => {
  const s = (y << 24) >> 24;
  return s >= 0 ? uqlsl64(l, h, s) : lsr64(l, h, -s);
};
export const sqrshl64: Op2W = (l, h, y) => {
  const s = (y << 24) >> 24;
  return s >= 0 ? sqlsl64(l, h, s) : rasr64(l, h, -s);
};
export const uqrshl64: Op2W = (l, h, y) => {
  const s = (y << 24) >> 24;
  return s >= 0 ? uqlsl64(l, h, s) : rlsr64(l, h, -s);
};

/** Narrow a 64-bit value to 32 bits with signed (mode 1), unsigned (2) or signed→unsigned (3) saturation; 0 truncates. */
export function narrow64(l: number, h: number, mode: number): number {
  if (mode === 0) return l;
  if (mode === 1) {
    if (h === l >> 31) return l;
    QC = 1;
    return h < 0 ? -0x80000000 : 0x7fffffff;
  }
  if (mode === 2) {
    if (h === 0) return l;
    QC = 1;
    return -1;
  }
  if (h === 0) return l;
  QC = 1;
  return h < 0 ? 0 : -1;
}

/** Narrow a number element (≤ 32 bits source) to ES bits with the same modes as narrow64. */
export function narrowN(v: number, mode: number): number {
  if (mode === 1) return satS(v);
  if (mode === 0) return v;
  return satU(v);
}

/** Set QC from outside (64-bit paths in other files). */
export function qcIf(cond: boolean): void {
  if (cond) QC = 1;
}
