/**
 * DecodeBitMasks (ARM ARM J1, aarch64/instrs/integer/bitmasks), done once at
 * decode time for Logical (immediate) and Bitfield.
 */

export interface BitMasks {
  wLo: number;
  wHi: number;
  tLo: number;
  tHi: number;
}

/** A mask of the low `n` bits (0..32) as int32. */
const ones32 = (n: number): number => (n >= 32 ? -1 : (1 << n) - 1);

/**
 * wmask/tmask for (N, imms, immr) at `datasize` (32 or 64), or null for the
 * reserved encodings (no element size; and, for `immediate`, all-ones S).
 */
export function decodeBitMasks(
  N: number,
  imms: number,
  immr: number,
  immediate: boolean,
  datasize: number,
): BitMasks | null {
  const combined = (N << 6) | (~imms & 0x3f);
  if (combined === 0) return null;
  const len = 31 - Math.clz32(combined);
  if (len < 1) return null;
  const esize = 1 << len;
  if (esize > datasize) return null;
  const levels = esize - 1;
  if (immediate && (imms & levels) === levels) return null;
  const S = imms & levels;
  const R = immr & levels;
  const d = (S - R) & levels;
  // welem = ROR(Ones(S+1), R) within esize; telem = Ones(d+1).
  const [wl, wh] = rorElem(S + 1, R, esize);
  const [tl, th] = rorElem(d + 1, 0, esize);
  const w = replicate(wl, wh, esize);
  const t = replicate(tl, th, esize);
  if (datasize === 32) return { wLo: w[0], wHi: 0, tLo: t[0], tHi: 0 };
  return { wLo: w[0], wHi: w[1], tLo: t[0], tHi: t[1] };
}

/** Ones(n) rotated right by r within an element of `esize` bits, as halves. */
function rorElem(n: number, r: number, esize: number): [number, number] {
  if (esize <= 32) {
    const m = ones32(esize);
    const v = ones32(n);
    const rot = r === 0 ? v : ((v >>> r) | (v << (esize - r))) & m;
    return [rot & m, 0];
  }
  // 64-bit element: Ones(n) as halves, then rotate.
  let lo = n >= 32 ? -1 : ones32(n);
  let hi = n > 32 ? ones32(n - 32) : 0;
  if (r >= 32) {
    const t = lo;
    lo = hi;
    hi = t;
    r -= 32;
  }
  if (r > 0) {
    const nl = (lo >>> r) | (hi << (32 - r));
    const nh = (hi >>> r) | (lo << (32 - r));
    lo = nl;
    hi = nh;
  }
  return [lo | 0, hi | 0];
}

function replicate(lo: number, hi: number, esize: number): [number, number] {
  if (esize === 64) return [lo, hi];
  let v = lo;
  for (let s = esize; s < 32; s *= 2) v = v | (v << s);
  return [v | 0, v | 0];
}
