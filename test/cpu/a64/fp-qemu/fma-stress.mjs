import { ops } from './ops.mjs';
import { execFileSync } from 'node:child_process';
let seed = Number(process.argv[2] ?? 1);
const rnd = () => {
  seed ^= seed << 13;
  seed >>>= 0;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  seed >>>= 0;
  return seed / 4294967296;
};
const ri = (n) => Math.floor(rnd() * n);
const f = new Float64Array(1),
  u = new BigUint64Array(f.buffer);
const bits = (x) => {
  f[0] = x;
  return u[0];
};
const val = (b) => {
  u[0] = b;
  return f[0];
};
const fmaOps = ops.filter((o) => o.t === 'd' && o.kind === 'ter');
const cases = [];
for (let i = 0; i < 40000; i++) {
  const o = fmaOps[ri(4)];
  // short mantissas make exact ties likely
  const mk = () => {
    let m = 1 + ri(1 << 20) / (1 << 20);
    if (ri(2)) m = 1 + ri(1 << 27) / (1 << 27);
    return (ri(2) ? -1 : 1) * m * 2 ** (ri(40) - 20);
  };
  const a = mk(),
    b = mk();
  let c;
  const k = ri(4);
  const p = a * b;
  if (k === 0) c = -p;
  else if (k === 1) c = val(bits(-p) + BigInt(ri(5) - 2));
  else if (k === 2) c = (ri(2) ? -1 : 1) * Math.abs(p) * 2 ** (ri(60) - 30) * (1 + ri(8) / 8);
  else c = (ri(2) ? 1 : -1) * 2 ** (Math.floor(Math.log2(Math.abs(p))) + 53 + ri(3) - 1) * (1 + ri(4) / 2 ** 52);
  cases.push({ o, fpcr: ri(4) << 22, a: bits(a), b: bits(b), c: bits(c) });
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
const v64 = new BigUint64Array(cpu.vbuf);
let bad = 0;
cases.forEach((k, i) => {
  v64[2] = k.a;
  v64[4] = k.b;
  v64[6] = k.c;
  cpu.fpcr = k.fpcr;
  cpu.fpsr = 0;
  k.o.js(cpu);
  const mine = `${v64[0].toString(16)} ${cpu.fpsr.toString(16)} 0`;
  if (mine !== out[i]) {
    bad++;
    if (bad < 10) console.log(k.o.ins, k, out[i], mine);
  }
});
console.log(cases.length, 'cases', bad, 'bad');
