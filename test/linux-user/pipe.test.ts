/**
 * The in-process pipe (src/linux-user/pipe.ts) on its own: capacity in page
 * slots, PIPE_BUF atomicity, end of file, EPIPE, poll bits and wake-ups.
 * Expected values are Linux's (fs/pipe.c), the same that
 * test/guest/files/pipes.c checks against qemu-aarch64.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Pipe, makePipe } from '../../src/linux-user/pipe.js';
import { EAGAIN, EBUSY, EPERM, EPIPE } from '../../src/linux-user/errno.js';

const bytes = (n: number, v = 7): Uint8Array => new Uint8Array(n).fill(v);

/** Bytes a pipe takes in writes of `chunk` before EAGAIN. */
function capacity(chunk: number): number {
  const { write } = makePipe(0n, 0, 0);
  let total = 0;
  for (;;) {
    const n = write.write(bytes(chunk));
    if (n < 0) {
      assert.equal(n, -EAGAIN);
      return total;
    }
    total += n;
  }
}

test('a pipe holds 16 pages: 65536 bytes written one at a time or a page at a time', () => {
  assert.equal(capacity(1), 65536);
  assert.equal(capacity(4096), 65536);
  assert.equal(capacity(100000), 65536);
});

test('writes that do not fit the last page start a new one, so 3000-byte writes fill 48000 bytes', () => {
  assert.equal(capacity(3000), 48000);
  assert.equal(capacity(5000), 54096);
});

test('a write of at most PIPE_BUF goes in whole or not at all', () => {
  const { write } = makePipe(0n, 0, 0);
  for (let i = 0; i < 15; i++) write.write(bytes(4096));
  write.write(bytes(4000));
  assert.equal(write.write(bytes(97)), -EAGAIN);
  assert.equal(write.write(bytes(96)), 96);
  assert.equal(write.write(bytes(1)), -EAGAIN);
});

test('a read takes across pages up to its size; an empty pipe with a writer says EAGAIN', () => {
  const { read, write } = makePipe(0n, 0, 0);
  write.write(new TextEncoder().encode('one'));
  write.write(bytes(5000, 0x41));
  const buf = new Uint8Array(10);
  assert.equal(read.read(buf), 10);
  assert.equal(new TextDecoder().decode(buf.subarray(0, 4)), 'oneA');
  assert.equal(read.pipe.buffered, 4993);
  assert.equal(read.read(new Uint8Array(8000)), 4993);
  assert.equal(read.read(buf), -EAGAIN);
});

test('end of file once the last write end closes, after the data', () => {
  const pipe = new Pipe();
  const r = pipe.open(true);
  const w1 = pipe.open(false);
  const w2 = pipe.open(false);
  w1.write(bytes(3));
  w1.close();
  assert.equal(r.poll(), 0x41); // POLLIN|POLLRDNORM: a writer is left
  w2.close();
  assert.equal(r.poll(), 0x51); // and POLLHUP
  assert.equal(r.read(new Uint8Array(8)), 3);
  assert.equal(r.read(new Uint8Array(8)), 0);
  assert.equal(r.poll(), 0x10);
});

test('writing with no read end is EPIPE; the write end then polls POLLOUT|POLLERR', () => {
  const { read, write } = makePipe(0n, 0, 0);
  read.close();
  assert.equal(write.write(bytes(1)), -EPIPE);
  assert.equal(write.poll(), 0x10c);
});

test('a full pipe is not writable until a read frees a page, which wakes the write end', () => {
  const { read, write } = makePipe(0n, 0, 0);
  while (write.write(bytes(4096)) > 0);
  assert.equal(write.poll(), 0);
  let woken = 0;
  write.readiness.add(() => woken++);
  read.read(new Uint8Array(100));
  assert.equal(woken, 0, 'no page freed yet');
  read.read(new Uint8Array(4000));
  assert.equal(woken, 1);
  assert.equal(write.poll(), 0x104);
});

test('a write wakes the read end with the POLLIN key', () => {
  const { read, write } = makePipe(0n, 0, 0);
  let key = -1;
  read.readiness.add(() => (key = read.wakeKey));
  write.write(bytes(1));
  assert.equal(key, 0x41);
});

test('packet mode: each write is a packet and a read takes at most one, dropping its rest', () => {
  const { read, write } = makePipe(0n, 0, 0);
  write.packet = true;
  write.write(bytes(1, 1));
  write.write(bytes(2, 2));
  write.write(bytes(3, 3));
  assert.equal(read.read(new Uint8Array(100)), 1);
  const one = new Uint8Array(1);
  assert.equal(read.read(one), 1);
  assert.equal(one[0], 2);
  assert.equal(read.read(new Uint8Array(100)), 3);
});

test('F_SETPIPE_SZ rounds up to a power of two pages, refuses to drop data, and needs privilege past 1 MiB', () => {
  const pipe = new Pipe();
  assert.equal(pipe.resize(5000, false), 8192);
  assert.equal(pipe.resize(0, false), 4096);
  assert.equal(pipe.resize(2 << 20, false), -EPERM);
  assert.equal(pipe.resize(2 << 20, true), 2 << 20);
  pipe.open(true);
  const w = pipe.open(false);
  w.write(bytes(4096));
  w.write(bytes(4096));
  assert.equal(pipe.resize(4096, false), -EBUSY);
});

test('fstat of a pipe end: a FIFO with mode 0600 and size 0', () => {
  const { read } = makePipe(1_700_000_000_123_456_789n, 5, 6);
  const st = read.stat();
  assert.equal(st.mode, 0o010600);
  assert.equal(st.size, 0);
  assert.equal(st.uid, 5);
  assert.equal(st.mtimeSec, 1_700_000_000);
  assert.equal(st.mtimeNsec, 123_456_789);
});
