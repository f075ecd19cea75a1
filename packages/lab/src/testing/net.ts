import { connect } from 'node:net';
import { request } from 'node:https';

/** Test helper: whether a TCP connection to host:port is accepted (false on refusal or after 2 s). */
export function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Test helper: a random loopback /24 block (127.200–249.x) so tests never meet a developer's running lab. */
export function randomBlock(): string {
  return `127.${200 + Math.floor(Math.random() * 50)}.${Math.floor(Math.random() * 250)}`;
}

/**
 * Test helper: GET over https trusting only `caPem`. The Konnektor certificate names `konnektor.konlan`, not the
 * loopback address, so the host name check is replaced by the CA check alone (as a Primärsystem pins it).
 */
export function httpsGet(url: string, caPem: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { ca: caPem, checkServerIdentity: () => undefined, timeout: 5000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
