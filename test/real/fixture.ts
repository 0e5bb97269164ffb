/**
 * Input files for the real-software tests, generated (never committed) and
 * identical on every run: contents from a fixed pseudo-random sequence,
 * fixed modes and modification times, so `ls -l`, `find`, `stat` and `tar`
 * print the same under every emulator.
 */
import { chmodSync, lutimesSync, mkdirSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** 2021-03-04 05:06:07 UTC: every fixture file's mtime and atime. */
export const FIXTURE_TIME = 1614834367;

const WORDS = [
  'alpha',
  'bravo',
  'charlie',
  'delta',
  'echo',
  'foxtrot',
  'golf',
  'hotel',
  'india',
  'juliet',
  'kilo',
  'lima',
  'mike',
  'november',
  'oscar',
  'papa',
  'quebec',
  'romeo',
  'sierra',
  'tango',
  'uniform',
  'victor',
  'whiskey',
  'xray',
  'yankee',
  'zulu',
  'foo',
  'bar',
  'baz',
  'fooo',
];

/** A 32-bit LCG (Numerical Recipes constants): the same bytes everywhere. */
export class Lcg {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    this.s = (Math.imul(this.s, 1664525) + 1013904223) >>> 0;
    return this.s;
  }
  below(n: number): number {
    return (this.next() >>> 8) % n;
  }
  word(): string {
    return WORDS[this.below(WORDS.length)];
  }
}

/** Text of about `bytes` bytes: lines of 1-12 words, some numbers. */
export function wordText(bytes: number, seed: number): string {
  const r = new Lcg(seed);
  const lines: string[] = [];
  let n = 0;
  while (n < bytes) {
    const k = 1 + r.below(12);
    const ws: string[] = [];
    for (let i = 0; i < k; i++) ws.push(r.below(5) === 0 ? String(r.below(100000)) : r.word());
    const line = ws.join(' ');
    lines.push(line);
    n += line.length + 1;
  }
  return lines.join('\n') + '\n';
}

export function randomBytes(n: number, seed: number): Uint8Array {
  const r = new Lcg(seed);
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = r.next() >>> 24;
  return b;
}

function file(dir: string, name: string, data: string | Uint8Array, mode = 0o644): void {
  const p = join(dir, name);
  writeFileSync(p, data);
  chmodSync(p, mode);
  utimesSync(p, FIXTURE_TIME, FIXTURE_TIME);
}

function folder(dir: string, name: string, mode = 0o755): string {
  const p = join(dir, name);
  mkdirSync(p, { recursive: true });
  chmodSync(p, mode);
  return p;
}

/**
 * Write the standard fixture into the (existing, empty) folder `dir`:
 *   lines.txt nums.txt words.txt sorted-words.txt table.csv data.bin big.txt
 *   tree/{a/one.txt,a/two.txt,b/three.log,b/run.sh,empty/,link -> a/one.txt}
 */
export function writeFixture(dir: string): void {
  file(
    dir,
    'lines.txt',
    [
      'the quick brown fox',
      'jumps over the lazy dog',
      'foo bar baz',
      '',
      'Hello, World!',
      'zebra 42',
      'apple 7',
      'fooo and bar',
      'mango 1000',
      'a line with\ttab',
      'last line',
    ].join('\n') + '\n',
  );
  file(dir, 'nums.txt', ['10', '9', '-3', '100', '2.5', '0', '42', '7', '-12', '3e2', '1000', '8', ''].join('\n'));
  const r = new Lcg(7);
  const words: string[] = [];
  for (let i = 0; i < 60; i++) words.push(r.word());
  file(dir, 'words.txt', words.join('\n') + '\n');
  file(dir, 'sorted-words.txt', [...words].sort().join('\n') + '\n');
  const rows: string[] = [];
  for (let i = 0; i < 12; i++)
    rows.push(`${r.word()},${r.below(1000)},${r.word()},${(r.below(10000) / 100).toFixed(2)}`);
  file(dir, 'table.csv', rows.join('\n') + '\n');
  file(dir, 'data.bin', randomBytes(4096, 11));
  file(dir, 'big.txt', wordText(64 * 1024, 13));
  const tree = folder(dir, 'tree');
  const a = folder(tree, 'a');
  const b = folder(tree, 'b', 0o750);
  const empty = folder(tree, 'empty', 0o700);
  file(a, 'one.txt', 'one\n');
  file(a, 'two.txt', wordText(1500, 17), 0o600);
  file(b, 'three.log', 'three\nlines\nhere\n', 0o640);
  file(b, 'run.sh', '#!/bin/sh\necho run\n', 0o755);
  symlinkSync('a/one.txt', join(tree, 'link'));
  lutimesSync(join(tree, 'link'), FIXTURE_TIME, FIXTURE_TIME);
  for (const d of [a, b, empty, tree, dir]) utimesSync(d, FIXTURE_TIME, FIXTURE_TIME);
}
