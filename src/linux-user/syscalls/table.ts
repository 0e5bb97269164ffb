/**
 * The arm64 syscall table: number → declaration, joined from the areas, and
 * the dispatcher that runs one syscall for a task (with -strace output and
 * the one-line diagnostic for numbers nobody implements).
 */
import { ARM64_NR, ARM64_SYSCALL_NAMES } from '../abi/arm64-syscalls.js';
import { ENOSYS } from '../errno.js';
import type { Task } from '../process.js';
import { formatCall, formatResult } from '../strace.js';
import { fsSyscalls } from './fs.js';
import { fsMetaSyscalls } from './fs-meta.js';
import { idSyscalls } from './ids.js';
import { mmSyscalls } from './mm.js';
import { pollSyscalls } from './poll.js';
import { epollSyscalls } from './epoll.js';
import { processSyscalls } from './process.js';
import { signalSyscalls } from './signal.js';
import { socketSyscalls } from './socket.js';
import { taskSyscalls } from './tasks.js';
import { timeSyscalls } from './time.js';
import { moreSyscalls } from './more.js';
import type { SyscallDef } from './types.js';

function buildTable(): (SyscallDef | undefined)[] {
  const AREAS: SyscallDef[][] = [
    fsSyscalls,
    fsMetaSyscalls,
    pollSyscalls,
    epollSyscalls,
    mmSyscalls,
    timeSyscalls,
    processSyscalls,
    signalSyscalls,
    taskSyscalls,
    socketSyscalls,
    moreSyscalls,
    idSyscalls,
  ];
  const table: (SyscallDef | undefined)[] = [];
  for (const area of AREAS) {
    for (const def of area) {
      const nr = ARM64_NR[def.name];
      if (nr === undefined) throw new Error(`syscall table: '${def.name}' is not an arm64 syscall`);
      if (table[nr]) throw new Error(`syscall table: '${def.name}' declared twice`);
      table[nr] = def;
    }
  }
  return table;
}

/**
 * Built at the first syscall, not at module load: the syscall areas and the
 * process/kernel modules import each other, and the areas must all be
 * evaluated before the table can be joined.
 */
let table: (SyscallDef | undefined)[] | null = null;

export function syscallTable(): readonly (SyscallDef | undefined)[] {
  return (table ??= buildTable());
}

/** Name of a syscall number ("syscall_NNN" when the number is not assigned). */
export function syscallName(nr: number): string {
  return ARM64_SYSCALL_NAMES[nr] ?? `syscall_${nr}`;
}

/**
 * Run the syscall the task's x8 names with x0..x5 as arguments; the result
 * goes to x0 (after the Promise settles, when the handler waits).
 */
export function dispatchSyscall(t: Task): void | Promise<void> {
  const p = t.process;
  const nr = t.cpu.x[16];
  const def = nr >= 0 ? syscallTable()[nr] : undefined;
  if (!def) {
    if (!p.reportedSyscalls.has(nr)) {
      p.reportedSyscalls.add(nr);
      p.diagnostic(`armvisor: unsupported syscall ${nr} (${syscallName(nr)}): returning -ENOSYS`);
    }
    if (p.strace) p.strace(`${p.pid} ${syscallName(nr)}(...) = ${formatResult(-ENOSYS, false)}`);
    t.setResult(-ENOSYS);
    return;
  }
  const call = p.strace ? formatCall(t, def) : '';
  if (p.strace && def.noReturn) p.strace(`${p.pid} ${call}`);
  const r = def.handler(t);
  if (typeof r === 'number') {
    if (def.keepsRegs) {
      if (p.strace) p.strace(`${p.pid} ${call} = ?`);
      return;
    }
    t.setResult(r);
    if (p.strace && !def.noReturn) p.strace(`${p.pid} ${call} = ${formatResult(r, def.hexResult ?? false)}`);
    return;
  }
  return r.then((v) => {
    t.setResult(v);
    if (p.strace) p.strace(`${p.pid} ${call} = ${formatResult(v, def.hexResult ?? false)}`);
  });
}
