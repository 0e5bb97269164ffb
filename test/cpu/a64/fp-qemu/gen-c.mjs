import { ops } from './ops.mjs';
import fs from 'node:fs';
const ld = {
  h: (r, o) => `fmov ${r}, %w[${o}]`,
  s: (r, o) => `fmov ${r}, %w[${o}]`,
  d: (r, o) => `fmov ${r}, %x[${o}]`,
};
const W = { h: 'w', s: 'w', d: 'x' };
let c = `#include <stdio.h>\n#include <stdlib.h>\nint main(){ unsigned long id,fpcr,a,b,cc; char line[256];\n while(fgets(line,256,stdin)){ if(sscanf(line,"%lx %lx %lx %lx %lx",&id,&fpcr,&a,&b,&cc)!=5) continue; unsigned long r=0,s=0,f=0;\n switch(id){\n`;
for (const o of ops) {
  let body = 'msr fpcr, %[fpcr]\\n msr fpsr, xzr\\n msr nzcv, xzr\\n ';
  const t = o.t;
  if (o.kind === 'fromint') body += `${o.ins}\\n fmov %${W[t]}[r], ${t}0\\n`;
  else {
    body += ld[t](t + '1', 'a') + '\\n ' + ld[t](t + '2', 'b') + '\\n ' + ld[t](t + '3', 'c') + '\\n ';
    body += (o.nz ? 'msr nzcv, %[c]\\n ' : '') + o.ins + '\\n ';
    if (o.kind === 'bin' || o.kind === 'un' || o.kind === 'ter') body += `fmov %${W[t]}[r], ${t}0\\n`;
    else if (o.kind === 'cvt') body += `fmov %${W[o.to]}[r], ${o.to}0\\n`;
  }
  body += ' mrs %[s], fpsr\\n mrs %[f], nzcv\\n msr fpcr, xzr\\n';
  c += ` case ${o.id}: asm volatile("${body}" : [r]"+r"(r), [s]"=r"(s), [f]"=r"(f) : [fpcr]"r"(fpcr), [a]"r"(a), [b]"r"(b), [c]"r"(cc) : "v0","v1","v2","v3","cc"); break;\n`;
}
c += ` } printf("%lx %lx %lx\\n", r, s, f>>28); }\n return 0; }\n`;
fs.writeFileSync('harness.c', c);
