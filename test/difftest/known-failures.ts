/**
 * Known differences between armvisor and qemu-aarch64 that the npm-test
 * sample (./difftest-sample.test.ts) tolerates for now, each with a reason.
 * A mismatch is known when an item here matches it: all given conditions
 * hold (`entry`: one of the case's entries; `feature`: one of its features,
 * e.g. "tbi"; `diff`: every differing item's name, e.g. "fault address").
 * This list must be empty once the core is complete; the lead decides what
 * stays.
 */
export interface KnownFailure {
  /** Encoding-table entry name (src/arch/a64/tables), or a pattern for several. */
  entry?: string | RegExp;
  /** A case feature (see TestCase.features). */
  feature?: string;
  /** Every difference's name matches this ("x5", "v3", "nzcv", "fault address", "mem[…]", "stop", "pc"). */
  diff?: RegExp;
  /** The case holds an instruction word for which this holds. */
  insn?: (w: number) => boolean;
  reason: string;
}

export const KNOWN_FAILURES: readonly KnownFailure[] = [];

export interface MismatchLike {
  entries: readonly string[];
  insns?: readonly number[];
  features?: readonly string[];
  diffs: readonly { what: string }[];
}

/** The known failure that covers a mismatch, if any. */
export function knownFailureFor(m: MismatchLike): KnownFailure | undefined {
  return KNOWN_FAILURES.find(
    (k) =>
      (k.entry === undefined ||
        m.entries.some((e) => (typeof k.entry === 'string' ? e === k.entry : k.entry!.test(e)))) &&
      (k.feature === undefined || (m.features ?? []).includes(k.feature)) &&
      (k.diff === undefined || m.diffs.every((d) => k.diff!.test(d.what))) &&
      (k.insn === undefined || (m.insns ?? []).some((w) => k.insn!(w))),
  );
}
