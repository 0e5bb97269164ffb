/**
 * Sockets: the guest's socket objects and what the core needs from the
 * host's network (HostNet).
 *
 * A guest socket is an OpenFile whose HostFile is a Socket: plain read,
 * write, poll and fstat work on it like on a pipe (read/write return -EAGAIN
 * when they would wait; `readiness` wakes the waiters), and the socket
 * syscalls (syscalls/socket.ts) reach the socket-specific operations.
 *
 * Transports:
 * - AF_INET/AF_INET6 TCP and UDP go through the host (HostNet: Node's `net`
 *   and `dgram` in src/host/node-net.ts). The host is event-driven: data
 *   arriving is buffered here and wakes `readiness`.
 * - AF_UNIX socketpair() and connections between sockets of this armvisor
 *   are in-process: the sender appends to the peer's receive queue. That
 *   keeps message boundaries (SOCK_DGRAM, SOCK_SEQPACKET) and lets
 *   SCM_RIGHTS pass open files. A path-bound AF_UNIX stream socket also
 *   listens on the host, so that other programs can connect to it; a guest
 *   connecting to a path no socket of this armvisor is bound to goes through
 *   the host. Abstract names (leading NUL) live in this armvisor only.
 *
 * Errors are negative Linux errnos in return values, positive ones in the
 * socket's pending error (SO_ERROR) and in host events.
 */
import type { HostFile, HostStat } from './host.js';
import type { OpenFile } from './files.js';
import { WaitQueue } from './wait.js';
import { EAGAIN, ECONNRESET, EDESTADDRREQ, EINVAL, EMSGSIZE, ENOTCONN, EPERM, EPIPE, ECONNREFUSED } from './errno.js';

// ---- constants (Linux, identical on arm64) ----

export const AF_UNSPEC = 0;
export const AF_UNIX = 1;
export const AF_INET = 2;
export const AF_INET6 = 10;
export const AF_NETLINK = 16;
export const AF_PACKET = 17;
/** Families Linux numbers (AF_MAX); socket() with a larger one is EAFNOSUPPORT. */
export const AF_MAX = 46;

export const SOCK_STREAM = 1;
export const SOCK_DGRAM = 2;
export const SOCK_RAW = 3;
export const SOCK_RDM = 4;
export const SOCK_SEQPACKET = 5;
export const SOCK_PACKET = 10;
export const SOCK_MAX = 11;
export const SOCK_NONBLOCK = 0o4000;
export const SOCK_CLOEXEC = 0o2000000;

export const IPPROTO_IP = 0;
export const IPPROTO_ICMP = 1;
export const IPPROTO_TCP = 6;
export const IPPROTO_UDP = 17;
export const IPPROTO_IPV6 = 41;

export const MSG_OOB = 0x1;
export const MSG_PEEK = 0x2;
export const MSG_DONTROUTE = 0x4;
export const MSG_CTRUNC = 0x8;
export const MSG_TRUNC = 0x20;
export const MSG_DONTWAIT = 0x40;
export const MSG_EOR = 0x80;
export const MSG_WAITALL = 0x100;
export const MSG_NOSIGNAL = 0x4000;
export const MSG_MORE = 0x8000;
export const MSG_WAITFORONE = 0x10000;
export const MSG_CMSG_CLOEXEC = 0x40000000;

const POLLIN = 0x1;
const POLLOUT = 0x4;
const POLLERR = 0x8;
const POLLHUP = 0x10;
const POLLRDNORM = 0x40;
const POLLWRNORM = 0x100;
const POLLRDHUP = 0x2000;

/** Socket inodes show as S_IFSOCK with mode 0777, as on Linux's sockfs. */
const S_IFSOCK_0777 = 0o140777;

// ---- addresses ----

/**
 * A socket address as the kernel keeps it. IP addresses are their network
 * bytes; a unix address is the sun_path bytes without the terminating NUL
 * (empty: unnamed; first byte 0: an abstract name).
 */
export type SockAddr =
  | { family: typeof AF_INET; ip: Uint8Array; port: number }
  | { family: typeof AF_INET6; ip: Uint8Array; port: number; flowinfo: number; scopeId: number }
  | { family: typeof AF_UNIX; path: Uint8Array };

/** An IP endpoint as the host's API takes it: the address in text. */
export interface InetEndpoint {
  v6: boolean;
  address: string;
  port: number;
}

export function ipv4Text(ip: Uint8Array): string {
  return `${ip[0]}.${ip[1]}.${ip[2]}.${ip[3]}`;
}

/** RFC 5952 text of an IPv6 address (longest run of two or more zero groups as ::). */
export function ipv6Text(ip: Uint8Array): string {
  const g: number[] = [];
  for (let i = 0; i < 16; i += 2) g.push((ip[i] << 8) | ip[i + 1]);
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    if (g[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = (a: number[]): string => a.map((v) => v.toString(16)).join(':');
  if (best < 0) return hex(g);
  return hex(g.slice(0, best)) + '::' + hex(g.slice(best + bestLen));
}

/** Parse dotted-quad IPv4 text; null when it is not one. */
export function parseIpv4(s: string): Uint8Array | null {
  const parts = s.split('.');
  if (parts.length !== 4) return null;
  const out = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    if (!/^\d{1,3}$/.test(parts[i])) return null;
    const v = Number(parts[i]);
    if (v > 255) return null;
    out[i] = v;
  }
  return out;
}

/** Parse IPv6 text (with ::, an embedded IPv4 tail and a %scope suffix); null when it is not one. */
export function parseIpv6(s: string): Uint8Array | null {
  const pct = s.indexOf('%');
  if (pct >= 0) s = s.slice(0, pct);
  const out = new Uint8Array(16);
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const groups = (part: string): number[] | null => {
    if (part === '') return [];
    const out: number[] = [];
    const items = part.split(':');
    for (let i = 0; i < items.length; i++) {
      const it = items[i];
      if (i === items.length - 1 && it.includes('.')) {
        const v4 = parseIpv4(it);
        if (!v4) return null;
        out.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
      } else {
        if (!/^[0-9a-fA-F]{1,4}$/.test(it)) return null;
        out.push(parseInt(it, 16));
      }
    }
    return out;
  };
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  if (!head || !tail) return null;
  if (halves.length === 1 ? head.length !== 8 : head.length + tail.length > 7) return null;
  const all = [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
  for (let i = 0; i < 8; i++) {
    out[2 * i] = all[i] >> 8;
    out[2 * i + 1] = all[i] & 0xff;
  }
  return out;
}

/** The host endpoint of an IP socket address. */
export function endpointOf(a: SockAddr): InetEndpoint {
  if (a.family === AF_INET) return { v6: false, address: ipv4Text(a.ip), port: a.port };
  if (a.family === AF_INET6) return { v6: true, address: ipv6Text(a.ip), port: a.port };
  throw new Error('endpointOf: not an IP address');
}

/** The socket address of a host endpoint, in the family the socket has (IPv4 peers of an IPv6 socket are v4-mapped). */
export function sockAddrOf(e: InetEndpoint, family: typeof AF_INET | typeof AF_INET6): SockAddr {
  let ip = e.v6 ? parseIpv6(e.address) : parseIpv4(e.address);
  if (ip === null) ip = parseIpv4(e.address) ?? parseIpv6(e.address) ?? new Uint8Array(e.v6 ? 16 : 4);
  if (family === AF_INET6) {
    if (ip.length === 4) {
      const m = new Uint8Array(16);
      m[10] = m[11] = 0xff;
      m.set(ip, 12);
      ip = m;
    }
    return { family: AF_INET6, ip, port: e.port, flowinfo: 0, scopeId: 0 };
  }
  if (ip.length === 16) ip = ip.slice(12);
  return { family: AF_INET, ip, port: e.port };
}

const UNNAMED: SockAddr = { family: AF_UNIX, path: new Uint8Array(0) };

// ---- what the host gives ----

/** Events of a host stream connection, delivered to its socket. */
export interface StreamEvents {
  /** The outgoing connection is established. */
  onConnect(): void;
  onData(data: Uint8Array): void;
  /** The peer will send nothing more (FIN). */
  onEnd(): void;
  /** The connection failed or broke (positive errno: ECONNREFUSED, ECONNRESET, ENOENT, …). */
  onError(errno: number): void;
  /** The host's send buffer has room again. */
  onDrain(): void;
  /** The host closed the connection (after onEnd/onError, or after destroy). */
  onClose(): void;
}

/** A host stream connection (TCP, or a unix stream socket of the host). */
export interface HostStream {
  /** Queue bytes for sending (never refuses: see pending()). */
  write(data: Uint8Array): void;
  /** Bytes queued in the host and not yet handed to its kernel. */
  pending(): number;
  /** Send FIN after what is queued (shutdown SHUT_WR). */
  end(): void;
  /** Close: after queued data is sent, or at once with a reset (RST) when `reset`. */
  close(reset: boolean): void;
  /** Stop or restart reading from the host (receive flow control). */
  pause(): void;
  resume(): void;
  setNoDelay(on: boolean): void;
  setKeepAlive(on: boolean): void;
  /** Local and remote IP endpoints once connected (null for unix streams or before). */
  localEndpoint(): InetEndpoint | null;
  remoteEndpoint(): InetEndpoint | null;
}

export interface HostListener {
  /** Where it listens (IP listeners; the port chosen for port 0). */
  localEndpoint(): InetEndpoint | null;
  close(): void;
}

/** A new incoming connection: call accept() with the events sink to take it. */
export type IncomingConnection = (events: StreamEvents) => HostStream;

export interface DatagramEvents {
  onMessage(data: Uint8Array, from: InetEndpoint): void;
  /** An asynchronous error (positive errno). */
  onError(errno: number): void;
}

/** A host UDP socket. */
export interface HostDatagram {
  /** Bind (port 0: any port); 0 or -errno. */
  bind(at: InetEndpoint): Promise<number>;
  /** Set the default destination and receive only from it; 0 or -errno. Binds first when needed. */
  connect(to: InetEndpoint): Promise<number>;
  /** Drop the default destination. */
  disconnect(): void;
  /** Send one datagram (to null: the connected destination); `done` gets 0 or -errno. */
  send(data: Uint8Array, to: InetEndpoint | null, done: (r: number) => void): void;
  setBroadcast(on: boolean): void;
  localEndpoint(): InetEndpoint | null;
  close(): void;
}

/** Buffer sizes of the host kernel (its net.core and net.ipv4 sysctls), reported to the guest as Linux would. */
export interface NetLimits {
  rmemDefault: number;
  wmemDefault: number;
  rmemMax: number;
  wmemMax: number;
  /** tcp_rmem[1] and tcp_wmem[1]: a new TCP socket's SO_RCVBUF and SO_SNDBUF. */
  tcpRmem: number;
  tcpWmem: number;
}

export const DEFAULT_LIMITS: NetLimits = {
  rmemDefault: 212992,
  wmemDefault: 212992,
  rmemMax: 212992,
  wmemMax: 212992,
  tcpRmem: 131072,
  tcpWmem: 16384,
};

/** The host's network, for the socket layer (Node: src/host/node-net.ts). */
export interface HostNet {
  connectTcp(to: InetEndpoint, from: InetEndpoint | null, events: StreamEvents): HostStream;
  /** Connect to a unix stream socket of the host (path as the host names it). */
  connectUnix(path: string, events: StreamEvents): HostStream;
  /** Bind and listen; the listener or -errno (EADDRINUSE, EADDRNOTAVAIL, EACCES, …). */
  listenTcp(
    at: InetEndpoint,
    o: { backlog: number; v6Only: boolean },
    onConnection: (accept: IncomingConnection) => void,
  ): Promise<HostListener | number>;
  /** Create a unix stream socket file at `path` and listen on it. */
  listenUnix(
    path: string,
    backlog: number,
    onConnection: (accept: IncomingConnection) => void,
  ): Promise<HostListener | number>;
  udp(v6: boolean, o: { v6Only: boolean; reuseAddr: boolean }, events: DatagramEvents): HostDatagram;
  limits(): NetLimits;
}

// ---- the network stack of one armvisor ----

/** State shared by every process of one armvisor: bound unix names, inode numbers. */
export class NetStack {
  /** Unix sockets bound to a name: absolute host path, or the abstract name (latin1, leading NUL). */
  readonly unixNames = new Map<string, Socket>();
  /** Families and features already reported as unsupported (one diagnostic line each). */
  readonly reported = new Set<string>();
  readonly limits: NetLimits;
  private nextIno = 40000;
  private nextAutobind = 0;

  constructor(readonly host: HostNet | null) {
    this.limits = host ? host.limits() : DEFAULT_LIMITS;
  }

  ino(): number {
    return this.nextIno++;
  }

  /** An unused abstract name for autobind: NUL and five hex digits, as Linux. */
  autobindName(): Uint8Array {
    for (;;) {
      const name = '\0' + (this.nextAutobind++ & 0xfffff).toString(16).padStart(5, '0');
      if (!this.unixNames.has(name)) return latin1Bytes(name);
    }
  }
}

const stacks = new WeakMap<object, NetStack>();

/** The network stack of the armvisor a host belongs to (one per Host object). */
export function netStackOf(host: { net?: HostNet }): NetStack {
  let s = stacks.get(host);
  if (!s) {
    s = new NetStack(host.net ?? null);
    stacks.set(host, s);
  }
  return s;
}

export function latin1(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]);
  return s;
}

export function latin1Bytes(s: string): Uint8Array {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i) & 0xff;
  return b;
}

// ---- the socket ----

/** A piece of a receive queue: bytes (a whole datagram for message sockets), the sender, passed files. */
export interface Segment {
  data: Uint8Array;
  /** Bytes already read from a stream segment. */
  off: number;
  from: SockAddr | null;
  /** SCM_RIGHTS: open files in flight (one reference each). */
  rights: OpenFile[] | null;
}

/** What one receive got. */
export interface Received {
  /** Bytes copied into the buffer. */
  n: number;
  /** The datagram was longer than the buffer (the rest is dropped). */
  truncated: boolean;
  /** Its whole length (for MSG_TRUNC on datagrams). */
  full: number;
  from: SockAddr | null;
  rights: OpenFile[] | null;
}

export type SocketState = 'open' | 'listening' | 'connecting' | 'connected' | 'closed';

/** Linux's minimum buffer sizes after doubling (SOCK_MIN_RCVBUF, SOCK_MIN_SNDBUF). */
export const SOCK_MIN_RCVBUF = 2304;
export const SOCK_MIN_SNDBUF = 4608;

/** Largest UDP payload: 65535 less the UDP header and the IPv4 header (IPv6: no IP header counted). */
const UDP_MAX_V4 = 65507;
const UDP_MAX_V6 = 65527;
/** A unix datagram queue holds at most this many messages (net.unix.max_dgram_qlen) from senders it is not connected to. */
const UNIX_MAX_DGRAM_QLEN = 10;

export class Socket implements HostFile {
  readonly readiness = new WaitQueue();
  /** Woken when a reader takes data from this socket's queue (in-process senders wait here for room). */
  readonly space = new WaitQueue();
  readonly ino: number;
  state: SocketState = 'open';
  /** Bound (or, once connected, actual) local address; null while unbound. */
  local: SockAddr | null = null;
  /** The peer: connected address of a stream, default destination of a datagram socket. */
  remote: SockAddr | null = null;
  /** Pending asynchronous error (SO_ERROR), a positive errno or 0. */
  error = 0;
  readonly rx: Segment[] = [];
  rxBytes = 0;
  /** Nothing more will arrive (FIN, the peer closed). */
  rxEnd = false;
  shutRd = false;
  shutWr = false;
  /** The connection is gone (reset, or closed by us): sending fails with EPIPE. */
  broken = false;
  /** Transports: host stream, host listener, in-process peer, host UDP socket. */
  stream: HostStream | null = null;
  listener: HostListener | null = null;
  peer: Socket | null = null;
  udp: HostDatagram | null = null;
  /** A nonblocking connect() started whose outcome no connect() has reported yet. */
  asyncConnect = false;
  /** A bind that made the host listen before listen(): connect() must give it up. */
  listenedAtBind = false;
  /** Connections waiting for accept(). */
  readonly backlog: Socket[] = [];
  /** The unix name this socket registered (key in NetStack.unixNames). */
  unixKey: string | null = null;
  /** Host path of a path-bound unix socket (for its host listener). */
  hostPath: string | null = null;
  /** Host flow control: reading from the host is paused because rx is full. */
  private paused = false;

  // options (SOL_SOCKET, IPPROTO_TCP, IPPROTO_IPV6), as the guest set them
  reuseAddr = false;
  reusePort = false;
  keepAlive = false;
  broadcast = false;
  noDelay = false;
  v6Only = false;
  lingerOn = 0;
  lingerSec = 0;
  rcvBuf: number;
  sndBuf: number;
  /** SO_RCVTIMEO/SO_SNDTIMEO in jiffies of a HZ=250 kernel (-1: none, the default; 0: do not wait). */
  rcvTimeo = -1;
  sndTimeo = -1;
  /** TCP keepalive tunables (seconds, count) as set; Linux's defaults. */
  keepIdle = 7200;
  keepIntvl = 75;
  keepCnt = 9;
  /** Credentials for SO_PEERCRED of in-process unix peers. */
  cred: { pid: number; uid: number; gid: number } | null = null;
  peerCred: { pid: number; uid: number; gid: number } | null = null;

  constructor(
    readonly stack: NetStack,
    readonly domain: number,
    readonly type: number,
    readonly protocol: number,
  ) {
    this.ino = stack.ino();
    const l = stack.limits;
    const tcp = type === SOCK_STREAM && domain !== AF_UNIX;
    this.rcvBuf = tcp ? l.tcpRmem : l.rmemDefault;
    this.sndBuf = tcp ? l.tcpWmem : l.wmemDefault;
  }

  get isStream(): boolean {
    return this.type === SOCK_STREAM;
  }

  /** Datagram semantics on receive: one message per call (SOCK_DGRAM, SOCK_SEQPACKET). */
  get isMessage(): boolean {
    return this.type !== SOCK_STREAM;
  }

  get isInet(): boolean {
    return this.domain === AF_INET || this.domain === AF_INET6;
  }

  /** Report and clear the pending error (SO_ERROR, or the next call's result). */
  takeError(): number {
    const e = this.error;
    this.error = 0;
    return e;
  }

  fail(errno: number): void {
    this.error = errno;
    this.readiness.wake();
  }

  // ---- receive ----

  /** Queue received bytes (from the host or an in-process peer) and wake readers. */
  deliver(seg: Segment): void {
    if (this.shutRd && this.isInet) {
      this.releaseRights(seg);
      return;
    }
    this.rx.push(seg);
    this.rxBytes += seg.data.length;
    if (this.stream && !this.paused && this.rxBytes >= this.rcvBuf) {
      this.paused = true;
      this.stream.pause();
    }
    this.readiness.wake();
  }

  /** Room for a sender writing into this socket's receive queue (in-process peers). */
  hasRoom(): boolean {
    return this.rxBytes < this.rcvBuf;
  }

  private consumed(): void {
    if (this.stream && this.paused && this.rxBytes < this.rcvBuf / 2) {
      this.paused = false;
      this.stream.resume();
    }
    // An in-process writer may be waiting for room (or polling for POLLOUT).
    this.space.wake();
    if (this.peer) this.peer.readiness.wake();
  }

  private releaseRights(seg: Segment): void {
    if (seg.rights) for (const f of seg.rights) f.release();
    seg.rights = null;
  }

  /** recv/recvfrom/recvmsg without waiting: what was received, or -EAGAIN/-errno/0 at end. */
  recv(buf: Uint8Array, peek: boolean): Received | number {
    if (this.state === 'listening') return this.isInet ? -ENOTCONN : -EINVAL;
    if (this.rx.length === 0) {
      if (this.error) return -this.takeError();
      if (this.rxEnd || this.shutRd) return 0;
      if (this.type === SOCK_DGRAM) return -EAGAIN;
      if (this.state === 'connecting') return -EAGAIN;
      if (this.state !== 'connected') return this.isInet ? -ENOTCONN : this.isStream ? -EINVAL : -ENOTCONN;
      return -EAGAIN;
    }
    if (this.isMessage) {
      const seg = this.rx[0];
      const full = seg.data.length;
      const n = Math.min(buf.length, full);
      buf.set(seg.data.subarray(0, n));
      const r: Received = { n, truncated: n < full, full, from: seg.from, rights: seg.rights };
      if (!peek) {
        this.rx.shift();
        this.rxBytes -= full;
        seg.rights = null;
        this.consumed();
      } else r.rights = null;
      return r;
    }
    // Stream: gather segments from one sender; a segment carrying files ends the read (Linux never glues past them).
    let n = 0;
    let i = 0;
    let rights: OpenFile[] | null = null;
    const from = this.rx[0].from;
    while (i < this.rx.length && n < buf.length) {
      const seg = this.rx[i];
      if (seg.rights && n > 0) break;
      const take = Math.min(buf.length - n, seg.data.length - seg.off);
      buf.set(seg.data.subarray(seg.off, seg.off + take), n);
      n += take;
      const carried = seg.rights !== null;
      if (carried && !peek) {
        // The receiver takes the files over (MSG_PEEK leaves them queued, as the data).
        rights = seg.rights;
        seg.rights = null;
      }
      if (!peek) {
        seg.off += take;
        if (seg.off === seg.data.length) {
          this.rx.shift();
          this.rxBytes -= seg.data.length;
        } else break;
      } else {
        if (take < seg.data.length - seg.off) break;
        i++;
      }
      if (carried) break;
    }
    if (!peek) this.consumed();
    return { n, truncated: false, full: n, from, rights };
  }

  /** FIONREAD through the generic ioctl path (syscalls/fs.ts). */
  unreadBytes(): number {
    return this.readable();
  }

  /** Bytes readable now (FIONREAD/SIOCINQ): a stream's queued bytes, the next datagram's length. */
  readable(): number {
    if (this.rx.length === 0) return 0;
    if (this.isMessage) return this.rx[0].data.length;
    return this.rx.reduce((s, g) => s + g.data.length - g.off, 0);
  }

  // ---- send ----

  /**
   * Send on a connected stream or seqpacket socket without waiting: bytes
   * taken, or -EAGAIN (no room), -EPIPE, -ENOTCONN, the pending error.
   */
  sendStream(data: Uint8Array, rights: OpenFile[] | null, from: SockAddr | null): number {
    if (this.shutWr) return -EPIPE;
    if (this.error && this.isInet) return -this.takeError();
    if (this.state === 'connecting') return -EAGAIN;
    if (this.state !== 'connected') return this.isInet ? -EPIPE : -ENOTCONN;
    if (this.broken) return -EPIPE;
    if (this.stream) {
      if (this.stream.pending() >= this.sndBuf) return -EAGAIN;
      if (data.length > 0) this.stream.write(data.slice());
      return data.length;
    }
    const peer = this.peer;
    if (!peer || peer.state === 'closed' || peer.shutRd) return -EPIPE;
    if (this.type === SOCK_SEQPACKET && data.length > this.sndBuf - 32) return -EMSGSIZE;
    if (!peer.hasRoom()) return -EAGAIN;
    if (data.length === 0 && this.isStream && !rights) return 0;
    peer.deliver({ data: data.slice(), off: 0, from, rights });
    return data.length;
  }

  /**
   * Send a datagram on an in-process unix socket to `target` (the peer when
   * connected): bytes taken or -errno.
   */
  sendUnixDatagram(data: Uint8Array, target: Socket, rights: OpenFile[] | null): number {
    if (this.shutWr) return -EPIPE;
    if (data.length > this.sndBuf - 32) return -EMSGSIZE;
    if (target.state === 'closed') return -ECONNREFUSED;
    // A connected datagram socket takes messages from its peer only.
    if (target.peer !== null && target.peer !== this) return -EPERM;
    if (!target.hasRoom() || (target.peer !== this && target.rx.length >= UNIX_MAX_DGRAM_QLEN)) return -EAGAIN;
    target.deliver({ data: data.slice(), off: 0, from: this.local, rights });
    return data.length;
  }

  /**
   * Send a UDP datagram (to null: the connected destination) without
   * waiting: bytes taken or -errno. The host reports the outcome to `done`
   * (0 or -errno); without `done` a failure becomes the pending error.
   */
  sendUdp(data: Uint8Array, to: SockAddr | null, done: ((r: number) => void) | null): number {
    if (this.shutWr) return -EPIPE;
    if (this.error) return -this.takeError();
    if (to === null && this.remote === null) return -EDESTADDRREQ;
    if (data.length > this.udpMax()) return -EMSGSIZE;
    if (!this.udp) return -EDESTADDRREQ;
    this.udp.send(data.slice(), to === null ? null : endpointOf(to), done ?? ((r) => r < 0 && this.fail(-r)));
    return data.length;
  }

  /** Largest datagram a UDP socket of this family may send. */
  udpMax(): number {
    return this.domain === AF_INET6 ? UDP_MAX_V6 : UDP_MAX_V4;
  }

  // ---- connections ----

  /** Take the first connection waiting on a listening socket: the new socket, -EAGAIN or -EINVAL. */
  accept(): Socket | number {
    if (this.state !== 'listening' || this.shutRd) return -EINVAL;
    const s = this.backlog.shift();
    return s ?? -EAGAIN;
  }

  /** Attach a host stream (connecting or accepted) and route its events here. */
  attachStream(make: (events: StreamEvents) => HostStream, connected: boolean): void {
    this.state = connected ? 'connected' : 'connecting';
    const self = this;
    const events: StreamEvents = {
      onConnect() {
        if (self.state !== 'connecting') return;
        self.state = 'connected';
        const l = self.stream?.localEndpoint();
        if (l && self.isInet) self.local = sockAddrOf(l, self.domain as typeof AF_INET);
        self.readiness.wake();
      },
      onData(data) {
        if (self.state === 'closed') return;
        self.deliver({ data, off: 0, from: null, rights: null });
      },
      onEnd() {
        self.rxEnd = true;
        self.readiness.wake();
      },
      onError(errno) {
        if (self.state === 'closed') return;
        if (self.state === 'connecting') self.state = 'open';
        self.broken = true;
        self.rxEnd = true;
        self.fail(errno);
      },
      onDrain() {
        self.readiness.wake();
      },
      onClose() {
        self.rxEnd = true;
        if (self.state === 'connected') self.broken = true;
        self.readiness.wake();
      },
    };
    this.stream = make(events);
    if (this.noDelay) this.stream.setNoDelay(true);
    if (this.keepAlive) this.stream.setKeepAlive(true);
  }

  /** Connect two in-process sockets to each other (socketpair, unix connect). */
  static pair(a: Socket, b: Socket): void {
    a.peer = b;
    b.peer = a;
    a.state = b.state = 'connected';
  }

  /**
   * shutdown(2): how = SHUT_RD 0, SHUT_WR 1, SHUT_RDWR 2. A stream or
   * seqpacket peer in this armvisor sees it (end of file, EPIPE); IP
   * sockets check their state in the syscall (ENOTCONN), unix ones never do.
   */
  shutdown(how: number): number {
    if (how < 0 || how > 2) return -EINVAL;
    const peer = this.type !== SOCK_DGRAM ? this.peer : null;
    if (how !== 1) this.shutRd = true;
    if (how !== 0 && !this.shutWr) {
      this.shutWr = true;
      if (this.stream) this.stream.end();
      if (peer) peer.rxEnd = true;
    }
    // The peer sees end of file, or that its sends now fail with EPIPE.
    if (peer) peer.readiness.wake();
    this.readiness.wake();
    return 0;
  }

  // ---- HostFile ----

  read(buf: Uint8Array): number {
    const r = this.recv(buf, false);
    if (typeof r === 'number') return r;
    if (r.rights) for (const f of r.rights) f.release();
    return r.n;
  }

  write(buf: Uint8Array): number {
    if (this.type === SOCK_DGRAM) {
      if (this.isInet) return this.sendUdp(buf, null, null);
      if (!this.peer) return -ENOTCONN;
      return this.sendUnixDatagram(buf, this.peer, null);
    }
    return this.sendStream(buf, null, this.local);
  }

  poll(): number {
    let m = 0;
    switch (this.state) {
      case 'listening':
        if (this.backlog.length > 0) m |= POLLIN | POLLRDNORM;
        if (this.shutRd) m |= POLLIN | POLLRDNORM | POLLHUP;
        return m;
      case 'connecting':
        if (this.error) m |= POLLERR;
        return m;
      default:
        break;
    }
    if (this.error) m |= POLLERR;
    if (this.rx.length > 0) m |= POLLIN | POLLRDNORM;
    if (this.rxEnd || this.shutRd) m |= POLLIN | POLLRDNORM | POLLRDHUP;
    if (this.type === SOCK_DGRAM) {
      if (!this.shutWr) m |= POLLOUT | POLLWRNORM;
      if (this.shutRd && this.shutWr) m |= POLLHUP;
      return m;
    }
    if (this.state === 'open' || this.state === 'closed') {
      // A stream socket that is not connected: writable and hung up (as Linux reports TCP_CLOSE).
      return m | POLLOUT | POLLWRNORM | POLLHUP;
    }
    if (this.shutWr || this.broken) m |= POLLOUT | POLLWRNORM;
    else if (this.stream ? this.stream.pending() < this.sndBuf : this.peer !== null && this.peer.hasRoom())
      m |= POLLOUT | POLLWRNORM;
    else if (!this.stream && (!this.peer || this.peer.state === 'closed')) m |= POLLOUT | POLLWRNORM;
    if ((this.rxEnd || this.shutRd) && (this.shutWr || this.broken)) m |= POLLHUP;
    else if (!this.isInet && this.peer && this.peer.state === 'closed') m |= POLLHUP;
    return m;
  }

  stat(): HostStat {
    return {
      dev: 8,
      ino: this.ino,
      mode: S_IFSOCK_0777,
      nlink: 1,
      uid: 0,
      gid: 0,
      rdev: 0,
      size: 0,
      blksize: 4096,
      blocks: 0,
      atimeSec: 0,
      atimeNsec: 0,
      mtimeSec: 0,
      mtimeNsec: 0,
      ctimeSec: 0,
      ctimeNsec: 0,
    };
  }

  isTerminal(): boolean {
    return false;
  }

  /** The last descriptor is closed. */
  close(): void {
    const unread = this.rx.length > 0;
    const was = this.state;
    this.state = 'closed';
    for (const seg of this.rx) this.releaseRights(seg);
    this.rx.length = 0;
    this.rxBytes = 0;
    if (this.stream) {
      // Closing with unread data resets the connection (RFC 2525, as Linux); SO_LINGER 0 too.
      this.stream.close(unread || (this.lingerOn !== 0 && this.lingerSec === 0));
      this.stream = null;
    }
    if (this.listener) {
      this.listener.close();
      this.listener = null;
    }
    for (const s of this.backlog) s.close();
    this.backlog.length = 0;
    if (this.udp) {
      this.udp.close();
      this.udp = null;
    }
    if (this.unixKey !== null && this.stack.unixNames.get(this.unixKey) === this)
      this.stack.unixNames.delete(this.unixKey);
    const peer = this.peer;
    if (peer) {
      this.peer = null;
      // Stream and seqpacket peers see end of file (and a reset when data was left unread); a datagram peer sees nothing.
      if (peer.peer === this && peer.type !== SOCK_DGRAM) {
        peer.rxEnd = true;
        if (unread && was === 'connected') peer.error = ECONNRESET;
      }
      peer.readiness.wake();
    }
    this.readiness.wake();
  }
}

/** The unnamed unix address (a socket not bound to a name). */
export function unnamedUnix(): SockAddr {
  return UNNAMED;
}
