/**
 * SHA1 and SHA256 instructions (ARM ARM C7.2, FEAT_SHA1 / FEAT_SHA256):
 * the "Cryptographic three-register SHA" and "two-register SHA" classes.
 * Registers are read as four 32-bit words, all inputs are read before the
 * destination is written (Vd may equal Vn or Vm).
 */
import type { Exec, SemanticsTable } from '../semantics-types.js';

const rol = (x: number, n: number): number => (x << n) | (x >>> (32 - n));
const ror = (x: number, n: number): number => (x >>> n) | (x << (32 - n));

/** SHA1C (kind 0, choose), SHA1P (1, parity), SHA1M (2, majority): four rounds. */
function sha1Rounds(kind: number): Exec {
  return (cpu, a) => {
    const w = cpu.vi32;
    const d = a.rd * 4;
    const m = a.rm * 4;
    let x0 = w[d];
    let x1 = w[d + 1];
    let x2 = w[d + 2];
    let x3 = w[d + 3];
    let y = w[a.rn * 4];
    const w0 = w[m];
    const w1 = w[m + 1];
    const w2 = w[m + 2];
    const w3 = w[m + 3];
    for (let e = 0; e < 4; e++) {
      const t = kind === 0 ? (x1 & x2) | (~x1 & x3) : kind === 1 ? x1 ^ x2 ^ x3 : (x1 & x2) | (x1 & x3) | (x2 & x3);
      const wk = e === 0 ? w0 : e === 1 ? w1 : e === 2 ? w2 : w3;
      y = (y + rol(x0, 5) + t + wk) | 0;
      x1 = rol(x1, 30);
      // <Y, X> = ROL(Y:X, 32)
      const ny = x3;
      x3 = x2;
      x2 = x1;
      x1 = x0;
      x0 = y;
      y = ny;
    }
    w[d] = x0;
    w[d + 1] = x1;
    w[d + 2] = x2;
    w[d + 3] = x3;
  };
}

const sha1h: Exec = (cpu, a) => {
  const w = cpu.vi32;
  const d = a.rd * 4;
  w[d] = rol(w[a.rn * 4], 30);
  w[d + 1] = 0;
  w[d + 2] = 0;
  w[d + 3] = 0;
};

/** SHA1SU0: (Vn<63:0> : Vd<127:64>) EOR Vd EOR Vm. */
const sha1su0: Exec = (cpu, a) => {
  const w = cpu.vi32;
  const d = a.rd * 4;
  const n = a.rn * 4;
  const m = a.rm * 4;
  const d0 = w[d];
  const d1 = w[d + 1];
  const d2 = w[d + 2];
  const d3 = w[d + 3];
  const r0 = d2 ^ d0 ^ w[m];
  const r1 = d3 ^ d1 ^ w[m + 1];
  const r2 = w[n] ^ d2 ^ w[m + 2];
  const r3 = w[n + 1] ^ d3 ^ w[m + 3];
  w[d] = r0;
  w[d + 1] = r1;
  w[d + 2] = r2;
  w[d + 3] = r3;
};

/** SHA1SU1: T = Vd EOR (Vn >> 32); each word ROL 1, the top one also EOR ROL(T0, 2). */
const sha1su1: Exec = (cpu, a) => {
  const w = cpu.vi32;
  const d = a.rd * 4;
  const n = a.rn * 4;
  const t0 = w[d] ^ w[n + 1];
  const t1 = w[d + 1] ^ w[n + 2];
  const t2 = w[d + 2] ^ w[n + 3];
  const t3 = w[d + 3];
  w[d] = rol(t0, 1);
  w[d + 1] = rol(t1, 1);
  w[d + 2] = rol(t2, 1);
  w[d + 3] = rol(t3, 1) ^ rol(t0, 2);
};

/**
 * SHA256hash (ARM ARM shared pseudocode): four rounds on X (a..d) and Y
 * (e..h). part1 (SHA256H) returns X, otherwise (SHA256H2) Y.
 */
function sha256Rounds(part1: boolean): Exec {
  return (cpu, a) => {
    const w = cpu.vi32;
    const xr = (part1 ? a.rd : a.rn) * 4;
    const yr = (part1 ? a.rn : a.rd) * 4;
    const m = a.rm * 4;
    let x0 = w[xr];
    let x1 = w[xr + 1];
    let x2 = w[xr + 2];
    let x3 = w[xr + 3];
    let y0 = w[yr];
    let y1 = w[yr + 1];
    let y2 = w[yr + 2];
    let y3 = w[yr + 3];
    const k0 = w[m];
    const k1 = w[m + 1];
    const k2 = w[m + 2];
    const k3 = w[m + 3];
    for (let e = 0; e < 4; e++) {
      const chs = (y0 & y1) | (~y0 & y2);
      const maj = (x0 & x1) | (x0 & x2) | (x1 & x2);
      const wk = e === 0 ? k0 : e === 1 ? k1 : e === 2 ? k2 : k3;
      const t = (y3 + (ror(y0, 6) ^ ror(y0, 11) ^ ror(y0, 25)) + chs + wk) | 0;
      x3 = (t + x3) | 0;
      y3 = (t + (ror(x0, 2) ^ ror(x0, 13) ^ ror(x0, 22)) + maj) | 0;
      // <Y, X> = ROL(Y:X, 32)
      const ty = y3;
      y3 = y2;
      y2 = y1;
      y1 = y0;
      y0 = x3;
      x3 = x2;
      x2 = x1;
      x1 = x0;
      x0 = ty;
    }
    const d = a.rd * 4;
    if (part1) {
      w[d] = x0;
      w[d + 1] = x1;
      w[d + 2] = x2;
      w[d + 3] = x3;
    } else {
      w[d] = y0;
      w[d + 1] = y1;
      w[d + 2] = y2;
      w[d + 3] = y3;
    }
  };
}

const sigma0 = (x: number): number => ror(x, 7) ^ ror(x, 18) ^ (x >>> 3);
const sigma1 = (x: number): number => ror(x, 17) ^ ror(x, 19) ^ (x >>> 10);

/** SHA256SU0: T = Vn<31:0> : Vd<127:32>; Vd[e] += sigma0(T[e]). */
const sha256su0: Exec = (cpu, a) => {
  const w = cpu.vi32;
  const d = a.rd * 4;
  const t3 = w[a.rn * 4];
  const d0 = w[d];
  const d1 = w[d + 1];
  const d2 = w[d + 2];
  const d3 = w[d + 3];
  w[d] = (sigma0(d1) + d0) | 0;
  w[d + 1] = (sigma0(d2) + d1) | 0;
  w[d + 2] = (sigma0(d3) + d2) | 0;
  w[d + 3] = (sigma0(t3) + d3) | 0;
};

/** SHA256SU1: T0 = Vm<31:0> : Vn<127:32>, T1 = Vm<127:64>, the upper half uses the new lower half. */
const sha256su1: Exec = (cpu, a) => {
  const w = cpu.vi32;
  const d = a.rd * 4;
  const n = a.rn * 4;
  const m = a.rm * 4;
  const t0 = w[n + 1];
  const t1 = w[n + 2];
  const t2 = w[n + 3];
  const t3 = w[m];
  const m2 = w[m + 2];
  const m3 = w[m + 3];
  const r0 = (sigma1(m2) + w[d] + t0) | 0;
  const r1 = (sigma1(m3) + w[d + 1] + t1) | 0;
  const r2 = (sigma1(r0) + w[d + 2] + t2) | 0;
  const r3 = (sigma1(r1) + w[d + 3] + t3) | 0;
  w[d] = r0;
  w[d + 1] = r1;
  w[d + 2] = r2;
  w[d + 3] = r3;
};

export const shaSemantics: SemanticsTable = {
  SHA1C: { exec: sha1Rounds(0) },
  SHA1P: { exec: sha1Rounds(1) },
  SHA1M: { exec: sha1Rounds(2) },
  SHA1H: { exec: sha1h },
  SHA1SU0: { exec: sha1su0 },
  SHA1SU1: { exec: sha1su1 },
  SHA256H: { exec: sha256Rounds(true) },
  SHA256H2: { exec: sha256Rounds(false) },
  SHA256SU0: { exec: sha256su0 },
  SHA256SU1: { exec: sha256su1 },
};
