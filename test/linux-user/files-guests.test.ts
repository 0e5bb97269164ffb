/**
 * Guest programs of test/guest/files/ under armvisor and qemu-aarch64:
 * pipes, poll/select, epoll, eventfd, timerfd, directory order, fadvise,
 * copy_file_range, sendfile, record locks, close_range. Output and status
 * must be identical.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { guest, runArmvisor, runBoth, runQemu, type RunSpec } from '../helpers/run-both.js';

function same(name: string, spec: RunSpec = {}) {
  const r = runBoth(guest('files', name), spec);
  assert.equal(r.armvisor.stdout, r.qemu.stdout, `stdout differs; armvisor stderr:\n${r.armvisor.stderr}`);
  assert.equal(r.armvisor.status, r.qemu.status, `status differs; armvisor stderr:\n${r.armvisor.stderr}`);
  assert.equal(r.armvisor.stderr, '', 'armvisor printed diagnostics');
  return r;
}

test('pipes: capacity, atomicity, EOF, EPIPE and SIGPIPE, poll bits, pipe sizes, packets, interrupted waits (pipes.c)', () => {
  const r = same('pipes');
  assert.match(r.armvisor.stdout, /fill by 3000: 48000/);
  assert.match(r.armvisor.stdout, /write interrupted after 64 KiB: 65536/);
});

test('epoll level/edge/one-shot and ready-list order, eventfd, timerfd (readiness.c)', () => {
  const r = same('readiness');
  assert.match(r.armvisor.stdout, /order: 3 0x1\/3 0x1\/1 0x1\/2/);
});

test('directory order, fadvise64, sendfile, copy_file_range, record locks, dup3, close_range (fileops.c)', () => {
  // Each run gets its own empty directory on the same file system (ext4 orders entries by a per-file-system hash).
  const a = mkdtempSync(join(tmpdir(), 'armvisor-fileops-'));
  const b = mkdtempSync(join(tmpdir(), 'armvisor-fileops-'));
  try {
    const armvisor = runArmvisor(guest('files', 'fileops'), { args: [a] });
    const qemu = runQemu(guest('files', 'fileops'), { args: [b] });
    assert.equal(armvisor.stdout, qemu.stdout, `stdout differs; armvisor stderr:\n${armvisor.stderr}`);
    assert.equal(armvisor.status, 0);
    assert.match(armvisor.stdout, /OFD write lock on f2 conflicts with our POSIX read lock: -1 EAGAIN/);
  } finally {
    rmSync(a, { recursive: true, force: true });
    rmSync(b, { recursive: true, force: true });
  }
});

test('a read of stdin waits without blocking the host, and a signal ends it with EINTR (stdin-reads.c)', () => {
  // Input that arrives at once: both print the same reads.
  same('stdin-reads', { input: 'abc\n', args: ['alarm'] });
});

test('pipes between processes: a writer and a reader waiting in turn, EOF, SIGPIPE, poll woken by a child (pipe-fork.c)', () => {
  const r = same('pipe-fork');
  assert.match(r.armvisor.stdout, /child: 300000 bytes/);
  assert.match(r.armvisor.stdout, /writer killed by signal 13/);
});
