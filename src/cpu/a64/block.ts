/**
 * Block compilation: the interpreter's answer to its dispatch cost.
 *
 * Interpreting calls each instruction's exec through one call site that sees
 * every exec there is, so V8 can neither predict nor inline it (see
 * docs/PERFORMANCE.md, "What limits speed"). For a hot run of instructions we
 * generate, once, a JavaScript function that calls the same execs with the
 * same Args records from call sites of its own: each site sees one target,
 * which V8 calls directly and usually inlines. Semantics stay where they are
 * (prep/exec); nothing is duplicated.
 *
 * The generated function `block(cpu, left)` returns the number of
 * instructions it executed (at most `left`, the caller's remaining budget,
 * which is at least the block's length) and sets cpu.blockBranched: 1 when
 * the last one's exec returned truthy (a taken branch or a stop; the exec has
 * set the PC), 0 when the block fell through its end. Before each instruction
 * it records its index in cpu.blockIndex (and the instructions completed in
 * earlier rounds in cpu.blockDone), so a fault thrown inside is placed
 * exactly. After an instruction that may write memory it checks that the code
 * page is still valid (self-modifying code): if not, it sets the PC to the
 * next instruction and leaves as if it had branched there.
 *
 * A taken branch back to the block's own start (a loop) runs the next round
 * inside the function while the budget allows.
 */
import type { A64Cpu } from './cpu.js';
import type { Args, Exec } from './semantics-types.js';

export type BlockFn = (cpu: A64Cpu, left: number) => number;

export interface CompiledBlock {
  fn: BlockFn;
  len: number;
}

/** Longest block; a block also ends at the end of its page. */
export const MAX_BLOCK = 48;
/** Entries into a slot before its block is compiled. */
export const HOT_THRESHOLD = 64;

/** The page object the block checks for validity (CodePage satisfies it). */
interface ValidFlag {
  valid: boolean;
}

export function compileBlock(
  execs: readonly Exec[],
  args: readonly Args[],
  mayWrite: readonly boolean[],
  page: ValidFlag,
): CompiledBlock {
  const len = execs.length;
  const params: string[] = ['P'];
  const values: unknown[] = [page];
  const start = args[0];
  let body = '';
  for (let i = 0; i < len; i++) {
    params.push(`e${i}`, `a${i}`);
    values.push(execs[i], args[i]);
    // A taken branch back to the start (a loop): another round if the budget allows.
    const taken =
      `{ n += ${i + 1}; if (cpu.pcLo === ${start.pcLo | 0} && cpu.pcHi === ${start.pcHi | 0} && ` +
      `cpu.stopReason === 0 && n + ${len} <= left) continue; cpu.blockBranched = 1; return n; }`;
    body += `cpu.blockIndex = ${i}; if (e${i}(cpu, a${i})) ${taken}\n`;
    if (mayWrite[i] && i + 1 < len) {
      // The next instruction's address, for leaving the block after a store into it.
      const a = args[i + 1];
      body += `if (!P.valid) { cpu.pcLo = ${a.pcLo | 0}; cpu.pcHi = ${a.pcHi | 0}; cpu.blockBranched = 1; return n + ${i + 1}; }\n`;
    }
  }
  const fn = `return function block(cpu, left) {\nlet n = 0;\nfor (;;) {\ncpu.blockDone = n;\n${body}cpu.blockBranched = 0;\nreturn n + ${len};\n}\n};`;
  const make = new Function(...params, fn) as (...v: unknown[]) => BlockFn;
  return { fn: make(...values), len };
}
