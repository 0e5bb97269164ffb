/**
 * Self-tests of the differential tester: the harness carries every register
 * through qemu unchanged, the data block mirrors the harness's, generated
 * words decode to their entries, and the comparator catches a wrong result
 * (so the tester cannot pass vacuously).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { a64Decoder } from '../../src/arch/a64/table.js';
import { ArmvisorRunner, STOP_BUDGET } from './armvisor-runner.js';
import { CODE_ADDR, DATA_ADDR, SIGILL, SIGSEGV, SIGTRAP, SIGVTALRM, type TestCase } from './case-format.js';
import { compareResults } from './compare.js';
import { fillDataBlock } from './data-block.js';
import { classes, generateCase, randomState } from './generator.js';
import { Prng } from './prng.js';
import { runOnQemu } from './qemu-runner.js';

const skip = spawnSync('qemu-aarch64', ['--version']).status === 0 ? false : 'qemu-aarch64 is not installed';

const emptyCase = (seed: number, insns: number[] = []): TestCase => ({
  cls: 'self-test',
  entries: [],
  insns,
  dataSeed: seed,
  state: randomState(new Prng(seed)),
});

test('an empty sequence comes back from qemu with every register and the data block unchanged', { skip }, async () => {
  const cases = [1, 2, 3, 4].map((s) => emptyCase(s));
  const res = await runOnQemu(cases, { jobs: 1 });
  for (let i = 0; i < cases.length; i++) {
    const r = res[i];
    const s = cases[i].state;
    assert.equal(r.signo, SIGTRAP);
    assert.equal(r.pc, BigInt(CODE_ADDR));
    assert.deepEqual(r.state.x, s.x);
    assert.equal(r.state.sp, s.sp);
    assert.equal(r.state.tpidr, s.tpidr);
    assert.equal(r.state.nzcv, s.nzcv);
    assert.equal(r.state.fpcr, s.fpcr);
    assert.equal(r.state.fpsr, s.fpsr);
    assert.deepEqual(r.state.v, s.v);
    assert.equal(r.diffs.size, 0);
  }
});

test('the data block the harness fills is the one data-block.ts computes', { skip }, async () => {
  // ldr x0, [x1] ; ldr x2, [x1, #8] ; ldr x3, [x1, #0xff8]
  const c = emptyCase(77, [0xf9400020, 0xf9400422, 0xf947fc23]);
  const addr = DATA_ADDR + 0x5000;
  c.state.x[1] = BigInt(addr);
  const [r] = await runOnQemu([c], { jobs: 1 });
  const block = new DataView(fillDataBlock(c.dataSeed).buffer);
  assert.equal(r.signo, SIGTRAP);
  assert.equal(r.state.x[0], block.getBigUint64(0x5000, true));
  assert.equal(r.state.x[2], block.getBigUint64(0x5008, true));
  assert.equal(r.state.x[3], block.getBigUint64(0x5ff8, true));
});

test('faults and undefined instructions are reported as SIGSEGV with si_addr and SIGILL', { skip }, async () => {
  const segv = emptyCase(5, [0xf9400020]); // ldr x0, [x1]
  segv.state.x[1] = BigInt(DATA_ADDR - 8);
  const ill = emptyCase(6, [0xd503201f, 0x00000000]); // nop ; udf #0
  const [a, b] = await runOnQemu([segv, ill], { jobs: 1 });
  assert.equal(a.signo, SIGSEGV);
  assert.equal(a.faultAddr, BigInt(DATA_ADDR - 8));
  assert.equal(a.pc, BigInt(CODE_ADDR));
  assert.equal(b.signo, SIGILL);
  assert.equal(b.pc, BigInt(CODE_ADDR + 4));
});

test(
  'a sequence that loops ends on the time limit in qemu and the budget in armvisor, and compares equal',
  { skip },
  async () => {
    const c = emptyCase(12, [0xd63f00a0, 0xd65f03c0]); // blr x5 ; ret (to itself, x30 = its own address)
    c.state.x[5] = BigInt(CODE_ADDR + 4);
    const [expected] = await runOnQemu([c], { jobs: 1 });
    const got = new ArmvisorRunner().run(c);
    assert.equal(expected.signo, SIGVTALRM);
    assert.equal(got.signo, STOP_BUDGET);
    assert.deepEqual(compareResults(expected, got, c), []);
  },
);

test('the comparator reports a perturbed register, flag, V register and memory word', { skip }, async () => {
  const c = emptyCase(9);
  const [expected] = await runOnQemu([c], { jobs: 1 });
  const got = new ArmvisorRunner().run(c);
  assert.deepEqual(compareResults(expected, got, c), []);
  got.state.x[5] ^= 1n;
  got.state.nzcv ^= 0x40000000;
  got.state.v[16 * 3 + 15] ^= 0x80;
  got.diffs.set(0x100, new Uint8Array(8).fill(0xaa));
  const what = compareResults(expected, got, c).map((d) => d.what);
  assert.deepEqual(what, ['x5', 'nzcv', 'v3', `mem[0x${(DATA_ADDR + 0x100).toString(16).padStart(8, '0')}]`]);
});

test('a wrong initial state given to armvisor is caught as a mismatch', { skip }, async () => {
  const c = emptyCase(11);
  const [expected] = await runOnQemu([c], { jobs: 1 });
  const wrong: TestCase = {
    ...c,
    state: { ...c.state, x: c.state.x.map((v, i) => (i === 7 ? v + 1n : v)), fpcr: c.state.fpcr ^ (1 << 25) },
  };
  const got = new ArmvisorRunner().run(wrong);
  assert.deepEqual(
    compareResults(expected, got, c).map((d) => d.what),
    ['x7', 'fpcr'],
  );
});

test('generated words decode to the entry they were made for, and no exception-generating word is made', () => {
  const dec = a64Decoder();
  const rng = new Prng(3);
  for (const info of classes()) {
    if (info.entries.length === 0) continue;
    for (let k = 0; k < 20; k++) {
      const tc = generateCase(rng, info, { maxLen: 4 });
      if (!tc) break;
      tc.insns.forEach((w, i) => {
        assert.equal(dec.lookup(w)?.name, tc.entries[i], `0x${w.toString(16)} in ${info.cls}`);
        assert.notEqual(w & 0xff000000, 0xd4000000 | 0, `exception-generating word 0x${w.toString(16)}`);
      });
    }
  }
});

test('branch offsets are generated forward and inside the sequence', () => {
  const info = classes().find((c) => c.entries.some((e) => e.def.name === 'B_BL'));
  assert.ok(info);
  const rng = new Prng(4);
  for (let k = 0; k < 200; k++) {
    const tc = generateCase(
      rng,
      info,
      { maxLen: 6 },
      info.entries.filter((e) => e.def.name === 'B_BL'),
    )!;
    tc.insns.forEach((w, i) => {
      const off = (w << 6) >> 6; // imm26, in words
      assert.ok(off >= 1 && i + off <= tc.insns.length, `b/bl at ${i} of ${tc.insns.length} jumps ${off}`);
    });
  }
});
