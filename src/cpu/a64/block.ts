/**
 * Block compilation: the interpreter's answer to its dispatch cost.
 *
 * Interpreting calls each instruction's exec through one call site that sees
 * every exec there is, so V8 can neither predict nor inline it (see
 * docs/PERFORMANCE.md, "What limits speed"). For a hot run of instructions we
 * generate, once, a JavaScript function. An instruction whose exec has a code
 * template (templates.ts) is emitted inline as source with its decoded fields
 * as constants; any other calls its exec with its Args record from a call
 * site of its own (V8 calls it directly and may inline it).
 *
 * The generated function `block(cpu, left, d, base)` returns the number of
 * instructions it executed (at most `left`, the caller's remaining budget,
 * which is at least the block's length). It always leaves with the PC set to
 * the next instruction to run (cpu.stopReason set if an exec stopped). Before
 * an instruction that may fault (an exec call, or a template's slow path) it
 * records the instructions completed before it in cpu.blockIndex (counting
 * those of the chained blocks that called this one: its `base` argument) and
 * its Args in cpu.blockArgs, so a fault thrown inside is placed exactly. After an instruction that may write memory it checks that the code
 * page is still valid (self-modifying code): if not, it leaves with the PC at
 * the next instruction.
 *
 * Registers: template code reads and writes cpu.x, or, in blocks that mostly
 * run to their end (see the cost rule in compileBlock), JavaScript locals
 * loaded at entry, written back before every exit and every exec call, and
 * reloaded after each call, so that TurboFan keeps them in machine registers.
 *
 * A taken branch back to the block's own start (a loop) runs the next round
 * inside the function while the budget allows. A branch to a known address
 * (and the fall-through at the end) goes directly to the block compiled there
 * when the exit's link cell holds it (chaining, at most MAX_CHAIN deep); the
 * run loop fills the cell (cpu.linkCell/linkIdx) the next time it enters a
 * block after such an exit. Indirect branches (BR/BLR/RET) use their cell as a
 * one-entry cache checked against the target. A link is only followed when
 * the block is still valid and starts at the exit's target.
 */
import type { A64Cpu } from './cpu.js';
import type { Args, Exec } from './semantics-types.js';
import { LIB, arrayReg, templateOf, type Gen } from './templates.js';

export type BlockFn = (cpu: A64Cpu, left: number, d: number, base: number) => number;

export class CompiledBlock {
  /** False once its code page was invalidated. */
  valid = true;
  constructor(
    readonly fn: BlockFn,
    readonly len: number,
    readonly pcLo: number,
    readonly pcHi: number,
  ) {}
}

/** Longest block; a block also ends at the end of its page. */
export const MAX_BLOCK = 48;
/**
 * Entries into a slot before its block is compiled. Compiling costs V8 work
 * that only pays for code run thousands of times: at 64, the large cold code
 * of a program start (python3 runs 27 M instructions to print one line) spent
 * more time compiling than running (11.6 s); at 2000 it took 4.7-5.6 s, with
 * the benchmarks' loops as fast as before.
 */
export const HOT_THRESHOLD = 2000;
/** Deepest nesting of chained block calls. */
export const MAX_CHAIN = 12;

/** The page object the block checks for validity (CodePage satisfies it). */
interface ValidFlag {
  valid: boolean;
}

/** Link cells of one block, one per exit (see cpu.linkCell). */
export type LinkCells = (CompiledBlock | undefined)[];

export function compileBlock(
  execs: readonly Exec[],
  args: readonly Args[],
  mayWrite: readonly boolean[],
  page: ValidFlag,
): CompiledBlock {
  const len = execs.length;
  const links: LinkCells = [];
  const params: string[] = ['P', 'L', 'K', 'X', 'S'];
  const values: unknown[] = [page, LIB, links, leaveBlock, slowPath];
  const start = args[0];
  const startLo = start.pcLo | 0;
  const startHi = start.pcHi | 0;
  // Code that leaves with n already counting the instructions done, the PC being (lo, hi) expressions.
  const leave = (lo: string, hi: string): string => {
    const j = links.length;
    links.push(undefined);
    return `${FLUSH} return X(cpu, K, ${j}, ${lo}, ${hi}, n, left, d, base);`;
  };
  // Guest registers in JavaScript locals (R<i> for cpu.x[i]) or plain cpu.x
  // accesses. With locals, every exec call and every exit writes the written
  // ones back (FLUSH) and a call reloads them after (RELOAD).
  let calls = 0;
  let exits = 0;
  let firstExit = -1;
  let loopBack = -1;
  for (let i = 0; i < len; i++) {
    const t = useTemplates ? templateOf(execs[i]) : undefined;
    const gen = t?.op ?? t?.mem;
    const isCall = gen !== undefined ? gen(args[i], PROBE) === null : t?.dyn === undefined && t?.cond === undefined;
    if (isCall) calls++;
    if (t?.cond !== undefined) {
      if ((args[i].tLo | 0) === startLo && (args[i].tHi | 0) === startHi) {
        if (loopBack < 0) loopBack = i;
      } else if (i < len - 1) {
        exits++;
        if (firstExit < 0) firstExit = i;
      }
    }
  }
  // Loading the locals at entry and writing them back at an exit costs about
  // as much as the accesses they save in a few instructions: worth it for a
  // long block without early exits, or a loop with no exit inside its body,
  // which mostly run to their end (measured: sha256 -7% to -30%; qsort +23% to
  // +40% with locals in every block, whose short blocks and early-exiting
  // loops lose).
  const tightLoop = loopBack >= 0 && (firstExit < 0 || firstExit > loopBack);
  const locals =
    useTemplates &&
    (localsMode === 'always' ||
      (localsMode === 'auto' &&
        calls <= MAX_CALLS_FOR_LOCALS &&
        (tightLoop || (exits <= MAX_EXITS_FOR_LOCALS && len >= MIN_LEN_FOR_LOCALS))));
  const reg = locals ? localReg : arrayReg;
  let body = '';
  for (let i = 0; i < len; i++) {
    params.push(`e${i}`, `a${i}`);
    values.push(execs[i], args[i]);
    const a = args[i];
    const t = useTemplates ? templateOf(execs[i]) : undefined;
    const at = `cpu.blockIndex = base + n + ${i}; cpu.blockArgs = a${i};`;
    const slow = `${FLUSH} S(cpu, e${i}, a${i}, base + n, ${i}); ${RELOAD}`;
    const g: Gen = { r: reg, slow };
    // Leaving through a taken branch whose target is known now.
    const exitTo = (lo: number, hi: number): string =>
      `{ n += ${i + 1};` +
      (lo === startLo && hi === startHi ? ` if (n + ${len} <= left) continue;` : '') +
      ` ${leave(`${lo}`, `${hi}`)} }`;
    const code = t?.op ? t.op(a, g) : t?.mem ? t.mem(a, g) : null;
    if (code !== null) {
      body += `{ ${code} }\n`;
    } else if (t?.dyn) {
      // Indirect branch: the target is read from registers.
      body +=
        `{ let _tl = 0, _th = 0; ${t.dyn(a, g)} n += ${i + 1};` +
        ` if (_tl === ${startLo} && _th === ${startHi} && n + ${len} <= left) continue; ${leave('_tl', '_th')} }\n`;
    } else if (t?.cond !== undefined) {
      const pre = t.pre ? t.pre(a, g) : '';
      const c = t.cond(a, g);
      const to = exitTo(a.tLo | 0, a.tHi | 0);
      body += c === '' ? `{ ${pre} ${to} }\n` : `{ ${pre} if (${c}) ${to} }\n`;
    } else {
      // An exec that returns truthy has set the PC (a taken branch) or stopped the CPU.
      const taken =
        `{ n += ${i + 1}; if (cpu.pcLo === ${startLo} && cpu.pcHi === ${startHi} && ` +
        `cpu.stopReason === 0 && n + ${len} <= left) continue; return n; }`;
      body += `${FLUSH} ${at} const _t${i} = e${i}(cpu, a${i}); ${RELOAD} if (_t${i}) ${taken}\n`;
    }
    if (mayWrite[i] && i + 1 < len && !(code !== null && t?.readOnly)) {
      // The next instruction's address, for leaving the block after a store into it.
      const a = args[i + 1];
      body += `if (!P.valid) { ${FLUSH} cpu.pcLo = ${a.pcLo | 0}; cpu.pcHi = ${a.pcHi | 0}; return n + ${i + 1}; }\n`;
    }
  }
  // Falling through the end: to the next instruction (possibly in the next page);
  // nothing to emit after an unconditional branch template.
  const lastT = useTemplates ? templateOf(execs[len - 1]) : undefined;
  const endsAlways =
    lastT !== undefined &&
    (lastT.dyn !== undefined ||
      (lastT.cond !== undefined && lastT.cond(args[len - 1], { r: arrayReg, slow: '' }) === ''));
  const endLo = (args[len - 1].pcLo + 4) | 0;
  const endHi = endLo === 0 ? (args[len - 1].pcHi + 1) | 0 : args[len - 1].pcHi | 0;
  if (!endsAlways) body += `n += ${len}; ${leave(`${endLo}`, `${endHi}`)}\n`;
  let decl = '';
  let flush = '';
  let reload = '';
  if (locals) {
    const used = new Set<number>();
    const written = new Set<number>();
    for (const m of body.matchAll(/\bR(\d+)\b/g)) used.add(Number(m[1]));
    for (const m of body.matchAll(/\bR(\d+) = (?!=)/g)) written.add(Number(m[1]));
    const u = [...used].sort((p, q) => p - q);
    decl = u.length ? `let ${u.map((k) => `R${k} = x[${k}]`).join(', ')};\n` : '';
    flush = [...written].map((k) => `x[${k}] = R${k};`).join(' ');
    reload = u.map((k) => `R${k} = x[${k}];`).join(' ');
  }
  body = body.split(FLUSH).join(flush).split(RELOAD).join(reload);
  const fn =
    `return function block(cpu, left, d, base) {\n` +
    `${prologue(body + decl)}\n` +
    `${decl}let n = 0;\nfor (;;) {\n${body}}\n};`;
  const make = new Function(...params, fn) as (...v: unknown[]) => BlockFn;
  return new CompiledBlock(make(...values), len, startLo, startHi);
}

/** Whether compileBlock uses code templates (off: every instruction is a call; for A/B tests). */
let useTemplates = true;
/** Guest registers in locals: by the cost rule of compileBlock, in every block, or never (tests). */
export type LocalsMode = 'auto' | 'always' | 'never';
let localsMode: LocalsMode = 'auto';
/** For tests and measurements: blocks compiled from now on use these settings. */
export function setBlockTemplates(on: boolean, locals: LocalsMode = 'auto'): void {
  useTemplates = on;
  localsMode = locals;
}

/** Blocks with more exec calls than this keep registers in cpu.x (each call writes back and reloads). */
const MAX_CALLS_FOR_LOCALS = 3;
/** Blocks (other than tight loops) with more conditional exits before their end keep registers in cpu.x. */
const MAX_EXITS_FOR_LOCALS = 0;
/** Shortest block (other than a tight loop) with registers in locals. */
const MIN_LEN_FOR_LOCALS = 16;
/**
 * A block's exit to (lo, hi) through its link cell K[j], with n instructions
 * done: the chained block when the cell holds the one starting there (still
 * valid, within the depth and the budget), else back to the run loop, which
 * fills the cell. Shared by every exit of every block, so its type feedback is
 * warm from the start (exits compiled inline deoptimised the first time each
 * was taken) and the blocks' bytecode stays small (TurboFan inlines it).
 */
function leaveBlock(
  cpu: A64Cpu,
  K: LinkCells,
  j: number,
  lo: number,
  hi: number,
  n: number,
  left: number,
  d: number,
  base: number,
): number {
  cpu.pcLo = lo;
  cpu.pcHi = hi;
  const nb = K[j];
  if (nb !== undefined && nb.pcLo === lo && nb.pcHi === hi && nb.valid && d < MAX_CHAIN && n + nb.len <= left)
    return n + nb.fn(cpu, left - n, d + 1, base + n);
  cpu.linkCell = K;
  cpu.linkIdx = j;
  return n;
}

/** A template's slow path: the exec, with the place of a fault recorded first (shared, as leaveBlock). */
function slowPath(cpu: A64Cpu, e: Exec, a: Args, done: number, i: number): void {
  cpu.blockIndex = done + i;
  cpu.blockArgs = a;
  e(cpu, a);
}

/** The entry loads of the arrays the block's code uses (fewer loads per block entry). */
function prologue(code: string): string {
  const arrays: [string, string][] = [
    ['x', 'cpu.x'],
    ['V', 'cpu.vi32'],
    ['B8', 'cpu.v8'],
    ['H16', 'cpu.v16'],
    ['W32', 'cpu.v32'],
    ['rTL', 'cpu.rTagLo'],
    ['rTH', 'cpu.rTagHi'],
    ['rO', 'cpu.rOff'],
    ['wTL', 'cpu.wTagLo'],
    ['wTH', 'cpu.wTagHi'],
    ['wO', 'cpu.wOff'],
  ];
  const used = arrays.filter(([name]) => new RegExp(`\\b${name}\\[`).test(code));
  return used.length ? `const ${used.map(([name, e]) => `${name} = ${e}`).join(', ')};` : '';
}

/** Placeholders for the write-back and reload code, known once the whole block is generated. */
const FLUSH = '/*@flush*/';
const RELOAD = '/*@reload*/';
const ZERO_LO = 64;
/** Register expression when registers live in locals. */
const localReg = (i: number): string => (i === ZERO_LO || i === ZERO_LO + 1 ? '0' : `R${i}`);
/** A Gen for asking a template whether it handles an instance (its code is discarded). */
const PROBE: Gen = { r: arrayReg, slow: '' };
