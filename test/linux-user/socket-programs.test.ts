/**
 * Sockets end to end: static guest programs (test/guest/net/*.c) under
 * armvisor and under qemu-aarch64 (which hands the calls to the host
 * kernel: the reference), with identical output; and guest clients and
 * servers talking to peers on the host (a Node server or client in this
 * test), so blocking connect/accept/recv wait on real network events.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import * as net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, TEST_ENV, guest, runArmvisor, runQemu, type RunOutcome } from '../helpers/run-both.js';

interface Running {
  /** Resolves with the whole run once the program exits. */
  done: Promise<RunOutcome>;
  /** Resolves with the first stdout line that matches. */
  line(re: RegExp): Promise<RegExpMatchArray>;
}

/** Start a guest program without blocking this process (so a server in this test can answer it). */
function start(emulator: 'armvisor' | 'qemu', program: string, args: string[], input = ''): Running {
  const cmd =
    emulator === 'armvisor' ? [process.execPath, CLI, 'run', program, ...args] : ['qemu-aarch64', program, ...args];
  const child = spawn(cmd[0], cmd.slice(1), { env: TEST_ENV });
  let stdout = '';
  let stderr = '';
  const watchers: (() => void)[] = [];
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    for (const w of watchers) w();
  });
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin.end(input);
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const done = new Promise<RunOutcome>((resolve) =>
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, status: signal ? 128 : (code ?? -1) });
    }),
  );
  const line = (re: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = (): void => {
        const m = stdout.match(re);
        if (m) resolve(m);
      };
      watchers.push(check);
      check();
      void done.then(() => reject(new Error(`program ended without printing ${re}; stderr:\n${stderr}`)));
    });
  return { done, line };
}

/** A host TCP server answering each connection with what it received, upper-cased, after the client's FIN. */
async function upperServer(host: string): Promise<{ port: number; close: () => void }> {
  const server = net.createServer({ allowHalfOpen: true }, (s) => {
    const parts: Buffer[] = [];
    s.on('data', (d) => parts.push(d));
    s.on('end', () => s.end(Buffer.concat(parts).toString('latin1').toUpperCase(), 'latin1'));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return { port: (server.address() as net.AddressInfo).port, close: () => server.close() };
}

/** Connect to 127.0.0.1:port, send `text`, end, and collect the answer. */
function hostClient(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    const s = net.connect({ host: '127.0.0.1', port, allowHalfOpen: true }, () => s.end(text));
    s.on('data', (d) => parts.push(d));
    s.on('end', () => resolve(Buffer.concat(parts).toString()));
    s.on('error', reject);
  });
}

function same(name: string, args: string[] = []): void {
  const a = runArmvisor(guest('net', name), { args });
  const q = runQemu(guest('net', name), { args });
  assert.equal(a.stdout, q.stdout, `stdout differs; armvisor stderr:\n${a.stderr}`);
  assert.equal(a.status, q.status);
}

test('TCP and UDP over loopback in one task behave as on Linux (inet.c, checked against qemu-aarch64)', () => {
  same('inet');
});

test('AF_UNIX socketpairs, SCM_RIGHTS, path and abstract names behave as on Linux (unix.c, checked against qemu-aarch64)', () => {
  // Each emulator gets its own scratch directory (the program binds sockets in it; paths are not printed).
  const a = runArmvisor(guest('net', 'unix'), { args: [mkdtempSync(join(tmpdir(), 'armvisor-unix-'))] });
  const q = runQemu(guest('net', 'unix'), { args: [mkdtempSync(join(tmpdir(), 'armvisor-unix-'))] });
  assert.equal(a.stdout, q.stdout, `stdout differs; armvisor stderr:\n${a.stderr}`);
  assert.equal(a.status, q.status);
});

test('two guest processes pass descriptors, stream 1 MiB over TCP and die of SIGPIPE as on Linux (fork-peers.c, checked against qemu-aarch64)', () => {
  const a = runArmvisor(guest('net', 'fork-peers'), { args: [mkdtempSync(join(tmpdir(), 'armvisor-fork-'))] });
  const q = runQemu(guest('net', 'fork-peers'), { args: [mkdtempSync(join(tmpdir(), 'armvisor-fork-'))] });
  assert.equal(a.stdout, q.stdout, `stdout differs; armvisor stderr:\n${a.stderr}`);
  assert.equal(a.status, q.status);
  assert.match(a.stdout, /received 1048576 bytes in order 1/);
});

test('a guest TCP client exchanges data with a host server, blocking in connect and recv (echo-client.c)', async () => {
  const server = await upperServer('127.0.0.1');
  try {
    const input = Array.from({ length: 4000 }, (_, i) => `line ${i} of the client's input\n`).join('');
    const a = await start('armvisor', guest('net', 'echo-client'), [String(server.port)], input).done;
    const q = await start('qemu', guest('net', 'echo-client'), [String(server.port)], input).done;
    assert.equal(a.stdout, input.toUpperCase(), a.stderr);
    assert.equal(a.stdout, q.stdout);
    assert.equal(a.status, 0);
  } finally {
    server.close();
  }
});

test('a guest TCP client reaches a host server over IPv6 loopback (echo-client.c)', async () => {
  const server = await upperServer('::1');
  try {
    const a = await start('armvisor', guest('net', 'echo-client'), [String(server.port), '6'], 'six\n').done;
    assert.equal(a.stdout, 'SIX\n', a.stderr);
  } finally {
    server.close();
  }
});

test('a guest TCP client connecting to a closed port fails with ECONNREFUSED (echo-client.c)', async () => {
  const server = await upperServer('127.0.0.1');
  server.close();
  const a = await start('armvisor', guest('net', 'echo-client'), [String(server.port)]).done;
  assert.equal(a.stdout, 'connect: Connection refused\n');
  assert.equal(a.status, 1);
});

test('a guest TCP server accepts host clients one after another, blocking in accept and recv (echo-server.c)', async () => {
  const results: string[] = [];
  for (const emulator of ['armvisor', 'qemu'] as const) {
    const run = start(emulator, guest('net', 'echo-server'), ['3']);
    const port = Number((await run.line(/^port (\d+)$/m))[1]);
    const replies: string[] = [];
    for (let i = 0; i < 3; i++) replies.push(await hostClient(port, `abc ${i}\nsecond line\n`));
    const r = await run.done;
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(
      replies,
      [0, 1, 2].map((i) => `${i} cba\nenil dnoces\n`),
    );
    results.push(r.stdout.replace(/^port \d+\n/, ''));
  }
  assert.equal(results[0], results[1]);
});
