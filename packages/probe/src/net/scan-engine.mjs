// The TCP connect scan engine, shared by scanSubnet's calling thread and its worker (scan-worker.mjs). Plain
// JavaScript so a worker loads it without a TypeScript loader; the types are in scan-engine.d.mts.
import { Socket } from 'node:net';
import { constants as osConstants } from 'node:os';
import { getSystemErrorName } from 'node:util';

/** nmap -T4's RTT timeouts: initial (before any answer), floor and ceiling, in ms. */
export const T4_TIMING = Object.freeze({ initialMs: 500, minMs: 100, maxMs: 1250 });

/** A rate limit may start this many ms of connects at once after an idle spell (a small burst, not a backlog). */
const BURST_MS = 5;

/**
 * Connects younger than YOUNG_MS count against the window of YOUNG_WINDOW; older ones (slow hosts, timeouts to come)
 * only against the concurrency cap. On loopback every answer comes within a millisecond, and a few dozen sockets in
 * flight cost less CPU per connect than more (probably fewer cache misses in the kernel: 32 used ~6 % less CPU
 * than 64 and 256 more still, 20 interleaved rounds at load average 6–8); on a LAN with empty addresses the waiting
 * connects age out of the window and concurrency grows to the cap. 32 per RTT of 1 ms is 32 000 connects/s, about
 * the LAN rate limit.
 */
const YOUNG_MS = 20;
const YOUNG_WINDOW = 32;

const REFUSED = new Set(['ECONNREFUSED', 'ECONNRESET']);

/**
 * Smoothed RTT and its variation (RFC 6298, as nmap keeps them), giving the connect timeout
 * srtt + 4·rttvar within [minMs, maxMs]; before the first answer the initial timeout.
 */
export class RttEstimator {
  /** @param {{ initialMs: number; minMs: number; maxMs: number }} timing */
  constructor(timing) {
    this.timing = timing;
    this.samples = 0;
    this.srtt = 0;
    this.rttvar = 0;
  }

  /** @param {number} rttMs the time from connect to the answer (SYN-ACK or RST) */
  observe(rttMs) {
    if (this.samples === 0) {
      this.srtt = rttMs;
      this.rttvar = rttMs / 2;
    } else {
      this.rttvar = 0.75 * this.rttvar + 0.25 * Math.abs(this.srtt - rttMs);
      this.srtt = 0.875 * this.srtt + 0.125 * rttMs;
    }
    this.samples++;
  }

  timeoutMs() {
    if (this.samples === 0) {
      return this.timing.initialMs;
    }
    return Math.min(this.timing.maxMs, Math.max(this.timing.minMs, this.srtt + 4 * this.rttvar));
  }
}

/**
 * Timeout of one connect: discovery probes keep the initial timeout (a host wrongly taken as down is never scanned);
 * port probes use the host's own estimate, or the estimate over all hosts while the host has no answer yet.
 * @param {RttEstimator} global @param {RttEstimator | undefined} host @param {boolean} discovery
 */
export function connectTimeoutMs(global, host, discovery) {
  if (discovery) {
    return global.timing.initialMs;
  }
  return host && host.samples > 0 ? host.timeoutMs() : global.timeoutMs();
}

/**
 * Linux lets a TCP socket whose connect was refused connect again: the next connect() reports the spent attempt
 * (ECONNABORTED, the error itself was already read) and resets the socket, the one after that sends a new SYN from
 * a new ephemeral port. Reusing the handle so saves socket() and close() and Node's handle set-up and tear-down:
 * about 30 % of the CPU per connect on loopback. Other systems leave such a socket unusable, so only on Linux, and
 * any other answer than the expected one falls back to a fresh handle.
 */
export const REUSE_REFUSED = process.platform === 'linux';
const UV_ECONNABORTED = -(osConstants.errno.ECONNABORTED ?? 103);

/** @param {string | undefined} code */
const stateOfCode = (code) => (code !== undefined && REFUSED.has(code) ? 'closed' : 'filtered');

let tcpWrap = null;
let SOCKET = 0;
try {
  // Node's own TCP handle without the net.Socket stream around it: about twice the connects per second, which
  // matters on loopback where every answer comes at once. Falls back to net.Socket where it is unavailable.
  tcpWrap = process.binding('tcp_wrap');
  SOCKET = tcpWrap.constants.SOCKET;
} catch {
  tcpWrap = null;
}

/** @type {Map<number, 'closed' | 'filtered'>} */
const statusStates = new Map();
/** @param {number} status a libuv error code */
function stateOfStatus(status) {
  let state = statusStates.get(status);
  if (state === undefined) {
    let name;
    try {
      name = getSystemErrorName(status);
    } catch {
      name = undefined;
    }
    state = stateOfCode(name);
    statusStates.set(status, state);
  }
  return state;
}

/** @type {import('./scan-engine.d.mts').Dial} */
export function rawDial(host, port, _timeoutMs, done) {
  const handle = new tcpWrap.TCP(tcpWrap.constants.SOCKET);
  let closed = false;
  const close = () => {
    if (!closed) {
      closed = true;
      handle.close();
    }
  };
  const req = new tcpWrap.TCPConnectWrap();
  req.oncomplete = (status) => {
    close();
    done(status === 0 ? 'open' : stateOfStatus(status));
  };
  const err = handle.connect(req, host, port);
  if (err !== 0) {
    close();
    queueMicrotask(() => done(stateOfStatus(err)));
  }
  return close;
}

/** @type {import('./scan-engine.d.mts').Dial} */
export function socketDial(host, port, _timeoutMs, done) {
  const socket = new Socket();
  socket.once('connect', () => {
    socket.destroy();
    done('open');
  });
  socket.once('error', (e) => {
    socket.destroy();
    done(stateOfCode(e.code));
  });
  socket.connect({ host, port });
  return () => socket.destroy();
}

export const rawDialAvailable = Boolean(tcpWrap && typeof tcpWrap.TCP === 'function');
export const defaultDial = rawDialAvailable ? rawDial : socketDial;

/**
 * Scans the hosts `claim()` hands out, one host at a time, until it returns -1: discovery ports first (a host whose
 * discovery ports all time out counts as down and is not scanned further), then the remaining ports. At most
 * `concurrency` connects in flight, at most `ratePerSecond` started per second. Open and immediately closed,
 * nothing sent. Resolves with the open ports per host.
 *
 * Without an injected `dial`, connects go straight through the TCP handle with a completion function per slot, so a
 * connect allocates only the two handle objects: no closures, no timer (one sweep serves all deadlines).
 * @param {import('./scan-engine.d.mts').EngineOptions} o
 * @returns {Promise<Record<string, number[]>>}
 */
export function runScan(o) {
  const { hosts, ports, discovery, claim, signal } = o;
  const raw = o.dial === undefined && rawDialAvailable;
  const dial = o.dial ?? defaultDial;
  const concurrency = Math.max(1, Math.floor(o.concurrency));
  const interval = 1000 / o.ratePerSecond;
  const rest = ports.filter((p) => !discovery.includes(p));
  const global = new RttEstimator(o.timing);
  // Per host (by index): its own RTT estimate, discovery answers outstanding, whether any discovery port answered.
  /** @type {(RttEstimator | undefined)[]} */
  const hostEst = new Array(hosts.length);
  const hostPending = new Int32Array(hosts.length);
  const hostUp = new Uint8Array(hosts.length);
  /** @type {Record<string, number[]>} */
  const open = {};

  // Jobs as flat arrays: host index, port, discovery flag; `head` is the next job.
  /** @type {number[]} */ let jobHost = [];
  /** @type {number[]} */ let jobPort = [];
  /** @type {number[]} */ let jobDisc = [];
  let head = 0;
  const push = (h, list, disc) => {
    for (let i = 0; i < list.length; i++) {
      jobHost.push(h);
      jobPort.push(list[i]);
      jobDisc.push(disc);
    }
  };

  // In-flight slots; `gen` invalidates a slot's late answer after a timeout.
  const slotHost = new Int32Array(concurrency);
  const slotPort = new Int32Array(concurrency);
  const slotDisc = new Uint8Array(concurrency);
  const slotStart = new Float64Array(concurrency);
  const slotDeadline = new Float64Array(concurrency);
  const slotGen = new Uint32Array(concurrency);
  const slotBusy = new Uint8Array(concurrency);
  const slotYoung = new Uint8Array(concurrency);
  /** Raw path: the TCP handle of the slot (closed on timeout); injected dial: the function that abandons it. */
  const slotHandle = new Array(concurrency).fill(null);
  // FIFO of started connects (slot, gen) in start order, to age them out of the young window.
  /** @type {number[]} */ let youngSlot = [];
  /** @type {number[]} */ let youngGen = [];
  let youngHead = 0;
  let young = 0;
  const window = Math.min(concurrency, o.window ?? YOUNG_WINDOW);
  let ageTimer = null;
  const free = Array.from({ length: concurrency }, (_, i) => concurrency - 1 - i);
  let inFlight = 0;
  let exhausted = false;
  let nextDue = performance.now();
  let rateTimer = null;
  let capTimer = null;
  let pumping = false;
  // Connects in flight over all threads of the scan (a view on shared memory), so `concurrency` caps them together.
  const total = o.inFlightTotal;

  return new Promise((resolve) => {
    let finished = false;
    const finish = () => {
      finished = true;
      clearInterval(sweeper);
      signal?.removeEventListener('abort', onAbort);
      clearTimeout(rateTimer ?? undefined);
      clearTimeout(ageTimer ?? undefined);
      clearTimeout(capTimer ?? undefined);
      for (const handle of spare.splice(0)) {
        handle.close();
      }
      resolve(open);
    };

    const complete = (slot, gen, state) => {
      if (slotGen[slot] !== gen || slotBusy[slot] === 0) {
        return;
      }
      slotGen[slot]++;
      slotBusy[slot] = 0;
      slotHandle[slot] = null;
      if (slotYoung[slot] === 1) {
        slotYoung[slot] = 0;
        young--;
      }
      free.push(slot);
      inFlight--;
      if (total !== undefined) {
        Atomics.sub(total, 0, 1);
      }
      const h = slotHost[slot];
      if (state !== 'filtered') {
        const rtt = performance.now() - slotStart[slot];
        global.observe(rtt);
        hostEst[h]?.observe(rtt);
      }
      if (state === 'open') {
        (open[hosts[h]] ??= []).push(slotPort[slot]);
      }
      if (slotDisc[slot] === 1) {
        hostPending[h]--;
        if (state !== 'filtered') {
          hostUp[h] = 1;
        }
        if (hostPending[h] === 0 && hostUp[h] === 1) {
          push(h, rest, 0);
        }
      }
      if (!finished) {
        pump();
      }
    };

    /** Raw path: handles whose connect was refused, to connect again (REUSE_REFUSED). */
    const spare = [];
    // Raw path: one completion function per slot, made once and reused by every connect of that slot (no closure,
    // no extra property per connect). A late answer of a connect that timed out carries a handle that is no longer
    // the slot's (timed-out handles are closed, never reused), and is ignored.
    const slotDone = raw
      ? Array.from({ length: concurrency }, (_, slot) => (status, handle) => {
          if (slotHandle[slot] !== handle) {
            handle.close(); // a late answer after the timeout closed it: no-op
            return;
          }
          const state = status === 0 ? 'open' : stateOfStatus(status);
          if (state === 'closed' && REUSE_REFUSED && spare.length < concurrency) {
            spare.push(handle);
          } else {
            handle.close();
          }
          complete(slot, slotGen[slot], state);
        })
      : [];
    /** A handle connecting to host:port, answering slotDone[slot]: a refused one if it connects again, else new. */
    const connectHandle = (slot, host, port) => {
      let req = new tcpWrap.TCPConnectWrap();
      req.oncomplete = slotDone[slot];
      while (spare.length > 0) {
        const handle = spare.pop();
        const first = handle.connect(req, host, port);
        if (first === UV_ECONNABORTED && handle.connect(req, host, port) === 0) {
          return { handle, err: 0 };
        }
        handle.close(); // cancels a connect that started after all; its late answer is ignored
        if (first === 0) {
          // That connect's request object stays bound until its cancellation is answered: take a new one.
          req = new tcpWrap.TCPConnectWrap();
          req.oncomplete = slotDone[slot];
        }
      }
      const handle = new tcpWrap.TCP(SOCKET);
      return { handle, err: handle.connect(req, host, port) };
    };

    /** @param {number} now */
    const start = (now) => {
      const h = jobHost[head];
      const port = jobPort[head];
      const disc = jobDisc[head];
      head++;
      if (head > 4096 && head * 2 > jobHost.length) {
        jobHost = jobHost.slice(head);
        jobPort = jobPort.slice(head);
        jobDisc = jobDisc.slice(head);
        head = 0;
      }
      const slot = free.pop();
      const gen = slotGen[slot];
      const timeoutMs = connectTimeoutMs(global, hostEst[h], disc === 1);
      slotHost[slot] = h;
      slotPort[slot] = port;
      slotDisc[slot] = disc;
      slotStart[slot] = now;
      slotDeadline[slot] = now + timeoutMs;
      slotBusy[slot] = 1;
      slotYoung[slot] = 1;
      young++;
      youngSlot.push(slot);
      youngGen.push(gen);
      inFlight++;
      if (raw) {
        const { handle, err } = connectHandle(slot, hosts[h], port);
        if (err !== 0) {
          handle.close();
          // Answer after this pump pass, as a connect answer would come.
          queueMicrotask(() => complete(slot, gen, stateOfStatus(err)));
        } else {
          slotHandle[slot] = handle;
        }
      } else {
        slotHandle[slot] = dial(hosts[h], port, timeoutMs, (state) => complete(slot, gen, state));
      }
    };

    // Moves connects older than YOUNG_MS out of the young window; true if that made room. Otherwise a timer pumps
    // again when the oldest young connect ages out.
    /** @param {number} now */
    const ageOut = (now) => {
      const limit = now - YOUNG_MS;
      while (youngHead < youngSlot.length) {
        const slot = youngSlot[youngHead];
        const gen = youngGen[youngHead];
        if (slotGen[slot] === gen && slotYoung[slot] === 1) {
          if (slotStart[slot] > limit) {
            break;
          }
          slotYoung[slot] = 0;
          young--;
        }
        youngHead++;
      }
      if (youngHead > 4096 && youngHead * 2 > youngSlot.length) {
        youngSlot = youngSlot.slice(youngHead);
        youngGen = youngGen.slice(youngHead);
        youngHead = 0;
      }
      if (young < window) {
        return true;
      }
      const oldest = slotStart[youngSlot[youngHead]];
      ageTimer ??= setTimeout(
        () => {
          ageTimer = null;
          pump();
        },
        Math.max(1, oldest + YOUNG_MS - now),
      );
      return false;
    };

    const pump = () => {
      if (pumping) {
        return;
      }
      pumping = true;
      while (free.length > 0 && !signal?.aborted) {
        const now = performance.now();
        if (young >= window && !ageOut(now)) {
          break;
        }
        if (head >= jobHost.length) {
          if (exhausted) {
            break;
          }
          const h = claim();
          if (h < 0 || h >= hosts.length) {
            exhausted = true;
            break;
          }
          hostEst[h] = new RttEstimator(o.timing);
          hostPending[h] = discovery.length;
          push(h, discovery.length > 0 ? discovery : ports, discovery.length > 0 ? 1 : 0);
          continue;
        }
        const due = Math.max(nextDue, now - BURST_MS);
        if (due > now + 0.5) {
          rateTimer ??= setTimeout(() => {
            rateTimer = null;
            pump();
          }, due - now);
          break;
        }
        if (total !== undefined && Atomics.add(total, 0, 1) >= concurrency) {
          // The other threads hold the rest of the cap. Our own answers pump again; without any, a timer does.
          Atomics.sub(total, 0, 1);
          if (inFlight === 0) {
            capTimer ??= setTimeout(() => {
              capTimer = null;
              pump();
            }, 1);
          }
          break;
        }
        nextDue = due + interval;
        start(now);
      }
      pumping = false;
      const idle = head >= jobHost.length && (exhausted || signal?.aborted);
      if (inFlight === 0 && (idle || signal?.aborted) && !finished) {
        finish();
      }
    };

    // Expired connects are checked after the poll phase (setImmediate), so answers that arrived while the event
    // loop was busy are counted before a timeout is declared. One sweep over the slots serves every connect (no
    // timer per connect).
    const expire = (all = false) => {
      const now = performance.now();
      for (let slot = 0; slot < concurrency; slot++) {
        if (slotBusy[slot] === 1 && (all || slotDeadline[slot] <= now)) {
          const gen = slotGen[slot];
          const handle = slotHandle[slot];
          if (raw) {
            handle?.close();
          } else {
            handle?.();
          }
          complete(slot, gen, 'filtered');
        }
      }
    };
    const sweeper = setInterval(
      () => setImmediate(() => expire()),
      Math.max(5, Math.min(50, o.timing.minMs / 4)),
    );
    const onAbort = () => setImmediate(() => !finished && (expire(true), pump()));
    signal?.addEventListener('abort', onAbort, { once: true });
    pump();
  });
}
