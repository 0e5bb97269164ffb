import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GuestRam } from '../../src/memory/guest-ram.js';

test('guest RAM hands out every frame up to its maximum, then fails with a clear error', () => {
  const ram = new GuestRam(1 << 20, 3 << 20);
  let frames = 0;
  assert.throws(() => {
    for (;;) {
      ram.allocFrame();
      frames++;
    }
  }, /guest RAM exhausted/);
  assert.equal(frames, (3 << 20) / 4096);
});

test('a freed frame comes back zeroed', () => {
  const ram = new GuestRam();
  const f = ram.allocFrame();
  ram.bytes.fill(0xaa, f, f + 4096);
  ram.freeFrame(f);
  const g = ram.allocFrame();
  assert.equal(g, f);
  assert.ok(ram.bytes.subarray(g, g + 4096).every((b) => b === 0));
});
