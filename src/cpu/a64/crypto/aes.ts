/**
 * AESE, AESD, AESMC, AESIMC (ARM ARM C7.2, FEAT_AES). The AES state is the
 * 16 bytes of the vector register, column-major as in FIPS-197 (byte i is
 * row i % 4, column i / 4). Tables are built once at module load.
 */
import type { Exec, SemanticsTable } from '../semantics-types.js';

/** GF(2^8) multiply modulo x^8 + x^4 + x^3 + x + 1 (table building only). */
function gmul(a: number, b: number): number {
  let p = 0;
  for (let i = 0; i < 8; i++) {
    if (b & 1) p ^= a;
    const hi = a & 0x80;
    a = (a << 1) & 0xff;
    if (hi) a ^= 0x1b;
    b >>= 1;
  }
  return p;
}

export const SBOX = new Uint8Array(256);
export const INV_SBOX = new Uint8Array(256);
/** Products used by MixColumns / InvMixColumns. */
const MUL2 = new Uint8Array(256);
const MUL3 = new Uint8Array(256);
const MUL9 = new Uint8Array(256);
const MUL11 = new Uint8Array(256);
const MUL13 = new Uint8Array(256);
const MUL14 = new Uint8Array(256);

(function buildTables(): void {
  // S-box: multiplicative inverse followed by the FIPS-197 affine transform.
  for (let x = 0; x < 256; x++) {
    let inv = 0;
    if (x) for (inv = 1; gmul(x, inv) !== 1; inv++);
    let s = inv;
    for (let r = 1; r <= 4; r++) s ^= ((inv << r) | (inv >>> (8 - r))) & 0xff;
    s ^= 0x63;
    SBOX[x] = s;
    INV_SBOX[s] = x;
    MUL2[x] = gmul(x, 2);
    MUL3[x] = gmul(x, 3);
    MUL9[x] = gmul(x, 9);
    MUL11[x] = gmul(x, 11);
    MUL13[x] = gmul(x, 13);
    MUL14[x] = gmul(x, 14);
  }
})();

/** ShiftRows / InvShiftRows as byte sources: out[i] = in[SHIFT[i]]. */
const SHIFT = new Uint8Array(16);
const INV_SHIFT = new Uint8Array(16);
for (let c = 0; c < 4; c++) {
  for (let r = 0; r < 4; r++) {
    SHIFT[r + 4 * c] = r + 4 * ((c + r) & 3);
    INV_SHIFT[r + 4 * c] = r + 4 * ((c - r + 4) & 3);
  }
}

const st = new Uint8Array(16);

/** AESE: Vd = SubBytes(ShiftRows(Vd EOR Vn)). */
const aese: Exec = (cpu, a) => {
  const v = cpu.v8;
  const d = a.rd * 16;
  const n = a.rn * 16;
  for (let i = 0; i < 16; i++) st[i] = v[d + i] ^ v[n + i];
  for (let i = 0; i < 16; i++) v[d + i] = SBOX[st[SHIFT[i]]];
};

/** AESD: Vd = InvSubBytes(InvShiftRows(Vd EOR Vn)). */
const aesd: Exec = (cpu, a) => {
  const v = cpu.v8;
  const d = a.rd * 16;
  const n = a.rn * 16;
  for (let i = 0; i < 16; i++) st[i] = v[d + i] ^ v[n + i];
  for (let i = 0; i < 16; i++) v[d + i] = INV_SBOX[st[INV_SHIFT[i]]];
};

/** AESMC: Vd = MixColumns(Vn). */
const aesmc: Exec = (cpu, a) => {
  const v = cpu.v8;
  const d = a.rd * 16;
  const n = a.rn * 16;
  for (let c = 0; c < 16; c += 4) {
    const s0 = v[n + c];
    const s1 = v[n + c + 1];
    const s2 = v[n + c + 2];
    const s3 = v[n + c + 3];
    v[d + c] = MUL2[s0] ^ MUL3[s1] ^ s2 ^ s3;
    v[d + c + 1] = s0 ^ MUL2[s1] ^ MUL3[s2] ^ s3;
    v[d + c + 2] = s0 ^ s1 ^ MUL2[s2] ^ MUL3[s3];
    v[d + c + 3] = MUL3[s0] ^ s1 ^ s2 ^ MUL2[s3];
  }
};

/** AESIMC: Vd = InvMixColumns(Vn). */
const aesimc: Exec = (cpu, a) => {
  const v = cpu.v8;
  const d = a.rd * 16;
  const n = a.rn * 16;
  for (let c = 0; c < 16; c += 4) {
    const s0 = v[n + c];
    const s1 = v[n + c + 1];
    const s2 = v[n + c + 2];
    const s3 = v[n + c + 3];
    v[d + c] = MUL14[s0] ^ MUL11[s1] ^ MUL13[s2] ^ MUL9[s3];
    v[d + c + 1] = MUL9[s0] ^ MUL14[s1] ^ MUL11[s2] ^ MUL13[s3];
    v[d + c + 2] = MUL13[s0] ^ MUL9[s1] ^ MUL14[s2] ^ MUL11[s3];
    v[d + c + 3] = MUL11[s0] ^ MUL13[s1] ^ MUL9[s2] ^ MUL14[s3];
  }
};

export const aesSemantics: SemanticsTable = {
  AESE: { exec: aese },
  AESD: { exec: aesd },
  AESMC: { exec: aesmc },
  AESIMC: { exec: aesimc },
};
