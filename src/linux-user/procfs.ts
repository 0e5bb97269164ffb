/**
 * The parts of /proc that describe the guest itself. Guest paths otherwise
 * go to the host, where /proc/self would describe the emulator; these files
 * are generated from the guest's state instead (as qemu-user does):
 * /proc/cpuinfo (the emulated CPU: see cpuinfo.ts),
 * /proc/self/{maps,cmdline,environ,auxv,comm} (also as /proc/<pid>/ and
 * /proc/thread-self/), and the directory /proc/self/fd listing the guest's
 * descriptors. /proc/self/exe and the /proc/self/fd/N links are handled by
 * path resolution (syscalls/fs.ts).
 */
import { bytesFile, type HostDirEntry, type HostFile, type HostStat } from './host.js';
import type { Process } from './process.js';
import { procCpuinfo } from './cpuinfo.js';

/**
 * The guest process a /proc/<who>/ path is about: self, thread-self, our
 * pid, or another guest process of the same run (the kernel's table); null
 * when it is none of them (the host's /proc then answers, as under qemu).
 */
export function procProcess(p: Process, who: string): Process | null {
  if (who === 'self' || who === 'thread-self') return p;
  const id = Number(who);
  if (id === p.pid) return p;
  const k = (p as { kernel?: { processes?: Map<number, Process>; tasks?: Map<number, { process: Process }> } }).kernel;
  return k?.processes?.get(id) ?? k?.tasks?.get(id)?.process ?? null;
}

/**
 * A path naming a guest descriptor: /proc/<who>/fd/N, /dev/fd/N, or
 * /dev/stdin, /dev/stdout, /dev/stderr. The process and descriptor number,
 * or null.
 */
export function procFdPath(p: Process, path: string): { proc: Process; fd: number } | null {
  const std = ['/dev/stdin', '/dev/stdout', '/dev/stderr'].indexOf(path);
  if (std >= 0) return { proc: p, fd: std };
  const m = /^\/(?:proc\/(self|thread-self|\d+)\/fd|dev\/fd)\/(\d+)$/.exec(path);
  if (!m) return null;
  const proc = m[1] === undefined ? p : procProcess(p, m[1]);
  return proc ? { proc, fd: Number(m[2]) } : null;
}

const hex8 = (v: number): string => v.toString(16).padStart(8, '0');

/** /proc/self/maps in Linux's format (show_map_vma): name column at 74. */
export function procMaps(p: Process): string {
  let out = '';
  for (const v of p.map.vmas) {
    const perms = (v.prot & 1 ? 'r' : '-') + (v.prot & 2 ? 'w' : '-') + (v.prot & 4 ? 'x' : '-') + 'p';
    let line = `${hex8(v.start)}-${hex8(v.end)} ${perms} 00000000 00:00 0`;
    if (v.name) line = line.padEnd(73, ' ') + v.name;
    out += line + '\n';
  }
  return out;
}

const nulJoined = (list: string[]): string => list.map((s) => s + '\0').join('');

function auxvBytes(p: Process): Uint8Array {
  const b = new Uint8Array(p.auxv.length * 16);
  const dv = new DataView(b.buffer);
  p.auxv.forEach(([k, v], i) => {
    dv.setUint32(i * 16, k, true);
    dv.setUint32(i * 16 + 8, v % 4294967296, true);
    dv.setUint32(i * 16 + 12, Math.floor(v / 4294967296), true);
  });
  return b;
}

/** A read-only regular file whose bytes are generated at open time. */
function generated(data: Uint8Array): HostFile {
  const f = bytesFile(data);
  const stat = (): HostStat => ({
    dev: 0,
    ino: 0,
    mode: 0o100444,
    nlink: 1,
    uid: 0,
    gid: 0,
    rdev: 0,
    size: 0,
    blksize: 1024,
    blocks: 0,
    atimeSec: 0,
    atimeNsec: 0,
    mtimeSec: 0,
    mtimeNsec: 0,
    ctimeSec: 0,
    ctimeNsec: 0,
  });
  return { ...f, stat };
}

/** /proc/self/fd: one symbolic link per open descriptor, named by its number (listed when read). */
function fdDirectory(p: Process): HostFile {
  const stat = (): HostStat => ({ ...(generated(new Uint8Array(0)).stat() as HostStat), mode: 0o040500, nlink: 2 });
  return {
    read: () => -21, // EISDIR
    write: () => -9, // EBADF
    stat,
    close() {},
    readdir(): HostDirEntry[] {
      const out: HostDirEntry[] = [
        { name: '.', ino: 1, type: 4 },
        { name: '..', ino: 1, type: 4 },
      ];
      for (const fd of p.fds.list()) out.push({ name: String(fd), ino: 1000 + fd, type: 10 });
      return out;
    },
  };
}

/**
 * The generated file for a /proc path about the guest, or null when the path
 * is not one (the host's file system then answers).
 */
export function openProcFile(self: Process, path: string): HostFile | null {
  // The emulated CPU, not the host's (qemu 7.2 passes the host's file through).
  if (path === '/proc/cpuinfo') return generated(new TextEncoder().encode(procCpuinfo()));
  let p = self;
  const fdDir = /^\/proc\/(self|thread-self|\d+)\/fd\/?$/.exec(path);
  const fdOwner = fdDir ? procProcess(p, fdDir[1]) : null;
  if (fdOwner) return fdDirectory(fdOwner);
  const m = /^\/proc\/(self|thread-self|\d+)\/([a-z_]+)$/.exec(path);
  if (!m) return null;
  const who = procProcess(p, m[1]);
  if (who === null) return null;
  p = who;
  const enc = new TextEncoder();
  switch (m[2]) {
    case 'maps':
      return generated(enc.encode(procMaps(p)));
    case 'cmdline':
      return generated(enc.encode(nulJoined(p.argv)));
    case 'environ':
      return generated(enc.encode(nulJoined(p.env)));
    case 'auxv':
      return generated(auxvBytes(p));
    case 'comm':
      return generated(enc.encode((p.tasks[0]?.comm || p.exePath.split('/').pop() || '').slice(0, 15) + '\n'));
  }
  return null;
}
