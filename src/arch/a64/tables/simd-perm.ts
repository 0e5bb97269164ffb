import type { A64Def } from '../encoding.js';

export const simdPermEncodings: A64Def[] = [];
