/**
 * The 64-bit-on-halves helpers of src/cpu/a64/int/ against BigInt arithmetic
 * (exact reference), on edge values and a deterministic pseudo-random sample;
 * and the two DecodeBitMasks implementations (exec-side halves, disassembler
 * bigint) against each other for every encoding.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpuWith } from '../../helpers/a64.js';
import * as alu from '../../../src/cpu/a64/int/alu.js';
import { decodeBitMasks } from '../../../src/cpu/a64/int/bitmasks.js';
import { bitMaskImmediate } from '../../../src/arch/a64/tables/base.js';
import { CRC32C_TABLE, CRC32_TABLE, crcUpdate32 } from '../../../src/cpu/a64/int/crc32.js';

const cpu = cpuWith([]).cpu;
const U64 = (v: bigint): bigint => BigInt.asUintN(64, v);
const S64 = (v: bigint): bigint => BigInt.asIntN(64, v);
const lo = (v: bigint): number => Number(v & 0xffffffffn) | 0;
const hi = (v: bigint): number => Number((v >> 32n) & 0xffffffffn) | 0;
const join = (l: number, h: number): bigint => (BigInt(h >>> 0) << 32n) | BigInt(l >>> 0);

const EDGES = [
  0n,
  1n,
  2n,
  3n,
  0x7fffffffn,
  0x80000000n,
  0xffffffffn,
  0x100000000n,
  0x1fffffffffffffn,
  0x20000000000000n,
  0x7fffffffffffffffn,
  0x8000000000000000n,
  0x8000000000000001n,
  0xfffffffffffffffen,
  0xffffffffffffffffn,
  0x0123456789abcdefn,
];

function sample(): bigint[] {
  const out = [...EDGES];
  let s = 0x12345678;
  const r32 = (): bigint => {
    s = (Math.imul(s, 1664525) + 1013904223) | 0;
    return BigInt(s >>> 0);
  };
  for (let i = 0; i < 120; i++) {
    const v = (r32() << 32n) | r32();
    out.push(v, v >> BigInt(Number(r32() % 64n)));
  }
  return out;
}
const VALUES = sample();

function forPairs(fn: (a: bigint, b: bigint) => void): void {
  for (const a of VALUES) for (let j = 0; j < VALUES.length; j += 3) fn(a, VALUES[j]);
}

test('mul64 gives the low 64 bits of the product', () =>
  forPairs((a, b) => assert.equal(join(alu.mul64(cpu, lo(a), hi(a), lo(b), hi(b)), cpu.hi), U64(a * b))));

test('umulh64 gives the high 64 bits of the unsigned product', () =>
  forPairs((a, b) => assert.equal(join(alu.umulh64(cpu, lo(a), hi(a), lo(b), hi(b)), cpu.hi), (a * b) >> 64n)));

test('smulh64 gives the high 64 bits of the signed product', () =>
  forPairs((a, b) =>
    assert.equal(join(alu.smulh64(cpu, lo(a), hi(a), lo(b), hi(b)), cpu.hi), U64((S64(a) * S64(b)) >> 64n)),
  ));

test('udiv64 divides exactly, and by zero gives zero', () =>
  forPairs((a, b) =>
    assert.equal(join(alu.udiv64(cpu, lo(a), hi(a), lo(b), hi(b)), cpu.hi), b === 0n ? 0n : a / b, `${a}/${b}`),
  ));

test('sdiv64 rounds toward zero; INT64_MIN / -1 is INT64_MIN', () =>
  forPairs((a, b) => {
    const q = b === 0n ? 0n : U64(S64(a) / S64(b));
    assert.equal(join(alu.sdiv64(cpu, lo(a), hi(a), lo(b), hi(b)), cpu.hi), q, `${S64(a)}/${S64(b)}`);
  }));

test('64-bit shifts and rotates by 0..63 match BigInt', () => {
  for (const v of VALUES.slice(0, 60)) {
    for (let s = 0; s < 64; s++) {
      const S = BigInt(s);
      assert.equal(join(alu.lsl64(cpu, lo(v), hi(v), s), cpu.hi), U64(v << S));
      assert.equal(join(alu.lsr64(cpu, lo(v), hi(v), s), cpu.hi), v >> S);
      assert.equal(join(alu.asr64(cpu, lo(v), hi(v), s), cpu.hi), U64(S64(v) >> S));
      assert.equal(join(alu.ror64(cpu, lo(v), hi(v), s), cpu.hi), U64((v >> S) | (v << (64n - S))));
    }
  }
});

test('adds64 sets NZCV as AddWithCarry', () =>
  forPairs((a, b) => {
    for (const cin of [0, 1]) {
      const r = join(alu.adds64(cpu, lo(a), hi(a), lo(b), hi(b), cin), cpu.hi);
      const usum = a + b + BigInt(cin);
      const ssum = S64(a) + S64(b) + BigInt(cin);
      assert.equal(r, U64(usum));
      assert.deepEqual(
        [cpu.n, cpu.z, cpu.c, cpu.v],
        [Number(r >> 63n), r === 0n ? 1 : 0, U64(usum) === usum ? 0 : 1, S64(r) === ssum ? 0 : 1],
      );
    }
  }));

test('CLS and CLZ of 64-bit values', () => {
  for (const v of VALUES) {
    const clz = v === 0n ? 64 : 64 - v.toString(2).length;
    assert.equal(alu.clz64(lo(v), hi(v)), clz);
    const x = v >> 63n ? U64(~v) : v; // leading sign bits = leading zeros of v or ~v, minus 1
    assert.equal(alu.cls64(lo(v), hi(v)), (x === 0n ? 64 : 64 - x.toString(2).length) - 1);
  }
});

test('DecodeBitMasks: the exec and disassembler implementations agree on every encoding', () => {
  for (const width of [32, 64]) {
    for (let N = 0; N < (width === 64 ? 2 : 1); N++) {
      for (let imms = 0; imms < 64; imms++) {
        for (let immr = 0; immr < 64; immr++) {
          if (width === 32 && (imms > 31 || immr > 31)) continue;
          const m = decodeBitMasks(N, imms, immr, true, width);
          const b = bitMaskImmediate(N, imms, immr, width);
          if (b === null) {
            assert.equal(m, null, `N=${N} imms=${imms} immr=${immr}`);
            continue;
          }
          assert.ok(m);
          assert.equal(join(m.wLo, m.wHi), b, `N=${N} imms=${imms} immr=${immr} width=${width}`);
        }
      }
    }
  }
});

test('DecodeBitMasks reserves the all-ones element only for immediates (Bitfield allows it)', () => {
  assert.equal(decodeBitMasks(1, 63, 0, true, 64), null);
  const m = decodeBitMasks(1, 63, 0, false, 64);
  assert.ok(m);
  assert.equal(join(m.wLo, m.wHi), 0xffffffffffffffffn);
});

test('CRC tables give the standard check values for "123456789"', () => {
  const bytes = [...'123456789'].map((c) => c.charCodeAt(0));
  const run = (t: Int32Array): number => ~bytes.reduce((acc, b) => crcUpdate32(t, acc, b, 1), -1) >>> 0;
  assert.equal(run(CRC32_TABLE), 0xcbf43926);
  assert.equal(run(CRC32C_TABLE), 0xe3069283);
});
