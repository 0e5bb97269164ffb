import { ops } from './ops.mjs';
import fs from 'node:fs';
import { execSync } from 'node:child_process';
const src =
  ops
    .map((o) => o.ins.replace('%w[r]', 'w0').replace('%x[r]', 'x0').replace('%w[a]', 'w1').replace('%x[a]', 'x1'))
    .join('\n') + '\n';
fs.writeFileSync('w.s', src);
execSync('aarch64-linux-gnu-as -march=armv8.6-a+fp16+bf16 w.s -o w.o && aarch64-linux-gnu-objcopy -O binary w.o w.bin');
const b = fs.readFileSync('w.bin');
export const words = ops.map((o, i) => b.readUInt32LE(i * 4));
