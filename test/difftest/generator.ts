/**
 * Random test cases per encoding class: sequences of 1..K instructions of one
 * class, each made by filling a randomly chosen entry's fields with random
 * values (checked to decode back to that entry), plus a random initial state
 * biased towards interesting values. Constraints per class: ./hooks.ts.
 */
import { a64Decoder, a64Encodings } from '../../src/arch/a64/table.js';
import type { A64Def } from '../../src/arch/a64/encoding.js';
import { parsePattern, type FieldSpec, type ParsedPattern } from '../../src/arch/decodetree.js';
import { semanticsFor } from '../../src/cpu/a64/semantics/index.js';
import { CODE_ADDR, DATA_ADDR, DATA_SIZE, emptyState, type CpuState, type TestCase } from './case-format.js';
import { armvisorUndefined } from './armvisor-probe.js';
import { hooksFor, type Hook, type LowerFields } from './hooks.js';
import { Prng } from './prng.js';

export interface ClassInfo {
  cls: string;
  /** Entries with semantics in armvisor: these are generated. */
  entries: GenEntry[];
  /** Entries of the class without semantics yet: skipped. */
  missing: string[];
}

export interface GenEntry {
  def: A64Def;
  parsed: ParsedPattern;
  hooks: Hook[];
  byName: Map<string, FieldSpec>;
  /** No allocated word found in many tries (e.g. ERET, SYSL at EL0): picked rarely. Lazily computed. */
  mostlyUndefined?: boolean;
}

/**
 * Whether armvisor finds (almost) no allocated word for the entry: probed
 * once with a PRNG seeded from the entry's name, so the answer does not
 * depend on what was generated before (cases stay reproducible one by one).
 */
function mostlyUndefined(e: GenEntry): boolean {
  if (e.mostlyUndefined === undefined) {
    let seed = 0;
    for (let i = 0; i < e.def.name.length; i++) seed = Math.imul(seed ^ e.def.name.charCodeAt(i), 0x01000193);
    const rng = new Prng(seed);
    let allocated = 0;
    for (let t = 0; t < 48 && allocated === 0; t++) {
      let w = (e.parsed.value | (rng.u32() & ~e.parsed.mask)) >>> 0;
      for (const h of e.hooks)
        if (h.choose && rng.chance(h.choose.p)) w = ((w & ~h.choose.mask) | rng.pick(h.choose.values)) >>> 0;
      if (a64Decoder().lookup(w) === e.def && !armvisorUndefined(w)) allocated++;
    }
    e.mostlyUndefined = allocated === 0;
  }
  return e.mostlyUndefined;
}

/** Every class of the table, in table order, with its generatable and missing entries. */
export function classes(): ClassInfo[] {
  const out = new Map<string, ClassInfo>();
  for (const def of a64Encodings) {
    let c = out.get(def.cls);
    if (!c) out.set(def.cls, (c = { cls: def.cls, entries: [], missing: [] }));
    if (!semanticsFor(def.name)) {
      c.missing.push(def.name);
      continue;
    }
    const parsed = parsePattern(def.pattern);
    const byName = new Map<string, FieldSpec>();
    for (const f of parsed.fields) byName.set(f.name.toLowerCase(), f);
    c.entries.push({ def, parsed, hooks: hooksFor(def.cls, def.name), byName });
  }
  return [...out.values()];
}

/** Put `value` into the bits of field `f` of word `w`. */
export function setField(w: number, f: FieldSpec, value: number): number {
  let v = value;
  for (let i = f.parts.length - 1; i >= 0; i--) {
    const p = f.parts[i];
    const m = p.len === 32 ? -1 : (1 << p.len) - 1;
    w = (w & ~(m << p.pos)) | ((v & m) << p.pos);
    v = p.len === 32 ? 0 : v >> p.len;
  }
  return w >>> 0;
}

const lowerFields = (e: GenEntry, w: number): LowerFields => {
  const f = a64Decoder().fieldsOf(e.def, w);
  const out: { [k: string]: number } = {};
  for (const k in f) out[k.toLowerCase()] = f[k];
  return out;
};

/** Register constraints collected from a sequence, applied to the initial state. */
interface RegNeeds {
  /** Bits shared by the whole sequence (hook.uniform): mask -> value. */
  uniform: Map<number, number>;
  base: Map<number, boolean>; // reg -> strict alignment
  index: Set<number>;
  branchTo: Map<number, number>; // reg -> instruction index of the target
}

const MAX_TRIES = 64;
/** Share of generated words armvisor considers UNDEFINED that are kept (to test those decisions). */
const UNDEFINED_SHARE = 0.1;

/**
 * One random instruction of entry `e` at position `i` of a sequence of `n`
 * (the end trap is at index n). Returns null when no acceptable word was found.
 */
export function randomInsn(rng: Prng, e: GenEntry, i: number, n: number, needs: RegNeeds): number | null {
  const dec = a64Decoder();
  // Mostly allocated words (as armvisor sees it), so that sequences run on;
  // a few UNDEFINED ones to check those decisions against qemu.
  const allowUndefined = rng.chance(UNDEFINED_SHARE);
  for (let t = 0; t < MAX_TRIES; t++) {
    let w = (e.parsed.value | (rng.u32() & ~e.parsed.mask)) >>> 0;
    for (const h of e.hooks) {
      if (h.choose && rng.chance(h.choose.p)) w = ((w & ~h.choose.mask) | rng.pick(h.choose.values)) >>> 0;
    }
    for (const h of e.hooks) if (h.fixup) w = h.fixup(w, rng.u32() / 4294967296) >>> 0;
    const hooks = e.hooks.filter((h) => !h.word || h.word(w));
    for (const h of hooks) {
      for (const name of h.branch ?? []) {
        const f = e.byName.get(name);
        if (f) w = setField(w, f, rng.range(1, n - i));
      }
      for (const name of h.literal ?? []) {
        const f = e.byName.get(name);
        if (f) w = setField(w, f, rng.range(-i, n - i + 8));
      }
    }
    for (const h of hooks) {
      if (h.uniform === undefined) continue;
      const v = needs.uniform.get(h.uniform);
      if (v !== undefined) w = ((w & ~h.uniform) | v) >>> 0;
    }
    if (dec.lookup(w) !== e.def) continue;
    if (!allowUndefined && t < MAX_TRIES - 8 && armvisorUndefined(w)) continue;
    // Hooks are re-checked on the final word (word predicates may now differ).
    const final = e.hooks.filter((h) => !h.word || h.word(w));
    const f = lowerFields(e, w);
    if (final.some((h) => h.exclude !== undefined && (h.excludeIf ? h.excludeIf(f, w) : true))) continue;
    for (const h of final) {
      if (h.uniform !== undefined && !needs.uniform.has(h.uniform)) needs.uniform.set(h.uniform, (w & h.uniform) >>> 0);
      for (const name of h.memBase ?? []) {
        const r = f[name];
        if (r !== undefined) needs.base.set(r, (needs.base.get(r) ?? false) || h.strictAlign === true);
      }
      for (const name of h.index ?? []) {
        const r = f[name];
        if (r !== undefined && r !== 31) needs.index.add(r);
      }
      for (const name of h.branchReg ?? []) {
        const r = f[name];
        if (r !== undefined && r !== 31) needs.branchTo.set(r, rng.range(i + 1, n));
      }
    }
    return w;
  }
  return null;
}

// ------------------------------------------------------------------ initial state

const INTERESTING_X: readonly bigint[] = [
  0n,
  1n,
  2n,
  0xffffffffffffffffn,
  0xfffffffffffffffen,
  0x7fffffffffffffffn,
  0x8000000000000000n,
  0x7fffffffn,
  0x80000000n,
  0xffffffffn,
  0x100000000n,
  0xffffffff80000000n,
  0x8000000000000001n,
  0x7fffn,
  0x8000n,
  0xffffn,
  0x7fn,
  0x80n,
  0xffn,
  0x5555555555555555n,
  0xaaaaaaaaaaaaaaaan,
];

const F64_SPECIAL: readonly bigint[] = [
  0x0000000000000000n,
  0x8000000000000000n, // ±0
  0x7ff0000000000000n,
  0xfff0000000000000n, // ±inf
  0x7ff8000000000000n,
  0xfff8000000000000n,
  0x7ff8000000000123n, // qNaN, with payload
  0x7ff0000000000001n,
  0x7ff4000000000000n,
  0xfff0000000000abcn, // sNaN
  0x0000000000000001n,
  0x000fffffffffffffn,
  0x8000000000000001n, // denormals
  0x0010000000000000n,
  0x7fefffffffffffffn,
  0xffefffffffffffffn, // min/max normal
  0x3ff0000000000000n,
  0xbff0000000000000n,
  0x3fe0000000000000n,
  0x4000000000000000n,
  0x4008000000000000n, // ±1, 0.5, 2, 3
  0x43e0000000000000n,
  0xc3e0000000000000n,
  0x41e0000000000000n,
  0x3ff8000000000000n,
  0x4004000000000000n, // 2^63, -2^63, 2^31, 1.5, 2.5
];
const F32_SPECIAL: readonly number[] = [
  0x00000000, 0x80000000, 0x7f800000, 0xff800000, 0x7fc00000, 0xffc00000, 0x7fc00123, 0x7f800001, 0x7fa00000,
  0x00000001, 0x007fffff, 0x80000001, 0x00800000, 0x7f7fffff, 0xff7fffff, 0x3f800000, 0xbf800000, 0x3f000000,
  0x40000000, 0x40400000, 0x5f000000, 0xdf000000, 0x4f000000, 0x3fc00000, 0x40200000,
];
const F16_SPECIAL: readonly number[] = [
  0x0000, 0x8000, 0x7c00, 0xfc00, 0x7e00, 0xfe00, 0x7e12, 0x7c01, 0x7d00, 0x0001, 0x03ff, 0x8001, 0x0400, 0x7bff,
  0xfbff, 0x3c00, 0xbc00, 0x3800, 0x4000, 0x4200, 0x3e00, 0x4100,
];

function randomX(rng: Prng): bigint {
  const k = rng.below(100);
  if (k < 30) return rng.u64();
  if (k < 40) return BigInt(rng.u32());
  if (k < 65) return rng.pick(INTERESTING_X);
  if (k < 85) return BigInt(rng.below(65));
  if (k < 92) return BigInt.asUintN(64, -BigInt(rng.range(1, 64)));
  return BigInt(dataAddress(rng, false));
}

/** An address inside the data block, mostly 16-byte aligned, near the middle (immediate offsets reach both ways). */
function dataAddress(rng: Prng, strict: boolean, sp = false): number {
  const k = rng.below(100);
  let off: number;
  if (k < 80) off = 0x8000 + rng.range(-0x2000, 0x2000);
  else if (k < 90)
    off = rng.below(0x200); // near the start: negative offsets fault
  else off = DATA_SIZE - rng.range(1, 0x200); // near the end: accesses may cross out
  if (sp) off &= ~15;
  else if (strict ? rng.chance(0.95) : rng.chance(0.75)) off &= ~15;
  return DATA_ADDR + off;
}

function randomV(rng: Prng, out: Uint8Array, reg: number): void {
  const dv = new DataView(out.buffer, out.byteOffset + 16 * reg, 16);
  const k = rng.below(100);
  for (let i = 0; i < 4; i++) dv.setUint32(4 * i, rng.u32(), true);
  if (k < 35) return;
  const special = 0.6;
  if (k < 55) {
    for (let i = 0; i < 2; i++) if (rng.chance(special)) dv.setBigUint64(8 * i, rng.pick(F64_SPECIAL), true);
  } else if (k < 80) {
    for (let i = 0; i < 4; i++) if (rng.chance(special)) dv.setUint32(4 * i, rng.pick(F32_SPECIAL), true);
  } else {
    for (let i = 0; i < 8; i++) if (rng.chance(special)) dv.setUint16(2 * i, rng.pick(F16_SPECIAL), true);
  }
}

function randomFpcr(rng: Prng): number {
  if (rng.chance(0.4)) return 0;
  let v = rng.below(4) << 22; // RMode
  if (rng.chance(0.3)) v |= 1 << 24; // FZ
  if (rng.chance(0.3)) v |= 1 << 25; // DN
  if (rng.chance(0.3)) v |= 1 << 26; // AHP
  if (rng.chance(0.3)) v |= 1 << 19; // FZ16
  return v >>> 0;
}

function randomFpsr(rng: Prng): number {
  if (rng.chance(0.5)) return 0;
  let v = 0;
  for (const b of [0, 1, 2, 3, 4, 7, 27]) if (rng.chance(0.3)) v |= 1 << b;
  return v >>> 0;
}

export function randomState(rng: Prng): CpuState {
  const s = emptyState();
  for (let i = 0; i < 31; i++) s.x[i] = randomX(rng);
  s.sp = BigInt(dataAddress(rng, true, true));
  s.tpidr = rng.chance(0.5) ? 0n : rng.u64();
  s.nzcv = (rng.below(16) << 28) >>> 0;
  s.fpcr = randomFpcr(rng);
  s.fpsr = randomFpsr(rng);
  for (let r = 0; r < 32; r++) randomV(rng, s.v, r);
  return s;
}

/** A random sequence of 1..maxLen instructions of class `c` (null if none could be made). */
export interface GenOptions {
  /** Longest sequence. */
  maxLen: number;
  /** Sometimes give memory bases a top-byte tag (Linux's TBI for EL0); case feature "tbi". */
  tbi?: boolean;
}

export function generateCase(rng: Prng, c: ClassInfo, opts: GenOptions, only?: GenEntry[]): TestCase | null {
  const maxLen = opts.maxLen;
  const tbi = opts.tbi ?? true;
  const features = new Set<string>();
  const pool = only ?? c.entries;
  if (pool.length === 0) return null;
  const n = rng.range(1, maxLen);
  const needs: RegNeeds = { uniform: new Map(), base: new Map(), index: new Set(), branchTo: new Map() };
  const insns: number[] = [];
  const names: string[] = [];
  for (let i = 0; i < n; i++) {
    let w: number | null = null;
    let e: GenEntry | null = null;
    for (let t = 0; t < 8 && w === null; t++) {
      e = rng.pick(pool);
      if (pool.length > 1 && mostlyUndefined(e) && rng.chance(0.8)) e = rng.pick(pool);
      w = randomInsn(rng, e, i, n, needs);
    }
    if (w === null || e === null) return null;
    insns.push(w);
    names.push(e.def.name);
  }
  const state = randomState(rng);
  for (const r of needs.index) {
    const v = rng.chance(0.8) ? BigInt(rng.below(0x100)) : BigInt.asUintN(64, -BigInt(rng.range(1, 0x100)));
    state.x[r] = v;
  }
  for (const [r, strict] of needs.base) {
    if (r === 31) state.sp = BigInt(dataAddress(rng, true, true));
    else {
      // Linux enables TBI for EL0: a tag in the top byte is ignored by loads and stores.
      const tag = tbi && rng.chance(0.05) ? BigInt(rng.range(1, 255)) << 56n : 0n;
      if (tag) features.add('tbi');
      state.x[r] = BigInt(dataAddress(rng, strict)) | tag;
    }
  }
  for (const [r, target] of needs.branchTo) state.x[r] = BigInt(CODE_ADDR + 4 * target);
  return { cls: c.cls, entries: names, insns, dataSeed: rng.u32(), state, features: [...features] };
}
