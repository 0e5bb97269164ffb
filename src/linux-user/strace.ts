/**
 * -strace: one line per syscall, `PID name(args) = result`, arguments
 * decoded by the format the syscall table declares (close to qemu-user's
 * output).
 */
import { ERRNO_NAMES } from './errno.js';
import type { Task } from './process.js';
import type { ArgFormat, SyscallDef } from './syscalls/types.js';

const hex = (v: number): string => '0x' + v.toString(16);

function flagNames(v: number, names: [number, string][], zero: string): string {
  if (v === 0) return zero;
  const out: string[] = [];
  let rest = v;
  for (const [bit, name] of names) {
    if ((rest & bit) === bit && bit !== 0) {
      out.push(name);
      rest &= ~bit;
    }
  }
  if (rest !== 0) out.push(hex(rest >>> 0));
  return out.join('|');
}

const PROT: [number, string][] = [
  [1, 'PROT_READ'],
  [2, 'PROT_WRITE'],
  [4, 'PROT_EXEC'],
  [0x10, 'PROT_BTI'],
  [0x20, 'PROT_MTE'],
];
const MAP: [number, string][] = [
  [0x03, 'MAP_SHARED_VALIDATE'],
  [0x01, 'MAP_SHARED'],
  [0x02, 'MAP_PRIVATE'],
  [0x10, 'MAP_FIXED'],
  [0x20, 'MAP_ANONYMOUS'],
  [0x100, 'MAP_GROWSDOWN'],
  [0x4000, 'MAP_NORESERVE'],
  [0x8000, 'MAP_POPULATE'],
  [0x20000, 'MAP_STACK'],
  [0x100000, 'MAP_FIXED_NOREPLACE'],
];
const OFLAGS: [number, string][] = [
  [0o100, 'O_CREAT'],
  [0o200, 'O_EXCL'],
  [0o400, 'O_NOCTTY'],
  [0o1000, 'O_TRUNC'],
  [0o2000, 'O_APPEND'],
  [0o4000, 'O_NONBLOCK'],
  [0o40000, 'O_DIRECTORY'],
  [0o100000, 'O_NOFOLLOW'],
  [0o400000, 'O_LARGEFILE'],
  [0o2000000, 'O_CLOEXEC'],
  [0o10000000, 'O_PATH'],
];
const CLOCKS = [
  'CLOCK_REALTIME',
  'CLOCK_MONOTONIC',
  'CLOCK_PROCESS_CPUTIME_ID',
  'CLOCK_THREAD_CPUTIME_ID',
  'CLOCK_MONOTONIC_RAW',
  'CLOCK_REALTIME_COARSE',
  'CLOCK_MONOTONIC_COARSE',
  'CLOCK_BOOTTIME',
];

function formatArg(t: Task, n: number, f: ArgFormat): string {
  switch (f) {
    case 'int':
    case 'fd':
    case 'signal':
      return String(t.argInt(n));
    case 'dirfd':
      return t.argInt(n) === -100 ? 'AT_FDCWD' : String(t.argInt(n));
    case 'uint':
      return String(t.argU32(n));
    case 'long':
      return String(t.argS64(n));
    case 'size':
      return String(t.argU64(n));
    case 'hex':
      return t.argU64(n) === 0 ? 'NULL' : hex(t.argU64(n));
    case 'str': {
      const addr = t.argU64(n);
      if (addr === 0) return 'NULL';
      const s = t.process.readString(addr, 4096);
      return s === null ? hex(addr) : JSON.stringify(s);
    }
    case 'oflags': {
      const v = t.argInt(n);
      const acc = ['O_RDONLY', 'O_WRONLY', 'O_RDWR', 'O_ACCMODE'][v & 3];
      const rest = flagNames(v & ~3, OFLAGS, '');
      return rest ? `${acc}|${rest}` : acc;
    }
    case 'prot':
      return flagNames(t.argInt(n), PROT, 'PROT_NONE');
    case 'mflags':
      return flagNames(t.argInt(n), MAP, '0');
    case 'clock':
      return CLOCKS[t.argInt(n)] ?? String(t.argInt(n));
  }
}

export function formatCall(t: Task, def: SyscallDef): string {
  if (def.formatArgs) return `${def.name}(${def.formatArgs(t)})`;
  return `${def.name}(${def.args.map((f, i) => formatArg(t, i, f)).join(',')})`;
}

export function formatResult(r: number, asHex: boolean): string {
  if (r < 0 && r > -4096) return `-1 errno=${-r} (${ERRNO_NAMES[-r] ?? 'unknown'})`;
  return asHex ? hex(r) : String(r);
}
