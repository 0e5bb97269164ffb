/**
 * Base integer encodings: data processing (immediate and register), branches,
 * exception generation and system instructions (ARM ARM C4.1.2-C4.1.4, C4.1.6).
 */
import { CONDS, imm, target, xreg, type A64Def } from '../encoding.js';

const addSub = (f: { op: number; S: number }): string => (f.op ? 'sub' : 'add') + (f.S ? 's' : '');

export const baseEncodings: A64Def[] = [
  // ---- Add/subtract (immediate)
  {
    name: 'ADD_SUB_imm',
    cls: 'Add/subtract (immediate)',
    pattern: 'sf:1 op:1 S:1 100010 sh:1 imm12:12 rn:5 rd:5',
    dis: (f) => {
      const m = addSub(f as { op: number; S: number });
      const shift = f.sh ? ', lsl #12' : '';
      return `${m} ${xreg(f.rd, f.sf, !f.S)}, ${xreg(f.rn, f.sf, true)}, ${imm(f.imm12)}${shift}`;
    },
  },
  // ---- Unconditional branch (immediate)
  {
    name: 'B_BL',
    cls: 'Unconditional branch (immediate)',
    pattern: 'op:1 00101 imm26:s26',
    dis: (f, pc) => `${f.op ? 'bl' : 'b'} ${target(pc, f.imm26 * 4)}`,
  },
  // ---- Exception generation
  {
    name: 'SVC',
    cls: 'Exception generation',
    pattern: '11010100 000 imm16:16 000 01',
    dis: (f) => `svc ${imm(f.imm16)}`,
  },
];

void CONDS;
