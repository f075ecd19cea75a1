import { Socket } from 'node:net';
import { AppError } from '@praxisready/model';
import { isLoopback } from './address.ts';

/** Result of one TCP connect, in nmap's words: open (connected), closed (refused), filtered (no answer). */
export type TcpState = 'open' | 'closed' | 'filtered';

/** Which peers the probe may contact. `loopback` is what tests and benchmarks run with. */
export type NetworkPolicy = 'loopback' | 'any';

/** Throws FORBIDDEN when the policy does not allow talking to `host`. */
export function assertAllowed(policy: NetworkPolicy, host: string): void {
  if (policy === 'loopback' && !isLoopback(host)) {
    throw new AppError('FORBIDDEN', `Only loopback peers are allowed here, not ${host}`, {
      hint: 'Im Loopback-Modus (Tests, Labor) spricht die Probe nur mit 127.0.0.0/8.',
    });
  }
}

/**
 * A TCP connect with a timeout: it opens and immediately closes the connection and sends nothing, so the peer
 * sees no payload (read-only by construction).
 */
export function tcpConnect(host: string, port: number, timeoutMs: number): Promise<TcpState> {
  return new Promise((resolve) => {
    const socket = new Socket();
    let done = false;
    const finish = (state: TcpState) => {
      if (!done) {
        done = true;
        socket.destroy();
        resolve(state);
      }
    };
    socket.setTimeout(timeoutMs, () => finish('filtered'));
    socket.once('connect', () => finish('open'));
    socket.once('error', (e: NodeJS.ErrnoException) =>
      finish(e.code === 'ECONNREFUSED' || e.code === 'ECONNRESET' ? 'closed' : 'filtered'),
    );
    socket.connect({ host, port });
  });
}

/** Runs `task` over `items` with at most `limit` in flight; results in input order. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
