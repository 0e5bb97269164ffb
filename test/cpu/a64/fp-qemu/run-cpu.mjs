// End-to-end: the instruction words through A64Cpu vs the harness under qemu.
import { ops } from './ops.mjs';
import { words } from './words.mjs';
import { execFileSync } from 'node:child_process';
import { cpuWith, runToSvc } from '../../../../dist/test/helpers/a64.js';
import { disassembleA64 } from '../../../../dist/src/arch/a64/table.js';
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
const N = Number(process.argv[2] ?? 3000);
const cases = [];
for (let i = 0; i < N; i++) {
  const o = ops[ri(ops.length)];
  cases.push({
    o,
    fpcr: (ri(4) << 22) | (ri(4) === 0 ? 1 << 24 : 0) | (ri(4) === 0 ? 1 << 25 : 0),
    a: rb(64),
    b: rb(64),
    c: o.nz ? BigInt(ri(16)) << 28n : rb(64),
  });
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
let bad = 0;
for (let i = 0; i < cases.length; i++) {
  const k = cases[i],
    o = k.o,
    w = words[o.id];
  const t = cpuWith([w]);
  const cpu = t.cpu;
  const mask = (bits) => (1n << BigInt(bits)) - 1n;
  const setV = (r, v) => {
    const u = new Uint8Array(16);
    for (let j = 0; j < 16; j++) u[j] = Number((v >> BigInt(8 * j)) & 0xffn);
    cpu.setV(r, u);
  };
  const getV = (r) => {
    const u = cpu.getV(r);
    let v = 0n;
    for (let j = 15; j >= 0; j--) v = (v << 8n) | BigInt(u[j]);
    return v;
  };
  const garbage = (0xdeadbeefcafebaben << 64n) | 0x0123456789abcdefn;
  setV(0, garbage);
  const b = SZ[o.t];
  setV(1, (garbage & ~mask(b)) | (k.a & mask(b)));
  setV(2, (garbage & ~mask(b)) | (k.b & mask(b)));
  setV(3, (garbage & ~mask(b)) | (k.c & mask(b)));
  cpu.setX(0, 0x5555555555555555n);
  cpu.setX(1, k.a);
  cpu.fpcr = k.fpcr;
  cpu.fpsr = 0;
  cpu.nzcv = o.nz ? Number(k.c & 0xf0000000n) : 0;
  try {
    runToSvc(t);
  } catch (e) {
    console.log(disassembleA64(w), e.message);
    bad++;
    continue;
  }
  const [qr, qs, qf] = out[i].split(' ').map((x) => BigInt('0x' + x));
  let res, full;
  if (o.kind === 'toint' || o.kind === 'fjcvt') res = cpu.getX(0);
  else if (o.kind === 'cmp') res = 0n;
  else {
    const ob = o.kind === 'cvt' ? SZ[o.to] : b;
    full = getV(0);
    res = full & mask(ob);
    if (full >> BigInt(ob)) {
      console.log(disassembleA64(w), 'upper bits not zeroed', full.toString(16));
      bad++;
    }
  }
  if (o.kind === 'cmp' || o.kind === 'fjcvt') {
  }
  const mine = `${res.toString(16)} ${cpu.fpsr.toString(16)} ${(cpu.nzcv >>> 28).toString(16)}`;
  const ref = `${(o.kind === 'cmp' ? 0n : qr).toString(16)} ${qs.toString(16)} ${qf.toString(16)}`;
  if (mine !== ref) {
    bad++;
    if (bad < 30)
      console.log(
        `${disassembleA64(w)} fpcr=${k.fpcr.toString(16)} a=${k.a.toString(16)} b=${k.b.toString(16)}: qemu ${ref} mine ${mine}`,
      );
  }
}
console.log(`${N} cases, ${bad} bad`);
