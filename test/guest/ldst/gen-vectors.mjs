// Regenerates the CASES table of test/cpu/a64/ldst-qemu.test.ts from ./cases.mjs:
// assembles each case, runs it in qemu-aarch64 (build/guest/ldst/ldst-harness,
// from `npm run guests`) and in A64Cpu, prints mismatches, and writes the table
// rows to the file given as argument. Run from the repo root after `npm run build`:
//   node test/guest/ldst/gen-vectors.mjs rows.txt
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { writeFileSync, readFileSync } from 'node:fs';
import { cases } from './cases.mjs';
import { caseLine, parseResult, runCase, diffResults } from '../../../dist/test/cpu/a64/ldst-machine.js';
const dir = mkdtempSync(tmpdir() + '/ldst-');
function assemble(src) {
  writeFileSync(
    dir + '/t.s',
    src
      .split(';')
      .map((l) => l.trim())
      .join('\n') + '\n',
  );
  execFileSync('aarch64-linux-gnu-as', ['-o', dir + '/t.o', dir + '/t.s']);
  execFileSync('aarch64-linux-gnu-objcopy', ['-O', 'binary', '-j', '.text', dir + '/t.o', dir + '/t.bin']);
  const b = readFileSync(dir + '/t.bin');
  const w = [];
  for (let i = 0; i < b.length; i += 4) w.push(b.readUInt32LE(i));
  return w;
}
const toState = (r) => {
  const st = { x: Array(31).fill(0n), sp: 0x20001000n, nzcv: 0n, v: Array(16).fill(0n) };
  for (const [k, v] of Object.entries(r)) {
    if (k === 'sp') st.sp = v;
    else if (k[0] === 'x') st.x[+k.slice(1)] = v;
    else {
      const n = +k.slice(1);
      st.v[2 * n] = v;
      st.v[2 * n + 1] = ~v & 0xffffffffffffffffn;
    }
  }
  return st;
};
const built = cases.map(([name, asm, regs]) => ({ name, asm, regs, words: assemble(asm), st: toState(regs) }));
const out = execFileSync('qemu-aarch64', ['build/guest/ldst/ldst-harness'], {
  input: built.map((c) => caseLine(c.words, c.st)).join('\n') + '\n',
})
  .toString()
  .trim()
  .split('\n');
let bad = 0;
const lines = built.map((c, i) => {
  const d = diffResults(parseResult(out[i]), runCase(c.words, c.st));
  if (d) {
    bad++;
    console.log(`MISMATCH ${c.name}: ${d}`);
  }
  const regs = Object.entries(c.regs)
    .map(([k, v]) => `${k}: 0x${BigInt.asUintN(64, v).toString(16)}n`)
    .join(', ');
  return `  [${JSON.stringify(c.name)}, ${JSON.stringify(c.asm)}, [${c.words.map((w) => '0x' + w.toString(16)).join(', ')}], { ${regs} },\n   ${JSON.stringify(out[i])}],`;
});
console.log(`${built.length} cases, ${bad} mismatches`);
if (process.argv[2]) writeFileSync(process.argv[2], lines.join('\n') + '\n');
