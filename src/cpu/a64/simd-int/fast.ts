/**
 * Specialised lane loops for the most frequent integer SIMD operations (what
 * compilers emit for string functions, memchr/strlen, vectorised loops): one
 * loop per element size with the operation written inline, so each loop sees
 * one typed-array type and no indirect call. Same prepared args as the
 * generic loops in ../semantics/simd-int.ts (a.n/a.m/a.d lane indices, a.lanes,
 * a.zf, a.rdb); results are identical to the generic element ops (checked by
 * the same qemu cases).
 */
import type { A64Cpu } from '../cpu.js';
import type { Args, Exec } from '../semantics-types.js';

const T = new Float64Array(16);

/** 0xff in every byte of t that is zero, 0x00 elsewhere. */
function eqBytes(t: number): number {
  const nz = (((t & 0x7f7f7f7f) + 0x7f7f7f7f) | t) & 0x80808080;
  return ((~nz & 0x80808080) >>> 7) * 0xff;
}

function zero(cpu: A64Cpu, a: Args): void {
  if (a.zf === 8) {
    const w = a.rdb >> 2;
    cpu.vi32[w + 2] = 0;
    cpu.vi32[w + 3] = 0;
  } else if (a.zf < 16) cpu.v8.fill(0, a.rdb + a.zf, a.rdb + 16);
}

/** ADD (vector or scalar, 8/16/32-bit lanes). */
export const addFast: Exec = (cpu, a) => {
  if (a.sz === 0) {
    // SWAR: 4 lanes per 32-bit word, no carry between lanes.
    const W = cpu.vi32;
    const k = 2;
    for (let i = 0; i < a.lanes >> k; i++) {
      const x = W[(a.n >> k) + i];
      const y = W[(a.m >> k) + i];
      W[(a.d >> k) + i] = ((x & 0x7f7f7f7f) + (y & 0x7f7f7f7f)) ^ ((x ^ y) & 0x80808080);
    }
  } else if (a.sz === 1) {
    // SWAR: 2 lanes per 32-bit word, no carry between lanes.
    const W = cpu.vi32;
    const k = 1;
    for (let i = 0; i < a.lanes >> k; i++) {
      const x = W[(a.n >> k) + i];
      const y = W[(a.m >> k) + i];
      W[(a.d >> k) + i] = ((x & 0x7fff7fff) + (y & 0x7fff7fff)) ^ ((x ^ y) & 0x80008000);
    }
  } else if (a.sz === 2) {
    const V = cpu.v32;
    for (let i = 0; i < a.lanes; i++) {
      const x = V[a.n + i];
      const y = V[a.m + i];
      V[a.d + i] = x + y;
    }
  }
  zero(cpu, a);
};

/** SUB (vector or scalar, 8/16/32-bit lanes). */
export const subFast: Exec = (cpu, a) => {
  if (a.sz === 0) {
    // SWAR: 4 lanes per 32-bit word, no carry between lanes.
    const W = cpu.vi32;
    const k = 2;
    for (let i = 0; i < a.lanes >> k; i++) {
      const x = W[(a.n >> k) + i];
      const y = W[(a.m >> k) + i];
      W[(a.d >> k) + i] = ((x | 0x80808080) - (y & 0x7f7f7f7f)) ^ ((x ^ ~y) & 0x80808080);
    }
  } else if (a.sz === 1) {
    // SWAR: 2 lanes per 32-bit word, no carry between lanes.
    const W = cpu.vi32;
    const k = 1;
    for (let i = 0; i < a.lanes >> k; i++) {
      const x = W[(a.n >> k) + i];
      const y = W[(a.m >> k) + i];
      W[(a.d >> k) + i] = ((x | 0x80008000) - (y & 0x7fff7fff)) ^ ((x ^ ~y) & 0x80008000);
    }
  } else if (a.sz === 2) {
    const V = cpu.v32;
    for (let i = 0; i < a.lanes; i++) {
      const x = V[a.n + i];
      const y = V[a.m + i];
      V[a.d + i] = x - y;
    }
  }
  zero(cpu, a);
};

/** CMEQ (vector or scalar, 8/16/32-bit lanes). */
export const cmeqFast: Exec = (cpu, a) => {
  if (a.sz === 0) {
    // SWAR: 4 lanes per 32-bit word, no carry between lanes.
    const W = cpu.vi32;
    const k = 2;
    for (let i = 0; i < a.lanes >> k; i++) {
      const x = W[(a.n >> k) + i];
      const y = W[(a.m >> k) + i];
      W[(a.d >> k) + i] = eqBytes(x ^ y);
    }
  } else if (a.sz === 1) {
    const V = cpu.v16;
    for (let i = 0; i < a.lanes; i++) {
      const x = V[a.n + i];
      const y = V[a.m + i];
      V[a.d + i] = x === y ? -1 : 0;
    }
  } else if (a.sz === 2) {
    const V = cpu.v32;
    for (let i = 0; i < a.lanes; i++) {
      const x = V[a.n + i];
      const y = V[a.m + i];
      V[a.d + i] = x === y ? -1 : 0;
    }
  }
  zero(cpu, a);
};

/** CMTST (vector or scalar, 8/16/32-bit lanes). */
export const cmtstFast: Exec = (cpu, a) => {
  if (a.sz === 0) {
    const V = cpu.v8;
    for (let i = 0; i < a.lanes; i++) {
      const x = V[a.n + i];
      const y = V[a.m + i];
      V[a.d + i] = (x & y) !== 0 ? -1 : 0;
    }
  } else if (a.sz === 1) {
    const V = cpu.v16;
    for (let i = 0; i < a.lanes; i++) {
      const x = V[a.n + i];
      const y = V[a.m + i];
      V[a.d + i] = (x & y) !== 0 ? -1 : 0;
    }
  } else if (a.sz === 2) {
    const V = cpu.v32;
    for (let i = 0; i < a.lanes; i++) {
      const x = V[a.n + i];
      const y = V[a.m + i];
      V[a.d + i] = (x & y) !== 0 ? -1 : 0;
    }
  }
  zero(cpu, a);
};

/** CMGT (vector or scalar, 8/16/32-bit lanes). */
export const cmgtFast: Exec = (cpu, a) => {
  if (a.sz === 0) {
    const V = cpu.vi8;
    for (let i = 0; i < a.lanes; i++) {
      const x = V[a.n + i];
      const y = V[a.m + i];
      V[a.d + i] = x > y ? -1 : 0;
    }
  } else if (a.sz === 1) {
    const V = cpu.vi16;
    for (let i = 0; i < a.lanes; i++) {
      const x = V[a.n + i];
      const y = V[a.m + i];
      V[a.d + i] = x > y ? -1 : 0;
    }
  } else if (a.sz === 2) {
    const V = cpu.vi32;
    for (let i = 0; i < a.lanes; i++) {
      const x = V[a.n + i];
      const y = V[a.m + i];
      V[a.d + i] = x > y ? -1 : 0;
    }
  }
  zero(cpu, a);
};

/** CMHI (vector or scalar, 8/16/32-bit lanes). */
export const cmhiFast: Exec = (cpu, a) => {
  if (a.sz === 0) {
    const V = cpu.v8;
    for (let i = 0; i < a.lanes; i++) {
      const x = V[a.n + i];
      const y = V[a.m + i];
      V[a.d + i] = x > y ? -1 : 0;
    }
  } else if (a.sz === 1) {
    const V = cpu.v16;
    for (let i = 0; i < a.lanes; i++) {
      const x = V[a.n + i];
      const y = V[a.m + i];
      V[a.d + i] = x > y ? -1 : 0;
    }
  } else if (a.sz === 2) {
    const V = cpu.v32;
    for (let i = 0; i < a.lanes; i++) {
      const x = V[a.n + i];
      const y = V[a.m + i];
      V[a.d + i] = x > y ? -1 : 0;
    }
  }
  zero(cpu, a);
};

/** CMGE (vector or scalar, 8/16/32-bit lanes). */
export const cmgeFast: Exec = (cpu, a) => {
  if (a.sz === 0) {
    const V = cpu.vi8;
    for (let i = 0; i < a.lanes; i++) {
      const x = V[a.n + i];
      const y = V[a.m + i];
      V[a.d + i] = x >= y ? -1 : 0;
    }
  } else if (a.sz === 1) {
    const V = cpu.vi16;
    for (let i = 0; i < a.lanes; i++) {
      const x = V[a.n + i];
      const y = V[a.m + i];
      V[a.d + i] = x >= y ? -1 : 0;
    }
  } else if (a.sz === 2) {
    const V = cpu.vi32;
    for (let i = 0; i < a.lanes; i++) {
      const x = V[a.n + i];
      const y = V[a.m + i];
      V[a.d + i] = x >= y ? -1 : 0;
    }
  }
  zero(cpu, a);
};

/** CMHS (vector or scalar, 8/16/32-bit lanes). */
export const cmhsFast: Exec = (cpu, a) => {
  if (a.sz === 0) {
    const V = cpu.v8;
    for (let i = 0; i < a.lanes; i++) {
      const x = V[a.n + i];
      const y = V[a.m + i];
      V[a.d + i] = x >= y ? -1 : 0;
    }
  } else if (a.sz === 1) {
    const V = cpu.v16;
    for (let i = 0; i < a.lanes; i++) {
      const x = V[a.n + i];
      const y = V[a.m + i];
      V[a.d + i] = x >= y ? -1 : 0;
    }
  } else if (a.sz === 2) {
    const V = cpu.v32;
    for (let i = 0; i < a.lanes; i++) {
      const x = V[a.n + i];
      const y = V[a.m + i];
      V[a.d + i] = x >= y ? -1 : 0;
    }
  }
  zero(cpu, a);
};

/** SMAX (vector or scalar, 8/16/32-bit lanes). */
export const smaxFast: Exec = (cpu, a) => {
  if (a.sz === 0) {
    const V = cpu.vi8;
    for (let i = 0; i < a.lanes; i++) {
      const x = V[a.n + i];
      const y = V[a.m + i];
      V[a.d + i] = x > y ? x : y;
    }
  } else if (a.sz === 1) {
    const V = cpu.vi16;
    for (let i = 0; i < a.lanes; i++) {
      const x = V[a.n + i];
      const y = V[a.m + i];
      V[a.d + i] = x > y ? x : y;
    }
  } else if (a.sz === 2) {
    const V = cpu.vi32;
    for (let i = 0; i < a.lanes; i++) {
      const x = V[a.n + i];
      const y = V[a.m + i];
      V[a.d + i] = x > y ? x : y;
    }
  }
  zero(cpu, a);
};

/** UMAX (vector or scalar, 8/16/32-bit lanes). */
export const umaxFast: Exec = (cpu, a) => {
  if (a.sz === 0) {
    const V = cpu.v8;
    for (let i = 0; i < a.lanes; i++) {
      const x = V[a.n + i];
      const y = V[a.m + i];
      V[a.d + i] = x > y ? x : y;
    }
  } else if (a.sz === 1) {
    const V = cpu.v16;
    for (let i = 0; i < a.lanes; i++) {
      const x = V[a.n + i];
      const y = V[a.m + i];
      V[a.d + i] = x > y ? x : y;
    }
  } else if (a.sz === 2) {
    const V = cpu.v32;
    for (let i = 0; i < a.lanes; i++) {
      const x = V[a.n + i];
      const y = V[a.m + i];
      V[a.d + i] = x > y ? x : y;
    }
  }
  zero(cpu, a);
};

/** SMIN (vector or scalar, 8/16/32-bit lanes). */
export const sminFast: Exec = (cpu, a) => {
  if (a.sz === 0) {
    const V = cpu.vi8;
    for (let i = 0; i < a.lanes; i++) {
      const x = V[a.n + i];
      const y = V[a.m + i];
      V[a.d + i] = x < y ? x : y;
    }
  } else if (a.sz === 1) {
    const V = cpu.vi16;
    for (let i = 0; i < a.lanes; i++) {
      const x = V[a.n + i];
      const y = V[a.m + i];
      V[a.d + i] = x < y ? x : y;
    }
  } else if (a.sz === 2) {
    const V = cpu.vi32;
    for (let i = 0; i < a.lanes; i++) {
      const x = V[a.n + i];
      const y = V[a.m + i];
      V[a.d + i] = x < y ? x : y;
    }
  }
  zero(cpu, a);
};

/** UMIN (vector or scalar, 8/16/32-bit lanes). */
export const uminFast: Exec = (cpu, a) => {
  if (a.sz === 0) {
    const V = cpu.v8;
    for (let i = 0; i < a.lanes; i++) {
      const x = V[a.n + i];
      const y = V[a.m + i];
      V[a.d + i] = x < y ? x : y;
    }
  } else if (a.sz === 1) {
    const V = cpu.v16;
    for (let i = 0; i < a.lanes; i++) {
      const x = V[a.n + i];
      const y = V[a.m + i];
      V[a.d + i] = x < y ? x : y;
    }
  } else if (a.sz === 2) {
    const V = cpu.v32;
    for (let i = 0; i < a.lanes; i++) {
      const x = V[a.n + i];
      const y = V[a.m + i];
      V[a.d + i] = x < y ? x : y;
    }
  }
  zero(cpu, a);
};

/** MUL (vector or scalar, 8/16/32-bit lanes). */
export const mulFast: Exec = (cpu, a) => {
  if (a.sz === 0) {
    const V = cpu.v8;
    for (let i = 0; i < a.lanes; i++) {
      const x = V[a.n + i];
      const y = V[a.m + i];
      V[a.d + i] = Math.imul(x, y);
    }
  } else if (a.sz === 1) {
    const V = cpu.v16;
    for (let i = 0; i < a.lanes; i++) {
      const x = V[a.n + i];
      const y = V[a.m + i];
      V[a.d + i] = Math.imul(x, y);
    }
  } else if (a.sz === 2) {
    const V = cpu.v32;
    for (let i = 0; i < a.lanes; i++) {
      const x = V[a.n + i];
      const y = V[a.m + i];
      V[a.d + i] = Math.imul(x, y);
    }
  }
  zero(cpu, a);
};

/** MLA (vector or scalar, 8/16/32-bit lanes). */
export const mlaFast: Exec = (cpu, a) => {
  if (a.sz === 0) {
    const V = cpu.v8;
    for (let i = 0; i < a.lanes; i++) {
      const x = V[a.n + i];
      const y = V[a.m + i];
      const d = V[a.d + i];
      V[a.d + i] = d + Math.imul(x, y);
    }
  } else if (a.sz === 1) {
    const V = cpu.v16;
    for (let i = 0; i < a.lanes; i++) {
      const x = V[a.n + i];
      const y = V[a.m + i];
      const d = V[a.d + i];
      V[a.d + i] = d + Math.imul(x, y);
    }
  } else if (a.sz === 2) {
    const V = cpu.v32;
    for (let i = 0; i < a.lanes; i++) {
      const x = V[a.n + i];
      const y = V[a.m + i];
      const d = V[a.d + i];
      V[a.d + i] = d + Math.imul(x, y);
    }
  }
  zero(cpu, a);
};

/** MLS (vector or scalar, 8/16/32-bit lanes). */
export const mlsFast: Exec = (cpu, a) => {
  if (a.sz === 0) {
    const V = cpu.v8;
    for (let i = 0; i < a.lanes; i++) {
      const x = V[a.n + i];
      const y = V[a.m + i];
      const d = V[a.d + i];
      V[a.d + i] = d - Math.imul(x, y);
    }
  } else if (a.sz === 1) {
    const V = cpu.v16;
    for (let i = 0; i < a.lanes; i++) {
      const x = V[a.n + i];
      const y = V[a.m + i];
      const d = V[a.d + i];
      V[a.d + i] = d - Math.imul(x, y);
    }
  } else if (a.sz === 2) {
    const V = cpu.v32;
    for (let i = 0; i < a.lanes; i++) {
      const x = V[a.n + i];
      const y = V[a.m + i];
      const d = V[a.d + i];
      V[a.d + i] = d - Math.imul(x, y);
    }
  }
  zero(cpu, a);
};

/** ADDP (vector, 8/16/32-bit lanes). */
export const addpFast: Exec = (cpu, a) => {
  const half = a.lanes >> 1;
  if (a.sz === 0) {
    const V = cpu.v8;
    for (let i = 0; i < half; i++) {
      let x = V[a.n + 2 * i];
      let y = V[a.n + 2 * i + 1];
      T[i] = x + y;
      x = V[a.m + 2 * i];
      y = V[a.m + 2 * i + 1];
      T[half + i] = x + y;
    }
    for (let i = 0; i < a.lanes; i++) V[a.d + i] = T[i];
  } else if (a.sz === 1) {
    const V = cpu.v16;
    for (let i = 0; i < half; i++) {
      let x = V[a.n + 2 * i];
      let y = V[a.n + 2 * i + 1];
      T[i] = x + y;
      x = V[a.m + 2 * i];
      y = V[a.m + 2 * i + 1];
      T[half + i] = x + y;
    }
    for (let i = 0; i < a.lanes; i++) V[a.d + i] = T[i];
  } else if (a.sz === 2) {
    const V = cpu.v32;
    for (let i = 0; i < half; i++) {
      let x = V[a.n + 2 * i];
      let y = V[a.n + 2 * i + 1];
      T[i] = x + y;
      x = V[a.m + 2 * i];
      y = V[a.m + 2 * i + 1];
      T[half + i] = x + y;
    }
    for (let i = 0; i < a.lanes; i++) V[a.d + i] = T[i];
  }
  zero(cpu, a);
};

/** SMAXP (vector, 8/16/32-bit lanes). */
export const smaxpFast: Exec = (cpu, a) => {
  const half = a.lanes >> 1;
  if (a.sz === 0) {
    const V = cpu.vi8;
    for (let i = 0; i < half; i++) {
      let x = V[a.n + 2 * i];
      let y = V[a.n + 2 * i + 1];
      T[i] = x > y ? x : y;
      x = V[a.m + 2 * i];
      y = V[a.m + 2 * i + 1];
      T[half + i] = x > y ? x : y;
    }
    for (let i = 0; i < a.lanes; i++) V[a.d + i] = T[i];
  } else if (a.sz === 1) {
    const V = cpu.vi16;
    for (let i = 0; i < half; i++) {
      let x = V[a.n + 2 * i];
      let y = V[a.n + 2 * i + 1];
      T[i] = x > y ? x : y;
      x = V[a.m + 2 * i];
      y = V[a.m + 2 * i + 1];
      T[half + i] = x > y ? x : y;
    }
    for (let i = 0; i < a.lanes; i++) V[a.d + i] = T[i];
  } else if (a.sz === 2) {
    const V = cpu.vi32;
    for (let i = 0; i < half; i++) {
      let x = V[a.n + 2 * i];
      let y = V[a.n + 2 * i + 1];
      T[i] = x > y ? x : y;
      x = V[a.m + 2 * i];
      y = V[a.m + 2 * i + 1];
      T[half + i] = x > y ? x : y;
    }
    for (let i = 0; i < a.lanes; i++) V[a.d + i] = T[i];
  }
  zero(cpu, a);
};

/** UMAXP (vector, 8/16/32-bit lanes). */
export const umaxpFast: Exec = (cpu, a) => {
  const half = a.lanes >> 1;
  if (a.sz === 0) {
    const V = cpu.v8;
    for (let i = 0; i < half; i++) {
      let x = V[a.n + 2 * i];
      let y = V[a.n + 2 * i + 1];
      T[i] = x > y ? x : y;
      x = V[a.m + 2 * i];
      y = V[a.m + 2 * i + 1];
      T[half + i] = x > y ? x : y;
    }
    for (let i = 0; i < a.lanes; i++) V[a.d + i] = T[i];
  } else if (a.sz === 1) {
    const V = cpu.v16;
    for (let i = 0; i < half; i++) {
      let x = V[a.n + 2 * i];
      let y = V[a.n + 2 * i + 1];
      T[i] = x > y ? x : y;
      x = V[a.m + 2 * i];
      y = V[a.m + 2 * i + 1];
      T[half + i] = x > y ? x : y;
    }
    for (let i = 0; i < a.lanes; i++) V[a.d + i] = T[i];
  } else if (a.sz === 2) {
    const V = cpu.v32;
    for (let i = 0; i < half; i++) {
      let x = V[a.n + 2 * i];
      let y = V[a.n + 2 * i + 1];
      T[i] = x > y ? x : y;
      x = V[a.m + 2 * i];
      y = V[a.m + 2 * i + 1];
      T[half + i] = x > y ? x : y;
    }
    for (let i = 0; i < a.lanes; i++) V[a.d + i] = T[i];
  }
  zero(cpu, a);
};

/** SMINP (vector, 8/16/32-bit lanes). */
export const sminpFast: Exec = (cpu, a) => {
  const half = a.lanes >> 1;
  if (a.sz === 0) {
    const V = cpu.vi8;
    for (let i = 0; i < half; i++) {
      let x = V[a.n + 2 * i];
      let y = V[a.n + 2 * i + 1];
      T[i] = x < y ? x : y;
      x = V[a.m + 2 * i];
      y = V[a.m + 2 * i + 1];
      T[half + i] = x < y ? x : y;
    }
    for (let i = 0; i < a.lanes; i++) V[a.d + i] = T[i];
  } else if (a.sz === 1) {
    const V = cpu.vi16;
    for (let i = 0; i < half; i++) {
      let x = V[a.n + 2 * i];
      let y = V[a.n + 2 * i + 1];
      T[i] = x < y ? x : y;
      x = V[a.m + 2 * i];
      y = V[a.m + 2 * i + 1];
      T[half + i] = x < y ? x : y;
    }
    for (let i = 0; i < a.lanes; i++) V[a.d + i] = T[i];
  } else if (a.sz === 2) {
    const V = cpu.vi32;
    for (let i = 0; i < half; i++) {
      let x = V[a.n + 2 * i];
      let y = V[a.n + 2 * i + 1];
      T[i] = x < y ? x : y;
      x = V[a.m + 2 * i];
      y = V[a.m + 2 * i + 1];
      T[half + i] = x < y ? x : y;
    }
    for (let i = 0; i < a.lanes; i++) V[a.d + i] = T[i];
  }
  zero(cpu, a);
};

/** UMINP (vector, 8/16/32-bit lanes). */
export const uminpFast: Exec = (cpu, a) => {
  const half = a.lanes >> 1;
  if (a.sz === 0) {
    const V = cpu.v8;
    for (let i = 0; i < half; i++) {
      let x = V[a.n + 2 * i];
      let y = V[a.n + 2 * i + 1];
      T[i] = x < y ? x : y;
      x = V[a.m + 2 * i];
      y = V[a.m + 2 * i + 1];
      T[half + i] = x < y ? x : y;
    }
    for (let i = 0; i < a.lanes; i++) V[a.d + i] = T[i];
  } else if (a.sz === 1) {
    const V = cpu.v16;
    for (let i = 0; i < half; i++) {
      let x = V[a.n + 2 * i];
      let y = V[a.n + 2 * i + 1];
      T[i] = x < y ? x : y;
      x = V[a.m + 2 * i];
      y = V[a.m + 2 * i + 1];
      T[half + i] = x < y ? x : y;
    }
    for (let i = 0; i < a.lanes; i++) V[a.d + i] = T[i];
  } else if (a.sz === 2) {
    const V = cpu.v32;
    for (let i = 0; i < half; i++) {
      let x = V[a.n + 2 * i];
      let y = V[a.n + 2 * i + 1];
      T[i] = x < y ? x : y;
      x = V[a.m + 2 * i];
      y = V[a.m + 2 * i + 1];
      T[half + i] = x < y ? x : y;
    }
    for (let i = 0; i < a.lanes; i++) V[a.d + i] = T[i];
  }
  zero(cpu, a);
};

/** SSHR #shift, 8/16/32-bit lanes, shift < 32 (the caller keeps the full-width right shifts). */
export const sshrFast: Exec = (cpu, a) => {
  const s = a.shift;
  if (a.sz === 0) {
    const V = cpu.vi8;
    for (let i = 0; i < a.lanes; i++) {
      const x = V[a.n + i];
      V[a.d + i] = x >> s;
    }
  } else if (a.sz === 1) {
    const V = cpu.vi16;
    for (let i = 0; i < a.lanes; i++) {
      const x = V[a.n + i];
      V[a.d + i] = x >> s;
    }
  } else if (a.sz === 2) {
    const V = cpu.vi32;
    for (let i = 0; i < a.lanes; i++) {
      const x = V[a.n + i];
      V[a.d + i] = x >> s;
    }
  }
  zero(cpu, a);
};

/** USHR #shift, 8/16/32-bit lanes, shift < 32 (the caller keeps the full-width right shifts). */
export const ushrFast: Exec = (cpu, a) => {
  const s = a.shift;
  if (a.sz === 0) {
    const V = cpu.v8;
    for (let i = 0; i < a.lanes; i++) {
      const x = V[a.n + i];
      V[a.d + i] = x >>> s;
    }
  } else if (a.sz === 1) {
    const V = cpu.v16;
    for (let i = 0; i < a.lanes; i++) {
      const x = V[a.n + i];
      V[a.d + i] = x >>> s;
    }
  } else if (a.sz === 2) {
    const V = cpu.v32;
    for (let i = 0; i < a.lanes; i++) {
      const x = V[a.n + i];
      V[a.d + i] = x >>> s;
    }
  }
  zero(cpu, a);
};

/** SHL #shift, 8/16/32-bit lanes, shift < 32 (the caller keeps the full-width right shifts). */
export const shlFast: Exec = (cpu, a) => {
  const s = a.shift;
  if (a.sz === 0) {
    const V = cpu.v8;
    for (let i = 0; i < a.lanes; i++) {
      const x = V[a.n + i];
      V[a.d + i] = x << s;
    }
  } else if (a.sz === 1) {
    const V = cpu.v16;
    for (let i = 0; i < a.lanes; i++) {
      const x = V[a.n + i];
      V[a.d + i] = x << s;
    }
  } else if (a.sz === 2) {
    const V = cpu.v32;
    for (let i = 0; i < a.lanes; i++) {
      const x = V[a.n + i];
      V[a.d + i] = x << s;
    }
  }
  zero(cpu, a);
};

/** SHRN (truncating, not rounding) from 16/32-bit lanes: narrow[off + i] = wide[i] >>> shift. */
export const shrnFast: Exec = (cpu, a) => {
  const s = a.shift;
  if (a.sz === 0) {
    const S = cpu.v16;
    for (let i = 0; i < a.cnt; i++) T[i] = S[a.n + i] >>> s;
    const D = cpu.v8;
    for (let i = 0; i < a.cnt; i++) D[a.d + a.off + i] = T[i];
  } else {
    const S = cpu.v32;
    for (let i = 0; i < a.cnt; i++) T[i] = S[a.n + i] >>> s;
    const D = cpu.v16;
    for (let i = 0; i < a.cnt; i++) D[a.d + a.off + i] = T[i];
  }
  zero(cpu, a);
};
