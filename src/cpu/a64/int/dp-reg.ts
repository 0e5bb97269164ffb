/**
 * Semantics of "Data processing -- register" (ARM ARM C4.1.6): logical and
 * add/subtract (shifted and extended register), with carry, conditional
 * compare and select, 1/2/3-source, and the FlagM RMIF/SETF8/SETF16.
 *
 * The unshifted 64-bit forms (MOV, ADD, SUB, CMP, AND, ORR, ...) have their own
 * execs; shifted forms go through shift64/shift32. NOT-operand variants (BIC,
 * ORN, EON, BICS) XOR the operand with a.inv (0 or -1) chosen in prep.
 */
import { dstZR, regSP, srcZR } from '../regs.js';
import { unallocated, type Args, type Exec, type SemanticsTable } from '../semantics-types.js';
import {
  adds32,
  adds64,
  asr64,
  bswap32,
  cls32,
  cls64,
  clz64,
  condHolds,
  logicFlags32,
  logicFlags64,
  lsl64,
  lsr64,
  mul64,
  mulhs32,
  mulhu32,
  rbit32,
  rev16w,
  ror32,
  ror64,
  sdiv64,
  shift32,
  shift64,
  smulh64,
  udiv64,
  umulh64,
} from './alu.js';
import { CRC32C_TABLE, CRC32_TABLE, crcUpdate32 } from './crc32.js';
import {
  add64Code,
  adds32Code,
  adds64Code,
  condExpr,
  logicFlags32Code,
  logicFlags64Code,
  shift32Expr,
  shift64Expr,
  template,
  type Gen,
} from '../templates.js';

// ---------------------------------------------------------------- logical (shifted register)

const mov64: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.d] = x[a.m];
  x[a.d + 1] = x[a.m + 1];
};
const mov32: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.d] = x[a.m];
  x[a.d + 1] = 0;
};
const and64: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.d] = x[a.n] & (x[a.m] ^ a.inv);
  x[a.d + 1] = x[a.n + 1] & (x[a.m + 1] ^ a.inv);
};
const orr64: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.d] = x[a.n] | (x[a.m] ^ a.inv);
  x[a.d + 1] = x[a.n + 1] | (x[a.m + 1] ^ a.inv);
};
const eor64: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.d] = x[a.n] ^ x[a.m] ^ a.inv;
  x[a.d + 1] = x[a.n + 1] ^ x[a.m + 1] ^ a.inv;
};
const ands64: Exec = (cpu, a) => {
  const x = cpu.x;
  const lo = x[a.n] & (x[a.m] ^ a.inv);
  const hi = x[a.n + 1] & (x[a.m + 1] ^ a.inv);
  logicFlags64(cpu, lo, hi);
  x[a.d] = lo;
  x[a.d + 1] = hi;
};
const and32: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.d] = x[a.n] & (x[a.m] ^ a.inv);
  x[a.d + 1] = 0;
};
const orr32: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.d] = x[a.n] | (x[a.m] ^ a.inv);
  x[a.d + 1] = 0;
};
const eor32: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.d] = x[a.n] ^ x[a.m] ^ a.inv;
  x[a.d + 1] = 0;
};
const ands32: Exec = (cpu, a) => {
  const x = cpu.x;
  const r = x[a.n] & (x[a.m] ^ a.inv);
  logicFlags32(cpu, r);
  x[a.d] = r;
  x[a.d + 1] = 0;
};
const andSh64: Exec = (cpu, a) => {
  const x = cpu.x;
  const ml = shift64(cpu, x[a.m], x[a.m + 1], a.st, a.amt) ^ a.inv;
  const mh = cpu.hi ^ a.inv;
  x[a.d] = x[a.n] & ml;
  x[a.d + 1] = x[a.n + 1] & mh;
};
const orrSh64: Exec = (cpu, a) => {
  const x = cpu.x;
  const ml = shift64(cpu, x[a.m], x[a.m + 1], a.st, a.amt) ^ a.inv;
  const mh = cpu.hi ^ a.inv;
  x[a.d] = x[a.n] | ml;
  x[a.d + 1] = x[a.n + 1] | mh;
};
const eorSh64: Exec = (cpu, a) => {
  const x = cpu.x;
  const ml = shift64(cpu, x[a.m], x[a.m + 1], a.st, a.amt) ^ a.inv;
  const mh = cpu.hi ^ a.inv;
  x[a.d] = x[a.n] ^ ml;
  x[a.d + 1] = x[a.n + 1] ^ mh;
};
const andsSh64: Exec = (cpu, a) => {
  const x = cpu.x;
  const ml = shift64(cpu, x[a.m], x[a.m + 1], a.st, a.amt) ^ a.inv;
  const mh = cpu.hi ^ a.inv;
  const lo = x[a.n] & ml;
  const hi = x[a.n + 1] & mh;
  logicFlags64(cpu, lo, hi);
  x[a.d] = lo;
  x[a.d + 1] = hi;
};
const andSh32: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.d] = x[a.n] & (shift32(x[a.m], a.st, a.amt) ^ a.inv);
  x[a.d + 1] = 0;
};
const orrSh32: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.d] = x[a.n] | (shift32(x[a.m], a.st, a.amt) ^ a.inv);
  x[a.d + 1] = 0;
};
const eorSh32: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.d] = x[a.n] ^ shift32(x[a.m], a.st, a.amt) ^ a.inv;
  x[a.d + 1] = 0;
};
const andsSh32: Exec = (cpu, a) => {
  const x = cpu.x;
  const r = x[a.n] & (shift32(x[a.m], a.st, a.amt) ^ a.inv);
  logicFlags32(cpu, r);
  x[a.d] = r;
  x[a.d + 1] = 0;
};

/** TST (shifted register, no shift): flags only. */
const tst64: Exec = (cpu, a) => {
  const x = cpu.x;
  logicFlags64(cpu, x[a.n] & (x[a.m] ^ a.inv), x[a.n + 1] & (x[a.m + 1] ^ a.inv));
};
const tst32: Exec = (cpu, a) => {
  logicFlags32(cpu, cpu.x[a.n] & (cpu.x[a.m] ^ a.inv));
};

// ---------------------------------------------------------------- add/subtract (shifted register)

const add64: Exec = (cpu, a) => {
  const x = cpu.x;
  const lo = (x[a.n] >>> 0) + (x[a.m] >>> 0);
  const hi = (x[a.n + 1] + x[a.m + 1] + (lo > 0xffffffff ? 1 : 0)) | 0;
  x[a.d] = lo | 0;
  x[a.d + 1] = hi;
};
const sub64: Exec = (cpu, a) => {
  const x = cpu.x;
  const lo = (x[a.n] >>> 0) - (x[a.m] >>> 0);
  const hi = (x[a.n + 1] - x[a.m + 1] - (lo < 0 ? 1 : 0)) | 0;
  x[a.d] = lo | 0;
  x[a.d + 1] = hi;
};
const adds64r: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.d] = adds64(cpu, x[a.n], x[a.n + 1], x[a.m], x[a.m + 1], 0);
  x[a.d + 1] = cpu.hi;
};
const subs64r: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.d] = adds64(cpu, x[a.n], x[a.n + 1], ~x[a.m], ~x[a.m + 1], 1);
  x[a.d + 1] = cpu.hi;
};
const add32: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.d] = (x[a.n] + x[a.m]) | 0;
  x[a.d + 1] = 0;
};
const sub32: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.d] = (x[a.n] - x[a.m]) | 0;
  x[a.d + 1] = 0;
};
const adds32r: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.d] = adds32(cpu, x[a.n], x[a.m], 0);
  x[a.d + 1] = 0;
};
const subs32r: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.d] = adds32(cpu, x[a.n], ~x[a.m], 1);
  x[a.d + 1] = 0;
};
/** CMP/CMN (register, no shift): flags only; a.inv/a.cin select CMP. */
const cmp64r: Exec = (cpu, a) => {
  const x = cpu.x;
  adds64(cpu, x[a.n], x[a.n + 1], x[a.m] ^ a.inv, x[a.m + 1] ^ a.inv, a.cin);
};
const cmp32r: Exec = (cpu, a) => {
  adds32(cpu, cpu.x[a.n], cpu.x[a.m] ^ a.inv, a.cin);
};
/** Shifted forms: operand = shift(Xm) XOR a.inv, plus a.cin (SUB = ADD NOT m + 1). */
const addSh64: Exec = (cpu, a) => {
  const x = cpu.x;
  const ml = shift64(cpu, x[a.m], x[a.m + 1], a.st, a.amt) ^ a.inv;
  const mh = cpu.hi ^ a.inv;
  const lo = (x[a.n] >>> 0) + (ml >>> 0) + a.cin;
  x[a.d + 1] = (x[a.n + 1] + mh + (lo > 0xffffffff ? 1 : 0)) | 0;
  x[a.d] = lo | 0;
};
/** ADD/SUB 64 with LSL #amt (address arithmetic: the common shifted form). */
const addLsl64: Exec = (cpu, a) => {
  const x = cpu.x;
  const ml = lsl64(cpu, x[a.m], x[a.m + 1], a.amt) ^ a.inv;
  const mh = cpu.hi ^ a.inv;
  const lo = (x[a.n] >>> 0) + (ml >>> 0) + a.cin;
  x[a.d + 1] = (x[a.n + 1] + mh + (lo > 0xffffffff ? 1 : 0)) | 0;
  x[a.d] = lo | 0;
};
const addsSh64: Exec = (cpu, a) => {
  const x = cpu.x;
  const ml = shift64(cpu, x[a.m], x[a.m + 1], a.st, a.amt) ^ a.inv;
  x[a.d] = adds64(cpu, x[a.n], x[a.n + 1], ml, cpu.hi ^ a.inv, a.cin);
  x[a.d + 1] = cpu.hi;
};
const addSh32: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.d] = (x[a.n] + (shift32(x[a.m], a.st, a.amt) ^ a.inv) + a.cin) | 0;
  x[a.d + 1] = 0;
};
const addsSh32: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.d] = adds32(cpu, x[a.n], shift32(x[a.m], a.st, a.amt) ^ a.inv, a.cin);
  x[a.d + 1] = 0;
};

// ---------------------------------------------------------------- add/subtract (extended register)

/** ExtendReg(Xm, option, shift) of ARM ARM, 64-bit; returns lo, hi in cpu.hi. */
function extendReg(cpu: import('../cpu.js').A64Cpu, lo: number, hi: number, option: number, sh: number): number {
  switch (option) {
    case 0:
      lo &= 0xff;
      hi = 0;
      break;
    case 1:
      lo &= 0xffff;
      hi = 0;
      break;
    case 2:
      hi = 0;
      break;
    case 3:
      break;
    case 4:
      lo = (lo << 24) >> 24;
      hi = lo >> 31;
      break;
    case 5:
      lo = (lo << 16) >> 16;
      hi = lo >> 31;
      break;
    case 6:
      hi = lo >> 31;
      break;
    default:
      break;
  }
  return lsl64(cpu, lo, hi, sh);
}
const addExt64: Exec = (cpu, a) => {
  const x = cpu.x;
  const ml = extendReg(cpu, x[a.m], x[a.m + 1], a.option, a.imm3) ^ a.inv;
  const mh = cpu.hi ^ a.inv;
  const lo = (x[a.n] >>> 0) + (ml >>> 0) + a.cin;
  x[a.d + 1] = (x[a.n + 1] + mh + (lo > 0xffffffff ? 1 : 0)) | 0;
  x[a.d] = lo | 0;
};
const addsExt64: Exec = (cpu, a) => {
  const x = cpu.x;
  const ml = extendReg(cpu, x[a.m], x[a.m + 1], a.option, a.imm3) ^ a.inv;
  x[a.d] = adds64(cpu, x[a.n], x[a.n + 1], ml, cpu.hi ^ a.inv, a.cin);
  x[a.d + 1] = cpu.hi;
};
const addExt32: Exec = (cpu, a) => {
  const x = cpu.x;
  const m = extendReg(cpu, x[a.m], 0, a.option, a.imm3) ^ a.inv;
  x[a.d] = (x[a.n] + m + a.cin) | 0;
  x[a.d + 1] = 0;
};
const addsExt32: Exec = (cpu, a) => {
  const x = cpu.x;
  const m = extendReg(cpu, x[a.m], 0, a.option, a.imm3) ^ a.inv;
  x[a.d] = adds32(cpu, x[a.n], m, a.cin);
  x[a.d + 1] = 0;
};

// ---------------------------------------------------------------- add/subtract (with carry)

const adc64: Exec = (cpu, a) => {
  const x = cpu.x;
  const ml = x[a.m] ^ a.inv;
  const mh = x[a.m + 1] ^ a.inv;
  const lo = (x[a.n] >>> 0) + (ml >>> 0) + cpu.c;
  x[a.d + 1] = (x[a.n + 1] + mh + (lo > 0xffffffff ? 1 : 0)) | 0;
  x[a.d] = lo | 0;
};
const adcs64: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.d] = adds64(cpu, x[a.n], x[a.n + 1], x[a.m] ^ a.inv, x[a.m + 1] ^ a.inv, cpu.c);
  x[a.d + 1] = cpu.hi;
};
const adc32: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.d] = (x[a.n] + (x[a.m] ^ a.inv) + cpu.c) | 0;
  x[a.d + 1] = 0;
};
const adcs32: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.d] = adds32(cpu, x[a.n], x[a.m] ^ a.inv, cpu.c);
  x[a.d + 1] = 0;
};

// ---------------------------------------------------------------- FlagM

const rmif: Exec = (cpu, a) => {
  const x = cpu.x;
  const t = ror64(cpu, x[a.n], x[a.n + 1], a.imm6);
  const m = a.mask;
  if (m & 8) cpu.n = (t >>> 3) & 1;
  if (m & 4) cpu.z = (t >>> 2) & 1;
  if (m & 2) cpu.c = (t >>> 1) & 1;
  if (m & 1) cpu.v = t & 1;
};
/** SETF8/SETF16: a.sb = 7 or 15 (the sign bit of the narrow value). */
const setf: Exec = (cpu, a) => {
  const v = cpu.x[a.n];
  cpu.n = (v >>> a.sb) & 1;
  cpu.z = v << (31 - a.sb) === 0 ? 1 : 0;
  cpu.v = ((v >>> (a.sb + 1)) ^ (v >>> a.sb)) & 1;
};

// ---------------------------------------------------------------- conditional compare and select

/** CCMP/CCMN: if cond then flags of AddWithCarry(Xn, op2 ^ inv, cin) else #nzcv. */
const ccmpReg64: Exec = (cpu, a) => {
  if (condHolds(cpu, a.cond)) {
    const x = cpu.x;
    adds64(cpu, x[a.n], x[a.n + 1], x[a.m] ^ a.inv, x[a.m + 1] ^ a.inv, a.cin);
  } else cpu.nzcv = a.flags;
};
const ccmpReg32: Exec = (cpu, a) => {
  if (condHolds(cpu, a.cond)) adds32(cpu, cpu.x[a.n], cpu.x[a.m] ^ a.inv, a.cin);
  else cpu.nzcv = a.flags;
};
const ccmpImm64: Exec = (cpu, a) => {
  if (condHolds(cpu, a.cond)) adds64(cpu, cpu.x[a.n], cpu.x[a.n + 1], a.bl, a.bh, a.cin);
  else cpu.nzcv = a.flags;
};
const ccmpImm32: Exec = (cpu, a) => {
  if (condHolds(cpu, a.cond)) adds32(cpu, cpu.x[a.n], a.bl, a.cin);
  else cpu.nzcv = a.flags;
};

/** CSEL/CSINV: Xd = cond ? Xn : Xm ^ inv (a.inv = -1 for CSINV). */
const csel64: Exec = (cpu, a) => {
  const x = cpu.x;
  if (condHolds(cpu, a.cond)) {
    x[a.d] = x[a.n];
    x[a.d + 1] = x[a.n + 1];
  } else {
    x[a.d] = x[a.m] ^ a.inv;
    x[a.d + 1] = x[a.m + 1] ^ a.inv;
  }
};
const csel32: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.d] = condHolds(cpu, a.cond) ? x[a.n] : x[a.m] ^ a.inv;
  x[a.d + 1] = 0;
};
/** CSINC/CSNEG: Xd = cond ? Xn : (Xm ^ inv) + 1 (a.inv = -1 for CSNEG). */
const csinc64: Exec = (cpu, a) => {
  const x = cpu.x;
  if (condHolds(cpu, a.cond)) {
    x[a.d] = x[a.n];
    x[a.d + 1] = x[a.n + 1];
  } else {
    const lo = ((x[a.m] ^ a.inv) >>> 0) + 1;
    x[a.d + 1] = ((x[a.m + 1] ^ a.inv) + (lo > 0xffffffff ? 1 : 0)) | 0;
    x[a.d] = lo | 0;
  }
};
const csinc32: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.d] = condHolds(cpu, a.cond) ? x[a.n] : ((x[a.m] ^ a.inv) + 1) | 0;
  x[a.d + 1] = 0;
};
/** CSET Wd/Xd, cond (CSINC ZR, ZR with the inverted condition). */
const cset: Exec = (cpu, a) => {
  cpu.x[a.d] = condHolds(cpu, a.cond) ^ 1;
  cpu.x[a.d + 1] = 0;
};

// ---------------------------------------------------------------- data-processing (2 source)

const udivX: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.d] = udiv64(cpu, x[a.n], x[a.n + 1], x[a.m], x[a.m + 1]);
  x[a.d + 1] = cpu.hi;
};
const sdivX: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.d] = sdiv64(cpu, x[a.n], x[a.n + 1], x[a.m], x[a.m + 1]);
  x[a.d + 1] = cpu.hi;
};
const udivW: Exec = (cpu, a) => {
  const x = cpu.x;
  const m = x[a.m] >>> 0;
  x[a.d] = m === 0 ? 0 : ((x[a.n] >>> 0) / m) | 0;
  x[a.d + 1] = 0;
};
const sdivW: Exec = (cpu, a) => {
  const x = cpu.x;
  const m = x[a.m];
  // Truncating toward zero; INT32_MIN / -1 wraps to INT32_MIN through |0.
  x[a.d] = m === 0 ? 0 : (x[a.n] / m) | 0;
  x[a.d + 1] = 0;
};
const lslvX: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.d] = lsl64(cpu, x[a.n], x[a.n + 1], x[a.m] & 63);
  x[a.d + 1] = cpu.hi;
};
const lsrvX: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.d] = lsr64(cpu, x[a.n], x[a.n + 1], x[a.m] & 63);
  x[a.d + 1] = cpu.hi;
};
const asrvX: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.d] = asr64(cpu, x[a.n], x[a.n + 1], x[a.m] & 63);
  x[a.d + 1] = cpu.hi;
};
const rorvX: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.d] = ror64(cpu, x[a.n], x[a.n + 1], x[a.m] & 63);
  x[a.d + 1] = cpu.hi;
};
// JS masks 32-bit shift counts to 5 bits, which is exactly UInt(Wm) MOD 32.
const lslvW: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.d] = x[a.n] << x[a.m];
  x[a.d + 1] = 0;
};
const lsrvW: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.d] = x[a.n] >>> x[a.m];
  x[a.d + 1] = 0;
};
const asrvW: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.d] = x[a.n] >> x[a.m];
  x[a.d + 1] = 0;
};
const rorvW: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.d] = ror32(x[a.n], x[a.m] & 31);
  x[a.d + 1] = 0;
};
const crcW: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.d] = crcUpdate32(CRC32_TABLE, x[a.n], x[a.m], a.bytes);
  x[a.d + 1] = 0;
};
const crcCW: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.d] = crcUpdate32(CRC32C_TABLE, x[a.n], x[a.m], a.bytes);
  x[a.d + 1] = 0;
};
const crcX: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.d] = crcUpdate32(CRC32_TABLE, crcUpdate32(CRC32_TABLE, x[a.n], x[a.m], 4), x[a.m + 1], 4);
  x[a.d + 1] = 0;
};
const crcCX: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.d] = crcUpdate32(CRC32C_TABLE, crcUpdate32(CRC32C_TABLE, x[a.n], x[a.m], 4), x[a.m + 1], 4);
  x[a.d + 1] = 0;
};

// ---------------------------------------------------------------- data-processing (1 source)

const rbitX: Exec = (cpu, a) => {
  const x = cpu.x;
  const lo = x[a.n];
  x[a.d] = rbit32(x[a.n + 1]);
  x[a.d + 1] = rbit32(lo);
};
const rev16X: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.d] = rev16w(x[a.n]);
  x[a.d + 1] = rev16w(x[a.n + 1]);
};
const rev32X: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.d] = bswap32(x[a.n]);
  x[a.d + 1] = bswap32(x[a.n + 1]);
};
const revX: Exec = (cpu, a) => {
  const x = cpu.x;
  const lo = x[a.n];
  x[a.d] = bswap32(x[a.n + 1]);
  x[a.d + 1] = bswap32(lo);
};
const rbitW: Exec = (cpu, a) => {
  cpu.x[a.d] = rbit32(cpu.x[a.n]);
  cpu.x[a.d + 1] = 0;
};
const rev16W: Exec = (cpu, a) => {
  cpu.x[a.d] = rev16w(cpu.x[a.n]);
  cpu.x[a.d + 1] = 0;
};
const revW: Exec = (cpu, a) => {
  cpu.x[a.d] = bswap32(cpu.x[a.n]);
  cpu.x[a.d + 1] = 0;
};
const clzX: Exec = (cpu, a) => {
  cpu.x[a.d] = clz64(cpu.x[a.n], cpu.x[a.n + 1]);
  cpu.x[a.d + 1] = 0;
};
const clsX: Exec = (cpu, a) => {
  cpu.x[a.d] = cls64(cpu.x[a.n], cpu.x[a.n + 1]);
  cpu.x[a.d + 1] = 0;
};
const clzW: Exec = (cpu, a) => {
  cpu.x[a.d] = Math.clz32(cpu.x[a.n]);
  cpu.x[a.d + 1] = 0;
};
const clsW: Exec = (cpu, a) => {
  cpu.x[a.d] = cls32(cpu.x[a.n]);
  cpu.x[a.d + 1] = 0;
};

// ---------------------------------------------------------------- data-processing (3 source)

const maddX: Exec = (cpu, a) => {
  const x = cpu.x;
  const pl = mul64(cpu, x[a.n], x[a.n + 1], x[a.m], x[a.m + 1]);
  const lo = (x[a.a] >>> 0) + (pl >>> 0);
  x[a.d + 1] = (x[a.a + 1] + cpu.hi + (lo > 0xffffffff ? 1 : 0)) | 0;
  x[a.d] = lo | 0;
};
const msubX: Exec = (cpu, a) => {
  const x = cpu.x;
  const pl = mul64(cpu, x[a.n], x[a.n + 1], x[a.m], x[a.m + 1]);
  const lo = (x[a.a] >>> 0) - (pl >>> 0);
  x[a.d + 1] = (x[a.a + 1] - cpu.hi - (lo < 0 ? 1 : 0)) | 0;
  x[a.d] = lo | 0;
};
const maddW: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.d] = (x[a.a] + Math.imul(x[a.n], x[a.m])) | 0;
  x[a.d + 1] = 0;
};
const msubW: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.d] = (x[a.a] - Math.imul(x[a.n], x[a.m])) | 0;
  x[a.d + 1] = 0;
};
/** SMADDL/UMADDL: Xa + (32x32 -> 64). */
const smaddl: Exec = (cpu, a) => {
  const x = cpu.x;
  const n = x[a.n];
  const m = x[a.m];
  const lo = (x[a.a] >>> 0) + (Math.imul(n, m) >>> 0);
  x[a.d + 1] = (x[a.a + 1] + mulhs32(n, m) + (lo > 0xffffffff ? 1 : 0)) | 0;
  x[a.d] = lo | 0;
};
const umaddl: Exec = (cpu, a) => {
  const x = cpu.x;
  const n = x[a.n];
  const m = x[a.m];
  const lo = (x[a.a] >>> 0) + (Math.imul(n, m) >>> 0);
  x[a.d + 1] = (x[a.a + 1] + mulhu32(n, m) + (lo > 0xffffffff ? 1 : 0)) | 0;
  x[a.d] = lo | 0;
};
/** SMSUBL/UMSUBL: Xa - (32x32 -> 64). */
const smsubl: Exec = (cpu, a) => {
  const x = cpu.x;
  const n = x[a.n];
  const m = x[a.m];
  const lo = (x[a.a] >>> 0) - (Math.imul(n, m) >>> 0);
  x[a.d + 1] = (x[a.a + 1] - mulhs32(n, m) - (lo < 0 ? 1 : 0)) | 0;
  x[a.d] = lo | 0;
};
const umsubl: Exec = (cpu, a) => {
  const x = cpu.x;
  const n = x[a.n];
  const m = x[a.m];
  const lo = (x[a.a] >>> 0) - (Math.imul(n, m) >>> 0);
  x[a.d + 1] = (x[a.a + 1] - mulhu32(n, m) - (lo < 0 ? 1 : 0)) | 0;
  x[a.d] = lo | 0;
};
const smulhX: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.d] = smulh64(cpu, x[a.n], x[a.n + 1], x[a.m], x[a.m + 1]);
  x[a.d + 1] = cpu.hi;
};
const umulhX: Exec = (cpu, a) => {
  const x = cpu.x;
  x[a.d] = umulh64(cpu, x[a.n], x[a.n + 1], x[a.m], x[a.m + 1]);
  x[a.d + 1] = cpu.hi;
};

/** Common register fields: n, m (31 = ZR), d (31 = ZR). */
function regs3(a: { [k: string]: number }): void {
  a.n = srcZR(a.rn);
  a.m = srcZR(a.rm);
  a.d = dstZR(a.rd);
}

export const dpRegSemantics: SemanticsTable = {
  LOGIC_reg: {
    prep(a) {
      regs3(a);
      const op = a.opc * 2 + a.N;
      a.inv = a.N ? -1 : 0;
      a.st = a.shift;
      a.amt = a.imm6;
      if (!a.sf && a.imm6 > 31) return unallocated;
      const k = a.opc; // and, orr, eor, ands (N inverts the operand)
      if (a.shift === 0 && a.imm6 === 0) {
        if (op === 2 && a.rn === 31) return a.sf ? mov64 : mov32; // MOV (register)
        if (op === 6 && a.rd === 31) return a.sf ? tst64 : tst32; // TST (register)
        return a.sf ? [and64, orr64, eor64, ands64][k] : [and32, orr32, eor32, ands32][k];
      }
      return a.sf ? [andSh64, orrSh64, eorSh64, andsSh64][k] : [andSh32, orrSh32, eorSh32, andsSh32][k];
    },
    exec: and64,
  },
  ADD_SUB_shift: {
    prep(a) {
      regs3(a);
      a.inv = a.op ? -1 : 0;
      a.cin = a.op;
      a.st = a.shift;
      a.amt = a.imm6;
      if (a.shift === 3 || (!a.sf && a.imm6 > 31)) return unallocated;
      if (a.imm6 === 0) {
        if (a.S && a.rd === 31) return a.sf ? cmp64r : cmp32r; // CMP/CMN (register)
        if (a.sf) return a.S ? (a.op ? subs64r : adds64r) : a.op ? sub64 : add64;
        return a.S ? (a.op ? subs32r : adds32r) : a.op ? sub32 : add32;
      }
      if (a.sf) return a.S ? addsSh64 : a.shift === 0 ? addLsl64 : addSh64;
      return a.S ? addsSh32 : addSh32;
    },
    exec: add64,
  },
  ADD_SUB_ext: {
    prep(a) {
      a.n = regSP(a.rn);
      a.m = srcZR(a.rm);
      a.d = a.S ? dstZR(a.rd) : regSP(a.rd);
      a.inv = a.op ? -1 : 0;
      a.cin = a.op;
      if (a.imm3 > 4) return unallocated;
      if (a.sf) return a.S ? addsExt64 : addExt64;
      return a.S ? addsExt32 : addExt32;
    },
    exec: addExt64,
  },
  ADC_SBC: {
    prep(a) {
      regs3(a);
      a.inv = a.op ? -1 : 0; // SBC = ADC with NOT(Xm)
      if (a.sf) return a.S ? adcs64 : adc64;
      return a.S ? adcs32 : adc32;
    },
    exec: adc64,
  },
  RMIF: {
    prep(a) {
      a.n = srcZR(a.rn);
    },
    exec: rmif,
  },
  SETF: {
    prep(a) {
      a.n = srcZR(a.rn);
      a.sb = a.sz ? 15 : 7;
    },
    exec: setf,
  },
  CCMP_reg: {
    prep(a) {
      a.n = srcZR(a.rn);
      a.m = srcZR(a.rm);
      a.inv = a.op ? -1 : 0; // CCMP subtracts, CCMN adds
      a.cin = a.op;
      a.flags = a.nzcv << 28;
      return a.sf ? ccmpReg64 : ccmpReg32;
    },
    exec: ccmpReg64,
  },
  CCMP_imm: {
    prep(a) {
      a.n = srcZR(a.rn);
      a.bl = a.op ? ~a.imm5 : a.imm5;
      a.bh = a.op ? -1 : 0;
      a.cin = a.op;
      a.flags = a.nzcv << 28;
      return a.sf ? ccmpImm64 : ccmpImm32;
    },
    exec: ccmpImm64,
  },
  CSEL: {
    prep(a) {
      regs3(a);
      a.inv = a.op ? -1 : 0;
      if (a.o2 === 1 && a.op === 0 && a.rn === 31 && a.rm === 31) {
        // CSET: 1 when the condition fails (CSINC WZR, WZR).
        return cset;
      }
      if (a.o2) return a.sf ? csinc64 : csinc32;
      return a.sf ? csel64 : csel32;
    },
    exec: csel64,
  },
  DIV: {
    prep(a) {
      regs3(a);
      if (a.sf) return a.o1 ? sdivX : udivX;
      return a.o1 ? sdivW : udivW;
    },
    exec: udivX,
  },
  SHIFTV: {
    prep(a) {
      regs3(a);
      return a.sf ? [lslvX, lsrvX, asrvX, rorvX][a.op2] : [lslvW, lsrvW, asrvW, rorvW][a.op2];
    },
    exec: lslvX,
  },
  CRC32: {
    prep(a) {
      regs3(a);
      a.bytes = 1 << a.sz;
      if ((a.sf === 1) !== (a.sz === 3)) return unallocated;
      if (a.sz === 3) return a.C ? crcCX : crcX;
      return a.C ? crcCW : crcW;
    },
    exec: crcW,
  },
  RBIT_REV: {
    prep(a) {
      a.n = srcZR(a.rn);
      a.d = dstZR(a.rd);
      if (a.sf) return [rbitX, rev16X, rev32X, revX][a.opc];
      return a.opc === 3 ? unallocated : [rbitW, rev16W, revW][a.opc];
    },
    exec: rbitX,
  },
  CLZ_CLS: {
    prep(a) {
      a.n = srcZR(a.rn);
      a.d = dstZR(a.rd);
      return a.sf ? (a.op ? clsX : clzX) : a.op ? clsW : clzW;
    },
    exec: clzX,
  },
  MADD_MSUB: {
    prep(a) {
      regs3(a);
      a.a = srcZR(a.ra);
      return a.sf ? (a.o0 ? msubX : maddX) : a.o0 ? msubW : maddW;
    },
    exec: maddX,
  },
  MADDL: {
    prep(a) {
      regs3(a);
      a.a = srcZR(a.ra);
      if (a.o0) return a.u ? umsubl : smsubl;
      return a.u ? umaddl : smaddl;
    },
    exec: smaddl,
  },
  MULH: {
    prep(a) {
      regs3(a);
      return a.u ? umulhX : smulhX;
    },
    exec: smulhX,
  },
};

// ---------------------------------------------------------------- templates for compiled blocks (templates.ts)

const inv = (a: Args): string => (a.inv ? ' ^ -1' : '');
template(mov64, {
  op: (a, g) => `const _l = ${g.r(a.m)}, _h = ${g.r(a.m + 1)}; ${g.r(a.d)} = _l; ${g.r(a.d + 1)} = _h;`,
});
template(mov32, { op: (a, g) => `${g.r(a.d)} = ${g.r(a.m)}; ${g.r(a.d + 1)} = 0;` });
/** Logical ops: operand m shifted (constant type/amount) and optionally inverted; flags for ANDS. */
const logic64 =
  (op: string, flags: boolean, write = true) =>
  (a: Args, g: Gen): string => {
    const [ml, mh] = shift64Expr(a.st, '_ml', '_mh', a.amt);
    let s =
      `const _ml = ${g.r(a.m)}, _mh = ${g.r(a.m + 1)};` +
      `const _l = ${g.r(a.n)} ${op} (${ml}${inv(a)}), _h = ${g.r(a.n + 1)} ${op} (${mh}${inv(a)});`;
    if (flags) s += logicFlags64Code('_l', '_h');
    if (write) s += `${g.r(a.d)} = _l; ${g.r(a.d + 1)} = _h;`;
    return s;
  };
const logic32 =
  (op: string, flags: boolean, write = true) =>
  (a: Args, g: Gen): string => {
    let s = `const _r = ${g.r(a.n)} ${op} (${shift32Expr(a.st, g.r(a.m), a.amt)}${inv(a)});`;
    if (flags) s += logicFlags32Code('_r');
    if (write) s += `${g.r(a.d)} = _r; ${g.r(a.d + 1)} = 0;`;
    return s;
  };
for (const [e64, e32, op, flags] of [
  [and64, and32, '&', false],
  [orr64, orr32, '|', false],
  [eor64, eor32, '^', false],
  [ands64, ands32, '&', true],
  [andSh64, andSh32, '&', false],
  [orrSh64, orrSh32, '|', false],
  [eorSh64, eorSh32, '^', false],
  [andsSh64, andsSh32, '&', true],
] as const) {
  template(e64, { op: logic64(op, flags) });
  template(e32, { op: logic32(op, flags) });
}
template(tst64, { op: logic64('&', true, false) });
template(tst32, { op: logic32('&', true, false) });

/** ADD/SUB (shifted register, no flags): Rn + (shift(Rm) ^ inv) + cin. */
const addSub64 = (a: Args, g: Gen): string => {
  const [ml, mh] = shift64Expr(a.st, '_ml', '_mh', a.amt);
  return (
    `const _ml = ${g.r(a.m)}, _mh = ${g.r(a.m + 1)};` +
    add64Code(g.r(a.n), g.r(a.n + 1), `${ml}${inv(a)}`, `${mh}${inv(a)}`, `${a.cin}`, g.r(a.d), g.r(a.d + 1), false)
  );
};
const addSub32 = (a: Args, g: Gen): string =>
  `${g.r(a.d)} = (${g.r(a.n)} + (${shift32Expr(a.st, g.r(a.m), a.amt)}${inv(a)}) + ${a.cin}) | 0; ${g.r(a.d + 1)} = 0;`;
/** ADDS/SUBS/CMP/CMN (shifted register). */
const addsSub64 =
  (write: boolean) =>
  (a: Args, g: Gen): string => {
    const [ml, mh] = shift64Expr(a.st, '_ml', '_mh', a.amt);
    return (
      `const _ml = ${g.r(a.m)}, _mh = ${g.r(a.m + 1)};` +
      adds64Code(
        g.r(a.n),
        g.r(a.n + 1),
        `${ml}${inv(a)}`,
        `${mh}${inv(a)}`,
        `${a.cin}`,
        write ? g.r(a.d) : null,
        g.r(a.d + 1),
      )
    );
  };
const addsSub32 =
  (write: boolean) =>
  (a: Args, g: Gen): string =>
    adds32Code(
      g.r(a.n),
      `${shift32Expr(a.st, g.r(a.m), a.amt)}${inv(a)}`,
      `${a.cin}`,
      write ? g.r(a.d) : null,
      g.r(a.d + 1),
    );
for (const e of [add64, sub64, addSh64, addLsl64]) template(e, { op: addSub64 });
for (const e of [add32, sub32, addSh32]) template(e, { op: addSub32 });
for (const e of [adds64r, subs64r, addsSh64]) template(e, { op: addsSub64(true) });
for (const e of [adds32r, subs32r, addsSh32]) template(e, { op: addsSub32(true) });
template(cmp64r, { op: addsSub64(false) });
template(cmp32r, { op: addsSub32(false) });

// ADC/SBC: carry in from C.
template(adc64, {
  op: (a, g) =>
    add64Code(
      g.r(a.n),
      g.r(a.n + 1),
      `${g.r(a.m)}${inv(a)}`,
      `${g.r(a.m + 1)}${inv(a)}`,
      'cpu.c',
      g.r(a.d),
      g.r(a.d + 1),
      false,
    ),
});
template(adc32, {
  op: (a, g) => `${g.r(a.d)} = (${g.r(a.n)} + (${g.r(a.m)}${inv(a)}) + cpu.c) | 0; ${g.r(a.d + 1)} = 0;`,
});
template(adcs64, {
  op: (a, g) =>
    adds64Code(
      g.r(a.n),
      g.r(a.n + 1),
      `${g.r(a.m)}${inv(a)}`,
      `${g.r(a.m + 1)}${inv(a)}`,
      'cpu.c',
      g.r(a.d),
      g.r(a.d + 1),
    ),
});
template(adcs32, { op: (a, g) => adds32Code(g.r(a.n), `${g.r(a.m)}${inv(a)}`, 'cpu.c', g.r(a.d), g.r(a.d + 1)) });

// CCMP/CCMN: flags of the compare when the condition holds, else #nzcv.
const nzcvCode = (f: number): string =>
  `cpu.n = ${(f >>> 31) & 1}; cpu.z = ${(f >>> 30) & 1}; cpu.c = ${(f >>> 29) & 1}; cpu.v = ${(f >>> 28) & 1};`;
template(ccmpReg64, {
  op: (a, g) =>
    `if (${condExpr(a.cond)}) { ${adds64Code(g.r(a.n), g.r(a.n + 1), `${g.r(a.m)}${inv(a)}`, `${g.r(a.m + 1)}${inv(a)}`, `${a.cin}`, null, null)} }` +
    ` else { ${nzcvCode(a.flags)} }`,
});
template(ccmpReg32, {
  op: (a, g) =>
    `if (${condExpr(a.cond)}) { ${adds32Code(g.r(a.n), `${g.r(a.m)}${inv(a)}`, `${a.cin}`, null, null)} } else { ${nzcvCode(a.flags)} }`,
});
template(ccmpImm64, {
  op: (a, g) =>
    `if (${condExpr(a.cond)}) { ${adds64Code(g.r(a.n), g.r(a.n + 1), `${a.bl | 0}`, `${a.bh | 0}`, `${a.cin}`, null, null)} }` +
    ` else { ${nzcvCode(a.flags)} }`,
});
template(ccmpImm32, {
  op: (a, g) =>
    `if (${condExpr(a.cond)}) { ${adds32Code(g.r(a.n), `${a.bl | 0}`, `${a.cin}`, null, null)} } else { ${nzcvCode(a.flags)} }`,
});

// CSEL/CSINV/CSINC/CSNEG/CSET.
template(csel64, {
  op: (a, g) =>
    `let _l, _h; if (${condExpr(a.cond)}) { _l = ${g.r(a.n)}; _h = ${g.r(a.n + 1)}; }` +
    ` else { _l = ${g.r(a.m)}${inv(a)}; _h = ${g.r(a.m + 1)}${inv(a)}; } ${g.r(a.d)} = _l; ${g.r(a.d + 1)} = _h;`,
});
template(csel32, {
  op: (a, g) => `${g.r(a.d)} = ${condExpr(a.cond)} ? ${g.r(a.n)} : ${g.r(a.m)}${inv(a)}; ${g.r(a.d + 1)} = 0;`,
});
template(csinc64, {
  op: (a, g) =>
    `let _l, _h; if (${condExpr(a.cond)}) { _l = ${g.r(a.n)}; _h = ${g.r(a.n + 1)}; }` +
    ` else { _l = ((${g.r(a.m)}${inv(a)}) + 1) | 0; _h = ((${g.r(a.m + 1)}${inv(a)}) + (_l === 0 ? 1 : 0)) | 0; }` +
    ` ${g.r(a.d)} = _l; ${g.r(a.d + 1)} = _h;`,
});
template(csinc32, {
  op: (a, g) =>
    `${g.r(a.d)} = ${condExpr(a.cond)} ? ${g.r(a.n)} : ((${g.r(a.m)}${inv(a)}) + 1) | 0; ${g.r(a.d + 1)} = 0;`,
});
template(cset, { op: (a, g) => `${g.r(a.d)} = ${condExpr(a.cond)} ? 0 : 1; ${g.r(a.d + 1)} = 0;` });

// Multiply-add.
template(maddW, {
  op: (a, g) => `${g.r(a.d)} = (${g.r(a.a)} + Math.imul(${g.r(a.n)}, ${g.r(a.m)})) | 0; ${g.r(a.d + 1)} = 0;`,
});
template(msubW, {
  op: (a, g) => `${g.r(a.d)} = (${g.r(a.a)} - Math.imul(${g.r(a.n)}, ${g.r(a.m)})) | 0; ${g.r(a.d + 1)} = 0;`,
});
template(maddX, {
  op: (a, g) =>
    `const _nl = ${g.r(a.n)}, _nh = ${g.r(a.n + 1)}, _ml = ${g.r(a.m)}, _mh = ${g.r(a.m + 1)}, _al = ${g.r(a.a)}, _ah = ${g.r(a.a + 1)};` +
    `const _ph = (L.mulhu32(_nl, _ml) + Math.imul(_nl, _mh) + Math.imul(_nh, _ml)) | 0; const _pl = Math.imul(_nl, _ml);` +
    `const _l = (_al + _pl) | 0; ${g.r(a.d + 1)} = (_ah + _ph + ((_l >>> 0) < (_al >>> 0) ? 1 : 0)) | 0; ${g.r(a.d)} = _l;`,
});
template(msubX, {
  op: (a, g) =>
    `const _nl = ${g.r(a.n)}, _nh = ${g.r(a.n + 1)}, _ml = ${g.r(a.m)}, _mh = ${g.r(a.m + 1)}, _al = ${g.r(a.a)}, _ah = ${g.r(a.a + 1)};` +
    `const _ph = (L.mulhu32(_nl, _ml) + Math.imul(_nl, _mh) + Math.imul(_nh, _ml)) | 0; const _pl = Math.imul(_nl, _ml);` +
    `const _l = (_al - _pl) | 0; ${g.r(a.d + 1)} = (_ah - _ph - ((_al >>> 0) < (_pl >>> 0) ? 1 : 0)) | 0; ${g.r(a.d)} = _l;`,
});
template(clzX, {
  op: (a, g) =>
    `const _h = ${g.r(a.n + 1)}; ${g.r(a.d)} = _h !== 0 ? Math.clz32(_h) : 32 + Math.clz32(${g.r(a.n)}); ${g.r(a.d + 1)} = 0;`,
});
template(clzW, { op: (a, g) => `${g.r(a.d)} = Math.clz32(${g.r(a.n)}); ${g.r(a.d + 1)} = 0;` });
