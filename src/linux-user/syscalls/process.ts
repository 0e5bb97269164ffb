/**
 * Process and thread bookkeeping: exit, identity, uname, resource limits,
 * getrandom, scheduling queries, thread-library registrations
 * (set_tid_address, set_robust_list, rseq) and a single-threaded futex.
 */
import type { Task } from '../process.js';
import type { SyscallDef } from './types.js';
import { yieldToHost } from '../wait.js';
import { EAGAIN, EFAULT, EINVAL, ENOSYS, EPERM, ESRCH, ETIMEDOUT } from '../errno.js';

/** RLIM_INFINITY, kept apart from numbers (it is 2^64-1). */
const INF = -1;

/** Soft and hard limits per resource (RLIMIT_CPU 0 … RLIMIT_RTTIME 15), as a Debian shell has them. */
export function defaultRlimits(): [number, number][] {
  return [
    [INF, INF], // CPU
    [INF, INF], // FSIZE
    [INF, INF], // DATA
    [8 << 20, INF], // STACK
    [0, INF], // CORE
    [INF, INF], // RSS
    [63432, 63432], // NPROC
    [1024, 1048576], // NOFILE
    [8 << 20, 8 << 20], // MEMLOCK
    [INF, INF], // AS
    [INF, INF], // LOCKS
    [63432, 63432], // SIGPENDING
    [819200, 819200], // MSGQUEUE
    [0, 0], // NICE
    [0, 0], // RTPRIO
    [INF, INF], // RTTIME
  ];
}

function encodeRlimit(r: [number, number]): Uint8Array {
  const b = new Uint8Array(16);
  const dv = new DataView(b.buffer);
  for (let i = 0; i < 2; i++) {
    const v = r[i];
    if (v === INF) {
      dv.setUint32(i * 8, 0xffffffff, true);
      dv.setUint32(i * 8 + 4, 0xffffffff, true);
    } else {
      dv.setUint32(i * 8, v % 4294967296, true);
      dv.setUint32(i * 8 + 4, Math.floor(v / 4294967296), true);
    }
  }
  return b;
}

function decodeRlimit(b: Uint8Array): [number, number] {
  const dv = new DataView(b.buffer, b.byteOffset, 16);
  const one = (o: number): number => {
    const hi = dv.getUint32(o + 4, true);
    return hi >= 0x200000 ? INF : hi * 4294967296 + dv.getUint32(o, true);
  };
  return [one(0), one(8)];
}

const above = (a: number, b: number): boolean => (a === INF ? b !== INF : b !== INF && a > b);

/** prlimit64 on the calling process: old value out, new value in. */
function prlimit(t: Task, pid: number, res: number, newAddr: number, oldAddr: number): number {
  const p = t.process;
  if (pid !== 0 && pid !== p.pid) return -ESRCH;
  if (res < 0 || res >= p.rlimits.length) return -EINVAL;
  let next: [number, number] | null = null;
  if (newAddr !== 0) {
    const b = p.read(newAddr, 16);
    if (b === null) return -EFAULT;
    next = decodeRlimit(b);
    if (above(next[0], next[1])) return -EINVAL;
    if (above(next[1], p.rlimits[res][1]) && p.uid !== 0) return -EPERM;
  }
  if (oldAddr !== 0 && !p.write(oldAddr, encodeRlimit(p.rlimits[res]))) return -EFAULT;
  if (next) p.rlimits[res] = next;
  return 0;
}

/** struct utsname: six 65-byte fields. */
function uname(t: Task): number {
  const p = t.process;
  const k = p.host.kernel?.() ?? { release: '6.1.0', version: '#1 SMP' };
  const fields = ['Linux', p.host.hostname(), k.release, k.version, 'aarch64', '(none)'];
  const b = new Uint8Array(65 * 6);
  const enc = new TextEncoder();
  fields.forEach((f, i) => b.set(enc.encode(f).subarray(0, 64), i * 65));
  return p.write(t.argU64(0), b) ? 0 : -EFAULT;
}

const PR_SET_PDEATHSIG = 1;
const PR_GET_PDEATHSIG = 2;
const PR_GET_DUMPABLE = 3;
const PR_SET_DUMPABLE = 4;
const PR_SET_NAME = 15;
const PR_GET_NAME = 16;
const PR_GET_SECCOMP = 21;
const PR_CAPBSET_READ = 23;
const PR_GET_TIMERSLACK = 30;
const PR_SET_TIMERSLACK = 29;
const PR_SET_CHILD_SUBREAPER = 36;
const PR_GET_CHILD_SUBREAPER = 37;
const PR_SET_NO_NEW_PRIVS = 38;
const PR_GET_NO_NEW_PRIVS = 39;
const PR_GET_TID_ADDRESS = 40;
/** Options that exist on Linux but need hardware or kernel features armvisor does not emulate (SVE, SME, PAuth, MTE, …): EINVAL, as a kernel without them answers. */
const ABSENT: Record<number, string> = {
  50: 'PR_SVE_SET_VL',
  51: 'PR_SVE_GET_VL',
  54: 'PR_PAC_RESET_KEYS',
  55: 'PR_SET_TAGGED_ADDR_CTRL',
  56: 'PR_GET_TAGGED_ADDR_CTRL',
  60: 'PR_PAC_SET_ENABLED_KEYS',
  61: 'PR_PAC_GET_ENABLED_KEYS',
  63: 'PR_SME_SET_VL',
  64: 'PR_SME_GET_VL',
  0x53564d41: 'PR_SET_VMA',
};
/** Capabilities Linux 6.1 knows (CAP_LAST_CAP 40): root holds them all. */
const CAP_LAST_CAP = 40;

function putU32(t: Task, addr: number, v: number): number {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, v >>> 0, true);
  return t.process.write(addr, b) ? 0 : -EFAULT;
}

/**
 * prctl: the options programs commonly use. The parent-death signal is sent
 * when the parent process ends; a child subreaper receives its orphaned
 * descendants; dumpable, timer slack and no_new_privs are recorded and read
 * back (nothing else in armvisor depends on them: no core dumps, no setuid).
 */
function prctl(t: Task): number {
  const p = t.process;
  const opt = t.argInt(0);
  const arg = t.argU64(1);
  switch (opt) {
    case PR_SET_NAME: {
      const s = p.readString(arg, 4096);
      if (s === null) return -EFAULT;
      t.comm = s.slice(0, 15);
      return 0;
    }
    case PR_GET_NAME: {
      const b = new Uint8Array(16);
      b.set(new TextEncoder().encode(t.comm).subarray(0, 15));
      return p.write(arg, b) ? 0 : -EFAULT;
    }
    case PR_SET_PDEATHSIG:
      if (arg > 64) return -EINVAL;
      p.deathSignal = arg;
      return 0;
    case PR_GET_PDEATHSIG:
      return putU32(t, arg, p.deathSignal);
    case PR_GET_DUMPABLE:
      return p.prctlDumpable;
    case PR_SET_DUMPABLE:
      if (arg > 1) return -EINVAL;
      p.prctlDumpable = arg;
      return 0;
    case PR_GET_SECCOMP:
      return 0;
    case PR_CAPBSET_READ:
      return arg <= CAP_LAST_CAP ? 1 : -EINVAL;
    case PR_SET_TIMERSLACK:
      p.timerSlackNs = arg === 0 ? 50000 : arg;
      return 0;
    case PR_GET_TIMERSLACK:
      return p.timerSlackNs;
    case PR_SET_CHILD_SUBREAPER:
      p.childSubreaper = arg !== 0;
      return 0;
    case PR_GET_CHILD_SUBREAPER:
      return putU32(t, arg, p.childSubreaper ? 1 : 0);
    case PR_SET_NO_NEW_PRIVS:
      if (arg !== 1) return -EINVAL;
      p.noNewPrivs = true;
      return 0;
    case PR_GET_NO_NEW_PRIVS:
      return p.noNewPrivs ? 1 : 0;
    case PR_GET_TID_ADDRESS: {
      const b = new Uint8Array(8);
      new DataView(b.buffer).setBigUint64(0, BigInt(t.clearChildTid), true);
      return p.write(arg, b) ? 0 : -EFAULT;
    }
  }
  if (ABSENT[opt] === undefined && !p.reportedSyscalls.has(2000 + opt)) {
    p.reportedSyscalls.add(2000 + opt);
    p.diagnostic(`armvisor: prctl option ${opt} is not supported: returning -EINVAL`);
  }
  return -EINVAL;
}

export const processSyscalls: SyscallDef[] = [
  { name: 'getpid', args: [], handler: (t) => t.process.pid },
  { name: 'gettid', args: [], handler: (t) => t.tid },
  { name: 'getuid', args: [], handler: (t) => t.process.uid },
  { name: 'getgid', args: [], handler: (t) => t.process.gid },
  // geteuid, getegid, getresuid, getresgid, getgroups: see ids.ts (they read the full credentials).
  { name: 'umask', args: ['uint'], handler: (t) => t.process.setUmask(t.argU32(0) & 0o777) },
  { name: 'uname', args: ['hex'], handler: uname },
  {
    name: 'set_tid_address',
    args: ['hex'],
    handler: (t) => {
      t.clearChildTid = t.argU64(0);
      return t.tid;
    },
  },
  {
    name: 'set_robust_list',
    args: ['hex', 'size'],
    handler: (t) => {
      // struct robust_list_head is 24 bytes on arm64.
      if (t.argU64(1) !== 24) return -EINVAL;
      t.robustList = t.argU64(0);
      t.robustListLen = 24;
      return 0;
    },
  },
  // Restartable sequences need kernel cooperation at preemption; glibc copes with ENOSYS.
  { name: 'rseq', args: ['hex', 'uint', 'int', 'hex'], handler: () => -ENOSYS },
  {
    name: 'prlimit64',
    args: ['int', 'int', 'hex', 'hex'],
    handler: (t) => prlimit(t, t.argInt(0), t.argInt(1), t.argU64(2), t.argU64(3)),
  },
  { name: 'getrlimit', args: ['int', 'hex'], handler: (t) => prlimit(t, 0, t.argInt(0), 0, t.argU64(1)) },
  { name: 'setrlimit', args: ['int', 'hex'], handler: (t) => prlimit(t, 0, t.argInt(0), t.argU64(1), 0) },
  {
    name: 'getrandom',
    args: ['hex', 'size', 'hex'],
    handler: (t) => {
      if (t.argInt(2) & ~7) return -EINVAL;
      const len = Math.min(t.argU64(1), 33554431);
      const buf = new Uint8Array(len);
      for (let o = 0; o < len; o += 65536) t.process.host.random(buf.subarray(o, Math.min(len, o + 65536)));
      return t.process.write(t.argU64(0), buf) ? len : -EFAULT;
    },
  },
  {
    name: 'sched_getaffinity',
    args: ['int', 'size', 'hex'],
    handler: (t) => {
      const pid = t.argInt(0);
      if (pid !== 0 && pid !== t.process.pid && pid !== t.tid) return -ESRCH;
      const len = t.argU64(1);
      if (len < 8 || len % 8 !== 0) return -EINVAL;
      // One guest CPU runs the process.
      const b = new Uint8Array(8);
      b[0] = 1;
      return t.process.write(t.argU64(2), b) ? 8 : -EFAULT;
    },
  },
  { name: 'sched_setaffinity', args: ['int', 'size', 'hex'], handler: () => 0 },
  {
    name: 'sched_yield',
    args: [],
    handler: async () => {
      await yieldToHost();
      return 0;
    },
  },
  {
    name: 'getcpu',
    args: ['hex', 'hex', 'hex'],
    handler: (t) => {
      const z = new Uint8Array(4);
      if (t.argU64(0) !== 0 && !t.process.write(t.argU64(0), z)) return -EFAULT;
      if (t.argU64(1) !== 0 && !t.process.write(t.argU64(1), z)) return -EFAULT;
      return 0;
    },
  },
  {
    name: 'sysinfo',
    args: ['hex'],
    handler: (t) => {
      // struct sysinfo (112 bytes on arm64): uptime, loads, RAM in units of mem_unit.
      const b = new Uint8Array(112);
      const dv = new DataView(b.buffer);
      dv.setBigInt64(0, t.process.host.clock.monotonicNs() / 1_000_000_000n, true);
      dv.setBigUint64(32, 4n << 30n, true); // totalram
      dv.setBigUint64(40, 3n << 30n, true); // freeram
      dv.setUint16(80, 1, true); // procs
      dv.setUint32(104, 1, true); // mem_unit
      return t.process.write(t.argU64(0), b) ? 0 : -EFAULT;
    },
  },
  {
    name: 'getrusage',
    args: ['int', 'hex'],
    handler: (t) => {
      const who = t.argInt(0);
      if (who !== 0 && who !== -1 && who !== 1) return -EINVAL;
      // User time: what the process's CPUs ran (RUSAGE_CHILDREN: its reaped children's); the rest zero.
      const b = new Uint8Array(144);
      const us = Math.floor((who === -1 ? t.process.childCpuNs : t.process.cpuNs) / 1000);
      const dv = new DataView(b.buffer);
      dv.setUint32(0, Math.floor(us / 1e6), true);
      dv.setUint32(8, us % 1e6, true);
      return t.process.write(t.argU64(1), b) ? 0 : -EFAULT;
    },
  },
  { name: 'prctl', args: ['int', 'hex', 'hex', 'hex', 'hex'], handler: prctl },
];
