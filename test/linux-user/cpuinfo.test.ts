/**
 * /proc/cpuinfo describes the emulated CPU in Linux/arm64's format: the
 * feature names are exactly the AT_HWCAP/AT_HWCAP2 bits armvisor claims, in
 * hwcap order, and the CPU fields decode MIDR_EL1.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { procCpuinfo } from '../../src/linux-user/cpuinfo.js';
import { implementedFeatures } from '../../src/linux-user/hwcaps.js';
import { AARCH64_SYSREGS } from '../../src/arch/sysreg/aarch64.js';
import { REPO, runArmvisor } from '../helpers/run-both.js';

test('the Features line lists the claimed hwcaps in lower case, AT_HWCAP bits first', () => {
  const features = /^Features\t: (.*)$/m.exec(procCpuinfo())![1].split(' ');
  const claimed = [...implementedFeatures()].sort((a, b) => a.word - b.word || a.bit - b.bit);
  assert.deepEqual(
    features,
    claimed.map((f) => f.name.toLowerCase()),
  );
  assert.equal(features[0], 'fp');
  assert.ok(features.includes('asimd') && features.includes('atomics'));
});

test('the CPU fields decode MIDR_EL1 and there is one processor', () => {
  const text = procCpuinfo();
  const midr = Number(AARCH64_SYSREGS.find((r) => r.name === 'midr_el1')!.reset);
  assert.match(text, /^processor\t: 0\n/);
  assert.equal((text.match(/^processor/gm) ?? []).length, 1);
  assert.match(text, new RegExp(`^CPU part\\t: 0x${((midr >>> 4) & 0xfff).toString(16).padStart(3, '0')}$`, 'm'));
  assert.match(text, /^CPU architecture: 8$/m);
  assert.match(text, /^BogoMIPS\t: 125\.00$/m);
});

test('a guest reading /proc/cpuinfo gets that text', (t) => {
  const busybox = resolve(REPO, 'build/sysroot-arm64/bin/busybox');
  if (!existsSync(busybox)) return t.skip('no arm64 busybox: run scripts/fetch-debian-arm64.sh');
  const r = runArmvisor(busybox, { args: ['cat', '/proc/cpuinfo'] });
  assert.equal(r.status, 0);
  assert.equal(r.stdout, procCpuinfo());
});
