/**
 * The library entry point runProgram(): streams given as callbacks and
 * strings, the exit status and signal in the result, the instruction count,
 * and the generated /proc/self files.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nodeHost } from '../../src/host/node-host.js';
import { ExecError, prepareProgram, runProgram } from '../../src/linux-user/index.js';
import { HWCAP_FEATURES, coreHwcaps } from '../../src/linux-user/hwcaps.js';
import { idRegisterValue } from '../../src/cpu/a64/int/features.js';
import { procMaps } from '../../src/linux-user/procfs.js';
import { guest } from '../helpers/run-both.js';
import { makeProcess, putString, sys } from './fixture.js';

test('runProgram hands stdout to a callback and reports the exit code and instruction count', async () => {
  const out: Uint8Array[] = [];
  const r = await runProgram({ argv: [guest('user', 'hello-asm')], host: nodeHost(), stdout: (d) => out.push(d) });
  assert.equal(Buffer.concat(out).toString(), 'hello, arm64!\n');
  assert.deepEqual(r, { exitCode: 0, instructions: 9 });
});

test('runProgram takes stdin as a string', async () => {
  const out: Uint8Array[] = [];
  const r = await runProgram({
    argv: [guest('user', 'mmap-echo')],
    host: nodeHost(),
    stdin: 'abc',
    stdout: (d) => out.push(d),
  });
  assert.equal(Buffer.concat(out).toString(), 'abc');
  assert.equal(r.exitCode, 100);
});

test('a program killed by a signal reports it, with exit code 128 + signal', async () => {
  const lines: string[] = [];
  const r = await runProgram({
    argv: [guest('user', 'fatal'), 'segv'],
    host: nodeHost(),
    stdout: () => {},
    diagnostic: (l) => lines.push(l),
  });
  assert.equal(r.signal, 11);
  assert.equal(r.exitCode, 139);
  assert.equal(lines.length, 1);
});

test('a missing program is an ExecError, not a crash', async () => {
  await assert.rejects(runProgram({ argv: ['/nonexistent/prog'], host: nodeHost() }), ExecError);
});

test("/proc/self/maps lists the image, heap and stack in Linux's format", () => {
  const prog = guest('user', 'exit42');
  const { process: p } = prepareProgram({ argv: [prog], host: nodeHost() });
  const lines = procMaps(p).trim().split('\n');
  assert.match(lines[0], new RegExp(`^00400000-00401000 r-xp 00000000 00:00 0 {34}${prog}$`));
  assert.match(lines[lines.length - 1], /^ffffff800000-1000000000000 rw-p 00000000 00:00 0 +\[stack\]$/);
});

test('readlink of /proc/self/fd/N names the open file', () => {
  const f = makeProcess();
  f.map.mapAnonymous(0x10000000, 0x1000, 3);
  const fd = sys(f.task, 'openat', -100, putString(f, 0x10000800, '/etc/hostname'), 0, 0);
  const n = sys(f.task, 'readlinkat', -100, putString(f, 0x10000800, `/proc/self/fd/${fd}`), 0x10000000, 256);
  assert.equal(new TextDecoder().decode(f.mem.readBytes(0x10000000, n)), '/etc/hostname');
});

test('the HWCAP table has one entry per bit, and each bit follows its ID register field', () => {
  const keys = HWCAP_FEATURES.map((f) => `${f.word}:${f.bit}`);
  assert.equal(new Set(keys).size, keys.length);
  const { hwcap, hwcap2 } = coreHwcaps();
  const claimed = (name: string): number => {
    const f = HWCAP_FEATURES.find((x) => x.name === name)!;
    return ((f.word === 1 ? hwcap : hwcap2) >>> f.bit) & 1;
  };
  const field = (reg: string, shift: number): number => Number((idRegisterValue(reg) >> BigInt(shift)) & 0xfn);
  // ID_AA64ISAR0_EL1.AES is 2 (AES + PMULL): both bits; SHA2 field 2 (SHA512): SHA2 and SHA512.
  assert.equal(field('id_aa64isar0_el1', 4), 2);
  assert.deepEqual([claimed('AES'), claimed('PMULL')], [1, 1]);
  assert.equal(field('id_aa64isar0_el1', 12), 2);
  assert.deepEqual([claimed('SHA2'), claimed('SHA512')], [1, 1]);
  // Features the core lacks or that are switched off stay unclaimed: RNDR (RNG), DC CVAP (DCPOP).
  assert.equal(field('id_aa64isar0_el1', 60), 0);
  assert.deepEqual([claimed('RNG'), claimed('DCPOP'), claimed('USCAT')], [0, 0, 0]);
  assert.equal(claimed('CPUID'), 1);
});
