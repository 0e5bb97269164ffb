/**
 * Blocking descriptors through the library API (src/linux-user/index.ts):
 * a guest read of stdin that has no data yet waits without holding up the
 * host's event loop, resumes when data arrives, sees end of file when the
 * writer closes, and is cut short by a signal (EINTR without SA_RESTART).
 * stdin is the read end of an in-process pipe (src/linux-user/pipe.ts)
 * written by host timers. The guest's expected output is what
 * qemu-aarch64 prints for the same input timing (stdin-reads.c, checked by
 * hand with `(sleep 1; echo one; sleep 0.5; echo two) | qemu-aarch64 ...`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runProgram } from '../../src/linux-user/index.js';
import { nodeHost } from '../../src/host/node-host.js';
import { makePipe } from '../../src/linux-user/pipe.js';
import { guest } from '../helpers/run-both.js';

const enc = new TextEncoder();
const after = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function run(args: string[], feed: (write: (s: string) => void, close: () => void) => Promise<void>) {
  const ends = makePipe(0n, 0, 0);
  let out = '';
  const events: string[] = [];
  const done = runProgram({
    argv: [guest('files', 'stdin-reads'), ...args],
    host: nodeHost(),
    stdin: ends.read,
    stdout: (d) => {
      out += new TextDecoder().decode(d);
      events.push('output');
    },
  });
  await feed(
    (s) => {
      events.push('write');
      ends.write.write(enc.encode(s));
    },
    () => ends.write.close(),
  );
  const r = await done;
  return { out, exitCode: r.exitCode, events };
}

test('a read of an empty stdin pipe waits while host timers run, then returns each write as it comes', async () => {
  let ticks = 0;
  const ticker = setInterval(() => ticks++, 5);
  const r = await run([], async (write, close) => {
    await after(100);
    const before = ticks;
    write('one\n');
    await after(100);
    assert.ok(ticks >= before + 2, `host timers kept running while the guest waited (${ticks - before} ticks)`);
    write('two\n');
    await after(50);
    close();
  });
  clearInterval(ticker);
  assert.equal(r.out, 'read 4: one\n\nread 4: two\n\nend of file\n');
  assert.equal(r.exitCode, 0);
  // The first line is printed before the second write is made: the guest ran while the host waited.
  assert.deepEqual(r.events.slice(0, 2), ['write', 'output']);
  assert.equal(r.events.filter((e) => e === 'write').length, 2);
});

test('a signal during a read of an empty stdin pipe ends it with EINTR, and reading goes on', async () => {
  const r = await run(['alarm'], async (write, close) => {
    await after(300);
    write('late\n');
    await after(50);
    close();
  });
  assert.equal(r.out, 'read: EINTR\nread 5: late\n\nend of file\n');
  assert.equal(r.exitCode, 0);
});
