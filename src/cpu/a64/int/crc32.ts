/**
 * CRC32 / CRC32C byte tables for the A64 CRC32* instructions (FEAT_CRC32).
 *
 * ARM ARM (CRC32 pseudocode): the accumulator and data are bit-reflected and
 * the polynomial is 0x04C11DB7 (CRC32) or 0x1EDC6F41 (CRC32C), with no
 * initial or final inversion; that is the classic reflected table update with
 * the reversed polynomials 0xEDB88320 and 0x82F63B78.
 */

function table(poly: number): Int32Array {
  const t = new Int32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ poly : c >>> 1;
    t[i] = c;
  }
  return t;
}

export const CRC32_TABLE = table(0xedb88320);
export const CRC32C_TABLE = table(0x82f63b78);

/** Fold `bytes` (1..4) low-order bytes of `data` into `acc`. */
export function crcUpdate32(t: Int32Array, acc: number, data: number, bytes: number): number {
  for (let i = 0; i < bytes; i++) {
    acc = t[(acc ^ data) & 0xff] ^ (acc >>> 8);
    data >>>= 8;
  }
  return acc;
}
