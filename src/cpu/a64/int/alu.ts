/**
 * 64-bit integer arithmetic on 32-bit halves, for the base-instruction execs.
 *
 * Convention: a 64-bit value is (lo, hi), both int32. Helpers that produce a
 * 64-bit result return the low half and leave the high half in `cpu.hi` (the
 * CPU's scratch slot), so nothing is allocated. Everything here is exact
 * 32-bit integer math (Math.imul, 16-bit limbs), never BigInt.
 */
import type { A64Cpu } from '../cpu.js';

const TWO32 = 4294967296;

/**
 * AddWithCarry(x, y, carry_in) of ARM ARM J1 (shared/functions/integer), 64-bit,
 * setting NZCV. SUBS is AddWithCarry(x, NOT y, 1).
 */
export function adds64(cpu: A64Cpu, al: number, ah: number, bl: number, bh: number, cin: number): number {
  const sl = (al >>> 0) + (bl >>> 0) + cin;
  const sh = (ah >>> 0) + (bh >>> 0) + (sl > 0xffffffff ? 1 : 0);
  const rl = sl | 0;
  const rh = sh | 0;
  cpu.n = rh >>> 31;
  cpu.z = (rl | rh) === 0 ? 1 : 0;
  cpu.c = sh > 0xffffffff ? 1 : 0;
  cpu.v = ((ah ^ rh) & (bh ^ rh)) >>> 31;
  cpu.hi = rh;
  return rl;
}

/** AddWithCarry, 32-bit, setting NZCV; returns the result. */
export function adds32(cpu: A64Cpu, a: number, b: number, cin: number): number {
  const s = (a >>> 0) + (b >>> 0) + cin;
  const r = s | 0;
  cpu.n = r >>> 31;
  cpu.z = r === 0 ? 1 : 0;
  cpu.c = s > 0xffffffff ? 1 : 0;
  cpu.v = ((a ^ r) & (b ^ r)) >>> 31;
  return r;
}

/** N and Z from a 64-bit result, C = V = 0 (logical flag-setting ops). */
export function logicFlags64(cpu: A64Cpu, lo: number, hi: number): void {
  cpu.n = hi >>> 31;
  cpu.z = (lo | hi) === 0 ? 1 : 0;
  cpu.c = 0;
  cpu.v = 0;
}

export function logicFlags32(cpu: A64Cpu, r: number): void {
  cpu.n = r >>> 31;
  cpu.z = r === 0 ? 1 : 0;
  cpu.c = 0;
  cpu.v = 0;
}

// ---- shifts of a 64-bit value by 0..63 (amount known or masked by the caller)

export function lsl64(cpu: A64Cpu, lo: number, hi: number, s: number): number {
  if (s === 0) {
    cpu.hi = hi;
    return lo;
  }
  if (s < 32) {
    cpu.hi = (hi << s) | (lo >>> (32 - s));
    return lo << s;
  }
  cpu.hi = lo << (s - 32);
  return 0;
}

export function lsr64(cpu: A64Cpu, lo: number, hi: number, s: number): number {
  if (s === 0) {
    cpu.hi = hi;
    return lo;
  }
  if (s < 32) {
    cpu.hi = hi >>> s;
    return (lo >>> s) | (hi << (32 - s));
  }
  cpu.hi = 0;
  return hi >>> (s - 32);
}

export function asr64(cpu: A64Cpu, lo: number, hi: number, s: number): number {
  if (s === 0) {
    cpu.hi = hi;
    return lo;
  }
  if (s < 32) {
    cpu.hi = hi >> s;
    return (lo >>> s) | (hi << (32 - s));
  }
  cpu.hi = hi >> 31;
  return hi >> (s - 32);
}

export function ror64(cpu: A64Cpu, lo: number, hi: number, s: number): number {
  if (s >= 32) {
    const t = lo;
    lo = hi;
    hi = t;
    s -= 32;
  }
  if (s === 0) {
    cpu.hi = hi;
    return lo;
  }
  cpu.hi = (hi >>> s) | (lo << (32 - s));
  return (lo >>> s) | (hi << (32 - s));
}

/** 32-bit rotate right by 0..31. */
export const ror32 = (v: number, s: number): number => (s === 0 ? v : (v >>> s) | (v << (32 - s)));

/** Shift a 64-bit operand by type (0 LSL, 1 LSR, 2 ASR, 3 ROR). */
export function shift64(cpu: A64Cpu, lo: number, hi: number, type: number, s: number): number {
  switch (type) {
    case 0:
      return lsl64(cpu, lo, hi, s);
    case 1:
      return lsr64(cpu, lo, hi, s);
    case 2:
      return asr64(cpu, lo, hi, s);
    default:
      return ror64(cpu, lo, hi, s);
  }
}

/** Shift a 32-bit operand by type (0 LSL, 1 LSR, 2 ASR, 3 ROR), amount 0..31. */
export function shift32(v: number, type: number, s: number): number {
  switch (type) {
    case 0:
      return v << s;
    case 1:
      return v >>> s;
    case 2:
      return v >> s;
    default:
      return ror32(v, s);
  }
}

// ---- multiplication

/** High 32 bits of the unsigned 64-bit product a*b (16-bit limbs, exact). */
export function mulhu32(a: number, b: number): number {
  const a0 = a & 0xffff;
  const a1 = a >>> 16;
  const b0 = b & 0xffff;
  const b1 = b >>> 16;
  const p01 = a0 * b1;
  const p10 = a1 * b0;
  const mid = ((a0 * b0) >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
  return (a1 * b1 + (p01 >>> 16) + (p10 >>> 16) + (mid >>> 16)) | 0;
}

/** High 32 bits of the signed 64-bit product a*b. */
export function mulhs32(a: number, b: number): number {
  return (mulhu32(a, b) - (a < 0 ? b : 0) - (b < 0 ? a : 0)) | 0;
}

/** Low 64 bits of (al,ah)*(bl,bh); returns lo, hi in cpu.hi. */
export function mul64(cpu: A64Cpu, al: number, ah: number, bl: number, bh: number): number {
  cpu.hi = (mulhu32(al, bl) + Math.imul(al, bh) + Math.imul(ah, bl)) | 0;
  return Math.imul(al, bl);
}

/** High 64 bits of the unsigned 128-bit product; returns lo, hi in cpu.hi. */
export function umulh64(cpu: A64Cpu, al: number, ah: number, bl: number, bh: number): number {
  const p00h = mulhu32(al, bl) >>> 0;
  const p01l = Math.imul(al, bh) >>> 0;
  const p01h = mulhu32(al, bh) >>> 0;
  const p10l = Math.imul(ah, bl) >>> 0;
  const p10h = mulhu32(ah, bl) >>> 0;
  const p11l = Math.imul(ah, bh) >>> 0;
  const p11h = mulhu32(ah, bh) >>> 0;
  const c1 = Math.floor((p00h + p01l + p10l) / TWO32);
  const col2 = p01h + p10h + p11l + c1;
  const c2 = Math.floor(col2 / TWO32);
  cpu.hi = (p11h + c2) | 0;
  return col2 | 0;
}

/** High 64 bits of the signed 128-bit product; returns lo, hi in cpu.hi. */
export function smulh64(cpu: A64Cpu, al: number, ah: number, bl: number, bh: number): number {
  let lo = umulh64(cpu, al, ah, bl, bh);
  let hi = cpu.hi;
  // Signed correction: subtract b (as 2^64 * b) when a < 0 and a when b < 0.
  if (ah < 0) {
    const t = (lo >>> 0) - (bl >>> 0);
    hi = (hi - bh - (t < 0 ? 1 : 0)) | 0;
    lo = t | 0;
  }
  if (bh < 0) {
    const t = (lo >>> 0) - (al >>> 0);
    hi = (hi - ah - (t < 0 ? 1 : 0)) | 0;
    lo = t | 0;
  }
  cpu.hi = hi;
  return lo;
}

// ---- division (ARM ARM: division by zero gives 0, no trap)

/** Unsigned 64-bit division; returns the quotient's lo, hi in cpu.hi. */
export function udiv64(cpu: A64Cpu, nl: number, nh: number, dl: number, dh: number): number {
  const n = (nh >>> 0) * TWO32 + (nl >>> 0);
  const d = (dh >>> 0) * TWO32 + (dl >>> 0);
  if (d === 0) {
    cpu.hi = 0;
    return 0;
  }
  if (n < 9007199254740992) {
    // Both below 2^53: the double quotient is within one of the truth.
    let q = Math.floor(n / d);
    const r = n - q * d;
    if (r < 0) q--;
    else if (r >= d) q++;
    cpu.hi = (q / TWO32) | 0;
    return q | 0;
  }
  return udiv64Long(cpu, nl, nh, dl, dh);
}

/** Restoring binary long division, exact for any 64-bit operands (d != 0). */
function udiv64Long(cpu: A64Cpu, nl: number, nh: number, dl: number, dh: number): number {
  let ql = 0;
  let qh = 0;
  let rl = 0;
  let rh = 0;
  const dhu = dh >>> 0;
  const dlu = dl >>> 0;
  for (let i = 63; i >= 0; i--) {
    const out = rh >>> 31;
    const bit = i >= 32 ? (nh >>> (i - 32)) & 1 : (nl >>> i) & 1;
    rh = (rh << 1) | (rl >>> 31);
    rl = (rl << 1) | bit;
    if (out || rh >>> 0 > dhu || (rh >>> 0 === dhu && rl >>> 0 >= dlu)) {
      const t = (rl >>> 0) - dlu;
      rh = (rh - dh - (t < 0 ? 1 : 0)) | 0;
      rl = t | 0;
      if (i >= 32) qh |= 1 << (i - 32);
      else ql |= 1 << i;
    }
  }
  cpu.hi = qh;
  return ql;
}

/** Signed 64-bit division, rounding toward zero; INT64_MIN / -1 = INT64_MIN. */
export function sdiv64(cpu: A64Cpu, nl: number, nh: number, dl: number, dh: number): number {
  const nneg = nh < 0;
  const dneg = dh < 0;
  if (nneg) {
    nl = -nl | 0;
    nh = (~nh + (nl === 0 ? 1 : 0)) | 0;
  }
  if (dneg) {
    dl = -dl | 0;
    dh = (~dh + (dl === 0 ? 1 : 0)) | 0;
  }
  let ql = udiv64(cpu, nl, nh, dl, dh);
  let qh = cpu.hi;
  if (nneg !== dneg) {
    ql = -ql | 0;
    qh = (~qh + (ql === 0 ? 1 : 0)) | 0;
  }
  cpu.hi = qh;
  return ql;
}

// ---- bit counting and reversal

/** Reverse the bits of a 32-bit value. */
export function rbit32(v: number): number {
  v = ((v >>> 1) & 0x55555555) | ((v & 0x55555555) << 1);
  v = ((v >>> 2) & 0x33333333) | ((v & 0x33333333) << 2);
  v = ((v >>> 4) & 0x0f0f0f0f) | ((v & 0x0f0f0f0f) << 4);
  v = ((v >>> 8) & 0x00ff00ff) | ((v & 0x00ff00ff) << 8);
  return (v >>> 16) | (v << 16);
}

/** Reverse the bytes of a 32-bit value. */
export const bswap32 = (v: number): number => (v >>> 24) | ((v >>> 8) & 0xff00) | ((v & 0xff00) << 8) | (v << 24);

/** Swap the bytes within each 16-bit half. */
export const rev16w = (v: number): number => ((v >>> 8) & 0x00ff00ff) | ((v & 0x00ff00ff) << 8);

/** CountLeadingSignBits of a 32-bit value (ARM ARM: CLS). */
export const cls32 = (v: number): number => Math.clz32(v ^ (v >> 1)) - 1;

/** CLS of a 64-bit value. */
export function cls64(lo: number, hi: number): number {
  // x XOR (x ASR 1), then count leading zeros over 64 bits, minus 1.
  const yh = hi ^ (hi >> 1);
  const yl = lo ^ ((lo >>> 1) | (hi << 31));
  return (yh !== 0 ? Math.clz32(yh) : 32 + Math.clz32(yl)) - 1;
}

export const clz64 = (lo: number, hi: number): number => (hi !== 0 ? Math.clz32(hi) : 32 + Math.clz32(lo));

/** ConditionHolds (ARM ARM J1, shared/functions/system) on cpu.n/z/c/v; returns 0/1. */
export function condHolds(cpu: A64Cpu, cond: number): number {
  switch (cond) {
    case 0:
      return cpu.z;
    case 1:
      return cpu.z ^ 1;
    case 2:
      return cpu.c;
    case 3:
      return cpu.c ^ 1;
    case 4:
      return cpu.n;
    case 5:
      return cpu.n ^ 1;
    case 6:
      return cpu.v;
    case 7:
      return cpu.v ^ 1;
    case 8:
      return cpu.c & (cpu.z ^ 1);
    case 9:
      return (cpu.c & (cpu.z ^ 1)) ^ 1;
    case 10:
      return cpu.n ^ cpu.v ^ 1;
    case 11:
      return cpu.n ^ cpu.v;
    case 12:
      return ((cpu.n ^ cpu.v) | cpu.z) ^ 1;
    case 13:
      return (cpu.n ^ cpu.v) | cpu.z;
    default:
      return 1; // AL, and NV which behaves as AL in A64
  }
}
