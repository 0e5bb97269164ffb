/**
 * Initial contents of the data block, from a 32-bit seed. Cheap enough to
 * redo per case in both the harness and here: a fixed 64 KiB base block
 * (mulberry32 from a constant seed), rotated by a seed-derived number of
 * 8-byte words and XORed with a seed-derived 64-bit mask. Mirrors
 * fill_pristine() in test/guest/difftest/harness.c.
 */
import { DATA_SIZE } from './case-format.js';

const WORDS64 = DATA_SIZE / 8;
export const BASE_SEED = 0x9e3779b9;

/** mulberry32 stream from `seed`, one 32-bit word per step. */
function mulberry32(seed: number, out: Uint32Array): void {
  let s = seed | 0;
  for (let i = 0; i < out.length; i++) {
    s = (s + 0x6d2b79f5) | 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = (t ^ (t >>> 14)) >>> 0;
  }
}

let base: Uint32Array | null = null;

/** The data block for `seed` (little-endian host assumed, like the harness). */
export function fillDataBlock(seed: number, out: Uint8Array = new Uint8Array(DATA_SIZE)): Uint8Array {
  if (!base) mulberry32(BASE_SEED, (base = new Uint32Array(DATA_SIZE / 4)));
  const s = seed >>> 0;
  const rot = (s >>> 19) & (WORDS64 - 1);
  const m0 = Math.imul(s, 0x9e3779b1);
  const m1 = Math.imul(s ^ 0x5bd1e995, 0x85ebca6b);
  const w = new Int32Array(out.buffer, out.byteOffset, DATA_SIZE / 4);
  const b = base;
  for (let i = 0; i < WORDS64; i++) {
    const k = ((i + rot) & (WORDS64 - 1)) * 2;
    w[2 * i] = b[k] ^ m0;
    w[2 * i + 1] = b[k + 1] ^ m1;
  }
  return out;
}
