/**
 * Code templates for compiled blocks (block.ts).
 *
 * A template belongs to one exec (a specialised exec chosen by prep) and
 * writes that instruction's semantics as JavaScript source, with the decoded
 * fields of one instance (register slots, immediates, shift amounts) as
 * literal constants. compileBlock emits the source inline instead of a call
 * `eN(cpu, aN)`; an exec without a template keeps its call. The exec stays the
 * reference: templates are checked against the pure interpreter (test/cpu/a64/
 * block-templates.test.ts and the difftester's --blocks mode).
 *
 * Conventions of the emitted code:
 * - `g.r(i)` is the expression for the register half at index i of cpu.x (the
 *   zero slot reads as the literal 0); assign to it to write. Read every
 *   source into a temporary before writing any destination (Rd may be Rn).
 * - `cpu` is the CPU, `V` is cpu.vi32 (the SIMD&FP registers as 32-bit
 *   lanes), `B8`/`H16`/`W32` are cpu.v8/v16/v32 (unsigned lanes); `L` holds
 *   helper functions (see LIB).
 * - Temporaries start with `_`; each template's code is put in a block of its
 *   own, so names do not collide.
 * - Straight templates (`op`) must not throw, stop or branch.
 * - Memory templates (`mem`) do the common case inline (the access within one
 *   page, TLB hit) and otherwise run `g.slow`, which calls the exec itself
 *   (it recomputes everything from the unchanged registers, may fault).
 * - Branch templates give `cond` (a boolean expression; '' = always) and
 *   optionally `pre` (code run before the branch when taken or not, e.g. BL's
 *   link) and `dyn` (the target is in registers: code that sets `_tl`/`_th`).
 */
import type { Args, Exec } from './semantics-types.js';
import { SLOT_ZERO } from './regs.js';
import { mulhu32 } from './int/alu.js';

export interface Gen {
  /** Expression for the register half x[i] (assignable unless the zero slot). */
  r(i: number): string;
  /** Code that runs the instruction through its exec (memory templates' slow path). */
  readonly slow: string;
}

export interface Template {
  /** Straight-line code (no fault, no branch); null: this instance keeps the exec call. */
  op?: (a: Args, g: Gen) => string | null;
  /** Memory access code with a fast path and `g.slow`; null as for op. */
  mem?: (a: Args, g: Gen) => string | null;
  /** The instruction never writes memory (a load): no code-page check after it. */
  readOnly?: boolean;
  /** Conditional branch to (a.tLo, a.tHi): the condition ('' = always). */
  cond?: (a: Args, g: Gen) => string;
  /** Code run before the branch decision (BL's link register). */
  pre?: (a: Args, g: Gen) => string;
  /** Indirect branch: code setting `_tl`, `_th` (declared by the caller) from registers. */
  dyn?: (a: Args, g: Gen) => string;
}

const registry = new Map<Exec, Template>();

export function template(exec: Exec, t: Template): void {
  registry.set(exec, t);
}

export function templateOf(exec: Exec): Template | undefined {
  return registry.get(exec);
}

/** Helpers the emitted code may call as L.name(...). */
export const LIB = { mulhu32 };

const ZERO_LO = SLOT_ZERO * 2;

/** Register expression for plain cpu.x access (the default Gen). */
export const arrayReg = (i: number): string => (i === ZERO_LO || i === ZERO_LO + 1 ? '0' : `x[${i}]`);

// ---------------------------------------------------------------- conditions and flags

/** ConditionHolds(cond) as a boolean expression on cpu.n/z/c/v (each 0 or 1). */
export function condExpr(cond: number): string {
  switch (cond) {
    case 0:
      return 'cpu.z === 1';
    case 1:
      return 'cpu.z === 0';
    case 2:
      return 'cpu.c === 1';
    case 3:
      return 'cpu.c === 0';
    case 4:
      return 'cpu.n === 1';
    case 5:
      return 'cpu.n === 0';
    case 6:
      return 'cpu.v === 1';
    case 7:
      return 'cpu.v === 0';
    case 8:
      return '(cpu.c === 1 && cpu.z === 0)';
    case 9:
      return '(cpu.c === 0 || cpu.z === 1)';
    case 10:
      return 'cpu.n === cpu.v';
    case 11:
      return 'cpu.n !== cpu.v';
    case 12:
      return '(cpu.z === 0 && cpu.n === cpu.v)';
    case 13:
      return '(cpu.z === 1 || cpu.n !== cpu.v)';
    default:
      return 'true';
  }
}

/**
 * Carry out of a 32-bit add whose operand `a`, result `r` (int32 names) and
 * carry in `cin` ('0', '1' or an expression of 0/1) are given: with carry in
 * the sum wrapped iff r <= a (unsigned), without iff r < a. Everything stays
 * in int32/uint32 operations (no doubles), which TurboFan keeps in registers.
 */
function carryOut(a: string, r: string, cin: string): string {
  if (cin === '0') return `((${r} >>> 0) < (${a} >>> 0) ? 1 : 0)`;
  if (cin === '1') return `((${r} >>> 0) <= (${a} >>> 0) ? 1 : 0)`;
  return `(${cin} === 1 ? ((${r} >>> 0) <= (${a} >>> 0) ? 1 : 0) : ((${r} >>> 0) < (${a} >>> 0) ? 1 : 0))`;
}

/**
 * AddWithCarry, 64-bit: operands as expressions (each read once), carry in
 * '0', '1' or an expression; result into dl/dh (null: not written); NZCV set
 * when `flags`.
 */
export function add64Code(
  al: string,
  ah: string,
  bl: string,
  bh: string,
  cin: string,
  dl: string | null,
  dh: string | null,
  flags: boolean,
): string {
  let s =
    `const _al = ${al}, _ah = ${ah}, _bl = ${bl}, _bh = ${bh};` +
    (cin === '0' || cin === '1' ? '' : `const _ci = ${cin};`) +
    `const _rl = (_al + _bl + ${cin === '0' || cin === '1' ? cin : '_ci'}) | 0;` +
    `const _cl = ${carryOut('_al', '_rl', cin === '0' || cin === '1' ? cin : '_ci')};` +
    `const _rh = (_ah + _bh + _cl) | 0;`;
  if (flags)
    s +=
      `cpu.n = _rh >>> 31; cpu.z = (_rl | _rh) === 0 ? 1 : 0; cpu.c = ${carryOut('_ah', '_rh', '_cl')};` +
      `cpu.v = ((_ah ^ _rh) & (_bh ^ _rh)) >>> 31;`;
  if (dl !== null) s += `${dl} = _rl; ${dh} = _rh;`;
  return s;
}

/** AddWithCarry, 64-bit, setting NZCV (see add64Code). */
export const adds64Code = (
  al: string,
  ah: string,
  bl: string,
  bh: string,
  cin: string,
  dl: string | null,
  dh: string | null,
): string => add64Code(al, ah, bl, bh, cin, dl, dh, true);

/** AddWithCarry, 32-bit, setting NZCV; result into d (or null), high half into dh. */
export function adds32Code(av: string, bv: string, cin: string, d: string | null, dh: string | null): string {
  const ci = cin === '0' || cin === '1' ? cin : '_ci';
  let s =
    `const _a = ${av}, _b = ${bv};` +
    (ci === '_ci' ? `const _ci = ${cin};` : '') +
    `const _r = (_a + _b + ${ci}) | 0;` +
    `cpu.n = _r >>> 31; cpu.z = _r === 0 ? 1 : 0; cpu.c = ${carryOut('_a', '_r', ci)};` +
    `cpu.v = ((_a ^ _r) & (_b ^ _r)) >>> 31;`;
  if (d !== null) s += `${d} = _r; ${dh} = 0;`;
  return s;
}

/** N and Z of a 64-bit value in temporaries lo/hi; C = V = 0. */
export const logicFlags64Code = (lo: string, hi: string): string =>
  `cpu.n = ${hi} >>> 31; cpu.z = (${lo} | ${hi}) === 0 ? 1 : 0; cpu.c = 0; cpu.v = 0;`;
export const logicFlags32Code = (r: string): string =>
  `cpu.n = ${r} >>> 31; cpu.z = ${r} === 0 ? 1 : 0; cpu.c = 0; cpu.v = 0;`;

// ---------------------------------------------------------------- shifts by constant amounts

/** A 64-bit value shifted by a constant: [lo, hi] expressions of simple operands (used twice). */
export function shift64Expr(type: number, lo: string, hi: string, s: number): [string, string] {
  if (s === 0) return [lo, hi];
  switch (type) {
    case 0: // LSL
      return s < 32 ? [`(${lo} << ${s})`, `((${hi} << ${s}) | (${lo} >>> ${32 - s}))`] : [`0`, `(${lo} << ${s - 32})`];
    case 1: // LSR
      if (s === 32) return [hi, '0'];
      return s < 32
        ? [`((${lo} >>> ${s}) | (${hi} << ${32 - s}))`, `(${hi} >>> ${s})`]
        : [`(${hi} >>> ${s - 32})`, '0'];
    case 2: // ASR
      if (s === 32) return [hi, `(${hi} >> 31)`];
      return s < 32
        ? [`((${lo} >>> ${s}) | (${hi} << ${32 - s}))`, `(${hi} >> ${s})`]
        : [`(${hi} >> ${s - 32})`, `(${hi} >> 31)`];
    default: {
      // ROR
      if (s >= 32) {
        const t = lo;
        lo = hi;
        hi = t;
        s -= 32;
      }
      if (s === 0) return [lo, hi];
      return [`((${lo} >>> ${s}) | (${hi} << ${32 - s}))`, `((${hi} >>> ${s}) | (${lo} << ${32 - s}))`];
    }
  }
}

/** A 32-bit value shifted by a constant 0..31. */
export function shift32Expr(type: number, v: string, s: number): string {
  if (s === 0) return v;
  switch (type) {
    case 0:
      return `(${v} << ${s})`;
    case 1:
      return `(${v} >>> ${s})`;
    case 2:
      return `(${v} >> ${s})`;
    default:
      return `((${v} >>> ${s}) | (${v} << ${32 - s}))`;
  }
}

// ---------------------------------------------------------------- memory

/**
 * Code declaring `_l`, `_h` (the access address) and, with writeback, `_wl`,
 * `_wh` (the new base), for the addressing of a load/store instance (the
 * fields setAddr of ldst.ts records: mode, n, off, m, ext, sh, absLo, absHi).
 */
export function addrCode(a: Args, g: Gen): string {
  const n = a.n;
  const off = a.off;
  const base = (rl: string, rh: string, pfx: string): string => {
    if (off === 0) return `const ${pfx}l = ${rl}, ${pfx}h = ${rh};`;
    // off is within +-2^24: the high half moves by one when the low half wraps.
    const carry =
      off > 0
        ? `(${pfx}l >>> 0) < (_bl >>> 0) ? (_bh + 1) | 0 : _bh`
        : `(${pfx}l >>> 0) > (_bl >>> 0) ? (_bh - 1) | 0 : _bh`;
    return `const _bl = ${rl}, _bh = ${rh}; const ${pfx}l = (_bl + ${off}) | 0; const ${pfx}h = ${carry};`;
  };
  switch (a.mode) {
    case 0: // Off
      return base(g.r(n), g.r(n + 1), '_');
    case 1: // Pre
      return base(g.r(n), g.r(n + 1), '_w') + `const _l = _wl, _h = _wh;`;
    case 2: // Post
      return `const _l = ${g.r(n)}, _h = ${g.r(n + 1)};` + base('_l', '_h', '_w');
    case 3: {
      // Reg: base + extend(Xm) << sh
      const ml = g.r(a.m);
      const mh = a.ext === 0 ? g.r(a.m + 1) : a.ext === 1 ? '0' : `(_ml >> 31)`;
      const sh = a.sh;
      const ol = sh === 0 ? '_ml' : `(_ml << ${sh})`;
      const oh = sh === 0 ? '_mh' : `((_mh << ${sh}) | (_ml >>> ${32 - sh}))`;
      return (
        `const _ml = ${ml}; const _mh = ${mh}; const _nl = ${g.r(n)};` +
        `const _l = (_nl + ${ol}) | 0; const _h = (${g.r(n + 1)} + ${oh} + ((_l >>> 0) < (_nl >>> 0) ? 1 : 0)) | 0;`
      );
    }
    default:
      return `const _l = ${a.absLo | 0}, _h = ${a.absHi | 0};`;
  }
}

/** The base-register writeback of pre/post-indexed forms ('' otherwise). */
export function writebackCode(a: Args, g: Gen): string {
  return a.mode === 1 || a.mode === 2 ? `${g.r(a.n)} = _wl; ${g.r(a.n + 1)} = _wh;` : '';
}

/** Largest page offset at which an access of `bytes` stays in the page. */
const lastOffset = (bytes: number): number => 4096 - bytes;

/**
 * A load or store instance whose access of `bytes` bytes is done by `body`
 * (with `_o`, the host offset) when the address is in the TLB and the access
 * stays in its page; otherwise the exec runs (`g.slow`).
 */
export function memCode(a: Args, g: Gen, write: boolean, bytes: number, body: string): string {
  const [tl, th, to] = write ? ['wTL', 'wTH', 'wO'] : ['rTL', 'rTH', 'rO'];
  const inPage = bytes === 1 ? '' : ` && (_l & 4095) <= ${lastOffset(bytes)}`;
  return (
    addrCode(a, g) +
    `const _i = (_l >>> 12) & 1023;` +
    `if (${tl}[_i] === (_l & -4096) && ${th}[_i] === _h${inPage}) { const _o = ${to}[_i] + (_l & 4095); ${body} ${writebackCode(a, g)} }` +
    ` else { ${g.slow} }`
  );
}
