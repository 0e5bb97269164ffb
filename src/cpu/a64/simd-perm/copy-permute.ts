/**
 * Advanced SIMD copy (DUP, INS, UMOV, SMOV), scalar copy, permute
 * (UZP/TRN/ZIP), extract (EXT) and table lookup (TBL/TBX).
 *
 * Most byte-moving instructions are one generic shuffle: the 16 result bytes
 * are picked from [Vn | Vm | zeros] through a 16-entry byte map built once in
 * prep (maps are shared between instances with the same shape).
 */
import { imm5Size } from '../../../arch/a64/tables/simd-perm.js';
import { dstZR, srcZR } from '../regs.js';
import { unallocated, type Args, type Exec, type SemanticsTable } from '../semantics-types.js';

// ------------------------------------------------------------ byte shuffle

/** Sources of a shuffle: bytes 0..15 = Vn, 16..31 = second source, 32..47 = zero. */
const shufSrc = new Uint8Array(48);
const ZERO = 32;
const MAPS: Uint8Array[] = [];
const mapIds = new Map<string, number>();

/** Id of a 16-entry byte map (interned). */
function mapId(map: readonly number[]): number {
  const key = map.join(',');
  let id = mapIds.get(key);
  if (id === undefined) {
    id = MAPS.length;
    MAPS.push(Uint8Array.from(map));
    mapIds.set(key, id);
  }
  return id;
}

/** Vd = bytes of [V(a.s1) | V(a.s2) | 0] picked through MAPS[a.map]; s1, s2, d are byte offsets. */
const shuffle: Exec = (cpu, a) => {
  const v = cpu.v8;
  const s = shufSrc;
  const p = a.s1;
  const q = a.s2;
  for (let i = 0; i < 16; i++) {
    s[i] = v[p + i];
    s[16 + i] = v[q + i];
  }
  const map = MAPS[a.map];
  const d = a.d;
  for (let i = 0; i < 16; i++) v[d + i] = s[map[i]];
};

/** Lane `lane` of esize bytes (1 << size) from source base `src` (0 or 16), repeated over `n` bytes, rest zero. */
function dupMap(size: number, lane: number, bytes: number, src: number): number[] {
  const esize = 1 << size;
  const m: number[] = [];
  for (let i = 0; i < 16; i++) m.push(i < bytes ? src + lane * esize + (i % esize) : ZERO);
  return m;
}

// ------------------------------------------------------------ copy

const DUP_elem: Exec = shuffle;

function prepDupElem(a: Args): Exec | void {
  const s = imm5Size(a.imm5);
  if (s < 0 || (s === 3 && !a.Q)) return unallocated;
  a.s1 = a.rn * 16;
  a.s2 = a.s1;
  a.d = a.rd * 16;
  a.map = mapId(dupMap(s, a.imm5 >>> (s + 1), a.Q ? 16 : 8, 0));
}

function prepDupScalar(a: Args): Exec | void {
  const s = imm5Size(a.imm5);
  if (s < 0) return unallocated;
  a.s1 = a.rn * 16;
  a.s2 = a.s1;
  a.d = a.rd * 16;
  a.map = mapId(dupMap(s, a.imm5 >>> (s + 1), 1 << s, 0));
}

function prepInsElem(a: Args): Exec | void {
  const s = imm5Size(a.imm5);
  if (s < 0) return unallocated;
  const esize = 1 << s;
  const dl = a.imm5 >>> (s + 1);
  const sl = a.imm4 >>> s;
  a.s1 = a.rn * 16;
  a.s2 = a.rd * 16;
  a.d = a.rd * 16;
  const m: number[] = [];
  for (let i = 0; i < 16; i++) m.push((i / esize) >> 0 === dl ? sl * esize + (i % esize) : 16 + i);
  a.map = mapId(m);
}

// DUP (general): every lane = the low bits of Xn. Offsets in units of the view.
const dupGenB: Exec = (cpu, a) => {
  cpu.v8.fill(cpu.x[a.n] & 0xff, a.d, a.d + a.bytes);
  cpu.v8.fill(0, a.d + a.bytes, a.d + 16);
};
const dupGenH: Exec = (cpu, a) => {
  cpu.v16.fill(cpu.x[a.n] & 0xffff, a.d >> 1, (a.d + a.bytes) >> 1);
  cpu.v8.fill(0, a.d + a.bytes, a.d + 16);
};
const dupGenS: Exec = (cpu, a) => {
  cpu.v32.fill(cpu.x[a.n] >>> 0, a.d >> 2, (a.d + a.bytes) >> 2);
  cpu.v8.fill(0, a.d + a.bytes, a.d + 16);
};
const dupGenD: Exec = (cpu, a) => {
  const lo = cpu.x[a.n];
  const hi = cpu.x[a.n + 1];
  const w = cpu.vi32;
  const i = a.d >> 2;
  w[i] = lo;
  w[i + 1] = hi;
  w[i + 2] = lo;
  w[i + 3] = hi;
};

function prepDupGen(a: Args): Exec | void {
  const s = imm5Size(a.imm5);
  if (s < 0 || (s === 3 && !a.Q)) return unallocated;
  a.n = srcZR(a.rn);
  a.d = a.rd * 16;
  a.bytes = a.Q ? 16 : 8;
  return [dupGenB, dupGenH, dupGenS, dupGenD][s];
}

// INS (general): one lane = Xn; other lanes unchanged. a.e = lane index in the view.
const insGenB: Exec = (cpu, a) => {
  cpu.v8[a.e] = cpu.x[a.n];
};
const insGenH: Exec = (cpu, a) => {
  cpu.v16[a.e] = cpu.x[a.n];
};
const insGenS: Exec = (cpu, a) => {
  cpu.vi32[a.e] = cpu.x[a.n];
};
const insGenD: Exec = (cpu, a) => {
  cpu.vi32[a.e] = cpu.x[a.n];
  cpu.vi32[a.e + 1] = cpu.x[a.n + 1];
};

function prepInsGen(a: Args): Exec | void {
  const s = imm5Size(a.imm5);
  if (s < 0) return unallocated;
  const lane = a.imm5 >>> (s + 1);
  a.n = srcZR(a.rn);
  // element index in the view of the lane width (D uses the 32-bit view)
  a.e = s === 3 ? a.rd * 4 + lane * 2 : a.rd * (16 >> s) + lane;
  return [insGenB, insGenH, insGenS, insGenD][s];
}

// UMOV / SMOV: Xd (or Wd) = lane, zero- or sign-extended.
const umovB: Exec = (cpu, a) => {
  cpu.x[a.dd] = cpu.v8[a.e];
  cpu.x[a.dd + 1] = 0;
};
const umovH: Exec = (cpu, a) => {
  cpu.x[a.dd] = cpu.v16[a.e];
  cpu.x[a.dd + 1] = 0;
};
const umovS: Exec = (cpu, a) => {
  cpu.x[a.dd] = cpu.vi32[a.e];
  cpu.x[a.dd + 1] = 0;
};
const umovD: Exec = (cpu, a) => {
  cpu.x[a.dd] = cpu.vi32[a.e];
  cpu.x[a.dd + 1] = cpu.vi32[a.e + 1];
};
const smovB: Exec = (cpu, a) => {
  const v = cpu.vi8[a.e];
  cpu.x[a.dd] = v;
  cpu.x[a.dd + 1] = a.Q ? v >> 31 : 0;
};
const smovH: Exec = (cpu, a) => {
  const v = cpu.vi16[a.e];
  cpu.x[a.dd] = v;
  cpu.x[a.dd + 1] = a.Q ? v >> 31 : 0;
};
const smovS: Exec = (cpu, a) => {
  const v = cpu.vi32[a.e];
  cpu.x[a.dd] = v;
  cpu.x[a.dd + 1] = v >> 31;
};

function laneIndex(a: Args, s: number): number {
  const lane = a.imm5 >>> (s + 1);
  return s === 3 ? a.rn * 4 + lane * 2 : a.rn * (16 >> s) + lane;
}

function prepUmov(a: Args): Exec | void {
  const s = imm5Size(a.imm5);
  // Q=0: B/H/S to Wd; Q=1: D to Xd only.
  if (s < 0 || (a.Q ? s !== 3 : s === 3)) return unallocated;
  a.dd = dstZR(a.rd);
  a.e = laneIndex(a, s);
  return [umovB, umovH, umovS, umovD][s];
}

function prepSmov(a: Args): Exec | void {
  const s = imm5Size(a.imm5);
  // Q=0: B/H to Wd; Q=1: B/H/S to Xd.
  if (s < 0 || s >= 2 + a.Q) return unallocated;
  a.dd = dstZR(a.rd);
  a.e = laneIndex(a, s);
  return [smovB, smovH, smovS][s];
}

// ------------------------------------------------------------ permute and extract

/** ARM ARM C7.2 UZP1/UZP2, TRN1/TRN2, ZIP1/ZIP2: lane sources as [Vn | Vm] lane numbers. */
function permMap(op: string, size: number, q: number): number[] {
  const esize = 1 << size;
  const elems = (q ? 16 : 8) >> size;
  const half = elems >> 1;
  const part = op.endsWith('2') ? 1 : 0;
  const m: number[] = [];
  for (let i = 0; i < elems; i++) {
    let src: number; // lane number in the concatenation: 0..elems-1 from Vn, then 16/esize.. from Vm
    if (op.startsWith('UZP')) {
      const j = 2 * i + part; // in the concatenation Vm:Vn of `elems` lanes each
      src = j < elems ? j : 16 / esize + (j - elems);
    } else if (op.startsWith('TRN')) {
      const pair = i >> 1;
      src = i & 1 ? 16 / esize + 2 * pair + part : 2 * pair + part;
    } else {
      const base = part * half;
      src = i & 1 ? 16 / esize + base + (i >> 1) : base + (i >> 1);
    }
    for (let b = 0; b < esize; b++) m.push(src * esize + b);
  }
  while (m.length < 16) m.push(ZERO);
  return m;
}

function prepPerm(op: string): (a: Args) => Exec | void {
  return (a) => {
    if (a.size === 3 && !a.Q) return unallocated;
    a.s1 = a.rn * 16;
    a.s2 = a.rm * 16;
    a.d = a.rd * 16;
    a.map = mapId(permMap(op, a.size, a.Q));
  };
}

function prepExt(a: Args): Exec | void {
  if (!a.Q && a.imm4 & 8) return unallocated;
  a.s1 = a.rn * 16;
  a.s2 = a.rm * 16;
  a.d = a.rd * 16;
  const bytes = a.Q ? 16 : 8;
  const m: number[] = [];
  for (let i = 0; i < 16; i++) {
    if (i >= bytes) m.push(ZERO);
    else {
      const j = a.imm4 + i; // byte of Vm:Vn (each `bytes` long)
      m.push(j < bytes ? j : 16 + (j - bytes));
    }
  }
  a.map = mapId(m);
}

// ------------------------------------------------------------ table lookup

const tblTable = new Uint8Array(64);
const tblIdx = new Uint8Array(16);

/** TBL/TBX: a.n = first table register, a.regs = count (wrapping mod 32), a.limit = bytes in the table. */
const tblExec: Exec = (cpu, a) => {
  const v = cpu.v8;
  const t = tblTable;
  for (let r = 0; r < a.regs; r++) {
    const src = ((a.rn + r) & 31) * 16;
    for (let i = 0; i < 16; i++) t[r * 16 + i] = v[src + i];
  }
  const m = a.rm * 16;
  for (let i = 0; i < 16; i++) tblIdx[i] = v[m + i];
  const d = a.rd * 16;
  const limit = a.limit;
  if (a.op) {
    for (let i = 0; i < a.bytes; i++) {
      const j = tblIdx[i];
      if (j < limit) v[d + i] = t[j];
    }
  } else {
    for (let i = 0; i < a.bytes; i++) {
      const j = tblIdx[i];
      v[d + i] = j < limit ? t[j] : 0;
    }
  }
  if (a.bytes === 8) v.fill(0, d + 8, d + 16);
};

function prepTbl(a: Args): Exec | void {
  a.regs = a.len + 1;
  a.limit = a.regs * 16;
  a.bytes = a.Q ? 16 : 8;
}

export const copyPermuteSemantics: SemanticsTable = {
  DUP_elem: { prep: prepDupElem, exec: DUP_elem },
  DUP_elem_scalar: { prep: prepDupScalar, exec: shuffle },
  INS_elem: { prep: prepInsElem, exec: shuffle },
  DUP_gen: { prep: prepDupGen, exec: unallocated },
  INS_gen: { prep: prepInsGen, exec: unallocated },
  UMOV: { prep: prepUmov, exec: unallocated },
  SMOV: { prep: prepSmov, exec: unallocated },
  UZP1: { prep: prepPerm('UZP1'), exec: shuffle },
  UZP2: { prep: prepPerm('UZP2'), exec: shuffle },
  TRN1: { prep: prepPerm('TRN1'), exec: shuffle },
  TRN2: { prep: prepPerm('TRN2'), exec: shuffle },
  ZIP1: { prep: prepPerm('ZIP1'), exec: shuffle },
  ZIP2: { prep: prepPerm('ZIP2'), exec: shuffle },
  EXT: { prep: prepExt, exec: shuffle },
  TBL_TBX: { prep: prepTbl, exec: tblExec },
};
