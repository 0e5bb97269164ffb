/**
 * Memory paths of the interpreter that the performance work touched: a TLB
 * fill that allocates a frame may grow (and so detach) the WebAssembly
 * memory in the middle of a load or store.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { A64Cpu, StopReason } from '../../../src/cpu/a64/cpu.js';
import { UserAddressSpace, PROT_EXEC, PROT_READ, PROT_WRITE } from '../../../src/memory/user-address-space.js';

const CODE = 0x400000;
const DATA = 0x10000000;
/** 24 MiB of data pages: more than the initial guest RAM, so touching them grows it. */
const PAGES = 6144;

test('stores and loads stay correct when the TLB fill grows guest memory', () => {
  const mem = new UserAddressSpace();
  mem.mapAnonymous(CODE / 4096, 1, PROT_READ | PROT_EXEC);
  mem.mapAnonymous(DATA / 4096, PAGES, PROT_READ | PROT_WRITE);
  // 1: str w1, [x3]; ldr w4, [x3]; add x3, x3, #1, lsl #12; subs x2, x2, #1; b.ne 1b; svc #0
  const words = [0xb9000061, 0xb9400064, 0x91400463, 0xf1000442, 0x54ffff81, 0xd4000001];
  const code = new Uint8Array(words.length * 4);
  words.forEach((w, i) => new DataView(code.buffer).setUint32(4 * i, w >>> 0, true));
  mem.writeBytes(CODE, code);
  const cpu = new A64Cpu(mem, { diagnostic: () => {} });
  cpu.pc = BigInt(CODE);
  cpu.setX(1, 0x12345678n);
  cpu.setX(2, BigInt(PAGES));
  cpu.setX(3, BigInt(DATA));
  assert.equal(cpu.run(10 * PAGES), StopReason.Svc);
  assert.equal(cpu.getX(4), 0x12345678n);
  assert.equal(cpu.getX(3), BigInt(DATA + PAGES * 4096));
  assert.equal(cpu.icount, 5 * PAGES + 1);
});
