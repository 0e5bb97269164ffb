import { ops } from './ops.mjs';
import { execFileSync } from 'node:child_process';
const SZ = { h: 16, s: 32, d: 64 };
let seed = Number(process.argv[3] ?? 1);
const rnd = () => {
  seed ^= seed << 13;
  seed >>>= 0;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  seed >>>= 0;
  return seed / 4294967296;
};
const ri = (n) => Math.floor(rnd() * n);
const rb = (bits) => {
  let v = 0n;
  for (let i = 0; i < bits; i += 16) v = (v << 16n) | BigInt(ri(65536));
  return v & ((1n << BigInt(bits)) - 1n);
};
const P = { 16: [5, 10, 15], 32: [8, 23, 127], 64: [11, 52, 1023] };
function fpval(bits) {
  const [E, F, bias] = P[bits];
  const s = BigInt(ri(2));
  const k = ri(16);
  let e, f;
  const emax = (1 << E) - 1;
  if (k === 0) {
    e = 0;
    f = 0n;
  } else if (k === 1) {
    e = 0;
    f = rb(F) >> BigInt(ri(F));
    if (f === 0n) f = 1n;
  } else if (k === 2) {
    e = emax;
    f = 0n;
  } else if (k === 3) {
    e = emax;
    f = rb(F) | 1n;
  } // NaN (q or s)
  else if (k === 4) {
    e = ri(3) + 1;
    f = rb(F);
  } else if (k === 5) {
    e = emax - 1 - ri(3);
    f = rb(F);
    if (ri(2)) f = (1n << BigInt(F)) - 1n;
  } else if (k === 6) {
    e = bias + ri(4);
    f = rb(F) & ~((1n << BigInt(F - ri(4) - 1)) - 1n);
  } // small integers and halves
  else if (k === 7) {
    e = bias + ri(70);
    if (e >= emax) e = emax - 1;
    f = rb(F) & ~((1n << BigInt(ri(F))) - 1n);
  } // near int limits
  else if (k === 8) {
    e = bias - 1 + ri(3);
    f = ri(2) ? 0n : rb(F);
  } else {
    e = ri(emax);
    f = rb(F);
    if (ri(3) === 0) f &= ~((1n << BigInt(ri(F))) - 1n);
  }
  return (s << BigInt(bits - 1)) | (BigInt(e) << BigInt(F)) | f;
}
function intval() {
  const k = ri(6);
  if (k === 0) return rb(64);
  if (k === 1) return rb(64) >> BigInt(ri(64));
  if (k === 2) {
    const v = 1n << BigInt(ri(64));
    return (v + BigInt(ri(5)) - 2n) & ((1n << 64n) - 1n);
  }
  if (k === 3) return -(rb(64) >> BigInt(ri(64))) & ((1n << 64n) - 1n);
  if (k === 4) return BigInt(ri(100));
  return rb(32);
}
function fpcr() {
  let v = ri(4) << 22;
  if (ri(3) === 0) v |= 1 << 24;
  if (ri(3) === 0) v |= 1 << 25;
  if (ri(3) === 0) v |= 1 << 19;
  if (ri(4) === 0) v |= 1 << 26;
  return v;
}
const only = process.argv[4] ? new RegExp(process.argv[4]) : null;
const N = Number(process.argv[2] ?? 20000);
const cases = [];
const sel = ops.filter((o) => o.js && (!only || only.test(o.ins + ' ' + o.t)));
for (let i = 0; i < N; i++) {
  const o = sel[ri(sel.length)];
  const b = SZ[o.t];
  let a = o.kind === 'fromint' ? intval() : fpval(b),
    bb = fpval(b),
    c = fpval(b);
  if (o.kind === 'ter' && ri(3) === 0) {
    // near-cancellation addend
    const x = new Float64Array(1);
    c = bb; // arbitrary
  }
  if ((o.kind === 'bin' || o.kind === 'cmp') && ri(8) === 0) bb = a;
  cases.push({ o, fpcr: fpcr(), a, b: bb, c });
}
const input =
  cases
    .map(
      (k) =>
        `${k.o.id.toString(16)} ${k.fpcr.toString(16)} ${k.a.toString(16)} ${k.b.toString(16)} ${k.c.toString(16)}`,
    )
    .join('\n') + '\n';
const out = execFileSync('qemu-aarch64', ['./harness'], { input, maxBuffer: 1 << 28 })
  .toString()
  .trim()
  .split('\n');
const cpu = { vbuf: new ArrayBuffer(512), fpcr: 0, fpsr: 0, hi: 0 };
cpu.v8 = new Uint8Array(cpu.vbuf);
cpu.v16 = new Uint16Array(cpu.vbuf);
cpu.v32 = new Uint32Array(cpu.vbuf);
cpu.vi32 = new Int32Array(cpu.vbuf);
cpu.vf32 = new Float32Array(cpu.vbuf);
cpu.vf64 = new Float64Array(cpu.vbuf);
const setv = (off, bits, v) => {
  for (let i = 0; i < bits / 8; i++) cpu.v8[off + i] = Number((v >> BigInt(8 * i)) & 0xffn);
};
const getv = (off, bits) => {
  let v = 0n;
  for (let i = bits / 8 - 1; i >= 0; i--) v = (v << 8n) | BigInt(cpu.v8[off + i]);
  return v;
};
let bad = 0;
const byOp = new Map();
for (let i = 0; i < cases.length; i++) {
  const k = cases[i];
  const o = k.o;
  const b = SZ[o.t];
  cpu.v8.fill(0);
  cpu.fpcr = k.fpcr;
  cpu.fpsr = 0;
  cpu.nzcvOut = 0;
  let res = 0n,
    nzcv = 0;
  if (o.kind === 'fromint') {
    o.js(cpu, Number(k.a & 0xffffffffn) | 0, Number(k.a >> 32n) | 0);
    res = getv(0, b);
  } else {
    setv(16, b, k.a);
    setv(32, b, k.b);
    setv(48, b, k.c);
    const r = o.js(cpu);
    if (o.kind === 'cmp') nzcv = r;
    else if (o.kind === 'toint') res = o.r === 'w' ? BigInt(r >>> 0) : (BigInt(cpu.hi >>> 0) << 32n) | BigInt(r >>> 0);
    else if (o.kind === 'fjcvt') {
      res = BigInt(r >>> 0);
      nzcv = cpu.nzcvOut;
    } else if (o.kind === 'cvt') res = getv(0, SZ[o.to]);
    else res = getv(0, b);
  }
  const [qr, qs, qf] = out[i].split(' ').map((x) => BigInt('0x' + x));
  const mine = `${res.toString(16)} ${cpu.fpsr.toString(16)} ${nzcv.toString(16)}`;
  const ref = `${qr.toString(16)} ${qs.toString(16)} ${qf.toString(16)}`;
  if (mine !== ref) {
    bad++;
    const key = o.ins + ' ' + o.t;
    byOp.set(key, (byOp.get(key) ?? 0) + 1);
    if (bad <= 40)
      console.log(
        `${o.ins} [${o.t}] fpcr=${k.fpcr.toString(16)} a=${k.a.toString(16)} b=${k.b.toString(16)} c=${k.c.toString(16)}: qemu ${ref} mine ${mine}`,
      );
  }
}
console.log(`${cases.length} cases, ${bad} mismatches`);
console.log(
  [...byOp]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 30)
    .map(([k, v]) => `${v} ${k}`)
    .join('\n'),
);
