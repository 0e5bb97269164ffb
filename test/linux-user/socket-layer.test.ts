/**
 * The socket layer through its syscalls, without a guest program: what
 * Linux returns for families armvisor does not bridge, AF_UNIX on a host
 * without a network, blocking and waking, timeouts and signals, the exact
 * sockaddr layouts and the -strace rendering.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeProcess, sys, sysAsync, type Fixture } from './fixture.js';
import { EAFNOSUPPORT, EAGAIN } from '../../src/linux-user/errno.js';
import { ERESTARTSYS } from '../../src/linux-user/delivery.js';
import { raiseSignal } from '../../src/linux-user/syscalls/signal.js';
import { encodeSockaddr } from '../../src/linux-user/syscalls/socket.js';
import { syscallTable } from '../../src/linux-user/syscalls/table.js';
import { ARM64_NR } from '../../src/linux-user/abi/arm64-syscalls.js';
import { formatCall } from '../../src/linux-user/strace.js';
import { AF_INET, AF_INET6, AF_UNIX, ipv6Text, parseIpv6 } from '../../src/linux-user/net.js';

const BUF = 0x10000000;
const AF_NETLINK = 16;
const SOCK_STREAM = 1;
const SOCK_DGRAM = 2;
const SOL_SOCKET = 1;
const SO_RCVTIMEO = 20;

function withBuffer(): Fixture {
  const f = makeProcess();
  f.map.mapAnonymous(BUF, 0x10000, 3);
  return f;
}

/** socketpair(AF_UNIX, type) → the two descriptors. */
function pair(f: Fixture, type: number): [number, number] {
  assert.equal(sys(f.task, 'socketpair', AF_UNIX, type, 0, BUF), 0);
  const dv = new DataView(f.mem.readBytes(BUF, 8).buffer);
  return [dv.getInt32(0, true), dv.getInt32(4, true)];
}

test('socket(AF_NETLINK) fails with EAFNOSUPPORT and says so once', () => {
  const f = withBuffer();
  assert.equal(sys(f.task, 'socket', AF_NETLINK, 3, 0), -EAFNOSUPPORT);
  assert.equal(sys(f.task, 'socket', AF_NETLINK, 3, 0), -EAFNOSUPPORT);
  assert.deepEqual(f.diagnostics, ['armvisor: socket: AF_NETLINK sockets are not supported: returning -EAFNOSUPPORT']);
});

test('a host without a network refuses AF_INET sockets but AF_UNIX pairs still work', () => {
  const f = withBuffer();
  delete (f.proc.host as { net?: unknown }).net;
  assert.equal(sys(f.task, 'socket', AF_INET, SOCK_STREAM, 0), -EAFNOSUPPORT);
  assert.match(f.diagnostics[0], /gives no network/);
  const [a, b] = pair(f, SOCK_STREAM);
  f.mem.writeBytes(BUF + 64, new TextEncoder().encode('ping'));
  assert.equal(sys(f.task, 'write', a, BUF + 64, 4), 4);
  assert.equal(sys(f.task, 'read', b, BUF + 128, 16), 4);
  assert.equal(new TextDecoder().decode(f.mem.readBytes(BUF + 128, 4)), 'ping');
});

test('a blocked recv wakes when the peer sends', async () => {
  const f = withBuffer();
  const [a, b] = pair(f, SOCK_DGRAM);
  const reader = sysAsync(f.task, 'recvfrom', b, BUF + 256, 64, 0, 0, 0);
  const writer = f.proc.newTask();
  f.mem.writeBytes(BUF + 64, new TextEncoder().encode('wake up'));
  setTimeout(() => sys(writer, 'sendto', a, BUF + 64, 7, 0, 0, 0), 20);
  assert.equal(await reader, 7);
  assert.equal(new TextDecoder().decode(f.mem.readBytes(BUF + 256, 7)), 'wake up');
});

test('SO_RCVTIMEO ends a blocking recv with EAGAIN after the timeout', async () => {
  const f = withBuffer();
  const [, b] = pair(f, SOCK_STREAM);
  const tv = new DataView(new ArrayBuffer(16));
  tv.setBigInt64(8, 100000n, true); // 0.1 s
  f.mem.writeBytes(BUF + 512, new Uint8Array(tv.buffer));
  assert.equal(sys(f.task, 'setsockopt', b, SOL_SOCKET, SO_RCVTIMEO, BUF + 512, 16), 0);
  const t0 = Date.now();
  assert.equal(await sysAsync(f.task, 'recvfrom', b, BUF + 256, 64, 0, 0, 0), -EAGAIN);
  assert.ok(Date.now() - t0 >= 90, `returned after ${Date.now() - t0} ms`);
});

test('a signal interrupts a blocking recv with ERESTARTSYS (restartable)', async () => {
  const f = withBuffer();
  const [, b] = pair(f, SOCK_STREAM);
  const reader = sysAsync(f.task, 'recvfrom', b, BUF + 256, 64, 0, 0, 0);
  setTimeout(() => raiseSignal(f.task, 10), 20);
  assert.equal(await reader, -ERESTARTSYS);
});

test('sockaddr_in, sockaddr_in6 and sockaddr_un have the kernel layouts and lengths', () => {
  const in4 = encodeSockaddr({ family: AF_INET, ip: new Uint8Array([127, 0, 0, 1]), port: 0x1234 });
  assert.deepEqual([...in4], [2, 0, 0x12, 0x34, 127, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
  const ip6 = parseIpv6('::1')!;
  const in6 = encodeSockaddr({ family: AF_INET6, ip: ip6, port: 80, flowinfo: 0, scopeId: 3 });
  assert.equal(in6.length, 28);
  assert.deepEqual([...in6.subarray(0, 8)], [10, 0, 0, 80, 0, 0, 0, 0]);
  assert.equal(in6[23], 1);
  assert.equal(in6[24], 3);
  // A path name counts its terminating NUL; an abstract name and an unnamed socket do not.
  assert.equal(encodeSockaddr({ family: AF_UNIX, path: new TextEncoder().encode('/tmp/s') }).length, 2 + 6 + 1);
  assert.equal(encodeSockaddr({ family: AF_UNIX, path: new Uint8Array([0, 0x61, 0x62]) }).length, 5);
  assert.equal(encodeSockaddr({ family: AF_UNIX, path: new Uint8Array(0) }).length, 2);
});

test('IPv6 text follows RFC 5952 and parses the forms hosts print', () => {
  assert.equal(ipv6Text(parseIpv6('::1')!), '::1');
  assert.equal(ipv6Text(parseIpv6('::')!), '::');
  assert.equal(ipv6Text(parseIpv6('2001:db8:0:0:1:0:0:1')!), '2001:db8::1:0:0:1');
  assert.equal(ipv6Text(parseIpv6('::ffff:127.0.0.1')!), '::ffff:7f00:1');
  assert.equal(ipv6Text(parseIpv6('fe80::1%lo')!), 'fe80::1');
  assert.equal(parseIpv6('1::2::3'), null);
  assert.equal(parseIpv6('12345::'), null);
});

test('-strace shows socket calls with names and decoded addresses', () => {
  const f = withBuffer();
  const def = (name: string) => syscallTable()[ARM64_NR[name]]!;
  f.mem.writeBytes(BUF, encodeSockaddr({ family: AF_INET, ip: new Uint8Array([127, 0, 0, 1]), port: 8080 }));
  const set = (...args: number[]) => args.forEach((v, i) => f.task.setResultAt(i, v));
  set(3, BUF, 16);
  assert.equal(
    formatCall(f.task, def('connect')),
    'connect(3,{sa_family=AF_INET,sin_port=htons(8080),sin_addr=inet_addr("127.0.0.1")},16)',
  );
  set(AF_INET6, SOCK_STREAM | 0o4000 | 0o2000000, 0);
  assert.equal(formatCall(f.task, def('socket')), 'socket(AF_INET6,SOCK_STREAM|SOCK_NONBLOCK|SOCK_CLOEXEC,0)');
  f.mem.writeBytes(BUF, encodeSockaddr({ family: AF_UNIX, path: new TextEncoder().encode('/run/x') }));
  set(4, BUF, 9);
  assert.equal(formatCall(f.task, def('bind')), 'bind(4,{sa_family=AF_UNIX,sun_path="/run/x"},9)');
  set(5, 1, 2, BUF, 4);
  assert.equal(formatCall(f.task, def('setsockopt')), `setsockopt(5,SOL_SOCKET,SO_REUSEADDR,0x${BUF.toString(16)},4)`);
  set(5, 0x10, 64, 0x2 | 0x40, 0, 0);
  assert.equal(formatCall(f.task, def('recvfrom')), 'recvfrom(5,0x10,64,MSG_PEEK|MSG_DONTWAIT,NULL,NULL)');
});
