/**
 * Our own C test programs (test/guest/programs: integer, floating point,
 * Advanced SIMD/crypto) give byte-identical output and exit status under
 * armvisor and under qemu-aarch64.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { guest, runBoth } from '../helpers/run-both.js';

for (const name of ['int', 'fp', 'simd', 'neon-int']) {
  test(`${name}.c prints the same as under qemu-aarch64`, () => {
    const { armvisor, qemu } = runBoth(guest('programs', name));
    assert.equal(armvisor.stderr, '', 'armvisor printed diagnostics');
    assert.equal(armvisor.stdout, qemu.stdout);
    assert.equal(armvisor.status, qemu.status);
  });
}
