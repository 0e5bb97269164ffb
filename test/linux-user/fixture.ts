/**
 * An empty guest process for syscall tests: no program loaded, stdio
 * captured, the real host file system. sys() runs one syscall by name the
 * way an SVC would (x8 = number, x0..x5 = arguments) and returns x0.
 */
import { GuestRam } from '../../src/memory/guest-ram.js';
import { UserAddressSpace } from '../../src/memory/user-address-space.js';
import { nodeHost } from '../../src/host/node-host.js';
import { ARM64_NR } from '../../src/linux-user/abi/arm64-syscalls.js';
import { OpenFile } from '../../src/linux-user/files.js';
import { bytesFile, sinkFile } from '../../src/linux-user/host.js';
import { MMAP_BASE } from '../../src/linux-user/loader.js';
import { MemoryMap } from '../../src/linux-user/memory-map.js';
import { Process, type Task } from '../../src/linux-user/process.js';
import { dispatchSyscall } from '../../src/linux-user/syscalls/table.js';

export interface Fixture {
  task: Task;
  proc: Process;
  map: MemoryMap;
  mem: UserAddressSpace;
  stdout: () => string;
  diagnostics: string[];
}

export function makeProcess(stdin = ''): Fixture {
  const mem = new UserAddressSpace(new GuestRam(1 << 20));
  const map = new MemoryMap(mem, MMAP_BASE);
  const chunks: Uint8Array[] = [];
  const host = { ...nodeHost(), stdout: sinkFile((d) => chunks.push(d)), stderr: sinkFile((d) => chunks.push(d)) };
  const diagnostics: string[] = [];
  const proc = new Process({ host, mem, map, exePath: '/bin/true', diagnostic: (l) => diagnostics.push(l) });
  proc.fds.install(new OpenFile(bytesFile(new TextEncoder().encode(stdin)), 0, '/dev/stdin'), false);
  proc.fds.install(new OpenFile(host.stdout, 1, '/dev/stdout'), false);
  proc.fds.install(new OpenFile(host.stderr, 1, '/dev/stderr'), false);
  const task = proc.newTask();
  const stdout = () => Buffer.concat(chunks).toString();
  return { task, proc, map, mem, stdout, diagnostics };
}

/** Run syscall `name` with the given arguments (numbers, may be negative); returns x0 as a signed value. */
export function sys(t: Task, name: string, ...args: number[]): number {
  const nr = ARM64_NR[name];
  if (nr === undefined) throw new Error(`no syscall ${name}`);
  t.cpu.x[16] = nr;
  t.cpu.x[17] = 0;
  for (let i = 0; i < 6; i++) t.setResultAt(i, args[i] ?? 0);
  const r = dispatchSyscall(t);
  if (r) throw new Error(`${name} waited; use sysAsync`);
  return t.argS64(0);
}

export async function sysAsync(t: Task, name: string, ...args: number[]): Promise<number> {
  const nr = ARM64_NR[name];
  t.cpu.x[16] = nr;
  t.cpu.x[17] = 0;
  for (let i = 0; i < 6; i++) t.setResultAt(i, args[i] ?? 0);
  await dispatchSyscall(t);
  return t.argS64(0);
}

/** Write a NUL-terminated string into guest memory (mapping a page for it if needed). */
export function putString(f: Fixture, addr: number, s: string): number {
  if (!f.map.find(addr)) f.map.mapAnonymous(Math.floor(addr / 4096) * 4096, 4096, 3);
  f.mem.writeBytes(addr, new TextEncoder().encode(s + '\0'));
  return addr;
}
