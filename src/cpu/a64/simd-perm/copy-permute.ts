/**
 * Advanced SIMD copy (DUP, INS, UMOV, SMOV), scalar copy, permute
 * (UZP/TRN/ZIP), extract (EXT) and table lookup (TBL/TBX).
 *
 * DUP (element), UZP/TRN/ZIP and EXT are one generic shuffle: result unit i
 * (a byte, halfword or word, the widest the instruction allows) is read from
 * the absolute unit MAPS[a.map][i] of the register file, into a scratch first
 * (Vd may be a source), then written; a 64-bit result zeroes the upper half.
 * Maps are built in prep and interned.
 */
import { imm5Size } from '../../../arch/a64/tables/simd-perm.js';
import { dstZR, srcZR } from '../regs.js';
import { unallocated, type Args, type Exec, type SemanticsTable } from '../semantics-types.js';

// ------------------------------------------------------------ shuffle

const MAPS: Uint16Array[] = [];
const mapIds = new Map<string, number>();
const tmpBuf = new ArrayBuffer(16);
const tmp8 = new Uint8Array(tmpBuf);
const tmp16 = new Uint16Array(tmpBuf);
const tmp32 = new Int32Array(tmpBuf);

/** Id of a unit map (interned). */
function mapId(map: readonly number[]): number {
  const key = map.join(',');
  let id = mapIds.get(key);
  if (id === undefined) {
    id = MAPS.length;
    MAPS.push(Uint16Array.from(map));
    mapIds.set(key, id);
  }
  return id;
}

const shuffle8: Exec = (cpu, a) => {
  const v = cpu.v8;
  const m = MAPS[a.map];
  const cnt = a.cnt;
  for (let i = 0; i < cnt; i++) tmp8[i] = v[m[i]];
  const w = cpu.vi32;
  const d = a.d;
  w[d] = tmp32[0];
  w[d + 1] = tmp32[1];
  w[d + 2] = a.zhi ? 0 : tmp32[2];
  w[d + 3] = a.zhi ? 0 : tmp32[3];
};

const shuffle16: Exec = (cpu, a) => {
  const v = cpu.v16;
  const m = MAPS[a.map];
  const cnt = a.cnt;
  for (let i = 0; i < cnt; i++) tmp16[i] = v[m[i]];
  const w = cpu.vi32;
  const d = a.d;
  w[d] = tmp32[0];
  w[d + 1] = tmp32[1];
  w[d + 2] = a.zhi ? 0 : tmp32[2];
  w[d + 3] = a.zhi ? 0 : tmp32[3];
};

const shuffle32: Exec = (cpu, a) => {
  const v = cpu.vi32;
  const m = MAPS[a.map];
  const cnt = a.cnt;
  for (let i = 0; i < cnt; i++) tmp32[i] = v[m[i]];
  const d = a.d;
  v[d] = tmp32[0];
  v[d + 1] = tmp32[1];
  v[d + 2] = a.zhi ? 0 : tmp32[2];
  v[d + 3] = a.zhi ? 0 : tmp32[3];
};

/**
 * Set up a shuffle from a byte map: `bytes[i]` (i < live, 8 or 16) is the
 * source byte in [V(rn) | V(rm)] (0..15 from rn, 16..31 from rm). Picks the
 * widest unit the map allows and returns the exec.
 */
function prepShuffle(a: Args, bytes: readonly number[], live: number, rn: number, rm: number): Exec {
  const abs = bytes.map((r) => (r < 16 ? rn * 16 + r : rm * 16 + r - 16));
  let w = 4;
  for (; w > 1; w >>= 1) {
    let ok = true;
    for (let k = 0; k < live && ok; k += w) {
      if (abs[k] % w) ok = false;
      for (let j = 1; j < w; j++) if (abs[k + j] !== abs[k] + j) ok = false;
    }
    if (ok) break;
  }
  const units: number[] = [];
  for (let k = 0; k < live; k += w) units.push(abs[k] / w);
  a.map = mapId(units);
  a.cnt = units.length;
  a.d = a.rd * 4;
  a.zhi = live === 8 ? 1 : 0;
  return w === 4 ? shuffle32 : w === 2 ? shuffle16 : shuffle8;
}

/** Byte map of lane `lane` (element size 1 << size) of the first source repeated over `live` bytes. */
function dupBytes(size: number, lane: number, live: number): number[] {
  const esize = 1 << size;
  const m: number[] = [];
  for (let i = 0; i < live; i++) m.push(lane * esize + (i % esize));
  return m;
}

// ------------------------------------------------------------ copy

function prepDupElem(a: Args): Exec | void {
  const s = imm5Size(a.imm5);
  if (s < 0 || (s === 3 && !a.Q)) return unallocated;
  const live = a.Q ? 16 : 8;
  return prepShuffle(a, dupBytes(s, a.imm5 >>> (s + 1), live), live, a.rn, a.rn);
}

// DUP (element, scalar) = MOV Bd/Hd/Sd/Dd, Vn.T[i]: the lane, the rest of Vd zero.
const dupScalarB: Exec = (cpu, a) => {
  const b = cpu.v8[a.e];
  const w = cpu.vi32;
  w[a.d] = b;
  w[a.d + 1] = 0;
  w[a.d + 2] = 0;
  w[a.d + 3] = 0;
};
const dupScalarH: Exec = (cpu, a) => {
  const h = cpu.v16[a.e];
  const w = cpu.vi32;
  w[a.d] = h;
  w[a.d + 1] = 0;
  w[a.d + 2] = 0;
  w[a.d + 3] = 0;
};
const dupScalarS: Exec = (cpu, a) => {
  const w = cpu.vi32;
  const x = w[a.e];
  w[a.d] = x;
  w[a.d + 1] = 0;
  w[a.d + 2] = 0;
  w[a.d + 3] = 0;
};
const dupScalarD: Exec = (cpu, a) => {
  const w = cpu.vi32;
  const lo = w[a.e];
  const hi = w[a.e + 1];
  w[a.d] = lo;
  w[a.d + 1] = hi;
  w[a.d + 2] = 0;
  w[a.d + 3] = 0;
};

function prepDupScalar(a: Args): Exec | void {
  const s = imm5Size(a.imm5);
  if (s < 0) return unallocated;
  a.e = laneIndex(a, s);
  a.d = a.rd * 4;
  return [dupScalarB, dupScalarH, dupScalarS, dupScalarD][s];
}

// INS (element) = MOV Vd.T[i], Vn.T[j]: one lane copied, the others unchanged.
const insElemB: Exec = (cpu, a) => {
  cpu.v8[a.e] = cpu.v8[a.f];
};
const insElemH: Exec = (cpu, a) => {
  cpu.v16[a.e] = cpu.v16[a.f];
};
const insElemS: Exec = (cpu, a) => {
  cpu.vi32[a.e] = cpu.vi32[a.f];
};
const insElemD: Exec = (cpu, a) => {
  const w = cpu.vi32;
  const lo = w[a.f];
  const hi = w[a.f + 1];
  w[a.e] = lo;
  w[a.e + 1] = hi;
};

function prepInsElem(a: Args): Exec | void {
  const s = imm5Size(a.imm5);
  if (s < 0) return unallocated;
  const dl = a.imm5 >>> (s + 1);
  const sl = a.imm4 >>> s;
  // indices in the view of the lane width (D uses the 32-bit view)
  a.e = s === 3 ? a.rd * 4 + dl * 2 : a.rd * (16 >> s) + dl;
  a.f = s === 3 ? a.rn * 4 + sl * 2 : a.rn * (16 >> s) + sl;
  return [insElemB, insElemH, insElemS, insElemD][s];
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

/** ARM ARM C7.2 UZP1/UZP2, TRN1/TRN2, ZIP1/ZIP2 as a byte map over [Vn | Vm]. */
function permBytes(op: string, size: number, q: number): number[] {
  const esize = 1 << size;
  const elems = (q ? 16 : 8) >> size;
  const half = elems >> 1;
  const part = op.endsWith('2') ? 1 : 0;
  const m: number[] = [];
  for (let i = 0; i < elems; i++) {
    let src: number; // lane number: 0.. from Vn, 16/esize.. from Vm
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
  return m;
}

function prepPerm(op: string): (a: Args) => Exec | void {
  return (a) => {
    if (a.size === 3 && !a.Q) return unallocated;
    return prepShuffle(a, permBytes(op, a.size, a.Q), a.Q ? 16 : 8, a.rn, a.rm);
  };
}

function prepExt(a: Args): Exec | void {
  if (!a.Q && a.imm4 & 8) return unallocated;
  const live = a.Q ? 16 : 8;
  const m: number[] = [];
  for (let i = 0; i < live; i++) {
    const j = a.imm4 + i; // byte of Vm:Vn (each `live` bytes long)
    m.push(j < live ? j : 16 + (j - live));
  }
  return prepShuffle(a, m, live, a.rn, a.rm);
}

// ------------------------------------------------------------ table lookup

/**
 * TBL/TBX: index byte j selects byte j & 15 of table register (rn + (j >> 4))
 * mod 32 when j < a.limit (16 × registers); otherwise 0 (TBL) or Vd's byte
 * (TBX). Results go to a scratch first: Vd may be the index or a table register.
 */
const tblExec: Exec = (cpu, a) => {
  const v = cpu.v8;
  const m = a.rm * 16;
  const d = a.rd * 16;
  const limit = a.limit;
  const rn = a.rn;
  const tbx = a.op;
  const cnt = a.bytes;
  for (let i = 0; i < cnt; i++) {
    const j = v[m + i];
    tmp8[i] = j < limit ? v[((rn + (j >> 4)) & 31) * 16 + (j & 15)] : tbx ? v[d + i] : 0;
  }
  const w = cpu.vi32;
  const d4 = a.rd * 4;
  w[d4] = tmp32[0];
  w[d4 + 1] = tmp32[1];
  w[d4 + 2] = cnt === 8 ? 0 : tmp32[2];
  w[d4 + 3] = cnt === 8 ? 0 : tmp32[3];
};

function prepTbl(a: Args): Exec | void {
  a.limit = (a.len + 1) * 16;
  a.bytes = a.Q ? 16 : 8;
}

export const copyPermuteSemantics: SemanticsTable = {
  DUP_elem: { prep: prepDupElem, exec: unallocated },
  DUP_elem_scalar: { prep: prepDupScalar, exec: unallocated },
  INS_elem: { prep: prepInsElem, exec: unallocated },
  DUP_gen: { prep: prepDupGen, exec: unallocated },
  INS_gen: { prep: prepInsGen, exec: unallocated },
  UMOV: { prep: prepUmov, exec: unallocated },
  SMOV: { prep: prepSmov, exec: unallocated },
  UZP1: { prep: prepPerm('UZP1'), exec: unallocated },
  UZP2: { prep: prepPerm('UZP2'), exec: unallocated },
  TRN1: { prep: prepPerm('TRN1'), exec: unallocated },
  TRN2: { prep: prepPerm('TRN2'), exec: unallocated },
  ZIP1: { prep: prepPerm('ZIP1'), exec: unallocated },
  ZIP2: { prep: prepPerm('ZIP2'), exec: unallocated },
  EXT: { prep: prepExt, exec: unallocated },
  TBL_TBX: { prep: prepTbl, exec: tblExec },
};
