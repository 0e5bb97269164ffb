/**
 * Identity, capabilities, priorities, scheduling policy, personality,
 * membarrier, mincore and mlockall (src/linux-user/syscalls/ids.ts),
 * compared with qemu-aarch64, which passes these calls to the host's Linux.
 * The programs start as root (as the test machine runs them) and drop
 * privileges themselves. Where the host's answer is not Linux 6.1 arm64's
 * (a container's reduced capability set, a kernel with rseq), Linux's answer
 * is pinned instead and the line is left out of the comparison.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { guest, runArmvisor, runBoth } from '../helpers/run-both.js';

const withoutLine = (out: string, re: RegExp): string =>
  out
    .split('\n')
    .filter((l) => !re.test(l))
    .join('\n');

test('set*id, setfs*id, setgroups/getgroups and capget/capset follow Linux rules as under qemu', () => {
  const { armvisor, qemu } = runBoth(guest('ids', 'creds'));
  assert.equal(qemu.status, 0, qemu.stdout);
  assert.match(qemu.stdout, /after setresuid: capget = 0 eff none prm none/);
  const rootSet = /^root set: /;
  assert.equal(withoutLine(armvisor.stdout, rootSet), withoutLine(qemu.stdout, rootSet));
  assert.equal(armvisor.status, 0);
});

test('root starts with every capability of Linux 6.1 (CAP_LAST_CAP 40) effective and permitted, none inheritable', () => {
  // qemu shows the host's set instead, which a container may have reduced.
  const out = runArmvisor(guest('ids', 'creds')).stdout;
  assert.match(out, /^root set: eff ffffffff 000001ff prm ffffffff 000001ff inh 00000000 00000000$/m);
});

test('nice values, scheduler policies, personality, membarrier, mincore and mlockall behave as under qemu', () => {
  const { armvisor, qemu } = runBoth(guest('ids', 'sched'));
  assert.equal(qemu.status, 0, qemu.stdout);
  assert.match(qemu.stdout, /^vec: 1 0 0 1 0 0 0 0$/m);
  const raw = /^membarrier query raw = /;
  assert.equal(withoutLine(armvisor.stdout, raw), withoutLine(qemu.stdout, raw));
  assert.equal(armvisor.status, 0);
});

test('membarrier QUERY answers the commands of an arm64 Linux 6.1 kernel without rseq (0x7f)', () => {
  // armvisor has no rseq (ENOSYS), so the two RSEQ commands are absent; qemu passes the host kernel's mask (0x1ff with rseq).
  const out = runArmvisor(guest('ids', 'sched')).stdout;
  assert.match(out, /^membarrier query raw = 7f$/m);
});

test('a process that is not root is held to RLIMIT_NICE, RLIMIT_RTPRIO and SCHED_IDLE/RESET_ON_FORK rules as under qemu', () => {
  const { armvisor, qemu } = runBoth(guest('ids', 'unpriv'));
  assert.equal(qemu.status, 0, qemu.stdout);
  assert.match(qemu.stdout, /^setpriority\(3\) = -1 Permission denied$/m);
  assert.equal(armvisor.stdout, qemu.stdout);
});

test(
  'a forked child inherits ids, groups, nice, personality and membarrier registration, and SCHED_RESET_ON_FORK resets it as under qemu',
  {},
  () => {
    const { armvisor, qemu } = runBoth(guest('ids', 'fork'));
    assert.match(
      qemu.stdout,
      /^child: uid 0 8 9 gid 5 6 7 groups 1 \(77\) nice 0 policy 0 prio 0 personality 0x40000 membarrier 0$/m,
    );
    assert.equal(armvisor.stdout, qemu.stdout);
  },
);

test(
  'execve makes saved and fs uids follow euid, recomputes root capabilities and drops membarrier registration',
  {},
  () => {
    // qemu-aarch64 cannot exec an aarch64 program without binfmt_misc: pinned to Linux's rules
    // (fs/exec.c, security/commoncap.c handle_privileged_root, kernel/sched/membarrier.c membarrier_exec_mmap).
    const out = runArmvisor(guest('ids', 'exec')).stdout;
    assert.equal(
      out,
      'before exec: uid 0 1000 0 fsuid 0 eff some prm some personality 0x40000 membarrier registered\n' +
        'euid 1000: uid 0 1000 1000 fsuid 1000 eff none prm some personality 0x40000 membarrier Operation not permitted\n' +
        'all 1000: uid 1000 1000 1000 fsuid 1000 eff none prm none personality 0x40000 membarrier Operation not permitted\n',
    );
  },
);
