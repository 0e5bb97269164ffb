/**
 * Which architectural features this core implements, decided by probing the
 * decoder and the semantics with the instructions listed in FEATURES
 * (src/arch/sysreg/aarch64.ts), and the ID register values that follow.
 * Done lazily (first MRS of an ID register), once per process.
 */
import { a64Decoder } from '../../../arch/a64/table.js';
import { FEATURES, idRegValue, type A64Feature } from '../../../arch/sysreg/aarch64.js';
import { semanticsFor } from '../semantics/index.js';
import { unallocated, type Args } from '../semantics-types.js';

/** True when the word decodes to an entry with semantics whose prep accepts its fields. */
export function isImplemented(raw: number): boolean {
  const dec = a64Decoder();
  const def = dec.lookup(raw);
  if (!def) return false;
  const sem = semanticsFor(def.name);
  if (!sem) return false;
  if (sem.prep) {
    const args: Args = { raw: raw >>> 0, pcLo: 0, pcHi: 0, ...dec.fieldsOf(def, raw) };
    if (sem.prep(args) === unallocated) return false;
  }
  return true;
}

const cache = new Map<A64Feature, boolean>();

/** Is this feature value present (on, and all its probe instructions implemented)? */
export function featureImplemented(f: A64Feature): boolean {
  let v = cache.get(f);
  if (v === undefined) {
    v = f.on && (f.probes ?? []).every(isImplemented);
    cache.set(f, v);
  }
  return v;
}

/** The names of the implemented features (for reports and tests). */
export function implementedFeatureNames(): string[] {
  return FEATURES.filter(featureImplemented).map((f) => f.name);
}

/** An ID register's value as this core's EL0 sees it. */
export function idRegisterValue(reg: string): bigint {
  return idRegValue(reg, featureImplemented);
}
