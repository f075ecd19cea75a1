import { createSecureContext, type ConnectionOptions, type TLSSocket } from 'node:tls';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { AppError, isAppError } from '@praxisready/model';

/** How the Konnektor's TLS certificate is trusted. Its CN is `<ICCSN>-<date>`, so host names never match. */
export type TlsTrust =
  { mode: 'accept-and-record' } | { mode: 'pinned'; fingerprint256: string } | { mode: 'ca'; caPem: string };

/** Client authentication: none, HTTP Basic, or a client certificate (PKCS#12 or PEM). Secrets never logged. */
export type KonnektorAuth =
  | { type: 'none' }
  | { type: 'basic'; username: string; password: string }
  | { type: 'pkcs12'; pfx: Buffer; passphrase: string }
  | { type: 'pem'; certPem: string; keyPem: string };

export interface TransportOptions {
  trust: TlsTrust;
  auth: KonnektorAuth;
  /** Whole-request timeout in ms (cocard: read 60 s; our default is shorter for an interactive audit). */
  timeoutMs: number;
  /** Largest response body accepted. */
  maxResponseBytes: number;
}

export const DEFAULT_TRANSPORT: Pick<TransportOptions, 'timeoutMs' | 'maxResponseBytes'> = {
  timeoutMs: 20_000,
  maxResponseBytes: 2 * 1024 * 1024,
};

/** Normalises a SHA-256 fingerprint to `AA:BB:…` upper case. */
export function normaliseFingerprint(fp: string): string {
  const hex = fp.replace(/[^0-9a-fA-F]/g, '').toUpperCase();
  return hex.match(/.{2}/g)?.join(':') ?? '';
}

/** TLS connection options for trust and client authentication (shared by the handshake capture and requests). */
export function tlsOptions(url: URL, o: Pick<TransportOptions, 'trust' | 'auth'>): ConnectionOptions {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const opts: ConnectionOptions = {
    minVersion: 'TLSv1.2',
    // The Konnektor certificate names konnektor.konlan / its ICCSN, never the address we dial (ILF_PS §4.1.1.2).
    checkServerIdentity: () => undefined,
    rejectUnauthorized: o.trust.mode === 'ca',
    ...(isIP(host) ? {} : { servername: host }),
  };
  if (o.trust.mode === 'ca') {
    opts.ca = o.trust.caPem;
  }
  if (o.auth.type === 'pkcs12' || o.auth.type === 'pem') {
    try {
      const material =
        o.auth.type === 'pkcs12'
          ? { pfx: o.auth.pfx, passphrase: o.auth.passphrase }
          : { cert: o.auth.certPem, key: o.auth.keyPem };
      createSecureContext(material);
      Object.assign(opts, material);
    } catch (e) {
      throw new AppError(
        'CONFIG_INVALID',
        `Client-Zertifikat kann nicht geladen werden: ${(e as Error).message}`,
        {
          cause: e,
          hint:
            o.auth.type === 'pkcs12'
              ? 'Passphrase prüfen. Von Konnektoren exportierte PKCS#12-Dateien (z. B. KoCoBox) nutzen oft alte Verfahren: mit "openssl pkcs12 -legacy -in alt.p12 -nodes | openssl pkcs12 -export -out neu.p12" umwandeln.'
              : 'PEM-Zertifikat und -Schlüssel prüfen.',
        },
      );
    }
  }
  return opts;
}

/** Checks a pinned fingerprint on a connected TLS socket; throws UNAUTHENTICATED on mismatch. */
export function checkPin(socket: TLSSocket, trust: TlsTrust): void {
  if (trust.mode !== 'pinned') {
    return;
  }
  const fp = socket.getPeerCertificate().fingerprint256;
  if (!fp || normaliseFingerprint(fp) !== normaliseFingerprint(trust.fingerprint256)) {
    throw new AppError(
      'UNAUTHENTICATED',
      'Das TLS-Zertifikat des Konnektors passt nicht zum hinterlegten Fingerabdruck',
      {
        details: { presented: fp ?? null },
        hint: 'Wurde der Konnektor getauscht oder das Zertifikat erneuert (Laufzeitverlängerung)? Fingerabdruck neu prüfen und hinterlegen.',
      },
    );
  }
}

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNRESET',
  'EPIPE',
]);

/** Maps socket and TLS errors to our vocabulary, with a German hint. */
export function networkError(e: unknown, what: string, url: URL): AppError {
  if (isAppError(e)) {
    return e;
  }
  const code = (e as { code?: string }).code ?? '';
  const message = (e as Error).message ?? String(e);
  if (
    /certificate required|alert number 116|handshake failure|alert bad certificate/i.test(message) ||
    code === 'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED'
  ) {
    return new AppError(
      'UNAUTHENTICATED',
      `${what}: Der Konnektor verlangt ein Client-Zertifikat (${message})`,
      {
        cause: e,
        hint: 'TLS mit Client-Authentisierung ist aktiv (TI-Gateway immer): PKCS#12-Datei des Clientsystems mit --pkcs12 angeben.',
      },
    );
  }
  if (code.startsWith('ERR_TLS') || /CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) {
    return new AppError(
      'UNAUTHENTICATED',
      `${what}: TLS-Zertifikat des Konnektors nicht vertrauenswürdig (${code || message})`,
      {
        cause: e,
        hint: 'CA-Bundle (GEM.KOMP-CA aus der TSL) oder Fingerabdruck prüfen.',
      },
    );
  }
  if (UNREACHABLE_CODES.has(code)) {
    return new AppError('UNREACHABLE', `${what}: ${url.host} nicht erreichbar (${code})`, {
      cause: e,
      hint: 'IP/Port des Konnektors, Netzwerk-Route und Firewall prüfen; Port 443 (https) bzw. 80 (http).',
    });
  }
  if (code === 'ETIMEDOUT' || code === 'TIMEOUT') {
    return new AppError('TIMEOUT', `${what}: keine Antwort von ${url.host} in der Zeit`, {
      cause: e,
      hint: 'Konnektor überlastet oder startet neu (bis zu 20 Minuten); später erneut versuchen.',
    });
  }
  return new AppError('UNREACHABLE', `${what}: ${message}`, { cause: e });
}

export interface HttpResult {
  status: number;
  contentType: string;
  body: Buffer;
}

/** One HTTP(S) request with timeout, size limit, trust and auth. Never follows redirects. */
export function httpRequest(
  url: URL,
  init: { method: 'GET' | 'POST'; headers?: Record<string, string>; body?: string },
  o: TransportOptions,
  what: string,
): Promise<HttpResult> {
  return new Promise<HttpResult>((resolve, reject) => {
    const headers: Record<string, string> = { ...init.headers };
    if (o.auth.type === 'basic') {
      headers.Authorization = `Basic ${Buffer.from(`${o.auth.username}:${o.auth.password}`).toString('base64')}`;
    }
    if (init.body !== undefined) {
      headers['Content-Length'] = String(Buffer.byteLength(init.body));
    }
    const isTls = url.protocol === 'https:';
    let settled = false;
    const done = (err: AppError | undefined, result?: HttpResult) => {
      if (settled) {
        return;
      }
      settled = true;
      clearTimeout(timer);
      if (err) {
        req.destroy();
        reject(err);
      } else {
        resolve(result!);
      }
    };
    let tls: ConnectionOptions;
    try {
      tls = isTls ? tlsOptions(url, o) : {};
    } catch (e) {
      reject(e instanceof Error ? e : new Error(String(e)));
      return;
    }
    const req = (isTls ? https : http).request(
      url,
      { method: init.method, headers, agent: false, ...tls },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > o.maxResponseBytes) {
            done(new AppError('TOO_LARGE', `${what}: Antwort größer als ${o.maxResponseBytes} Bytes`));
            return;
          }
          chunks.push(c);
        });
        res.on('end', () =>
          done(undefined, {
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            body: Buffer.concat(chunks),
          }),
        );
        res.on('error', (e) => done(networkError(e, what, url)));
      },
    );
    const timer = setTimeout(
      () => done(networkError(Object.assign(new Error('timeout'), { code: 'TIMEOUT' }), what, url)),
      o.timeoutMs,
    );
    if (isTls) {
      req.on('socket', (socket) => {
        socket.once('secureConnect', () => {
          try {
            checkPin(socket as TLSSocket, o.trust);
          } catch (e) {
            done(e as AppError);
          }
        });
      });
    }
    req.on('error', (e) => done(networkError(e, what, url)));
    req.end(init.body);
  });
}
