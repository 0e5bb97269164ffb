/**
 * Register-slot mapping, done once at decode time (prep).
 *
 * cpu.x holds slots of two int32 halves: slot n at x[2n], x[2n+1].
 * 0..30 are X0..X30, 31 is SP, 32 always reads as zero, 33 swallows writes.
 * The functions return the *array index* of the low half (2 × slot), which is
 * what exec code uses: `x[a.d] = lo; x[a.d + 1] = hi`.
 */
export const SLOT_SP = 31;
export const SLOT_ZERO = 32;
export const SLOT_SINK = 33;

/** Source register where 31 means XZR. */
export const srcZR = (r: number): number => (r === 31 ? SLOT_ZERO : r) * 2;
/** Destination register where 31 means XZR (the write is discarded). */
export const dstZR = (r: number): number => (r === 31 ? SLOT_SINK : r) * 2;
/** Source or destination register where 31 means SP. */
export const regSP = (r: number): number => r * 2;
