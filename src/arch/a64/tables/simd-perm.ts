/**
 * SIMD copy, permute, extract and table lookup, the SIMD structure loads and
 * stores, the cryptographic extension classes (AES, SHA1, SHA256, SHA512,
 * SHA3, SM3, SM4) and PMULL/PMULL2
 * (ARM ARM C4.1.5 "Loads and Stores" structure classes, C4.1.6/C4.1.7 Advanced
 * SIMD and Cryptographic classes).
 *
 * Reserved field values inside an entry (e.g. imm5 = x0000 in SIMD copy, or
 * the .1d arrangement of LD2) disassemble as objdump does for them:
 * `.inst 0x…; undefined`; semantics treat them as UNDEFINED.
 */
import { parsePattern } from '../../decodetree.js';
import { xreg, type A64Def, type Fields } from '../encoding.js';

// ------------------------------------------------------------ shared helpers

/** The instruction word rebuilt from its fields (for `.inst` of reserved values). */
function rebuild(pattern: string, f: Fields): number {
  const p = parsePattern(pattern);
  let w = p.value;
  for (const fs of p.fields) {
    let v = f[fs.name];
    // parts are most significant first: fill from the last part backwards
    for (let i = fs.parts.length - 1; i >= 0; i--) {
      const part = fs.parts[i];
      const m = part.len === 32 ? -1 : (1 << part.len) - 1;
      w |= (v & m) << part.pos;
      v = part.len === 32 ? 0 : v >>> part.len;
    }
  }
  return w >>> 0;
}

const undefText = (pattern: string, f: Fields): string =>
  `.inst\t0x${rebuild(pattern, f).toString(16).padStart(8, '0')} ; undefined`;

const vr = (r: number, t: string): string => `v${r}.${t}`;

/** Register list `{v1.16b, v2.16b}`; three or more without wrap print as a range. */
export function vlist(first: number, count: number, t: string): string {
  const last = (first + count - 1) & 31;
  if (count > 2 && last > first) return `{${vr(first, t)}-${vr(last, t)}}`;
  const regs: string[] = [];
  for (let i = 0; i < count; i++) regs.push(vr((first + i) & 31, t));
  return `{${regs.join(', ')}}`;
}

/** Element size (0..3) and index encoded in imm5, or -1 when imm5 = x0000. */
export function imm5Size(imm5: number): number {
  for (let s = 0; s < 4; s++) if (imm5 & (1 << s)) return s;
  return -1;
}

const ELEM = ['b', 'h', 's', 'd'];
const ARR = (size: number, q: number): string =>
  [q ? '16b' : '8b', q ? '8h' : '4h', q ? '4s' : '2s', q ? '2d' : '1d'][size];

// ------------------------------------------------------------ Advanced SIMD copy

const COPY = (q: string, op: string, imm4: string): string => `0 ${q} ${op} 01110000 imm5:5 0 ${imm4} 1 rn:5 rd:5`;

const copyEntries: A64Def[] = [
  {
    name: 'DUP_elem',
    cls: 'Advanced SIMD copy',
    pattern: COPY('Q:1', '0', '0000'),
    dis(f) {
      const s = imm5Size(f.imm5);
      if (s < 0 || (s === 3 && !f.Q)) return undefText(this.pattern, f);
      return `dup\t${vr(f.rd, ARR(s, f.Q))}, ${vr(f.rn, ELEM[s])}[${f.imm5 >>> (s + 1)}]`;
    },
  },
  {
    name: 'DUP_gen',
    cls: 'Advanced SIMD copy',
    pattern: COPY('Q:1', '0', '0001'),
    dis(f) {
      const s = imm5Size(f.imm5);
      if (s < 0 || (s === 3 && !f.Q)) return undefText(this.pattern, f);
      return `dup\t${vr(f.rd, ARR(s, f.Q))}, ${xreg(f.rn, s === 3)}`;
    },
  },
  {
    name: 'SMOV',
    cls: 'Advanced SIMD copy',
    pattern: COPY('Q:1', '0', '0101'),
    dis(f) {
      const s = imm5Size(f.imm5);
      if (s < 0 || s >= 2 + f.Q) return undefText(this.pattern, f);
      return `smov\t${xreg(f.rd, f.Q)}, ${vr(f.rn, ELEM[s])}[${f.imm5 >>> (s + 1)}]`;
    },
  },
  {
    name: 'UMOV',
    cls: 'Advanced SIMD copy',
    pattern: COPY('Q:1', '0', '0111'),
    dis(f) {
      const s = imm5Size(f.imm5);
      if (s < 0 || (f.Q ? s !== 3 : s === 3)) return undefText(this.pattern, f);
      const m = s >= 2 ? 'mov' : 'umov';
      return `${m}\t${xreg(f.rd, f.Q)}, ${vr(f.rn, ELEM[s])}[${f.imm5 >>> (s + 1)}]`;
    },
  },
  {
    name: 'INS_gen',
    cls: 'Advanced SIMD copy',
    pattern: COPY('1', '0', '0011'),
    dis(f) {
      const s = imm5Size(f.imm5);
      if (s < 0) return undefText(this.pattern, f);
      return `mov\t${vr(f.rd, ELEM[s])}[${f.imm5 >>> (s + 1)}], ${xreg(f.rn, s === 3)}`;
    },
  },
  {
    name: 'INS_elem',
    cls: 'Advanced SIMD copy',
    pattern: COPY('1', '1', 'imm4:4'),
    dis(f) {
      const s = imm5Size(f.imm5);
      if (s < 0) return undefText(this.pattern, f);
      return `mov\t${vr(f.rd, ELEM[s])}[${f.imm5 >>> (s + 1)}], ${vr(f.rn, ELEM[s])}[${f.imm4 >>> s}]`;
    },
  },
  {
    name: 'DUP_elem_scalar',
    cls: 'Advanced SIMD scalar copy',
    pattern: '01 0 11110000 imm5:5 0 0000 1 rn:5 rd:5',
    dis(f) {
      const s = imm5Size(f.imm5);
      if (s < 0) return undefText(this.pattern, f);
      return `mov\t${ELEM[s]}${f.rd}, ${vr(f.rn, ELEM[s])}[${f.imm5 >>> (s + 1)}]`;
    },
  },
];

// ------------------------------------------------------------ permute, extract, table lookup

const PERM_OPS: [string, string][] = [
  ['001', 'uzp1'],
  ['010', 'trn1'],
  ['011', 'zip1'],
  ['101', 'uzp2'],
  ['110', 'trn2'],
  ['111', 'zip2'],
];

const permEntries: A64Def[] = PERM_OPS.map(([opc, m]) => ({
  name: m.toUpperCase(),
  cls: 'Advanced SIMD permute',
  pattern: `0 Q:1 001110 size:2 0 rm:5 0 ${opc} 10 rn:5 rd:5`,
  dis(f: Fields): string {
    if (f.size === 3 && !f.Q) return undefText(this.pattern, f);
    const t = ARR(f.size, f.Q);
    return `${m}\t${vr(f.rd, t)}, ${vr(f.rn, t)}, ${vr(f.rm, t)}`;
  },
}));

const extEntries: A64Def[] = [
  {
    name: 'EXT',
    cls: 'Advanced SIMD extract',
    pattern: '0 Q:1 101110 00 0 rm:5 0 imm4:4 0 rn:5 rd:5',
    dis(f) {
      if (!f.Q && f.imm4 & 8) return undefText(this.pattern, f);
      const t = f.Q ? '16b' : '8b';
      return `ext\t${vr(f.rd, t)}, ${vr(f.rn, t)}, ${vr(f.rm, t)}, #${f.imm4}`;
    },
  },
  {
    name: 'TBL_TBX',
    cls: 'Advanced SIMD table lookup',
    pattern: '0 Q:1 001110 00 0 rm:5 0 len:2 op:1 00 rn:5 rd:5',
    dis(f) {
      const t = f.Q ? '16b' : '8b';
      return `${f.op ? 'tbx' : 'tbl'}\t${vr(f.rd, t)}, ${vlist(f.rn, f.len + 1, '16b')}, ${vr(f.rm, t)}`;
    },
  },
];

// ------------------------------------------------------------ load/store multiple structures

/** opcode → [number of structure elements (selem), registers (rpt × selem)] */
export const MULTI_OPS: readonly { opcode: string; selem: number; regs: number; name: string }[] = [
  { opcode: '0000', selem: 4, regs: 4, name: 'LDST4' },
  { opcode: '0010', selem: 1, regs: 4, name: 'LDST1_4' },
  { opcode: '0100', selem: 3, regs: 3, name: 'LDST3' },
  { opcode: '0110', selem: 1, regs: 3, name: 'LDST1_3' },
  { opcode: '0111', selem: 1, regs: 1, name: 'LDST1_1' },
  { opcode: '1000', selem: 2, regs: 2, name: 'LDST2' },
  { opcode: '1010', selem: 1, regs: 2, name: 'LDST1_2' },
];

function multiEntries(post: boolean): A64Def[] {
  return MULTI_OPS.map(({ opcode, selem, regs, name }) => ({
    name: name + (post ? '_post' : ''),
    cls: post
      ? 'Advanced SIMD load/store multiple structures (post-indexed)'
      : 'Advanced SIMD load/store multiple structures',
    pattern: post
      ? `0 Q:1 0011001 L:1 0 rm:5 ${opcode} size:2 rn:5 rt:5`
      : `0 Q:1 0011000 L:1 000000 ${opcode} size:2 rn:5 rt:5`,
    dis(f: Fields): string {
      if (f.size === 3 && !f.Q && selem > 1) return undefText(this.pattern, f);
      const m = (f.L ? 'ld' : 'st') + selem;
      const addr = `[${xreg(f.rn, 1, true)}]`;
      const off = !post ? '' : f.rm === 31 ? `, #${regs * (f.Q ? 16 : 8)}` : `, ${xreg(f.rm, 1)}`;
      return `${m}\t${vlist(f.rt, regs, ARR(f.size, f.Q))}, ${addr}${off}`;
    },
  }));
}

// ------------------------------------------------------------ load/store single structure

/**
 * Single-structure encodings by opcode<2:1>: B lanes, H lanes, S/D lanes, and
 * (loads only) replicate. opcode<0>:R gives the number of elements − 1.
 */
const SINGLE_KINDS = [
  { name: 'LDST_single_B', opc: '00', L: 'L:1' },
  { name: 'LDST_single_H', opc: '01', L: 'L:1' },
  { name: 'LDST_single_S', opc: '10', L: 'L:1' },
  { name: 'LD_replicate', opc: '11', L: '1' },
] as const;

/** Lane size (0..3) and index of a single-structure encoding, or size -1 when reserved. */
export function singleLane(kind: number, f: Fields): { size: number; index: number } {
  const qs = (f.Q << 1) | f.S;
  switch (kind) {
    case 0:
      return { size: 0, index: (qs << 2) | f.size };
    case 1:
      return f.size & 1 ? { size: -1, index: 0 } : { size: 1, index: (qs << 1) | (f.size >> 1) };
    case 2:
      if (f.size === 0) return { size: 2, index: qs };
      if (f.size === 1 && !f.S) return { size: 3, index: f.Q };
      return { size: -1, index: 0 };
    default:
      return f.S ? { size: -1, index: 0 } : { size: f.size, index: 0 };
  }
}

function singleEntries(post: boolean): A64Def[] {
  return SINGLE_KINDS.map(({ name, opc, L }, kind) => ({
    name: name + (post ? '_post' : ''),
    cls: post
      ? 'Advanced SIMD load/store single structure (post-indexed)'
      : 'Advanced SIMD load/store single structure',
    pattern: post
      ? `0 Q:1 0011011 ${L} R:1 rm:5 ${opc} o0:1 S:1 size:2 rn:5 rt:5`
      : `0 Q:1 0011010 ${L} R:1 00000 ${opc} o0:1 S:1 size:2 rn:5 rt:5`,
    dis(f: Fields): string {
      const { size, index } = singleLane(kind, f);
      if (size < 0) return undefText(this.pattern, f);
      const selem = ((f.o0 << 1) | f.R) + 1;
      const addr = `[${xreg(f.rn, 1, true)}]`;
      const bytes = selem << size;
      const off = !post ? '' : f.rm === 31 ? `, #${bytes}` : `, ${xreg(f.rm, 1)}`;
      if (kind === 3) return `ld${selem}r\t${vlist(f.rt, selem, ARR(size, f.Q))}, ${addr}${off}`;
      const m = (f.L ? 'ld' : 'st') + selem;
      return `${m}\t${vlist(f.rt, selem, ELEM[size])}[${index}], ${addr}${off}`;
    },
  }));
}

// ------------------------------------------------------------ crypto

const AES_OPS: [string, string][] = [
  ['00100', 'aese'],
  ['00101', 'aesd'],
  ['00110', 'aesmc'],
  ['00111', 'aesimc'],
];

const aesEntries: A64Def[] = AES_OPS.map(([opc, m]) => ({
  name: m.toUpperCase(),
  cls: 'Cryptographic AES',
  pattern: `01001110 00 10100 ${opc} 10 rn:5 rd:5`,
  dis: (f: Fields) => `${m}\t${vr(f.rd, '16b')}, ${vr(f.rn, '16b')}`,
}));

/** Three-register SHA: [opcode, mnemonic, how the operands print]. */
const SHA3REG: [string, string, (f: Fields) => string][] = [
  ['000', 'sha1c', (f) => `q${f.rd}, s${f.rn}, ${vr(f.rm, '4s')}`],
  ['001', 'sha1p', (f) => `q${f.rd}, s${f.rn}, ${vr(f.rm, '4s')}`],
  ['010', 'sha1m', (f) => `q${f.rd}, s${f.rn}, ${vr(f.rm, '4s')}`],
  ['011', 'sha1su0', (f) => `${vr(f.rd, '4s')}, ${vr(f.rn, '4s')}, ${vr(f.rm, '4s')}`],
  ['100', 'sha256h', (f) => `q${f.rd}, q${f.rn}, ${vr(f.rm, '4s')}`],
  ['101', 'sha256h2', (f) => `q${f.rd}, q${f.rn}, ${vr(f.rm, '4s')}`],
  ['110', 'sha256su1', (f) => `${vr(f.rd, '4s')}, ${vr(f.rn, '4s')}, ${vr(f.rm, '4s')}`],
];

const sha3Entries: A64Def[] = SHA3REG.map(([opc, m, ops]) => ({
  name: m.toUpperCase(),
  cls: 'Cryptographic three-register SHA',
  pattern: `01011110 00 0 rm:5 0 ${opc} 00 rn:5 rd:5`,
  dis: (f: Fields) => `${m}\t${ops(f)}`,
}));

const SHA2REG: [string, string, (f: Fields) => string][] = [
  ['00000', 'sha1h', (f) => `s${f.rd}, s${f.rn}`],
  ['00001', 'sha1su1', (f) => `${vr(f.rd, '4s')}, ${vr(f.rn, '4s')}`],
  ['00010', 'sha256su0', (f) => `${vr(f.rd, '4s')}, ${vr(f.rn, '4s')}`],
];

const sha2Entries: A64Def[] = SHA2REG.map(([opc, m, ops]) => ({
  name: m.toUpperCase(),
  cls: 'Cryptographic two-register SHA',
  pattern: `01011110 00 10100 ${opc} 10 rn:5 rd:5`,
  dis: (f: Fields) => `${m}\t${ops(f)}`,
}));

const d2 = (r: number): string => vr(r, '2d');

const SHA512_3: [string, string, (f: Fields) => string][] = [
  ['00', 'sha512h', (f) => `q${f.rd}, q${f.rn}, ${d2(f.rm)}`],
  ['01', 'sha512h2', (f) => `q${f.rd}, q${f.rn}, ${d2(f.rm)}`],
  ['10', 'sha512su1', (f) => `${d2(f.rd)}, ${d2(f.rn)}, ${d2(f.rm)}`],
  ['11', 'rax1', (f) => `${d2(f.rd)}, ${d2(f.rn)}, ${d2(f.rm)}`],
];

const sha512Entries: A64Def[] = [
  ...SHA512_3.map(([opc, m, ops]) => ({
    name: m.toUpperCase(),
    cls: 'Cryptographic three-register SHA512',
    pattern: `11001110 011 rm:5 1 0 00 ${opc} rn:5 rd:5`,
    dis: (f: Fields) => `${m}\t${ops(f)}`,
  })),
  {
    name: 'SHA512SU0',
    cls: 'Cryptographic two-register SHA512',
    pattern: '11001110 11000000 1000 00 rn:5 rd:5',
    dis: (f) => `sha512su0\t${d2(f.rd)}, ${d2(f.rn)}`,
  },
  {
    name: 'EOR3',
    cls: 'Cryptographic four-register',
    pattern: '11001110 0 00 rm:5 0 ra:5 rn:5 rd:5',
    dis: (f) => `eor3\t${vr(f.rd, '16b')}, ${vr(f.rn, '16b')}, ${vr(f.rm, '16b')}, ${vr(f.ra, '16b')}`,
  },
  {
    name: 'BCAX',
    cls: 'Cryptographic four-register',
    pattern: '11001110 0 01 rm:5 0 ra:5 rn:5 rd:5',
    dis: (f) => `bcax\t${vr(f.rd, '16b')}, ${vr(f.rn, '16b')}, ${vr(f.rm, '16b')}, ${vr(f.ra, '16b')}`,
  },
  {
    name: 'XAR',
    cls: 'XAR',
    pattern: '11001110 100 rm:5 imm6:6 rn:5 rd:5',
    dis: (f) => `xar\t${d2(f.rd)}, ${d2(f.rn)}, ${d2(f.rm)}, #${f.imm6}`,
  },
];

// ------------------------------------------------------------ SM3 and SM4 (FEAT_SM3, FEAT_SM4)

const s4 = (r: number): string => vr(r, '4s');

const smEntries: A64Def[] = [
  ...['sm3tt1a', 'sm3tt1b', 'sm3tt2a', 'sm3tt2b'].map((m, opc) => ({
    name: m.toUpperCase(),
    cls: 'Cryptographic three-register, imm2',
    pattern: `11001110 010 rm:5 10 imm2:2 ${opc.toString(2).padStart(2, '0')} rn:5 rd:5`,
    dis: (f: Fields) => `${m}\t${s4(f.rd)}, ${s4(f.rn)}, ${vr(f.rm, 's')}[${f.imm2}]`,
  })),
  ...['sm3partw1', 'sm3partw2', 'sm4ekey'].map((m, opc) => ({
    name: m.toUpperCase(),
    cls: 'Cryptographic three-register SHA512',
    pattern: `11001110 011 rm:5 1 1 00 ${opc.toString(2).padStart(2, '0')} rn:5 rd:5`,
    dis: (f: Fields) => `${m}\t${s4(f.rd)}, ${s4(f.rn)}, ${s4(f.rm)}`,
  })),
  {
    name: 'SM3SS1',
    cls: 'Cryptographic four-register',
    pattern: '11001110 0 10 rm:5 0 ra:5 rn:5 rd:5',
    dis: (f) => `sm3ss1\t${s4(f.rd)}, ${s4(f.rn)}, ${s4(f.rm)}, ${s4(f.ra)}`,
  },
  {
    name: 'SM4E',
    cls: 'Cryptographic two-register SHA512',
    pattern: '11001110 11000000 1000 01 rn:5 rd:5',
    dis: (f) => `sm4e\t${s4(f.rd)}, ${s4(f.rn)}`,
  },
];

// ------------------------------------------------------------ PMULL/PMULL2

const pmullEntries: A64Def[] = [
  {
    name: 'PMULL',
    cls: 'Advanced SIMD three different',
    pattern: '0 Q:1 0 01110 size:2 1 rm:5 1110 00 rn:5 rd:5',
    dis(f) {
      if (f.size === 1 || f.size === 2) return undefText(this.pattern, f);
      const m = f.Q ? 'pmull2' : 'pmull';
      const src = ARR(f.size, f.Q);
      const dst = f.size === 0 ? '8h' : '1q';
      return `${m}\t${vr(f.rd, dst)}, ${vr(f.rn, src)}, ${vr(f.rm, src)}`;
    },
  },
];

export const simdPermEncodings: A64Def[] = [
  ...copyEntries,
  ...permEntries,
  ...extEntries,
  ...multiEntries(false),
  ...multiEntries(true),
  ...singleEntries(false),
  ...singleEntries(true),
  ...aesEntries,
  ...sha3Entries,
  ...sha2Entries,
  ...sha512Entries,
  ...smEntries,
  ...pmullEntries,
];
