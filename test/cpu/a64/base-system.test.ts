/**
 * Base instructions whose effect is on the CPU's stop reason, memory or
 * system-register model rather than on registers alone. Values of the model
 * registers are those of src/arch/sysreg/aarch64.ts; where qemu-aarch64 7.2
 * agrees it is noted (checked with a static test program under qemu).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StopReason } from '../../../src/cpu/a64/cpu.js';
import { CODE, DATA, cpuWith, runToSvc } from '../../helpers/a64.js';
import { PROT_EXEC, PROT_READ, PROT_WRITE } from '../../../src/memory/user-address-space.js';
import { FEATURES, lookupSysReg } from '../../../src/arch/sysreg/aarch64.js';
import { featureImplemented, idRegisterValue } from '../../../src/cpu/a64/int/features.js';

test('ADR gives pc + offset', () => {
  const t = cpuWith([0x10000060]); // adr x0, .+12
  runToSvc(t);
  assert.equal(t.cpu.getX(0), BigInt(CODE + 12));
});

test('ADRP gives the 4 KiB page of pc + offset pages', () => {
  const t = cpuWith([0x90000000, 0xb0000001, 0xf0ffffe2]); // adrp x0, . ; adrp x1, .+0x1000 ; adrp x2, .-0x1000
  runToSvc(t);
  assert.equal(t.cpu.getX(0), BigInt(CODE));
  assert.equal(t.cpu.getX(1), BigInt(CODE + 0x1000));
  assert.equal(t.cpu.getX(2), BigInt(CODE - 0x1000));
});

test('SVC stops with Svc, the immediate in excImm and pc at the next instruction', () => {
  const t = cpuWith([0xd4002461]); // svc #0x123
  assert.equal(t.cpu.run(10), StopReason.Svc);
  assert.equal(t.cpu.excImm, 0x123);
  assert.equal(t.cpu.pc, BigInt(CODE + 4));
});

test('BRK stops with Brk and pc at the BRK instruction', () => {
  const t = cpuWith([0xd503201f, 0xd4200020]); // nop; brk #1
  assert.equal(t.cpu.run(10), StopReason.Brk);
  assert.equal(t.cpu.excImm, 1);
  assert.equal(t.cpu.pc, BigInt(CODE + 4));
});

test('HLT stops with Hlt and pc at the HLT instruction', () => {
  const t = cpuWith([0xd4400200]); // hlt #0x10
  assert.equal(t.cpu.run(10), StopReason.Hlt);
  assert.equal(t.cpu.excImm, 0x10);
  assert.equal(t.cpu.pc, BigInt(CODE));
});

test('WFI, WFE and YIELD stop with Wait and pc at the next instruction', () => {
  for (const w of [0xd503207f, 0xd503205f, 0xd503203f]) {
    const t = cpuWith([w]);
    assert.equal(t.cpu.run(10), StopReason.Wait);
    assert.equal(t.cpu.pc, BigInt(CODE + 4));
    runToSvc(t);
  }
});

test('BLR X30 branches to the old X30 and links to the next instruction', () => {
  // blr x30 ; (target) svc
  const t = cpuWith([0xd63f03c0]);
  t.cpu.setX(30, BigInt(CODE + 4));
  runToSvc(t);
  assert.equal(t.cpu.getX(30), BigInt(CODE + 4));
  assert.equal(t.cpu.pc, BigInt(CODE + 8));
});

test('BR to a misaligned address stops with an Alignment fault', () => {
  const t = cpuWith([0xd61f0020]); // br x1
  t.cpu.setX(1, BigInt(CODE + 2));
  assert.equal(t.cpu.run(10), StopReason.Alignment);
});

test('B.cond and CBZ fall through to the next instruction when not taken', () => {
  const t = cpuWith([0x54000040, 0xb4000041]); // b.eq +8 ; cbz x1, +8
  t.cpu.nzcv = 0;
  t.cpu.setX(1, 1n);
  runToSvc(t);
  assert.equal(t.cpu.pc, BigInt(CODE + 12));
});

test('CLREX clears the exclusive monitor', () => {
  const t = cpuWith([0xd5033f5f]);
  t.cpu.exclValid = 1;
  runToSvc(t);
  assert.equal(t.cpu.exclValid, 0);
});

test('DC ZVA zeroes the aligned 64-byte block holding the address', () => {
  const t = cpuWith([0xd50b7420]); // dc zva, x0
  t.mem.writeBytes(DATA, new Uint8Array(256).fill(0xaa));
  t.cpu.setX(0, BigInt(DATA + 64 + 6));
  runToSvc(t);
  const b = t.mem.readBytes(DATA, 256);
  for (let i = 0; i < 256; i++) assert.equal(b[i], i >= 64 && i < 128 ? 0 : 0xaa, `byte ${i}`);
});

test('DC ZVA of an unmapped address is a data abort at the instruction', () => {
  const t = cpuWith([0xd50b7420]);
  t.cpu.setX(0, 0x10n);
  assert.equal(t.cpu.run(10), StopReason.DataAbort);
  assert.equal(t.cpu.pc, BigInt(CODE));
});

test('DC ZVA invalidates decoded code in the zeroed block', () => {
  // CODE: add x1, x1, #1; ret ... CODE+64: bl CODE; dc zva, x0; bl CODE
  const words = new Array<number>(19).fill(0xd503201f);
  words[0] = 0x91000421;
  words[1] = 0xd65f03c0;
  words[16] = 0x97fffff0;
  words[17] = 0xd50b7420;
  words[18] = 0x97ffffee;
  const t = cpuWith(words);
  t.mem.protect(CODE / 4096, 1, PROT_READ | PROT_WRITE | PROT_EXEC);
  t.cpu.setX(0, BigInt(CODE));
  t.cpu.pc = BigInt(CODE + 64);
  assert.equal(t.cpu.run(100), StopReason.Undefined);
  assert.equal(t.cpu.pc, BigInt(CODE));
  assert.equal(t.cpu.getX(1), 1n);
});

test('MRS of DCZID_EL0 gives a 64-byte block (BS=4) and CTR_EL0 64-byte lines', () => {
  const t = cpuWith([0xd53b00e0, 0xd53b0021]); // mrs x0, dczid_el0; mrs x1, ctr_el0
  runToSvc(t);
  assert.equal(t.cpu.getX(0), 4n);
  assert.equal(t.cpu.getX(1), 0x8444c004n);
});

test('MRS of TPIDRRO_EL0 reads the value the embedder set', () => {
  const t = cpuWith([0xd53bd060]); // mrs x0, tpidrro_el0
  t.cpu.tpidrroLo = 0x1234;
  t.cpu.tpidrroHi = 0x5678;
  runToSvc(t);
  assert.equal(t.cpu.getX(0), 0x0000567800001234n);
});

test('CNTVCT_EL0 counts up at CNTFRQ_EL0 = 62.5 MHz (as qemu-aarch64 reports)', async () => {
  const t = cpuWith([0xd53be040, 0xd53be001]); // mrs x0, cntvct_el0; mrs x1, cntfrq_el0
  runToSvc(t);
  const a = t.cpu.getX(0);
  assert.equal(t.cpu.getX(1), 62_500_000n);
  await new Promise((r) => setTimeout(r, 20));
  t.cpu.pc = BigInt(CODE);
  runToSvc(t);
  const d = t.cpu.getX(0) - a;
  assert.ok(d >= 62_500n * 15n && d < 62_500n * 2000n, `delta ${d}`);
});

test('ID_AA64ISAR0_EL1 describes the implemented features (FEATURES probed against the core)', () => {
  const t = cpuWith([0xd5380600]); // mrs x0, id_aa64isar0_el1
  runToSvc(t);
  const v = t.cpu.getX(0);
  assert.equal(v, idRegisterValue('id_aa64isar0_el1'));
  const field = (s: number): bigint => (v >> BigInt(s)) & 0xfn;
  assert.equal(field(16), 1n); // CRC32 (base)
  assert.equal(field(52), 2n); // FlagM + FlagM2 (base)
  assert.equal(field(60), 0n); // no RNDR
  const f = (name: string): boolean => featureImplemented(FEATURES.find((k) => k.name === name)!);
  assert.equal(field(4), f('PMULL') ? 2n : f('AES') ? 1n : 0n);
  assert.equal(field(20), f('LSE') ? 2n : 0n);
});

test('ID_AA64ISAR1_EL1 does not claim DC CVAP (FEAT_DPB off, as in qemu-aarch64 user mode), which is UNDEFINED', () => {
  assert.equal(idRegisterValue('id_aa64isar1_el1') & 0xfn, 0n);
  const t = cpuWith([0xd50b7c20]); // dc cvap, x0
  assert.equal(t.cpu.run(10), StopReason.Undefined);
});

test('RNDR is UNDEFINED (FEAT_RNG not implemented)', () => {
  assert.equal(lookupSysReg(3, 3, 2, 4, 0), undefined);
  const t = cpuWith([0xd53b2400]); // mrs x0, rndr
  assert.equal(t.cpu.run(10), StopReason.Undefined);
});

test('an MRS of a register EL0 cannot read is UNDEFINED with a diagnostic naming the encoding', () => {
  const t = cpuWith([0xd53b4220]); // mrs x0, daif
  assert.equal(t.cpu.run(10), StopReason.Undefined);
  assert.equal(t.cpu.pc, BigInt(CODE));
  assert.match(t.diagnostics[0], /UNDEFINED instruction 0xd53b4220 .*S3_3_C4_C2_1/);
});
