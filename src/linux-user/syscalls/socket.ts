/**
 * Socket syscalls: socket, socketpair, bind, listen, accept/accept4,
 * connect, getsockname/getpeername, send and recv calls (with their msghdr and
 * mmsghdr forms), setsockopt/getsockopt and shutdown. The socket objects
 * and the host bridge are in ../net.ts; this file reads and writes the
 * guest's structures (sockaddr, msghdr, cmsghdr, timeval) and blocks the
 * calling task the way Linux does (O_NONBLOCK/MSG_DONTWAIT, SO_RCVTIMEO and
 * SO_SNDTIMEO, signals).
 */
import type { Task } from '../process.js';
import type { SyscallDef } from './types.js';
import { OpenFile, O_NONBLOCK, O_RDWR } from '../files.js';
import { block } from '../wait.js';
import { ERESTARTSYS } from '../delivery.js';
import { SIGPIPE } from '../signals.js';
import { raiseSignal } from './signal.js';
import { resolvePath, AT_FDCWD } from './fs.js';
import {
  EACCES,
  EADDRINUSE,
  EAFNOSUPPORT,
  EAGAIN,
  EALREADY,
  ECONNABORTED,
  EBADF,
  ECONNREFUSED,
  EDOM,
  EFAULT,
  EDESTADDRREQ,
  EINPROGRESS,
  EINTR,
  EINVAL,
  EISCONN,
  ENOBUFS,
  ENOPROTOOPT,
  ENOTCONN,
  ENOTSOCK,
  EOPNOTSUPP,
  EPERM,
  EPIPE,
  EPROTONOSUPPORT,
  EPROTOTYPE,
  ESOCKTNOSUPPORT,
} from '../errno.js';
import {
  AF_INET,
  AF_INET6,
  AF_MAX,
  AF_UNIX,
  AF_UNSPEC,
  IPPROTO_ICMP,
  IPPROTO_IPV6,
  IPPROTO_TCP,
  IPPROTO_UDP,
  MSG_CMSG_CLOEXEC,
  MSG_CTRUNC,
  MSG_DONTWAIT,
  MSG_NOSIGNAL,
  MSG_OOB,
  MSG_PEEK,
  MSG_TRUNC,
  MSG_WAITALL,
  MSG_WAITFORONE,
  SOCK_CLOEXEC,
  SOCK_DGRAM,
  SOCK_MIN_RCVBUF,
  SOCK_MIN_SNDBUF,
  SOCK_NONBLOCK,
  SOCK_RAW,
  SOCK_SEQPACKET,
  SOCK_STREAM,
  Socket,
  endpointOf,
  latin1,
  netStackOf,
  sockAddrOf,
  unnamedUnix,
  type IncomingConnection,
  type NetStack,
  type Received,
  type SockAddr,
} from '../net.js';

// ---- option names (asm-generic/socket.h, netinet/tcp.h, netinet/in.h) ----

const SOL_SOCKET = 1;
const SO_DEBUG = 1;
const SO_REUSEADDR = 2;
const SO_TYPE = 3;
const SO_ERROR = 4;
const SO_BROADCAST = 6;
const SO_SNDBUF = 7;
const SO_RCVBUF = 8;
const SO_KEEPALIVE = 9;
const SO_LINGER = 13;
const SO_REUSEPORT = 15;
const SO_PEERCRED = 17;
const SO_RCVTIMEO_OLD = 20;
const SO_SNDTIMEO_OLD = 21;
const SO_ACCEPTCONN = 30;
const SO_SNDBUFFORCE = 32;
const SO_RCVBUFFORCE = 33;
const SO_PROTOCOL = 38;
const SO_DOMAIN = 39;
const SO_RCVTIMEO_NEW = 66;
const SO_SNDTIMEO_NEW = 67;
const TCP_NODELAY = 1;
const TCP_KEEPIDLE = 4;
const TCP_KEEPINTVL = 5;
const TCP_KEEPCNT = 6;
const IPV6_V6ONLY = 26;
const IPPROTO_SCTP = 132;
const IPPROTO_UDPLITE = 136;
const IPPROTO_MPTCP = 262;
const SCM_RIGHTS = 1;
const SCM_CREDENTIALS = 2;
/** Most descriptors one SCM_RIGHTS message may carry (SCM_MAX_FD). */
const SCM_MAX_FD = 253;
/** The tick rate socket timeouts are kept in (Debian's kernels: CONFIG_HZ=250). */
const HZ = 250;
const MSG_ERRQUEUE = 0x2000;

// ---- finding the socket ----

interface SockFile {
  file: OpenFile;
  sock: Socket;
}

function sockOf(t: Task, fd: number): SockFile | number {
  const file = t.process.fds.get(fd);
  if (!file) return -EBADF;
  if (!(file.host instanceof Socket)) return -ENOTSOCK;
  return { file, sock: file.host };
}

/** Put a new socket in the descriptor table with SOCK_NONBLOCK/SOCK_CLOEXEC from `flags`. */
function install(t: Task, sock: Socket, flags: number): number {
  const f = new OpenFile(sock, O_RDWR | (flags & SOCK_NONBLOCK ? O_NONBLOCK : 0), `socket:[${sock.ino}]`);
  const fd = t.process.fds.install(f, (flags & SOCK_CLOEXEC) !== 0);
  if (fd < 0) f.release();
  return fd;
}

/** One diagnostic line per unsupported feature and armvisor. */
function unsupported(t: Task, stack: NetStack, what: string, errno: number): number {
  if (!stack.reported.has(what)) {
    stack.reported.add(what);
    t.process.diagnostic(`armvisor: ${what}: returning -${ERRNO_SHORT[errno] ?? errno}`);
  }
  return -errno;
}

const ERRNO_SHORT: { [n: number]: string } = {
  [EAFNOSUPPORT]: 'EAFNOSUPPORT',
  [EPROTONOSUPPORT]: 'EPROTONOSUPPORT',
  [EOPNOTSUPP]: 'EOPNOTSUPP',
  [ENOPROTOOPT]: 'ENOPROTOOPT',
  [EACCES]: 'EACCES',
  [EPERM]: 'EPERM',
  [EINVAL]: 'EINVAL',
};

export const FAMILY_NAMES: { [f: number]: string } = {
  0: 'AF_UNSPEC',
  1: 'AF_UNIX',
  2: 'AF_INET',
  3: 'AF_AX25',
  4: 'AF_IPX',
  5: 'AF_APPLETALK',
  9: 'AF_X25',
  10: 'AF_INET6',
  15: 'AF_KEY',
  16: 'AF_NETLINK',
  17: 'AF_PACKET',
  29: 'AF_CAN',
  31: 'AF_BLUETOOTH',
  38: 'AF_ALG',
  40: 'AF_VSOCK',
  44: 'AF_XDP',
};

// ---- sockaddr ----

/** Bytes of a guest sockaddr of `len` bytes, or -errno (Linux: 0 <= len <= sizeof(sockaddr_storage)). */
function readSockaddrBytes(t: Task, addr: number, len: number): Uint8Array | number {
  if (len < 0 || len > 128) return -EINVAL;
  if (len === 0) return new Uint8Array(0);
  const b = t.process.read(addr, len);
  return b === null ? -EFAULT : b;
}

const familyOf = (b: Uint8Array): number => (b.length >= 2 ? b[0] | (b[1] << 8) : -1);

/** An IPv4 or IPv6 sockaddr for a socket of `domain`: the address, or -errno as inet/inet6 bind and connect check. */
function inetAddr(b: Uint8Array, domain: number): SockAddr | number {
  const fam = familyOf(b);
  if (domain === AF_INET) {
    if (b.length < 16) return -EINVAL;
    if (fam !== AF_INET) return -EAFNOSUPPORT;
    return { family: AF_INET, port: (b[2] << 8) | b[3], ip: b.slice(4, 8) };
  }
  if (b.length < 24) return -EINVAL;
  if (fam !== AF_INET6) return -EAFNOSUPPORT;
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  return {
    family: AF_INET6,
    port: (b[2] << 8) | b[3],
    flowinfo: dv.getUint32(4, false),
    ip: b.slice(8, 24),
    scopeId: b.length >= 28 ? dv.getUint32(24, true) : 0,
  };
}

/** A sockaddr_un: its sun_path bytes (up to the first NUL for path names), or -EINVAL. */
function unixAddr(b: Uint8Array): SockAddr | number {
  if (b.length < 2 || familyOf(b) !== AF_UNIX || b.length > 110) return -EINVAL;
  let path = b.subarray(2);
  if (path.length > 0 && path[0] !== 0) {
    const nul = path.indexOf(0);
    if (nul >= 0) path = path.subarray(0, nul);
  }
  return { family: AF_UNIX, path: path.slice() };
}

/** The bytes of a sockaddr as the kernel returns it (getsockname, accept, recvfrom). */
export function encodeSockaddr(a: SockAddr): Uint8Array {
  if (a.family === AF_INET) {
    const b = new Uint8Array(16);
    b[0] = AF_INET;
    b[2] = a.port >> 8;
    b[3] = a.port & 0xff;
    b.set(a.ip, 4);
    return b;
  }
  if (a.family === AF_INET6) {
    const b = new Uint8Array(28);
    const dv = new DataView(b.buffer);
    b[0] = AF_INET6;
    b[2] = a.port >> 8;
    b[3] = a.port & 0xff;
    dv.setUint32(4, a.flowinfo, false);
    b.set(a.ip, 8);
    dv.setUint32(24, a.scopeId, true);
    return b;
  }
  // Path names come back with their terminating NUL counted; abstract names and unnamed sockets without.
  const abstract = a.path.length > 0 && a.path[0] === 0;
  const b = new Uint8Array(2 + a.path.length + (a.path.length > 0 && !abstract ? 1 : 0));
  b[0] = AF_UNIX;
  b.set(a.path, 2);
  return b;
}

/**
 * Copy an address out as the kernel's move_addr_to_user: at most *lenPtr
 * bytes, and the full length back in *lenPtr. A null address has length 0.
 */
function putSockaddr(t: Task, addr: number, lenPtr: number, a: SockAddr | null): number {
  if (addr === 0 || lenPtr === 0) return 0;
  const lb = t.process.read(lenPtr, 4);
  if (lb === null) return -EFAULT;
  const len = new DataView(lb.buffer).getInt32(0, true);
  if (len < 0) return -EINVAL;
  const bytes = a === null ? new Uint8Array(0) : encodeSockaddr(a);
  if (!t.process.write(addr, bytes.subarray(0, Math.min(len, bytes.length)))) return -EFAULT;
  const out = new Uint8Array(4);
  new DataView(out.buffer).setInt32(0, bytes.length, true);
  return t.process.write(lenPtr, out) ? 0 : -EFAULT;
}

/** The address an unbound socket reports: the family's any-address with port 0, or an unnamed unix socket. */
function anyAddr(domain: number): SockAddr {
  if (domain === AF_INET) return { family: AF_INET, ip: new Uint8Array(4), port: 0 };
  if (domain === AF_INET6) return { family: AF_INET6, ip: new Uint8Array(16), port: 0, flowinfo: 0, scopeId: 0 };
  return unnamedUnix();
}

const isAbstract = (a: SockAddr): boolean => a.family === AF_UNIX && a.path.length > 0 && a.path[0] === 0;

/** Where a unix name lives: its key in NetStack.unixNames and, for a path, the host path; or -errno. */
function unixName(t: Task, a: SockAddr): { key: string; hostPath: string | null } | number {
  if (a.family !== AF_UNIX) return -EINVAL;
  if (isAbstract(a)) return { key: latin1(a.path), hostPath: null };
  const path = new TextDecoder().decode(a.path);
  const abs = resolvePath(t.process, AT_FDCWD, path);
  if (typeof abs === 'number') return abs;
  // The host's sun_path holds 107 bytes: a long absolute form of a relative name is given relative, as the guest did.
  const hostPath = abs.length < 108 || path.startsWith('/') ? abs : path;
  return { key: abs, hostPath };
}

// ---- waiting ----

/** Deadline (monotonic ns) of a socket timeout in jiffies; null for none. */
function deadlineOf(t: Task, jiffies: number): number | null {
  if (jiffies < 0) return null;
  return Number(t.process.host.clock.monotonicNs()) + (jiffies * 1e9) / HZ;
}

/**
 * Run `attempt` until it returns something other than -EAGAIN, waiting on
 * `queues` in between, unless the call must not block. A signal ends the
 * wait with -ERESTARTSYS (-EINTR when a timeout is set, as Linux's
 * sock_intr_errno); the timeout with -EAGAIN (or `onTimeout`).
 */
function blocking(
  t: Task,
  queues: () => import('../wait.js').WaitQueue[],
  nonblock: boolean,
  timeo: number,
  attempt: () => number,
  onTimeout = -EAGAIN,
): number | Promise<number> {
  const r = attempt();
  if (r !== -EAGAIN || nonblock || timeo === 0) return r;
  const deadline = deadlineOf(t, timeo);
  return (async () => {
    for (;;) {
      const why = await block(t, queues(), deadline);
      const r = attempt();
      if (r !== -EAGAIN) return r;
      if (why === 'signal') return timeo >= 0 ? -EINTR : -ERESTARTSYS;
      if (why === 'timeout') return onTimeout;
    }
  })();
}

const nonblocking = (f: OpenFile, flags: number): boolean =>
  (f.flags & O_NONBLOCK) !== 0 || (flags & MSG_DONTWAIT) !== 0;

// ---- socket, socketpair ----

/** Check socket()'s arguments as Linux does: the socket's (family, type, protocol) or -errno. */
function checkCreate(
  t: Task,
  stack: NetStack,
  domain: number,
  typeArg: number,
  protocol: number,
): [number, number] | number {
  const flags = typeArg & ~0xf;
  let type = typeArg & 0xf;
  if (flags & ~(SOCK_CLOEXEC | SOCK_NONBLOCK)) return -EINVAL;
  if (domain < 0 || domain >= AF_MAX) return -EAFNOSUPPORT;
  if (domain === AF_UNIX) {
    if (protocol !== 0 && protocol !== AF_UNIX) return -EPROTONOSUPPORT;
    if (type === SOCK_RAW) type = SOCK_DGRAM;
    if (type !== SOCK_STREAM && type !== SOCK_DGRAM && type !== SOCK_SEQPACKET) return -ESOCKTNOSUPPORT;
    return [type, 0];
  }
  if (domain === AF_INET || domain === AF_INET6) {
    if (type === SOCK_STREAM) {
      if (protocol === 0 || protocol === IPPROTO_TCP) return [type, IPPROTO_TCP];
      if (protocol === IPPROTO_SCTP || protocol === IPPROTO_MPTCP)
        return unsupported(
          t,
          stack,
          `socket: ${protocol === IPPROTO_SCTP ? 'SCTP' : 'MPTCP'} is not supported`,
          EPROTONOSUPPORT,
        );
      return -EPROTONOSUPPORT;
    }
    if (type === SOCK_DGRAM) {
      if (protocol === 0 || protocol === IPPROTO_UDP) return [type, IPPROTO_UDP];
      if (protocol === IPPROTO_ICMP || protocol === 58)
        return unsupported(t, stack, 'socket: ICMP datagram (ping) sockets are not supported', EACCES);
      if (protocol === IPPROTO_UDPLITE)
        return unsupported(t, stack, 'socket: UDP-Lite is not supported', EPROTONOSUPPORT);
      return -EPROTONOSUPPORT;
    }
    if (type === SOCK_RAW) return unsupported(t, stack, 'socket: raw IP sockets are not supported', EPERM);
    return -ESOCKTNOSUPPORT;
  }
  const name = FAMILY_NAMES[domain] ?? `family ${domain}`;
  return unsupported(t, stack, `socket: ${name} sockets are not supported`, EAFNOSUPPORT);
}

function socket(t: Task): number {
  const stack = netStackOf(t.process.host);
  const domain = t.argInt(0);
  const typeArg = t.argInt(1);
  const c = checkCreate(t, stack, domain, typeArg, t.argInt(2));
  if (typeof c === 'number') return c;
  if (domain !== AF_UNIX && stack.host === null)
    return unsupported(t, stack, 'socket: this host gives no network (AF_INET/AF_INET6)', EAFNOSUPPORT);
  const sock = new Socket(stack, domain, c[0], c[1]);
  sock.cred = credOf(t);
  return install(t, sock, typeArg);
}

const credOf = (t: Task) => ({ pid: t.process.pid, uid: t.process.uid, gid: t.process.gid });

function socketpair(t: Task): number {
  const stack = netStackOf(t.process.host);
  const domain = t.argInt(0);
  const typeArg = t.argInt(1);
  const c = checkCreate(t, stack, domain, typeArg, t.argInt(2));
  if (typeof c === 'number') return c;
  if (domain !== AF_UNIX) return -EOPNOTSUPP;
  const out = t.argU64(3);
  if (!t.process.mem.accessible(out, 8, 2)) return -EFAULT;
  const a = new Socket(stack, domain, c[0], c[1]);
  const b = new Socket(stack, domain, c[0], c[1]);
  Socket.pair(a, b);
  a.cred = b.cred = a.peerCred = b.peerCred = credOf(t);
  a.remote = b.remote = unnamedUnix();
  const fa = install(t, a, typeArg);
  if (fa < 0) {
    b.close();
    return fa;
  }
  const fb = install(t, b, typeArg);
  if (fb < 0) {
    t.process.fds.close(fa);
    b.close();
    return fb;
  }
  const fds = new Uint8Array(8);
  const dv = new DataView(fds.buffer);
  dv.setInt32(0, fa, true);
  dv.setInt32(4, fb, true);
  t.process.write(out, fds);
  return 0;
}

// ---- bind, listen, accept ----

/** A host connection arriving at listening socket `l`: a connected socket on its backlog. */
function incoming(l: Socket, accept: IncomingConnection): void {
  const c = new Socket(l.stack, l.domain, l.type, l.protocol);
  // Accepted sockets inherit the listener's options (Linux clones the listening sock).
  c.noDelay = l.noDelay;
  c.keepAlive = l.keepAlive;
  c.rcvBuf = l.rcvBuf;
  c.sndBuf = l.sndBuf;
  c.rcvTimeo = l.rcvTimeo;
  c.sndTimeo = l.sndTimeo;
  c.cred = l.cred;
  c.attachStream(accept, true);
  if (l.state === 'closed') {
    c.close();
    return;
  }
  if (c.isInet) {
    const fam = l.domain as typeof AF_INET;
    const le = c.stream!.localEndpoint();
    const re = c.stream!.remoteEndpoint();
    c.local = le ? sockAddrOf(le, fam) : l.local;
    c.remote = re ? sockAddrOf(re, fam) : null;
  } else {
    c.local = l.local;
    c.remote = unnamedUnix();
  }
  l.backlog.push(c);
  l.readiness.wake();
}

async function bindInet(t: Task, s: Socket, a: SockAddr): Promise<number> {
  const host = s.stack.host!;
  const ep = endpointOf(a);
  if (s.type === SOCK_DGRAM) {
    ensureUdp(s);
    const r = await s.udp!.bind(ep);
    if (r < 0) return r;
    const l = s.udp!.localEndpoint();
    s.local = l ? sockAddrOf(l, s.domain as typeof AF_INET) : a;
    if (s.broadcast) s.udp!.setBroadcast(true);
    return 0;
  }
  // TCP: the host binds and listens in one step, so bind() listens already;
  // connections before listen() wait on the backlog (a later connect() gives the listener up).
  const l = await host.listenTcp(ep, { backlog: 511, v6Only: s.v6Only }, (accept) => incoming(s, accept));
  if (typeof l === 'number') return l;
  if (s.state === 'closed') {
    l.close();
    return -EBADF;
  }
  s.listener = l;
  s.listenedAtBind = true;
  const le = l.localEndpoint();
  s.local = le ? sockAddrOf(le, s.domain as typeof AF_INET) : a;
  return 0;
}

function ensureUdp(s: Socket): void {
  if (s.udp) return;
  s.udp = s.stack.host!.udp(
    s.domain === AF_INET6,
    { v6Only: s.v6Only, reuseAddr: s.reuseAddr },
    {
      onMessage(data, from) {
        // A full receive queue drops the datagram, as Linux does.
        if (s.rxBytes >= s.rcvBuf) return;
        s.deliver({ data, off: 0, from: sockAddrOf(from, s.domain as typeof AF_INET), rights: null });
      },
      onError(errno) {
        s.fail(errno);
      },
    },
  );
}

async function bindUnix(t: Task, s: Socket, a: SockAddr): Promise<number> {
  const stack = s.stack;
  if (a.family === AF_UNIX && a.path.length === 0) a = { family: AF_UNIX, path: stack.autobindName() };
  const name = unixName(t, a);
  if (typeof name === 'number') return name;
  if (stack.unixNames.has(name.key)) return -EADDRINUSE;
  if (name.hostPath !== null) {
    // The socket file: a host listener makes it (and lets host programs connect to a stream socket).
    const host = stack.host;
    if (host) {
      const onConn = (accept: IncomingConnection): void => {
        if (s.type !== SOCK_STREAM) {
          // Host programs cannot reach guest datagram or seqpacket sockets: refuse.
          accept(IGNORE_EVENTS).close(true);
          return;
        }
        incoming(s, accept);
      };
      const l = await host.listenUnix(name.hostPath, 511, onConn);
      if (typeof l === 'number') return l;
      if (s.state === 'closed' || s.local !== null) {
        l.close();
        return s.state === 'closed' ? -EBADF : -EINVAL;
      }
      s.listener = l;
    } else if (typeof t.process.host.fs.stat(name.hostPath, false) !== 'number') return -EADDRINUSE;
    s.hostPath = name.hostPath;
  }
  if (s.local !== null) return -EINVAL;
  s.local = a;
  s.unixKey = name.key;
  stack.unixNames.set(name.key, s);
  return 0;
}

const IGNORE_EVENTS = {
  onConnect() {},
  onData() {},
  onEnd() {},
  onError() {},
  onDrain() {},
  onClose() {},
};

function bind(t: Task): number | Promise<number> {
  const sf = sockOf(t, t.argInt(0));
  if (typeof sf === 'number') return sf;
  const s = sf.sock;
  const b = readSockaddrBytes(t, t.argU64(1), t.argInt(2));
  if (typeof b === 'number') return b;
  if (s.domain === AF_UNIX) {
    const a = unixAddr(b);
    if (typeof a === 'number') return a;
    if (s.local !== null) return -EINVAL;
    return bindUnix(t, s, a);
  }
  // inet_bind accepts AF_UNSPEC with INADDR_ANY as AF_INET (old programs do that).
  if (s.domain === AF_INET && b.length >= 16 && familyOf(b) === AF_UNSPEC && b[4] + b[5] + b[6] + b[7] === 0)
    b[0] = AF_INET;
  const a = inetAddr(b, s.domain);
  if (typeof a === 'number') return a;
  if (
    a.family === AF_INET6 &&
    s.v6Only &&
    a.ip[10] === 0xff &&
    a.ip[11] === 0xff &&
    a.ip.subarray(0, 10).every((x) => x === 0)
  )
    return -EINVAL;
  if (s.local !== null || s.state !== 'open') return -EINVAL;
  return bindInet(t, s, a);
}

function listen(t: Task): number | Promise<number> {
  const sf = sockOf(t, t.argInt(0));
  if (typeof sf === 'number') return sf;
  const s = sf.sock;
  if (s.type === SOCK_DGRAM) return -EOPNOTSUPP;
  if (s.state === 'listening') return 0;
  if (s.state !== 'open') return -EINVAL;
  const go = (): number => {
    s.state = 'listening';
    s.shutRd = false;
    s.readiness.wake();
    return 0;
  };
  if (s.domain === AF_UNIX) return s.local === null ? -EINVAL : go();
  if (s.listener) return go();
  // Not bound: Linux picks a port on the any-address.
  return bindInet(t, s, anyAddr(s.domain)).then((r) => (r < 0 ? r : go()));
}

function accept4(t: Task, flags: number): number | Promise<number> {
  const sf = sockOf(t, t.argInt(0));
  if (typeof sf === 'number') return sf;
  if (flags & ~(SOCK_CLOEXEC | SOCK_NONBLOCK)) return -EINVAL;
  const s = sf.sock;
  if (s.type === SOCK_DGRAM) return -EOPNOTSUPP;
  const addr = t.argU64(1);
  const lenPtr = t.argU64(2);
  return blocking(
    t,
    () => [s.readiness],
    nonblocking(sf.file, 0),
    s.rcvTimeo,
    () => {
      const c = s.accept();
      if (typeof c === 'number') return c;
      const r = putSockaddr(t, addr, lenPtr, c.remote ?? anyAddr(c.domain));
      if (r < 0) {
        c.close();
        return r;
      }
      return install(t, c, flags);
    },
  );
}

// ---- connect ----

function connect(t: Task): number | Promise<number> {
  const sf = sockOf(t, t.argInt(0));
  if (typeof sf === 'number') return sf;
  const s = sf.sock;
  const b = readSockaddrBytes(t, t.argU64(1), t.argInt(2));
  if (typeof b === 'number') return b;
  const nonblock = (sf.file.flags & O_NONBLOCK) !== 0;
  if (s.domain === AF_UNIX) return connectUnix(t, s, b);
  if (b.length < 2) return -EINVAL;
  if (s.type === SOCK_DGRAM) return connectUdp(s, b);
  // TCP
  if (familyOf(b) === AF_UNSPEC) {
    if (s.state === 'connected' || s.state === 'connecting')
      return unsupported(
        t,
        s.stack,
        'connect: AF_UNSPEC on a TCP connection (disconnect) is not supported',
        EOPNOTSUPP,
      );
    return 0;
  }
  if (s.asyncConnect && s.state !== 'connecting') {
    // The first connect() after a nonblocking one finished reports how it ended (Linux: SS_CONNECTING until then).
    s.asyncConnect = false;
    if (s.state === 'connected') return 0;
    return -(s.takeError() || ECONNABORTED);
  }
  if (s.state === 'connected') return -EISCONN;
  if (s.state === 'listening') return -EISCONN;
  if (s.state === 'connecting') {
    if (nonblock) return -EALREADY;
    return waitConnected(t, s);
  }
  const a = inetAddr(b, s.domain);
  if (typeof a === 'number') return a;
  if (s.error) s.takeError();
  let from = null;
  if (s.listenedAtBind && s.listener) {
    // bind() made a listener; a client keeps the bound address instead.
    from = s.listener.localEndpoint();
    s.listener.close();
    s.listener = null;
    s.listenedAtBind = false;
    for (const c of s.backlog) c.close();
    s.backlog.length = 0;
  }
  const host = s.stack.host!;
  const to = endpointOf(a);
  s.remote = a;
  s.rxEnd = false;
  s.broken = false;
  s.attachStream((ev) => host.connectTcp(to, from, ev), false);
  if (nonblock) {
    s.asyncConnect = true;
    return -EINPROGRESS;
  }
  return waitConnected(t, s);
}

/** Wait for a TCP connection in progress: 0, its error, or as Linux on a signal or SO_SNDTIMEO timeout. */
function waitConnected(t: Task, s: Socket): number | Promise<number> {
  return blocking(
    t,
    () => [s.readiness],
    false,
    s.sndTimeo,
    () => {
      if (s.state === 'connecting') return -EAGAIN;
      if (s.state === 'connected') return 0;
      return -(s.takeError() || ECONNREFUSED);
    },
    -EINPROGRESS,
  );
}

async function connectUdp(s: Socket, b: Uint8Array): Promise<number> {
  if (familyOf(b) === AF_UNSPEC) {
    if (s.udp && s.remote) s.udp.disconnect();
    s.remote = null;
    return 0;
  }
  const a = inetAddr(b, s.domain);
  if (typeof a === 'number') return a;
  ensureUdp(s);
  if (s.remote) s.udp!.disconnect();
  s.remote = null;
  const r = await s.udp!.connect(endpointOf(a));
  if (r < 0) return r;
  s.remote = a;
  const l = s.udp!.localEndpoint();
  if (l) s.local = sockAddrOf(l, s.domain as typeof AF_INET);
  return 0;
}

/** The in-process socket bound to a unix name, or -errno as Linux's unix_find_other. */
function findUnix(t: Task, a: SockAddr, type: number): Socket | { hostPath: string } | number {
  const name = unixName(t, a);
  if (typeof name === 'number') return name;
  const stack = netStackOf(t.process.host);
  const found = stack.unixNames.get(name.key);
  if (name.hostPath === null) {
    if (!found) return -ECONNREFUSED;
  } else {
    const st = t.process.host.fs.stat(name.hostPath, true);
    if (typeof st === 'number') return st;
    if (!found || found.state === 'closed') return { hostPath: name.hostPath };
  }
  if (found!.type !== type) return -EPROTOTYPE;
  return found!;
}

async function connectUnix(t: Task, s: Socket, b: Uint8Array): Promise<number> {
  if (s.type === SOCK_DGRAM && familyOf(b) === AF_UNSPEC) {
    s.peer = null;
    s.remote = null;
    return 0;
  }
  const a = unixAddr(b);
  if (typeof a === 'number') return a;
  if (a.family !== AF_UNIX || a.path.length === 0) return -EINVAL;
  if (s.type !== SOCK_DGRAM) {
    if (s.state === 'connected') return -EISCONN;
    if (s.state === 'listening' || s.state === 'connecting') return -EINVAL;
  }
  const target = findUnix(t, a, s.type);
  if (typeof target === 'number') return target;
  if (!(target instanceof Socket)) {
    // No socket of this armvisor has the name: the host's, if it is a socket at all.
    if (s.type !== SOCK_STREAM) return -ECONNREFUSED;
    const host = s.stack.host;
    if (!host) return -ECONNREFUSED;
    s.remote = a;
    s.attachStream((ev) => host.connectUnix(target.hostPath, ev), false);
    for (;;) {
      if (s.state !== 'connecting') break;
      // Unix connects complete or fail at once on Linux: wait for the host's answer whatever O_NONBLOCK says.
      if ((await block(t, [s.readiness], null)) === 'signal' && s.state === 'connecting') {
        s.stream?.close(true);
        s.stream = null;
        s.state = 'open';
        return -ERESTARTSYS;
      }
    }
    if (s.state === 'connected') return 0;
    s.remote = null;
    s.stream = null;
    return -(s.takeError() || ECONNREFUSED);
  }
  if (s.type === SOCK_DGRAM) {
    if (target.peer !== null && target.peer !== s) return -EPERM;
    s.peer = target;
    s.remote = target.local;
    return 0;
  }
  if (target.state !== 'listening' || target.shutRd) return -ECONNREFUSED;
  const server = new Socket(s.stack, s.domain, s.type, s.protocol);
  Socket.pair(s, server);
  server.local = target.local;
  server.remote = s.local ?? unnamedUnix();
  server.cred = target.cred;
  server.peerCred = credOf(t);
  s.peerCred = target.cred;
  s.remote = target.local;
  target.backlog.push(server);
  target.readiness.wake();
  return 0;
}

// ---- names ----

function getsockname(t: Task): number {
  const sf = sockOf(t, t.argInt(0));
  if (typeof sf === 'number') return sf;
  const s = sf.sock;
  return putSockaddr(t, t.argU64(1), t.argU64(2), s.local ?? anyAddr(s.domain)) || 0;
}

function getpeername(t: Task): number {
  const sf = sockOf(t, t.argInt(0));
  if (typeof sf === 'number') return sf;
  const s = sf.sock;
  const connected = s.type === SOCK_DGRAM ? s.remote !== null || s.peer !== null : s.state === 'connected';
  if (!connected) return -ENOTCONN;
  return putSockaddr(t, t.argU64(1), t.argU64(2), s.remote ?? unnamedUnix()) || 0;
}

// ---- send ----

/** Gather the bytes of a struct iovec array (arm64: 16 bytes each), or -errno. */
function gather(t: Task, iov: number, count: number): Uint8Array | number {
  if (count < 0 || count > 1024) return -EINVAL;
  if (count === 0) return new Uint8Array(0);
  const raw = t.process.read(iov, count * 16);
  if (raw === null) return -EFAULT;
  const dv = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const parts: Uint8Array[] = [];
  let total = 0;
  for (let i = 0; i < count; i++) {
    const base = dv.getUint32(i * 16 + 4, true) * 4294967296 + dv.getUint32(i * 16, true);
    const len = dv.getUint32(i * 16 + 12, true) * 4294967296 + dv.getUint32(i * 16 + 8, true);
    if (len > 0x7fffffff || total + len > 0x7fffffff) return -EINVAL;
    const b = t.process.read(base, len);
    if (b === null) return -EFAULT;
    parts.push(b);
    total += len;
  }
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** The (base, len) pairs of a struct iovec array, for scattering, or -errno. */
function iovList(t: Task, iov: number, count: number): [number, number][] | number {
  if (count < 0 || count > 1024) return -EINVAL;
  const raw = t.process.read(iov, count * 16);
  if (raw === null) return -EFAULT;
  const dv = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const out: [number, number][] = [];
  for (let i = 0; i < count; i++) {
    const base = dv.getUint32(i * 16 + 4, true) * 4294967296 + dv.getUint32(i * 16, true);
    const len = dv.getUint32(i * 16 + 12, true) * 4294967296 + dv.getUint32(i * 16 + 8, true);
    if (len > 0x7fffffff) return -EINVAL;
    out.push([base, len]);
  }
  return out;
}

/** Send `data` on socket `sf` (to: sendto's address, null for none): bytes sent or -errno, waiting as the socket and flags say. */
function doSend(
  t: Task,
  sf: SockFile,
  data: Uint8Array,
  flags: number,
  toBytes: Uint8Array | null,
  rights: OpenFile[] | null,
): number | Promise<number> {
  const s = sf.sock;
  const release = (r: number): number => {
    if (r < 0 && rights) for (const f of rights) f.release();
    return r;
  };
  if (flags & MSG_OOB)
    return release(unsupported(t, s.stack, 'send: MSG_OOB (urgent data) is not supported', EOPNOTSUPP));
  const nonblock = nonblocking(sf.file, flags);
  const pipe = (r: number): number => {
    if (r === -EPIPE && !(flags & MSG_NOSIGNAL)) raiseSignal(t, SIGPIPE);
    return r;
  };
  if (s.isInet && rights) return release(-EINVAL);
  if (s.type === SOCK_DGRAM) {
    if (s.isInet) return sendUdp(t, s, data, toBytes, nonblock);
    let target: Socket;
    if (toBytes !== null && toBytes.length > 0) {
      const a = unixAddr(toBytes);
      if (typeof a === 'number') return release(a);
      const found = findUnix(t, a, s.type);
      if (typeof found === 'number') return release(found);
      if (!(found instanceof Socket)) return release(-ECONNREFUSED);
      target = found;
    } else {
      if (!s.peer) return release(-ENOTCONN);
      target = s.peer;
    }
    if (target.state === 'closed' && s.peer === target) {
      // The peer went away: Linux reports ECONNREFUSED once and forgets it.
      s.peer = null;
      s.remote = null;
      return release(-ECONNREFUSED);
    }
    const r = blocking(
      t,
      () => [target.space, s.readiness],
      nonblock,
      s.sndTimeo,
      () => s.sendUnixDatagram(data, target, rights),
    );
    return typeof r === 'number' ? release(r) : r.then(release);
  }
  if (toBytes !== null && toBytes.length > 0 && s.type === SOCK_STREAM && !s.isInet)
    return release(s.state === 'connected' ? -EISCONN : -EOPNOTSUPP);
  if (rights && s.stream)
    return release(
      unsupported(t, s.stack, 'sendmsg: SCM_RIGHTS to a program outside armvisor is not supported', EOPNOTSUPP),
    );
  const queues = () => (s.peer ? [s.readiness, s.peer.space] : [s.readiness]);
  const r = blocking(t, queues, nonblock, s.sndTimeo, () => s.sendStream(data, rights, s.local));
  return typeof r === 'number' ? pipe(release(r)) : r.then((v) => pipe(release(v)));
}

async function sendUdp(
  t: Task,
  s: Socket,
  data: Uint8Array,
  toBytes: Uint8Array | null,
  nonblock: boolean,
): Promise<number> {
  void nonblock; // a UDP send never waits for room: the host queues it
  let to: SockAddr | null = null;
  if (toBytes !== null && toBytes.length > 0) {
    if (toBytes.length < 2) return -EINVAL;
    if (familyOf(toBytes) === AF_UNSPEC && s.domain === AF_INET) to = null;
    else {
      const a = inetAddr(toBytes, s.domain);
      if (typeof a === 'number') return a;
      if (a.family !== AF_UNIX && a.port === 0) return -EINVAL;
      to = a;
    }
  }
  if (to === null && s.remote === null) return -EDESTADDRREQ;
  if (to !== null && s.remote !== null) {
    if (sameAddr(to, s.remote)) to = null;
    else
      return unsupported(
        t,
        s.stack,
        'sendto: another destination on a connected UDP socket is not supported',
        EOPNOTSUPP,
      );
  }
  if (!s.udp || s.local === null) {
    // Linux binds an unbound socket to a port on the any-address at its first send.
    const r = await bindInet(t, s, anyAddr(s.domain));
    if (r < 0) return r;
  }
  return new Promise<number>((resolve) => {
    const n = s.sendUdp(data, to, (r) => resolve(r < 0 ? r : data.length));
    if (n < 0) resolve(n);
  });
}

function sameAddr(a: SockAddr, b: SockAddr): boolean {
  if (a.family !== b.family) return false;
  if (a.family === AF_UNIX || b.family === AF_UNIX) return false;
  return a.port === b.port && a.ip.every((x, i) => x === b.ip[i]);
}

function sendto(t: Task): number | Promise<number> {
  const sf = sockOf(t, t.argInt(0));
  if (typeof sf === 'number') return sf;
  const len = t.argU64(2);
  if (len > 0x7fffffff) return -EINVAL;
  const data = t.process.read(t.argU64(1), len);
  if (data === null) return -EFAULT;
  let to: Uint8Array | null = null;
  if (t.argU64(4) !== 0) {
    const b = readSockaddrBytes(t, t.argU64(4), t.argInt(5));
    if (typeof b === 'number') return b;
    to = b;
  }
  return doSend(t, sf, data, t.argInt(3), to, null);
}

/** struct msghdr of arm64 (56 bytes). */
interface MsgHdr {
  name: number;
  namelen: number;
  iov: number;
  iovlen: number;
  control: number;
  controllen: number;
}

function readMsgHdr(t: Task, addr: number): MsgHdr | number {
  const b = t.process.read(addr, 56);
  if (b === null) return -EFAULT;
  const dv = new DataView(b.buffer, b.byteOffset, 56);
  const u64 = (o: number) => dv.getUint32(o + 4, true) * 4294967296 + dv.getUint32(o, true);
  return {
    name: u64(0),
    namelen: dv.getInt32(8, true),
    iov: u64(16),
    iovlen: u64(24),
    control: u64(32),
    controllen: u64(40),
  };
}

/** Parse a send's control messages: the files SCM_RIGHTS passes (a reference each), or -errno. */
function sendControl(t: Task, s: Socket, m: MsgHdr): OpenFile[] | null | number {
  if (m.controllen === 0) return null;
  if (m.controllen > 1 << 20) return -ENOBUFS;
  const c = t.process.read(m.control, m.controllen);
  if (c === null) return -EFAULT;
  const dv = new DataView(c.buffer, c.byteOffset, c.byteLength);
  let files: OpenFile[] | null = null;
  const fail = (r: number): number => {
    if (files) for (const f of files) f.release();
    return r;
  };
  for (let off = 0; off + 16 <= c.length;) {
    const len = dv.getUint32(off, true) + dv.getUint32(off + 4, true) * 4294967296;
    const level = dv.getInt32(off + 8, true);
    const type = dv.getInt32(off + 12, true);
    if (len < 16 || off + len > c.length) return fail(-EINVAL);
    if (level === SOL_SOCKET && type === SCM_RIGHTS && !s.isInet) {
      const n = Math.floor((len - 16) / 4);
      if (n <= 0 || n > SCM_MAX_FD || files) return fail(-EINVAL);
      files = [];
      for (let i = 0; i < n; i++) {
        const f = t.process.fds.get(dv.getInt32(off + 16 + 4 * i, true));
        if (!f) return fail(-EBADF);
        f.refs++;
        files.push(f);
      }
    } else if (level === SOL_SOCKET && type === SCM_CREDENTIALS && !s.isInet) {
      // Credentials must be the sender's own (without privileges); nobody here asked to receive them (SO_PASSCRED).
      if (len < 28) return fail(-EINVAL);
      const pid = dv.getInt32(off + 16, true);
      const uid = dv.getUint32(off + 20, true);
      const gid = dv.getUint32(off + 24, true);
      if (pid !== t.process.pid || uid !== t.process.uid || gid !== t.process.gid) return fail(-EPERM);
    } else {
      return fail(
        unsupported(t, s.stack, `sendmsg: control message level ${level} type ${type} is not supported`, EINVAL),
      );
    }
    off += (len + 7) & ~7;
  }
  return files;
}

function sendmsgOne(t: Task, sf: SockFile, msgAddr: number, flags: number): number | Promise<number> {
  const m = readMsgHdr(t, msgAddr);
  if (typeof m === 'number') return m;
  let to: Uint8Array | null = null;
  if (m.name !== 0 && m.namelen !== 0) {
    const b = readSockaddrBytes(t, m.name, m.namelen);
    if (typeof b === 'number') return b;
    to = b;
  }
  const data = gather(t, m.iov, m.iovlen);
  if (typeof data === 'number') return data;
  const rights = sendControl(t, sf.sock, m);
  if (typeof rights === 'number') return rights;
  return doSend(t, sf, data, flags, to, rights);
}

function sendmsg(t: Task): number | Promise<number> {
  const sf = sockOf(t, t.argInt(0));
  if (typeof sf === 'number') return sf;
  return sendmsgOne(t, sf, t.argU64(1), t.argInt(2));
}

async function sendmmsg(t: Task): Promise<number> {
  const sf = sockOf(t, t.argInt(0));
  if (typeof sf === 'number') return sf;
  const vec = t.argU64(1);
  const vlen = Math.min(t.argU32(2), 1024);
  const flags = t.argInt(3);
  let done = 0;
  for (; done < vlen; done++) {
    const r = await sendmsgOne(t, sf, vec + done * 64, flags);
    if (r < 0) return done > 0 ? done : r;
    const out = new Uint8Array(4);
    new DataView(out.buffer).setUint32(0, r, true);
    if (!t.process.write(vec + done * 64 + 56, out)) return done > 0 ? done : -EFAULT;
  }
  return done;
}

// ---- receive ----

/** What a receive got, with the buffer it landed in. */
type Got = Received & { buf: Uint8Array };

/** Receive up to `len` bytes: what arrived, or -errno, waiting as the socket and flags say. */
function doRecv(t: Task, sf: SockFile, len: number, flags: number): Got | number | Promise<Got | number> {
  const s = sf.sock;
  if (flags & MSG_OOB) return unsupported(t, s.stack, 'recv: MSG_OOB (urgent data) is not supported', EOPNOTSUPP);
  if (flags & MSG_ERRQUEUE) return -EAGAIN; // no error queue: nothing is ever queued there
  const buf = new Uint8Array(Math.min(len, 1 << 24));
  const peek = (flags & MSG_PEEK) !== 0;
  const nonblock = nonblocking(sf.file, flags);
  let got: Received | null = null;
  const waitAll = (flags & MSG_WAITALL) !== 0 && !peek && s.type === SOCK_STREAM && !nonblock;
  let filled = 0;
  const attempt = (): number => {
    const r = s.recv(waitAll ? buf.subarray(filled) : buf, peek);
    if (typeof r === 'number') return r === -EAGAIN || filled === 0 ? r : 0;
    if (!waitAll) {
      got = r;
      return 0;
    }
    filled += r.n;
    if (r.rights) for (const f of r.rights) f.release();
    if (r.n === 0 || filled === buf.length) return 0;
    return -EAGAIN;
  };
  const finish = (r: number): Got | number => {
    if (waitAll && filled > 0) return { n: filled, truncated: false, full: filled, from: null, rights: null, buf };
    if (r < 0) return r;
    return got ? { ...(got as Received), buf } : { n: 0, truncated: false, full: 0, from: null, rights: null, buf };
  };
  if (len === 0 && s.type === SOCK_STREAM) {
    // A zero-length read still reports errors and end of file; it never waits for data.
    const r = s.recv(buf, true);
    return typeof r === 'number' && r !== -EAGAIN
      ? r
      : { n: 0, truncated: false, full: 0, from: null, rights: null, buf };
  }
  const r = blocking(t, () => [s.readiness], nonblock, s.rcvTimeo, attempt);
  if (typeof r === 'number') return finish(r);
  return r.then((v) => {
    // Interrupted after some bytes arrived: the bytes, not the interruption.
    if (waitAll && filled > 0) return finish(0);
    return finish(v);
  });
}

/** The count recv*() returns: the datagram's real length with MSG_TRUNC. */
const recvCount = (s: Socket, r: Received, flags: number): number =>
  flags & MSG_TRUNC && s.type !== SOCK_STREAM ? r.full : r.n;

function recvfrom(t: Task): number | Promise<number> {
  const sf = sockOf(t, t.argInt(0));
  if (typeof sf === 'number') return sf;
  const addr = t.argU64(1);
  const len = t.argU64(2);
  const flags = t.argInt(3);
  const src = t.argU64(4);
  const srcLen = t.argU64(5);
  if (len > 0 && !t.process.mem.accessible(addr, 1, 2)) return -EFAULT;
  const done = (r: Got | number): number => {
    if (typeof r === 'number') return r;
    if (r.rights) for (const f of r.rights) f.release();
    if (
      !(flags & MSG_TRUNC && sf.sock.type === SOCK_STREAM) &&
      r.n > 0 &&
      !t.process.write(addr, r.buf.subarray(0, r.n))
    )
      return -EFAULT;
    const e = putSockaddr(t, src, srcLen, r.from);
    if (e < 0) return e;
    return recvCount(sf.sock, r, flags);
  };
  const r = doRecv(t, sf, len, flags);
  return r instanceof Promise ? r.then(done) : done(r);
}

/** Write `n` received bytes across the iovecs; false on a fault. */
function scatter(t: Task, iov: [number, number][], data: Uint8Array): boolean {
  let o = 0;
  for (const [base, len] of iov) {
    if (o >= data.length) break;
    const take = Math.min(len, data.length - o);
    if (!t.process.write(base, data.subarray(o, o + take))) return false;
    o += take;
  }
  return true;
}

function recvmsgOne(t: Task, sf: SockFile, msgAddr: number, flags: number): number | Promise<number> {
  const m = readMsgHdr(t, msgAddr);
  if (typeof m === 'number') return m;
  const iov = iovList(t, m.iov, m.iovlen);
  if (typeof iov === 'number') return iov;
  const len = iov.reduce((a, [, l]) => a + l, 0);
  const s = sf.sock;
  const done = (r: Got | number): number => {
    if (typeof r === 'number') return r;
    // msg_flags starts as the caller's MSG_CMSG_CLOEXEC (Linux copies it in), then what happened.
    let msgFlags = (flags & MSG_CMSG_CLOEXEC) | (r.truncated ? MSG_TRUNC : 0);
    let controlUsed = 0;
    if (r.rights) {
      // SCM_RIGHTS: as many descriptors as the control buffer holds; the rest are closed (MSG_CTRUNC).
      const room = m.controllen >= 16 ? Math.floor((m.controllen - 16) / 4) : 0;
      const fit = Math.min(room, r.rights.length);
      if (fit < r.rights.length) msgFlags |= MSG_CTRUNC;
      const fds: number[] = [];
      for (let i = 0; i < r.rights.length; i++) {
        const f = r.rights[i];
        const fd = i < fit ? t.process.fds.install(f, (flags & MSG_CMSG_CLOEXEC) !== 0) : -1;
        if (fd < 0) {
          f.release();
          if (i < fit) msgFlags |= MSG_CTRUNC;
        } else fds.push(fd);
      }
      if (fds.length > 0) {
        const c = new Uint8Array(16 + 4 * fds.length);
        const dv = new DataView(c.buffer);
        dv.setUint32(0, c.length, true);
        dv.setInt32(8, SOL_SOCKET, true);
        dv.setInt32(12, SCM_RIGHTS, true);
        fds.forEach((fd, i) => dv.setInt32(16 + 4 * i, fd, true));
        if (!t.process.write(m.control, c)) return -EFAULT;
        controlUsed = Math.min((c.length + 7) & ~7, m.controllen);
      }
    }
    if (!(flags & MSG_TRUNC && s.type === SOCK_STREAM) && !scatter(t, iov, r.buf.subarray(0, r.n))) return -EFAULT;
    // msg_namelen, msg_controllen and msg_flags go back into the msghdr.
    let namelen = 0;
    if (m.name !== 0 && r.from !== null) {
      const bytes = encodeSockaddr(r.from);
      namelen = bytes.length;
      if (m.namelen < 0) return -EINVAL;
      if (!t.process.write(m.name, bytes.subarray(0, Math.min(m.namelen, bytes.length)))) return -EFAULT;
    }
    const hdr = new Uint8Array(56);
    const src = t.process.read(msgAddr, 56);
    if (src === null) return -EFAULT;
    hdr.set(src);
    const dv = new DataView(hdr.buffer);
    dv.setInt32(8, namelen, true);
    dv.setUint32(40, controlUsed, true);
    dv.setUint32(44, 0, true);
    dv.setInt32(48, msgFlags, true);
    if (!t.process.write(msgAddr, hdr)) return -EFAULT;
    return recvCount(s, r, flags);
  };
  const r = doRecv(t, sf, len, flags & ~MSG_CMSG_CLOEXEC);
  return r instanceof Promise ? r.then(done) : done(r);
}

function recvmsg(t: Task): number | Promise<number> {
  const sf = sockOf(t, t.argInt(0));
  if (typeof sf === 'number') return sf;
  return recvmsgOne(t, sf, t.argU64(1), t.argInt(2));
}

async function recvmmsg(t: Task): Promise<number> {
  const sf = sockOf(t, t.argInt(0));
  if (typeof sf === 'number') return sf;
  const vec = t.argU64(1);
  const vlen = Math.min(t.argU32(2), 1024);
  let flags = t.argInt(3);
  const timeoutAddr = t.argU64(4);
  let deadline: number | null = null;
  if (timeoutAddr !== 0) {
    const b = t.process.read(timeoutAddr, 16);
    if (b === null) return -EFAULT;
    const dv = new DataView(b.buffer);
    const sec = Number(dv.getBigInt64(0, true));
    const nsec = Number(dv.getBigInt64(8, true));
    if (sec < 0 || nsec < 0 || nsec >= 1e9) return -EINVAL;
    deadline = Number(t.process.host.clock.monotonicNs()) + sec * 1e9 + nsec;
  }
  let done = 0;
  for (; done < vlen; done++) {
    const r = await recvmsgOne(t, sf, vec + done * 64, flags);
    if (r < 0) {
      if (done > 0) {
        if (r !== -EAGAIN) sf.sock.error = -r; // reported by the next call, as Linux does
        break;
      }
      return r;
    }
    const out = new Uint8Array(4);
    new DataView(out.buffer).setUint32(0, r, true);
    if (!t.process.write(vec + done * 64 + 56, out)) return done > 0 ? done : -EFAULT;
    if (flags & MSG_WAITFORONE) flags |= MSG_DONTWAIT;
    // The timeout is checked between datagrams only (as Linux does).
    if (deadline !== null && Number(t.process.host.clock.monotonicNs()) >= deadline) {
      done++;
      break;
    }
  }
  return done;
}

// ---- options ----

function readInt(t: Task, addr: number, len: number): number | null {
  if (len < 4) return null;
  const b = t.process.read(addr, 4);
  if (b === null) return null;
  return new DataView(b.buffer).getInt32(0, true);
}

/** A struct timeval as a socket timeout in jiffies (-1: none), or -errno. */
function timeoutJiffies(t: Task, addr: number, len: number): number {
  if (len < 16) return -EINVAL;
  const b = t.process.read(addr, 16);
  if (b === null) return -EFAULT;
  const dv = new DataView(b.buffer);
  const sec = Number(dv.getBigInt64(0, true));
  const usec = Number(dv.getBigInt64(8, true));
  if (usec < 0 || usec >= 1e6) return -EDOM;
  if (sec < 0) return 0;
  if (sec === 0 && usec === 0) return -1;
  return sec * HZ + Math.ceil(usec / (1e6 / HZ));
}

function setsockopt(t: Task): number {
  const sf = sockOf(t, t.argInt(0));
  if (typeof sf === 'number') return sf;
  const s = sf.sock;
  const level = t.argInt(1);
  const name = t.argInt(2);
  const addr = t.argU64(3);
  const len = t.argInt(4);
  if (len < 0) return -EINVAL;
  const int = (): number | null => readInt(t, addr, len);
  const flag = (set: (on: boolean) => void): number => {
    const v = int();
    if (v === null) return len < 4 ? -EINVAL : -EFAULT;
    set(v !== 0);
    return 0;
  };
  const limits = s.stack.limits;
  if (level === SOL_SOCKET) {
    switch (name) {
      case SO_REUSEADDR:
        return flag((on) => (s.reuseAddr = on));
      case SO_REUSEPORT:
        return flag((on) => (s.reusePort = on));
      case SO_KEEPALIVE:
        return flag((on) => {
          s.keepAlive = on;
          s.stream?.setKeepAlive(on);
        });
      case SO_BROADCAST:
        return flag((on) => {
          s.broadcast = on;
          if (s.udp && s.local) s.udp.setBroadcast(on);
        });
      case SO_RCVBUF:
      case SO_RCVBUFFORCE:
      case SO_SNDBUF:
      case SO_SNDBUFFORCE: {
        const v = int();
        if (v === null) return len < 4 ? -EINVAL : -EFAULT;
        const rcv = name === SO_RCVBUF || name === SO_RCVBUFFORCE;
        const force = name === SO_RCVBUFFORCE || name === SO_SNDBUFFORCE;
        // Linux caps at the sysctl maximum (unless forced), then doubles for bookkeeping overhead.
        let val = force ? Math.max(v, 0) : Math.min(v >>> 0, rcv ? limits.rmemMax : limits.wmemMax);
        val = Math.min(val, 0x3fffffff);
        if (rcv) s.rcvBuf = Math.max(val * 2, SOCK_MIN_RCVBUF);
        else s.sndBuf = Math.max(val * 2, SOCK_MIN_SNDBUF);
        return 0;
      }
      case SO_RCVTIMEO_OLD:
      case SO_RCVTIMEO_NEW:
      case SO_SNDTIMEO_OLD:
      case SO_SNDTIMEO_NEW: {
        const j = timeoutJiffies(t, addr, len);
        if (j < -1) return j;
        if (name === SO_RCVTIMEO_OLD || name === SO_RCVTIMEO_NEW) s.rcvTimeo = j;
        else s.sndTimeo = j;
        return 0;
      }
      case SO_LINGER: {
        if (len < 8) return -EINVAL;
        const b = t.process.read(addr, 8);
        if (b === null) return -EFAULT;
        const dv = new DataView(b.buffer);
        s.lingerOn = dv.getInt32(0, true) !== 0 ? 1 : 0;
        s.lingerSec = Math.max(0, dv.getInt32(4, true));
        return 0;
      }
      case SO_DEBUG:
        return flag(() => {});
      default:
        return unsupported(t, s.stack, `setsockopt: SOL_SOCKET option ${name} is not supported`, ENOPROTOOPT);
    }
  }
  if (level === IPPROTO_TCP && s.isInet && s.type === SOCK_STREAM) {
    switch (name) {
      case TCP_NODELAY:
        return flag((on) => {
          s.noDelay = on;
          s.stream?.setNoDelay(on);
        });
      case TCP_KEEPIDLE:
      case TCP_KEEPINTVL:
      case TCP_KEEPCNT: {
        // Keepalive timing is the host kernel's; the values are kept for getsockopt (ranges as Linux checks them).
        const v = int();
        if (v === null) return len < 4 ? -EINVAL : -EFAULT;
        if (v < 1 || v > (name === TCP_KEEPCNT ? 127 : 32767)) return -EINVAL;
        if (name === TCP_KEEPIDLE) s.keepIdle = v;
        else if (name === TCP_KEEPINTVL) s.keepIntvl = v;
        else s.keepCnt = v;
        return 0;
      }
      default:
        return unsupported(t, s.stack, `setsockopt: IPPROTO_TCP option ${name} is not supported`, ENOPROTOOPT);
    }
  }
  if (level === IPPROTO_IPV6 && s.domain === AF_INET6 && name === IPV6_V6ONLY) {
    if (s.local !== null) return -EINVAL;
    return flag((on) => (s.v6Only = on));
  }
  if (level === IPPROTO_IPV6 && s.domain === AF_INET) return -EOPNOTSUPP;
  return unsupported(t, s.stack, `setsockopt: level ${level} option ${name} is not supported`, ENOPROTOOPT);
}

function getsockopt(t: Task): number {
  const sf = sockOf(t, t.argInt(0));
  if (typeof sf === 'number') return sf;
  const s = sf.sock;
  const level = t.argInt(1);
  const name = t.argInt(2);
  const addr = t.argU64(3);
  const lenPtr = t.argU64(4);
  const lb = t.process.read(lenPtr, 4);
  if (lb === null) return -EFAULT;
  const len = new DataView(lb.buffer).getInt32(0, true);
  if (len < 0) return -EINVAL;
  const put = (bytes: Uint8Array): number => {
    const n = Math.min(len, bytes.length);
    if (!t.process.write(addr, bytes.subarray(0, n))) return -EFAULT;
    const out = new Uint8Array(4);
    new DataView(out.buffer).setInt32(0, n, true);
    return t.process.write(lenPtr, out) ? 0 : -EFAULT;
  };
  const int = (v: number): number => {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setInt32(0, v, true);
    return put(b);
  };
  const timeval = (jiffies: number): number => {
    const b = new Uint8Array(16);
    const dv = new DataView(b.buffer);
    if (jiffies >= 0) {
      dv.setBigInt64(0, BigInt(Math.floor(jiffies / HZ)), true);
      dv.setBigInt64(8, BigInt(((jiffies % HZ) * 1e6) / HZ), true);
    }
    return put(b);
  };
  if (level === SOL_SOCKET) {
    switch (name) {
      case SO_TYPE:
        return int(s.type);
      case SO_DOMAIN:
        return int(s.domain);
      case SO_PROTOCOL:
        return int(s.protocol);
      case SO_ERROR:
        return int(s.takeError());
      case SO_ACCEPTCONN:
        return int(s.state === 'listening' ? 1 : 0);
      case SO_REUSEADDR:
        return int(s.reuseAddr ? 1 : 0);
      case SO_REUSEPORT:
        return int(s.reusePort ? 1 : 0);
      case SO_KEEPALIVE:
        return int(s.keepAlive ? 1 : 0);
      case SO_BROADCAST:
        return int(s.broadcast ? 1 : 0);
      case SO_DEBUG:
        return int(0);
      case SO_RCVBUF:
        return int(s.rcvBuf);
      case SO_SNDBUF:
        return int(s.sndBuf);
      case SO_RCVTIMEO_OLD:
      case SO_RCVTIMEO_NEW:
        return timeval(s.rcvTimeo);
      case SO_SNDTIMEO_OLD:
      case SO_SNDTIMEO_NEW:
        return timeval(s.sndTimeo);
      case SO_LINGER: {
        const b = new Uint8Array(8);
        const dv = new DataView(b.buffer);
        dv.setInt32(0, s.lingerOn, true);
        dv.setInt32(4, s.lingerSec, true);
        return put(b);
      }
      case SO_PEERCRED: {
        // struct ucred; a socket without a peer has pid 0 and ids -1, as Linux.
        if (s.domain === AF_UNIX && s.stream)
          return unsupported(
            t,
            s.stack,
            'getsockopt: SO_PEERCRED of a peer outside armvisor is not supported',
            ENOPROTOOPT,
          );
        const c = s.peerCred;
        const b = new Uint8Array(12);
        const dv = new DataView(b.buffer);
        dv.setInt32(0, c ? c.pid : 0, true);
        dv.setInt32(4, c ? c.uid : -1, true);
        dv.setInt32(8, c ? c.gid : -1, true);
        return put(b);
      }
      default:
        return unsupported(t, s.stack, `getsockopt: SOL_SOCKET option ${name} is not supported`, ENOPROTOOPT);
    }
  }
  if (level === IPPROTO_TCP && s.isInet && s.type === SOCK_STREAM) {
    switch (name) {
      case TCP_NODELAY:
        return int(s.noDelay ? 1 : 0);
      case TCP_KEEPIDLE:
        return int(s.keepIdle);
      case TCP_KEEPINTVL:
        return int(s.keepIntvl);
      case TCP_KEEPCNT:
        return int(s.keepCnt);
      default:
        return unsupported(t, s.stack, `getsockopt: IPPROTO_TCP option ${name} is not supported`, ENOPROTOOPT);
    }
  }
  if (level === IPPROTO_IPV6 && s.domain === AF_INET6 && name === IPV6_V6ONLY) return int(s.v6Only ? 1 : 0);
  // IPv6 options on an IPv4 socket: the IPv4 layer refuses the level.
  if (level === IPPROTO_IPV6 && s.domain === AF_INET) return -EOPNOTSUPP;
  return unsupported(t, s.stack, `getsockopt: level ${level} option ${name} is not supported`, ENOPROTOOPT);
}

function shutdown(t: Task): number {
  const sf = sockOf(t, t.argInt(0));
  if (typeof sf === 'number') return sf;
  const s = sf.sock;
  const how = t.argInt(1);
  if (how < 0 || how > 2) return -EINVAL;
  if (s.isInet && s.state === 'listening' && how !== 1) {
    // Linux stops a TCP listener on SHUT_RD: accept() then fails with EINVAL.
    s.listener?.close();
    s.listener = null;
    s.listenedAtBind = false;
    for (const c of s.backlog) c.close();
    s.backlog.length = 0;
    s.state = 'open';
    s.readiness.wake();
    return 0;
  }
  if (s.isInet && s.type === SOCK_DGRAM && s.remote === null) return -ENOTCONN;
  if (s.isInet && s.type === SOCK_STREAM && s.state !== 'connected') return -ENOTCONN;
  return s.shutdown(how);
}

// ---- -strace ----

const TYPE_NAMES = [
  '0',
  'SOCK_STREAM',
  'SOCK_DGRAM',
  'SOCK_RAW',
  'SOCK_RDM',
  'SOCK_SEQPACKET',
  '6',
  '7',
  '8',
  '9',
  'SOCK_PACKET',
];
const MSG_NAMES: [number, string][] = [
  [MSG_OOB, 'MSG_OOB'],
  [MSG_PEEK, 'MSG_PEEK'],
  [0x4, 'MSG_DONTROUTE'],
  [MSG_CTRUNC, 'MSG_CTRUNC'],
  [MSG_TRUNC, 'MSG_TRUNC'],
  [MSG_DONTWAIT, 'MSG_DONTWAIT'],
  [0x80, 'MSG_EOR'],
  [MSG_WAITALL, 'MSG_WAITALL'],
  [MSG_ERRQUEUE, 'MSG_ERRQUEUE'],
  [MSG_NOSIGNAL, 'MSG_NOSIGNAL'],
  [0x8000, 'MSG_MORE'],
  [MSG_WAITFORONE, 'MSG_WAITFORONE'],
  [MSG_CMSG_CLOEXEC, 'MSG_CMSG_CLOEXEC'],
];
const LEVEL_NAMES: { [l: number]: string } = {
  0: 'SOL_IP',
  1: 'SOL_SOCKET',
  6: 'SOL_TCP',
  17: 'SOL_UDP',
  41: 'SOL_IPV6',
};
const SOL_SOCKET_NAMES: { [n: number]: string } = {
  1: 'SO_DEBUG',
  2: 'SO_REUSEADDR',
  3: 'SO_TYPE',
  4: 'SO_ERROR',
  6: 'SO_BROADCAST',
  7: 'SO_SNDBUF',
  8: 'SO_RCVBUF',
  9: 'SO_KEEPALIVE',
  13: 'SO_LINGER',
  15: 'SO_REUSEPORT',
  16: 'SO_PASSCRED',
  17: 'SO_PEERCRED',
  20: 'SO_RCVTIMEO_OLD',
  21: 'SO_SNDTIMEO_OLD',
  30: 'SO_ACCEPTCONN',
  32: 'SO_SNDBUFFORCE',
  33: 'SO_RCVBUFFORCE',
  38: 'SO_PROTOCOL',
  39: 'SO_DOMAIN',
  66: 'SO_RCVTIMEO_NEW',
  67: 'SO_SNDTIMEO_NEW',
};
const TCP_NAMES: { [n: number]: string } = {
  1: 'TCP_NODELAY',
  2: 'TCP_MAXSEG',
  4: 'TCP_KEEPIDLE',
  5: 'TCP_KEEPINTVL',
  6: 'TCP_KEEPCNT',
};

const hexOf = (v: number): string => (v === 0 ? 'NULL' : '0x' + v.toString(16));

function flagList(v: number, names: [number, string][]): string {
  if (v === 0) return '0';
  const out: string[] = [];
  let rest = v;
  for (const [bit, name] of names) {
    if (rest & bit) {
      out.push(name);
      rest &= ~bit;
    }
  }
  if (rest) out.push('0x' + (rest >>> 0).toString(16));
  return out.join('|');
}

function typeText(v: number): string {
  let s = TYPE_NAMES[v & 0xf] ?? String(v & 0xf);
  if (v & SOCK_NONBLOCK) s += '|SOCK_NONBLOCK';
  if (v & SOCK_CLOEXEC) s += '|SOCK_CLOEXEC';
  const rest = v & ~0xf & ~SOCK_NONBLOCK & ~SOCK_CLOEXEC;
  if (rest) s += '|0x' + (rest >>> 0).toString(16);
  return s;
}

const familyText = (f: number): string => FAMILY_NAMES[f] ?? String(f);

/** A guest sockaddr in strace's notation ({sa_family=AF_INET,sin_port=htons(80),sin_addr=inet_addr("127.0.0.1")}). */
export function sockaddrText(t: Task, addr: number, len: number): string {
  if (addr === 0) return 'NULL';
  if (len < 2 || len > 128) return hexOf(addr);
  const b = t.process.read(addr, len);
  if (b === null) return hexOf(addr);
  const fam = familyOf(b);
  const port = (): number => (b[2] << 8) | b[3];
  if (fam === AF_INET && len >= 16) {
    const a = inetAddr(b, AF_INET) as SockAddr & { ip: Uint8Array };
    return `{sa_family=AF_INET,sin_port=htons(${port()}),sin_addr=inet_addr("${a.ip.join('.')}")}`;
  }
  if (fam === AF_INET6 && len >= 24) {
    const a = inetAddr(b, AF_INET6) as SockAddr & { ip: Uint8Array };
    return `{sa_family=AF_INET6,sin6_port=htons(${port()}),sin6_addr=inet_pton("${endpointOf(a).address}")}`;
  }
  if (fam === AF_UNIX) {
    const a = unixAddr(b);
    if (typeof a === 'number' || a.family !== AF_UNIX) return '{sa_family=AF_UNIX}';
    if (a.path.length === 0) return '{sa_family=AF_UNIX}';
    if (a.path[0] === 0) return `{sa_family=AF_UNIX,sun_path=@${JSON.stringify(latin1(a.path.subarray(1)))}}`;
    return `{sa_family=AF_UNIX,sun_path=${JSON.stringify(new TextDecoder().decode(a.path))}}`;
  }
  return `{sa_family=${familyText(fam)}}`;
}

function optText(level: number, name: number): string {
  const table =
    level === SOL_SOCKET
      ? SOL_SOCKET_NAMES
      : level === IPPROTO_TCP
        ? TCP_NAMES
        : level === IPPROTO_IPV6 && name === IPV6_V6ONLY
          ? { 26: 'IPV6_V6ONLY' }
          : {};
  return `${LEVEL_NAMES[level] ?? level},${(table as { [n: number]: string })[name] ?? name}`;
}

const fmt: { [name: string]: (t: Task) => string } = {
  socket: (t) => `${familyText(t.argInt(0))},${typeText(t.argInt(1))},${t.argInt(2)}`,
  socketpair: (t) => `${familyText(t.argInt(0))},${typeText(t.argInt(1))},${t.argInt(2)},${hexOf(t.argU64(3))}`,
  bind: (t) => `${t.argInt(0)},${sockaddrText(t, t.argU64(1), t.argInt(2))},${t.argInt(2)}`,
  connect: (t) => `${t.argInt(0)},${sockaddrText(t, t.argU64(1), t.argInt(2))},${t.argInt(2)}`,
  accept4: (t) =>
    `${t.argInt(0)},${hexOf(t.argU64(1))},${hexOf(t.argU64(2))},${flagList(t.argInt(3), [
      [SOCK_NONBLOCK, 'SOCK_NONBLOCK'],
      [SOCK_CLOEXEC, 'SOCK_CLOEXEC'],
    ])}`,
  sendto: (t) =>
    `${t.argInt(0)},${hexOf(t.argU64(1))},${t.argU64(2)},${flagList(t.argInt(3), MSG_NAMES)},${sockaddrText(t, t.argU64(4), t.argInt(5))},${t.argInt(5)}`,
  recvfrom: (t) =>
    `${t.argInt(0)},${hexOf(t.argU64(1))},${t.argU64(2)},${flagList(t.argInt(3), MSG_NAMES)},${hexOf(t.argU64(4))},${hexOf(t.argU64(5))}`,
  sendmsg: (t) => `${t.argInt(0)},${hexOf(t.argU64(1))},${flagList(t.argInt(2), MSG_NAMES)}`,
  recvmsg: (t) => `${t.argInt(0)},${hexOf(t.argU64(1))},${flagList(t.argInt(2), MSG_NAMES)}`,
  sendmmsg: (t) => `${t.argInt(0)},${hexOf(t.argU64(1))},${t.argU32(2)},${flagList(t.argInt(3), MSG_NAMES)}`,
  recvmmsg: (t) =>
    `${t.argInt(0)},${hexOf(t.argU64(1))},${t.argU32(2)},${flagList(t.argInt(3), MSG_NAMES)},${hexOf(t.argU64(4))}`,
  setsockopt: (t) => `${t.argInt(0)},${optText(t.argInt(1), t.argInt(2))},${hexOf(t.argU64(3))},${t.argInt(4)}`,
  getsockopt: (t) => `${t.argInt(0)},${optText(t.argInt(1), t.argInt(2))},${hexOf(t.argU64(3))},${hexOf(t.argU64(4))}`,
  shutdown: (t) => `${t.argInt(0)},${['SHUT_RD', 'SHUT_WR', 'SHUT_RDWR'][t.argInt(1)] ?? t.argInt(1)}`,
};

export const socketSyscalls: SyscallDef[] = [
  { name: 'socket', args: ['int', 'int', 'int'], handler: socket },
  { name: 'socketpair', args: ['int', 'int', 'int', 'hex'], handler: socketpair },
  { name: 'bind', args: ['fd', 'hex', 'int'], handler: bind },
  { name: 'listen', args: ['fd', 'int'], handler: listen },
  { name: 'accept', args: ['fd', 'hex', 'hex'], handler: (t) => accept4(t, 0) },
  { name: 'accept4', args: ['fd', 'hex', 'hex', 'hex'], handler: (t) => accept4(t, t.argInt(3)) },
  { name: 'connect', args: ['fd', 'hex', 'int'], handler: connect },
  { name: 'getsockname', args: ['fd', 'hex', 'hex'], handler: getsockname },
  { name: 'getpeername', args: ['fd', 'hex', 'hex'], handler: getpeername },
  { name: 'sendto', args: ['fd', 'hex', 'size', 'hex', 'hex', 'int'], handler: sendto },
  { name: 'recvfrom', args: ['fd', 'hex', 'size', 'hex', 'hex', 'hex'], handler: recvfrom },
  { name: 'setsockopt', args: ['fd', 'int', 'int', 'hex', 'int'], handler: setsockopt },
  { name: 'getsockopt', args: ['fd', 'int', 'int', 'hex', 'hex'], handler: getsockopt },
  { name: 'shutdown', args: ['fd', 'int'], handler: shutdown },
  { name: 'sendmsg', args: ['fd', 'hex', 'hex'], handler: sendmsg },
  { name: 'recvmsg', args: ['fd', 'hex', 'hex'], handler: recvmsg },
  { name: 'sendmmsg', args: ['fd', 'hex', 'uint', 'hex'], handler: sendmmsg },
  { name: 'recvmmsg', args: ['fd', 'hex', 'uint', 'hex', 'hex'], handler: recvmmsg },
];
for (const def of socketSyscalls) if (fmt[def.name]) def.formatArgs = fmt[def.name];
