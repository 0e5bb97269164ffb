/**
 * File syscalls of the files area called directly on an empty guest process
 * (test/linux-user/fixture.ts): extended attributes (EOPNOTSUPP, see
 * syscalls/fs-meta.ts), /proc/self/fd, FIONREAD, getdents64 in the host's
 * order. Expected values are Linux's for a file system without xattr
 * support (man 2 getxattr) and what readdir(3) returns on the host.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, opendirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeProcess, putString, sys, type Fixture } from './fixture.js';
import { EBADF, ENOENT, EOPNOTSUPP, ERANGE } from '../../src/linux-user/errno.js';

const AT_FDCWD = -100;
const BUF = 0x10000000;
const PATH = 0x10010000;
const NAME = 0x10020000;
const dir = mkdtempSync(join(tmpdir(), 'armvisor-files-'));
for (const n of ['zeta', 'alpha', 'm', 'b12', 'kappa', '0', 'Q']) writeFileSync(join(dir, n), n);
after(() => rmSync(dir, { recursive: true, force: true }));

function fixture(): Fixture {
  const f = makeProcess();
  f.map.mapAnonymous(BUF, 0x10000, 3);
  return f;
}

const text = (f: Fixture, addr: number, n: number) => new TextDecoder().decode(f.mem.readBytes(addr, n));

test('getxattr/lgetxattr/listxattr on an existing file are EOPNOTSUPP (no xattr support)', () => {
  const f = fixture();
  const p = putString(f, PATH, join(dir, 'alpha'));
  const n = putString(f, NAME, 'user.x');
  assert.equal(sys(f.task, 'getxattr', p, n, BUF, 100), -EOPNOTSUPP);
  assert.equal(sys(f.task, 'lgetxattr', p, n, BUF, 100), -EOPNOTSUPP);
  assert.equal(sys(f.task, 'listxattr', p, BUF, 100), -EOPNOTSUPP);
  assert.equal(sys(f.task, 'setxattr', p, n, BUF, 1, 0), -EOPNOTSUPP);
  assert.equal(sys(f.task, 'removexattr', p, n), -EOPNOTSUPP);
});

test('xattr calls check the path, the descriptor and the name first', () => {
  const f = fixture();
  const n = putString(f, NAME, 'user.x');
  assert.equal(sys(f.task, 'getxattr', putString(f, PATH, join(dir, 'missing')), n, BUF, 100), -ENOENT);
  assert.equal(sys(f.task, 'fgetxattr', 99, n, BUF, 100), -EBADF);
  assert.equal(sys(f.task, 'flistxattr', 1, BUF, 100), -EOPNOTSUPP);
  assert.equal(sys(f.task, 'fgetxattr', 1, putString(f, NAME, ''), BUF, 100), -ERANGE);
  assert.equal(sys(f.task, 'fgetxattr', 1, putString(f, NAME, 'u'.repeat(256)), BUF, 100), -ERANGE);
});

test('getdents64 lists a directory in the host order of readdir(3), "." and ".." first', () => {
  const f = fixture();
  const fd = sys(f.task, 'openat', AT_FDCWD, putString(f, PATH, dir), 0o40000, 0);
  const n = sys(f.task, 'getdents64', fd, BUF, 0x10000);
  assert.ok(n > 0);
  const names: string[] = [];
  const raw = f.mem.readBytes(BUF, n);
  const dv = new DataView(raw.buffer, raw.byteOffset);
  for (let o = 0; o < n; o += dv.getUint16(o + 16, true)) {
    const end = raw.indexOf(0, o + 19);
    names.push(new TextDecoder().decode(raw.subarray(o + 19, end)));
  }
  const host: string[] = [];
  const d = opendirSync(dir);
  for (let e = d.readSync(); e; e = d.readSync()) host.push(e.name);
  d.closeSync();
  assert.deepEqual(names, ['.', '..', ...host]);
});

test('a pipe in /proc/self/fd: readlink gives pipe:[N], lstat a link open for reading, stat a FIFO', () => {
  const f = fixture();
  assert.equal(sys(f.task, 'pipe2', BUF, 0), 0);
  const r = new DataView(f.mem.readBytes(BUF, 4).buffer).getInt32(0, true);
  const link = putString(f, PATH, `/proc/self/fd/${r}`);
  const n = sys(f.task, 'readlinkat', AT_FDCWD, link, BUF + 64, 64);
  assert.match(text(f, BUF + 64, n), /^pipe:\[\d+\]$/);
  assert.equal(sys(f.task, 'newfstatat', AT_FDCWD, link, BUF + 256, 0x100), 0);
  assert.equal(new DataView(f.mem.readBytes(BUF + 256 + 16, 4).buffer).getUint32(0, true), 0o120500);
  assert.equal(sys(f.task, 'newfstatat', AT_FDCWD, link, BUF + 256, 0), 0);
  assert.equal(new DataView(f.mem.readBytes(BUF + 256 + 16, 4).buffer).getUint32(0, true), 0o010600);
});

test('FIONREAD: bytes in a pipe, bytes past the offset of a regular file', () => {
  const f = fixture();
  sys(f.task, 'pipe2', BUF, 0);
  const dv = new DataView(f.mem.readBytes(BUF, 8).buffer);
  const [r, w] = [dv.getInt32(0, true), dv.getInt32(4, true)];
  f.mem.writeBytes(BUF + 100, new TextEncoder().encode('hello'));
  sys(f.task, 'write', w, BUF + 100, 5);
  assert.equal(sys(f.task, 'ioctl', r, 0x541b, BUF + 200), 0);
  assert.equal(new DataView(f.mem.readBytes(BUF + 200, 4).buffer).getInt32(0, true), 5);
  const fd = sys(f.task, 'openat', AT_FDCWD, putString(f, PATH, join(dir, 'kappa')), 0, 0);
  sys(f.task, 'read', fd, BUF, 2);
  assert.equal(sys(f.task, 'ioctl', fd, 0x541b, BUF + 200), 0);
  assert.equal(new DataView(f.mem.readBytes(BUF + 200, 4).buffer).getInt32(0, true), 3);
});

test('/proc/self/fd lists the open descriptors', () => {
  const f = fixture();
  sys(f.task, 'pipe2', BUF, 0);
  const fd = sys(f.task, 'openat', AT_FDCWD, putString(f, PATH, '/proc/self/fd'), 0o40000, 0);
  const n = sys(f.task, 'getdents64', fd, BUF, 0x1000);
  const raw = f.mem.readBytes(BUF, n);
  const dv = new DataView(raw.buffer, raw.byteOffset);
  const names: string[] = [];
  for (let o = 0; o < n; o += dv.getUint16(o + 16, true))
    names.push(new TextDecoder().decode(raw.subarray(o + 19, raw.indexOf(0, o + 19))));
  assert.deepEqual(names, ['.', '..', '0', '1', '2', '3', '4', String(fd)]);
});
