/**
 * Identity, capabilities, priorities, scheduling policy and small process
 * calls (personality, membarrier, mincore, mlockall), with Linux 6.1's
 * rules (kernel/sys.c, kernel/groups.c, kernel/capability.c,
 * security/commoncap.c, kernel/sched/core.c, kernel/sched/membarrier.c,
 * mm/mincore.c, mm/mlock.c). Credentials are per process here (Linux keeps
 * them per thread; glibc makes every thread agree anyway).
 */
import type { Process, Task } from '../process.js';
import type { SyscallDef } from './types.js';
import { PAGE_SIZE } from '../../memory/guest-ram.js';
import { EACCES, EFAULT, EINVAL, ENOMEM, EPERM, ESRCH } from '../errno.js';

// ---- capabilities ----

const CAP_SETGID = 6;
const CAP_SETUID = 7;
const CAP_SETPCAP = 8;
const CAP_IPC_LOCK = 14;
const CAP_SYS_NICE = 23;
/** Valid bits of the high word: CAP_LAST_CAP is 40 in Linux 6.1. */
const CAP_HI_VALID = 0x1ff;
/**
 * The filesystem capabilities that follow fsuid 0 (include/linux/capability.h
 * CAP_FS_MASK): CHOWN, DAC_OVERRIDE, DAC_READ_SEARCH, FOWNER, FSETID,
 * LINUX_IMMUTABLE, MKNOD in the low word, MAC_OVERRIDE (32) in the high one.
 */
const CAP_FS_LO = (1 << 0) | (1 << 1) | (1 << 2) | (1 << 3) | (1 << 4) | (1 << 9) | (1 << 27);
const CAP_FS_HI = 1 << 0;

/** The process holds capability `cap` (< 32) in its effective set. */
const capable = (p: Process, cap: number): boolean => (p.capEffLo & (1 << cap)) !== 0;

const LINUX_CAPABILITY_VERSION_1 = 0x19980330;
const LINUX_CAPABILITY_VERSION_2 = 0x20071026;
const LINUX_CAPABILITY_VERSION_3 = 0x20080522;

/**
 * security/commoncap.c cap_emulate_setxuid: leaving uid 0 in all of real,
 * effective and saved drops the permitted and effective sets (no keepcaps:
 * PR_SET_KEEPCAPS is not supported); leaving euid 0 drops the effective set,
 * returning to it restores effective from permitted.
 */
function fixCapsForUidChange(p: Process, oldR: number, oldE: number, oldS: number): void {
  if ((oldR === 0 || oldE === 0 || oldS === 0) && p.uid !== 0 && p.euid !== 0 && p.suid !== 0) {
    p.capPrmLo = p.capPrmHi = 0;
    p.capEffLo = p.capEffHi = 0;
  }
  if (oldE === 0 && p.euid !== 0) p.capEffLo = p.capEffHi = 0;
  if (oldE !== 0 && p.euid === 0) {
    p.capEffLo = p.capPrmLo;
    p.capEffHi = p.capPrmHi;
  }
}

/** The LSM_SETID_FS case of cap_task_fix_setuid: the fs capabilities follow fsuid 0. */
function fixCapsForFsuidChange(p: Process, oldFs: number): void {
  if (oldFs === 0 && p.fsuid !== 0) {
    p.capEffLo &= ~CAP_FS_LO;
    p.capEffHi &= ~CAP_FS_HI;
  }
  if (oldFs !== 0 && p.fsuid === 0) {
    p.capEffLo |= p.capPrmLo & CAP_FS_LO;
    p.capEffHi |= p.capPrmHi & CAP_FS_HI;
  }
}

// ---- user and group ids ----

/** (uid_t)-1: "unchanged" for setre*id/setres*id, invalid for setuid/setgid. */
const NO_ID = 0xffffffff;

function setuid(t: Task): number {
  const p = t.process;
  const uid = t.argU32(0);
  if (uid === NO_ID) return -EINVAL;
  const [r, e, s] = [p.uid, p.euid, p.suid];
  if (capable(p, CAP_SETUID)) p.uid = p.suid = uid;
  else if (uid !== r && uid !== s) return -EPERM;
  p.euid = p.fsuid = uid;
  fixCapsForUidChange(p, r, e, s);
  return 0;
}

function setreuid(t: Task): number {
  const p = t.process;
  const ruid = t.argU32(0);
  const euid = t.argU32(1);
  const [r, e, s] = [p.uid, p.euid, p.suid];
  const priv = capable(p, CAP_SETUID);
  if (ruid !== NO_ID && ruid !== r && ruid !== e && !priv) return -EPERM;
  if (euid !== NO_ID && euid !== r && euid !== e && euid !== s && !priv) return -EPERM;
  if (ruid !== NO_ID) p.uid = ruid;
  if (euid !== NO_ID) p.euid = euid;
  if (ruid !== NO_ID || (euid !== NO_ID && euid !== r)) p.suid = p.euid;
  p.fsuid = p.euid;
  fixCapsForUidChange(p, r, e, s);
  return 0;
}

function setresuid(t: Task): number {
  const p = t.process;
  const want = [t.argU32(0), t.argU32(1), t.argU32(2)];
  const [r, e, s] = [p.uid, p.euid, p.suid];
  if (!capable(p, CAP_SETUID)) {
    for (const id of want) if (id !== NO_ID && id !== r && id !== e && id !== s) return -EPERM;
  }
  if (want[0] !== NO_ID) p.uid = want[0];
  if (want[1] !== NO_ID) p.euid = want[1];
  if (want[2] !== NO_ID) p.suid = want[2];
  p.fsuid = p.euid;
  fixCapsForUidChange(p, r, e, s);
  return 0;
}

/** setfsuid always answers the previous fsuid; a refused or invalid id changes nothing. */
function setfsuid(t: Task): number {
  const p = t.process;
  const uid = t.argU32(0);
  const old = p.fsuid;
  if (uid === NO_ID) return old;
  if (uid === p.uid || uid === p.euid || uid === p.suid || uid === old || capable(p, CAP_SETUID)) {
    if (uid !== old) {
      p.fsuid = uid;
      fixCapsForFsuidChange(p, old);
    }
  }
  return old;
}

function setgid(t: Task): number {
  const p = t.process;
  const gid = t.argU32(0);
  if (gid === NO_ID) return -EINVAL;
  if (capable(p, CAP_SETGID)) p.gid = p.sgid = gid;
  else if (gid !== p.gid && gid !== p.sgid) return -EPERM;
  p.egid = p.fsgid = gid;
  return 0;
}

function setregid(t: Task): number {
  const p = t.process;
  const rgid = t.argU32(0);
  const egid = t.argU32(1);
  const [r, e, s] = [p.gid, p.egid, p.sgid];
  const priv = capable(p, CAP_SETGID);
  if (rgid !== NO_ID && rgid !== r && rgid !== e && !priv) return -EPERM;
  if (egid !== NO_ID && egid !== r && egid !== e && egid !== s && !priv) return -EPERM;
  if (rgid !== NO_ID) p.gid = rgid;
  if (egid !== NO_ID) p.egid = egid;
  if (rgid !== NO_ID || (egid !== NO_ID && egid !== r)) p.sgid = p.egid;
  p.fsgid = p.egid;
  return 0;
}

function setresgid(t: Task): number {
  const p = t.process;
  const want = [t.argU32(0), t.argU32(1), t.argU32(2)];
  if (!capable(p, CAP_SETGID)) {
    for (const id of want) if (id !== NO_ID && id !== p.gid && id !== p.egid && id !== p.sgid) return -EPERM;
  }
  if (want[0] !== NO_ID) p.gid = want[0];
  if (want[1] !== NO_ID) p.egid = want[1];
  if (want[2] !== NO_ID) p.sgid = want[2];
  p.fsgid = p.egid;
  return 0;
}

function setfsgid(t: Task): number {
  const p = t.process;
  const gid = t.argU32(0);
  const old = p.fsgid;
  if (gid === NO_ID) return old;
  if (gid === p.gid || gid === p.egid || gid === p.sgid || gid === old || capable(p, CAP_SETGID)) p.fsgid = gid;
  return old;
}

/** Write three u32 ids (getresuid/getresgid); every pointer must be writable. */
function putIds(t: Task, ids: number[]): number {
  const b = new Uint8Array(4);
  const dv = new DataView(b.buffer);
  for (let i = 0; i < 3; i++) {
    dv.setUint32(0, ids[i] >>> 0, true);
    if (!t.process.write(t.argU64(i), b)) return -EFAULT;
  }
  return 0;
}

/** NGROUPS_MAX of include/uapi/linux/limits.h. */
const NGROUPS_MAX = 65536;

function setgroups(t: Task): number {
  const p = t.process;
  const n = t.argInt(0);
  if (n < 0 || n > NGROUPS_MAX) return -EINVAL;
  if (!capable(p, CAP_SETGID)) return -EPERM;
  const b = p.read(t.argU64(1), n * 4);
  if (b === null) return -EFAULT;
  const dv = new DataView(b.buffer, b.byteOffset, b.length);
  const groups: number[] = [];
  for (let i = 0; i < n; i++) {
    const g = dv.getUint32(i * 4, true);
    if (g === NO_ID) return -EINVAL;
    groups.push(g);
  }
  // kernel/groups.c groups_sort: the list is kept sorted, and getgroups answers it so.
  p.groups = groups.sort((a, c) => a - c);
  return 0;
}

function getgroups(t: Task): number {
  const p = t.process;
  const n = t.argInt(0);
  if (n < 0) return -EINVAL;
  const count = p.groups.length;
  if (n === 0) return count;
  if (n < count) return -EINVAL;
  const b = new Uint8Array(count * 4);
  const dv = new DataView(b.buffer);
  p.groups.forEach((g, i) => dv.setUint32(i * 4, g, true));
  return p.write(t.argU64(1), b) ? count : -EFAULT;
}

// ---- capget / capset ----

/**
 * Check the header's version; the number of 32-bit data structs it carries
 * (1 for v1, 2 for v2 and v3), or a negative errno after writing back the
 * version this kernel prefers (how libcap probes).
 */
function capVersion(t: Task, hdr: number): number {
  const b = t.process.read(hdr, 4);
  if (b === null) return -EFAULT;
  const v = new DataView(b.buffer, b.byteOffset, 4).getUint32(0, true);
  if (v === LINUX_CAPABILITY_VERSION_1) return 1;
  if (v === LINUX_CAPABILITY_VERSION_2 || v === LINUX_CAPABILITY_VERSION_3) return 2;
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, LINUX_CAPABILITY_VERSION_3, true);
  return t.process.write(hdr, out) ? -EINVAL : -EFAULT;
}

function headerPid(t: Task, hdr: number): number | null {
  const b = t.process.read(hdr + 4, 4);
  return b === null ? null : new DataView(b.buffer, b.byteOffset, 4).getInt32(0, true);
}

function capget(t: Task): number {
  const p = t.process;
  const hdr = t.argU64(0);
  const data = t.argU64(1);
  const words = capVersion(t, hdr);
  if (data === 0 || words < 0) return data === 0 && words === -EINVAL ? 0 : words;
  const pid = headerPid(t, hdr);
  if (pid === null) return -EFAULT;
  if (pid < 0) return -EINVAL;
  const q = pid === 0 ? p : p.kernel.tasks.get(pid)?.process;
  if (!q || q.zombie) return -ESRCH;
  // struct __user_cap_data_struct { effective, permitted, inheritable } per 32-bit word.
  const b = new Uint8Array(12 * words);
  const dv = new DataView(b.buffer);
  const sets = [q.capEffLo, q.capPrmLo, q.capInhLo, q.capEffHi, q.capPrmHi, q.capInhHi];
  for (let i = 0; i < 3 * words; i++) dv.setUint32(i * 4, sets[i] >>> 0, true);
  return p.write(data, b) ? 0 : -EFAULT;
}

/** Is every bit of (aLo, aHi) in (bLo, bHi)? */
const subset = (aLo: number, aHi: number, bLo: number, bHi: number): boolean =>
  (aLo & ~bLo) === 0 && (aHi & ~bHi) === 0;

/** capset on the calling process: the rules of security/commoncap.c cap_capset (the bounding set is full). */
function capset(t: Task): number {
  const p = t.process;
  const hdr = t.argU64(0);
  const words = capVersion(t, hdr);
  if (words < 0) return words;
  const pid = headerPid(t, hdr);
  if (pid === null) return -EFAULT;
  if (pid !== 0 && pid !== p.pid && pid !== t.tid) return -EPERM;
  const b = p.read(t.argU64(1), 12 * words);
  if (b === null) return -EFAULT;
  const dv = new DataView(b.buffer, b.byteOffset, b.length);
  const w = (i: number): number => (i < 3 * words ? dv.getInt32(i * 4, true) : 0);
  const [effLo, prmLo, inhLo] = [w(0), w(1), w(2)];
  const [effHi, prmHi, inhHi] = [w(3) & CAP_HI_VALID, w(4) & CAP_HI_VALID, w(5) & CAP_HI_VALID];
  // Without CAP_SETPCAP the new inheritable set stays within old inheritable | permitted.
  if (!capable(p, CAP_SETPCAP) && !subset(inhLo, inhHi, p.capInhLo | p.capPrmLo, p.capInhHi | p.capPrmHi))
    return -EPERM;
  if (!subset(prmLo, prmHi, p.capPrmLo, p.capPrmHi)) return -EPERM;
  if (!subset(effLo, effHi, prmLo, prmHi)) return -EPERM;
  [p.capEffLo, p.capEffHi, p.capPrmLo, p.capPrmHi, p.capInhLo, p.capInhHi] = [effLo, effHi, prmLo, prmHi, inhLo, inhHi];
  return 0;
}

// ---- priorities and scheduling policy ----

const PRIO_PROCESS = 0;
const PRIO_PGRP = 1;
const PRIO_USER = 2;
const RLIMIT_NICE = 13;
const RLIMIT_RTPRIO = 14;
const RLIMIT_MEMLOCK = 8;

/** A soft resource limit, with RLIM_INFINITY (-1 in Process.rlimits) as +Infinity. */
const softLimit = (p: Process, res: number): number => (p.rlimits[res][0] === -1 ? Infinity : p.rlimits[res][0]);

/** The live process a pid or tid names (0: the caller). */
function processOf(t: Task, pid: number): Process | null {
  if (pid === 0) return t.process;
  const q = t.process.kernel.tasks.get(pid)?.process ?? t.process.kernel.processes.get(pid);
  return q && !q.zombie ? q : null;
}

/** The processes a (which, who) pair of getpriority/setpriority names; null for a bad `which`. */
function prioTargets(t: Task, which: number, who: number): Process[] | null {
  const p = t.process;
  const live = [...p.kernel.processes.values()].filter((q) => !q.zombie);
  switch (which) {
    case PRIO_PROCESS: {
      const q = processOf(t, who);
      return q ? [q] : [];
    }
    case PRIO_PGRP: {
      const pgid = who === 0 ? p.pgid : who;
      return live.filter((q) => q.pgid === pgid);
    }
    case PRIO_USER: {
      const uid = who === 0 ? p.uid : who >>> 0;
      return live.filter((q) => q.uid === uid);
    }
  }
  return null;
}

/** kernel/sched/core.c can_nice: 20 - nice within RLIMIT_NICE, or CAP_SYS_NICE. */
const canNice = (caller: Process, target: Process, nice: number): boolean =>
  20 - nice <= softLimit(target, RLIMIT_NICE) || capable(caller, CAP_SYS_NICE);

/** The caller may change the target's priority or policy (set_one_prio, check_same_owner). */
const mayAdjust = (caller: Process, target: Process): boolean =>
  target.uid === caller.euid || target.euid === caller.euid || capable(caller, CAP_SYS_NICE);

/** getpriority: the highest priority among the targets, as 20 - nice (1..40; glibc turns it back into nice). */
function getpriority(t: Task): number {
  const targets = prioTargets(t, t.argInt(0), t.argInt(1));
  if (targets === null) return -EINVAL;
  if (targets.length === 0) return -ESRCH;
  return Math.max(...targets.map((q) => 20 - q.nice));
}

function setpriority(t: Task): number {
  const p = t.process;
  const targets = prioTargets(t, t.argInt(0), t.argInt(1));
  if (targets === null) return -EINVAL;
  const nice = Math.min(19, Math.max(-20, t.argInt(2)));
  let error = -ESRCH;
  for (const q of targets) {
    if (!mayAdjust(p, q)) error = -EPERM;
    else if (nice < q.nice && !canNice(p, q, nice)) error = -EACCES;
    else {
      if (error === -ESRCH) error = 0;
      q.nice = nice;
    }
  }
  return error;
}

const SCHED_OTHER = 0;
const SCHED_FIFO = 1;
const SCHED_RR = 2;
const SCHED_BATCH = 3;
const SCHED_IDLE = 5;
const SCHED_DEADLINE = 6;
const SCHED_RESET_ON_FORK = 0x40000000;
const isRt = (policy: number): boolean => policy === SCHED_FIFO || policy === SCHED_RR;

/**
 * kernel/sched/core.c __sched_setscheduler for sched_setscheduler and
 * sched_setparam (policy -1: keep the current one). The policy is recorded
 * and reported back; armvisor's own scheduler runs every task alike.
 */
function setScheduler(t: Task, pid: number, policyArg: number, paramAddr: number): number {
  const p = t.process;
  if (paramAddr === 0 || pid < 0) return -EINVAL;
  const b = p.read(paramAddr, 4);
  if (b === null) return -EFAULT;
  const prio = new DataView(b.buffer, b.byteOffset, 4).getInt32(0, true);
  const q = processOf(t, pid);
  if (!q) return -ESRCH;
  let policy = policyArg;
  let resetOnFork = q.schedResetOnFork;
  if (policy !== -1) {
    resetOnFork = (policy & SCHED_RESET_ON_FORK) !== 0;
    policy &= ~SCHED_RESET_ON_FORK;
    const valid = [SCHED_OTHER, SCHED_FIFO, SCHED_RR, SCHED_BATCH, SCHED_IDLE, SCHED_DEADLINE];
    if (!valid.includes(policy)) return -EINVAL;
  } else policy = q.schedPolicy;
  // A deadline task needs sched_setattr's runtime/deadline/period: through this call its deadline is 0, invalid.
  if (prio < 0 || prio > 99 || policy === SCHED_DEADLINE || isRt(policy) !== (prio !== 0)) return -EINVAL;
  if (!capable(p, CAP_SYS_NICE)) {
    if (isRt(policy)) {
      const rtLimit = softLimit(q, RLIMIT_RTPRIO);
      if (policy !== q.schedPolicy && rtLimit === 0) return -EPERM;
      if (prio > q.schedPriority && prio > rtLimit) return -EPERM;
    }
    // SCHED_IDLE counts as nice 20: leaving it needs RLIMIT_NICE to allow the current nice.
    if (q.schedPolicy === SCHED_IDLE && policy !== SCHED_IDLE && !canNice(p, q, q.nice)) return -EPERM;
    if (q.euid !== p.euid && q.uid !== p.euid) return -EPERM;
    if (q.schedResetOnFork && !resetOnFork) return -EPERM;
  }
  q.schedPolicy = policy;
  q.schedPriority = prio;
  q.schedResetOnFork = resetOnFork;
  return 0;
}

function sched_getscheduler(t: Task): number {
  const pid = t.argInt(0);
  if (pid < 0) return -EINVAL;
  const q = processOf(t, pid);
  if (!q) return -ESRCH;
  return q.schedPolicy | (q.schedResetOnFork ? SCHED_RESET_ON_FORK : 0);
}

function sched_getparam(t: Task): number {
  const pid = t.argInt(0);
  const addr = t.argU64(1);
  if (addr === 0 || pid < 0) return -EINVAL;
  const q = processOf(t, pid);
  if (!q) return -ESRCH;
  const b = new Uint8Array(4);
  new DataView(b.buffer).setInt32(0, q.schedPriority, true);
  return t.process.write(addr, b) ? 0 : -EFAULT;
}

function priorityLimit(policy: number, max: boolean): number {
  if (isRt(policy)) return max ? 99 : 1;
  if (policy === SCHED_OTHER || policy === SCHED_BATCH || policy === SCHED_IDLE || policy === SCHED_DEADLINE) return 0;
  return -EINVAL;
}

/**
 * sched_rr_get_interval: 0 for SCHED_FIFO, RR_TIMESLICE (100 ms) for
 * SCHED_RR, and for the fair policies the CFS slice of a lone task on the
 * one CPU the guest sees: sched_latency 6 ms in whole jiffies of a HZ=250
 * kernel (Debian's), 4 ms.
 */
function sched_rr_get_interval(t: Task): number {
  const pid = t.argInt(0);
  if (pid < 0) return -EINVAL;
  const q = processOf(t, pid);
  if (!q) return -ESRCH;
  const ns = q.schedPolicy === SCHED_FIFO ? 0 : q.schedPolicy === SCHED_RR ? 100_000_000 : 4_000_000;
  const b = new Uint8Array(16);
  new DataView(b.buffer).setUint32(8, ns, true);
  return t.process.write(t.argU64(1), b) ? 0 : -EFAULT;
}

// ---- personality, membarrier, mincore, mlockall ----

const PER_MASK = 0xff;
const PER_LINUX32 = 0x0008;

/**
 * arm64's personality: 0xffffffff only queries; PER_LINUX32 needs AArch32 at
 * EL0, which armvisor does not run (EINVAL, as on such a CPU). The flags
 * (ADDR_NO_RANDOMIZE, …) are recorded and read back; armvisor's layout is
 * not randomized anyway.
 */
function personality(t: Task): number {
  const p = t.process;
  const v = t.argU32(0);
  if ((v & PER_MASK) === PER_LINUX32) return -EINVAL;
  const old = p.personality;
  if (v !== 0xffffffff) p.personality = v;
  return old;
}

const MEMBARRIER_CMD_QUERY = 0;
const MEMBARRIER_CMD_GLOBAL = 1 << 0;
const MEMBARRIER_CMD_GLOBAL_EXPEDITED = 1 << 1;
const MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED = 1 << 2;
const MEMBARRIER_CMD_PRIVATE_EXPEDITED = 1 << 3;
const MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED = 1 << 4;
const MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE = 1 << 5;
const MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE = 1 << 6;
/**
 * The commands an arm64 Linux 6.1 kernel without CONFIG_RSEQ supports
 * (armvisor has no rseq: that syscall answers ENOSYS, so the RSEQ commands
 * are absent as on such a kernel).
 */
export const MEMBARRIER_SUPPORTED = 0x7f;

/**
 * membarrier: every guest task runs on the one host thread, one at a time,
 * and a task switch is a full barrier of the host (and of the decoded-code
 * cache, which stores to code invalidate at once). So when the call returns,
 * every other task's memory accesses are ordered before it and every other
 * task will fetch current instructions: the barrier is complete, exactly as
 * Linux guarantees after its IPIs. What remains is Linux's bookkeeping:
 * private expedited commands need the process's registration (EPERM).
 */
function membarrier(t: Task): number {
  const p = t.process;
  const cmd = t.argInt(0);
  if (t.argInt(1) !== 0) return -EINVAL;
  switch (cmd) {
    case MEMBARRIER_CMD_QUERY:
      return MEMBARRIER_SUPPORTED;
    case MEMBARRIER_CMD_GLOBAL:
    case MEMBARRIER_CMD_GLOBAL_EXPEDITED:
      return 0;
    case MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED:
    case MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED:
    case MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE:
      p.membarrierRegistered |= cmd;
      return 0;
    case MEMBARRIER_CMD_PRIVATE_EXPEDITED:
      return p.membarrierRegistered & MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED ? 0 : -EPERM;
    case MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE:
      return p.membarrierRegistered & MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE ? 0 : -EPERM;
  }
  return -EINVAL;
}

/** Top of the arm64 user address space (48-bit VA). */
const TASK_SIZE = 2 ** 48;

/**
 * mincore: one byte per page, 1 when the page has a frame (anonymous memory
 * is resident once touched). Pages of file mappings that were never touched
 * answer 0 here, where Linux answers whether the file's page cache holds them.
 */
function mincore(t: Task): number {
  const p = t.process;
  const addr = t.argU64(0);
  const len = t.argU64(1);
  if (addr % PAGE_SIZE !== 0) return -EINVAL;
  if (len > TASK_SIZE - addr) return -ENOMEM;
  const pages = Math.ceil(len / PAGE_SIZE);
  if (pages === 0) return 0;
  if (!p.map.covered(addr, addr + pages * PAGE_SIZE)) return -ENOMEM;
  const vec = new Uint8Array(pages);
  const first = addr / PAGE_SIZE;
  for (let i = 0; i < pages; i++) {
    const e = p.mem.pages.get(first + i);
    vec[i] = e !== undefined && e.frame >= 0 ? 1 : 0;
  }
  return p.write(t.argU64(2), vec) ? 0 : -EFAULT;
}

const MCL_CURRENT = 1;
const MCL_FUTURE = 2;
const MCL_ONFAULT = 4;

/**
 * mlockall: the flags and limits of mm/mlock.c. Guest memory is never
 * swapped out, so every page is as locked as Linux would make it; MCL_FUTURE
 * does not make later mmaps check RLIMIT_MEMLOCK.
 */
function mlockall(t: Task): number {
  const p = t.process;
  const flags = t.argInt(0);
  if (flags === 0 || flags & ~(MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT) || flags === MCL_ONFAULT) return -EINVAL;
  const limit = softLimit(p, RLIMIT_MEMLOCK);
  const ipcLock = capable(p, CAP_IPC_LOCK);
  if (limit === 0 && !ipcLock) return -EPERM;
  if (flags & MCL_CURRENT && !ipcLock) {
    let total = 0;
    for (const v of p.map.vmas) total += v.end - v.start;
    if (total > limit) return -ENOMEM;
  }
  return 0;
}

export const idSyscalls: SyscallDef[] = [
  { name: 'geteuid', args: [], handler: (t) => t.process.euid },
  { name: 'getegid', args: [], handler: (t) => t.process.egid },
  {
    name: 'getresuid',
    args: ['hex', 'hex', 'hex'],
    handler: (t) => putIds(t, [t.process.uid, t.process.euid, t.process.suid]),
  },
  {
    name: 'getresgid',
    args: ['hex', 'hex', 'hex'],
    handler: (t) => putIds(t, [t.process.gid, t.process.egid, t.process.sgid]),
  },
  { name: 'getgroups', args: ['int', 'hex'], handler: getgroups },
  { name: 'setgroups', args: ['int', 'hex'], handler: setgroups },
  { name: 'setuid', args: ['uint'], handler: setuid },
  { name: 'setreuid', args: ['uint', 'uint'], handler: setreuid },
  { name: 'setresuid', args: ['uint', 'uint', 'uint'], handler: setresuid },
  { name: 'setfsuid', args: ['uint'], handler: setfsuid },
  { name: 'setgid', args: ['uint'], handler: setgid },
  { name: 'setregid', args: ['uint', 'uint'], handler: setregid },
  { name: 'setresgid', args: ['uint', 'uint', 'uint'], handler: setresgid },
  { name: 'setfsgid', args: ['uint'], handler: setfsgid },
  { name: 'capget', args: ['hex', 'hex'], handler: capget },
  { name: 'capset', args: ['hex', 'hex'], handler: capset },
  { name: 'getpriority', args: ['int', 'int'], handler: getpriority },
  { name: 'setpriority', args: ['int', 'int', 'int'], handler: setpriority },
  {
    name: 'sched_setscheduler',
    args: ['int', 'int', 'hex'],
    handler: (t) => (t.argInt(1) < 0 ? -EINVAL : setScheduler(t, t.argInt(0), t.argInt(1), t.argU64(2))),
  },
  { name: 'sched_setparam', args: ['int', 'hex'], handler: (t) => setScheduler(t, t.argInt(0), -1, t.argU64(1)) },
  { name: 'sched_getscheduler', args: ['int'], handler: sched_getscheduler },
  { name: 'sched_getparam', args: ['int', 'hex'], handler: sched_getparam },
  { name: 'sched_get_priority_max', args: ['int'], handler: (t) => priorityLimit(t.argInt(0), true) },
  { name: 'sched_get_priority_min', args: ['int'], handler: (t) => priorityLimit(t.argInt(0), false) },
  { name: 'sched_rr_get_interval', args: ['int', 'hex'], handler: sched_rr_get_interval },
  { name: 'personality', args: ['hex'], handler: personality },
  { name: 'membarrier', args: ['int', 'uint', 'int'], handler: membarrier },
  { name: 'mincore', args: ['hex', 'size', 'hex'], handler: mincore },
  { name: 'mlockall', args: ['hex'], handler: mlockall },
  { name: 'munlockall', args: [], handler: () => 0 },
];

/**
 * What a forked child (a new process, not a thread) takes from its parent:
 * every credential, the nice value, policy and personality, and the
 * membarrier registrations (Linux copies the whole mm_struct, its
 * membarrier_state included). SCHED_RESET_ON_FORK (kernel/sched/core.c
 * sched_fork) gives the child SCHED_OTHER instead of a real-time policy and
 * nice 0 instead of a negative one, and is not inherited.
 */
export function inheritIds(child: Process, parent: Process): void {
  const c = child;
  const p = parent;
  [c.uid, c.euid, c.suid, c.fsuid] = [p.uid, p.euid, p.suid, p.fsuid];
  [c.gid, c.egid, c.sgid, c.fsgid] = [p.gid, p.egid, p.sgid, p.fsgid];
  c.groups = p.groups.slice();
  [c.capEffLo, c.capEffHi, c.capPrmLo, c.capPrmHi] = [p.capEffLo, p.capEffHi, p.capPrmLo, p.capPrmHi];
  [c.capInhLo, c.capInhHi] = [p.capInhLo, p.capInhHi];
  [c.nice, c.schedPolicy, c.schedPriority] = [p.nice, p.schedPolicy, p.schedPriority];
  if (p.schedResetOnFork) {
    if (isRt(p.schedPolicy) || p.schedPolicy === SCHED_DEADLINE) [c.schedPolicy, c.schedPriority] = [SCHED_OTHER, 0];
    if (c.nice < 0) c.nice = 0;
  }
  c.schedResetOnFork = false;
  c.personality = p.personality;
  c.membarrierRegistered = p.membarrierRegistered;
}

const READ_IMPLIES_EXEC = 0x0400000;

/**
 * execve's part (fs/exec.c, security/commoncap.c for a file without
 * capabilities, arm64 SET_PERSONALITY): saved and fs ids follow the
 * effective ones; root (real or effective uid 0) gets the full permitted
 * set, effective too when its euid is 0; anyone else loses both; the new
 * mm has no membarrier registration; READ_IMPLIES_EXEC is cleared.
 */
export function execIds(p: Process): void {
  p.suid = p.fsuid = p.euid;
  p.sgid = p.fsgid = p.egid;
  if (p.uid === 0 || p.euid === 0) {
    p.capPrmLo = -1;
    p.capPrmHi = CAP_HI_VALID;
  } else p.capPrmLo = p.capPrmHi = 0;
  [p.capEffLo, p.capEffHi] = p.euid === 0 ? [p.capPrmLo, p.capPrmHi] : [0, 0];
  p.membarrierRegistered = 0;
  p.personality &= ~READ_IMPLIES_EXEC;
}
