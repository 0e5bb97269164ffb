/**
 * File syscalls called directly, on real host files. Expected values follow
 * Linux's documented behaviour (man 2 openat, read, lseek, stat, fcntl, …).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeProcess, putString, sys, type Fixture } from './fixture.js';
import { EBADF, EFAULT, ENOENT, ENOTTY, ERANGE, ESPIPE, EINVAL } from '../../src/linux-user/errno.js';

const AT_FDCWD = -100;
const BUF = 0x10000000;
const PATH = 0x10010000;
const dir = mkdtempSync(join(tmpdir(), 'armvisor-fs-'));
writeFileSync(join(dir, 'data.txt'), '0123456789abcdef');
mkdirSync(join(dir, 'sub'));
writeFileSync(join(dir, 'sub', 'one'), '1');

function withBuffer(): Fixture {
  const f = makeProcess();
  f.map.mapAnonymous(BUF, 0x10000, 3);
  return f;
}

const text = (f: Fixture, addr: number, n: number) => new TextDecoder().decode(f.mem.readBytes(addr, n));

function openData(f: Fixture): number {
  return sys(f.task, 'openat', AT_FDCWD, putString(f, PATH, join(dir, 'data.txt')), 0, 0);
}

test('openat returns the lowest free descriptor (3 after stdio) and read advances the offset', () => {
  const f = withBuffer();
  const fd = openData(f);
  assert.equal(fd, 3);
  assert.equal(sys(f.task, 'read', fd, BUF, 4), 4);
  assert.equal(text(f, BUF, 4), '0123');
  assert.equal(sys(f.task, 'read', fd, BUF, 100), 12);
  assert.equal(sys(f.task, 'read', fd, BUF, 100), 0);
});

test('openat of a missing file is ENOENT', () => {
  const f = withBuffer();
  assert.equal(sys(f.task, 'openat', AT_FDCWD, putString(f, PATH, join(dir, 'nope')), 0, 0), -ENOENT);
});

test('a relative path starts at the directory descriptor given', () => {
  const f = withBuffer();
  const d = sys(f.task, 'openat', AT_FDCWD, putString(f, PATH, dir), 0o40000, 0);
  assert.ok(d >= 3);
  const fd = sys(f.task, 'openat', d, putString(f, PATH, 'sub/one'), 0, 0);
  assert.ok(fd > d);
  assert.equal(sys(f.task, 'read', fd, BUF, 10), 1);
});

test('lseek SEEK_SET/SEEK_CUR/SEEK_END and pread64 leave or move the offset as Linux does', () => {
  const f = withBuffer();
  const fd = openData(f);
  assert.equal(sys(f.task, 'lseek', fd, 10, 0), 10);
  assert.equal(sys(f.task, 'lseek', fd, -2, 1), 8);
  assert.equal(sys(f.task, 'lseek', fd, -1, 2), 15);
  assert.equal(sys(f.task, 'lseek', fd, -100, 1), -EINVAL);
  assert.equal(sys(f.task, 'pread64', fd, BUF, 3, 2), 3);
  assert.equal(text(f, BUF, 3), '234');
  assert.equal(sys(f.task, 'read', fd, BUF, 5), 1);
  assert.equal(text(f, BUF, 1), 'f');
});

test('lseek on a stream (stdin here) is ESPIPE', () => {
  const f = withBuffer();
  assert.equal(sys(f.task, 'lseek', 0, 0, 0), -ESPIPE);
});

test('close frees the descriptor: using it again is EBADF', () => {
  const f = withBuffer();
  const fd = openData(f);
  assert.equal(sys(f.task, 'close', fd), 0);
  assert.equal(sys(f.task, 'read', fd, BUF, 1), -EBADF);
  assert.equal(sys(f.task, 'close', fd), -EBADF);
});

test('fstat and newfstatat(AT_EMPTY_PATH) report the size and a regular file mode', () => {
  const f = withBuffer();
  const fd = openData(f);
  assert.equal(sys(f.task, 'fstat', fd, BUF), 0);
  const dv = new DataView(f.mem.readBytes(BUF, 128).buffer);
  assert.equal(dv.getUint32(16, true) & 0o170000, 0o100000);
  assert.equal(dv.getUint32(48, true), 16);
  assert.equal(sys(f.task, 'newfstatat', fd, putString(f, PATH, ''), BUF + 256, 0x1000), 0);
  assert.deepEqual(f.mem.readBytes(BUF + 256, 64), f.mem.readBytes(BUF, 64));
});

test('write and writev reach stdout; a bad buffer is EFAULT', () => {
  const f = withBuffer();
  f.mem.writeBytes(BUF, new TextEncoder().encode('abcdef'));
  assert.equal(sys(f.task, 'write', 1, BUF, 3), 3);
  // iovec { BUF+3, 3 }, { BUF, 1 }
  const iov = new DataView(new ArrayBuffer(32));
  iov.setUint32(0, BUF + 3, true);
  iov.setUint32(8, 3, true);
  iov.setUint32(16, BUF, true);
  iov.setUint32(24, 1, true);
  f.mem.writeBytes(BUF + 0x100, new Uint8Array(iov.buffer));
  assert.equal(sys(f.task, 'writev', 1, BUF + 0x100, 2), 4);
  assert.equal(f.stdout(), 'abcdefa');
  assert.equal(sys(f.task, 'write', 1, 0x1000, 3), -EFAULT);
});

test('readlinkat(/proc/self/exe) names the program, without a NUL', () => {
  const f = withBuffer();
  assert.equal(sys(f.task, 'readlinkat', AT_FDCWD, putString(f, PATH, '/proc/self/exe'), BUF, 100), '/bin/true'.length);
  assert.equal(text(f, BUF, 9), '/bin/true');
});

test('getcwd returns the length with the NUL, ERANGE when the buffer is too small', () => {
  const f = withBuffer();
  const cwd = process.cwd();
  assert.equal(sys(f.task, 'getcwd', BUF, 4096), cwd.length + 1);
  assert.equal(text(f, BUF, cwd.length), cwd);
  assert.equal(sys(f.task, 'getcwd', BUF, 2), -ERANGE);
});

test('dup takes the lowest free descriptor and shares the offset; dup3 sets close-on-exec', () => {
  const f = withBuffer();
  const fd = openData(f);
  const d = sys(f.task, 'dup', fd);
  assert.equal(d, fd + 1);
  sys(f.task, 'read', fd, BUF, 5);
  assert.equal(sys(f.task, 'lseek', d, 0, 1), 5);
  assert.equal(sys(f.task, 'dup3', fd, 10, 0o2000000), 10);
  assert.equal(sys(f.task, 'fcntl', 10, 1, 0), 1); // F_GETFD: FD_CLOEXEC
  assert.equal(sys(f.task, 'fcntl', d, 1, 0), 0);
  assert.equal(sys(f.task, 'dup3', fd, fd, 0), -EINVAL);
  sys(f.task, 'close', fd);
  assert.equal(sys(f.task, 'read', d, BUF, 100), 11);
});

test('ioctl TCGETS on a file that is not a terminal is ENOTTY', () => {
  const f = withBuffer();
  assert.equal(sys(f.task, 'ioctl', openData(f), 0x5401, BUF), -ENOTTY);
  assert.equal(sys(f.task, 'ioctl', 1, 0x5413, BUF), -ENOTTY);
});

test('getdents64 lists a directory with . and ..', () => {
  const f = withBuffer();
  const d = sys(f.task, 'openat', AT_FDCWD, putString(f, PATH, dir), 0o40000, 0);
  const n = sys(f.task, 'getdents64', d, BUF, 4096);
  assert.ok(n > 0);
  const names: string[] = [];
  const b = f.mem.readBytes(BUF, n);
  const dv = new DataView(b.buffer);
  for (let o = 0; o < n; o += dv.getUint16(o + 16, true)) {
    let e = o + 19;
    while (b[e] !== 0) e++;
    names.push(new TextDecoder().decode(b.subarray(o + 19, e)));
  }
  assert.deepEqual(names.sort(), ['.', '..', 'data.txt', 'sub']);
  assert.equal(sys(f.task, 'getdents64', d, BUF, 4096), 0);
});

test('faccessat reports existing and missing files', () => {
  const f = withBuffer();
  assert.equal(sys(f.task, 'faccessat', AT_FDCWD, putString(f, PATH, join(dir, 'data.txt')), 4), 0);
  assert.equal(sys(f.task, 'faccessat', AT_FDCWD, putString(f, PATH, join(dir, 'missing')), 0), -ENOENT);
});
