/**
 * Declarative instruction encodings → decoder and disassembler.
 *
 * In the spirit of QEMU's decodetree: an instruction is one pattern string of
 * 32 bits, most significant first, written as space-separated tokens:
 *
 *   "0101"      fixed bits
 *   "-" / "x"   don't-care bits (any number, e.g. "xxxx")
 *   "rd:5"      a named unsigned field of 5 bits
 *   "imm:s19"   a named field, sign-extended
 *
 * A field name may appear more than once; its parts are concatenated in the
 * order they appear (e.g. "immlo:2 ... immhi:19" are two names, but
 * "imm:2 ... imm:19" would be one field built from both parts).
 *
 * Patterns must not overlap unless they are declared in the same *group*; in a
 * group, the first matching entry wins (decodetree's `{ }` groups). The table
 * builder checks this and throws on an undeclared overlap, so a table with an
 * ambiguity cannot be loaded.
 */

export interface FieldPart {
  /** bit position of the least significant bit of this part */
  pos: number;
  len: number;
}

export interface FieldSpec {
  name: string;
  signed: boolean;
  parts: FieldPart[]; // most significant part first
  width: number;
}

export interface ParsedPattern {
  mask: number; // unsigned 32-bit
  value: number; // unsigned 32-bit
  fields: FieldSpec[];
}

export function parsePattern(pattern: string): ParsedPattern {
  let pos = 32;
  let mask = 0;
  let value = 0;
  const byName = new Map<string, FieldSpec>();
  const fields: FieldSpec[] = [];
  for (const tok of pattern.trim().split(/\s+/)) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*):(s?)(\d+)$/.exec(tok);
    if (m) {
      const len = Number(m[3]);
      pos -= len;
      let f = byName.get(m[1]);
      if (!f) {
        f = { name: m[1], signed: m[2] === 's', parts: [], width: 0 };
        byName.set(m[1], f);
        fields.push(f);
      } else if (m[2] === 's') {
        f.signed = true;
      }
      f.parts.push({ pos, len });
      f.width += len;
      continue;
    }
    if (!/^[01x-]+$/.test(tok)) throw new Error(`pattern "${pattern}": bad token "${tok}"`);
    for (const ch of tok) {
      pos--;
      if (ch === '0' || ch === '1') {
        mask |= 1 << pos;
        if (ch === '1') value |= 1 << pos;
      }
    }
  }
  if (pos !== 0) throw new Error(`pattern "${pattern}" has ${32 - pos} bits, not 32`);
  for (const f of fields) if (f.width > 32) throw new Error(`pattern "${pattern}": field ${f.name} wider than 32 bits`);
  return { mask: mask >>> 0, value: value >>> 0, fields };
}

export function extractField(f: FieldSpec, insn: number): number {
  let v = 0;
  for (const p of f.parts) {
    const part = (insn >>> p.pos) & (p.len === 32 ? -1 : (1 << p.len) - 1);
    v = p.len === 32 ? part : (v << p.len) | part;
  }
  if (f.signed && f.width < 32) {
    const sh = 32 - f.width;
    v = (v << sh) >> sh;
  } else if (!f.signed) {
    v = v >>> 0;
  }
  return v;
}

/** What the decoder needs of one table entry; the ISA layers add semantics. */
export interface EncodingEntry {
  /** Unique name, e.g. "ADD_imm". */
  readonly name: string;
  /** The pattern, see the module comment. */
  readonly pattern: string;
  /** Encoding class for the coverage report, e.g. "Add/subtract (immediate)". */
  readonly cls: string;
  /** Entries sharing a group may overlap; the earlier entry wins. */
  readonly group?: string;
}

interface Candidate<E extends EncodingEntry> {
  entry: E;
  parsed: ParsedPattern;
  order: number;
}

type Node<E extends EncodingEntry> =
  | { kind: 'switch'; mask: number; children: Map<number, Node<E>>; fallback: Node<E> | null }
  | { kind: 'leaf'; cands: Candidate<E>[] };

export interface Decoded<E extends EncodingEntry> {
  entry: E;
  fields: FieldSpec[];
}

function overlaps(a: ParsedPattern, b: ParsedPattern): boolean {
  const common = a.mask & b.mask;
  return ((a.value ^ b.value) & common) === 0;
}

/**
 * A decoder built from a table. Construction checks the table (widths, unique
 * names, no undeclared overlaps) and builds a decision tree on the bits that
 * all remaining candidates fix.
 */
export class DecodeTree<E extends EncodingEntry> {
  readonly entries: readonly E[];
  readonly parsed: ReadonlyMap<E, ParsedPattern>;
  private readonly root: Node<E>;

  constructor(entries: readonly E[]) {
    this.entries = entries;
    const parsed = new Map<E, ParsedPattern>();
    const names = new Set<string>();
    const cands: Candidate<E>[] = [];
    entries.forEach((entry, order) => {
      if (names.has(entry.name)) throw new Error(`duplicate encoding name ${entry.name}`);
      names.add(entry.name);
      let p: ParsedPattern;
      try {
        p = parsePattern(entry.pattern);
      } catch (e) {
        throw new Error(`${entry.name}: ${(e as Error).message}`);
      }
      parsed.set(entry, p);
      cands.push({ entry, parsed: p, order });
    });
    this.parsed = parsed;
    DecodeTree.checkOverlaps(cands);
    this.root = DecodeTree.build(cands, 0);
  }

  private static checkOverlaps<E extends EncodingEntry>(cands: Candidate<E>[]): void {
    // Bucket by the top 8 bits where both are fixed to keep this near-linear.
    for (let i = 0; i < cands.length; i++) {
      const a = cands[i];
      for (let j = i + 1; j < cands.length; j++) {
        const b = cands[j];
        if (!overlaps(a.parsed, b.parsed)) continue;
        if (a.entry.group !== undefined && a.entry.group === b.entry.group) continue;
        throw new Error(
          `encodings overlap without a group: ${a.entry.name} (${a.entry.pattern}) and ${b.entry.name} (${b.entry.pattern})`,
        );
      }
    }
  }

  private static build<E extends EncodingEntry>(cands: Candidate<E>[], used: number): Node<E> {
    if (cands.length <= 2) return { kind: 'leaf', cands };
    let common = -1;
    for (const c of cands) common &= c.parsed.mask;
    common = (common & ~used) >>> 0;
    if (common === 0) {
      // No bit is fixed by every candidate: split on bits fixed by most, with
      // the candidates that leave them open in a fallback.
      let best = 0;
      let bestCount = 0;
      for (let bit = 31; bit >= 0; bit--) {
        const b = (1 << bit) >>> 0;
        if (used & b) continue;
        let n = 0;
        for (const c of cands) if (c.parsed.mask & b) n++;
        if (n > bestCount) {
          bestCount = n;
          best = b;
        }
      }
      if (bestCount < 2 || bestCount === cands.length) return { kind: 'leaf', cands };
      // Grouped entries keep their priority order, so keep a group together.
      const fixed = cands.filter((c) => (c.parsed.mask & best) !== 0);
      const open = cands.filter((c) => (c.parsed.mask & best) === 0);
      const groups = new Set(open.map((c) => c.entry.group).filter((g) => g !== undefined));
      if (fixed.some((c) => c.entry.group !== undefined && groups.has(c.entry.group))) return { kind: 'leaf', cands };
      const sw = DecodeTree.build(fixed, used);
      const fb = DecodeTree.build(open, used);
      if (sw.kind === 'leaf') return { kind: 'leaf', cands };
      return { ...sw, fallback: fb };
    }
    const children = new Map<number, Candidate<E>[]>();
    for (const c of cands) {
      const key = (c.parsed.value & common) >>> 0;
      let list = children.get(key);
      if (!list) children.set(key, (list = []));
      list.push(c);
    }
    const out = new Map<number, Node<E>>();
    for (const [k, list] of children) out.set(k, DecodeTree.build(list, (used | common) >>> 0));
    return { kind: 'switch', mask: common, children: out, fallback: null };
  }

  /** The entry an instruction word decodes to, or null when none matches. */
  lookup(insn: number): E | null {
    insn >>>= 0;
    let node: Node<E> | null = this.root;
    while (node) {
      if (node.kind === 'switch') {
        const child: Node<E> | undefined = node.children.get((insn & node.mask) >>> 0);
        if (child) {
          const r = DecodeTree.match(child, insn);
          if (r) return r;
        }
        node = node.fallback;
        continue;
      }
      return DecodeTree.matchLeaf(node.cands, insn);
    }
    return null;
  }

  private static match<E extends EncodingEntry>(node: Node<E>, insn: number): E | null {
    let n: Node<E> | null = node;
    while (n) {
      if (n.kind === 'leaf') return DecodeTree.matchLeaf(n.cands, insn);
      const child: Node<E> | undefined = n.children.get((insn & n.mask) >>> 0);
      if (child) {
        const r = DecodeTree.match(child, insn);
        if (r) return r;
      }
      n = n.fallback;
    }
    return null;
  }

  private static matchLeaf<E extends EncodingEntry>(cands: Candidate<E>[], insn: number): E | null {
    let best: Candidate<E> | null = null;
    for (const c of cands) {
      if ((insn & c.parsed.mask) >>> 0 === c.parsed.value && (!best || c.order < best.order)) best = c;
    }
    return best ? best.entry : null;
  }

  /** Field values of `insn` for `entry`, by name. */
  fieldsOf(entry: E, insn: number): Record<string, number> {
    const p = this.parsed.get(entry);
    if (!p) throw new Error(`entry ${entry.name} is not in this table`);
    const out: Record<string, number> = {};
    for (const f of p.fields) out[f.name] = extractField(f, insn);
    return out;
  }
}
