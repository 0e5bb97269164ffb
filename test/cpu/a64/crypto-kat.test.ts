/**
 * Published known answers computed through the crypto instructions by a
 * static C program (test/guest/simd-perm/crypto-kat.c, built by
 * scripts/build-guests.sh): AES-128 from FIPS-197 Appendix B and C.1, SHA-1,
 * SHA-256 and SHA-512 from the FIPS 180-4 examples, SHA3-256 from FIPS 202,
 * SM4 from the GB/T 32907-2016 example, and PMULL products. Each line must equal the published value and what
 * qemu-aarch64 prints.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { guest, runArmvisor, runQemu, type RunOutcome } from '../../helpers/run-both.js';

let runs: { armvisor: RunOutcome; qemu: RunOutcome } | null = null;
function lines(): { armvisor: Map<string, string>; qemu: Map<string, string>; stderr: string } {
  if (!runs) {
    const prog = guest('simd-perm', 'crypto-kat');
    runs = { armvisor: runArmvisor(prog), qemu: runQemu(prog, { options: ['-cpu', 'max'] }) };
  }
  const parse = (s: string): Map<string, string> =>
    new Map(
      s
        .trim()
        .split('\n')
        .map((l) => l.split(' ') as [string, string]),
    );
  return { armvisor: parse(runs.armvisor.stdout), qemu: parse(runs.qemu.stdout), stderr: runs.armvisor.stderr };
}

const KNOWN: [string, string, string][] = [
  ['AESE/AESMC encrypt FIPS-197 Appendix B', 'aes128-fips197-B-encrypt', '3925841d02dc09fbdc118597196a0b32'],
  ['AESD/AESIMC decrypt FIPS-197 Appendix B', 'aes128-fips197-B-decrypt', '3243f6a8885a308d313198a2e0370734'],
  ['AESE/AESMC encrypt FIPS-197 C.1', 'aes128-fips197-C1-encrypt', '69c4e0d86a7b0430d8cdb78070b4c55a'],
  ['AESD/AESIMC decrypt FIPS-197 C.1', 'aes128-fips197-C1-decrypt', '00112233445566778899aabbccddeeff'],
  ['SHA1C/P/M/H/SU0/SU1: SHA-1("abc")', 'sha1-abc', 'a9993e364706816aba3e25717850c26c9cd0d89d'],
  ['SHA1 two-block message', 'sha1-2block', '84983e441c3bd26ebaae4aa1f95129e5e54670f1'],
  [
    'SHA256H/H2/SU0/SU1: SHA-256("abc")',
    'sha256-abc',
    'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
  ],
  ['SHA256 two-block message', 'sha256-2block', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
  [
    'SHA512H/H2/SU0/SU1: SHA-512("abc")',
    'sha512-abc',
    'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f',
  ],
  [
    'EOR3/RAX1/XAR/BCAX Keccak: SHA3-256("abc")',
    'sha3-256-abc',
    '3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532',
  ],
  [
    'EOR3/RAX1/XAR/BCAX Keccak: SHA3-256("")',
    'sha3-256-empty',
    'a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a',
  ],
  ['SM4EKEY/SM4E encrypt, GB/T 32907-2016 example', 'sm4-encrypt', '681edf34d206965e86b3e94f536e4246'],
];

for (const [what, key, value] of KNOWN) {
  test(`${what} gives the published value`, () => {
    const l = lines();
    assert.equal(l.qemu.get(key), value, 'qemu disagrees with the published value: the guest program is wrong');
    assert.equal(l.armvisor.get(key), value, l.stderr);
  });
}

for (const key of ['pmull-64', 'pmull2-64', 'pmull-8']) {
  test(`PMULL/PMULL2 product ${key} matches qemu`, () => {
    const l = lines();
    assert.ok(l.qemu.get(key));
    assert.equal(l.armvisor.get(key), l.qemu.get(key), l.stderr);
  });
}
