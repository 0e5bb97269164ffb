import type { A64Def } from '../encoding.js';

export const fpVectorEncodings: A64Def[] = [];
