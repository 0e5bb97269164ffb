/**
 * Self-modifying code: a store into a page whose instructions were already
 * decoded must take effect the next time that code runs (the decoded-code
 * cache in cpu.ts drops the page on a write to it).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { A64Cpu, CodeCache, StopReason } from '../../../src/cpu/a64/cpu.js';
import { UserAddressSpace, PROT_EXEC, PROT_READ, PROT_WRITE } from '../../../src/memory/user-address-space.js';

const CODE = 0x400000;
const SVC = 0xd4000001;
const ADD_X0_1 = 0x91000400; // add x0, x0, #1
const ADD_X0_100 = 0x91019000; // add x0, x0, #100

function machine(words: number[], cache = new CodeCache()): { cpu: A64Cpu; mem: UserAddressSpace; cache: CodeCache } {
  const mem = new UserAddressSpace();
  mem.mapAnonymous(CODE / 4096, 1, PROT_READ | PROT_WRITE | PROT_EXEC);
  const code = new Uint8Array(words.length * 4);
  words.forEach((w, i) => new DataView(code.buffer).setUint32(4 * i, w >>> 0, true));
  mem.writeBytes(CODE, code);
  return { cpu: new A64Cpu(mem, { codeCache: cache, diagnostic: () => {} }), mem, cache };
}

test('a store over already-decoded code takes effect when that code runs next', () => {
  // CODE+0: add x0, x0, #1; svc | CODE+8: str w1, [x3]; svc
  const { cpu } = machine([ADD_X0_1, SVC, 0xb9000061, SVC]);
  cpu.pc = BigInt(CODE);
  assert.equal(cpu.run(10), StopReason.Svc);
  assert.equal(cpu.getX(0), 1n);
  cpu.setX(1, BigInt(ADD_X0_100));
  cpu.setX(3, BigInt(CODE));
  cpu.pc = BigInt(CODE + 8);
  assert.equal(cpu.run(10), StopReason.Svc);
  cpu.pc = BigInt(CODE);
  assert.equal(cpu.run(10), StopReason.Svc);
  assert.equal(cpu.getX(0), 101n);
});

test('a store to the next instruction of the running page takes effect in the same run', () => {
  // CODE+0: str w1, [x3] ; CODE+4: add x0, x0, #1 ; svc — run once with x1 = the add
  // itself (decodes everything), then again with x1 = add #100.
  const { cpu } = machine([0xb9000061, ADD_X0_1, SVC]);
  cpu.setX(3, BigInt(CODE + 4));
  cpu.setX(1, BigInt(ADD_X0_1));
  cpu.pc = BigInt(CODE);
  assert.equal(cpu.run(10), StopReason.Svc);
  assert.equal(cpu.getX(0), 1n);
  cpu.setX(1, BigInt(ADD_X0_100));
  cpu.pc = BigInt(CODE);
  assert.equal(cpu.run(10), StopReason.Svc);
  assert.equal(cpu.getX(0), 101n);
});

test('a store by another CPU sharing the code cache invalidates the decoded code', () => {
  const a = machine([ADD_X0_1, SVC, 0xb9000061, SVC]);
  const b = new A64Cpu(a.mem, { codeCache: a.cache, diagnostic: () => {} });
  a.cpu.pc = BigInt(CODE);
  a.cpu.run(10);
  b.setX(1, BigInt(ADD_X0_100));
  b.setX(3, BigInt(CODE));
  b.pc = BigInt(CODE + 8);
  assert.equal(b.run(10), StopReason.Svc);
  a.cpu.pc = BigInt(CODE);
  a.cpu.run(10);
  assert.equal(a.cpu.getX(0), 101n);
});
