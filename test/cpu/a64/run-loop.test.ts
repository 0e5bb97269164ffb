import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StopReason } from '../../../src/cpu/a64/cpu.js';
import { CODE, cpuWith, runToSvc } from '../../helpers/a64.js';

test('sequential instructions run and SVC stops with the next pc', () => {
  // add x1, x0, #1 ; add x2, x1, #0x10, lsl #12
  const t = cpuWith([0x91000401, 0x91404022]);
  t.cpu.setX(0, 41n);
  runToSvc(t);
  assert.equal(t.cpu.getX(1), 42n);
  assert.equal(t.cpu.getX(2), 42n + 0x10000n);
  assert.equal(t.cpu.pc, BigInt(CODE + 12));
});

test('a branch skips code, BL writes the return address to x30', () => {
  // bl +8 ; add x0, x0, #1 ; add x0, x0, #2
  const t = cpuWith([0x94000002, 0x91000400, 0x91000800]);
  runToSvc(t);
  assert.equal(t.cpu.getX(0), 2n);
  assert.equal(t.cpu.getX(30), BigInt(CODE + 4));
});

test('an encoding with no table entry is UNDEFINED with a one-line diagnostic', () => {
  const t = cpuWith([0x00000000]);
  assert.equal(t.cpu.run(100), StopReason.Undefined);
  assert.equal(t.cpu.pc, BigInt(CODE));
  assert.equal(t.diagnostics.length, 1);
  assert.match(t.diagnostics[0], /UNDEFINED instruction 0x00000000 at 0x400000/);
});

test('the budget stops the loop with pc at the next instruction', () => {
  const t = cpuWith([0x91000400, 0x91000400, 0x91000400]);
  assert.equal(t.cpu.run(2), StopReason.Budget);
  assert.equal(t.cpu.pc, BigInt(CODE + 8));
  assert.equal(t.cpu.getX(0), 2n);
});
