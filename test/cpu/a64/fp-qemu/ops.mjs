// Op table shared by the C harness generator and the JS model.
import * as L from '../../../../dist/src/cpu/a64/fp/index.js';
import { jsZ } from '../../../../dist/src/cpu/a64/fp/convert.js';
const SZ = { h: 16, s: 32, d: 64 };
export const ops = [];
const add = (o) => {
  o.id = ops.length;
  ops.push(o);
};
const sfx = (t) => SZ[t];
for (const t of ['h', 's', 'd']) {
  const b = SZ[t];
  for (const [nm, fn] of [
    ['fadd', 'fadd'],
    ['fsub', 'fsub'],
    ['fmul', 'fmul'],
    ['fdiv', 'fdiv'],
    ['fmax', 'fmax'],
    ['fmin', 'fmin'],
    ['fmaxnm', 'fmaxnm'],
    ['fminnm', 'fminnm'],
    ['fnmul', 'fnmul'],
    ['fmulx', 'fmulx'],
    ['frecps', 'frecps'],
    ['frsqrts', 'frsqrts'],
  ])
    add({ kind: 'bin', t, ins: `${nm} ${t}0, ${t}1, ${t}2`, js: (c) => L[fn + b](c, 0, 16, 32) });
  for (const [nm, js] of [
    ['fsqrt', (c) => L['fsqrt' + b](c, 0, 16)],
    ['fabs', (c) => L['fabs' + b](c, 0, 16)],
    ['fneg', (c) => L['fneg' + b](c, 0, 16)],
    ['frintn', (c) => L['frint' + b](c, 0, 16, 0, 0)],
    ['frintp', (c) => L['frint' + b](c, 0, 16, 1, 0)],
    ['frintm', (c) => L['frint' + b](c, 0, 16, 2, 0)],
    ['frintz', (c) => L['frint' + b](c, 0, 16, 3, 0)],
    ['frinta', (c) => L['frint' + b](c, 0, 16, 4, 0)],
    ['frintx', (c) => L['frint' + b](c, 0, 16, (c.fpcr >>> 22) & 3, 1)],
    ['frinti', (c) => L['frint' + b](c, 0, 16, (c.fpcr >>> 22) & 3, 0)],
    ['frecpe', (c) => L['frecpe' + b](c, 0, 16)],
    ['frsqrte', (c) => L['frsqrte' + b](c, 0, 16)],
    ['frecpx', (c) => L['frecpx' + b](c, 0, 16)],
  ])
    add({ kind: 'un', t, ins: `${nm} ${t}0, ${t}1`, js });
  if (t !== 'h')
    for (const [nm, rm, ib] of [
      ['frint32z', 3, 32],
      ['frint32x', -1, 32],
      ['frint64z', 3, 64],
      ['frint64x', -1, 64],
    ])
      add({
        kind: 'un',
        t,
        ins: `${nm} ${t}0, ${t}1`,
        js: (c) => L['frintN' + b](c, 0, 16, rm < 0 ? (c.fpcr >>> 22) & 3 : rm, ib),
      });
  for (const [nm, np, na] of [
    ['fmadd', 0, 0],
    ['fmsub', 1, 0],
    ['fnmadd', 1, 1],
    ['fnmsub', 0, 1],
  ])
    add({
      kind: 'ter',
      t,
      ins: `${nm} ${t}0, ${t}1, ${t}2, ${t}3`,
      js: (c) => L['fmuladd' + b](c, 0, 48, 16, 32, np, na),
    });
  for (const u of ['h', 's', 'd'])
    if (u !== t) add({ kind: 'cvt', t, to: u, ins: `fcvt ${u}0, ${t}1`, js: (c) => L[`fcvt${b}to${SZ[u]}`](c, 0, 16) });
  add({ kind: 'cmp', t, ins: `fcmp ${t}1, ${t}2`, js: (c) => L['fcmp' + b](c, 16, 32, false) });
  add({ kind: 'cmp', t, ins: `fcmpe ${t}1, ${t}2`, js: (c) => L['fcmp' + b](c, 16, 32, true) });
  add({ kind: 'cmp', t, ins: `fcmpe ${t}1, #0.0`, js: (c) => L['fcmp' + b](c, 16, -1, true) });
  for (const r of ['w', 'x']) {
    const ib = r === 'w' ? 32 : 64;
    for (const [k, rm] of [
      ['n', 0],
      ['p', 1],
      ['m', 2],
      ['z', 3],
      ['a', 4],
    ])
      for (const u of ['s', 'u'])
        add({
          kind: 'toint',
          t,
          r,
          ins: `fcvt${k}${u} %${r}[r], ${t}1`,
          js: (c) => L['fpToInt' + b](c, 16, 0, rm, u === 'u' ? 1 : 0, ib),
        });
    for (const fb of [1, 13, 32, ...(ib === 64 ? [48, 53, 64] : [])])
      for (const u of ['s', 'u']) {
        add({
          kind: 'toint',
          t,
          r,
          ins: `fcvtz${u} %${r}[r], ${t}1, #${fb}`,
          js: (c) => L['fpToInt' + b](c, 16, fb, 3, u === 'u' ? 1 : 0, ib),
        });
        add({
          kind: 'fromint',
          t,
          r,
          ins: `${u}cvtf ${t}0, %${r}[a], #${fb}`,
          js: (c, lo, hi) => L['intToFp' + b](c, 0, lo, hi, u === 'u' ? 1 : 0, ib, fb),
        });
      }
    for (const u of ['s', 'u'])
      add({
        kind: 'fromint',
        t,
        r,
        ins: `${u}cvtf ${t}0, %${r}[a]`,
        js: (c, lo, hi) => L['intToFp' + b](c, 0, lo, hi, u === 'u' ? 1 : 0, ib, 0),
      });
  }
}
add({
  kind: 'fjcvt',
  t: 'd',
  ins: 'fjcvtzs %w[r], d1',
  js: (c) => {
    const r = L.fjcvtzs(c, 16);
    c.nzcvOut = jsZ ? 4 : 0;
    return r;
  },
});
// semantics-only ops (no library model): js = null
for (const t of ['h', 's', 'd']) {
  add({ kind: 'un', t, ins: `fmov ${t}0, ${t}1`, js: null });
  for (const imm of ['1.0', '-0.125', '31.0', '0.1875', '-2.0', '15.5'])
    add({ kind: 'un', t, ins: `fmov ${t}0, #${imm}`, js: null });
  for (const cond of ['eq', 'ne', 'hs', 'lo', 'mi', 'pl', 'vs', 'vc', 'hi', 'ls', 'ge', 'lt', 'gt', 'le', 'al', 'nv'])
    add({ kind: 'bin', t, nz: true, ins: `fcsel ${t}0, ${t}1, ${t}2, ${cond}`, js: null });
  for (const cond of ['eq', 'ne', 'hi', 'lt', 'le'])
    for (const e of ['', 'e'])
      add({
        kind: 'cmp',
        t,
        nz: true,
        ins: `fccmp${e} ${t}1, ${t}2, #0x${(cond.length * 3 + e.length) & 15}, ${cond}`,
        js: null,
      });
}
for (const [r, t] of [
  ['w', 's'],
  ['x', 'd'],
  ['w', 'h'],
  ['x', 'h'],
]) {
  add({ kind: 'toint', t, r, ins: `fmov %${r}[r], ${t}1`, js: null });
  add({ kind: 'fromint', t, r, ins: `fmov ${t}0, %${r}[a]`, js: null });
}
add({ kind: 'cvt', t: 's', to: 'h', ins: 'bfcvt h0, s1', js: (c) => L.bfcvt(c, 0, 16) });
