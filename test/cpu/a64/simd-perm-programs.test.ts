/**
 * A static C program (test/guest/simd-perm/neon-perm.c, built by
 * scripts/build-guests.sh) that uses structure loads/stores, lanes,
 * replicate, permutes, EXT, TBL/TBX and lane moves as gcc emits them, on data
 * spanning a page boundary: its output must equal qemu-aarch64's.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { guest, runBoth } from '../../helpers/run-both.js';

test('neon-perm.c prints the same lines under armvisor and qemu', () => {
  const r = runBoth(guest('simd-perm', 'neon-perm'));
  assert.equal(r.qemu.status, 0);
  assert.ok(r.qemu.stdout.includes('tbl4'));
  assert.equal(r.armvisor.stdout, r.qemu.stdout, r.armvisor.stderr);
  assert.equal(r.armvisor.status, 0);
});
