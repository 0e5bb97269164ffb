import type { A64Def } from '../encoding.js';

export const fpEncodings: A64Def[] = [];
