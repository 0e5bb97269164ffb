/**
 * SM3 (FEAT_SM3: SM3SS1, SM3TT1A/B, SM3TT2A/B, SM3PARTW1/2) and SM4
 * (FEAT_SM4: SM4E, SM4EKEY), ARM ARM C7.2. Registers are read as four 32-bit
 * words; all inputs are read before Vd is written.
 */
import type { Exec, SemanticsTable } from '../semantics-types.js';

const rol = (x: number, n: number): number => (x << n) | (x >>> (32 - n));

/** The SM4 S-box (GB/T 32907-2016), built once from its hex listing. */
const SM4_HEX =
  'd690e9fecce13db716b614c228fb2c052b679a762abe04c3aa44132649860699' +
  '9c4250f491ef987a33540b43edcfac62e4b31ca9c908e89580df94fa758f3fa6' +
  '4707a7fcf37317ba83593c19e6854fa8686b81b27164da8bf8eb0f4b70569d35' +
  '1e240e5e6358d1a225227c3b01217887d40046579fd327524c3602e7a0c4c89e' +
  'eabf8ad240c738b5a3f7f2cef96115a1e0ae5da49b341a55ad933230f58cb1e3' +
  '1df6e22e8266ca60c02923ab0d534e6fd5db3745defd8e2f03ff6a726d6c5b51' +
  '8d1baf92bbddbc7f11d95c411f105ad80ac13188a5cd7bbd2d74d012b8e5b4b0' +
  '8969974a0c96777e65b9f109c56ec68418f07dec3adc4d2079ee5f3ed7cb3948';
const SM4_SBOX = new Uint8Array(256);
for (let i = 0; i < 256; i++) SM4_SBOX[i] = parseInt(SM4_HEX.slice(2 * i, 2 * i + 2), 16);

/** SM4 τ: the S-box on each byte of a word. */
const tau = (x: number): number =>
  SM4_SBOX[x & 0xff] |
  (SM4_SBOX[(x >>> 8) & 0xff] << 8) |
  (SM4_SBOX[(x >>> 16) & 0xff] << 16) |
  (SM4_SBOX[x >>> 24] << 24);

/** SM3SS1: Vd<127:96> = ROL(ROL(Vn3, 12) + Vm3 + Va3, 7), the rest zero. */
const sm3ss1: Exec = (cpu, a) => {
  const w = cpu.vi32;
  const d = a.rd * 4;
  const r = rol((rol(w[a.rn * 4 + 3], 12) + w[a.rm * 4 + 3] + w[a.ra * 4 + 3]) | 0, 7);
  w[d] = 0;
  w[d + 1] = 0;
  w[d + 2] = 0;
  w[d + 3] = r;
};

/** SM3TT1A (kind 0, parity) and SM3TT1B (kind 1, majority). */
function sm3tt1(kind: number): Exec {
  return (cpu, a) => {
    const w = cpu.vi32;
    const d = a.rd * 4;
    const d0 = w[d],
      d1 = w[d + 1],
      d2 = w[d + 2],
      d3 = w[d + 3];
    const wj = w[a.rm * 4 + a.imm2];
    const ss2 = w[a.rn * 4 + 3] ^ rol(d3, 12);
    const f = kind === 0 ? d1 ^ d3 ^ d2 : (d3 & d1) | (d3 & d2) | (d1 & d2);
    const tt1 = (f + d0 + ss2 + wj) | 0;
    w[d] = d1;
    w[d + 1] = rol(d2, 9);
    w[d + 2] = d3;
    w[d + 3] = tt1;
  };
}

/** SM3TT2A (kind 0, parity) and SM3TT2B (kind 1, choose). */
function sm3tt2(kind: number): Exec {
  return (cpu, a) => {
    const w = cpu.vi32;
    const d = a.rd * 4;
    const d0 = w[d],
      d1 = w[d + 1],
      d2 = w[d + 2],
      d3 = w[d + 3];
    const wj = w[a.rm * 4 + a.imm2];
    const g = kind === 0 ? d1 ^ d3 ^ d2 : (d3 & d2) | (~d3 & d1);
    const tt2 = (g + d0 + w[a.rn * 4 + 3] + wj) | 0;
    w[d] = d1;
    w[d + 1] = rol(d2, 19);
    w[d + 2] = d3;
    w[d + 3] = tt2 ^ rol(tt2, 9) ^ rol(tt2, 17);
  };
}

const p1 = (x: number): number => x ^ rol(x, 15) ^ rol(x, 23);

/** SM3PARTW1: message expansion, first part. */
const sm3partw1: Exec = (cpu, a) => {
  const w = cpu.vi32;
  const d = a.rd * 4;
  const n = a.rn * 4;
  const m = a.rm * 4;
  const r0 = p1(w[d] ^ w[n] ^ rol(w[m + 1], 15));
  const r1 = p1(w[d + 1] ^ w[n + 1] ^ rol(w[m + 2], 15));
  const r2 = p1(w[d + 2] ^ w[n + 2] ^ rol(w[m + 3], 15));
  const r3 = p1(w[d + 3] ^ w[n + 3] ^ rol(r0, 15));
  w[d] = r0;
  w[d + 1] = r1;
  w[d + 2] = r2;
  w[d + 3] = r3;
};

/** SM3PARTW2: message expansion, second part. */
const sm3partw2: Exec = (cpu, a) => {
  const w = cpu.vi32;
  const d = a.rd * 4;
  const n = a.rn * 4;
  const m = a.rm * 4;
  const t0 = w[n] ^ rol(w[m], 7);
  const t1 = w[n + 1] ^ rol(w[m + 1], 7);
  const t2 = w[n + 2] ^ rol(w[m + 2], 7);
  const t3 = w[n + 3] ^ rol(w[m + 3], 7);
  const t = p1(rol(t0, 15));
  w[d] ^= t0;
  w[d + 1] ^= t1;
  w[d + 2] ^= t2;
  w[d + 3] = w[d + 3] ^ t3 ^ t;
};

/** Four SM4 rounds: SM4E on Vd with round keys from Vn; SM4EKEY (keySchedule) on Vn with CK constants from Vm, using the key-schedule linear map L'. */
function sm4Rounds(keySchedule: boolean): Exec {
  return (cpu, a) => {
    const w = cpu.vi32;
    const src = (keySchedule ? a.rn : a.rd) * 4;
    const k = (keySchedule ? a.rm : a.rn) * 4;
    let r0 = w[src],
      r1 = w[src + 1],
      r2 = w[src + 2],
      r3 = w[src + 3];
    const k0 = w[k],
      k1 = w[k + 1],
      k2 = w[k + 2],
      k3 = w[k + 3];
    for (let i = 0; i < 4; i++) {
      const rk = i === 0 ? k0 : i === 1 ? k1 : i === 2 ? k2 : k3;
      let x = tau(r3 ^ r2 ^ r1 ^ rk);
      x = keySchedule ? x ^ rol(x, 13) ^ rol(x, 23) : x ^ rol(x, 2) ^ rol(x, 10) ^ rol(x, 18) ^ rol(x, 24);
      x ^= r0;
      r0 = r1;
      r1 = r2;
      r2 = r3;
      r3 = x;
    }
    const d = a.rd * 4;
    w[d] = r0;
    w[d + 1] = r1;
    w[d + 2] = r2;
    w[d + 3] = r3;
  };
}

export const sm3Sm4Semantics: SemanticsTable = {
  SM3SS1: { exec: sm3ss1 },
  SM3TT1A: { exec: sm3tt1(0) },
  SM3TT1B: { exec: sm3tt1(1) },
  SM3TT2A: { exec: sm3tt2(0) },
  SM3TT2B: { exec: sm3tt2(1) },
  SM3PARTW1: { exec: sm3partw1 },
  SM3PARTW2: { exec: sm3partw2 },
  SM4E: { exec: sm4Rounds(false) },
  SM4EKEY: { exec: sm4Rounds(true) },
};
