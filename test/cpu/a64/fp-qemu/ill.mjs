import { execFileSync } from 'node:child_process';
import { fpEncodings } from '../../../../dist/src/arch/a64/tables/fp.js';
import { parsePattern } from '../../../../dist/src/arch/decodetree.js';
import { cpuWith } from '../../../../dist/test/helpers/a64.js';
import { disassembleA64 } from '../../../../dist/src/arch/a64/table.js';
let seed = 7;
const rnd = () => {
  seed ^= seed << 13;
  seed >>>= 0;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  seed >>>= 0;
  return seed;
};
const words = [];
for (const e of fpEncodings) {
  const p = parsePattern(e.pattern);
  for (let i = 0; i < 300; i++) {
    let w = ((rnd() & ~p.mask) | p.value) >>> 0;
    w = (w & ~0x3ff) | (rnd() & 7) | ((rnd() & 7) << 5);
    words.push(w >>> 0);
  }
}
const out = execFileSync('qemu-aarch64', ['-cpu', 'max', './ill'], {
  input: words.map((w) => w.toString(16)).join('\n') + '\n',
})
  .toString()
  .trim()
  .split('\n');
let bad = 0;
const seen = new Set();
words.forEach((w, i) => {
  const t = cpuWith([w]);
  const r = t.cpu.run(10);
  const mineUndef = r === 5 ? 1 : 0;
  if (String(mineUndef) !== out[i]) {
    bad++;
    const k = disassembleA64(w) + (mineUndef ? ' mine UNDEF' : ' qemu UNDEF');
    if (!seen.has(k)) {
      seen.add(k);
      if (seen.size < 40) console.log(w.toString(16), k, t.diagnostics[0] ?? '');
    }
  }
});
console.log(words.length, 'words', bad, 'bad');
