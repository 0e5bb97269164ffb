/**
 * Known differences between armvisor and qemu-aarch64 that the npm-test
 * sample (./difftest-sample.test.ts) tolerates for now, each with a reason.
 * A mismatch is known when one of its case's entries (or features, e.g.
 * "tbi") is listed here. This list must be empty once the core is complete;
 * the lead decides what stays.
 */
export interface KnownFailure {
  /** Encoding-table entry name (src/arch/a64/tables) … */
  entry?: string;
  /** … or a case feature (see TestCase.features). */
  feature?: string;
  reason: string;
}

export const KNOWN_FAILURES: readonly KnownFailure[] = [];

/** The known failure that covers a case, if any. */
export function knownFailureFor(entries: readonly string[], features: readonly string[] = []): KnownFailure | undefined {
  return KNOWN_FAILURES.find(
    (k) => (k.entry !== undefined && entries.includes(k.entry)) || (k.feature !== undefined && features.includes(k.feature)),
  );
}
