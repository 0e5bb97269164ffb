/**
 * SIMD structure loads and stores: register numbers wrap modulo 32,
 * post-index by immediate and by register, lane and replicate forms (values
 * pinned from qemu-aarch64 runs of a scratch assembly program), and the all-or-nothing
 * rule: a fault part-way leaves registers, the base register and memory as
 * they were, and the PC at the instruction.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StopReason } from '../../../src/cpu/a64/cpu.js';
import { CODE, DATA, cpuWith, runToSvc, type TestCpu } from '../../helpers/a64.js';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

/** A CPU running `word` with the data page(s) holding bytes 0, 1, 2, … (mod 256) and every V byte 0xee. */
function setup(word: number, dataPages = 1): TestCpu {
  const t = cpuWith([word], dataPages);
  const mem = new Uint8Array(4096 * dataPages);
  for (let i = 0; i < mem.length; i++) mem[i] = i & 0xff;
  t.mem.writeBytes(DATA, mem);
  t.cpu.v8.fill(0xee);
  return t;
}

test('LD4 (multiple, .4s) wraps registers v30, v31, v0, v1 and post-indexes SP by a register', () => {
  const t = setup(0x4cc30bfe); // ld4 {v30.4s, v31.4s, v0.4s, v1.4s}, [sp], x3
  t.cpu.setX(31, BigInt(DATA + 16));
  t.cpu.setX(3, -8n & 0xffffffffffffffffn);
  runToSvc(t);
  assert.equal(hex(t.cpu.getV(30)), '10111213202122233031323340414243');
  assert.equal(hex(t.cpu.getV(31)), '14151617242526273435363744454647');
  assert.equal(hex(t.cpu.getV(0)), '18191a1b28292a2b38393a3b48494a4b');
  assert.equal(hex(t.cpu.getV(1)), '1c1d1e1f2c2d2e2f3c3d3e3f4c4d4e4f');
  assert.equal(hex(t.cpu.getV(2)), 'ee'.repeat(16));
  assert.equal(t.cpu.getX(31), BigInt(DATA + 8));
});

test('LD3R (.8b) replicates into v31, v0, v1, zeroes the upper halves, post-indexes by a register', () => {
  const t = setup(0x0dc2e01f); // ld3r {v31.8b, v0.8b, v1.8b}, [x0], x2
  t.cpu.setX(0, BigInt(DATA + 5));
  t.cpu.setX(2, 100n);
  runToSvc(t);
  assert.equal(hex(t.cpu.getV(31)), '0505050505050505' + '00'.repeat(8));
  assert.equal(hex(t.cpu.getV(0)), '0606060606060606' + '00'.repeat(8));
  assert.equal(hex(t.cpu.getV(1)), '0707070707070707' + '00'.repeat(8));
  assert.equal(t.cpu.getX(0), BigInt(DATA + 105));
});

test('LD2 to lane h[7] changes only that lane of v0 and v1', () => {
  const t = setup(0x4d605800); // ld2 {v0.h, v1.h}[7], [x0]
  t.cpu.setX(0, BigInt(DATA + 33));
  runToSvc(t);
  assert.equal(hex(t.cpu.getV(0)), 'ee'.repeat(14) + '2122');
  assert.equal(hex(t.cpu.getV(1)), 'ee'.repeat(14) + '2324');
  assert.equal(t.cpu.getX(0), BigInt(DATA + 33));
});

test('ST2 (.2d) from v31, v0 interleaves and post-indexes by the transfer size', () => {
  const t = setup(0x4c9f8c1f); // st2 {v31.2d, v0.2d}, [x0], #32
  t.cpu.v8.fill(0x1f, 31 * 16, 32 * 16);
  t.cpu.v8.fill(0xa0, 0, 16);
  t.cpu.setX(0, BigInt(DATA + 128));
  runToSvc(t);
  assert.equal(hex(t.mem.readBytes(DATA + 128, 32)), ('1f'.repeat(8) + 'a0'.repeat(8)).repeat(2));
  assert.equal(t.cpu.getX(0), BigInt(DATA + 160));
});

test('LD1 (4 registers) across a page boundary reads both pages', () => {
  const t = setup(0x4c402000, 2); // ld1 {v0.16b-v3.16b}, [x0]
  t.cpu.setX(0, BigInt(DATA + 4096 - 24));
  runToSvc(t);
  const want = new Uint8Array(64).map((_, i) => (4096 - 24 + i) & 0xff);
  assert.equal(hex(t.cpu.v8.subarray(0, 64)), hex(want));
});

test('LD1 (4 registers, post-index) faulting on the second page changes no register', () => {
  const t = setup(0x4cdf2000); // ld1 {v0.16b-v3.16b}, [x0], #64
  const base = BigInt(DATA + 4096 - 32);
  t.cpu.setX(0, base);
  assert.equal(t.cpu.run(10), StopReason.DataAbort);
  assert.equal(t.cpu.pc, BigInt(CODE));
  assert.equal(t.cpu.getX(0), base);
  assert.equal(hex(t.cpu.v8.subarray(0, 64)), 'ee'.repeat(64));
});

test('ST1 (4 registers) faulting on the second page writes no byte', () => {
  const t = setup(0x4c002000); // st1 {v0.16b-v3.16b}, [x0]
  t.cpu.setX(0, BigInt(DATA + 4096 - 32));
  assert.equal(t.cpu.run(10), StopReason.DataAbort);
  assert.equal(t.cpu.pc, BigInt(CODE));
  const tail = t.mem.readBytes(DATA + 4096 - 32, 32);
  assert.equal(hex(tail), hex(new Uint8Array(32).map((_, i) => (4096 - 32 + i) & 0xff)));
});

test('ST4 to one lane faulting on its last bytes writes no byte', () => {
  const t = setup(0x0d203400); // st4 {v0.b-v3.b}[5], [x0]
  t.cpu.setX(0, BigInt(DATA + 4096 - 2));
  assert.equal(t.cpu.run(10), StopReason.DataAbort);
  assert.equal(hex(t.mem.readBytes(DATA + 4094, 2)), 'feff');
});

test('LD4R (.2d) faulting part-way changes no register', () => {
  const t = setup(0x4d60ec00); // ld4r {v0.2d-v3.2d}, [x0]
  t.cpu.setX(0, BigInt(DATA + 4096 - 16));
  assert.equal(t.cpu.run(10), StopReason.DataAbort);
  assert.equal(hex(t.cpu.v8.subarray(0, 64)), 'ee'.repeat(64));
});

test('reserved structure encodings are UNDEFINED (LD2 .1d, LD1 to an H lane with size<0> set, LD1R with S=1)', () => {
  for (const w of [0x0c408c00, 0x0d404c00, 0x0d60d2ae]) {
    const t = setup(w);
    t.cpu.setX(0, BigInt(DATA));
    assert.equal(t.cpu.run(10), StopReason.Undefined, w.toString(16));
    assert.equal(t.cpu.pc, BigInt(CODE));
  }
});
