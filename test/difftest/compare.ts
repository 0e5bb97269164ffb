/**
 * Compares qemu's result (expected) with armvisor's (got) for one case and
 * formats mismatches for people: each instruction with its disassembly, then
 * every difference as expected vs got.
 */
import { a64Decoder, disassembleA64 } from '../../src/arch/a64/table.js';
import {
  CODE_ADDR,
  DATA_ADDR,
  SIGBUS,
  SIGNAL_NAMES,
  SIGSEGV,
  SIGVTALRM,
  type CaseResult,
  type TestCase,
} from './case-format.js';
import { PSEUDO_NAMES, STOP_BUDGET } from './armvisor-runner.js';

export interface Difference {
  what: string;
  expected: string;
  got: string;
}

const h64 = (v: bigint): string => '0x' + v.toString(16).padStart(16, '0');
const h32 = (v: number): string => '0x' + (v >>> 0).toString(16).padStart(8, '0');
const signame = (n: number): string => SIGNAL_NAMES[n] ?? PSEUDO_NAMES[n] ?? `signal ${n}`;

/** NZCV as letters, upper case when set: "nZCv". */
const flags = (v: number): string =>
  ['N', 'Z', 'C', 'V'].map((f, i) => ((v >>> (31 - i)) & 1 ? f : f.toLowerCase())).join('');

function vreg(v: Uint8Array, r: number): string {
  const dv = new DataView(v.buffer, v.byteOffset + 16 * r, 16);
  return h64(dv.getBigUint64(8, true)) + ':' + h64(dv.getBigUint64(0, true)).slice(2);
}

function bytes8(b: Uint8Array | undefined): string {
  if (!b) return '(unchanged)';
  return h64(new DataView(b.buffer, b.byteOffset, 8).getBigUint64(0, true));
}

/**
 * What may legitimately differ after a data abort in an instruction that makes
 * several accesses (pairs, SIMD structures, CASP): the registers it loads are
 * UNKNOWN and the memory it stores may be partly written (ARM ARM, "Data
 * Abort on a multiple-access instruction": qemu writes element by element,
 * armvisor probes first). Returns the names of the state to leave out.
 */
export function unknownAfterFault(c: TestCase, r: CaseResult): Set<string> {
  const out = new Set<string>();
  if (r.signo !== SIGSEGV && r.signo !== SIGBUS) return out;
  const i = Number(r.pc - BigInt(CODE_ADDR)) / 4;
  if (!Number.isInteger(i) || i < 0 || i >= c.insns.length) return out;
  // Stores: the part of the access below the faulting address may be written.
  const fa = Number(r.faultAddr & 0xffffffffffffn) & ~7;
  const below = (): void => {
    for (let a = fa - 64; a < fa + 64; a += 8) out.add(`mem[${h32(a)}]`);
  };
  // A single access that crosses into a faulting page may be split, and the
  // part in the good page performed (ARM ARM B2.2: a misaligned access is a
  // set of smaller accesses; qemu splits 128-bit and page-crossing stores).
  // qemu then reports the start of the faulting page.
  if (fa % 4096 === 0) below();
  const dec = a64Decoder();
  const def = dec.lookup(c.insns[i]);
  if (!def || !/pair|multiple structures|single structure/i.test(def.cls)) return out;
  const f: { [k: string]: number } = {};
  const raw = dec.fieldsOf(def, c.insns[i]);
  for (const k in raw) f[k.toLowerCase()] = raw[k];
  if (/structure/i.test(def.cls)) {
    for (let k = 0; k < 4; k++) out.add(`v${(f.rt + k) % 32}`);
  } else {
    // Bit 26 is the V (SIMD&FP register) bit of every load/store pair encoding.
    const bank = (c.insns[i] >>> 26) & 1 ? 'v' : 'x';
    for (const name of ['rt', 'rt2', 'rs']) {
      const n = f[name];
      if (n === undefined || (n === 31 && bank === 'x')) continue; // x31 is XZR or SP, v31 a register
      out.add(`${bank}${n}`);
      if (name === 'rs' && /compare and swap pair/i.test(def.cls)) out.add(`x${n + 1}`);
    }
  }
  below();
  return out;
}

/** Every way `got` differs from `expected`; empty when they agree. */
export function compareResults(expected: CaseResult, got: CaseResult, c?: TestCase): Difference[] {
  const d: Difference[] = [];
  // A sequence that loops (e.g. BLR then RET to itself) ends on qemu's time
  // limit and on armvisor's instruction budget, each at some point in the
  // loop: only the fact that both looped is comparable.
  if (expected.signo === SIGVTALRM || got.signo === STOP_BUDGET) {
    if (expected.signo === SIGVTALRM && got.signo === STOP_BUDGET) return d;
    d.push({ what: 'stop', expected: signame(expected.signo), got: signame(got.signo) });
    return d;
  }
  const unknown =
    c && expected.signo === got.signo && expected.pc === got.pc ? unknownAfterFault(c, expected) : new Set<string>();
  const add = (what: string, e: string, g: string): void => {
    if (e !== g && !unknown.has(what)) d.push({ what, expected: e, got: g });
  };
  add('stop', signame(expected.signo), signame(got.signo));
  add('pc', h64(expected.pc), h64(got.pc));
  if ((expected.signo === SIGSEGV || expected.signo === SIGBUS) && expected.signo === got.signo) {
    // qemu-user reports si_addr 0 for addresses outside its 47-bit guest
    // address space (Linux would report the untagged address): accept that.
    // Top-byte-ignore for EL0 (TCR_EL1.TBI0, addresses with bit 55 clear):
    // qemu-user reports the address with the tag byte cleared, as Linux
    // does without SA_EXPOSE_TAGBITS, and with TBI the architecture leaves
    // FAR[63:56] UNKNOWN; so compare armvisor's address with its tag cleared.
    const untagged = (got.faultAddr >> 55n) & 1n ? got.faultAddr : got.faultAddr & 0x00ffffffffffffffn;
    const outside = untagged >= 1n << 47n;
    if (!(expected.faultAddr === 0n && outside)) add('fault address', h64(expected.faultAddr), h64(untagged));
  }
  const e = expected.state;
  const g = got.state;
  for (let i = 0; i < 31; i++) add(`x${i}`, h64(e.x[i]), h64(g.x[i]));
  add('sp', h64(e.sp), h64(g.sp));
  add('nzcv', flags(e.nzcv), flags(g.nzcv));
  for (let r = 0; r < 32; r++) add(`v${r}`, vreg(e.v, r), vreg(g.v, r));
  add('fpcr', h32(e.fpcr), h32(g.fpcr));
  add('fpsr', h32(e.fpsr), h32(g.fpsr));
  add('tpidr_el0', h64(e.tpidr), h64(g.tpidr));
  const offs = new Set([...expected.diffs.keys(), ...got.diffs.keys()]);
  for (const off of [...offs].sort((a, b) => a - b)) {
    add(`mem[${h32(DATA_ADDR + off)}]`, bytes8(expected.diffs.get(off)), bytes8(got.diffs.get(off)));
  }
  return d;
}

/** The instructions of a case, one per line: address, word, disassembly. */
export function listing(c: TestCase): string[] {
  return c.insns.map((w, i) => {
    const pc = CODE_ADDR + 4 * i;
    let dis: string;
    try {
      dis = disassembleA64(w, BigInt(pc));
    } catch (e) {
      dis = `(disassembler threw: ${(e as Error).message})`;
    }
    return `  ${pc.toString(16)}: ${(w >>> 0).toString(16).padStart(8, '0')}  ${dis}`;
  });
}

/** A readable report of one mismatch. */
export function formatMismatch(
  c: TestCase,
  diffs: Difference[],
  where: { seed: number; index: number; reproduce?: string },
  notes: string[] = [],
): string {
  const feat = c.features?.length ? ` features: ${c.features.join(', ')}` : '';
  const lines = [
    `MISMATCH seed ${where.seed} case ${where.index} [${c.cls}] (${[...new Set(c.entries)].join(', ')})${feat}`,
  ];
  if (where.reproduce) lines.push(`  reproduce: ${where.reproduce}`);
  lines.push(...listing(c));
  const w = Math.max(...diffs.map((x) => x.what.length));
  for (const x of diffs) lines.push(`  ${x.what.padEnd(w)}  expected ${x.expected}  got ${x.got}`);
  for (const n of notes) lines.push(`  note: ${n}`);
  return lines.join('\n');
}
