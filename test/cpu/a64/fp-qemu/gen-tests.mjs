// Builds the pinned tables of test/cpu/a64/fp-qemu.test.ts: curated operands per behaviour,
// expected values from the harness under qemu-aarch64.
import { ops } from './ops.mjs';
import { words } from './words.mjs';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
const find = (ins, t) => {
  const o = ops.find((o) => o.ins === ins && (!t || o.t === t));
  if (!o) throw new Error('no op ' + ins);
  return o;
};
const H = {
  qa: 0x7e01n,
  qb: 0xfe02n,
  sa: 0x7c01n,
  sb: 0xfc02n,
  one: 0x3c00n,
  two: 0x4000n,
  max: 0x7bffn,
  minN: 0x0400n,
  minS: 0x0001n,
  maxS: 0x03ffn,
  inf: 0x7c00n,
  ninf: 0xfc00n,
  z: 0n,
  nz: 0x8000n,
  third: 0x3555n,
  m1: 0xbc00n,
};
const S = {
  qa: 0x7fc00001n,
  qb: 0xffc00002n,
  sa: 0x7f800001n,
  sb: 0xff800002n,
  one: 0x3f800000n,
  two: 0x40000000n,
  max: 0x7f7fffffn,
  minN: 0x00800000n,
  minS: 1n,
  maxS: 0x007fffffn,
  inf: 0x7f800000n,
  ninf: 0xff800000n,
  z: 0n,
  nz: 0x80000000n,
  third: 0x3eaaaaabn,
  m1: 0xbf800000n,
};
const D = {
  qa: 0x7ff8000000000001n,
  qb: 0xfff8000000000002n,
  sa: 0x7ff0000000000001n,
  sb: 0xfff0000000000002n,
  one: 0x3ff0000000000000n,
  two: 0x4000000000000000n,
  max: 0x7fefffffffffffffn,
  minN: 0x0010000000000000n,
  minS: 1n,
  maxS: 0x000fffffffffffffn,
  inf: 0x7ff0000000000000n,
  ninf: 0xfff0000000000000n,
  z: 0n,
  nz: 0x8000000000000000n,
  third: 0x3fd5555555555555n,
  m1: 0xbff0000000000000n,
};
const K = { h: H, s: S, d: D };
const RM = [0, 1 << 22, 2 << 22, 3 << 22];
const FZ = 1 << 24,
  DN = 1 << 25,
  FZ16 = 1 << 19,
  AHP = 1 << 26;
const cats = {};
const add = (cat, ins, t, fpcr, a, b = 0n, c = 0n) => (cats[cat] ??= []).push({ o: find(ins, t), fpcr, a, b, c });
const T = ['h', 's', 'd'];
// NaN propagation
for (const t of T) {
  const k = K[t];
  for (const [a, b] of [
    [k.qa, k.one],
    [k.one, k.qb],
    [k.qa, k.qb],
    [k.sa, k.qb],
    [k.qa, k.sb],
    [k.sa, k.sb],
    [k.one, k.sb],
  ]) {
    for (const op of ['fadd', 'fmul', 'fmax', 'fmaxnm', 'fminnm', 'fnmul'])
      add('nan', `${op} ${t}0, ${t}1, ${t}2`, t, 0, a, b);
    add('nan', `fsub ${t}0, ${t}1, ${t}2`, t, DN, a, b);
  }
  for (const [a, b, c] of [
    [k.qa, k.one, k.sb],
    [k.sa, k.qb, k.one],
    [k.one, k.inf, k.qb],
    [k.z, k.inf, k.qa],
    [k.z, k.inf, k.sa],
    [k.qa, k.qb, k.one],
  ]) {
    add('nan', `fmadd ${t}0, ${t}1, ${t}2, ${t}3`, t, 0, a, b, c);
    add('nan', `fmsub ${t}0, ${t}1, ${t}2, ${t}3`, t, 0, a, b, c);
    add('nan', `fnmadd ${t}0, ${t}1, ${t}2, ${t}3`, t, 0, a, b, c);
  }
  add('nan', `frecps ${t}0, ${t}1, ${t}2`, t, 0, k.qa, k.one);
  add('nan', `frsqrts ${t}0, ${t}1, ${t}2`, t, 0, k.sa, k.one);
  add('nan', `fsqrt ${t}0, ${t}1`, t, 0, k.sb);
  add('nan', `frintx ${t}0, ${t}1`, t, DN, k.qb);
}
for (const [t, u] of [
  ['s', 'd'],
  ['d', 's'],
  ['d', 'h'],
  ['h', 'd'],
  ['s', 'h'],
])
  for (const a of [K[t].qa, K[t].sb]) {
    add('nan', `fcvt ${u}0, ${t}1`, t, 0, a);
    add('nan', `fcvt ${u}0, ${t}1`, t, DN, a);
  }
// signed zeros and infinities
for (const t of T) {
  const k = K[t];
  for (const r of RM) {
    add('zero', `fadd ${t}0, ${t}1, ${t}2`, t, r, k.z, k.nz);
    add('zero', `fsub ${t}0, ${t}1, ${t}2`, t, r, k.one, k.one);
    add('zero', `fmadd ${t}0, ${t}1, ${t}2, ${t}3`, t, r, k.one, k.m1, k.one);
  }
  add('zero', `fadd ${t}0, ${t}1, ${t}2`, t, 0, k.nz, k.nz);
  add('zero', `fmul ${t}0, ${t}1, ${t}2`, t, 0, k.nz, k.one);
  add('zero', `fmul ${t}0, ${t}1, ${t}2`, t, 0, k.inf, k.nz);
  add('zero', `fmulx ${t}0, ${t}1, ${t}2`, t, 0, k.ninf, k.z);
  add('zero', `fdiv ${t}0, ${t}1, ${t}2`, t, 0, k.one, k.nz);
  add('zero', `fdiv ${t}0, ${t}1, ${t}2`, t, 0, k.z, k.z);
  add('zero', `fdiv ${t}0, ${t}1, ${t}2`, t, 0, k.inf, k.inf);
  add('zero', `fsqrt ${t}0, ${t}1`, t, 0, k.nz);
  add('zero', `fsqrt ${t}0, ${t}1`, t, 0, k.m1);
  add('zero', `fadd ${t}0, ${t}1, ${t}2`, t, 0, k.inf, k.ninf);
  add('zero', `fmax ${t}0, ${t}1, ${t}2`, t, 0, k.nz, k.z);
  add('zero', `fmin ${t}0, ${t}1, ${t}2`, t, 0, k.z, k.nz);
  add('zero', `fmadd ${t}0, ${t}1, ${t}2, ${t}3`, t, 0, k.inf, k.z, k.one);
  add('zero', `fmadd ${t}0, ${t}1, ${t}2, ${t}3`, t, 0, k.inf, k.one, k.ninf);
  add('zero', `frecps ${t}0, ${t}1, ${t}2`, t, 0, k.inf, k.nz);
  add('zero', `frsqrts ${t}0, ${t}1, ${t}2`, t, 0, k.z, k.ninf);
  add('zero', `frintm ${t}0, ${t}1`, t, 0, k.nz);
  add('zero', `frintn ${t}0, ${t}1`, t, 0, t === 'h' ? 0xb800n : t === 's' ? 0xbf000000n : 0xbfe0000000000000n);
}
// overflow / underflow boundaries
for (const t of T) {
  const k = K[t];
  const half = t === 'h' ? 0x3800n : t === 's' ? 0x3f000000n : 0x3fe0000000000000n;
  const justUnder1 = k.one - 1n; // 1 - ulp/2
  for (const r of RM) {
    add('range', `fmul ${t}0, ${t}1, ${t}2`, t, r, k.max, k.two);
    add('range', `fadd ${t}0, ${t}1, ${t}2`, t, r, k.max, k.max);
    add('range', `fmul ${t}0, ${t}1, ${t}2`, t, r, k.minN, justUnder1); // tiny before rounding, rounds to minN in RN
    add('range', `fmul ${t}0, ${t}1, ${t}2`, t, r, k.minN | (1n << BigInt(t === 'h' ? 15 : t === 's' ? 31 : 63)), half); // exact subnormal
    add('range', `fmul ${t}0, ${t}1, ${t}2`, t, r, k.minS, half);
    add('range', `fdiv ${t}0, ${t}1, ${t}2`, t, r, k.minN, k.third);
    add('range', `fmul ${t}0, ${t}1, ${t}2`, t, r | (t === 'h' ? FZ16 : FZ), k.minN, justUnder1);
  }
  add('range', `fsub ${t}0, ${t}1, ${t}2`, t, 0, k.minN + 1n, k.minN);
  add('range', `fsub ${t}0, ${t}1, ${t}2`, t, t === 'h' ? FZ16 : FZ, k.minN + 1n, k.minN);
}
for (const r of RM) {
  add('range', 'fadd d0, d1, d2', 'd', r, D.max, 0x7c90000000000000n);
  add('range', 'fmul d0, d1, d2', 'd', r, D.max, 0x3ff0000000000001n);
  add('range', 'fdiv d0, d1, d2', 'd', r, D.max, 0x3fefffffffffffffn);
  add('range', 'ucvtf h0, %x[a], #48', 'h', r, 0xffffffffffffffffn);
  add('range', 'ucvtf s0, %x[a], #48', 's', r, 0xffffffffffffffffn);
}
for (const r of RM) {
  add('range', 'fcvt s0, d1', 'd', r, 0x47efffffefffffffn);
  add('range', 'fcvt h0, d1', 'd', r, 0x40effe0000000001n);
  add('range', 'fcvt h0, s1', 's', r, 0x33000001n);
  add('range', 'fcvt s0, d1', 'd', r | FZ, 0x380fffffffffffffn);
}
// denormal inputs with FZ / FZ16
for (const t of T) {
  const k = K[t];
  const fz = t === 'h' ? FZ16 : FZ;
  add('denormal', `fadd ${t}0, ${t}1, ${t}2`, t, fz, k.maxS, k.z);
  add('denormal', `fadd ${t}0, ${t}1, ${t}2`, t, 0, k.maxS, k.maxS);
  add(
    'denormal',
    `fmax ${t}0, ${t}1, ${t}2`,
    t,
    fz,
    k.minS | (1n << BigInt(t === 'h' ? 15 : t === 's' ? 31 : 63)),
    k.z,
  );
  add('denormal', `fcmp ${t}1, ${t}2`, t, fz, k.minS, k.z);
  add('denormal', `fabs ${t}0, ${t}1`, t, fz, k.maxS | (1n << BigInt(t === 'h' ? 15 : t === 's' ? 31 : 63)));
  add('denormal', `fadd ${t}0, ${t}1, ${t}2`, t, fz, k.sa, k.minS);
  add('denormal', `frecpe ${t}0, ${t}1`, t, fz, k.maxS);
  add('denormal', `fcvtzs %w[r], ${t}1`, t, fz, k.maxS);
}
add('denormal', 'fcvt s0, h1', 'h', FZ16, 0x0001n);
add('denormal', 'fcvt d0, s1', 's', FZ, 0x00000001n);
add('denormal', 'fcvt h0, s1', 's', FZ16, 0x38000000n);
add('denormal', 'fcvt s0, d1', 'd', 0, 0x3800000000000001n);
// every rounding mode
for (const r of RM)
  for (const t of T) {
    const k = K[t];
    add('rounding', `fdiv ${t}0, ${t}1, ${t}2`, t, r, k.one, k.third);
    add('rounding', `fdiv ${t}0, ${t}1, ${t}2`, t, r, k.m1, k.third);
    add('rounding', `fsqrt ${t}0, ${t}1`, t, r, k.two);
    add('rounding', `fadd ${t}0, ${t}1, ${t}2`, t, r, k.one, k.third);
    add('rounding', `fmadd ${t}0, ${t}1, ${t}2, ${t}3`, t, r, k.third, k.third, k.m1);
    add('rounding', `frinti ${t}0, ${t}1`, t, r, t === 'h' ? 0xc100n : t === 's' ? 0xc0200000n : 0xc004000000000000n);
    add('rounding', `frintx ${t}0, ${t}1`, t, r, t === 'h' ? 0x3e00n : t === 's' ? 0x3fc00000n : 0x3ff8000000000000n);
    add('rounding', `scvtf ${t}0, %x[a]`, t, r, 0x0020000000000001n);
    add('rounding', `ucvtf ${t}0, %x[a]`, t, r, 0xffffffffffffffffn);
    add('rounding', `scvtf ${t}0, %w[a], #13`, t, r, 0x80000001n);
  }
for (const t of T)
  for (const m of ['frintn', 'frintp', 'frintm', 'frintz', 'frinta'])
    for (const a of t === 'd'
      ? [0x4004000000000000n, 0xc00c000000000000n, 0x3fe0000000000001n]
      : t === 's'
        ? [0x40200000n, 0xc0600000n]
        : [0x4100n, 0xc300n])
      add('rounding', `${m} ${t}0, ${t}1`, t, 0, a);
for (const t of ['s', 'd'])
  for (const m of ['frint32z', 'frint32x', 'frint64z', 'frint64x'])
    for (const a of t === 's'
      ? [0x4f000000n, 0xcf000000n, 0x5f000000n, 0x3fc00000n, 0x7fc00000n]
      : [0x41dfffffffe00000n, 0xc1e0000000100000n, 0x43e0000000000000n, 0xbff8000000000000n, 0xfff0000000000000n])
      add('rounding', `${m} ${t}0, ${t}1`, t, 1 << 22, a);
// conversions at saturation limits
for (const t of ['s', 'd']) {
  const vals =
    t === 's'
      ? [
          0x4f000000n,
          0xcf000000n,
          0xcf000001n,
          0x5f000000n,
          0xdf000000n,
          0x5f800000n,
          0xbf000000n,
          0xbf800000n,
          0x7fc00000n,
          0x7f800000n,
          0xff800000n,
          0x4effffffn,
        ]
      : [
          0x41dfffffffc00000n,
          0x41dfffffffe00000n,
          0xc1e0000000000000n,
          0xc1e0000000200000n,
          0x41efffffffe00000n,
          0x43e0000000000000n,
          0x43dfffffffffffffn,
          0xc3e0000000000000n,
          0x43f0000000000000n,
          0xbfe0000000000000n,
          0x7ff8000000000000n,
          0xfff0000000000000n,
        ];
  for (const a of vals)
    for (const ins of [
      `fcvtzs %w[r], ${t}1`,
      `fcvtzu %w[r], ${t}1`,
      `fcvtzs %x[r], ${t}1`,
      `fcvtzu %x[r], ${t}1`,
      `fcvtms %w[r], ${t}1`,
      `fcvtau %x[r], ${t}1`,
      `fcvtzs %w[r], ${t}1, #1`,
      `fcvtzu %x[r], ${t}1, #64`,
    ])
      add('saturate', ins, t, 0, a);
}
for (const a of [0x7bffn, 0xfbffn, 0x3c01n, 0x7c00n])
  for (const ins of ['fcvtzs %w[r], h1', 'fcvtzu %x[r], h1, #32', 'fcvtns %x[r], h1']) add('saturate', ins, 'h', 0, a);
// estimates
for (const t of T) {
  const k = K[t];
  for (const a of [
    k.one,
    k.third,
    k.m1,
    k.two,
    k.max,
    k.minN,
    k.maxS,
    k.minS,
    k.z,
    k.nz,
    k.inf,
    k.ninf,
    k.qa,
    k.sb,
    k.max - 12345n,
  ])
    for (const op of ['frecpe', 'frsqrte', 'frecpx']) add('estimate', `${op} ${t}0, ${t}1`, t, 2 << 22, a);
}
// FJCVTZS
for (const a of [
  0x3ff8000000000000n,
  0x8000000000000000n,
  0n,
  0x41e0000000000000n,
  0xc1e0000000000000n,
  0x41f0000000500000n,
  0x44b52d02c7e14af6n,
  0x7ff8000000000000n,
  0xfff0000000000000n,
  0x1n,
  0xc1dfffffffffffffn,
  0x43300000000000ffn,
]) {
  add('fjcvtzs', 'fjcvtzs %w[r], d1', 'd', 0, a);
}
add('fjcvtzs', 'fjcvtzs %w[r], d1', 'd', FZ, 1n);
// alternative half precision
for (const a of [0x7f800000n, 0x7fc00000n, 0x47800000n, 0x47ffefffn, 0x48000000n, 0x3f800000n])
  for (const r of [0, 3 << 22]) add('ahp', 'fcvt h0, s1', 's', AHP | r, a);
for (const a of [0x7c00n, 0xfe00n, 0x7fffn, 0x7d01n]) add('ahp', 'fcvt s0, h1', 'h', AHP, a);
add('ahp', 'fcvt d0, h1', 'h', AHP, 0xfc01n);
// selects, conditional compares, moves and immediates
for (const t of T) {
  const k = K[t];
  for (const c of [0n, 0x40000000n, 0x60000000n, 0x90000000n]) {
    add('select', `fcsel ${t}0, ${t}1, ${t}2, ge`, t, 0, k.one, k.two, c);
    add('select', `fccmp ${t}1, ${t}2, #0x6, eq`, t, 0, k.qa, k.one, c);
    add('select', `fccmpe ${t}1, ${t}2, #0x7, hi`, t, 0, k.one, k.qa, c);
  }
  for (const imm of ['1.0', '-0.125', '31.0']) add('select', `fmov ${t}0, #${imm}`, t, 0, 0n);
  add('select', `fmov ${t}0, ${t}1`, t, 0, k.sa);
}
for (const [r, t] of [
  ['w', 's'],
  ['x', 'd'],
  ['w', 'h'],
  ['x', 'h'],
]) {
  add('select', `fmov %${r}[r], ${t}1`, t, 0, K[t].sb);
  add('select', `fmov ${t}0, %${r}[a]`, t, 0, 0xfedcba9876543210n);
}
for (const [cat, list] of Object.entries(cats)) for (const k of list) if (k.o.nz) k.c = k.c;
const all = Object.values(cats).flat();
const input =
  all
    .map(
      (k) =>
        `${k.o.id.toString(16)} ${k.fpcr.toString(16)} ${k.a.toString(16)} ${k.b.toString(16)} ${k.c.toString(16)}`,
    )
    .join('\n') + '\n';
const out = execFileSync('qemu-aarch64', ['./harness'], { input }).toString().trim().split('\n');
let i = 0;
let ts = '';
for (const [cat, list] of Object.entries(cats)) {
  ts += `const ${cat.toUpperCase()} = \`\n`;
  for (const k of list) {
    const [r, s, f] = out[i++].split(' ');
    const o = k.o;
    const asm = o.ins.replace('%w[r]', 'w0').replace('%x[r]', 'x0').replace('%w[a]', 'w1').replace('%x[a]', 'x1');
    const ink = o.kind === 'fromint' ? 'x' : 'v';
    const outk = o.kind === 'cmp' ? 'f' : o.kind === 'toint' || o.kind === 'fjcvt' ? 'x' : 'v';
    const sz = o.kind === 'cvt' ? { h: 16, s: 32, d: 64 }[o.to] : { h: 16, s: 32, d: 64 }[o.t];
    ts += `${asm.padEnd(28)}|${words[o.id].toString(16).padStart(8, '0')} ${ink}${outk}${sz}${o.nz ? 'n' : ''} ${k.fpcr.toString(16)}|${k.a.toString(16)} ${k.b.toString(16)} ${k.c.toString(16)}|${outk === 'f' ? '-' : r} ${s} ${f}\n`;
  }
  ts += '`;\n';
}
fs.writeFileSync('tables.ts.txt', ts);
console.log(all.length, 'rows');
