/**
 * Load/store behaviours where we choose differently from qemu-aarch64 7.2
 * (each says how and why), and CPU-level behaviours a single-instruction
 * qemu comparison cannot show (stop reasons, the monitor between CPUs).
 * The bulk of the instruction semantics is pinned against qemu in
 * ldst-qemu.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { A64Cpu, CodeCache, StopReason } from '../../../src/cpu/a64/cpu.js';
import { Access } from '../../../src/memory/address-space.js';
import { UserAddressSpace, PROT_EXEC, PROT_READ, PROT_WRITE } from '../../../src/memory/user-address-space.js';
import { CODE, DATA, cpuWith, runToSvc } from '../../helpers/a64.js';

const SVC = 0xd4000001;

function readU64(t: { mem: UserAddressSpace }, addr: number): bigint {
  return new DataView(t.mem.readBytes(addr, 8).buffer).getBigUint64(0, true);
}

test('STP whose second half is read-only writes nothing and faults at the STP (qemu writes the first half)', () => {
  // stp x2, x3, [x1, #-16]! with x1 - 16 = 8 bytes before a read-only page.
  const t = cpuWith([0xa9bf0c22], 1);
  t.mem.mapAnonymous(DATA / 4096 + 1, 1, PROT_READ);
  t.cpu.setX(1, BigInt(DATA + 4096 + 8));
  t.cpu.setX(2, 0x1111n);
  t.cpu.setX(3, 0x2222n);
  assert.equal(t.cpu.run(10), StopReason.DataAbort);
  assert.equal(t.cpu.pc, BigInt(CODE));
  assert.equal(t.cpu.getX(1), BigInt(DATA + 4096 + 8), 'no writeback');
  assert.equal(readU64(t, DATA + 4096 - 8), 0n, 'first half not written');
});

test('STR Q across into a read-only page writes nothing (qemu writes the first 8 bytes)', () => {
  // str q0, [x1]
  const t = cpuWith([0x3d800020], 1);
  t.mem.mapAnonymous(DATA / 4096 + 1, 1, PROT_READ);
  t.cpu.setX(1, BigInt(DATA + 4096 - 8));
  t.cpu.v8.fill(0xab, 0, 16);
  assert.equal(t.cpu.run(10), StopReason.DataAbort);
  assert.equal(readU64(t, DATA + 4096 - 8), 0n);
});

test('STGP is UNDEFINED (memory tagging is not implemented; qemu 7.2 -cpu max executes it)', () => {
  const t = cpuWith([0x69000820]);
  assert.equal(t.cpu.run(10), StopReason.Undefined);
  assert.equal(t.cpu.pc, BigInt(CODE));
});

test('a misaligned LDXR stops with Alignment, the fault address and the access in cpu.fault', () => {
  // ldxr x0, [x1]
  const t = cpuWith([0xc85f7c20]);
  t.cpu.setX(1, BigInt(DATA + 4));
  t.cpu.setX(0, 5n);
  assert.equal(t.cpu.run(10), StopReason.Alignment);
  assert.equal(t.cpu.pc, BigInt(CODE));
  assert.equal(t.cpu.fault.addrLo, DATA + 4);
  assert.equal(t.cpu.fault.addrHi, 0);
  assert.equal(t.cpu.fault.access, Access.Read);
  assert.equal(t.cpu.getX(0), 5n);
});

test('STXR of another size than the LDXR fails (CONSTRAINED UNPREDICTABLE; qemu compares the value only)', () => {
  // ldxr w0, [x1]; stxr w3, x2, [x1]
  const t = cpuWith([0x885f7c20, 0xc8037c22]);
  t.cpu.setX(1, BigInt(DATA));
  t.cpu.setX(2, 0x55n);
  runToSvc(t);
  assert.equal(t.cpu.getX(3), 1n);
  assert.equal(t.cpu.exclValid, 0);
});

function twoCpus(): { a: A64Cpu; b: A64Cpu; mem: UserAddressSpace } {
  const mem = new UserAddressSpace();
  mem.mapAnonymous(CODE / 4096, 4, PROT_READ | PROT_EXEC);
  mem.mapAnonymous(DATA / 4096, 1, PROT_READ | PROT_WRITE);
  const words = [
    0xc85f7c20, // CODE+0:  ldxr x0, [x1]
    SVC,
    0xc8037c22, // CODE+8:  stxr w3, x2, [x1]
    SVC,
    0xf9000025, // CODE+16: str x5, [x1]
    SVC,
  ];
  const code = new Uint8Array(words.length * 4);
  words.forEach((w, i) => new DataView(code.buffer).setUint32(4 * i, w >>> 0, true));
  mem.writeBytes(CODE, code);
  const cache = new CodeCache();
  const a = new A64Cpu(mem, { codeCache: cache, diagnostic: () => {} });
  const b = new A64Cpu(mem, { codeCache: cache, diagnostic: () => {} });
  for (const c of [a, b]) c.setX(1, BigInt(DATA));
  return { a, b, mem };
}

test('STXR fails when another CPU changed the value after the LDXR', () => {
  const { a, b } = twoCpus();
  a.pc = BigInt(CODE);
  assert.equal(a.run(10), StopReason.Svc); // ldxr
  b.setX(5, 42n);
  b.pc = BigInt(CODE + 16);
  assert.equal(b.run(10), StopReason.Svc); // str x5 from the other CPU
  a.setX(2, 7n);
  a.pc = BigInt(CODE + 8);
  assert.equal(a.run(10), StopReason.Svc); // stxr
  assert.equal(a.getX(3), 1n);
});

test('STXR succeeds when another CPU stored the same value (compare-and-swap semantics, as qemu)', () => {
  const { a, b } = twoCpus();
  a.pc = BigInt(CODE);
  a.run(10);
  b.setX(5, 0n); // memory holds 0 already
  b.pc = BigInt(CODE + 16);
  b.run(10);
  a.setX(2, 7n);
  a.pc = BigInt(CODE + 8);
  a.run(10);
  assert.equal(a.getX(3), 0n);
});

test('PRFM never faults, even with an unmapped base', () => {
  // prfm pldl1keep, [x1]; prfm pldl1keep, [x1, x2]
  const t = cpuWith([0xf9800020, 0xf8a26820]);
  t.cpu.setX(1, 0xdead0000n);
  runToSvc(t);
});
