/**
 * The ELF loader and the initial stack. Bad files must give one clear line
 * and exit status 1 (never a stack trace); good ones are laid out as Linux's
 * binfmt_elf does (values cross-checked with qemu-aarch64 where it agrees).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ElfError, parseElf } from '../../src/linux-user/elf.js';
import { prepareProgram, runProgram, ExecError } from '../../src/linux-user/index.js';
import {
  AT_ENTRY,
  AT_EXECFN,
  AT_PAGESZ,
  AT_PHDR,
  AT_PHNUM,
  AT_PLATFORM,
  AT_RANDOM,
  ET_DYN_BASE,
  STACK_TOP,
} from '../../src/linux-user/loader.js';
import { nodeHost } from '../../src/host/node-host.js';
import { CLI, guest } from '../helpers/run-both.js';

const tmp = mkdtempSync(join(tmpdir(), 'armvisor-loader-'));
const exit42 = (): Uint8Array => new Uint8Array(readFileSync(guest('user', 'exit42')));

function badFile(name: string, bytes: Uint8Array): string {
  const p = join(tmp, name);
  writeFileSync(p, bytes);
  return p;
}

function expectElfError(bytes: Uint8Array, pattern: RegExp): void {
  assert.throws(
    () => parseElf(bytes),
    (e: unknown) => e instanceof ElfError && pattern.test(e.message),
  );
}

test('a file that is not ELF is refused', () => {
  expectElfError(new TextEncoder().encode('#!/bin/sh\necho hi\n'), /not an ELF file/);
  expectElfError(new Uint8Array(0), /not an ELF file/);
});

test('a truncated ELF header is refused', () => {
  expectElfError(exit42().subarray(0, 40), /truncated ELF header/);
});

test('a 32-bit ELF file is refused', () => {
  const b = exit42().slice();
  b[4] = 1;
  expectElfError(b, /32-bit/);
});

test('a big-endian ELF file is refused', () => {
  const b = exit42().slice();
  b[5] = 2;
  expectElfError(b, /big-endian/);
});

test('an ELF file for another machine is refused', () => {
  const b = exit42().slice();
  b[18] = 62; // EM_X86_64
  expectElfError(b, /not an AArch64 program \(e_machine 62\)/);
});

test('a relocatable object is not an executable', () => {
  const b = exit42().slice();
  b[16] = 1;
  expectElfError(b, /relocatable object/);
});

test('a file cut short inside a segment is refused', () => {
  const b = exit42();
  expectElfError(b.subarray(0, 200), /truncated file|program headers/);
});

test('the CLI reports a bad file in one line with exit status 1', () => {
  const b = exit42().slice();
  b[5] = 2;
  for (const p of [
    badFile('be', b),
    badFile('text', new TextEncoder().encode('hello')),
    badFile('short', exit42().subarray(0, 100)),
  ]) {
    const r = spawnSync(process.execPath, [CLI, 'run', p]);
    assert.equal(r.status, 1, p);
    const lines = r.stderr.toString().trim().split('\n');
    assert.equal(lines.length, 1, r.stderr.toString());
    assert.match(lines[0], /^armvisor: /);
  }
});

test('a missing program is one line and exit status 1', () => {
  const r = spawnSync(process.execPath, [CLI, 'run', join(tmp, 'does-not-exist')]);
  assert.equal(r.status, 1);
  assert.match(r.stderr.toString(), /^armvisor: cannot open '.*does-not-exist': No such file or directory\n$/);
});

test('a dynamically linked program without -L is refused, asking for -L', () => {
  const src = join(tmp, 'dyn.c');
  writeFileSync(src, 'int main(void) { return 0; }\n');
  execFileSync('aarch64-linux-gnu-gcc', ['-o', join(tmp, 'dyn'), src]);
  assert.throws(
    () => prepareProgram({ argv: [join(tmp, 'dyn')], host: nodeHost() }),
    (e: unknown) => e instanceof ExecError && /dynamic executables need -L/.test(e.message),
  );
});

function auxv(prog: string, argv: string[], env: string[]) {
  const prep = prepareProgram({ argv: [prog, ...argv.slice(1)], env, host: nodeHost() });
  return { prep, aux: new Map(prep.loaded.auxv) };
}

test('the initial stack holds argc, argv, envp and auxv, 16-byte aligned', () => {
  const prog = guest('user', 'exit42');
  const { prep } = auxv(prog, [prog, 'a', 'bc'], ['X=1']);
  const mem = prep.process.mem;
  const sp = prep.loaded.sp;
  assert.equal(sp % 16, 0);
  const words = (addr: number, n: number) => {
    const b = mem.readBytes(addr, n * 8);
    const dv = new DataView(b.buffer);
    return Array.from({ length: n }, (_, i) => dv.getUint32(i * 8 + 4, true) * 2 ** 32 + dv.getUint32(i * 8, true));
  };
  const str = (addr: number) => new TextDecoder().decode(mem.readCString(addr)!);
  const [argc, a0, a1, a2, nul, e0, nul2] = words(sp, 7);
  assert.equal(argc, 3);
  assert.deepEqual([str(a0), str(a1), str(a2)], [prog, 'a', 'bc']);
  assert.equal(nul, 0);
  assert.equal(str(e0), 'X=1');
  assert.equal(nul2, 0);
  assert.equal(prep.task.cpu.getX(31), BigInt(sp));
  assert.ok(sp < STACK_TOP && sp > STACK_TOP - 65536);
});

test('auxv gives the page size, entry, program headers, platform, execfn and 16 random bytes', () => {
  const prog = guest('user', 'exit42');
  const { prep, aux } = auxv(prog, [prog], []);
  const elf = prep.loaded.elf;
  assert.equal(aux.get(AT_PAGESZ), 4096);
  assert.equal(aux.get(AT_ENTRY), elf.entry);
  assert.equal(aux.get(AT_PHNUM), elf.phnum);
  const file = exit42();
  // The program headers are visible in memory at AT_PHDR, as in the file.
  assert.deepEqual(
    prep.process.mem.readBytes(aux.get(AT_PHDR)!, 56),
    new Uint8Array(file.subarray(elf.phoff, elf.phoff + 56)),
  );
  const str = (addr: number) => new TextDecoder().decode(prep.process.mem.readCString(addr)!);
  assert.equal(str(aux.get(AT_PLATFORM)!), 'aarch64');
  assert.equal(str(aux.get(AT_EXECFN)!), prog);
  assert.equal(prep.process.mem.readBytes(aux.get(AT_RANDOM)!, 16).length, 16);
});

test('a static PIE is placed at ELF_ET_DYN_BASE and runs', async () => {
  const prog = guest('user', 'exit42-pie');
  const { prep, aux } = auxv(prog, [prog], []);
  assert.equal(prep.loaded.loadBias, ET_DYN_BASE);
  assert.equal(aux.get(AT_ENTRY), ET_DYN_BASE + prep.loaded.elf.entry);
  const r = await runProgram({ argv: [prog], host: nodeHost() });
  assert.equal(r.exitCode, 42);
});

test('the program break starts on the page after the highest segment', () => {
  const prog = guest('user', 'exit42');
  const { prep } = auxv(prog, [prog], []);
  const end = Math.max(...prep.loaded.elf.phdrs.filter((p) => p.type === 1).map((p) => p.vaddr + p.memsz));
  assert.equal(prep.process.map.brk, Math.ceil(end / 4096) * 4096);
});
