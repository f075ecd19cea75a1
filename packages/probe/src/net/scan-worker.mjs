// Worker thread of scanSubnet (scan.ts): scans one contiguous slice of the hosts with the same discovery, rate and
// concurrency logic, and posts the open ports back. Plain JavaScript so it loads in any worker without a TS loader.
import { Socket } from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';

/** @param {string} host @param {number} port @param {number} timeoutMs @returns {Promise<'open'|'closed'|'filtered'>} */
function connect(host, port, timeoutMs) {
  return new Promise((resolve) => {
    const socket = new Socket();
    let done = false;
    const finish = (state) => {
      if (!done) {
        done = true;
        socket.destroy();
        resolve(state);
      }
    };
    socket.setTimeout(timeoutMs, () => finish('filtered'));
    socket.once('connect', () => finish('open'));
    socket.once('error', (e) =>
      finish(e.code === 'ECONNREFUSED' || e.code === 'ECONNRESET' ? 'closed' : 'filtered'),
    );
    socket.connect({ host, port });
  });
}

const { hosts, ports, discovery, concurrency, rate, timeoutMs } = workerData;
const started = performance.now();
let startedConnects = 0;
/** @type {Record<string, number[]>} */
const open = {};

async function pool(total, at, onState) {
  let next = 0;
  const worker = async () => {
    while (next < total) {
      const i = next++;
      const wait = started + (startedConnects++ * 1000) / rate - performance.now();
      if (wait > 1) {
        await new Promise((r) => setTimeout(r, wait));
      }
      const [host, port] = at(i);
      onState(host, port, await connect(host, port, timeoutMs));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
}

const record = (host, port, state) => {
  if (state === 'open') {
    (open[host] ??= []).push(port);
  }
};

let live = hosts;
let remaining = ports;
if (discovery.length > 0) {
  const up = new Set();
  await pool(
    hosts.length * discovery.length,
    (i) => [hosts[Math.floor(i / discovery.length)], discovery[i % discovery.length]],
    (h, p, s) => {
      record(h, p, s);
      if (s !== 'filtered') {
        up.add(h);
      }
    },
  );
  live = hosts.filter((h) => up.has(h));
  remaining = ports.filter((p) => !discovery.includes(p));
}
await pool(
  live.length * remaining.length,
  (i) => [live[Math.floor(i / remaining.length)], remaining[i % remaining.length]],
  record,
);
parentPort?.postMessage(open);
