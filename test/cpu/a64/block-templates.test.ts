/**
 * Code templates (src/cpu/a64/templates.ts) in compiled blocks must be
 * invisible: random instruction sequences of every encoding class (the
 * difftester's generator, random register and memory states) end in exactly
 * the pure interpreter's state, signal and memory when every block is
 * compiled at its first entry, with the guest registers in cpu.x and in
 * JavaScript locals. The interpreter is the reference (it is itself checked
 * against qemu-aarch64); test/difftest's --blocks mode compares the same
 * templates with qemu directly.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { A64Cpu, StopReason } from '../../../src/cpu/a64/cpu.js';
import { setBlockTemplates, type LocalsMode } from '../../../src/cpu/a64/block.js';
import { UserAddressSpace, PROT_EXEC, PROT_READ, PROT_WRITE } from '../../../src/memory/user-address-space.js';
import { ArmvisorRunner } from '../../difftest/armvisor-runner.js';
import { classes, generateCase } from '../../difftest/generator.js';
import { caseSeed } from '../../difftest/difftest.js';
import { Prng } from '../../difftest/prng.js';
import type { CaseResult } from '../../difftest/case-format.js';

/** Families with templates, plus their neighbours (calls that stay calls). */
const FAMILY =
  /Add\/subtract|Logical|Move wide|Bitfield|Extract|PC-rel|Conditional|Compare|Test|branch|Data-processing \((2|3) source\)|Load\/store register|Load register|SIMD (three same|shift by immediate)|modified immediate/i;

function outcome(r: CaseResult): string {
  return JSON.stringify(
    {
      signo: r.signo,
      siCode: r.siCode,
      fault: r.faultAddr.toString(16),
      pc: r.pc.toString(16),
      x: r.state.x.map((v) => v.toString(16)),
      sp: r.state.sp.toString(16),
      nzcv: r.state.nzcv,
      v: Buffer.from(r.state.v).toString('hex'),
      fpsr: r.state.fpsr,
      mem: [...r.diffs].map(([k, b]) => `${k}:${Buffer.from(b).toString('hex')}`),
    },
    null,
    1,
  );
}

test('random sequences of every template family end in the interpreter state when run as compiled blocks', () => {
  const interp = new ArmvisorRunner(false);
  const blocks = new ArmvisorRunner(true); // alternates registers in locals / in cpu.x
  const fams = classes().filter((c) => FAMILY.test(c.cls) && c.entries.length > 0);
  assert.ok(fams.length >= 20, `template families found: ${fams.length}`);
  let compared = 0;
  for (const c of fams) {
    for (let i = 0; i < 80; i++) {
      // Long sequences (up to 24) give blocks of every length, including the ones that use locals by default.
      const tc = generateCase(new Prng(caseSeed(7, i, c.cls)), c, { maxLen: i % 2 ? 24 : 6 });
      if (!tc) continue;
      const want = outcome(interp.run(tc));
      const got = outcome(blocks.run(tc));
      assert.equal(got, want, `${c.cls} case ${i}: ${tc.insns.map((w) => (w >>> 0).toString(16)).join(' ')}`);
      compared++;
    }
  }
  setBlockTemplates(true, 'auto');
  assert.ok(compared > 1000, `${compared} cases compared`);
});

// ---- hand-made blocks: faults in the middle, budgets, with each register mode

const CODE = 0x400000;
const DATA = 0x10000000;

function machine(words: number[], blocks: boolean): A64Cpu {
  const mem = new UserAddressSpace();
  mem.mapAnonymous(CODE / 4096, 1, PROT_READ | PROT_EXEC);
  mem.mapAnonymous(DATA / 4096, 2, PROT_READ | PROT_WRITE);
  const code = new Uint8Array(words.length * 4);
  words.forEach((w, i) => new DataView(code.buffer).setUint32(i * 4, w >>> 0, true));
  mem.writeBytes(CODE, code);
  const cpu = new A64Cpu(mem, { compileBlocks: blocks, hotThreshold: 1, diagnostic: () => {} });
  cpu.pc = BigInt(CODE);
  for (let r = 0; r < 31; r++) cpu.setX(r, BigInt(r) * 0x0101_0101_0101n + 0xfff0n);
  cpu.setX(3, BigInt(DATA));
  return cpu;
}

function snapshot(cpu: A64Cpu): string {
  const regs = Array.from({ length: 32 }, (_, i) => cpu.getX(i).toString(16));
  return JSON.stringify({ regs, pc: cpu.pc.toString(16), nzcv: cpu.nzcv, icount: cpu.icount, stop: cpu.stopReason });
}

// Register writes, then a load that walks off the end of the data pages (templated, faults on its slow path).
const WALK = [
  0x91000400, // loop: add x0, x0, #1
  0xab010042, // adds x2, x2, x1
  0xf8408464, // ldr x4, [x3], #8
  0x8b040021, // add x1, x1, x4
  0xd1000505, // sub x5, x8, #1
  0x17fffffb, // b loop
];
// A counted loop of ALU templates with flags and a conditional exit in the middle.
const COUNT = [
  0xd2800fa1, // mov x1, #125
  0x8b010000, // loop: add x0, x0, x1
  0xca000442, // eor x2, x2, x0, lsl #1
  0xf100103f, // cmp x1, #4
  0x54000041, // b.ne +8
  0x91000484, // add x4, x4, #1
  0xf1000421, // subs x1, x1, #1
  0x54ffff41, // b.ne loop
  0xd4000001, // svc #0
];

// Two blocks that branch to each other (chained calls), the second one's load faulting at last.
const PINGPONG = [
  0x91000400, // a: add x0, x0, #1
  0x14000002, // b b
  0xd503201f, // nop
  0xf8408464, // b: ldr x4, [x3], #8
  0x8b040021, // add x1, x1, x4
  0x17fffffb, // b a
];

for (const mode of ['never', 'always', 'auto'] as LocalsMode[]) {
  test(`a load faulting in a chained block stops at it with the interpreter state and count (registers: ${mode})`, () => {
    setBlockTemplates(true, mode);
    for (const budget of [1_000_000, 999, 64]) {
      const a = machine(PINGPONG, true);
      const b = machine(PINGPONG, false);
      let ra: StopReason;
      let rb: StopReason;
      do {
        ra = a.run(budget);
        rb = b.run(budget);
        assert.equal(snapshot(a), snapshot(b), `budget ${budget}`);
      } while (ra === StopReason.Budget && rb === StopReason.Budget);
      assert.equal(ra, StopReason.DataAbort);
      assert.equal(a.pc, BigInt(CODE + 12), 'pc at the load');
    }
    setBlockTemplates(true, 'auto');
  });

  test(`a load faulting inside a compiled loop stops at it with the interpreter state (registers: ${mode})`, () => {
    setBlockTemplates(true, mode);
    const a = machine(WALK, true);
    const b = machine(WALK, false);
    assert.equal(a.run(1_000_000), StopReason.DataAbort);
    assert.equal(b.run(1_000_000), StopReason.DataAbort);
    assert.equal(snapshot(a), snapshot(b));
    assert.equal(a.pc, BigInt(CODE + 8), 'pc at the load');
    assert.equal(a.fault.addrLo, DATA + 2 * 4096);
    setBlockTemplates(true, 'auto');
  });

  test(`a compiled loop run in budgets of every size matches the interpreter after each run (registers: ${mode})`, () => {
    setBlockTemplates(true, mode);
    for (const budget of [1, 2, 3, 5, 7, 8, 13, 64, 100, 333]) {
      const a = machine(COUNT, true);
      const b = machine(COUNT, false);
      for (let round = 0; round < 2000 && a.stopReason !== StopReason.Svc; round++) {
        a.run(budget);
        b.run(budget);
        assert.equal(snapshot(a), snapshot(b), `budget ${budget}, round ${round}`);
      }
      assert.equal(a.stopReason, StopReason.Svc, `budget ${budget}: the loop finished`);
    }
    setBlockTemplates(true, 'auto');
  });
}
