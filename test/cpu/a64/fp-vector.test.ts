/**
 * Floating point in Advanced SIMD (the fp-vector area), one behaviour per
 * test. Every expected value was produced by qemu-aarch64 7.2 (-cpu max)
 * running the same instruction on the same register state and FPCR.
 * Registers not given are filled with a byte pattern; run() checks
 * that the instruction leaves them unchanged (the scratch registers some
 * instructions borrow are restored).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StopReason } from '../../../src/cpu/a64/cpu.js';
import { CODE, cpuWith, runToSvc } from '../../helpers/a64.js';

/** Register contents given as lanes of one size (unlisted lanes are zero). */
interface Lanes {
  es: 2 | 4 | 8;
  v: (number | bigint)[];
}
const S = (...v: number[]): Lanes => ({ es: 4, v });
const H = (...v: number[]): Lanes => ({ es: 2, v });
const D = (...v: bigint[]): Lanes => ({ es: 8, v });
const fill = (r: number, i: number): number => ((r * 16 + i) * 7 + 3) & 0xff;

interface Result {
  fpsr: number;
  h(reg: number): number[];
  s(reg: number): number[];
  d(reg: number): bigint[];
}

/** Run one instruction on the given registers and FPCR; check that only Vout changed. */
const shared = cpuWith([0]);

function run(word: number, fpcr: number, regs: Record<number, Lanes>, out: number): Result {
  // One CPU for every test: write the word and drop the decoded page.
  const t = shared;
  const cpu = t.cpu;
  const code = new Uint8Array(4);
  new DataView(code.buffer).setUint32(0, word, true);
  t.mem.writeBytes(CODE, code);
  cpu.code.invalidateAll();
  cpu.pc = BigInt(CODE);
  for (let i = 0; i < 512; i++) cpu.v8[i] = fill(i >> 4, i & 15);
  for (const [k, lanes] of Object.entries(regs)) {
    const base = Number(k) * 16;
    cpu.v8.fill(0, base, base + 16);
    const dv = new DataView(cpu.vbuf, base, 16);
    lanes.v.forEach((v, i) => {
      if (lanes.es === 8) dv.setBigUint64(i * 8, BigInt(v), true);
      else if (lanes.es === 2) dv.setUint16(i * 2, Number(v), true);
      else dv.setUint32(i * 4, Number(v) >>> 0, true);
    });
  }
  const before = cpu.v8.slice();
  cpu.fpcr = fpcr;
  cpu.fpsr = 0;
  runToSvc(t);
  for (let i = 0; i < 512; i++)
    if (i >> 4 !== out) assert.equal(cpu.v8[i], before[i], `V${i >> 4} byte ${i & 15} changed`);
  const view = (reg: number): DataView => new DataView(cpu.vbuf, reg * 16, 16);
  return {
    fpsr: cpu.fpsr,
    h: (reg) => Array.from({ length: 8 }, (_, i) => view(reg).getUint16(i * 2, true)),
    s: (reg) => Array.from({ length: 4 }, (_, i) => view(reg).getUint32(i * 4, true)),
    d: (reg) => Array.from({ length: 2 }, (_, i) => view(reg).getBigUint64(i * 8, true)),
  };
}

test('FADD (vector, 4S) adds lane by lane; a signalling NaN in either operand wins and is quieted (IOC)', () => {
  // fadd v0.4s, v1.4s, v2.4s
  const r = run(
    0x4e22d420,
    0x0,
    { 1: S(0x3f800000, 0x7fc00000, 0x7f800001, 0x40000000), 2: S(0x3f800000, 0x7f800002, 0xffc00000, 0x40400000) },
    0,
  );
  assert.deepEqual(r.s(0), [0x40000000, 0x7fc00002, 0x7fc00001, 0x40a00000]);
  assert.equal(r.fpsr, 0x1);
});

test('FADD (vector, 4S) with FPCR.DN gives the default NaN in NaN lanes', () => {
  // fadd v0.4s, v1.4s, v2.4s
  const r = run(
    0x4e22d420,
    0x2000000,
    { 1: S(0x3f800000, 0x7fc00005, 0x7f800001, 0x40000000), 2: S(0x3f800000, 0x3f800000, 0x3f800000, 0x40400000) },
    0,
  );
  assert.deepEqual(r.s(0), [0x40000000, 0x7fc00000, 0x7fc00000, 0x40a00000]);
  assert.equal(r.fpsr, 0x1);
});

test('FMUL (vector, 2S) zeroes the upper 64 bits of Vd', () => {
  // fmul v0.2s, v1.2s, v2.2s
  const r = run(
    0x2e22dc20,
    0x0,
    { 1: S(0x3fc00000, 0xc0200000, 0x40e00000, 0x41100000), 2: S(0x40000000, 0x3f000000, 0x40400000, 0x40400000) },
    0,
  );
  assert.deepEqual(r.s(0), [0x40400000, 0xbfa00000, 0x0, 0x0]);
  assert.equal(r.fpsr, 0x0);
});

test('FADD (vector, 8H) works on FP16 lanes: overflow to infinity (OFC, IXC), NaNs, denormals', () => {
  // fadd v0.8h, v1.8h, v2.8h
  const r = run(
    0x4e421420,
    0x0,
    {
      1: H(0x7bff, 0x3c00, 0x1, 0x7e00, 0x8001, 0x3555, 0x7d00, 0xfbff),
      2: H(0x7bff, 0x3c00, 0x1, 0x3c00, 0x1, 0x3555, 0x3c00, 0xfbff),
    },
    0,
  );
  assert.deepEqual(r.h(0), [0x7c00, 0x4000, 0x2, 0x7e00, 0x0, 0x3955, 0x7f00, 0xfc00]);
  assert.equal(r.fpsr, 0x15);
});

test('FADD (vector, 4H) with FPCR.FZ16 flushes FP16 denormal inputs', () => {
  // fadd v0.4h, v1.4h, v2.4h
  const r = run(0x0e421420, 0x80000, { 1: H(0x1, 0x200, 0x3c00, 0x8001), 2: H(0x1, 0x0, 0x1, 0x0) }, 0);
  assert.deepEqual(r.h(0), [0x0, 0x0, 0x3c00, 0x0, 0x0, 0x0, 0x0, 0x0]);
  assert.equal(r.fpsr, 0x0);
});

test('FMUL (vector, 4S) with FPCR.FZ flushes denormal inputs (IDC) and tiny results (UFC)', () => {
  // fmul v0.4s, v1.4s, v2.4s
  const r = run(
    0x6e22dc20,
    0x1000000,
    { 1: S(0x1, 0x800000, 0x3f800000, 0x400000), 2: S(0x3f800000, 0x3f000000, 0x400000, 0x4b000000) },
    0,
  );
  assert.deepEqual(r.s(0), [0x0, 0x0, 0x0, 0x0]);
  assert.equal(r.fpsr, 0x88);
});

test('FADD (vector, 2D) rounds by FPCR.RMode (toward plus infinity)', () => {
  // fadd v0.2d, v1.2d, v2.2d
  const r = run(
    0x4e62d420,
    0x400000,
    { 1: D(0x3ff0000000000000n, 0xbff0000000000000n), 2: D(0x3c30000000000000n, 0xbc30000000000000n) },
    0,
  );
  assert.deepEqual(r.d(0), [0x3ff0000000000001n, 0xbff0000000000000n]);
  assert.equal(r.fpsr, 0x10);
});

test('FABS (vector, 4S) clears only the sign bit, keeping NaN payloads, raising nothing', () => {
  // fabs v0.4s, v1.4s
  const r = run(0x4ea0f820, 0x0, { 1: S(0xff800001, 0xffc12345, 0x80000000, 0xbf800000) }, 0);
  assert.deepEqual(r.s(0), [0x7f800001, 0x7fc12345, 0x0, 0x3f800000]);
  assert.equal(r.fpsr, 0x0);
});

test('FNEG (vector, 8H) flips only the sign bit, signalling NaNs included', () => {
  // fneg v0.8h, v1.8h
  const r = run(0x6ef8f820, 0x0, { 1: H(0x7d00, 0xfe01, 0x0, 0x8000, 0x3c00, 0xbc00, 0x7c00, 0x1) }, 0);
  assert.deepEqual(r.h(0), [0xfd00, 0x7e01, 0x8000, 0x0, 0xbc00, 0x3c00, 0xfc00, 0x8001]);
  assert.equal(r.fpsr, 0x0);
});

test('FABD (vector, 4S) is |n - m|, clearing the sign of NaN results too', () => {
  // fabd v0.4s, v1.4s, v2.4s
  const r = run(
    0x6ea2d420,
    0x0,
    { 1: S(0xffc00001, 0x3f800000, 0x40400000, 0xff800001), 2: S(0x3f800000, 0x40400000, 0x3f800000, 0x3f800000) },
    0,
  );
  assert.deepEqual(r.s(0), [0x7fc00001, 0x40000000, 0x40000000, 0x7fc00001]);
  assert.equal(r.fpsr, 0x1);
});

test('FMLA (vector, 4S) fuses: one rounding; a quiet NaN addend does not hide 0 * inf (IOC)', () => {
  // fmla v0.4s, v1.4s, v2.4s
  const r = run(
    0x4e22cc20,
    0x0,
    {
      0: S(0xbf800000, 0x3f800000, 0x7fc00007, 0x7f800000),
      1: S(0x3f800001, 0x40000000, 0x0, 0x7f800000),
      2: S(0x3f7ffffe, 0x40400000, 0x7f800000, 0xbf800000),
    },
    0,
  );
  assert.deepEqual(r.s(0), [0xa8800000, 0x40e00000, 0x7fc00000, 0x7fc00000]);
  assert.equal(r.fpsr, 0x1);
});

test('FMLS (vector, 2D) negates Vn first, so a NaN taken from Vn has its sign flipped', () => {
  // fmls v0.2d, v1.2d, v2.2d
  const r = run(
    0x4ee2cc20,
    0x0,
    {
      0: D(0x3ff0000000000000n, 0x4000000000000000n),
      1: D(0x7ff8000000000123n, 0x4008000000000000n),
      2: D(0x3ff0000000000000n, 0x3fe0000000000000n),
    },
    0,
  );
  assert.deepEqual(r.d(0), [0xfff8000000000123n, 0x3fe0000000000000n]);
  assert.equal(r.fpsr, 0x0);
});

test('FADDP (vector, 4S) adds adjacent pairs of Vn then of Vm, also when Vd is Vn', () => {
  // faddp v1.4s, v1.4s, v2.4s
  const r = run(
    0x6e22d421,
    0x0,
    { 1: S(0x3f800000, 0x40000000, 0x40400000, 0x40800000), 2: S(0x41200000, 0x41a00000, 0x41f00000, 0x42200000) },
    1,
  );
  assert.deepEqual(r.s(1), [0x40400000, 0x40e00000, 0x41f00000, 0x428c0000]);
  assert.equal(r.fpsr, 0x0);
});

test('FMAXP (vector, 8H) takes maxima of adjacent FP16 pairs, NaNs propagate', () => {
  // fmaxp v0.8h, v1.8h, v2.8h
  const r = run(
    0x6e423420,
    0x0,
    {
      1: H(0x3c00, 0x4000, 0x7e01, 0x3c00, 0xbc00, 0x8000, 0x0, 0x8000),
      2: H(0x7bff, 0xfbff, 0x3c00, 0x7d02, 0x4400, 0x4200, 0x1, 0x2),
    },
    0,
  );
  assert.deepEqual(r.h(0), [0x4000, 0x7e01, 0x8000, 0x0, 0x7bff, 0x7f02, 0x4400, 0x2]);
  assert.equal(r.fpsr, 0x1);
});

test('FMINNMP (vector, 2D) prefers numbers to quiet NaNs, also when Vd is Vm', () => {
  // fminnmp v2.2d, v1.2d, v2.2d
  const r = run(
    0x6ee2c422,
    0x0,
    { 1: D(0x7ff8000000000000n, 0x4014000000000000n), 2: D(0x3ff0000000000000n, 0x4000000000000000n) },
    2,
  );
  assert.deepEqual(r.d(2), [0x4014000000000000n, 0x3ff0000000000000n]);
  assert.equal(r.fpsr, 0x0);
});

test('FMAXV (4S) follows the Reduce() tree: max(max(l0,l1), max(l2,l3)) picks the quiet NaN of lane 1 over the signalling NaN of lane 2', () => {
  // fmaxv s0, v1.4s
  const r = run(0x6e30f820, 0x0, { 1: S(0x3f800000, 0x7fc00011, 0x7f800022, 0x40000000) }, 0);
  assert.deepEqual(r.s(0), [0x7fc00011, 0x0, 0x0, 0x0]);
  assert.equal(r.fpsr, 0x1);
});

test('FMINNMV (8H) reduces all eight FP16 lanes, ignoring quiet NaNs', () => {
  // fminnmv h0, v1.8h
  const r = run(0x4eb0c820, 0x0, { 1: H(0x7e00, 0x4000, 0x3c00, 0x7e00, 0xbc00, 0x4400, 0x7e00, 0x7e00) }, 0);
  assert.deepEqual(r.h(0), [0xbc00, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0]);
  assert.equal(r.fpsr, 0x0);
});

test('FMINV (4H) reduces the four lanes of a 64-bit FP16 vector', () => {
  // fminv h0, v1.4h
  const r = run(0x0eb0f820, 0x0, { 1: H(0x4000, 0x3c00, 0x4400, 0x3800, 0xbc00, 0xbc00, 0xbc00, 0xbc00) }, 0);
  assert.deepEqual(r.h(0), [0x3800, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0]);
  assert.equal(r.fpsr, 0x0);
});

test('FADDP (scalar, 2D) adds the two lanes and zeroes the rest of Vd', () => {
  // faddp d0, v1.2d
  const r = run(0x7e70d820, 0x0, { 1: D(0x3ff8000000000000n, 0x4002000000000000n) }, 0);
  assert.deepEqual(r.d(0), [0x400e000000000000n, 0x0n]);
  assert.equal(r.fpsr, 0x0);
});

test('FADDP (scalar, FP16) adds the two low FP16 lanes', () => {
  // faddp h0, v1.2h
  const r = run(0x5e30d820, 0x0, { 1: H(0x3c00, 0x3800, 0x7e00, 0x7e00) }, 0);
  assert.deepEqual(r.h(0), [0x3e00, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0]);
  assert.equal(r.fpsr, 0x0);
});

test('FMAXNMP (scalar, 2S) of a quiet NaN and a number is the number', () => {
  // fmaxnmp s0, v1.2s
  const r = run(0x7e30c820, 0x0, { 1: S(0x7fc00000, 0xc0400000, 0x42c80000, 0x42c80000) }, 0);
  assert.deepEqual(r.s(0), [0xc0400000, 0x0, 0x0, 0x0]);
  assert.equal(r.fpsr, 0x0);
});

test('FCVTN2 narrows into the upper half keeping the lower half, also when Vd is Vn', () => {
  // fcvtn2 v1.8h, v1.4s
  const r = run(0x4e216821, 0x0, { 1: S(0x3f800000, 0x477ff000, 0x322bcc77, 0x7fc12345) }, 1);
  assert.deepEqual(r.h(1), [0x0, 0x3f80, 0xf000, 0x477f, 0x3c00, 0x7c00, 0x0, 0x7e09]);
  assert.equal(r.fpsr, 0x1c);
});

test('FCVTN (4S to 4H) with FPCR.AHP produces the alternative half-precision format', () => {
  // fcvtn v0.4h, v1.4s
  const r = run(0x0e216820, 0x4000000, { 1: S(0x3f800000, 0x48000000, 0x7f800000, 0x7fc00000) }, 0);
  assert.deepEqual(r.h(0), [0x3c00, 0x7fff, 0x7fff, 0x0, 0x0, 0x0, 0x0, 0x0]);
  assert.equal(r.fpsr, 0x1);
});

test('FCVTL2 widens the upper FP16 half of Vn exactly, quieting signalling NaNs (IOC)', () => {
  // fcvtl2 v0.4s, v1.8h
  const r = run(0x4e217820, 0x0, { 1: H(0x0, 0x0, 0x0, 0x0, 0x3c00, 0x7d01, 0x1, 0xfc00) }, 0);
  assert.deepEqual(r.s(0), [0x3f800000, 0x7fe02000, 0x33800000, 0xff800000]);
  assert.equal(r.fpsr, 0x1);
});

test('FCVTL (2S to 2D) when Vd is Vn', () => {
  // fcvtl v1.2d, v1.2s
  const r = run(0x0e617821, 0x0, { 1: S(0x3fc00000, 0x7f800123, 0x41100000, 0x41100000) }, 1);
  assert.deepEqual(r.d(1), [0x3ff8000000000000n, 0x7ff8002460000000n]);
  assert.equal(r.fpsr, 0x1);
});

test('FCVTXN rounds to odd: an inexact result gets its lowest mantissa bit set', () => {
  // fcvtxn v0.2s, v1.2d
  const r = run(0x2e616820, 0x0, { 1: D(0x3ff0000004000000n, 0x3ff0000000000000n) }, 0);
  assert.deepEqual(r.s(0), [0x3f800001, 0x3f800000, 0x0, 0x0]);
  assert.equal(r.fpsr, 0x10);
});

test('FCVTXN (scalar) overflows to the largest normal, not infinity (OFC, IXC)', () => {
  // fcvtxn s0, d1
  const r = run(0x7e616820, 0x0, { 1: D(0x7e37e43c8800759cn, 0x0n) }, 0);
  assert.deepEqual(r.s(0), [0x7f7fffff, 0x0, 0x0, 0x0]);
  assert.equal(r.fpsr, 0x14);
});

test('FCVTXN2 writes the upper half: exact denormal stays exact, 1+2^-52 becomes odd', () => {
  // fcvtxn2 v0.4s, v1.2d
  const r = run(0x6e616820, 0x0, { 0: S(0x1, 0x2, 0x3, 0x4), 1: D(0x3730000000000000n, 0x3ff0000000000001n) }, 0);
  assert.deepEqual(r.s(0), [0x1, 0x2, 0x200, 0x3f800001]);
  assert.equal(r.fpsr, 0x10);
});

test('FCVTXN with FPCR.FZ flushes a denormal double input (IDC) and a tiny result (UFC)', () => {
  // fcvtxn v0.2s, v1.2d
  const r = run(0x2e616820, 0x1000000, { 1: D(0x1n, 0x37d0000000000000n) }, 0);
  assert.deepEqual(r.s(0), [0x0, 0x0, 0x0, 0x0]);
  assert.equal(r.fpsr, 0x88);
});

test('SCVTF (vector, fixed-point, 4S) divides by 2^fbits and rounds to nearest', () => {
  // scvtf v0.4s, v1.4s, #3
  const r = run(0x4f3de420, 0x0, { 1: S(0x8, 0xfffffff4, 0x7fffffff, 0x1) }, 0);
  assert.deepEqual(r.s(0), [0x3f800000, 0xbfc00000, 0x4d800000, 0x3e000000]);
  assert.equal(r.fpsr, 0x10);
});

test('UCVTF (scalar, fixed-point, double) with #64 rounds 2^64-1 over 2^64 up to 1.0', () => {
  // ucvtf d0, d1, #64
  const r = run(0x7f40e420, 0x0, { 1: D(0xffffffffffffffffn, 0x5n) }, 0);
  assert.deepEqual(r.d(0), [0x3ff0000000000000n, 0x0n]);
  assert.equal(r.fpsr, 0x10);
});

test('FCVTZS (vector, fixed-point, 4S) scales by 2^fbits, truncates and saturates (IOC)', () => {
  // fcvtzs v0.4s, v1.4s, #4
  const r = run(0x4f3cfc20, 0x0, { 1: S(0x3fc00000, 0xbcf5c28f, 0x4d800000, 0x7fc00000) }, 0);
  assert.deepEqual(r.s(0), [0x18, 0x0, 0x7fffffff, 0x0]);
  assert.equal(r.fpsr, 0x11);
});

test('FCVTZU (vector, fixed-point, 8H) saturates FP16 lanes to 16 bits', () => {
  // fcvtzu v0.8h, v1.8h, #2
  const r = run(0x6f1efc20, 0x0, { 1: H(0x3c00, 0x7bff, 0xbc00, 0x3e00, 0x3555, 0x7e00, 0x1, 0x4000) }, 0);
  assert.deepEqual(r.h(0), [0x4, 0xffff, 0x0, 0x6, 0x1, 0x0, 0x0, 0x8]);
  assert.equal(r.fpsr, 0x11);
});

test('SCVTF (scalar, fixed-point, FP16) converts a signed 16-bit lane', () => {
  // scvtf h0, h1, #1
  const r = run(0x5f1fe420, 0x0, { 1: H(0x8001, 0x1234) }, 0);
  assert.deepEqual(r.h(0), [0xf400, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0]);
  assert.equal(r.fpsr, 0x10);
});

test('FCVTNS (vector) rounds ties to even', () => {
  // fcvtns v0.4s, v1.4s
  const r = run(0x4e21a820, 0x0, { 1: S(0x40200000, 0xc0200000, 0x3f000000, 0xbfc00000) }, 0);
  assert.deepEqual(r.s(0), [0x2, 0xfffffffe, 0x0, 0xfffffffe]);
  assert.equal(r.fpsr, 0x10);
});

test('FCVTAS (vector) rounds ties away from zero', () => {
  // fcvtas v0.4s, v1.4s
  const r = run(0x4e21c820, 0x0, { 1: S(0x40200000, 0xc0200000, 0x3f000000, 0xbfc00000) }, 0);
  assert.deepEqual(r.s(0), [0x3, 0xfffffffd, 0x1, 0xfffffffe]);
  assert.equal(r.fpsr, 0x10);
});

test('FCVTMS (vector) rounds toward minus infinity', () => {
  // fcvtms v0.4s, v1.4s
  const r = run(0x4e21b820, 0x0, { 1: S(0x40200000, 0xc0200000, 0x3f000000, 0xbfc00000) }, 0);
  assert.deepEqual(r.s(0), [0x2, 0xfffffffd, 0x0, 0xfffffffe]);
  assert.equal(r.fpsr, 0x10);
});

test('FCVTPU (vector) rounds toward plus infinity and saturates negatives to 0 (IOC)', () => {
  // fcvtpu v0.4s, v1.4s
  const r = run(0x6ea1a820, 0x0, { 1: S(0x40200000, 0xc0200000, 0x3f000000, 0xbfc00000) }, 0);
  assert.deepEqual(r.s(0), [0x3, 0x0, 0x1, 0x0]);
  assert.equal(r.fpsr, 0x11);
});

test('FCVTZS (scalar, double) saturates to the 64-bit range (IOC)', () => {
  // fcvtzs d0, d1
  const r = run(0x5ee1b820, 0x0, { 1: D(0x43e0000000000000n, 0x0n) }, 0);
  assert.deepEqual(r.d(0), [0x7fffffffffffffffn, 0x0n]);
  assert.equal(r.fpsr, 0x1);
});

test('FCVTZU (scalar, FP16) converts into a 16-bit lane', () => {
  // fcvtzu h0, h1
  const r = run(0x7ef9b820, 0x0, { 1: H(0x7bff, 0x3c00) }, 0);
  assert.deepEqual(r.h(0), [0xffe0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0]);
  assert.equal(r.fpsr, 0x0);
});

test('FCVTZS (scalar, FP16) saturates to the signed 16-bit range', () => {
  // fcvtzs h0, h1
  const r = run(0x5ef9b820, 0x0, { 1: H(0x7bff, 0x3c00) }, 0);
  assert.deepEqual(r.h(0), [0x7fff, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0]);
  assert.equal(r.fpsr, 0x1);
});

test('SCVTF (vector, 2D) rounds 64-bit integers by FPCR (toward plus infinity)', () => {
  // scvtf v0.2d, v1.2d
  const r = run(0x4e61d820, 0x400000, { 1: D(0x20000000000001n, 0xfffffffffffffffdn) }, 0);
  assert.deepEqual(r.d(0), [0x4340000000000001n, 0xc008000000000000n]);
  assert.equal(r.fpsr, 0x10);
});

test('UCVTF (scalar, FP16) overflows 65535 to infinity', () => {
  // ucvtf h0, h1
  const r = run(0x7e79d820, 0x0, { 1: H(0xffff, 0x1) }, 0);
  assert.deepEqual(r.h(0), [0x7c00, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0]);
  assert.equal(r.fpsr, 0x14);
});

test('FRINTX (vector) rounds by FPCR and raises Inexact', () => {
  // frintx v0.4s, v1.4s
  const r = run(0x6e219820, 0x0, { 1: S(0x40200000, 0xbf000000, 0x3f800000, 0x501502f9) }, 0);
  assert.deepEqual(r.s(0), [0x40000000, 0x80000000, 0x3f800000, 0x501502f9]);
  assert.equal(r.fpsr, 0x10);
});

test('FRINTI (vector) rounds by FPCR.RMode (toward minus infinity) without Inexact', () => {
  // frinti v0.4s, v1.4s
  const r = run(0x6ea19820, 0x800000, { 1: S(0x40200000, 0xbf000000, 0x3f800000, 0xba83126f) }, 0);
  assert.deepEqual(r.s(0), [0x40000000, 0xbf800000, 0x3f800000, 0xbf800000]);
  assert.equal(r.fpsr, 0x0);
});

test('FRINTA (vector, 8H) rounds ties away from zero; NaNs are processed', () => {
  // frinta v0.8h, v1.8h
  const r = run(0x6e798820, 0x0, { 1: H(0x4100, 0xc100, 0x3800, 0xb800, 0x3e00, 0x7e00, 0x7d00, 0x1) }, 0);
  assert.deepEqual(r.h(0), [0x4200, 0xc200, 0x3c00, 0xbc00, 0x4000, 0x7e00, 0x7f00, 0x0]);
  assert.equal(r.fpsr, 0x1);
});

test('FRINTN (vector, 2D) rounds ties to even', () => {
  // frintn v0.2d, v1.2d
  const r = run(0x4e618820, 0x0, { 1: D(0x4004000000000000n, 0xc00c000000000000n) }, 0);
  assert.deepEqual(r.d(0), [0x4000000000000000n, 0xc010000000000000n]);
  assert.equal(r.fpsr, 0x0);
});

test('FRINT32Z (vector, 2D) gives -2^31 for out-of-range lanes (IOC)', () => {
  // frint32z v0.2d, v1.2d
  const r = run(0x4e61e820, 0x0, { 1: D(0x4202a05f20000000n, 0xc00599999999999an) }, 0);
  assert.deepEqual(r.d(0), [0xc1e0000000000000n, 0xc000000000000000n]);
  assert.equal(r.fpsr, 0x11);
});

test('FRINT64X (vector, 4S) rounds by FPCR with Inexact', () => {
  // frint64x v0.4s, v1.4s
  const r = run(0x6e21f820, 0x0, { 1: S(0x40200000, 0xf149f2ca, 0x7fc00000, 0x3f400000) }, 0);
  assert.deepEqual(r.s(0), [0x40000000, 0xdf000000, 0xdf000000, 0x3f800000]);
  assert.equal(r.fpsr, 0x11);
});

test('FCMGT (vector, register) gives all-ones lanes; a quiet NaN signals IOC', () => {
  // fcmgt v0.4s, v1.4s, v2.4s
  const r = run(
    0x6ea2e420,
    0x0,
    { 1: S(0x3f800000, 0x7fc00000, 0x40000000, 0x80000000), 2: S(0x3f000000, 0x3f800000, 0x40000000, 0x0) },
    0,
  );
  assert.deepEqual(r.s(0), [0xffffffff, 0x0, 0x0, 0x0]);
  assert.equal(r.fpsr, 0x1);
});

test('FCMEQ (vector, register) does not signal on quiet NaNs; -0 equals +0', () => {
  // fcmeq v0.4s, v1.4s, v2.4s
  const r = run(
    0x4e22e420,
    0x0,
    { 1: S(0x3f800000, 0x7fc00000, 0x80000000, 0x7f800001), 2: S(0x3f800000, 0x7fc00000, 0x0, 0x3f800000) },
    0,
  );
  assert.deepEqual(r.s(0), [0xffffffff, 0x0, 0xffffffff, 0x0]);
  assert.equal(r.fpsr, 0x1);
});

test('FCMGE (vector, 8H) compares FP16 lanes', () => {
  // fcmge v0.8h, v1.8h, v2.8h
  const r = run(
    0x6e422420,
    0x0,
    {
      1: H(0x3c00, 0x3c00, 0x3c00, 0x7c00, 0xfc00, 0x8000, 0x1, 0x7e00),
      2: H(0x3c00, 0x4000, 0x3800, 0x7c00, 0xfc00, 0x0, 0x0, 0x0),
    },
    0,
  );
  assert.deepEqual(r.h(0), [0xffff, 0x0, 0xffff, 0xffff, 0xffff, 0xffff, 0xffff, 0x0]);
  assert.equal(r.fpsr, 0x1);
});

test('FCMLT (zero) tests 0 > Vn; with FPCR.FZ a negative denormal is zero (IDC)', () => {
  // fcmlt v0.4s, v1.4s, #0.0
  const r = run(0x4ea0e820, 0x1000000, { 1: S(0xbf800000, 0x80000001, 0x3f800000, 0x7fc00000) }, 0);
  assert.deepEqual(r.s(0), [0xffffffff, 0x0, 0x0, 0x0]);
  assert.equal(r.fpsr, 0x81);
});

test('FCMLE (zero, 2D) is true for -0 and negatives', () => {
  // fcmle v0.2d, v1.2d, #0.0
  const r = run(0x6ee0d820, 0x0, { 1: D(0x8000000000000000n, 0x1a56e1fc2f8f359n) }, 0);
  assert.deepEqual(r.d(0), [0xffffffffffffffffn, 0x0n]);
  assert.equal(r.fpsr, 0x0);
});

test('FCMEQ (zero, scalar FP16): -0 equals zero', () => {
  // fcmeq h0, h1, #0.0
  const r = run(0x5ef8d820, 0x0, { 1: H(0x8000, 0x3c00) }, 0);
  assert.deepEqual(r.h(0), [0xffff, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0]);
  assert.equal(r.fpsr, 0x0);
});

test('FCMGE (zero, 4H) with a signalling NaN lane', () => {
  // fcmge v0.4h, v1.4h, #0.0
  const r = run(0x2ef8c820, 0x0, { 1: H(0x0, 0x8001, 0x7d00, 0x3c00, 0xbc00, 0xbc00, 0xbc00, 0xbc00) }, 0);
  assert.deepEqual(r.h(0), [0xffff, 0x0, 0x0, 0xffff, 0x0, 0x0, 0x0, 0x0]);
  assert.equal(r.fpsr, 0x1);
});

test('FACGT (scalar, double) compares absolute values', () => {
  // facgt d0, d1, d2
  const r = run(0x7ee2ec20, 0x0, { 1: D(0xc008000000000000n, 0x0n), 2: D(0x4000000000000000n, 0x0n) }, 0);
  assert.deepEqual(r.d(0), [0xffffffffffffffffn, 0x0n]);
  assert.equal(r.fpsr, 0x0);
});

test('FACGE (vector, 2S) compares absolute values lane by lane', () => {
  // facge v0.2s, v1.2s, v2.2s
  const r = run(0x2e22ec20, 0x0, { 1: S(0xc0000000, 0x3f800000, 0x9, 0x9), 2: S(0x40000000, 0xbfc00000, 0x9, 0x9) }, 0);
  assert.deepEqual(r.s(0), [0xffffffff, 0x0, 0x0, 0x0]);
  assert.equal(r.fpsr, 0x0);
});

test('FMULX (vector, 4S) gives +-2 for zero times infinity', () => {
  // fmulx v0.4s, v1.4s, v2.4s
  const r = run(
    0x4e22dc20,
    0x0,
    { 1: S(0x0, 0x80000000, 0x7f800000, 0x40400000), 2: S(0x7f800000, 0x7f800000, 0x80000000, 0x40000000) },
    0,
  );
  assert.deepEqual(r.s(0), [0x40000000, 0xc0000000, 0xc0000000, 0x40c00000]);
  assert.equal(r.fpsr, 0x0);
});

test('FRECPS (vector, 4S) is 2 - n*m fused, and 2.0 for zero times infinity', () => {
  // frecps v0.4s, v1.4s, v2.4s
  const r = run(
    0x4e22fc20,
    0x0,
    { 1: S(0x40000000, 0x0, 0x7f800000, 0x3fc00000), 2: S(0x3f000000, 0x7f800000, 0x0, 0x3fc00000) },
    0,
  );
  assert.deepEqual(r.s(0), [0x3f800000, 0x40000000, 0x40000000, 0xbe800000]);
  assert.equal(r.fpsr, 0x0);
});

test('FRSQRTS (scalar, single) is (3 - n*m) / 2', () => {
  // frsqrts s0, s1, s2
  const r = run(0x5ea2fc20, 0x0, { 1: S(0x3fc00000, 0x1), 2: S(0x3fc00000, 0x1) }, 0);
  assert.deepEqual(r.s(0), [0x3ec00000, 0x0, 0x0, 0x0]);
  assert.equal(r.fpsr, 0x0);
});

test('FRECPE (vector, 4S) gives the 8-bit estimate; zero gives infinity (DZC)', () => {
  // frecpe v0.4s, v1.4s
  const r = run(0x4ea1d820, 0x0, { 1: S(0x40400000, 0x0, 0xff800000, 0x200000) }, 0);
  assert.deepEqual(r.s(0), [0x3eaa8000, 0x7f800000, 0x80000000, 0x7f7f8000]);
  assert.equal(r.fpsr, 0x2);
});

test('FRSQRTE (vector, 2D) estimates; a negative input is the default NaN (IOC)', () => {
  // frsqrte v0.2d, v1.2d
  const r = run(0x6ee1d820, 0x0, { 1: D(0x4000000000000000n, 0xc010000000000000n) }, 0);
  assert.deepEqual(r.d(0), [0x3fe6900000000000n, 0x7ff8000000000000n]);
  assert.equal(r.fpsr, 0x1);
});

test('FRECPE (vector, 4H) on FP16 lanes', () => {
  // frecpe v0.4h, v1.4h
  const r = run(0x0ef9d820, 0x0, { 1: H(0x3c00, 0x4200, 0x1, 0x7bff) }, 0);
  assert.deepEqual(r.h(0), [0x3bfc, 0x3554, 0x7c00, 0x100, 0x0, 0x0, 0x0, 0x0]);
  assert.equal(r.fpsr, 0x14);
});

test('FRECPX (scalar, single) keeps the sign, inverts the exponent, clears the fraction', () => {
  // frecpx s0, s1
  const r = run(0x5ea1f820, 0x0, { 1: S(0xc0490fdb, 0x0) }, 0);
  assert.deepEqual(r.s(0), [0xbf800000, 0x0, 0x0, 0x0]);
  assert.equal(r.fpsr, 0x0);
});

test('URECPE (4S) estimates unsigned fixed-point reciprocals', () => {
  // urecpe v0.4s, v1.4s
  const r = run(0x4ea1c820, 0x0, { 1: S(0x80000000, 0x7fffffff, 0xc0000000, 0xffffffff) }, 0);
  assert.deepEqual(r.s(0), [0xff800000, 0xffffffff, 0xaa800000, 0x80000000]);
  assert.equal(r.fpsr, 0x0);
});

test('URSQRTE (2S) estimates unsigned fixed-point reciprocal square roots', () => {
  // ursqrte v0.2s, v1.2s
  const r = run(0x2ea1c820, 0x0, { 1: S(0x40000000, 0x3fffffff, 0x9, 0x9) }, 0);
  assert.deepEqual(r.s(0), [0xff800000, 0xffffffff, 0x0, 0x0]);
  assert.equal(r.fpsr, 0x0);
});

test('FMUL (by element, 4S) multiplies by one lane of Vm, also when Vd is Vm', () => {
  // fmul v2.4s, v1.4s, v2.s[1]
  const r = run(
    0x4fa29022,
    0x0,
    { 1: S(0x3f800000, 0x40000000, 0x40400000, 0x40800000), 2: S(0x41200000, 0x42c80000, 0x447a0000, 0x461c4000) },
    2,
  );
  assert.deepEqual(r.s(2), [0x42c80000, 0x43480000, 0x43960000, 0x43c80000]);
  assert.equal(r.fpsr, 0x0);
});

test('FMLA (by element, 8H) takes Vm from V0-V15 with index 7', () => {
  // fmla v0.8h, v1.8h, v15.h[7]
  const r = run(
    0x4f3f1820,
    0x0,
    {
      0: H(0x3c00, 0x3c00, 0x7e00, 0x0, 0x0, 0x0, 0x0, 0x7bff),
      1: H(0x4000, 0x3800, 0x3c00, 0x7d00, 0x1, 0x1, 0x2, 0x7bff),
      15: H(0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x4000),
    },
    0,
  );
  assert.deepEqual(r.h(0), [0x4500, 0x4000, 0x7e00, 0x7f00, 0x2, 0x2, 0x4, 0x7c00]);
  assert.equal(r.fpsr, 0x15);
});

test('FMLS (scalar, by element, double) uses lane 1 of Vm', () => {
  // fmls d0, d1, v2.d[1]
  const r = run(
    0x5fc25820,
    0x0,
    {
      0: D(0x4024000000000000n, 0x4014000000000000n),
      1: D(0x4008000000000000n, 0x4014000000000000n),
      2: D(0x4059000000000000n, 0x4000000000000000n),
    },
    0,
  );
  assert.deepEqual(r.d(0), [0x4010000000000000n, 0x0n]);
  assert.equal(r.fpsr, 0x0);
});

test('FMULX (scalar, by element, single) with Vm above V15', () => {
  // fmulx s0, s1, v17.s[3]
  const r = run(0x7fb19820, 0x0, { 1: S(0x80000000, 0x5), 17: S(0x1, 0x2, 0x3, 0x7f800000) }, 0);
  assert.deepEqual(r.s(0), [0xc0000000, 0x0, 0x0, 0x0]);
  assert.equal(r.fpsr, 0x0);
});

test('FMLA (by element, 2D) when Vd is Vm', () => {
  // fmla v2.2d, v1.2d, v2.d[0]
  const r = run(
    0x4fc21022,
    0x0,
    { 1: D(0x4000000000000000n, 0x4008000000000000n), 2: D(0x4024000000000000n, 0x3ff0000000000000n) },
    2,
  );
  assert.deepEqual(r.d(2), [0x403e000000000000n, 0x403f000000000000n]);
  assert.equal(r.fpsr, 0x0);
});

test('FMLAL (vector) widens FP16 lanes exactly before one single-precision fused multiply-add', () => {
  // fmlal v0.4s, v1.4h, v2.4h
  const r = run(
    0x4e22ec20,
    0x0,
    {
      0: S(0xbf800000, 0x0, 0x7fc00000, 0x7149f2ca),
      1: H(0x3c01, 0x7bff, 0x7d00, 0x1, 0x9, 0x9, 0x9, 0x9),
      2: H(0x3bff, 0x7bff, 0x3c00, 0x1, 0x9, 0x9, 0x9, 0x9),
    },
    0,
  );
  assert.deepEqual(r.s(0), [0x39ffc000, 0x4f7fc004, 0x7fe00000, 0x7149f2ca]);
  assert.equal(r.fpsr, 0x11);
});

test('FMLAL2 (vector, 2S) uses FP16 lanes 2 and 3', () => {
  // fmlal2 v0.2s, v1.2h, v2.2h
  const r = run(
    0x2e22cc20,
    0x0,
    {
      0: S(0x3f800000, 0x40000000, 0x7, 0x7),
      1: H(0x3c00, 0x3c00, 0x4000, 0x4200, 0x9, 0x9, 0x9, 0x9),
      2: H(0x3c00, 0x3c00, 0x4400, 0x4400, 0x9, 0x9, 0x9, 0x9),
    },
    0,
  );
  assert.deepEqual(r.s(0), [0x41100000, 0x41600000, 0x0, 0x0]);
  assert.equal(r.fpsr, 0x0);
});

test('FMLSL2 (by element, 4S) negates the upper FP16 lanes of Vn', () => {
  // fmlsl2 v0.4s, v1.4h, v2.h[5]
  const r = run(
    0x6f92c820,
    0x0,
    {
      0: S(0x3f800000, 0x40000000, 0x40400000, 0x40800000),
      1: H(0x9, 0x9, 0x9, 0x9, 0x3c00, 0x4000, 0x7e00, 0xfd00),
      2: H(0x0, 0x0, 0x0, 0x0, 0x0, 0x4200, 0x0, 0x0),
    },
    0,
  );
  assert.deepEqual(r.s(0), [0xc0000000, 0xc0800000, 0xffc00000, 0x7fe00000]);
  assert.equal(r.fpsr, 0x1);
});

test('FMLSL (vector) with FPCR.FZ16 flushes FP16 denormal operands', () => {
  // fmlsl v0.4s, v1.4h, v2.4h
  const r = run(
    0x4ea2ec20,
    0x80000,
    {
      0: S(0x3f800000, 0x3f800000, 0x3f800000, 0x3f800000),
      1: H(0x1, 0x3c00, 0x200, 0x8001, 0x0, 0x0, 0x0, 0x0),
      2: H(0x7bff, 0x1, 0x7bff, 0x7bff, 0x0, 0x0, 0x0, 0x0),
    },
    0,
  );
  assert.deepEqual(r.s(0), [0x3f800000, 0x3f800000, 0x3f800000, 0x3f800000]);
  assert.equal(r.fpsr, 0x0);
});

test('FMLAL (by element) when Vd is Vn', () => {
  // fmlal v1.4s, v1.4h, v2.h[0]
  const r = run(
    0x4f820021,
    0x0,
    { 1: H(0x3c00, 0x4000, 0x4200, 0x4400, 0x3c00, 0x3c00, 0x3c00, 0x3c00), 2: H(0x4000) },
    1,
  );
  assert.deepEqual(r.s(1), [0x40801e00, 0x44014200, 0x40c0401e, 0x4100200f]);
  assert.equal(r.fpsr, 0x0);
});

test('FCMLA (vector, 4S) #0 adds re*re and re*im', () => {
  // fcmla v0.4s, v1.4s, v2.4s, #0
  const r = run(
    0x6e82c420,
    0x0,
    {
      0: S(0x3f000000, 0x3e800000, 0x3f800000, 0x3f800000),
      1: S(0x3f800000, 0x40000000, 0x40400000, 0x40800000),
      2: S(0x40a00000, 0x40c00000, 0x40e00000, 0x41000000),
    },
    0,
  );
  assert.deepEqual(r.s(0), [0x40b00000, 0x40c80000, 0x41b00000, 0x41c80000]);
  assert.equal(r.fpsr, 0x0);
});

test('FCMLA (vector, 4S) #90', () => {
  // fcmla v0.4s, v1.4s, v2.4s, #90
  const r = run(
    0x6e82cc20,
    0x0,
    {
      0: S(0x3f000000, 0x3e800000, 0x3f800000, 0x3f800000),
      1: S(0x3f800000, 0x40000000, 0x40400000, 0x40800000),
      2: S(0x40a00000, 0x40c00000, 0x40e00000, 0x41000000),
    },
    0,
  );
  assert.deepEqual(r.s(0), [0xc1380000, 0x41240000, 0xc1f80000, 0x41e80000]);
  assert.equal(r.fpsr, 0x0);
});

test('FCMLA (vector, 4S) #180', () => {
  // fcmla v0.4s, v1.4s, v2.4s, #180
  const r = run(
    0x6e82d420,
    0x0,
    {
      0: S(0x3f000000, 0x3e800000, 0x3f800000, 0x3f800000),
      1: S(0x3f800000, 0x40000000, 0x40400000, 0x40800000),
      2: S(0x40a00000, 0x40c00000, 0x40e00000, 0x41000000),
    },
    0,
  );
  assert.deepEqual(r.s(0), [0xc0900000, 0xc0b80000, 0xc1a00000, 0xc1b80000]);
  assert.equal(r.fpsr, 0x0);
});

test('FCMLA (vector, 4S) #270', () => {
  // fcmla v0.4s, v1.4s, v2.4s, #270
  const r = run(
    0x6e82dc20,
    0x0,
    {
      0: S(0x3f000000, 0x3e800000, 0x3f800000, 0x3f800000),
      1: S(0x3f800000, 0x40000000, 0x40400000, 0x40800000),
      2: S(0x40a00000, 0x40c00000, 0x40e00000, 0x41000000),
    },
    0,
  );
  assert.deepEqual(r.s(0), [0x41480000, 0xc11c0000, 0x42040000, 0xc1d80000]);
  assert.equal(r.fpsr, 0x0);
});

test('FCMLA (vector) negates the Vm element before NaN processing (FPNeg)', () => {
  // fcmla v0.2d, v1.2d, v2.2d, #180
  const r = run(
    0x6ec2d420,
    0x0,
    {
      0: D(0x3ff0000000000000n, 0x3ff0000000000000n),
      1: D(0x4000000000000000n, 0x4008000000000000n),
      2: D(0x7ff8000000000abcn, 0x3ff0000000000000n),
    },
    0,
  );
  assert.deepEqual(r.d(0), [0xfff8000000000abcn, 0xbff0000000000000n]);
  assert.equal(r.fpsr, 0x0);
});

test('FCMLA (vector) when Vd is Vn', () => {
  // fcmla v1.4s, v1.4s, v2.4s, #90
  const r = run(
    0x6e82cc21,
    0x0,
    { 1: S(0x3f800000, 0x40000000, 0x40400000, 0x40800000), 2: S(0x40a00000, 0x40c00000, 0x40e00000, 0x41000000) },
    1,
  );
  assert.deepEqual(r.s(1), [0xc1300000, 0x41400000, 0xc1e80000, 0x42000000]);
  assert.equal(r.fpsr, 0x0);
});

test('FCMLA (by element, 8H) uses one complex pair of Vm for every pair', () => {
  // fcmla v0.8h, v1.8h, v2.h[3], #90
  const r = run(
    0x6f623820,
    0x0,
    {
      0: H(0x0, 0x0, 0x0, 0x0, 0x3c00, 0x3c00, 0x3c00, 0x3c00),
      1: H(0x3c00, 0x4000, 0x4200, 0x4400, 0x4500, 0x4600, 0x4700, 0x4800),
      2: H(0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x4000, 0x4200),
    },
    0,
  );
  assert.deepEqual(r.h(0), [0xc600, 0x4400, 0xca00, 0x4800, 0xcc40, 0x4a80, 0xcdc0, 0x4c40]);
  assert.equal(r.fpsr, 0x0);
});

test('FCMLA (by element, 4S) when Vd is Vm', () => {
  // fcmla v2.4s, v1.4s, v2.s[1], #270
  const r = run(
    0x6f827822,
    0x0,
    { 1: S(0x3f800000, 0x40000000, 0x40400000, 0x40800000), 2: S(0x40a00000, 0x40c00000, 0x40e00000, 0x41000000) },
    2,
  );
  assert.deepEqual(r.s(2), [0x41a80000, 0xc1000000, 0x421c0000, 0xc1a00000]);
  assert.equal(r.fpsr, 0x0);
});

test('FCADD (2D) #90 adds i*Vm: (re - im_m, im + re_m)', () => {
  // fcadd v0.2d, v1.2d, v2.2d, #90
  const r = run(
    0x6ec2e420,
    0x0,
    { 1: D(0x3ff0000000000000n, 0x4000000000000000n), 2: D(0x4024000000000000n, 0x4034000000000000n) },
    0,
  );
  assert.deepEqual(r.d(0), [0xc033000000000000n, 0x4028000000000000n]);
  assert.equal(r.fpsr, 0x0);
});

test('FCADD (4H) #270 when Vd is Vm', () => {
  // fcadd v2.4h, v1.4h, v2.4h, #270
  const r = run(
    0x2e42f422,
    0x0,
    {
      1: H(0x3c00, 0x4000, 0x7d00, 0x4400, 0x9, 0x9, 0x9, 0x9),
      2: H(0x4900, 0x4d00, 0x3c00, 0xfe00, 0x9, 0x9, 0x9, 0x9),
    },
    2,
  );
  assert.deepEqual(r.h(2), [0x4d40, 0xc800, 0x7f00, 0x4200, 0x0, 0x0, 0x0, 0x0]);
  assert.equal(r.fpsr, 0x1);
});

test('FSQRT (vector, 2D) of a negative number is the default NaN (IOC)', () => {
  // fsqrt v0.2d, v1.2d
  const r = run(0x6ee1f820, 0x0, { 1: D(0xc010000000000000n, 0x4000000000000000n) }, 0);
  assert.deepEqual(r.d(0), [0x7ff8000000000000n, 0x3ff6a09e667f3bcdn]);
  assert.equal(r.fpsr, 0x11);
});

test('FDIV (vector, 4S) by zero gives infinity (DZC), 0/0 the default NaN (IOC)', () => {
  // fdiv v0.4s, v1.4s, v2.4s
  const r = run(0x6e22fc20, 0x0, { 1: S(0x3f800000, 0xbf800000, 0x0, 0x40c00000), 2: S(0x0, 0x0, 0x0, 0x40400000) }, 0);
  assert.deepEqual(r.s(0), [0x7f800000, 0xff800000, 0x7fc00000, 0x40000000]);
  assert.equal(r.fpsr, 0x3);
});

test('FMAX (vector, 4S) orders -0 below +0 and propagates NaNs', () => {
  // fmax v0.4s, v1.4s, v2.4s
  const r = run(
    0x4e22f420,
    0x0,
    { 1: S(0x0, 0x80000000, 0x7fc00000, 0x3f800000), 2: S(0x80000000, 0x0, 0x3f800000, 0x7f800001) },
    0,
  );
  assert.deepEqual(r.s(0), [0x0, 0x0, 0x7fc00000, 0x7fc00001]);
  assert.equal(r.fpsr, 0x1);
});

test('FMAXNM (vector, 4S) prefers a number to a quiet NaN but not to a signalling one', () => {
  // fmaxnm v0.4s, v1.4s, v2.4s
  const r = run(
    0x4e22c420,
    0x0,
    { 1: S(0x0, 0x80000000, 0x7fc00000, 0x3f800000), 2: S(0x80000000, 0x0, 0x3f800000, 0x7f800001) },
    0,
  );
  assert.deepEqual(r.s(0), [0x0, 0x0, 0x3f800000, 0x7fc00001]);
  assert.equal(r.fpsr, 0x1);
});

test('FMINNM (vector, 4H) on FP16 lanes', () => {
  // fminnm v0.4h, v1.4h, v2.4h
  const r = run(0x0ec20420, 0x0, { 1: H(0x7e00, 0x3c00, 0x8000, 0xfc00), 2: H(0x3c00, 0x7e00, 0x0, 0x7c00) }, 0);
  assert.deepEqual(r.h(0), [0x3c00, 0x3c00, 0x8000, 0xfc00, 0x0, 0x0, 0x0, 0x0]);
  assert.equal(r.fpsr, 0x0);
});

test('FSUB (vector, 2D) with FPCR.FZ: denormal inputs flush to zero (IDC)', () => {
  // fsub v0.2d, v1.2d, v2.2d
  const r = run(0x4ee2d420, 0x1000000, { 1: D(0x1n, 0x3ff0000000000000n), 2: D(0x0n, 0x1n) }, 0);
  assert.deepEqual(r.d(0), [0x0n, 0x3ff0000000000000n]);
  assert.equal(r.fpsr, 0x80);
});

test('FABD (scalar, FP16)', () => {
  // fabd h0, h1, h2
  const r = run(0x7ec21420, 0x0, { 1: H(0x3c00, 0x5), 2: H(0x4200, 0x6) }, 0);
  assert.deepEqual(r.h(0), [0x4000, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0]);
  assert.equal(r.fpsr, 0x0);
});

test('FMUL (vector, 8H) underflows to an FP16 denormal (UFC, IXC)', () => {
  // fmul v0.8h, v1.8h, v2.8h
  const r = run(
    0x6e421c20,
    0x0,
    {
      1: H(0x400, 0x3555, 0x401, 0x7bff, 0x0, 0x0, 0x0, 0x0),
      2: H(0x3555, 0x3555, 0x3800, 0x3c01, 0x0, 0x0, 0x0, 0x0),
    },
    0,
  );
  assert.deepEqual(r.h(0), [0x155, 0x2f1c, 0x200, 0x7c00, 0x0, 0x0, 0x0, 0x0]);
  assert.equal(r.fpsr, 0x1c);
});

test('BFDOT (vector) adds two BFloat16 products to each single lane, rounding to odd, ignoring FPCR, raising no flags', () => {
  // bfdot v0.4s, v1.8h, v2.8h
  const r = run(
    0x6e42fc20,
    0x2400000,
    {
      0: S(0x3f800000, 0x322bcc77, 0x1, 0x7fc00000),
      1: H(0x3f80, 0x4000, 0x3eab, 0x3eab, 0x3f80, 0x1, 0x3f80, 0x3f80),
      2: H(0x4040, 0x3f00, 0x3eab, 0x3f81, 0x3f80, 0x3f80, 0x7f80, 0xff80),
    },
    0,
  );
  assert.deepEqual(r.s(0), [0x40a00000, 0x3ee57281, 0x3f800000, 0x7fc00000]);
  assert.equal(r.fpsr, 0x0);
});

test('BFDOT (by element, 2S) uses one BFloat16 pair of Vm for every lane', () => {
  // bfdot v0.2s, v1.4h, v2.2h[1]
  const r = run(
    0x0f62f020,
    0x0,
    {
      0: S(0x3f800000, 0x40000000, 0x7, 0x7),
      1: H(0x3f80, 0x4000, 0x4040, 0x4080, 0x9, 0x9, 0x9, 0x9),
      2: H(0x0, 0x0, 0x3f00, 0x4000),
    },
    0,
  );
  assert.deepEqual(r.s(0), [0x40b00000, 0x41380000, 0x0, 0x0]);
  assert.equal(r.fpsr, 0x0);
});

test('BFMMLA multiplies a 2x4 by a 4x2 BFloat16 matrix into the 2x2 single accumulator', () => {
  // bfmmla v0.4s, v1.8h, v2.8h
  const r = run(
    0x6e42ec20,
    0x0,
    {
      0: S(0x3f800000, 0x40000000, 0x40400000, 0x40800000),
      1: H(0x3f80, 0x4000, 0x4040, 0x4080, 0x40a0, 0x40c0, 0x40e0, 0x4100),
      2: H(0x3f80, 0x3f80, 0x3f80, 0x3f80, 0x4000, 0x3f00, 0x3e80, 0x3f80),
    },
    0,
  );
  assert.deepEqual(r.s(0), [0x41300000, 0x411c0000, 0x41e80000, 0x41d60000]);
  assert.equal(r.fpsr, 0x0);
});

test('BFMLALT (by element) widens the odd BFloat16 elements and fuses under FPCR', () => {
  // bfmlalt v0.4s, v1.8h, v2.h[5]
  const r = run(
    0x4fd2f820,
    0x0,
    {
      0: S(0x3f800000, 0x40000000, 0x7fc00000, 0xbf800000),
      1: H(0x0, 0x3f80, 0x0, 0x7fa0, 0x0, 0x3f81, 0x0, 0x4000),
      2: H(0x0, 0x0, 0x0, 0x0, 0x0, 0x3f80, 0x0, 0x0),
    },
    0,
  );
  assert.deepEqual(r.s(0), [0x40000000, 0x7fe00000, 0x7fc00000, 0x3f800000]);
  assert.equal(r.fpsr, 0x1);
});

test('BFMLALB (vector) when Vd is Vm', () => {
  // bfmlalb v2.4s, v1.8h, v2.8h
  const r = run(
    0x2ec2fc22,
    0x0,
    { 1: H(0x3f80, 0x0, 0x4000, 0x0, 0x4040, 0x0, 0x4080, 0x0), 2: S(0x3f800000, 0x40000000, 0x40400000, 0x40800000) },
    2,
  );
  assert.deepEqual(r.s(2), [0x3f800000, 0x40000000, 0x40400000, 0x40800000]);
  assert.equal(r.fpsr, 0x0);
});

test('BFCVTN2 rounds singles to BFloat16 by FPCR into the upper half of Vd', () => {
  // bfcvtn2 v0.8h, v1.4s
  const r = run(
    0x4ea16820,
    0x800000,
    { 0: H(0x1, 0x2, 0x3, 0x4, 0x5, 0x6, 0x7, 0x8), 1: S(0x3f808001, 0xbf808001, 0x7f800001, 0x1) },
    0,
  );
  assert.deepEqual(r.h(0), [0x1, 0x2, 0x3, 0x4, 0x3f80, 0xbf81, 0x7fc0, 0x0]);
  assert.equal(r.fpsr, 0x19);
});

test('reserved field values of fp-vector encodings are UNDEFINED', () => {
  for (const [word, what] of [
    [0x0e62d420, 'fadd with size 1D (Q=0, sz=1)'],
    [0x6e70f820, 'fmaxv with sz=1'],
    [0x2e30f820, 'fmaxv with Q=0'],
    [0x0fe29820, 'fmul by element, 1D'],
    [0x4fe29820 | (1 << 21), 'fmul by element, double with L=1'],
    [0x2f823820, 'fcmla by element, single with Q=0'],
    [0x0e61e820, 'frint32z 1D'],
    [0x0f41e420, 'scvtf fixed-point 1D'],
  ] as [number, string][]) {
    const t = cpuWith([word]);
    assert.equal(t.cpu.run(10), StopReason.Undefined, what);
  }
});

test('FCVTZS (scalar, fixed-point, FP16) writes 16 bits and zeroes the rest of Vd', () => {
  // fcvtzs h1, h2, #5 on -infinity: -32768 saturated (IOC). The ARM ARM writes
  // V[d] with datasize = esize = 16; qemu-aarch64 7.2 differs here: it leaves
  // the result sign-extended to 32 bits (v1 = 0080ffff 00...).
  const r = run(0x5f1bfc41, 0, { 2: H(0xfc00) }, 1);
  assert.deepEqual(r.h(1), [0x8000, 0, 0, 0, 0, 0, 0, 0]);
  assert.equal(r.fpsr, 0x1);
});
