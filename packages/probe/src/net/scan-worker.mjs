// Worker thread of scanSubnet (scan.ts): takes hosts from the counter it shares with the calling thread until none
// is left, and posts the open ports back. It joins only if the calling thread has not finished the whole scan
// while the worker was starting (state 0 → 1, or 1 when another worker joined first); otherwise (state 2) it
// leaves without scanning.
import { parentPort, workerData } from 'node:worker_threads';
import { runScan } from './scan-engine.mjs';

const { hosts, ports, discovery, concurrency, ratePerSecond, timing, shared } = workerData;
const counter = new Int32Array(shared, 0, 2);
const inFlightTotal = new Int32Array(shared, 8, 1);
/** @type {Record<string, number[]>} */
let open = {};
if (Atomics.compareExchange(counter, 1, 0, 1) !== 2) {
  open = await runScan({
    hosts,
    ports,
    discovery,
    concurrency,
    inFlightTotal,
    ratePerSecond,
    timing,
    claim: () => Atomics.add(counter, 0, 1),
  });
}
parentPort?.postMessage(open);
