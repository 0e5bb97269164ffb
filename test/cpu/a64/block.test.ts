/**
 * Compiled blocks (src/cpu/a64/block.ts) must be invisible: a CPU that
 * compiles hot runs of instructions ends every run() in exactly the state,
 * PC, stop reason and instruction count of the pure interpreter, whatever the
 * budget, when a fault hits inside a block, and when a loop rewrites its own
 * code. The interpreter is the reference (it is itself checked against qemu).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { A64Cpu, StopReason } from '../../../src/cpu/a64/cpu.js';
import { UserAddressSpace, PROT_EXEC, PROT_READ, PROT_WRITE } from '../../../src/memory/user-address-space.js';

const CODE = 0x400000;
const DATA = 0x10000000;

// A: a loop with a load, a store, a conditional skip and flag setting (4000 rounds).
const LOOP_A = [
  0xd2817701, // mov x1, #3000
  0xf8617862, // ldr x2, [x3, x1, lsl #3]
  0x8b010042, // add x2, x2, x1
  0x36100041, // tbz w1, #2, +8
  0xca011c42, // eor x2, x2, x1, lsl #7
  0xf8217862, // str x2, [x3, x1, lsl #3]
  0xab020000, // adds x0, x0, x2
  0xd1000421, // sub x1, x1, #1
  0xb5ffff21, // cbnz x1, loop (insn 1)
  0xd4000001, // svc #0
];
// B: store upwards until the store faults at the end of the data pages.
const LOOP_B = [0xf8008460 /* str x0, [x3], #8 */, 0x91000c00 /* add x0, x0, #3 */, 0x17fffffe /* b loop */];
// C: counts down from x1; when x1 reaches 50 it stores w4 over the loop's first instruction.
const LOOP_C = [
  0x91000400, // loop: add x0, x0, #1
  0xd1000421, // sub x1, x1, #1
  0xf100c83f, // cmp x1, #50
  0x54000041, // b.ne +8
  0xb90000a4, // str w4, [x5]
  0xb5ffff61, // cbnz x1, loop
  0x91019006, // add x6, x0, #100
  0xd4000001, // svc #0
];

function machine(words: number[], compileBlocks: boolean, codeWritable = false): A64Cpu {
  const mem = new UserAddressSpace();
  mem.mapAnonymous(CODE / 4096, 1, PROT_READ | PROT_EXEC | (codeWritable ? PROT_WRITE : 0));
  mem.mapAnonymous(DATA / 4096, 8, PROT_READ | PROT_WRITE);
  const code = new Uint8Array(words.length * 4);
  words.forEach((w, i) => new DataView(code.buffer).setUint32(i * 4, w >>> 0, true));
  mem.writeBytes(CODE, code);
  const init = new Uint8Array(8 * 4096);
  for (let i = 0; i < init.length; i++) init[i] = (i * 37) ^ (i >> 5);
  mem.writeBytes(DATA, init);
  const cpu = new A64Cpu(mem, { compileBlocks, diagnostic: () => {} });
  cpu.pc = BigInt(CODE);
  cpu.setX(3, BigInt(DATA));
  return cpu;
}

function snapshot(cpu: A64Cpu): string {
  const regs = Array.from({ length: 32 }, (_, i) => cpu.getX(i).toString(16));
  return JSON.stringify({ regs, pc: cpu.pc.toString(16), nzcv: cpu.nzcv, icount: cpu.icount, stop: cpu.stopReason });
}

test('a hot loop run in budgets of every size ends in the interpreter state after each run', () => {
  for (const budget of [1, 2, 7, 48, 63, 64, 65, 100, 333, 1000, 4097]) {
    const a = machine(LOOP_A, true);
    const b = machine(LOOP_A, false);
    for (let round = 0; round < 30_000 / budget + 10 && a.stopReason !== StopReason.Svc; round++) {
      a.run(budget);
      b.run(budget);
      assert.equal(snapshot(a), snapshot(b), `budget ${budget}, round ${round}`);
    }
    assert.equal(a.stopReason, StopReason.Svc, `budget ${budget}: the loop finished`);
  }
});

test('the loop really runs as a compiled block (and so is faster to count)', () => {
  const a = machine(LOOP_A, true);
  assert.equal(a.run(1_000_000), StopReason.Svc);
  assert.ok(
    a.code.pages.get(CODE / 4096)!.blocks.some((blk) => blk !== undefined),
    'a block was compiled',
  );
});

test('a fault inside a compiled block stops at the faulting store with the interpreter state', () => {
  const a = machine(LOOP_B, true);
  const b = machine(LOOP_B, false);
  assert.equal(a.run(1_000_000), StopReason.DataAbort);
  assert.equal(b.run(1_000_000), StopReason.DataAbort);
  assert.equal(snapshot(a), snapshot(b));
  assert.equal(a.pc, BigInt(CODE), 'pc at the store');
  assert.equal(a.getX(3), BigInt(DATA + 8 * 4096), 'x3 at the first unmapped address');
  assert.equal(a.fault.addrLo, DATA + 8 * 4096);
});

test('a compiled loop that stores over its own first instruction runs the new one from then on', () => {
  for (const compileBlocks of [true, false]) {
    const cpu = machine(LOOP_C, compileBlocks, true);
    cpu.setX(1, 1000n);
    cpu.setX(4, 0x91019000n); // add x0, x0, #100
    cpu.setX(5, BigInt(CODE));
    assert.equal(cpu.run(1_000_000), StopReason.Svc);
    // Rounds 1..950 add 1 (round 950 brings x1 to 50 and stores), rounds 951..1000 add 100.
    assert.equal(cpu.getX(0), 950n + 5000n, `compileBlocks=${compileBlocks}`);
    assert.equal(cpu.getX(6), 950n + 5000n + 100n);
  }
});
