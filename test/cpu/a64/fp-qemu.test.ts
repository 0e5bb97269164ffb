/**
 * Scalar floating point, instruction by instruction, against values pinned
 * from qemu-aarch64 7.2 (-cpu max). Each row runs one instruction word
 * through A64Cpu with operands in V1/V2/V3 (or X1) and garbage in V0, and
 * checks the destination (the whole V0: the element and zeroed upper bits,
 * or X0), FPSR and NZCV. The rows were produced by the generator in
 * test/cpu/a64/fp-qemu/ (a C harness run under qemu-aarch64).
 *
 * Row format: `asm | word kind fpcr | a b c | result fpsr nzcv` (hex). kind
 * is input v/x, output v/x/f (flags only), the destination element size in
 * bits, and `n` when c holds the NZCV value to start with.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StopReason } from '../../../src/cpu/a64/cpu.js';
import { CODE, cpuWith, runToSvc } from '../../helpers/a64.js';

const GARBAGE = (0xdeadbeefcafebaben << 64n) | 0x0123456789abcdefn;

function setV(cpu: { setV(n: number, b: Uint8Array): void }, r: number, v: bigint): void {
  const u = new Uint8Array(16);
  for (let j = 0; j < 16; j++) u[j] = Number((v >> BigInt(8 * j)) & 0xffn);
  cpu.setV(r, u);
}
function getV(cpu: { getV(n: number): Uint8Array }, r: number): bigint {
  const u = cpu.getV(r);
  let v = 0n;
  for (let j = 15; j >= 0; j--) v = (v << 8n) | BigInt(u[j]);
  return v;
}

/** Run every row of a table; report all mismatching rows at once. */
function runTable(table: string): void {
  const failures: string[] = [];
  const t = cpuWith([0]);
  const cpu = t.cpu;
  const word = new Uint8Array(4);
  for (const line of table.split('\n')) {
    if (!line.trim()) continue;
    const [asm, enc, ops, exp] = line.split('|').map((s) => s.trim());
    const [wordHex, kind, fpcrHex] = enc.split(' ');
    const [a, b, c] = ops.split(' ').map((h) => BigInt('0x' + h));
    const [res, fpsr, nzcv] = exp.split(' ');
    new DataView(word.buffer).setUint32(0, parseInt(wordHex, 16), true);
    t.mem.writeBytes(CODE, word);
    cpu.flushTlb(); // drops the decoded page too
    cpu.pc = BigInt(CODE);
    setV(cpu, 0, GARBAGE);
    setV(cpu, 1, a);
    setV(cpu, 2, b);
    setV(cpu, 3, c);
    cpu.setX(0, 0x5555555555555555n);
    cpu.setX(1, a);
    cpu.fpcr = parseInt(fpcrHex, 16);
    cpu.fpsr = 0;
    cpu.nzcv = kind.endsWith('n') ? Number(c) : 0;
    try {
      runToSvc(t);
    } catch (e) {
      failures.push(`${asm}: ${(e as Error).message}`);
      continue;
    }
    let got: string;
    if (kind[1] === 'x') got = cpu.getX(0).toString(16);
    else if (kind[1] === 'v') got = getV(cpu, 0).toString(16);
    else got = '-';
    const mine = `${got} ${cpu.fpsr.toString(16)} ${(cpu.nzcv >>> 28).toString(16)}`;
    if (mine !== exp) failures.push(`${asm} fpcr=${fpcrHex} a=${a.toString(16)} b=${b.toString(16)} c=${c.toString(16)}: expected ${exp}, got ${mine}`);
  }
  assert.deepEqual(failures, []);
}

const NAN = `
fadd h0, h1, h2             |1ee22820 vv16 0|7e01 3c00 0|7e01 0 0
fmul h0, h1, h2             |1ee20820 vv16 0|7e01 3c00 0|7e01 0 0
fmax h0, h1, h2             |1ee24820 vv16 0|7e01 3c00 0|7e01 0 0
fmaxnm h0, h1, h2           |1ee26820 vv16 0|7e01 3c00 0|3c00 0 0
fminnm h0, h1, h2           |1ee27820 vv16 0|7e01 3c00 0|3c00 0 0
fnmul h0, h1, h2            |1ee28820 vv16 0|7e01 3c00 0|fe01 0 0
fsub h0, h1, h2             |1ee23820 vv16 2000000|7e01 3c00 0|7e00 0 0
fadd h0, h1, h2             |1ee22820 vv16 0|3c00 fe02 0|fe02 0 0
fmul h0, h1, h2             |1ee20820 vv16 0|3c00 fe02 0|fe02 0 0
fmax h0, h1, h2             |1ee24820 vv16 0|3c00 fe02 0|fe02 0 0
fmaxnm h0, h1, h2           |1ee26820 vv16 0|3c00 fe02 0|3c00 0 0
fminnm h0, h1, h2           |1ee27820 vv16 0|3c00 fe02 0|3c00 0 0
fnmul h0, h1, h2            |1ee28820 vv16 0|3c00 fe02 0|7e02 0 0
fsub h0, h1, h2             |1ee23820 vv16 2000000|3c00 fe02 0|7e00 0 0
fadd h0, h1, h2             |1ee22820 vv16 0|7e01 fe02 0|7e01 0 0
fmul h0, h1, h2             |1ee20820 vv16 0|7e01 fe02 0|7e01 0 0
fmax h0, h1, h2             |1ee24820 vv16 0|7e01 fe02 0|7e01 0 0
fmaxnm h0, h1, h2           |1ee26820 vv16 0|7e01 fe02 0|7e01 0 0
fminnm h0, h1, h2           |1ee27820 vv16 0|7e01 fe02 0|7e01 0 0
fnmul h0, h1, h2            |1ee28820 vv16 0|7e01 fe02 0|fe01 0 0
fsub h0, h1, h2             |1ee23820 vv16 2000000|7e01 fe02 0|7e00 0 0
fadd h0, h1, h2             |1ee22820 vv16 0|7c01 fe02 0|7e01 1 0
fmul h0, h1, h2             |1ee20820 vv16 0|7c01 fe02 0|7e01 1 0
fmax h0, h1, h2             |1ee24820 vv16 0|7c01 fe02 0|7e01 1 0
fmaxnm h0, h1, h2           |1ee26820 vv16 0|7c01 fe02 0|7e01 1 0
fminnm h0, h1, h2           |1ee27820 vv16 0|7c01 fe02 0|7e01 1 0
fnmul h0, h1, h2            |1ee28820 vv16 0|7c01 fe02 0|fe01 1 0
fsub h0, h1, h2             |1ee23820 vv16 2000000|7c01 fe02 0|7e00 1 0
fadd h0, h1, h2             |1ee22820 vv16 0|7e01 fc02 0|fe02 1 0
fmul h0, h1, h2             |1ee20820 vv16 0|7e01 fc02 0|fe02 1 0
fmax h0, h1, h2             |1ee24820 vv16 0|7e01 fc02 0|fe02 1 0
fmaxnm h0, h1, h2           |1ee26820 vv16 0|7e01 fc02 0|fe02 1 0
fminnm h0, h1, h2           |1ee27820 vv16 0|7e01 fc02 0|fe02 1 0
fnmul h0, h1, h2            |1ee28820 vv16 0|7e01 fc02 0|7e02 1 0
fsub h0, h1, h2             |1ee23820 vv16 2000000|7e01 fc02 0|7e00 1 0
fadd h0, h1, h2             |1ee22820 vv16 0|7c01 fc02 0|7e01 1 0
fmul h0, h1, h2             |1ee20820 vv16 0|7c01 fc02 0|7e01 1 0
fmax h0, h1, h2             |1ee24820 vv16 0|7c01 fc02 0|7e01 1 0
fmaxnm h0, h1, h2           |1ee26820 vv16 0|7c01 fc02 0|7e01 1 0
fminnm h0, h1, h2           |1ee27820 vv16 0|7c01 fc02 0|7e01 1 0
fnmul h0, h1, h2            |1ee28820 vv16 0|7c01 fc02 0|fe01 1 0
fsub h0, h1, h2             |1ee23820 vv16 2000000|7c01 fc02 0|7e00 1 0
fadd h0, h1, h2             |1ee22820 vv16 0|3c00 fc02 0|fe02 1 0
fmul h0, h1, h2             |1ee20820 vv16 0|3c00 fc02 0|fe02 1 0
fmax h0, h1, h2             |1ee24820 vv16 0|3c00 fc02 0|fe02 1 0
fmaxnm h0, h1, h2           |1ee26820 vv16 0|3c00 fc02 0|fe02 1 0
fminnm h0, h1, h2           |1ee27820 vv16 0|3c00 fc02 0|fe02 1 0
fnmul h0, h1, h2            |1ee28820 vv16 0|3c00 fc02 0|7e02 1 0
fsub h0, h1, h2             |1ee23820 vv16 2000000|3c00 fc02 0|7e00 1 0
fmadd h0, h1, h2, h3        |1fc20c20 vv16 0|7e01 3c00 fc02|fe02 1 0
fmsub h0, h1, h2, h3        |1fc28c20 vv16 0|7e01 3c00 fc02|fe02 1 0
fnmadd h0, h1, h2, h3       |1fe20c20 vv16 0|7e01 3c00 fc02|7e02 1 0
fmadd h0, h1, h2, h3        |1fc20c20 vv16 0|7c01 fe02 3c00|7e01 1 0
fmsub h0, h1, h2, h3        |1fc28c20 vv16 0|7c01 fe02 3c00|fe01 1 0
fnmadd h0, h1, h2, h3       |1fe20c20 vv16 0|7c01 fe02 3c00|fe01 1 0
fmadd h0, h1, h2, h3        |1fc20c20 vv16 0|3c00 7c00 fe02|fe02 0 0
fmsub h0, h1, h2, h3        |1fc28c20 vv16 0|3c00 7c00 fe02|fe02 0 0
fnmadd h0, h1, h2, h3       |1fe20c20 vv16 0|3c00 7c00 fe02|7e02 0 0
fmadd h0, h1, h2, h3        |1fc20c20 vv16 0|0 7c00 7e01|7e00 1 0
fmsub h0, h1, h2, h3        |1fc28c20 vv16 0|0 7c00 7e01|7e00 1 0
fnmadd h0, h1, h2, h3       |1fe20c20 vv16 0|0 7c00 7e01|7e00 1 0
fmadd h0, h1, h2, h3        |1fc20c20 vv16 0|0 7c00 7c01|7e01 1 0
fmsub h0, h1, h2, h3        |1fc28c20 vv16 0|0 7c00 7c01|7e01 1 0
fnmadd h0, h1, h2, h3       |1fe20c20 vv16 0|0 7c00 7c01|fe01 1 0
fmadd h0, h1, h2, h3        |1fc20c20 vv16 0|7e01 fe02 3c00|7e01 0 0
fmsub h0, h1, h2, h3        |1fc28c20 vv16 0|7e01 fe02 3c00|fe01 0 0
fnmadd h0, h1, h2, h3       |1fe20c20 vv16 0|7e01 fe02 3c00|fe01 0 0
frecps h0, h1, h2           |5e423c20 vv16 0|7e01 3c00 0|fe01 0 0
frsqrts h0, h1, h2          |5ec23c20 vv16 0|7c01 3c00 0|fe01 1 0
fsqrt h0, h1                |1ee1c020 vv16 0|fc02 0 0|fe02 1 0
frintx h0, h1               |1ee74020 vv16 2000000|fe02 0 0|7e00 0 0
fadd s0, s1, s2             |1e222820 vv32 0|7fc00001 3f800000 0|7fc00001 0 0
fmul s0, s1, s2             |1e220820 vv32 0|7fc00001 3f800000 0|7fc00001 0 0
fmax s0, s1, s2             |1e224820 vv32 0|7fc00001 3f800000 0|7fc00001 0 0
fmaxnm s0, s1, s2           |1e226820 vv32 0|7fc00001 3f800000 0|3f800000 0 0
fminnm s0, s1, s2           |1e227820 vv32 0|7fc00001 3f800000 0|3f800000 0 0
fnmul s0, s1, s2            |1e228820 vv32 0|7fc00001 3f800000 0|ffc00001 0 0
fsub s0, s1, s2             |1e223820 vv32 2000000|7fc00001 3f800000 0|7fc00000 0 0
fadd s0, s1, s2             |1e222820 vv32 0|3f800000 ffc00002 0|ffc00002 0 0
fmul s0, s1, s2             |1e220820 vv32 0|3f800000 ffc00002 0|ffc00002 0 0
fmax s0, s1, s2             |1e224820 vv32 0|3f800000 ffc00002 0|ffc00002 0 0
fmaxnm s0, s1, s2           |1e226820 vv32 0|3f800000 ffc00002 0|3f800000 0 0
fminnm s0, s1, s2           |1e227820 vv32 0|3f800000 ffc00002 0|3f800000 0 0
fnmul s0, s1, s2            |1e228820 vv32 0|3f800000 ffc00002 0|7fc00002 0 0
fsub s0, s1, s2             |1e223820 vv32 2000000|3f800000 ffc00002 0|7fc00000 0 0
fadd s0, s1, s2             |1e222820 vv32 0|7fc00001 ffc00002 0|7fc00001 0 0
fmul s0, s1, s2             |1e220820 vv32 0|7fc00001 ffc00002 0|7fc00001 0 0
fmax s0, s1, s2             |1e224820 vv32 0|7fc00001 ffc00002 0|7fc00001 0 0
fmaxnm s0, s1, s2           |1e226820 vv32 0|7fc00001 ffc00002 0|7fc00001 0 0
fminnm s0, s1, s2           |1e227820 vv32 0|7fc00001 ffc00002 0|7fc00001 0 0
fnmul s0, s1, s2            |1e228820 vv32 0|7fc00001 ffc00002 0|ffc00001 0 0
fsub s0, s1, s2             |1e223820 vv32 2000000|7fc00001 ffc00002 0|7fc00000 0 0
fadd s0, s1, s2             |1e222820 vv32 0|7f800001 ffc00002 0|7fc00001 1 0
fmul s0, s1, s2             |1e220820 vv32 0|7f800001 ffc00002 0|7fc00001 1 0
fmax s0, s1, s2             |1e224820 vv32 0|7f800001 ffc00002 0|7fc00001 1 0
fmaxnm s0, s1, s2           |1e226820 vv32 0|7f800001 ffc00002 0|7fc00001 1 0
fminnm s0, s1, s2           |1e227820 vv32 0|7f800001 ffc00002 0|7fc00001 1 0
fnmul s0, s1, s2            |1e228820 vv32 0|7f800001 ffc00002 0|ffc00001 1 0
fsub s0, s1, s2             |1e223820 vv32 2000000|7f800001 ffc00002 0|7fc00000 1 0
fadd s0, s1, s2             |1e222820 vv32 0|7fc00001 ff800002 0|ffc00002 1 0
fmul s0, s1, s2             |1e220820 vv32 0|7fc00001 ff800002 0|ffc00002 1 0
fmax s0, s1, s2             |1e224820 vv32 0|7fc00001 ff800002 0|ffc00002 1 0
fmaxnm s0, s1, s2           |1e226820 vv32 0|7fc00001 ff800002 0|ffc00002 1 0
fminnm s0, s1, s2           |1e227820 vv32 0|7fc00001 ff800002 0|ffc00002 1 0
fnmul s0, s1, s2            |1e228820 vv32 0|7fc00001 ff800002 0|7fc00002 1 0
fsub s0, s1, s2             |1e223820 vv32 2000000|7fc00001 ff800002 0|7fc00000 1 0
fadd s0, s1, s2             |1e222820 vv32 0|7f800001 ff800002 0|7fc00001 1 0
fmul s0, s1, s2             |1e220820 vv32 0|7f800001 ff800002 0|7fc00001 1 0
fmax s0, s1, s2             |1e224820 vv32 0|7f800001 ff800002 0|7fc00001 1 0
fmaxnm s0, s1, s2           |1e226820 vv32 0|7f800001 ff800002 0|7fc00001 1 0
fminnm s0, s1, s2           |1e227820 vv32 0|7f800001 ff800002 0|7fc00001 1 0
fnmul s0, s1, s2            |1e228820 vv32 0|7f800001 ff800002 0|ffc00001 1 0
fsub s0, s1, s2             |1e223820 vv32 2000000|7f800001 ff800002 0|7fc00000 1 0
fadd s0, s1, s2             |1e222820 vv32 0|3f800000 ff800002 0|ffc00002 1 0
fmul s0, s1, s2             |1e220820 vv32 0|3f800000 ff800002 0|ffc00002 1 0
fmax s0, s1, s2             |1e224820 vv32 0|3f800000 ff800002 0|ffc00002 1 0
fmaxnm s0, s1, s2           |1e226820 vv32 0|3f800000 ff800002 0|ffc00002 1 0
fminnm s0, s1, s2           |1e227820 vv32 0|3f800000 ff800002 0|ffc00002 1 0
fnmul s0, s1, s2            |1e228820 vv32 0|3f800000 ff800002 0|7fc00002 1 0
fsub s0, s1, s2             |1e223820 vv32 2000000|3f800000 ff800002 0|7fc00000 1 0
fmadd s0, s1, s2, s3        |1f020c20 vv32 0|7fc00001 3f800000 ff800002|ffc00002 1 0
fmsub s0, s1, s2, s3        |1f028c20 vv32 0|7fc00001 3f800000 ff800002|ffc00002 1 0
fnmadd s0, s1, s2, s3       |1f220c20 vv32 0|7fc00001 3f800000 ff800002|7fc00002 1 0
fmadd s0, s1, s2, s3        |1f020c20 vv32 0|7f800001 ffc00002 3f800000|7fc00001 1 0
fmsub s0, s1, s2, s3        |1f028c20 vv32 0|7f800001 ffc00002 3f800000|ffc00001 1 0
fnmadd s0, s1, s2, s3       |1f220c20 vv32 0|7f800001 ffc00002 3f800000|ffc00001 1 0
fmadd s0, s1, s2, s3        |1f020c20 vv32 0|3f800000 7f800000 ffc00002|ffc00002 0 0
fmsub s0, s1, s2, s3        |1f028c20 vv32 0|3f800000 7f800000 ffc00002|ffc00002 0 0
fnmadd s0, s1, s2, s3       |1f220c20 vv32 0|3f800000 7f800000 ffc00002|7fc00002 0 0
fmadd s0, s1, s2, s3        |1f020c20 vv32 0|0 7f800000 7fc00001|7fc00000 1 0
fmsub s0, s1, s2, s3        |1f028c20 vv32 0|0 7f800000 7fc00001|7fc00000 1 0
fnmadd s0, s1, s2, s3       |1f220c20 vv32 0|0 7f800000 7fc00001|7fc00000 1 0
fmadd s0, s1, s2, s3        |1f020c20 vv32 0|0 7f800000 7f800001|7fc00001 1 0
fmsub s0, s1, s2, s3        |1f028c20 vv32 0|0 7f800000 7f800001|7fc00001 1 0
fnmadd s0, s1, s2, s3       |1f220c20 vv32 0|0 7f800000 7f800001|ffc00001 1 0
fmadd s0, s1, s2, s3        |1f020c20 vv32 0|7fc00001 ffc00002 3f800000|7fc00001 0 0
fmsub s0, s1, s2, s3        |1f028c20 vv32 0|7fc00001 ffc00002 3f800000|ffc00001 0 0
fnmadd s0, s1, s2, s3       |1f220c20 vv32 0|7fc00001 ffc00002 3f800000|ffc00001 0 0
frecps s0, s1, s2           |5e22fc20 vv32 0|7fc00001 3f800000 0|ffc00001 0 0
frsqrts s0, s1, s2          |5ea2fc20 vv32 0|7f800001 3f800000 0|ffc00001 1 0
fsqrt s0, s1                |1e21c020 vv32 0|ff800002 0 0|ffc00002 1 0
frintx s0, s1               |1e274020 vv32 2000000|ffc00002 0 0|7fc00000 0 0
fadd d0, d1, d2             |1e622820 vv64 0|7ff8000000000001 3ff0000000000000 0|7ff8000000000001 0 0
fmul d0, d1, d2             |1e620820 vv64 0|7ff8000000000001 3ff0000000000000 0|7ff8000000000001 0 0
fmax d0, d1, d2             |1e624820 vv64 0|7ff8000000000001 3ff0000000000000 0|7ff8000000000001 0 0
fmaxnm d0, d1, d2           |1e626820 vv64 0|7ff8000000000001 3ff0000000000000 0|3ff0000000000000 0 0
fminnm d0, d1, d2           |1e627820 vv64 0|7ff8000000000001 3ff0000000000000 0|3ff0000000000000 0 0
fnmul d0, d1, d2            |1e628820 vv64 0|7ff8000000000001 3ff0000000000000 0|fff8000000000001 0 0
fsub d0, d1, d2             |1e623820 vv64 2000000|7ff8000000000001 3ff0000000000000 0|7ff8000000000000 0 0
fadd d0, d1, d2             |1e622820 vv64 0|3ff0000000000000 fff8000000000002 0|fff8000000000002 0 0
fmul d0, d1, d2             |1e620820 vv64 0|3ff0000000000000 fff8000000000002 0|fff8000000000002 0 0
fmax d0, d1, d2             |1e624820 vv64 0|3ff0000000000000 fff8000000000002 0|fff8000000000002 0 0
fmaxnm d0, d1, d2           |1e626820 vv64 0|3ff0000000000000 fff8000000000002 0|3ff0000000000000 0 0
fminnm d0, d1, d2           |1e627820 vv64 0|3ff0000000000000 fff8000000000002 0|3ff0000000000000 0 0
fnmul d0, d1, d2            |1e628820 vv64 0|3ff0000000000000 fff8000000000002 0|7ff8000000000002 0 0
fsub d0, d1, d2             |1e623820 vv64 2000000|3ff0000000000000 fff8000000000002 0|7ff8000000000000 0 0
fadd d0, d1, d2             |1e622820 vv64 0|7ff8000000000001 fff8000000000002 0|7ff8000000000001 0 0
fmul d0, d1, d2             |1e620820 vv64 0|7ff8000000000001 fff8000000000002 0|7ff8000000000001 0 0
fmax d0, d1, d2             |1e624820 vv64 0|7ff8000000000001 fff8000000000002 0|7ff8000000000001 0 0
fmaxnm d0, d1, d2           |1e626820 vv64 0|7ff8000000000001 fff8000000000002 0|7ff8000000000001 0 0
fminnm d0, d1, d2           |1e627820 vv64 0|7ff8000000000001 fff8000000000002 0|7ff8000000000001 0 0
fnmul d0, d1, d2            |1e628820 vv64 0|7ff8000000000001 fff8000000000002 0|fff8000000000001 0 0
fsub d0, d1, d2             |1e623820 vv64 2000000|7ff8000000000001 fff8000000000002 0|7ff8000000000000 0 0
fadd d0, d1, d2             |1e622820 vv64 0|7ff0000000000001 fff8000000000002 0|7ff8000000000001 1 0
fmul d0, d1, d2             |1e620820 vv64 0|7ff0000000000001 fff8000000000002 0|7ff8000000000001 1 0
fmax d0, d1, d2             |1e624820 vv64 0|7ff0000000000001 fff8000000000002 0|7ff8000000000001 1 0
fmaxnm d0, d1, d2           |1e626820 vv64 0|7ff0000000000001 fff8000000000002 0|7ff8000000000001 1 0
fminnm d0, d1, d2           |1e627820 vv64 0|7ff0000000000001 fff8000000000002 0|7ff8000000000001 1 0
fnmul d0, d1, d2            |1e628820 vv64 0|7ff0000000000001 fff8000000000002 0|fff8000000000001 1 0
fsub d0, d1, d2             |1e623820 vv64 2000000|7ff0000000000001 fff8000000000002 0|7ff8000000000000 1 0
fadd d0, d1, d2             |1e622820 vv64 0|7ff8000000000001 fff0000000000002 0|fff8000000000002 1 0
fmul d0, d1, d2             |1e620820 vv64 0|7ff8000000000001 fff0000000000002 0|fff8000000000002 1 0
fmax d0, d1, d2             |1e624820 vv64 0|7ff8000000000001 fff0000000000002 0|fff8000000000002 1 0
fmaxnm d0, d1, d2           |1e626820 vv64 0|7ff8000000000001 fff0000000000002 0|fff8000000000002 1 0
fminnm d0, d1, d2           |1e627820 vv64 0|7ff8000000000001 fff0000000000002 0|fff8000000000002 1 0
fnmul d0, d1, d2            |1e628820 vv64 0|7ff8000000000001 fff0000000000002 0|7ff8000000000002 1 0
fsub d0, d1, d2             |1e623820 vv64 2000000|7ff8000000000001 fff0000000000002 0|7ff8000000000000 1 0
fadd d0, d1, d2             |1e622820 vv64 0|7ff0000000000001 fff0000000000002 0|7ff8000000000001 1 0
fmul d0, d1, d2             |1e620820 vv64 0|7ff0000000000001 fff0000000000002 0|7ff8000000000001 1 0
fmax d0, d1, d2             |1e624820 vv64 0|7ff0000000000001 fff0000000000002 0|7ff8000000000001 1 0
fmaxnm d0, d1, d2           |1e626820 vv64 0|7ff0000000000001 fff0000000000002 0|7ff8000000000001 1 0
fminnm d0, d1, d2           |1e627820 vv64 0|7ff0000000000001 fff0000000000002 0|7ff8000000000001 1 0
fnmul d0, d1, d2            |1e628820 vv64 0|7ff0000000000001 fff0000000000002 0|fff8000000000001 1 0
fsub d0, d1, d2             |1e623820 vv64 2000000|7ff0000000000001 fff0000000000002 0|7ff8000000000000 1 0
fadd d0, d1, d2             |1e622820 vv64 0|3ff0000000000000 fff0000000000002 0|fff8000000000002 1 0
fmul d0, d1, d2             |1e620820 vv64 0|3ff0000000000000 fff0000000000002 0|fff8000000000002 1 0
fmax d0, d1, d2             |1e624820 vv64 0|3ff0000000000000 fff0000000000002 0|fff8000000000002 1 0
fmaxnm d0, d1, d2           |1e626820 vv64 0|3ff0000000000000 fff0000000000002 0|fff8000000000002 1 0
fminnm d0, d1, d2           |1e627820 vv64 0|3ff0000000000000 fff0000000000002 0|fff8000000000002 1 0
fnmul d0, d1, d2            |1e628820 vv64 0|3ff0000000000000 fff0000000000002 0|7ff8000000000002 1 0
fsub d0, d1, d2             |1e623820 vv64 2000000|3ff0000000000000 fff0000000000002 0|7ff8000000000000 1 0
fmadd d0, d1, d2, d3        |1f420c20 vv64 0|7ff8000000000001 3ff0000000000000 fff0000000000002|fff8000000000002 1 0
fmsub d0, d1, d2, d3        |1f428c20 vv64 0|7ff8000000000001 3ff0000000000000 fff0000000000002|fff8000000000002 1 0
fnmadd d0, d1, d2, d3       |1f620c20 vv64 0|7ff8000000000001 3ff0000000000000 fff0000000000002|7ff8000000000002 1 0
fmadd d0, d1, d2, d3        |1f420c20 vv64 0|7ff0000000000001 fff8000000000002 3ff0000000000000|7ff8000000000001 1 0
fmsub d0, d1, d2, d3        |1f428c20 vv64 0|7ff0000000000001 fff8000000000002 3ff0000000000000|fff8000000000001 1 0
fnmadd d0, d1, d2, d3       |1f620c20 vv64 0|7ff0000000000001 fff8000000000002 3ff0000000000000|fff8000000000001 1 0
fmadd d0, d1, d2, d3        |1f420c20 vv64 0|3ff0000000000000 7ff0000000000000 fff8000000000002|fff8000000000002 0 0
fmsub d0, d1, d2, d3        |1f428c20 vv64 0|3ff0000000000000 7ff0000000000000 fff8000000000002|fff8000000000002 0 0
fnmadd d0, d1, d2, d3       |1f620c20 vv64 0|3ff0000000000000 7ff0000000000000 fff8000000000002|7ff8000000000002 0 0
fmadd d0, d1, d2, d3        |1f420c20 vv64 0|0 7ff0000000000000 7ff8000000000001|7ff8000000000000 1 0
fmsub d0, d1, d2, d3        |1f428c20 vv64 0|0 7ff0000000000000 7ff8000000000001|7ff8000000000000 1 0
fnmadd d0, d1, d2, d3       |1f620c20 vv64 0|0 7ff0000000000000 7ff8000000000001|7ff8000000000000 1 0
fmadd d0, d1, d2, d3        |1f420c20 vv64 0|0 7ff0000000000000 7ff0000000000001|7ff8000000000001 1 0
fmsub d0, d1, d2, d3        |1f428c20 vv64 0|0 7ff0000000000000 7ff0000000000001|7ff8000000000001 1 0
fnmadd d0, d1, d2, d3       |1f620c20 vv64 0|0 7ff0000000000000 7ff0000000000001|fff8000000000001 1 0
fmadd d0, d1, d2, d3        |1f420c20 vv64 0|7ff8000000000001 fff8000000000002 3ff0000000000000|7ff8000000000001 0 0
fmsub d0, d1, d2, d3        |1f428c20 vv64 0|7ff8000000000001 fff8000000000002 3ff0000000000000|fff8000000000001 0 0
fnmadd d0, d1, d2, d3       |1f620c20 vv64 0|7ff8000000000001 fff8000000000002 3ff0000000000000|fff8000000000001 0 0
frecps d0, d1, d2           |5e62fc20 vv64 0|7ff8000000000001 3ff0000000000000 0|fff8000000000001 0 0
frsqrts d0, d1, d2          |5ee2fc20 vv64 0|7ff0000000000001 3ff0000000000000 0|fff8000000000001 1 0
fsqrt d0, d1                |1e61c020 vv64 0|fff0000000000002 0 0|fff8000000000002 1 0
frintx d0, d1               |1e674020 vv64 2000000|fff8000000000002 0 0|7ff8000000000000 0 0
fcvt d0, s1                 |1e22c020 vv64 0|7fc00001 0 0|7ff8000020000000 0 0
fcvt d0, s1                 |1e22c020 vv64 2000000|7fc00001 0 0|7ff8000000000000 0 0
fcvt d0, s1                 |1e22c020 vv64 0|ff800002 0 0|fff8000040000000 1 0
fcvt d0, s1                 |1e22c020 vv64 2000000|ff800002 0 0|7ff8000000000000 1 0
fcvt s0, d1                 |1e624020 vv32 0|7ff8000000000001 0 0|7fc00000 0 0
fcvt s0, d1                 |1e624020 vv32 2000000|7ff8000000000001 0 0|7fc00000 0 0
fcvt s0, d1                 |1e624020 vv32 0|fff0000000000002 0 0|ffc00000 1 0
fcvt s0, d1                 |1e624020 vv32 2000000|fff0000000000002 0 0|7fc00000 1 0
fcvt h0, d1                 |1e63c020 vv16 0|7ff8000000000001 0 0|7e00 0 0
fcvt h0, d1                 |1e63c020 vv16 2000000|7ff8000000000001 0 0|7e00 0 0
fcvt h0, d1                 |1e63c020 vv16 0|fff0000000000002 0 0|fe00 1 0
fcvt h0, d1                 |1e63c020 vv16 2000000|fff0000000000002 0 0|7e00 1 0
fcvt d0, h1                 |1ee2c020 vv64 0|7e01 0 0|7ff8040000000000 0 0
fcvt d0, h1                 |1ee2c020 vv64 2000000|7e01 0 0|7ff8000000000000 0 0
fcvt d0, h1                 |1ee2c020 vv64 0|fc02 0 0|fff8080000000000 1 0
fcvt d0, h1                 |1ee2c020 vv64 2000000|fc02 0 0|7ff8000000000000 1 0
fcvt h0, s1                 |1e23c020 vv16 0|7fc00001 0 0|7e00 0 0
fcvt h0, s1                 |1e23c020 vv16 2000000|7fc00001 0 0|7e00 0 0
fcvt h0, s1                 |1e23c020 vv16 0|ff800002 0 0|fe00 1 0
fcvt h0, s1                 |1e23c020 vv16 2000000|ff800002 0 0|7e00 1 0
`;
const ZERO = `
fadd h0, h1, h2             |1ee22820 vv16 0|0 8000 0|0 0 0
fsub h0, h1, h2             |1ee23820 vv16 0|3c00 3c00 0|0 0 0
fmadd h0, h1, h2, h3        |1fc20c20 vv16 0|3c00 bc00 3c00|0 0 0
fadd h0, h1, h2             |1ee22820 vv16 400000|0 8000 0|0 0 0
fsub h0, h1, h2             |1ee23820 vv16 400000|3c00 3c00 0|0 0 0
fmadd h0, h1, h2, h3        |1fc20c20 vv16 400000|3c00 bc00 3c00|0 0 0
fadd h0, h1, h2             |1ee22820 vv16 800000|0 8000 0|8000 0 0
fsub h0, h1, h2             |1ee23820 vv16 800000|3c00 3c00 0|8000 0 0
fmadd h0, h1, h2, h3        |1fc20c20 vv16 800000|3c00 bc00 3c00|8000 0 0
fadd h0, h1, h2             |1ee22820 vv16 c00000|0 8000 0|0 0 0
fsub h0, h1, h2             |1ee23820 vv16 c00000|3c00 3c00 0|0 0 0
fmadd h0, h1, h2, h3        |1fc20c20 vv16 c00000|3c00 bc00 3c00|0 0 0
fadd h0, h1, h2             |1ee22820 vv16 0|8000 8000 0|8000 0 0
fmul h0, h1, h2             |1ee20820 vv16 0|8000 3c00 0|8000 0 0
fmul h0, h1, h2             |1ee20820 vv16 0|7c00 8000 0|7e00 1 0
fmulx h0, h1, h2            |5e421c20 vv16 0|fc00 0 0|c000 0 0
fdiv h0, h1, h2             |1ee21820 vv16 0|3c00 8000 0|fc00 2 0
fdiv h0, h1, h2             |1ee21820 vv16 0|0 0 0|7e00 1 0
fdiv h0, h1, h2             |1ee21820 vv16 0|7c00 7c00 0|7e00 1 0
fsqrt h0, h1                |1ee1c020 vv16 0|8000 0 0|8000 0 0
fsqrt h0, h1                |1ee1c020 vv16 0|bc00 0 0|7e00 1 0
fadd h0, h1, h2             |1ee22820 vv16 0|7c00 fc00 0|7e00 1 0
fmax h0, h1, h2             |1ee24820 vv16 0|8000 0 0|0 0 0
fmin h0, h1, h2             |1ee25820 vv16 0|0 8000 0|8000 0 0
fmadd h0, h1, h2, h3        |1fc20c20 vv16 0|7c00 0 3c00|7e00 1 0
fmadd h0, h1, h2, h3        |1fc20c20 vv16 0|7c00 3c00 fc00|7e00 1 0
frecps h0, h1, h2           |5e423c20 vv16 0|7c00 8000 0|4000 0 0
frsqrts h0, h1, h2          |5ec23c20 vv16 0|0 fc00 0|3e00 0 0
frintm h0, h1               |1ee54020 vv16 0|8000 0 0|8000 0 0
frintn h0, h1               |1ee44020 vv16 0|b800 0 0|8000 0 0
fadd s0, s1, s2             |1e222820 vv32 0|0 80000000 0|0 0 0
fsub s0, s1, s2             |1e223820 vv32 0|3f800000 3f800000 0|0 0 0
fmadd s0, s1, s2, s3        |1f020c20 vv32 0|3f800000 bf800000 3f800000|0 0 0
fadd s0, s1, s2             |1e222820 vv32 400000|0 80000000 0|0 0 0
fsub s0, s1, s2             |1e223820 vv32 400000|3f800000 3f800000 0|0 0 0
fmadd s0, s1, s2, s3        |1f020c20 vv32 400000|3f800000 bf800000 3f800000|0 0 0
fadd s0, s1, s2             |1e222820 vv32 800000|0 80000000 0|80000000 0 0
fsub s0, s1, s2             |1e223820 vv32 800000|3f800000 3f800000 0|80000000 0 0
fmadd s0, s1, s2, s3        |1f020c20 vv32 800000|3f800000 bf800000 3f800000|80000000 0 0
fadd s0, s1, s2             |1e222820 vv32 c00000|0 80000000 0|0 0 0
fsub s0, s1, s2             |1e223820 vv32 c00000|3f800000 3f800000 0|0 0 0
fmadd s0, s1, s2, s3        |1f020c20 vv32 c00000|3f800000 bf800000 3f800000|0 0 0
fadd s0, s1, s2             |1e222820 vv32 0|80000000 80000000 0|80000000 0 0
fmul s0, s1, s2             |1e220820 vv32 0|80000000 3f800000 0|80000000 0 0
fmul s0, s1, s2             |1e220820 vv32 0|7f800000 80000000 0|7fc00000 1 0
fmulx s0, s1, s2            |5e22dc20 vv32 0|ff800000 0 0|c0000000 0 0
fdiv s0, s1, s2             |1e221820 vv32 0|3f800000 80000000 0|ff800000 2 0
fdiv s0, s1, s2             |1e221820 vv32 0|0 0 0|7fc00000 1 0
fdiv s0, s1, s2             |1e221820 vv32 0|7f800000 7f800000 0|7fc00000 1 0
fsqrt s0, s1                |1e21c020 vv32 0|80000000 0 0|80000000 0 0
fsqrt s0, s1                |1e21c020 vv32 0|bf800000 0 0|7fc00000 1 0
fadd s0, s1, s2             |1e222820 vv32 0|7f800000 ff800000 0|7fc00000 1 0
fmax s0, s1, s2             |1e224820 vv32 0|80000000 0 0|0 0 0
fmin s0, s1, s2             |1e225820 vv32 0|0 80000000 0|80000000 0 0
fmadd s0, s1, s2, s3        |1f020c20 vv32 0|7f800000 0 3f800000|7fc00000 1 0
fmadd s0, s1, s2, s3        |1f020c20 vv32 0|7f800000 3f800000 ff800000|7fc00000 1 0
frecps s0, s1, s2           |5e22fc20 vv32 0|7f800000 80000000 0|40000000 0 0
frsqrts s0, s1, s2          |5ea2fc20 vv32 0|0 ff800000 0|3fc00000 0 0
frintm s0, s1               |1e254020 vv32 0|80000000 0 0|80000000 0 0
frintn s0, s1               |1e244020 vv32 0|bf000000 0 0|80000000 0 0
fadd d0, d1, d2             |1e622820 vv64 0|0 8000000000000000 0|0 0 0
fsub d0, d1, d2             |1e623820 vv64 0|3ff0000000000000 3ff0000000000000 0|0 0 0
fmadd d0, d1, d2, d3        |1f420c20 vv64 0|3ff0000000000000 bff0000000000000 3ff0000000000000|0 0 0
fadd d0, d1, d2             |1e622820 vv64 400000|0 8000000000000000 0|0 0 0
fsub d0, d1, d2             |1e623820 vv64 400000|3ff0000000000000 3ff0000000000000 0|0 0 0
fmadd d0, d1, d2, d3        |1f420c20 vv64 400000|3ff0000000000000 bff0000000000000 3ff0000000000000|0 0 0
fadd d0, d1, d2             |1e622820 vv64 800000|0 8000000000000000 0|8000000000000000 0 0
fsub d0, d1, d2             |1e623820 vv64 800000|3ff0000000000000 3ff0000000000000 0|8000000000000000 0 0
fmadd d0, d1, d2, d3        |1f420c20 vv64 800000|3ff0000000000000 bff0000000000000 3ff0000000000000|8000000000000000 0 0
fadd d0, d1, d2             |1e622820 vv64 c00000|0 8000000000000000 0|0 0 0
fsub d0, d1, d2             |1e623820 vv64 c00000|3ff0000000000000 3ff0000000000000 0|0 0 0
fmadd d0, d1, d2, d3        |1f420c20 vv64 c00000|3ff0000000000000 bff0000000000000 3ff0000000000000|0 0 0
fadd d0, d1, d2             |1e622820 vv64 0|8000000000000000 8000000000000000 0|8000000000000000 0 0
fmul d0, d1, d2             |1e620820 vv64 0|8000000000000000 3ff0000000000000 0|8000000000000000 0 0
fmul d0, d1, d2             |1e620820 vv64 0|7ff0000000000000 8000000000000000 0|7ff8000000000000 1 0
fmulx d0, d1, d2            |5e62dc20 vv64 0|fff0000000000000 0 0|c000000000000000 0 0
fdiv d0, d1, d2             |1e621820 vv64 0|3ff0000000000000 8000000000000000 0|fff0000000000000 2 0
fdiv d0, d1, d2             |1e621820 vv64 0|0 0 0|7ff8000000000000 1 0
fdiv d0, d1, d2             |1e621820 vv64 0|7ff0000000000000 7ff0000000000000 0|7ff8000000000000 1 0
fsqrt d0, d1                |1e61c020 vv64 0|8000000000000000 0 0|8000000000000000 0 0
fsqrt d0, d1                |1e61c020 vv64 0|bff0000000000000 0 0|7ff8000000000000 1 0
fadd d0, d1, d2             |1e622820 vv64 0|7ff0000000000000 fff0000000000000 0|7ff8000000000000 1 0
fmax d0, d1, d2             |1e624820 vv64 0|8000000000000000 0 0|0 0 0
fmin d0, d1, d2             |1e625820 vv64 0|0 8000000000000000 0|8000000000000000 0 0
fmadd d0, d1, d2, d3        |1f420c20 vv64 0|7ff0000000000000 0 3ff0000000000000|7ff8000000000000 1 0
fmadd d0, d1, d2, d3        |1f420c20 vv64 0|7ff0000000000000 3ff0000000000000 fff0000000000000|7ff8000000000000 1 0
frecps d0, d1, d2           |5e62fc20 vv64 0|7ff0000000000000 8000000000000000 0|4000000000000000 0 0
frsqrts d0, d1, d2          |5ee2fc20 vv64 0|0 fff0000000000000 0|3ff8000000000000 0 0
frintm d0, d1               |1e654020 vv64 0|8000000000000000 0 0|8000000000000000 0 0
frintn d0, d1               |1e644020 vv64 0|bfe0000000000000 0 0|8000000000000000 0 0
`;
const RANGE = `
fmul h0, h1, h2             |1ee20820 vv16 0|7bff 4000 0|7c00 14 0
fadd h0, h1, h2             |1ee22820 vv16 0|7bff 7bff 0|7c00 14 0
fmul h0, h1, h2             |1ee20820 vv16 0|400 3bff 0|400 18 0
fmul h0, h1, h2             |1ee20820 vv16 0|8400 3800 0|8200 0 0
fmul h0, h1, h2             |1ee20820 vv16 0|1 3800 0|0 18 0
fdiv h0, h1, h2             |1ee21820 vv16 0|400 3555 0|a00 10 0
fmul h0, h1, h2             |1ee20820 vv16 80000|400 3bff 0|0 8 0
fmul h0, h1, h2             |1ee20820 vv16 400000|7bff 4000 0|7c00 14 0
fadd h0, h1, h2             |1ee22820 vv16 400000|7bff 7bff 0|7c00 14 0
fmul h0, h1, h2             |1ee20820 vv16 400000|400 3bff 0|400 18 0
fmul h0, h1, h2             |1ee20820 vv16 400000|8400 3800 0|8200 0 0
fmul h0, h1, h2             |1ee20820 vv16 400000|1 3800 0|1 18 0
fdiv h0, h1, h2             |1ee21820 vv16 400000|400 3555 0|a01 10 0
fmul h0, h1, h2             |1ee20820 vv16 480000|400 3bff 0|0 8 0
fmul h0, h1, h2             |1ee20820 vv16 800000|7bff 4000 0|7bff 14 0
fadd h0, h1, h2             |1ee22820 vv16 800000|7bff 7bff 0|7bff 14 0
fmul h0, h1, h2             |1ee20820 vv16 800000|400 3bff 0|3ff 18 0
fmul h0, h1, h2             |1ee20820 vv16 800000|8400 3800 0|8200 0 0
fmul h0, h1, h2             |1ee20820 vv16 800000|1 3800 0|0 18 0
fdiv h0, h1, h2             |1ee21820 vv16 800000|400 3555 0|a00 10 0
fmul h0, h1, h2             |1ee20820 vv16 880000|400 3bff 0|0 8 0
fmul h0, h1, h2             |1ee20820 vv16 c00000|7bff 4000 0|7bff 14 0
fadd h0, h1, h2             |1ee22820 vv16 c00000|7bff 7bff 0|7bff 14 0
fmul h0, h1, h2             |1ee20820 vv16 c00000|400 3bff 0|3ff 18 0
fmul h0, h1, h2             |1ee20820 vv16 c00000|8400 3800 0|8200 0 0
fmul h0, h1, h2             |1ee20820 vv16 c00000|1 3800 0|0 18 0
fdiv h0, h1, h2             |1ee21820 vv16 c00000|400 3555 0|a00 10 0
fmul h0, h1, h2             |1ee20820 vv16 c80000|400 3bff 0|0 8 0
fsub h0, h1, h2             |1ee23820 vv16 0|401 400 0|1 0 0
fsub h0, h1, h2             |1ee23820 vv16 80000|401 400 0|0 8 0
fmul s0, s1, s2             |1e220820 vv32 0|7f7fffff 40000000 0|7f800000 14 0
fadd s0, s1, s2             |1e222820 vv32 0|7f7fffff 7f7fffff 0|7f800000 14 0
fmul s0, s1, s2             |1e220820 vv32 0|800000 3f7fffff 0|800000 18 0
fmul s0, s1, s2             |1e220820 vv32 0|80800000 3f000000 0|80400000 0 0
fmul s0, s1, s2             |1e220820 vv32 0|1 3f000000 0|0 18 0
fdiv s0, s1, s2             |1e221820 vv32 0|800000 3eaaaaab 0|1400000 10 0
fmul s0, s1, s2             |1e220820 vv32 1000000|800000 3f7fffff 0|0 8 0
fmul s0, s1, s2             |1e220820 vv32 400000|7f7fffff 40000000 0|7f800000 14 0
fadd s0, s1, s2             |1e222820 vv32 400000|7f7fffff 7f7fffff 0|7f800000 14 0
fmul s0, s1, s2             |1e220820 vv32 400000|800000 3f7fffff 0|800000 18 0
fmul s0, s1, s2             |1e220820 vv32 400000|80800000 3f000000 0|80400000 0 0
fmul s0, s1, s2             |1e220820 vv32 400000|1 3f000000 0|1 18 0
fdiv s0, s1, s2             |1e221820 vv32 400000|800000 3eaaaaab 0|1400000 10 0
fmul s0, s1, s2             |1e220820 vv32 1400000|800000 3f7fffff 0|0 8 0
fmul s0, s1, s2             |1e220820 vv32 800000|7f7fffff 40000000 0|7f7fffff 14 0
fadd s0, s1, s2             |1e222820 vv32 800000|7f7fffff 7f7fffff 0|7f7fffff 14 0
fmul s0, s1, s2             |1e220820 vv32 800000|800000 3f7fffff 0|7fffff 18 0
fmul s0, s1, s2             |1e220820 vv32 800000|80800000 3f000000 0|80400000 0 0
fmul s0, s1, s2             |1e220820 vv32 800000|1 3f000000 0|0 18 0
fdiv s0, s1, s2             |1e221820 vv32 800000|800000 3eaaaaab 0|13fffff 10 0
fmul s0, s1, s2             |1e220820 vv32 1800000|800000 3f7fffff 0|0 8 0
fmul s0, s1, s2             |1e220820 vv32 c00000|7f7fffff 40000000 0|7f7fffff 14 0
fadd s0, s1, s2             |1e222820 vv32 c00000|7f7fffff 7f7fffff 0|7f7fffff 14 0
fmul s0, s1, s2             |1e220820 vv32 c00000|800000 3f7fffff 0|7fffff 18 0
fmul s0, s1, s2             |1e220820 vv32 c00000|80800000 3f000000 0|80400000 0 0
fmul s0, s1, s2             |1e220820 vv32 c00000|1 3f000000 0|0 18 0
fdiv s0, s1, s2             |1e221820 vv32 c00000|800000 3eaaaaab 0|13fffff 10 0
fmul s0, s1, s2             |1e220820 vv32 1c00000|800000 3f7fffff 0|0 8 0
fsub s0, s1, s2             |1e223820 vv32 0|800001 800000 0|1 0 0
fsub s0, s1, s2             |1e223820 vv32 1000000|800001 800000 0|0 8 0
fmul d0, d1, d2             |1e620820 vv64 0|7fefffffffffffff 4000000000000000 0|7ff0000000000000 14 0
fadd d0, d1, d2             |1e622820 vv64 0|7fefffffffffffff 7fefffffffffffff 0|7ff0000000000000 14 0
fmul d0, d1, d2             |1e620820 vv64 0|10000000000000 3fefffffffffffff 0|10000000000000 18 0
fmul d0, d1, d2             |1e620820 vv64 0|8010000000000000 3fe0000000000000 0|8008000000000000 0 0
fmul d0, d1, d2             |1e620820 vv64 0|1 3fe0000000000000 0|0 18 0
fdiv d0, d1, d2             |1e621820 vv64 0|10000000000000 3fd5555555555555 0|28000000000000 10 0
fmul d0, d1, d2             |1e620820 vv64 1000000|10000000000000 3fefffffffffffff 0|0 8 0
fmul d0, d1, d2             |1e620820 vv64 400000|7fefffffffffffff 4000000000000000 0|7ff0000000000000 14 0
fadd d0, d1, d2             |1e622820 vv64 400000|7fefffffffffffff 7fefffffffffffff 0|7ff0000000000000 14 0
fmul d0, d1, d2             |1e620820 vv64 400000|10000000000000 3fefffffffffffff 0|10000000000000 18 0
fmul d0, d1, d2             |1e620820 vv64 400000|8010000000000000 3fe0000000000000 0|8008000000000000 0 0
fmul d0, d1, d2             |1e620820 vv64 400000|1 3fe0000000000000 0|1 18 0
fdiv d0, d1, d2             |1e621820 vv64 400000|10000000000000 3fd5555555555555 0|28000000000001 10 0
fmul d0, d1, d2             |1e620820 vv64 1400000|10000000000000 3fefffffffffffff 0|0 8 0
fmul d0, d1, d2             |1e620820 vv64 800000|7fefffffffffffff 4000000000000000 0|7fefffffffffffff 14 0
fadd d0, d1, d2             |1e622820 vv64 800000|7fefffffffffffff 7fefffffffffffff 0|7fefffffffffffff 14 0
fmul d0, d1, d2             |1e620820 vv64 800000|10000000000000 3fefffffffffffff 0|fffffffffffff 18 0
fmul d0, d1, d2             |1e620820 vv64 800000|8010000000000000 3fe0000000000000 0|8008000000000000 0 0
fmul d0, d1, d2             |1e620820 vv64 800000|1 3fe0000000000000 0|0 18 0
fdiv d0, d1, d2             |1e621820 vv64 800000|10000000000000 3fd5555555555555 0|28000000000000 10 0
fmul d0, d1, d2             |1e620820 vv64 1800000|10000000000000 3fefffffffffffff 0|0 8 0
fmul d0, d1, d2             |1e620820 vv64 c00000|7fefffffffffffff 4000000000000000 0|7fefffffffffffff 14 0
fadd d0, d1, d2             |1e622820 vv64 c00000|7fefffffffffffff 7fefffffffffffff 0|7fefffffffffffff 14 0
fmul d0, d1, d2             |1e620820 vv64 c00000|10000000000000 3fefffffffffffff 0|fffffffffffff 18 0
fmul d0, d1, d2             |1e620820 vv64 c00000|8010000000000000 3fe0000000000000 0|8008000000000000 0 0
fmul d0, d1, d2             |1e620820 vv64 c00000|1 3fe0000000000000 0|0 18 0
fdiv d0, d1, d2             |1e621820 vv64 c00000|10000000000000 3fd5555555555555 0|28000000000000 10 0
fmul d0, d1, d2             |1e620820 vv64 1c00000|10000000000000 3fefffffffffffff 0|0 8 0
fsub d0, d1, d2             |1e623820 vv64 0|10000000000001 10000000000000 0|1 0 0
fsub d0, d1, d2             |1e623820 vv64 1000000|10000000000001 10000000000000 0|0 8 0
fadd d0, d1, d2             |1e622820 vv64 0|7fefffffffffffff 7c90000000000000 0|7ff0000000000000 14 0
fmul d0, d1, d2             |1e620820 vv64 0|7fefffffffffffff 3ff0000000000001 0|7ff0000000000000 14 0
fdiv d0, d1, d2             |1e621820 vv64 0|7fefffffffffffff 3fefffffffffffff 0|7ff0000000000000 14 0
ucvtf h0, x1, #48           |9ec34020 xv16 0|ffffffffffffffff 0 0|7c00 14 0
ucvtf s0, x1, #48           |9e034020 xv32 0|ffffffffffffffff 0 0|47800000 10 0
fadd d0, d1, d2             |1e622820 vv64 400000|7fefffffffffffff 7c90000000000000 0|7ff0000000000000 14 0
fmul d0, d1, d2             |1e620820 vv64 400000|7fefffffffffffff 3ff0000000000001 0|7ff0000000000000 14 0
fdiv d0, d1, d2             |1e621820 vv64 400000|7fefffffffffffff 3fefffffffffffff 0|7ff0000000000000 14 0
ucvtf h0, x1, #48           |9ec34020 xv16 400000|ffffffffffffffff 0 0|7c00 14 0
ucvtf s0, x1, #48           |9e034020 xv32 400000|ffffffffffffffff 0 0|47800000 10 0
fadd d0, d1, d2             |1e622820 vv64 800000|7fefffffffffffff 7c90000000000000 0|7fefffffffffffff 10 0
fmul d0, d1, d2             |1e620820 vv64 800000|7fefffffffffffff 3ff0000000000001 0|7fefffffffffffff 14 0
fdiv d0, d1, d2             |1e621820 vv64 800000|7fefffffffffffff 3fefffffffffffff 0|7fefffffffffffff 14 0
ucvtf h0, x1, #48           |9ec34020 xv16 800000|ffffffffffffffff 0 0|7bff 10 0
ucvtf s0, x1, #48           |9e034020 xv32 800000|ffffffffffffffff 0 0|477fffff 10 0
fadd d0, d1, d2             |1e622820 vv64 c00000|7fefffffffffffff 7c90000000000000 0|7fefffffffffffff 10 0
fmul d0, d1, d2             |1e620820 vv64 c00000|7fefffffffffffff 3ff0000000000001 0|7fefffffffffffff 14 0
fdiv d0, d1, d2             |1e621820 vv64 c00000|7fefffffffffffff 3fefffffffffffff 0|7fefffffffffffff 14 0
ucvtf h0, x1, #48           |9ec34020 xv16 c00000|ffffffffffffffff 0 0|7bff 10 0
ucvtf s0, x1, #48           |9e034020 xv32 c00000|ffffffffffffffff 0 0|477fffff 10 0
fcvt s0, d1                 |1e624020 vv32 0|47efffffefffffff 0 0|7f7fffff 10 0
fcvt h0, d1                 |1e63c020 vv16 0|40effe0000000001 0 0|7c00 14 0
fcvt h0, s1                 |1e23c020 vv16 0|33000001 0 0|1 18 0
fcvt s0, d1                 |1e624020 vv32 1000000|380fffffffffffff 0 0|0 8 0
fcvt s0, d1                 |1e624020 vv32 400000|47efffffefffffff 0 0|7f800000 14 0
fcvt h0, d1                 |1e63c020 vv16 400000|40effe0000000001 0 0|7c00 14 0
fcvt h0, s1                 |1e23c020 vv16 400000|33000001 0 0|1 18 0
fcvt s0, d1                 |1e624020 vv32 1400000|380fffffffffffff 0 0|0 8 0
fcvt s0, d1                 |1e624020 vv32 800000|47efffffefffffff 0 0|7f7fffff 10 0
fcvt h0, d1                 |1e63c020 vv16 800000|40effe0000000001 0 0|7bff 10 0
fcvt h0, s1                 |1e23c020 vv16 800000|33000001 0 0|0 18 0
fcvt s0, d1                 |1e624020 vv32 1800000|380fffffffffffff 0 0|0 8 0
fcvt s0, d1                 |1e624020 vv32 c00000|47efffffefffffff 0 0|7f7fffff 10 0
fcvt h0, d1                 |1e63c020 vv16 c00000|40effe0000000001 0 0|7bff 10 0
fcvt h0, s1                 |1e23c020 vv16 c00000|33000001 0 0|0 18 0
fcvt s0, d1                 |1e624020 vv32 1c00000|380fffffffffffff 0 0|0 8 0
`;
const DENORMAL = `
fadd h0, h1, h2             |1ee22820 vv16 80000|3ff 0 0|0 0 0
fadd h0, h1, h2             |1ee22820 vv16 0|3ff 3ff 0|7fe 0 0
fmax h0, h1, h2             |1ee24820 vv16 80000|8001 0 0|0 0 0
fcmp h1, h2                 |1ee22020 vf16 80000|1 0 0|- 0 6
fabs h0, h1                 |1ee0c020 vv16 80000|83ff 0 0|3ff 0 0
fadd h0, h1, h2             |1ee22820 vv16 80000|7c01 1 0|7e01 1 0
frecpe h0, h1               |5ef9d820 vv16 80000|3ff 0 0|7c00 2 0
fcvtzs w0, h1               |1ef80020 vx16 80000|3ff 0 0|0 0 0
fadd s0, s1, s2             |1e222820 vv32 1000000|7fffff 0 0|0 80 0
fadd s0, s1, s2             |1e222820 vv32 0|7fffff 7fffff 0|fffffe 0 0
fmax s0, s1, s2             |1e224820 vv32 1000000|80000001 0 0|0 80 0
fcmp s1, s2                 |1e222020 vf32 1000000|1 0 0|- 80 6
fabs s0, s1                 |1e20c020 vv32 1000000|807fffff 0 0|7fffff 0 0
fadd s0, s1, s2             |1e222820 vv32 1000000|7f800001 1 0|7fc00001 81 0
frecpe s0, s1               |5ea1d820 vv32 1000000|7fffff 0 0|7f800000 82 0
fcvtzs w0, s1               |1e380020 vx32 1000000|7fffff 0 0|0 80 0
fadd d0, d1, d2             |1e622820 vv64 1000000|fffffffffffff 0 0|0 80 0
fadd d0, d1, d2             |1e622820 vv64 0|fffffffffffff fffffffffffff 0|1ffffffffffffe 0 0
fmax d0, d1, d2             |1e624820 vv64 1000000|8000000000000001 0 0|0 80 0
fcmp d1, d2                 |1e622020 vf64 1000000|1 0 0|- 80 6
fabs d0, d1                 |1e60c020 vv64 1000000|800fffffffffffff 0 0|fffffffffffff 0 0
fadd d0, d1, d2             |1e622820 vv64 1000000|7ff0000000000001 1 0|7ff8000000000001 81 0
frecpe d0, d1               |5ee1d820 vv64 1000000|fffffffffffff 0 0|7ff0000000000000 82 0
fcvtzs w0, d1               |1e780020 vx64 1000000|fffffffffffff 0 0|0 80 0
fcvt s0, h1                 |1ee24020 vv32 80000|1 0 0|33800000 0 0
fcvt d0, s1                 |1e22c020 vv64 1000000|1 0 0|0 80 0
fcvt h0, s1                 |1e23c020 vv16 80000|38000000 0 0|200 0 0
fcvt s0, d1                 |1e624020 vv32 0|3800000000000001 0 0|400000 18 0
`;
const ROUNDING = `
fdiv h0, h1, h2             |1ee21820 vv16 0|3c00 3555 0|4200 10 0
fdiv h0, h1, h2             |1ee21820 vv16 0|bc00 3555 0|c200 10 0
fsqrt h0, h1                |1ee1c020 vv16 0|4000 0 0|3da8 10 0
fadd h0, h1, h2             |1ee22820 vv16 0|3c00 3555 0|3d55 10 0
fmadd h0, h1, h2, h3        |1fc20c20 vv16 0|3555 3555 bc00|bb1d 10 0
frinti h0, h1               |1ee7c020 vv16 0|c100 0 0|c000 0 0
frintx h0, h1               |1ee74020 vv16 0|3e00 0 0|4000 10 0
scvtf h0, x1                |9ee20020 xv16 0|20000000000001 0 0|7c00 14 0
ucvtf h0, x1                |9ee30020 xv16 0|ffffffffffffffff 0 0|7c00 14 0
scvtf h0, w1, #13           |1ec2cc20 xv16 0|80000001 0 0|fc00 14 0
fdiv s0, s1, s2             |1e221820 vv32 0|3f800000 3eaaaaab 0|40400000 10 0
fdiv s0, s1, s2             |1e221820 vv32 0|bf800000 3eaaaaab 0|c0400000 10 0
fsqrt s0, s1                |1e21c020 vv32 0|40000000 0 0|3fb504f3 10 0
fadd s0, s1, s2             |1e222820 vv32 0|3f800000 3eaaaaab 0|3faaaaab 10 0
fmadd s0, s1, s2, s3        |1f020c20 vv32 0|3eaaaaab 3eaaaaab bf800000|bf638e39 10 0
frinti s0, s1               |1e27c020 vv32 0|c0200000 0 0|c0000000 0 0
frintx s0, s1               |1e274020 vv32 0|3fc00000 0 0|40000000 10 0
scvtf s0, x1                |9e220020 xv32 0|20000000000001 0 0|5a000000 10 0
ucvtf s0, x1                |9e230020 xv32 0|ffffffffffffffff 0 0|5f800000 10 0
scvtf s0, w1, #13           |1e02cc20 xv32 0|80000001 0 0|c8800000 10 0
fdiv d0, d1, d2             |1e621820 vv64 0|3ff0000000000000 3fd5555555555555 0|4008000000000000 10 0
fdiv d0, d1, d2             |1e621820 vv64 0|bff0000000000000 3fd5555555555555 0|c008000000000000 10 0
fsqrt d0, d1                |1e61c020 vv64 0|4000000000000000 0 0|3ff6a09e667f3bcd 10 0
fadd d0, d1, d2             |1e622820 vv64 0|3ff0000000000000 3fd5555555555555 0|3ff5555555555555 10 0
fmadd d0, d1, d2, d3        |1f420c20 vv64 0|3fd5555555555555 3fd5555555555555 bff0000000000000|bfec71c71c71c71d 10 0
frinti d0, d1               |1e67c020 vv64 0|c004000000000000 0 0|c000000000000000 0 0
frintx d0, d1               |1e674020 vv64 0|3ff8000000000000 0 0|4000000000000000 10 0
scvtf d0, x1                |9e620020 xv64 0|20000000000001 0 0|4340000000000000 10 0
ucvtf d0, x1                |9e630020 xv64 0|ffffffffffffffff 0 0|43f0000000000000 10 0
scvtf d0, w1, #13           |1e42cc20 xv64 0|80000001 0 0|c10fffffffc00000 0 0
fdiv h0, h1, h2             |1ee21820 vv16 400000|3c00 3555 0|4201 10 0
fdiv h0, h1, h2             |1ee21820 vv16 400000|bc00 3555 0|c200 10 0
fsqrt h0, h1                |1ee1c020 vv16 400000|4000 0 0|3da9 10 0
fadd h0, h1, h2             |1ee22820 vv16 400000|3c00 3555 0|3d56 10 0
fmadd h0, h1, h2, h3        |1fc20c20 vv16 400000|3555 3555 bc00|bb1c 10 0
frinti h0, h1               |1ee7c020 vv16 400000|c100 0 0|c000 0 0
frintx h0, h1               |1ee74020 vv16 400000|3e00 0 0|4000 10 0
scvtf h0, x1                |9ee20020 xv16 400000|20000000000001 0 0|7c00 14 0
ucvtf h0, x1                |9ee30020 xv16 400000|ffffffffffffffff 0 0|7c00 14 0
scvtf h0, w1, #13           |1ec2cc20 xv16 400000|80000001 0 0|fbff 14 0
fdiv s0, s1, s2             |1e221820 vv32 400000|3f800000 3eaaaaab 0|40400000 10 0
fdiv s0, s1, s2             |1e221820 vv32 400000|bf800000 3eaaaaab 0|c03fffff 10 0
fsqrt s0, s1                |1e21c020 vv32 400000|40000000 0 0|3fb504f4 10 0
fadd s0, s1, s2             |1e222820 vv32 400000|3f800000 3eaaaaab 0|3faaaaab 10 0
fmadd s0, s1, s2, s3        |1f020c20 vv32 400000|3eaaaaab 3eaaaaab bf800000|bf638e38 10 0
frinti s0, s1               |1e27c020 vv32 400000|c0200000 0 0|c0000000 0 0
frintx s0, s1               |1e274020 vv32 400000|3fc00000 0 0|40000000 10 0
scvtf s0, x1                |9e220020 xv32 400000|20000000000001 0 0|5a000001 10 0
ucvtf s0, x1                |9e230020 xv32 400000|ffffffffffffffff 0 0|5f800000 10 0
scvtf s0, w1, #13           |1e02cc20 xv32 400000|80000001 0 0|c87fffff 10 0
fdiv d0, d1, d2             |1e621820 vv64 400000|3ff0000000000000 3fd5555555555555 0|4008000000000001 10 0
fdiv d0, d1, d2             |1e621820 vv64 400000|bff0000000000000 3fd5555555555555 0|c008000000000000 10 0
fsqrt d0, d1                |1e61c020 vv64 400000|4000000000000000 0 0|3ff6a09e667f3bcd 10 0
fadd d0, d1, d2             |1e622820 vv64 400000|3ff0000000000000 3fd5555555555555 0|3ff5555555555556 10 0
fmadd d0, d1, d2, d3        |1f420c20 vv64 400000|3fd5555555555555 3fd5555555555555 bff0000000000000|bfec71c71c71c71c 10 0
frinti d0, d1               |1e67c020 vv64 400000|c004000000000000 0 0|c000000000000000 0 0
frintx d0, d1               |1e674020 vv64 400000|3ff8000000000000 0 0|4000000000000000 10 0
scvtf d0, x1                |9e620020 xv64 400000|20000000000001 0 0|4340000000000001 10 0
ucvtf d0, x1                |9e630020 xv64 400000|ffffffffffffffff 0 0|43f0000000000000 10 0
scvtf d0, w1, #13           |1e42cc20 xv64 400000|80000001 0 0|c10fffffffc00000 0 0
fdiv h0, h1, h2             |1ee21820 vv16 800000|3c00 3555 0|4200 10 0
fdiv h0, h1, h2             |1ee21820 vv16 800000|bc00 3555 0|c201 10 0
fsqrt h0, h1                |1ee1c020 vv16 800000|4000 0 0|3da8 10 0
fadd h0, h1, h2             |1ee22820 vv16 800000|3c00 3555 0|3d55 10 0
fmadd h0, h1, h2, h3        |1fc20c20 vv16 800000|3555 3555 bc00|bb1d 10 0
frinti h0, h1               |1ee7c020 vv16 800000|c100 0 0|c200 0 0
frintx h0, h1               |1ee74020 vv16 800000|3e00 0 0|3c00 10 0
scvtf h0, x1                |9ee20020 xv16 800000|20000000000001 0 0|7bff 14 0
ucvtf h0, x1                |9ee30020 xv16 800000|ffffffffffffffff 0 0|7bff 14 0
scvtf h0, w1, #13           |1ec2cc20 xv16 800000|80000001 0 0|fc00 14 0
fdiv s0, s1, s2             |1e221820 vv32 800000|3f800000 3eaaaaab 0|403fffff 10 0
fdiv s0, s1, s2             |1e221820 vv32 800000|bf800000 3eaaaaab 0|c0400000 10 0
fsqrt s0, s1                |1e21c020 vv32 800000|40000000 0 0|3fb504f3 10 0
fadd s0, s1, s2             |1e222820 vv32 800000|3f800000 3eaaaaab 0|3faaaaaa 10 0
fmadd s0, s1, s2, s3        |1f020c20 vv32 800000|3eaaaaab 3eaaaaab bf800000|bf638e39 10 0
frinti s0, s1               |1e27c020 vv32 800000|c0200000 0 0|c0400000 0 0
frintx s0, s1               |1e274020 vv32 800000|3fc00000 0 0|3f800000 10 0
scvtf s0, x1                |9e220020 xv32 800000|20000000000001 0 0|5a000000 10 0
ucvtf s0, x1                |9e230020 xv32 800000|ffffffffffffffff 0 0|5f7fffff 10 0
scvtf s0, w1, #13           |1e02cc20 xv32 800000|80000001 0 0|c8800000 10 0
fdiv d0, d1, d2             |1e621820 vv64 800000|3ff0000000000000 3fd5555555555555 0|4008000000000000 10 0
fdiv d0, d1, d2             |1e621820 vv64 800000|bff0000000000000 3fd5555555555555 0|c008000000000001 10 0
fsqrt d0, d1                |1e61c020 vv64 800000|4000000000000000 0 0|3ff6a09e667f3bcc 10 0
fadd d0, d1, d2             |1e622820 vv64 800000|3ff0000000000000 3fd5555555555555 0|3ff5555555555555 10 0
fmadd d0, d1, d2, d3        |1f420c20 vv64 800000|3fd5555555555555 3fd5555555555555 bff0000000000000|bfec71c71c71c71d 10 0
frinti d0, d1               |1e67c020 vv64 800000|c004000000000000 0 0|c008000000000000 0 0
frintx d0, d1               |1e674020 vv64 800000|3ff8000000000000 0 0|3ff0000000000000 10 0
scvtf d0, x1                |9e620020 xv64 800000|20000000000001 0 0|4340000000000000 10 0
ucvtf d0, x1                |9e630020 xv64 800000|ffffffffffffffff 0 0|43efffffffffffff 10 0
scvtf d0, w1, #13           |1e42cc20 xv64 800000|80000001 0 0|c10fffffffc00000 0 0
fdiv h0, h1, h2             |1ee21820 vv16 c00000|3c00 3555 0|4200 10 0
fdiv h0, h1, h2             |1ee21820 vv16 c00000|bc00 3555 0|c200 10 0
fsqrt h0, h1                |1ee1c020 vv16 c00000|4000 0 0|3da8 10 0
fadd h0, h1, h2             |1ee22820 vv16 c00000|3c00 3555 0|3d55 10 0
fmadd h0, h1, h2, h3        |1fc20c20 vv16 c00000|3555 3555 bc00|bb1c 10 0
frinti h0, h1               |1ee7c020 vv16 c00000|c100 0 0|c000 0 0
frintx h0, h1               |1ee74020 vv16 c00000|3e00 0 0|3c00 10 0
scvtf h0, x1                |9ee20020 xv16 c00000|20000000000001 0 0|7bff 14 0
ucvtf h0, x1                |9ee30020 xv16 c00000|ffffffffffffffff 0 0|7bff 14 0
scvtf h0, w1, #13           |1ec2cc20 xv16 c00000|80000001 0 0|fbff 14 0
fdiv s0, s1, s2             |1e221820 vv32 c00000|3f800000 3eaaaaab 0|403fffff 10 0
fdiv s0, s1, s2             |1e221820 vv32 c00000|bf800000 3eaaaaab 0|c03fffff 10 0
fsqrt s0, s1                |1e21c020 vv32 c00000|40000000 0 0|3fb504f3 10 0
fadd s0, s1, s2             |1e222820 vv32 c00000|3f800000 3eaaaaab 0|3faaaaaa 10 0
fmadd s0, s1, s2, s3        |1f020c20 vv32 c00000|3eaaaaab 3eaaaaab bf800000|bf638e38 10 0
frinti s0, s1               |1e27c020 vv32 c00000|c0200000 0 0|c0000000 0 0
frintx s0, s1               |1e274020 vv32 c00000|3fc00000 0 0|3f800000 10 0
scvtf s0, x1                |9e220020 xv32 c00000|20000000000001 0 0|5a000000 10 0
ucvtf s0, x1                |9e230020 xv32 c00000|ffffffffffffffff 0 0|5f7fffff 10 0
scvtf s0, w1, #13           |1e02cc20 xv32 c00000|80000001 0 0|c87fffff 10 0
fdiv d0, d1, d2             |1e621820 vv64 c00000|3ff0000000000000 3fd5555555555555 0|4008000000000000 10 0
fdiv d0, d1, d2             |1e621820 vv64 c00000|bff0000000000000 3fd5555555555555 0|c008000000000000 10 0
fsqrt d0, d1                |1e61c020 vv64 c00000|4000000000000000 0 0|3ff6a09e667f3bcc 10 0
fadd d0, d1, d2             |1e622820 vv64 c00000|3ff0000000000000 3fd5555555555555 0|3ff5555555555555 10 0
fmadd d0, d1, d2, d3        |1f420c20 vv64 c00000|3fd5555555555555 3fd5555555555555 bff0000000000000|bfec71c71c71c71c 10 0
frinti d0, d1               |1e67c020 vv64 c00000|c004000000000000 0 0|c000000000000000 0 0
frintx d0, d1               |1e674020 vv64 c00000|3ff8000000000000 0 0|3ff0000000000000 10 0
scvtf d0, x1                |9e620020 xv64 c00000|20000000000001 0 0|4340000000000000 10 0
ucvtf d0, x1                |9e630020 xv64 c00000|ffffffffffffffff 0 0|43efffffffffffff 10 0
scvtf d0, w1, #13           |1e42cc20 xv64 c00000|80000001 0 0|c10fffffffc00000 0 0
frintn h0, h1               |1ee44020 vv16 0|4100 0 0|4000 0 0
frintn h0, h1               |1ee44020 vv16 0|c300 0 0|c400 0 0
frintp h0, h1               |1ee4c020 vv16 0|4100 0 0|4200 0 0
frintp h0, h1               |1ee4c020 vv16 0|c300 0 0|c200 0 0
frintm h0, h1               |1ee54020 vv16 0|4100 0 0|4000 0 0
frintm h0, h1               |1ee54020 vv16 0|c300 0 0|c400 0 0
frintz h0, h1               |1ee5c020 vv16 0|4100 0 0|4000 0 0
frintz h0, h1               |1ee5c020 vv16 0|c300 0 0|c200 0 0
frinta h0, h1               |1ee64020 vv16 0|4100 0 0|4200 0 0
frinta h0, h1               |1ee64020 vv16 0|c300 0 0|c400 0 0
frintn s0, s1               |1e244020 vv32 0|40200000 0 0|40000000 0 0
frintn s0, s1               |1e244020 vv32 0|c0600000 0 0|c0800000 0 0
frintp s0, s1               |1e24c020 vv32 0|40200000 0 0|40400000 0 0
frintp s0, s1               |1e24c020 vv32 0|c0600000 0 0|c0400000 0 0
frintm s0, s1               |1e254020 vv32 0|40200000 0 0|40000000 0 0
frintm s0, s1               |1e254020 vv32 0|c0600000 0 0|c0800000 0 0
frintz s0, s1               |1e25c020 vv32 0|40200000 0 0|40000000 0 0
frintz s0, s1               |1e25c020 vv32 0|c0600000 0 0|c0400000 0 0
frinta s0, s1               |1e264020 vv32 0|40200000 0 0|40400000 0 0
frinta s0, s1               |1e264020 vv32 0|c0600000 0 0|c0800000 0 0
frintn d0, d1               |1e644020 vv64 0|4004000000000000 0 0|4000000000000000 0 0
frintn d0, d1               |1e644020 vv64 0|c00c000000000000 0 0|c010000000000000 0 0
frintn d0, d1               |1e644020 vv64 0|3fe0000000000001 0 0|3ff0000000000000 0 0
frintp d0, d1               |1e64c020 vv64 0|4004000000000000 0 0|4008000000000000 0 0
frintp d0, d1               |1e64c020 vv64 0|c00c000000000000 0 0|c008000000000000 0 0
frintp d0, d1               |1e64c020 vv64 0|3fe0000000000001 0 0|3ff0000000000000 0 0
frintm d0, d1               |1e654020 vv64 0|4004000000000000 0 0|4000000000000000 0 0
frintm d0, d1               |1e654020 vv64 0|c00c000000000000 0 0|c010000000000000 0 0
frintm d0, d1               |1e654020 vv64 0|3fe0000000000001 0 0|0 0 0
frintz d0, d1               |1e65c020 vv64 0|4004000000000000 0 0|4000000000000000 0 0
frintz d0, d1               |1e65c020 vv64 0|c00c000000000000 0 0|c008000000000000 0 0
frintz d0, d1               |1e65c020 vv64 0|3fe0000000000001 0 0|0 0 0
frinta d0, d1               |1e664020 vv64 0|4004000000000000 0 0|4008000000000000 0 0
frinta d0, d1               |1e664020 vv64 0|c00c000000000000 0 0|c010000000000000 0 0
frinta d0, d1               |1e664020 vv64 0|3fe0000000000001 0 0|3ff0000000000000 0 0
frint32z s0, s1             |1e284020 vv32 400000|4f000000 0 0|cf000000 1 0
frint32z s0, s1             |1e284020 vv32 400000|cf000000 0 0|cf000000 0 0
frint32z s0, s1             |1e284020 vv32 400000|5f000000 0 0|cf000000 1 0
frint32z s0, s1             |1e284020 vv32 400000|3fc00000 0 0|3f800000 10 0
frint32z s0, s1             |1e284020 vv32 400000|7fc00000 0 0|cf000000 1 0
frint32x s0, s1             |1e28c020 vv32 400000|4f000000 0 0|cf000000 1 0
frint32x s0, s1             |1e28c020 vv32 400000|cf000000 0 0|cf000000 0 0
frint32x s0, s1             |1e28c020 vv32 400000|5f000000 0 0|cf000000 1 0
frint32x s0, s1             |1e28c020 vv32 400000|3fc00000 0 0|40000000 10 0
frint32x s0, s1             |1e28c020 vv32 400000|7fc00000 0 0|cf000000 1 0
frint64z s0, s1             |1e294020 vv32 400000|4f000000 0 0|4f000000 0 0
frint64z s0, s1             |1e294020 vv32 400000|cf000000 0 0|cf000000 0 0
frint64z s0, s1             |1e294020 vv32 400000|5f000000 0 0|df000000 1 0
frint64z s0, s1             |1e294020 vv32 400000|3fc00000 0 0|3f800000 10 0
frint64z s0, s1             |1e294020 vv32 400000|7fc00000 0 0|df000000 1 0
frint64x s0, s1             |1e29c020 vv32 400000|4f000000 0 0|4f000000 0 0
frint64x s0, s1             |1e29c020 vv32 400000|cf000000 0 0|cf000000 0 0
frint64x s0, s1             |1e29c020 vv32 400000|5f000000 0 0|df000000 1 0
frint64x s0, s1             |1e29c020 vv32 400000|3fc00000 0 0|40000000 10 0
frint64x s0, s1             |1e29c020 vv32 400000|7fc00000 0 0|df000000 1 0
frint32z d0, d1             |1e684020 vv64 400000|41dfffffffe00000 0 0|41dfffffffc00000 10 0
frint32z d0, d1             |1e684020 vv64 400000|c1e0000000100000 0 0|c1e0000000000000 10 0
frint32z d0, d1             |1e684020 vv64 400000|43e0000000000000 0 0|c1e0000000000000 1 0
frint32z d0, d1             |1e684020 vv64 400000|bff8000000000000 0 0|bff0000000000000 10 0
frint32z d0, d1             |1e684020 vv64 400000|fff0000000000000 0 0|c1e0000000000000 1 0
frint32x d0, d1             |1e68c020 vv64 400000|41dfffffffe00000 0 0|c1e0000000000000 1 0
frint32x d0, d1             |1e68c020 vv64 400000|c1e0000000100000 0 0|c1e0000000000000 10 0
frint32x d0, d1             |1e68c020 vv64 400000|43e0000000000000 0 0|c1e0000000000000 1 0
frint32x d0, d1             |1e68c020 vv64 400000|bff8000000000000 0 0|bff0000000000000 10 0
frint32x d0, d1             |1e68c020 vv64 400000|fff0000000000000 0 0|c1e0000000000000 1 0
frint64z d0, d1             |1e694020 vv64 400000|41dfffffffe00000 0 0|41dfffffffc00000 10 0
frint64z d0, d1             |1e694020 vv64 400000|c1e0000000100000 0 0|c1e0000000000000 10 0
frint64z d0, d1             |1e694020 vv64 400000|43e0000000000000 0 0|c3e0000000000000 1 0
frint64z d0, d1             |1e694020 vv64 400000|bff8000000000000 0 0|bff0000000000000 10 0
frint64z d0, d1             |1e694020 vv64 400000|fff0000000000000 0 0|c3e0000000000000 1 0
frint64x d0, d1             |1e69c020 vv64 400000|41dfffffffe00000 0 0|41e0000000000000 10 0
frint64x d0, d1             |1e69c020 vv64 400000|c1e0000000100000 0 0|c1e0000000000000 10 0
frint64x d0, d1             |1e69c020 vv64 400000|43e0000000000000 0 0|c3e0000000000000 1 0
frint64x d0, d1             |1e69c020 vv64 400000|bff8000000000000 0 0|bff0000000000000 10 0
frint64x d0, d1             |1e69c020 vv64 400000|fff0000000000000 0 0|c3e0000000000000 1 0
`;
const SATURATE = `
fcvtzs w0, s1               |1e380020 vx32 0|4f000000 0 0|7fffffff 1 0
fcvtzu w0, s1               |1e390020 vx32 0|4f000000 0 0|80000000 0 0
fcvtzs x0, s1               |9e380020 vx32 0|4f000000 0 0|80000000 0 0
fcvtzu x0, s1               |9e390020 vx32 0|4f000000 0 0|80000000 0 0
fcvtms w0, s1               |1e300020 vx32 0|4f000000 0 0|7fffffff 1 0
fcvtau x0, s1               |9e250020 vx32 0|4f000000 0 0|80000000 0 0
fcvtzs w0, s1, #1           |1e18fc20 vx32 0|4f000000 0 0|7fffffff 1 0
fcvtzu x0, s1, #64          |9e190020 vx32 0|4f000000 0 0|ffffffffffffffff 1 0
fcvtzs w0, s1               |1e380020 vx32 0|cf000000 0 0|80000000 0 0
fcvtzu w0, s1               |1e390020 vx32 0|cf000000 0 0|0 1 0
fcvtzs x0, s1               |9e380020 vx32 0|cf000000 0 0|ffffffff80000000 0 0
fcvtzu x0, s1               |9e390020 vx32 0|cf000000 0 0|0 1 0
fcvtms w0, s1               |1e300020 vx32 0|cf000000 0 0|80000000 0 0
fcvtau x0, s1               |9e250020 vx32 0|cf000000 0 0|0 1 0
fcvtzs w0, s1, #1           |1e18fc20 vx32 0|cf000000 0 0|80000000 1 0
fcvtzu x0, s1, #64          |9e190020 vx32 0|cf000000 0 0|0 1 0
fcvtzs w0, s1               |1e380020 vx32 0|cf000001 0 0|80000000 1 0
fcvtzu w0, s1               |1e390020 vx32 0|cf000001 0 0|0 1 0
fcvtzs x0, s1               |9e380020 vx32 0|cf000001 0 0|ffffffff7fffff00 0 0
fcvtzu x0, s1               |9e390020 vx32 0|cf000001 0 0|0 1 0
fcvtms w0, s1               |1e300020 vx32 0|cf000001 0 0|80000000 1 0
fcvtau x0, s1               |9e250020 vx32 0|cf000001 0 0|0 1 0
fcvtzs w0, s1, #1           |1e18fc20 vx32 0|cf000001 0 0|80000000 1 0
fcvtzu x0, s1, #64          |9e190020 vx32 0|cf000001 0 0|0 1 0
fcvtzs w0, s1               |1e380020 vx32 0|5f000000 0 0|7fffffff 1 0
fcvtzu w0, s1               |1e390020 vx32 0|5f000000 0 0|ffffffff 1 0
fcvtzs x0, s1               |9e380020 vx32 0|5f000000 0 0|7fffffffffffffff 1 0
fcvtzu x0, s1               |9e390020 vx32 0|5f000000 0 0|8000000000000000 0 0
fcvtms w0, s1               |1e300020 vx32 0|5f000000 0 0|7fffffff 1 0
fcvtau x0, s1               |9e250020 vx32 0|5f000000 0 0|8000000000000000 0 0
fcvtzs w0, s1, #1           |1e18fc20 vx32 0|5f000000 0 0|7fffffff 1 0
fcvtzu x0, s1, #64          |9e190020 vx32 0|5f000000 0 0|ffffffffffffffff 1 0
fcvtzs w0, s1               |1e380020 vx32 0|df000000 0 0|80000000 1 0
fcvtzu w0, s1               |1e390020 vx32 0|df000000 0 0|0 1 0
fcvtzs x0, s1               |9e380020 vx32 0|df000000 0 0|8000000000000000 0 0
fcvtzu x0, s1               |9e390020 vx32 0|df000000 0 0|0 1 0
fcvtms w0, s1               |1e300020 vx32 0|df000000 0 0|80000000 1 0
fcvtau x0, s1               |9e250020 vx32 0|df000000 0 0|0 1 0
fcvtzs w0, s1, #1           |1e18fc20 vx32 0|df000000 0 0|80000000 1 0
fcvtzu x0, s1, #64          |9e190020 vx32 0|df000000 0 0|0 1 0
fcvtzs w0, s1               |1e380020 vx32 0|5f800000 0 0|7fffffff 1 0
fcvtzu w0, s1               |1e390020 vx32 0|5f800000 0 0|ffffffff 1 0
fcvtzs x0, s1               |9e380020 vx32 0|5f800000 0 0|7fffffffffffffff 1 0
fcvtzu x0, s1               |9e390020 vx32 0|5f800000 0 0|ffffffffffffffff 1 0
fcvtms w0, s1               |1e300020 vx32 0|5f800000 0 0|7fffffff 1 0
fcvtau x0, s1               |9e250020 vx32 0|5f800000 0 0|ffffffffffffffff 1 0
fcvtzs w0, s1, #1           |1e18fc20 vx32 0|5f800000 0 0|7fffffff 1 0
fcvtzu x0, s1, #64          |9e190020 vx32 0|5f800000 0 0|ffffffffffffffff 1 0
fcvtzs w0, s1               |1e380020 vx32 0|bf000000 0 0|0 10 0
fcvtzu w0, s1               |1e390020 vx32 0|bf000000 0 0|0 10 0
fcvtzs x0, s1               |9e380020 vx32 0|bf000000 0 0|0 10 0
fcvtzu x0, s1               |9e390020 vx32 0|bf000000 0 0|0 10 0
fcvtms w0, s1               |1e300020 vx32 0|bf000000 0 0|ffffffff 10 0
fcvtau x0, s1               |9e250020 vx32 0|bf000000 0 0|0 1 0
fcvtzs w0, s1, #1           |1e18fc20 vx32 0|bf000000 0 0|ffffffff 0 0
fcvtzu x0, s1, #64          |9e190020 vx32 0|bf000000 0 0|0 1 0
fcvtzs w0, s1               |1e380020 vx32 0|bf800000 0 0|ffffffff 0 0
fcvtzu w0, s1               |1e390020 vx32 0|bf800000 0 0|0 1 0
fcvtzs x0, s1               |9e380020 vx32 0|bf800000 0 0|ffffffffffffffff 0 0
fcvtzu x0, s1               |9e390020 vx32 0|bf800000 0 0|0 1 0
fcvtms w0, s1               |1e300020 vx32 0|bf800000 0 0|ffffffff 0 0
fcvtau x0, s1               |9e250020 vx32 0|bf800000 0 0|0 1 0
fcvtzs w0, s1, #1           |1e18fc20 vx32 0|bf800000 0 0|fffffffe 0 0
fcvtzu x0, s1, #64          |9e190020 vx32 0|bf800000 0 0|0 1 0
fcvtzs w0, s1               |1e380020 vx32 0|7fc00000 0 0|0 1 0
fcvtzu w0, s1               |1e390020 vx32 0|7fc00000 0 0|0 1 0
fcvtzs x0, s1               |9e380020 vx32 0|7fc00000 0 0|0 1 0
fcvtzu x0, s1               |9e390020 vx32 0|7fc00000 0 0|0 1 0
fcvtms w0, s1               |1e300020 vx32 0|7fc00000 0 0|0 1 0
fcvtau x0, s1               |9e250020 vx32 0|7fc00000 0 0|0 1 0
fcvtzs w0, s1, #1           |1e18fc20 vx32 0|7fc00000 0 0|0 1 0
fcvtzu x0, s1, #64          |9e190020 vx32 0|7fc00000 0 0|0 1 0
fcvtzs w0, s1               |1e380020 vx32 0|7f800000 0 0|7fffffff 1 0
fcvtzu w0, s1               |1e390020 vx32 0|7f800000 0 0|ffffffff 1 0
fcvtzs x0, s1               |9e380020 vx32 0|7f800000 0 0|7fffffffffffffff 1 0
fcvtzu x0, s1               |9e390020 vx32 0|7f800000 0 0|ffffffffffffffff 1 0
fcvtms w0, s1               |1e300020 vx32 0|7f800000 0 0|7fffffff 1 0
fcvtau x0, s1               |9e250020 vx32 0|7f800000 0 0|ffffffffffffffff 1 0
fcvtzs w0, s1, #1           |1e18fc20 vx32 0|7f800000 0 0|7fffffff 1 0
fcvtzu x0, s1, #64          |9e190020 vx32 0|7f800000 0 0|ffffffffffffffff 1 0
fcvtzs w0, s1               |1e380020 vx32 0|ff800000 0 0|80000000 1 0
fcvtzu w0, s1               |1e390020 vx32 0|ff800000 0 0|0 1 0
fcvtzs x0, s1               |9e380020 vx32 0|ff800000 0 0|8000000000000000 1 0
fcvtzu x0, s1               |9e390020 vx32 0|ff800000 0 0|0 1 0
fcvtms w0, s1               |1e300020 vx32 0|ff800000 0 0|80000000 1 0
fcvtau x0, s1               |9e250020 vx32 0|ff800000 0 0|0 1 0
fcvtzs w0, s1, #1           |1e18fc20 vx32 0|ff800000 0 0|80000000 1 0
fcvtzu x0, s1, #64          |9e190020 vx32 0|ff800000 0 0|0 1 0
fcvtzs w0, s1               |1e380020 vx32 0|4effffff 0 0|7fffff80 0 0
fcvtzu w0, s1               |1e390020 vx32 0|4effffff 0 0|7fffff80 0 0
fcvtzs x0, s1               |9e380020 vx32 0|4effffff 0 0|7fffff80 0 0
fcvtzu x0, s1               |9e390020 vx32 0|4effffff 0 0|7fffff80 0 0
fcvtms w0, s1               |1e300020 vx32 0|4effffff 0 0|7fffff80 0 0
fcvtau x0, s1               |9e250020 vx32 0|4effffff 0 0|7fffff80 0 0
fcvtzs w0, s1, #1           |1e18fc20 vx32 0|4effffff 0 0|7fffffff 1 0
fcvtzu x0, s1, #64          |9e190020 vx32 0|4effffff 0 0|ffffffffffffffff 1 0
fcvtzs w0, d1               |1e780020 vx64 0|41dfffffffc00000 0 0|7fffffff 0 0
fcvtzu w0, d1               |1e790020 vx64 0|41dfffffffc00000 0 0|7fffffff 0 0
fcvtzs x0, d1               |9e780020 vx64 0|41dfffffffc00000 0 0|7fffffff 0 0
fcvtzu x0, d1               |9e790020 vx64 0|41dfffffffc00000 0 0|7fffffff 0 0
fcvtms w0, d1               |1e700020 vx64 0|41dfffffffc00000 0 0|7fffffff 0 0
fcvtau x0, d1               |9e650020 vx64 0|41dfffffffc00000 0 0|7fffffff 0 0
fcvtzs w0, d1, #1           |1e58fc20 vx64 0|41dfffffffc00000 0 0|7fffffff 1 0
fcvtzu x0, d1, #64          |9e590020 vx64 0|41dfffffffc00000 0 0|ffffffffffffffff 1 0
fcvtzs w0, d1               |1e780020 vx64 0|41dfffffffe00000 0 0|7fffffff 10 0
fcvtzu w0, d1               |1e790020 vx64 0|41dfffffffe00000 0 0|7fffffff 10 0
fcvtzs x0, d1               |9e780020 vx64 0|41dfffffffe00000 0 0|7fffffff 10 0
fcvtzu x0, d1               |9e790020 vx64 0|41dfffffffe00000 0 0|7fffffff 10 0
fcvtms w0, d1               |1e700020 vx64 0|41dfffffffe00000 0 0|7fffffff 10 0
fcvtau x0, d1               |9e650020 vx64 0|41dfffffffe00000 0 0|80000000 10 0
fcvtzs w0, d1, #1           |1e58fc20 vx64 0|41dfffffffe00000 0 0|7fffffff 1 0
fcvtzu x0, d1, #64          |9e590020 vx64 0|41dfffffffe00000 0 0|ffffffffffffffff 1 0
fcvtzs w0, d1               |1e780020 vx64 0|c1e0000000000000 0 0|80000000 0 0
fcvtzu w0, d1               |1e790020 vx64 0|c1e0000000000000 0 0|0 1 0
fcvtzs x0, d1               |9e780020 vx64 0|c1e0000000000000 0 0|ffffffff80000000 0 0
fcvtzu x0, d1               |9e790020 vx64 0|c1e0000000000000 0 0|0 1 0
fcvtms w0, d1               |1e700020 vx64 0|c1e0000000000000 0 0|80000000 0 0
fcvtau x0, d1               |9e650020 vx64 0|c1e0000000000000 0 0|0 1 0
fcvtzs w0, d1, #1           |1e58fc20 vx64 0|c1e0000000000000 0 0|80000000 1 0
fcvtzu x0, d1, #64          |9e590020 vx64 0|c1e0000000000000 0 0|0 1 0
fcvtzs w0, d1               |1e780020 vx64 0|c1e0000000200000 0 0|80000000 1 0
fcvtzu w0, d1               |1e790020 vx64 0|c1e0000000200000 0 0|0 1 0
fcvtzs x0, d1               |9e780020 vx64 0|c1e0000000200000 0 0|ffffffff7fffffff 0 0
fcvtzu x0, d1               |9e790020 vx64 0|c1e0000000200000 0 0|0 1 0
fcvtms w0, d1               |1e700020 vx64 0|c1e0000000200000 0 0|80000000 1 0
fcvtau x0, d1               |9e650020 vx64 0|c1e0000000200000 0 0|0 1 0
fcvtzs w0, d1, #1           |1e58fc20 vx64 0|c1e0000000200000 0 0|80000000 1 0
fcvtzu x0, d1, #64          |9e590020 vx64 0|c1e0000000200000 0 0|0 1 0
fcvtzs w0, d1               |1e780020 vx64 0|41efffffffe00000 0 0|7fffffff 1 0
fcvtzu w0, d1               |1e790020 vx64 0|41efffffffe00000 0 0|ffffffff 0 0
fcvtzs x0, d1               |9e780020 vx64 0|41efffffffe00000 0 0|ffffffff 0 0
fcvtzu x0, d1               |9e790020 vx64 0|41efffffffe00000 0 0|ffffffff 0 0
fcvtms w0, d1               |1e700020 vx64 0|41efffffffe00000 0 0|7fffffff 1 0
fcvtau x0, d1               |9e650020 vx64 0|41efffffffe00000 0 0|ffffffff 0 0
fcvtzs w0, d1, #1           |1e58fc20 vx64 0|41efffffffe00000 0 0|7fffffff 1 0
fcvtzu x0, d1, #64          |9e590020 vx64 0|41efffffffe00000 0 0|ffffffffffffffff 1 0
fcvtzs w0, d1               |1e780020 vx64 0|43e0000000000000 0 0|7fffffff 1 0
fcvtzu w0, d1               |1e790020 vx64 0|43e0000000000000 0 0|ffffffff 1 0
fcvtzs x0, d1               |9e780020 vx64 0|43e0000000000000 0 0|7fffffffffffffff 1 0
fcvtzu x0, d1               |9e790020 vx64 0|43e0000000000000 0 0|8000000000000000 0 0
fcvtms w0, d1               |1e700020 vx64 0|43e0000000000000 0 0|7fffffff 1 0
fcvtau x0, d1               |9e650020 vx64 0|43e0000000000000 0 0|8000000000000000 0 0
fcvtzs w0, d1, #1           |1e58fc20 vx64 0|43e0000000000000 0 0|7fffffff 1 0
fcvtzu x0, d1, #64          |9e590020 vx64 0|43e0000000000000 0 0|ffffffffffffffff 1 0
fcvtzs w0, d1               |1e780020 vx64 0|43dfffffffffffff 0 0|7fffffff 1 0
fcvtzu w0, d1               |1e790020 vx64 0|43dfffffffffffff 0 0|ffffffff 1 0
fcvtzs x0, d1               |9e780020 vx64 0|43dfffffffffffff 0 0|7ffffffffffffc00 0 0
fcvtzu x0, d1               |9e790020 vx64 0|43dfffffffffffff 0 0|7ffffffffffffc00 0 0
fcvtms w0, d1               |1e700020 vx64 0|43dfffffffffffff 0 0|7fffffff 1 0
fcvtau x0, d1               |9e650020 vx64 0|43dfffffffffffff 0 0|7ffffffffffffc00 0 0
fcvtzs w0, d1, #1           |1e58fc20 vx64 0|43dfffffffffffff 0 0|7fffffff 1 0
fcvtzu x0, d1, #64          |9e590020 vx64 0|43dfffffffffffff 0 0|ffffffffffffffff 1 0
fcvtzs w0, d1               |1e780020 vx64 0|c3e0000000000000 0 0|80000000 1 0
fcvtzu w0, d1               |1e790020 vx64 0|c3e0000000000000 0 0|0 1 0
fcvtzs x0, d1               |9e780020 vx64 0|c3e0000000000000 0 0|8000000000000000 0 0
fcvtzu x0, d1               |9e790020 vx64 0|c3e0000000000000 0 0|0 1 0
fcvtms w0, d1               |1e700020 vx64 0|c3e0000000000000 0 0|80000000 1 0
fcvtau x0, d1               |9e650020 vx64 0|c3e0000000000000 0 0|0 1 0
fcvtzs w0, d1, #1           |1e58fc20 vx64 0|c3e0000000000000 0 0|80000000 1 0
fcvtzu x0, d1, #64          |9e590020 vx64 0|c3e0000000000000 0 0|0 1 0
fcvtzs w0, d1               |1e780020 vx64 0|43f0000000000000 0 0|7fffffff 1 0
fcvtzu w0, d1               |1e790020 vx64 0|43f0000000000000 0 0|ffffffff 1 0
fcvtzs x0, d1               |9e780020 vx64 0|43f0000000000000 0 0|7fffffffffffffff 1 0
fcvtzu x0, d1               |9e790020 vx64 0|43f0000000000000 0 0|ffffffffffffffff 1 0
fcvtms w0, d1               |1e700020 vx64 0|43f0000000000000 0 0|7fffffff 1 0
fcvtau x0, d1               |9e650020 vx64 0|43f0000000000000 0 0|ffffffffffffffff 1 0
fcvtzs w0, d1, #1           |1e58fc20 vx64 0|43f0000000000000 0 0|7fffffff 1 0
fcvtzu x0, d1, #64          |9e590020 vx64 0|43f0000000000000 0 0|ffffffffffffffff 1 0
fcvtzs w0, d1               |1e780020 vx64 0|bfe0000000000000 0 0|0 10 0
fcvtzu w0, d1               |1e790020 vx64 0|bfe0000000000000 0 0|0 10 0
fcvtzs x0, d1               |9e780020 vx64 0|bfe0000000000000 0 0|0 10 0
fcvtzu x0, d1               |9e790020 vx64 0|bfe0000000000000 0 0|0 10 0
fcvtms w0, d1               |1e700020 vx64 0|bfe0000000000000 0 0|ffffffff 10 0
fcvtau x0, d1               |9e650020 vx64 0|bfe0000000000000 0 0|0 1 0
fcvtzs w0, d1, #1           |1e58fc20 vx64 0|bfe0000000000000 0 0|ffffffff 0 0
fcvtzu x0, d1, #64          |9e590020 vx64 0|bfe0000000000000 0 0|0 1 0
fcvtzs w0, d1               |1e780020 vx64 0|7ff8000000000000 0 0|0 1 0
fcvtzu w0, d1               |1e790020 vx64 0|7ff8000000000000 0 0|0 1 0
fcvtzs x0, d1               |9e780020 vx64 0|7ff8000000000000 0 0|0 1 0
fcvtzu x0, d1               |9e790020 vx64 0|7ff8000000000000 0 0|0 1 0
fcvtms w0, d1               |1e700020 vx64 0|7ff8000000000000 0 0|0 1 0
fcvtau x0, d1               |9e650020 vx64 0|7ff8000000000000 0 0|0 1 0
fcvtzs w0, d1, #1           |1e58fc20 vx64 0|7ff8000000000000 0 0|0 1 0
fcvtzu x0, d1, #64          |9e590020 vx64 0|7ff8000000000000 0 0|0 1 0
fcvtzs w0, d1               |1e780020 vx64 0|fff0000000000000 0 0|80000000 1 0
fcvtzu w0, d1               |1e790020 vx64 0|fff0000000000000 0 0|0 1 0
fcvtzs x0, d1               |9e780020 vx64 0|fff0000000000000 0 0|8000000000000000 1 0
fcvtzu x0, d1               |9e790020 vx64 0|fff0000000000000 0 0|0 1 0
fcvtms w0, d1               |1e700020 vx64 0|fff0000000000000 0 0|80000000 1 0
fcvtau x0, d1               |9e650020 vx64 0|fff0000000000000 0 0|0 1 0
fcvtzs w0, d1, #1           |1e58fc20 vx64 0|fff0000000000000 0 0|80000000 1 0
fcvtzu x0, d1, #64          |9e590020 vx64 0|fff0000000000000 0 0|0 1 0
fcvtzs w0, h1               |1ef80020 vx16 0|7bff 0 0|ffe0 0 0
fcvtzu x0, h1, #32          |9ed98020 vx16 0|7bff 0 0|ffe000000000 0 0
fcvtns x0, h1               |9ee00020 vx16 0|7bff 0 0|ffe0 0 0
fcvtzs w0, h1               |1ef80020 vx16 0|fbff 0 0|ffff0020 0 0
fcvtzu x0, h1, #32          |9ed98020 vx16 0|fbff 0 0|0 1 0
fcvtns x0, h1               |9ee00020 vx16 0|fbff 0 0|ffffffffffff0020 0 0
fcvtzs w0, h1               |1ef80020 vx16 0|3c01 0 0|1 10 0
fcvtzu x0, h1, #32          |9ed98020 vx16 0|3c01 0 0|100400000 0 0
fcvtns x0, h1               |9ee00020 vx16 0|3c01 0 0|1 10 0
fcvtzs w0, h1               |1ef80020 vx16 0|7c00 0 0|7fffffff 1 0
fcvtzu x0, h1, #32          |9ed98020 vx16 0|7c00 0 0|ffffffffffffffff 1 0
fcvtns x0, h1               |9ee00020 vx16 0|7c00 0 0|7fffffffffffffff 1 0
`;
const ESTIMATE = `
frecpe h0, h1               |5ef9d820 vv16 800000|3c00 0 0|3bfc 0 0
frsqrte h0, h1              |7ef9d820 vv16 800000|3c00 0 0|3bfc 0 0
frecpx h0, h1               |5ef9f820 vv16 800000|3c00 0 0|4000 0 0
frecpe h0, h1               |5ef9d820 vv16 800000|3555 0 0|4200 0 0
frsqrte h0, h1              |7ef9d820 vv16 800000|3555 0 0|3ef0 0 0
frecpx h0, h1               |5ef9f820 vv16 800000|3555 0 0|4800 0 0
frecpe h0, h1               |5ef9d820 vv16 800000|bc00 0 0|bbfc 0 0
frsqrte h0, h1              |7ef9d820 vv16 800000|bc00 0 0|7e00 1 0
frecpx h0, h1               |5ef9f820 vv16 800000|bc00 0 0|c000 0 0
frecpe h0, h1               |5ef9d820 vv16 800000|4000 0 0|37fc 0 0
frsqrte h0, h1              |7ef9d820 vv16 800000|4000 0 0|39a4 0 0
frecpx h0, h1               |5ef9f820 vv16 800000|4000 0 0|3c00 0 0
frecpe h0, h1               |5ef9d820 vv16 800000|7bff 0 0|100 0 0
frsqrte h0, h1              |7ef9d820 vv16 800000|7bff 0 0|1c00 0 0
frecpx h0, h1               |5ef9f820 vv16 800000|7bff 0 0|400 0 0
frecpe h0, h1               |5ef9d820 vv16 800000|400 0 0|73fc 0 0
frsqrte h0, h1              |7ef9d820 vv16 800000|400 0 0|57fc 0 0
frecpx h0, h1               |5ef9f820 vv16 800000|400 0 0|7800 0 0
frecpe h0, h1               |5ef9d820 vv16 800000|3ff 0 0|7400 0 0
frsqrte h0, h1              |7ef9d820 vv16 800000|3ff 0 0|5800 0 0
frecpx h0, h1               |5ef9f820 vv16 800000|3ff 0 0|7800 0 0
frecpe h0, h1               |5ef9d820 vv16 800000|1 0 0|7bff 14 0
frsqrte h0, h1              |7ef9d820 vv16 800000|1 0 0|6bfc 0 0
frecpx h0, h1               |5ef9f820 vv16 800000|1 0 0|7800 0 0
frecpe h0, h1               |5ef9d820 vv16 800000|0 0 0|7c00 2 0
frsqrte h0, h1              |7ef9d820 vv16 800000|0 0 0|7c00 2 0
frecpx h0, h1               |5ef9f820 vv16 800000|0 0 0|7800 0 0
frecpe h0, h1               |5ef9d820 vv16 800000|8000 0 0|fc00 2 0
frsqrte h0, h1              |7ef9d820 vv16 800000|8000 0 0|fc00 2 0
frecpx h0, h1               |5ef9f820 vv16 800000|8000 0 0|f800 0 0
frecpe h0, h1               |5ef9d820 vv16 800000|7c00 0 0|0 0 0
frsqrte h0, h1              |7ef9d820 vv16 800000|7c00 0 0|0 0 0
frecpx h0, h1               |5ef9f820 vv16 800000|7c00 0 0|0 0 0
frecpe h0, h1               |5ef9d820 vv16 800000|fc00 0 0|8000 0 0
frsqrte h0, h1              |7ef9d820 vv16 800000|fc00 0 0|7e00 1 0
frecpx h0, h1               |5ef9f820 vv16 800000|fc00 0 0|8000 0 0
frecpe h0, h1               |5ef9d820 vv16 800000|7e01 0 0|7e01 0 0
frsqrte h0, h1              |7ef9d820 vv16 800000|7e01 0 0|7e01 0 0
frecpx h0, h1               |5ef9f820 vv16 800000|7e01 0 0|7e01 0 0
frecpe h0, h1               |5ef9d820 vv16 800000|fc02 0 0|fe02 1 0
frsqrte h0, h1              |7ef9d820 vv16 800000|fc02 0 0|fe02 1 0
frecpx h0, h1               |5ef9f820 vv16 800000|fc02 0 0|fe02 1 0
frecpe h0, h1               |5ef9d820 vv16 800000|4bc6 0 0|2c1c 0 0
frsqrte h0, h1              |7ef9d820 vv16 800000|4bc6 0 0|3410 0 0
frecpx h0, h1               |5ef9f820 vv16 800000|4bc6 0 0|3400 0 0
frecpe s0, s1               |5ea1d820 vv32 800000|3f800000 0 0|3f7f8000 0 0
frsqrte s0, s1              |7ea1d820 vv32 800000|3f800000 0 0|3f7f8000 0 0
frecpx s0, s1               |5ea1f820 vv32 800000|3f800000 0 0|40000000 0 0
frecpe s0, s1               |5ea1d820 vv32 800000|3eaaaaab 0 0|40400000 0 0
frsqrte s0, s1              |7ea1d820 vv32 800000|3eaaaaab 0 0|3fde0000 0 0
frecpx s0, s1               |5ea1f820 vv32 800000|3eaaaaab 0 0|41000000 0 0
frecpe s0, s1               |5ea1d820 vv32 800000|bf800000 0 0|bf7f8000 0 0
frsqrte s0, s1              |7ea1d820 vv32 800000|bf800000 0 0|7fc00000 1 0
frecpx s0, s1               |5ea1f820 vv32 800000|bf800000 0 0|c0000000 0 0
frecpe s0, s1               |5ea1d820 vv32 800000|40000000 0 0|3eff8000 0 0
frsqrte s0, s1              |7ea1d820 vv32 800000|40000000 0 0|3f348000 0 0
frecpx s0, s1               |5ea1f820 vv32 800000|40000000 0 0|3f800000 0 0
frecpe s0, s1               |5ea1d820 vv32 800000|7f7fffff 0 0|200000 0 0
frsqrte s0, s1              |7ea1d820 vv32 800000|7f7fffff 0 0|1f800000 0 0
frecpx s0, s1               |5ea1f820 vv32 800000|7f7fffff 0 0|800000 0 0
frecpe s0, s1               |5ea1d820 vv32 800000|800000 0 0|7e7f8000 0 0
frsqrte s0, s1              |7ea1d820 vv32 800000|800000 0 0|5eff8000 0 0
frecpx s0, s1               |5ea1f820 vv32 800000|800000 0 0|7f000000 0 0
frecpe s0, s1               |5ea1d820 vv32 800000|7fffff 0 0|7e800000 0 0
frsqrte s0, s1              |7ea1d820 vv32 800000|7fffff 0 0|5f000000 0 0
frecpx s0, s1               |5ea1f820 vv32 800000|7fffff 0 0|7f000000 0 0
frecpe s0, s1               |5ea1d820 vv32 800000|1 0 0|7f7fffff 14 0
frsqrte s0, s1              |7ea1d820 vv32 800000|1 0 0|64b48000 0 0
frecpx s0, s1               |5ea1f820 vv32 800000|1 0 0|7f000000 0 0
frecpe s0, s1               |5ea1d820 vv32 800000|0 0 0|7f800000 2 0
frsqrte s0, s1              |7ea1d820 vv32 800000|0 0 0|7f800000 2 0
frecpx s0, s1               |5ea1f820 vv32 800000|0 0 0|7f000000 0 0
frecpe s0, s1               |5ea1d820 vv32 800000|80000000 0 0|ff800000 2 0
frsqrte s0, s1              |7ea1d820 vv32 800000|80000000 0 0|ff800000 2 0
frecpx s0, s1               |5ea1f820 vv32 800000|80000000 0 0|ff000000 0 0
frecpe s0, s1               |5ea1d820 vv32 800000|7f800000 0 0|0 0 0
frsqrte s0, s1              |7ea1d820 vv32 800000|7f800000 0 0|0 0 0
frecpx s0, s1               |5ea1f820 vv32 800000|7f800000 0 0|0 0 0
frecpe s0, s1               |5ea1d820 vv32 800000|ff800000 0 0|80000000 0 0
frsqrte s0, s1              |7ea1d820 vv32 800000|ff800000 0 0|7fc00000 1 0
frecpx s0, s1               |5ea1f820 vv32 800000|ff800000 0 0|80000000 0 0
frecpe s0, s1               |5ea1d820 vv32 800000|7fc00001 0 0|7fc00001 0 0
frsqrte s0, s1              |7ea1d820 vv32 800000|7fc00001 0 0|7fc00001 0 0
frecpx s0, s1               |5ea1f820 vv32 800000|7fc00001 0 0|7fc00001 0 0
frecpe s0, s1               |5ea1d820 vv32 800000|ff800002 0 0|ffc00002 1 0
frsqrte s0, s1              |7ea1d820 vv32 800000|ff800002 0 0|ffc00002 1 0
frecpx s0, s1               |5ea1f820 vv32 800000|ff800002 0 0|ffc00002 1 0
frecpe s0, s1               |5ea1d820 vv32 800000|7f7fcfc6 0 0|200000 0 0
frsqrte s0, s1              |7ea1d820 vv32 800000|7f7fcfc6 0 0|1f800000 0 0
frecpx s0, s1               |5ea1f820 vv32 800000|7f7fcfc6 0 0|800000 0 0
frecpe d0, d1               |5ee1d820 vv64 800000|3ff0000000000000 0 0|3feff00000000000 0 0
frsqrte d0, d1              |7ee1d820 vv64 800000|3ff0000000000000 0 0|3feff00000000000 0 0
frecpx d0, d1               |5ee1f820 vv64 800000|3ff0000000000000 0 0|4000000000000000 0 0
frecpe d0, d1               |5ee1d820 vv64 800000|3fd5555555555555 0 0|4008000000000000 0 0
frsqrte d0, d1              |7ee1d820 vv64 800000|3fd5555555555555 0 0|3ffbc00000000000 0 0
frecpx d0, d1               |5ee1f820 vv64 800000|3fd5555555555555 0 0|4020000000000000 0 0
frecpe d0, d1               |5ee1d820 vv64 800000|bff0000000000000 0 0|bfeff00000000000 0 0
frsqrte d0, d1              |7ee1d820 vv64 800000|bff0000000000000 0 0|7ff8000000000000 1 0
frecpx d0, d1               |5ee1f820 vv64 800000|bff0000000000000 0 0|c000000000000000 0 0
frecpe d0, d1               |5ee1d820 vv64 800000|4000000000000000 0 0|3fdff00000000000 0 0
frsqrte d0, d1              |7ee1d820 vv64 800000|4000000000000000 0 0|3fe6900000000000 0 0
frecpx d0, d1               |5ee1f820 vv64 800000|4000000000000000 0 0|3ff0000000000000 0 0
frecpe d0, d1               |5ee1d820 vv64 800000|7fefffffffffffff 0 0|4000000000000 0 0
frsqrte d0, d1              |7ee1d820 vv64 800000|7fefffffffffffff 0 0|1ff0000000000000 0 0
frecpx d0, d1               |5ee1f820 vv64 800000|7fefffffffffffff 0 0|10000000000000 0 0
frecpe d0, d1               |5ee1d820 vv64 800000|10000000000000 0 0|7fcff00000000000 0 0
frsqrte d0, d1              |7ee1d820 vv64 800000|10000000000000 0 0|5fdff00000000000 0 0
frecpx d0, d1               |5ee1f820 vv64 800000|10000000000000 0 0|7fe0000000000000 0 0
frecpe d0, d1               |5ee1d820 vv64 800000|fffffffffffff 0 0|7fd0000000000000 0 0
frsqrte d0, d1              |7ee1d820 vv64 800000|fffffffffffff 0 0|5fe0000000000000 0 0
frecpx d0, d1               |5ee1f820 vv64 800000|fffffffffffff 0 0|7fe0000000000000 0 0
frecpe d0, d1               |5ee1d820 vv64 800000|1 0 0|7fefffffffffffff 14 0
frsqrte d0, d1              |7ee1d820 vv64 800000|1 0 0|617ff00000000000 0 0
frecpx d0, d1               |5ee1f820 vv64 800000|1 0 0|7fe0000000000000 0 0
frecpe d0, d1               |5ee1d820 vv64 800000|0 0 0|7ff0000000000000 2 0
frsqrte d0, d1              |7ee1d820 vv64 800000|0 0 0|7ff0000000000000 2 0
frecpx d0, d1               |5ee1f820 vv64 800000|0 0 0|7fe0000000000000 0 0
frecpe d0, d1               |5ee1d820 vv64 800000|8000000000000000 0 0|fff0000000000000 2 0
frsqrte d0, d1              |7ee1d820 vv64 800000|8000000000000000 0 0|fff0000000000000 2 0
frecpx d0, d1               |5ee1f820 vv64 800000|8000000000000000 0 0|ffe0000000000000 0 0
frecpe d0, d1               |5ee1d820 vv64 800000|7ff0000000000000 0 0|0 0 0
frsqrte d0, d1              |7ee1d820 vv64 800000|7ff0000000000000 0 0|0 0 0
frecpx d0, d1               |5ee1f820 vv64 800000|7ff0000000000000 0 0|0 0 0
frecpe d0, d1               |5ee1d820 vv64 800000|fff0000000000000 0 0|8000000000000000 0 0
frsqrte d0, d1              |7ee1d820 vv64 800000|fff0000000000000 0 0|7ff8000000000000 1 0
frecpx d0, d1               |5ee1f820 vv64 800000|fff0000000000000 0 0|8000000000000000 0 0
frecpe d0, d1               |5ee1d820 vv64 800000|7ff8000000000001 0 0|7ff8000000000001 0 0
frsqrte d0, d1              |7ee1d820 vv64 800000|7ff8000000000001 0 0|7ff8000000000001 0 0
frecpx d0, d1               |5ee1f820 vv64 800000|7ff8000000000001 0 0|7ff8000000000001 0 0
frecpe d0, d1               |5ee1d820 vv64 800000|fff0000000000002 0 0|fff8000000000002 1 0
frsqrte d0, d1              |7ee1d820 vv64 800000|fff0000000000002 0 0|fff8000000000002 1 0
frecpx d0, d1               |5ee1f820 vv64 800000|fff0000000000002 0 0|fff8000000000002 1 0
frecpe d0, d1               |5ee1d820 vv64 800000|7fefffffffffcfc6 0 0|4000000000000 0 0
frsqrte d0, d1              |7ee1d820 vv64 800000|7fefffffffffcfc6 0 0|1ff0000000000000 0 0
frecpx d0, d1               |5ee1f820 vv64 800000|7fefffffffffcfc6 0 0|10000000000000 0 0
`;
const FJCVTZS = `
fjcvtzs w0, d1              |1e7e0020 vx64 0|3ff8000000000000 0 0|1 10 0
fjcvtzs w0, d1              |1e7e0020 vx64 0|8000000000000000 0 0|0 0 0
fjcvtzs w0, d1              |1e7e0020 vx64 0|0 0 0|0 0 4
fjcvtzs w0, d1              |1e7e0020 vx64 0|41e0000000000000 0 0|80000000 1 0
fjcvtzs w0, d1              |1e7e0020 vx64 0|c1e0000000000000 0 0|80000000 0 4
fjcvtzs w0, d1              |1e7e0020 vx64 0|41f0000000500000 0 0|5 1 0
fjcvtzs w0, d1              |1e7e0020 vx64 0|44b52d02c7e14af6 0 0|f6000000 1 0
fjcvtzs w0, d1              |1e7e0020 vx64 0|7ff8000000000000 0 0|0 1 0
fjcvtzs w0, d1              |1e7e0020 vx64 0|fff0000000000000 0 0|0 1 0
fjcvtzs w0, d1              |1e7e0020 vx64 0|1 0 0|0 10 0
fjcvtzs w0, d1              |1e7e0020 vx64 0|c1dfffffffffffff 0 0|80000001 10 0
fjcvtzs w0, d1              |1e7e0020 vx64 0|43300000000000ff 0 0|ff 1 0
fjcvtzs w0, d1              |1e7e0020 vx64 1000000|1 0 0|0 80 4
`;
const AHP = `
fcvt h0, s1                 |1e23c020 vv16 4000000|7f800000 0 0|7fff 1 0
fcvt h0, s1                 |1e23c020 vv16 4c00000|7f800000 0 0|7fff 1 0
fcvt h0, s1                 |1e23c020 vv16 4000000|7fc00000 0 0|0 1 0
fcvt h0, s1                 |1e23c020 vv16 4c00000|7fc00000 0 0|0 1 0
fcvt h0, s1                 |1e23c020 vv16 4000000|47800000 0 0|7c00 0 0
fcvt h0, s1                 |1e23c020 vv16 4c00000|47800000 0 0|7c00 0 0
fcvt h0, s1                 |1e23c020 vv16 4000000|47ffefff 0 0|7fff 10 0
fcvt h0, s1                 |1e23c020 vv16 4c00000|47ffefff 0 0|7fff 10 0
fcvt h0, s1                 |1e23c020 vv16 4000000|48000000 0 0|7fff 1 0
fcvt h0, s1                 |1e23c020 vv16 4c00000|48000000 0 0|7fff 1 0
fcvt h0, s1                 |1e23c020 vv16 4000000|3f800000 0 0|3c00 0 0
fcvt h0, s1                 |1e23c020 vv16 4c00000|3f800000 0 0|3c00 0 0
fcvt s0, h1                 |1ee24020 vv32 4000000|7c00 0 0|47800000 0 0
fcvt s0, h1                 |1ee24020 vv32 4000000|fe00 0 0|c7c00000 0 0
fcvt s0, h1                 |1ee24020 vv32 4000000|7fff 0 0|47ffe000 0 0
fcvt s0, h1                 |1ee24020 vv32 4000000|7d01 0 0|47a02000 0 0
fcvt d0, h1                 |1ee2c020 vv64 4000000|fc01 0 0|c0f0040000000000 0 0
`;
const SELECT = `
fcsel h0, h1, h2, ge        |1ee2ac20 vv16n 0|3c00 4000 0|3c00 0 0
fccmp h1, h2, #0x6, eq      |1ee20426 vf16n 0|7e01 3c00 0|- 0 6
fccmpe h1, h2, #0x7, hi     |1ee28437 vf16n 0|3c00 7e01 0|- 0 7
fcsel h0, h1, h2, ge        |1ee2ac20 vv16n 0|3c00 4000 40000000|3c00 0 4
fccmp h1, h2, #0x6, eq      |1ee20426 vf16n 0|7e01 3c00 40000000|- 0 3
fccmpe h1, h2, #0x7, hi     |1ee28437 vf16n 0|3c00 7e01 40000000|- 0 7
fcsel h0, h1, h2, ge        |1ee2ac20 vv16n 0|3c00 4000 60000000|3c00 0 6
fccmp h1, h2, #0x6, eq      |1ee20426 vf16n 0|7e01 3c00 60000000|- 0 3
fccmpe h1, h2, #0x7, hi     |1ee28437 vf16n 0|3c00 7e01 60000000|- 0 7
fcsel h0, h1, h2, ge        |1ee2ac20 vv16n 0|3c00 4000 90000000|3c00 0 9
fccmp h1, h2, #0x6, eq      |1ee20426 vf16n 0|7e01 3c00 90000000|- 0 6
fccmpe h1, h2, #0x7, hi     |1ee28437 vf16n 0|3c00 7e01 90000000|- 0 7
fmov h0, #1.0               |1eee1000 vv16 0|0 0 0|3c00 0 0
fmov h0, #-0.125            |1ef81000 vv16 0|0 0 0|b000 0 0
fmov h0, #31.0              |1ee7f000 vv16 0|0 0 0|4fc0 0 0
fmov h0, h1                 |1ee04020 vv16 0|7c01 0 0|7c01 0 0
fcsel s0, s1, s2, ge        |1e22ac20 vv32n 0|3f800000 40000000 0|3f800000 0 0
fccmp s1, s2, #0x6, eq      |1e220426 vf32n 0|7fc00001 3f800000 0|- 0 6
fccmpe s1, s2, #0x7, hi     |1e228437 vf32n 0|3f800000 7fc00001 0|- 0 7
fcsel s0, s1, s2, ge        |1e22ac20 vv32n 0|3f800000 40000000 40000000|3f800000 0 4
fccmp s1, s2, #0x6, eq      |1e220426 vf32n 0|7fc00001 3f800000 40000000|- 0 3
fccmpe s1, s2, #0x7, hi     |1e228437 vf32n 0|3f800000 7fc00001 40000000|- 0 7
fcsel s0, s1, s2, ge        |1e22ac20 vv32n 0|3f800000 40000000 60000000|3f800000 0 6
fccmp s1, s2, #0x6, eq      |1e220426 vf32n 0|7fc00001 3f800000 60000000|- 0 3
fccmpe s1, s2, #0x7, hi     |1e228437 vf32n 0|3f800000 7fc00001 60000000|- 0 7
fcsel s0, s1, s2, ge        |1e22ac20 vv32n 0|3f800000 40000000 90000000|3f800000 0 9
fccmp s1, s2, #0x6, eq      |1e220426 vf32n 0|7fc00001 3f800000 90000000|- 0 6
fccmpe s1, s2, #0x7, hi     |1e228437 vf32n 0|3f800000 7fc00001 90000000|- 0 7
fmov s0, #1.0               |1e2e1000 vv32 0|0 0 0|3f800000 0 0
fmov s0, #-0.125            |1e381000 vv32 0|0 0 0|be000000 0 0
fmov s0, #31.0              |1e27f000 vv32 0|0 0 0|41f80000 0 0
fmov s0, s1                 |1e204020 vv32 0|7f800001 0 0|7f800001 0 0
fcsel d0, d1, d2, ge        |1e62ac20 vv64n 0|3ff0000000000000 4000000000000000 0|3ff0000000000000 0 0
fccmp d1, d2, #0x6, eq      |1e620426 vf64n 0|7ff8000000000001 3ff0000000000000 0|- 0 6
fccmpe d1, d2, #0x7, hi     |1e628437 vf64n 0|3ff0000000000000 7ff8000000000001 0|- 0 7
fcsel d0, d1, d2, ge        |1e62ac20 vv64n 0|3ff0000000000000 4000000000000000 40000000|3ff0000000000000 0 4
fccmp d1, d2, #0x6, eq      |1e620426 vf64n 0|7ff8000000000001 3ff0000000000000 40000000|- 0 3
fccmpe d1, d2, #0x7, hi     |1e628437 vf64n 0|3ff0000000000000 7ff8000000000001 40000000|- 0 7
fcsel d0, d1, d2, ge        |1e62ac20 vv64n 0|3ff0000000000000 4000000000000000 60000000|3ff0000000000000 0 6
fccmp d1, d2, #0x6, eq      |1e620426 vf64n 0|7ff8000000000001 3ff0000000000000 60000000|- 0 3
fccmpe d1, d2, #0x7, hi     |1e628437 vf64n 0|3ff0000000000000 7ff8000000000001 60000000|- 0 7
fcsel d0, d1, d2, ge        |1e62ac20 vv64n 0|3ff0000000000000 4000000000000000 90000000|3ff0000000000000 0 9
fccmp d1, d2, #0x6, eq      |1e620426 vf64n 0|7ff8000000000001 3ff0000000000000 90000000|- 0 6
fccmpe d1, d2, #0x7, hi     |1e628437 vf64n 0|3ff0000000000000 7ff8000000000001 90000000|- 0 7
fmov d0, #1.0               |1e6e1000 vv64 0|0 0 0|3ff0000000000000 0 0
fmov d0, #-0.125            |1e781000 vv64 0|0 0 0|bfc0000000000000 0 0
fmov d0, #31.0              |1e67f000 vv64 0|0 0 0|403f000000000000 0 0
fmov d0, d1                 |1e604020 vv64 0|7ff0000000000001 0 0|7ff0000000000001 0 0
fmov w0, s1                 |1e260020 vx32 0|ff800002 0 0|ff800002 0 0
fmov s0, w1                 |1e270020 xv32 0|fedcba9876543210 0 0|76543210 0 0
fmov x0, d1                 |9e660020 vx64 0|fff0000000000002 0 0|fff0000000000002 0 0
fmov d0, x1                 |9e670020 xv64 0|fedcba9876543210 0 0|fedcba9876543210 0 0
fmov w0, h1                 |1ee60020 vx16 0|fc02 0 0|fc02 0 0
fmov h0, w1                 |1ee70020 xv16 0|fedcba9876543210 0 0|3210 0 0
fmov x0, h1                 |9ee60020 vx16 0|fc02 0 0|fc02 0 0
fmov h0, x1                 |9ee70020 xv16 0|fedcba9876543210 0 0|3210 0 0
`;

test('NaN propagation: signalling before quiet, first operand first, FMA addend first, default NaN with DN', () => runTable(NAN));
test('signed zeros and infinities follow the rounding mode and raise IOC/DZC where IEEE says', () => runTable(ZERO));
test('overflow and underflow: tininess before rounding, FZ flushes tiny results with UFC', () => runTable(RANGE));
test('denormal inputs are flushed by FZ (IDC) and FZ16 (no IDC); conversions from half ignore FZ16', () => runTable(DENORMAL));
test('every rounding mode: arithmetic, FRINT*, FRINT32/64 and integer to FP', () => runTable(ROUNDING));
test('conversions to integer saturate with IOC and never raise IXC then', () => runTable(SATURATE));
test('FRECPE, FRSQRTE and FRECPX estimates are bit-exact', () => runTable(ESTIMATE));
test('FJCVTZS converts modulo 2^32 and sets Z only when exact and in range', () => runTable(FJCVTZS));
test('alternative half precision: no infinities or NaNs; out-of-range values saturate (IOC, or IXC when rounding overflows, as QEMU)', () => runTable(AHP));
test('FCSEL, FCCMP(E), FMOV immediate, register and general', () => runTable(SELECT));

/** Words in the scalar FP patterns that qemu-aarch64 -cpu max rejects with SIGILL (ftype 2, reserved opcodes, sizes, scales). */
const RESERVED = [
  0x1ea04062, // FP_MOV_ABS_NEG_SQRT: fmov q2, q3
  0x1ea1c0a2, // FP_MOV_ABS_NEG_SQRT: fsqrt q2, q5
  0x1ea0c007, // FP_MOV_ABS_NEG_SQRT: fabs q7, q0
  0x1ea140a2, // FP_MOV_ABS_NEG_SQRT: fneg q2, q5
  0x1ea2c025, // FCVT_prec: fcvt d5, q1
  0x1e224082, // FCVT_prec: fcvt s2, s4
  0x1ee340e4, // FCVT_prec: fcvt q4, h7
  0x1e62c026, // FCVT_prec: fcvt d6, d1
  0x1e26c0a2, // FRINT: frint? s2, s5
  0x1e66c085, // FRINT: frint? d5, d4
  0x1ea7c0c6, // FRINT: frinti q6, q6
  0x1ee6c0e7, // FRINT: frint? h7, h7
  0x1ea6c083, // FRINT: frint? q3, q4
  0x1ea74063, // FRINT: frintx q3, q3
  0x1ea4c0a5, // FRINT: frintp q5, q5
  0x1ea54005, // FRINT: frintm q5, q0
  0x1ea440e5, // FRINT: frintn q5, q7
  0x1ea640a5, // FRINT: frinta q5, q5
  0x1ea5c0c3, // FRINT: frintz q3, q6
  0x1ea9c0c0, // FRINTTS: frint64x q0, q6
  0x1ee84086, // FRINTTS: frint32z h6, h4
  0x1ea840c0, // FRINTTS: frint32z q0, q6
  0x1ee8c022, // FRINTTS: frint32x h2, h1
  0x1ea940c6, // FRINTTS: frint64z q6, q6
  0x1ee9c0e2, // FRINTTS: frint64x h2, h7
  0x1ee94000, // FRINTTS: frint64z h0, h0
  0x1ea8c0a6, // FRINTTS: frint32x q6, q5
  0x1eba4842, // FP_2SRC: fmax q2, q2, q26
  0x1eaf68e4, // FP_2SRC: fmaxnm q4, q7, q15
  0x1eb51825, // FP_2SRC: fdiv q5, q1, q21
  0x1eaa5866, // FP_2SRC: fmin q6, q3, q10
  0x1eb32821, // FP_2SRC: fadd q1, q1, q19
  0x1eb97824, // FP_2SRC: fminnm q4, q1, q25
  0x1ebd3863, // FP_2SRC: fsub q3, q3, q29
  0x1ea508c4, // FP_2SRC: fmul q4, q6, q5
  0x1ea488a6, // FNMUL: fnmul q6, q5, q4
  0x1f9528c7, // FP_3SRC: fmadd q7, q6, q21, q10
  0x1fab8ce0, // FP_3SRC: fnmsub q0, q7, q11, q3
  0x1fbf2ca6, // FP_3SRC: fnmadd q6, q5, q31, q11
  0x1f9bd426, // FP_3SRC: fmsub q6, q1, q27, q21
  0x1e392082, // FCMP: .inst 0x1e392082 ; undefined
  0x1e6b2086, // FCMP: .inst 0x1e6b2086 ; undefined
  0x1ee72003, // FCMP: .inst 0x1ee72003 ; undefined
  0x1ea02005, // FCMP: .inst 0x1ea02005 ; undefined
  0x1ebf20a0, // FCMP: fcmp q5, q31
  0x1eb784a5, // FCCMP: fccmp q5, q23, #0x5, hi
  0x1ea62c82, // FCSEL: fcsel q2, q4, q6, cs
  0x1ee5d087, // FMOV_imm: .inst 0x1ee5d087 ; undefined
  0x1e6a3044, // FMOV_imm: .inst 0x1e6a3044 ; undefined
  0x1eb010e5, // FMOV_imm: .inst 0x1eb010e5 ; undefined
  0x1eb05000, // FMOV_imm: fmov q0, #-2.250000000000000000e+00
  0x1e3650e3, // FMOV_imm: .inst 0x1e3650e3 ; undefined
  0x1e837060, // CVTF_fixed: ucvtf q0, w3, #36
  0x1e432000, // CVTF_fixed: ucvtf d0, w0, #56
  0x9e827cc0, // CVTF_fixed: scvtf q0, x6, #33
  0x1e82d0a2, // CVTF_fixed: scvtf q2, w5, #12
  0x9e8338a0, // CVTF_fixed: ucvtf q0, x5, #50
  0x1e0278e5, // CVTF_fixed: scvtf s5, w7, #34
  0x1ec32421, // CVTF_fixed: ucvtf h1, w1, #55
  0x1e4210a5, // CVTF_fixed: scvtf d5, w5, #60
  0x1e0340a2, // CVTF_fixed: ucvtf s2, w5, #48
  0x1ec20481, // CVTF_fixed: scvtf h1, w4, #63
  0x1e985807, // FCVTZ_fixed: fcvtzs w7, q0, #42
  0x1e1874e1, // FCVTZ_fixed: fcvtzs w1, s7, #35
  0x9e981c44, // FCVTZ_fixed: fcvtzs x4, q2, #57
  0x1ed850e2, // FCVTZ_fixed: fcvtzs w2, h7, #44
  0x1e992484, // FCVTZ_fixed: fcvtzu w4, q4, #55
  0x9e99e483, // FCVTZ_fixed: fcvtzu x3, q4, #7
  0x1e596c27, // FCVTZ_fixed: fcvtzu w7, d1, #37
  0x1e583c24, // FCVTZ_fixed: fcvtzs w4, d1, #49
  0x1e193447, // FCVTZ_fixed: fcvtzu w7, s2, #51
  0x1ed90060, // FCVTZ_fixed: fcvtzu w0, h3, #64
  0x9eb90046, // FCVT_int: fcvtzu x6, q2
  0x1eb00025, // FCVT_int: fcvtms w5, q1
  0x1ea90022, // FCVT_int: fcvtpu w2, q1
  0x9eb800a2, // FCVT_int: fcvtzs x2, q5
  0x1ea800c7, // FCVT_int: fcvtps w7, q6
  0x1eb10064, // FCVT_int: fcvtmu w4, q3
  0x9ea90064, // FCVT_int: fcvtpu x4, q3
  0x1ea00083, // FCVT_int: fcvtns w3, q4
  0x9ea80003, // FCVT_int: fcvtps x3, q0
  0x9eb00063, // FCVT_int: fcvtms x3, q3
  0x9eb100c3, // FCVT_int: fcvtmu x3, q6
  0x1eb90003, // FCVT_int: fcvtzu w3, q0
  0x9ea10023, // FCVT_int: fcvtnu x3, q1
  0x1eb800c5, // FCVT_int: fcvtzs w5, q6
  0x1ea10020, // FCVT_int: fcvtnu w0, q1
  0x9ea000e3, // FCVT_int: fcvtns x3, q7
  0x1ea20066, // CVTF_int: scvtf q6, w3
  0x9ea200c0, // CVTF_int: scvtf q0, x6
  0x9ea300c6, // CVTF_int: ucvtf q6, x6
  0x1ea30041, // CVTF_int: ucvtf q1, w2
  0x1ea40082, // FCVTA_int: fcvtas w2, q4
  0x9ea40064, // FCVTA_int: fcvtas x4, q3
  0x1ea50024, // FCVTA_int: fcvtau w4, q1
  0x9ea50004, // FCVTA_int: fcvtau x4, q0
  0x9ea60060, // FMOV_gen: fmov x0, q3
  0x1e670041, // FMOV_gen: fmov d1, w2
  0x9e2600e7, // FMOV_gen: fmov x7, s7
  0x1ea60064, // FMOV_gen: fmov w4, q3
  0x9e2f00a1, // FMOV_d1: fmov v1.d[1], x5
  0x1eef0061, // FMOV_d1: fmov v1.d[1], x3
  0x9eef0000, // FMOV_d1: fmov v0.d[1], x0
  0x1e6e0087, // FMOV_d1: fmov x7, v4.d[1]
  0x9e6e00e5, // FMOV_d1: fmov x5, v7.d[1]
  0x1eaf0082, // FMOV_d1: fmov v2.d[1], x4
  0x1e2f00e2, // FMOV_d1: fmov v2.d[1], x7
];

test('reserved field values in the scalar FP classes are UNDEFINED', () => {
  const t = cpuWith([0]);
  const word = new Uint8Array(4);
  const defined: string[] = [];
  for (const w of RESERVED) {
    new DataView(word.buffer).setUint32(0, w, true);
    t.mem.writeBytes(CODE, word);
    t.cpu.flushTlb();
    t.cpu.pc = BigInt(CODE);
    if (t.cpu.run(10) !== StopReason.Undefined) defined.push(w.toString(16));
  }
  assert.deepEqual(defined, []);
});

test('FMOV Vd.D[1], Xn writes only the upper half; FMOV Xd, Vn.D[1] reads it', () => {
  // fmov v0.d[1], x1 ; fmov x2, v0.d[1]
  const t = cpuWith([0x9eaf0020, 0x9eae0002]);
  setV(t.cpu, 0, GARBAGE);
  t.cpu.setX(1, 0x1122334455667788n);
  runToSvc(t);
  assert.equal(getV(t.cpu, 0), (0x1122334455667788n << 64n) | (GARBAGE & 0xffffffffffffffffn));
  assert.equal(t.cpu.getX(2), 0x1122334455667788n);
});
