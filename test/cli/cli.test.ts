/**
 * The armvisor command line: qemu-aarch64-compatible options, the `run`
 * subcommand being optional, exit statuses and one-line errors.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseRunArgs } from '../../src/cli/main.js';
import { CLI, REPO, guest } from '../helpers/run-both.js';

const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { env: { PATH: '/usr/bin:/bin' } });
  return { status: r.status, stdout: r.stdout.toString(), stderr: r.stderr.toString() };
};

test('the compiled command starts with a node shebang', () => {
  assert.match(readFileSync(CLI, 'utf8'), /^#!\/usr\/bin\/env node\n/);
});

test('--help prints usage and exits 0', () => {
  const r = cli('--help');
  assert.equal(r.status, 0);
  assert.match(r.stdout, /^usage: armvisor run \[options\] program/);
});

test('--version prints the package version', () => {
  const pkg = JSON.parse(readFileSync(`${REPO}/package.json`, 'utf8')) as { version: string };
  assert.equal(cli('--version').stdout, `armvisor ${pkg.version}\n`);
});

test('`armvisor PROGRAM` works without the run subcommand', () => {
  assert.equal(cli(guest('user', 'exit42')).status, 42);
  assert.equal(cli('run', guest('user', 'exit42')).status, 42);
});

test('an unknown option is one line and exit status 1', () => {
  const r = cli('run', '-frobnicate', guest('user', 'exit42'));
  assert.equal(r.status, 1);
  assert.equal(r.stderr, "armvisor: unknown option '-frobnicate' (see armvisor --help)\n");
});

test('-cpu accepts the models qemu knows that armvisor can be, and refuses others like qemu', () => {
  assert.equal(cli('-cpu', 'cortex-a57', guest('user', 'exit42')).status, 42);
  const r = cli('-cpu', 'pentium', guest('user', 'exit42'));
  assert.equal(r.status, 1);
  assert.equal(r.stderr, "armvisor: unable to find CPU model 'pentium'\n");
});

test('-cpu takes qemu feature suffixes that turn off what armvisor lacks, and refuses others', () => {
  assert.equal(cli('-cpu', 'max,sve=off,sme=off,pauth=off', guest('user', 'exit42')).status, 42);
  const r = cli('-cpu', 'max,sve=on', guest('user', 'exit42'));
  assert.equal(r.status, 1);
  assert.match(r.stderr, /property 'sve=on' is not supported/);
});

test('no program is an error with exit status 1', () => {
  const r = cli('run');
  assert.equal(r.status, 1);
  assert.match(r.stderr, /no program given/);
});

test('--stats prints instructions, time and MIPS after the program exits', () => {
  const r = cli('--stats', guest('user', 'hello-asm'));
  assert.equal(r.stdout, 'hello, arm64!\n');
  assert.match(r.stderr, /^armvisor: 9 instructions in \d+\.\d{3} s \(\d+\.\d MIPS\)\n$/);
});

test("options stop at the program: later words are the program's arguments", () => {
  const o = parseRunArgs(['-strace', 'prog', '-E', 'x=1', '--stats']);
  assert.ok(typeof o === 'object');
  assert.equal(o.program, 'prog');
  assert.deepEqual(o.args, ['-E', 'x=1', '--stats']);
  assert.equal(o.strace, true);
});

test('-E and -U take comma-separated lists and may repeat; --name equals -name', () => {
  const o = parseRunArgs(['-E', 'A=1,B=2', '--E', 'C=a=b', '-U', 'X,Y', '-U', 'Z', '-0', 'zero', 'prog']);
  assert.ok(typeof o === 'object');
  assert.deepEqual(o.setEnv, [
    ['A', '1'],
    ['B', '2'],
    ['C', 'a=b'],
  ]);
  assert.deepEqual(o.unsetEnv, ['X', 'Y', 'Z']);
  assert.equal(o.argv0, 'zero');
});

test('-d page logs the memory layout of the program; -D sends the logs (with -d strace) to a file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'armvisor-cli-'));
  try {
    const log = join(dir, 'log.txt');
    const r = cli('-d', 'page,strace', '-D', log, guest('user', 'hello-asm'));
    assert.equal(r.status, 0);
    assert.equal(r.stdout, 'hello, arm64!\n');
    assert.equal(r.stderr, '');
    const text = readFileSync(log, 'utf8');
    assert.match(text, /exec .*hello-asm: entry 0x4000d4, start_brk 0x401000\n/);
    assert.match(text, /^0000000000400000 0000000000401000 0000000000001000 r-x {2}.*hello-asm$/m);
    assert.match(text, /\[stack\]\n/);
    assert.match(text, /^\d+ write\(1,0x4000f8,14\) = 14$/m);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('-d help lists the log items; an unknown item is a one-line error', () => {
  const h = cli('-d', 'help');
  assert.equal(h.status, 0);
  assert.match(h.stdout, /^ {2}page /m);
  const r = cli('-d', 'frob', guest('user', 'exit42'));
  assert.equal(r.status, 1);
  assert.equal(r.stderr, "armvisor: -d: unknown log item 'frob' (armvisor -d help lists them)\n");
});

test('-g (gdb stub) is refused with a precise message until it exists', () => {
  const r = cli('-g', '1234', guest('user', 'exit42'));
  assert.equal(r.status, 1);
  assert.equal(r.stderr, 'armvisor: -g: the gdb stub is not implemented yet\n');
});
