import { X509Certificate } from 'node:crypto';
import { connect, type DetailedPeerCertificate } from 'node:tls';
import type { KonnektorFacts } from '@praxisready/model';
import { networkError, normaliseFingerprint, tlsOptions, type TransportOptions } from './transport.ts';

type TlsFacts = NonNullable<KonnektorFacts['tls']>;
type CertFacts = TlsFacts['chain'][number];

function cn(dn: string): string | undefined {
  return /(?:^|\n|,\s*)CN=([^\n,]+)/.exec(dn)?.[1];
}

/** Facts of one certificate (subject, SAN, issuer, validity, fingerprint). */
export function certificateFacts(der: Buffer): CertFacts {
  const x = new X509Certificate(der);
  const san = (x.subjectAltName ?? '')
    .split(/,\s*/)
    .filter((s) => s !== '')
    .map((s) => s.replace(/^DNS:/, '').replace(/^IP Address:/, ''));
  const commonName = cn(x.subject);
  return {
    subject: x.subject.replaceAll('\n', ', '),
    ...(commonName !== undefined ? { commonName } : {}),
    subjectAltNames: san,
    issuer: x.issuer.replaceAll('\n', ', '),
    serialNumber: x.serialNumber,
    notBefore: new Date(x.validFrom).toISOString(),
    notAfter: new Date(x.validTo).toISOString(),
    fingerprint256: normaliseFingerprint(x.fingerprint256),
  };
}

/**
 * Opens a TLS connection only to record protocol, cipher and the presented chain. The chain is recorded in every
 * trust mode; `trusted` says whether it verified against the CA bundle or the pin.
 */
export function captureTls(url: URL, o: TransportOptions): Promise<TlsFacts> {
  const base = tlsOptions(url, o);
  return new Promise<TlsFacts>((resolve, reject) => {
    const socket = connect({
      ...base,
      host: url.hostname.replace(/^\[|\]$/g, ''),
      port: Number(url.port || 443),
      // Record the chain even when it does not verify; `authorized` keeps the verdict.
      rejectUnauthorized: false,
    });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(networkError(Object.assign(new Error('timeout'), { code: 'TIMEOUT' }), 'TLS-Handshake', url));
    }, o.timeoutMs);
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      const chain: CertFacts[] = [];
      const seen = new Set<string>();
      let cert: DetailedPeerCertificate | undefined = socket.getPeerCertificate(true);
      while (cert?.raw && !seen.has(cert.fingerprint256) && chain.length < 10) {
        seen.add(cert.fingerprint256);
        chain.push(certificateFacts(cert.raw));
        cert = cert.issuerCertificate;
      }
      const leaf = chain[0];
      const pinned =
        o.trust.mode === 'pinned' &&
        leaf !== undefined &&
        leaf.fingerprint256 === normaliseFingerprint(o.trust.fingerprint256);
      const trusted = o.trust.mode === 'ca' ? socket.authorized : pinned;
      const authError =
        o.trust.mode === 'ca' && !socket.authorized ? String(socket.authorizationError ?? '') : undefined;
      const facts: TlsFacts = {
        protocol: socket.getProtocol() ?? 'unknown',
        cipher: socket.getCipher().name,
        trustMode: o.trust.mode,
        trusted,
        ...(authError ? { authorizationError: authError } : {}),
        chain,
        konnektorKonlan: leaf?.subjectAltNames.includes('konnektor.konlan') ?? false,
      };
      socket.end();
      resolve(facts);
    });
    socket.once('error', (e) => {
      clearTimeout(timer);
      reject(networkError(e, 'TLS-Handshake', url));
    });
  });
}
