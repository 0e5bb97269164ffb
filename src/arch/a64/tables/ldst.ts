import type { A64Def } from '../encoding.js';

export const ldstEncodings: A64Def[] = [];
