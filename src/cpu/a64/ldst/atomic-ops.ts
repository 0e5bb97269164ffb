/**
 * The data operations of the LSE atomic memory instructions (ARM ARM C6.2
 * LDADD … LDUMIN, SWP), on 32-bit halves. `op` is the encoding's opc
 * (0 add, 1 clr (bit clear), 2 eor, 3 set (or), 4 smax, 5 smin, 6 umax,
 * 7 umin) or 8 for SWP.
 */

/** High half of the last atomicWide result. */
export let wideHi = 0;

/** New memory value of a B/H/W atomic: `old` as loaded (zero-extended, W as int32), `s` the register. */
export function atomicNarrow(op: number, size: number, old: number, s: number): number {
  switch (op) {
    case 0:
      return (old + s) | 0;
    case 1:
      return old & ~s;
    case 2:
      return old ^ s;
    case 3:
      return old | s;
    case 4:
    case 5: {
      // signed compare of the low 8 << size bits
      const sh = 32 - (8 << size);
      const o = (old << sh) >> sh;
      const v = (s << sh) >> sh;
      return (op === 4 ? o >= v : o <= v) ? old : s;
    }
    case 6:
    case 7: {
      const mask = size === 2 ? -1 : (1 << (8 << size)) - 1;
      const o = (old & mask) >>> 0;
      const v = (s & mask) >>> 0;
      return (op === 6 ? o >= v : o <= v) ? old : s;
    }
    default:
      return s;
  }
}

/** New memory value of an X atomic: returns the low half, high half in wideHi. */
export function atomicWide(op: number, oldLo: number, oldHi: number, sLo: number, sHi: number): number {
  switch (op) {
    case 0: {
      const lo = (oldLo >>> 0) + (sLo >>> 0);
      wideHi = (oldHi + sHi + (lo > 0xffffffff ? 1 : 0)) | 0;
      return lo | 0;
    }
    case 1:
      wideHi = oldHi & ~sHi;
      return oldLo & ~sLo;
    case 2:
      wideHi = oldHi ^ sHi;
      return oldLo ^ sLo;
    case 3:
      wideHi = oldHi | sHi;
      return oldLo | sLo;
    case 4:
    case 5:
    case 6:
    case 7: {
      // compare old with s: high halves signed (4, 5) or unsigned (6, 7), then low halves unsigned
      const oh = op < 6 ? oldHi : oldHi >>> 0;
      const vh = op < 6 ? sHi : sHi >>> 0;
      const cmp = oh !== vh ? (oh > vh ? 1 : -1) : oldLo >>> 0 === sLo >>> 0 ? 0 : oldLo >>> 0 > sLo >>> 0 ? 1 : -1;
      const keepOld = op === 4 || op === 6 ? cmp >= 0 : cmp <= 0;
      wideHi = keepOld ? oldHi : sHi;
      return keepOld ? oldLo : sLo;
    }
    default:
      wideHi = sHi;
      return sLo;
  }
}
