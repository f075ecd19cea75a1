import 'reflect-metadata';
import { webcrypto, randomBytes, createPrivateKey } from 'node:crypto';

type CryptoKeyPair = webcrypto.CryptoKeyPair;
import * as x509 from '@peculiar/x509';
import { buildPkcs12 } from './pkcs12.ts';

x509.cryptoProvider.set(webcrypto as never);

const EC = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

export interface IssuedCertificate {
  certPem: string;
  keyPem: string;
  cert: x509.X509Certificate;
  keys: CryptoKeyPair;
}

async function keyPem(keys: CryptoKeyPair): Promise<string> {
  const der = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' })
    .export({ type: 'pkcs8', format: 'pem' })
    .toString();
}

function serial(): string {
  const b = randomBytes(8);
  b[0] = b[0]! & 0x7f;
  return b.toString('hex');
}

const NAME_OIDS = { CN: '2.5.4.3', O: '2.5.4.10', SERIALNUMBER: '2.5.4.5', C: '2.5.4.6' } as const;

/** A distinguished name from attribute pairs (JSON form, so no DN-string escaping is involved). */
export type DnPairs = [keyof typeof NAME_OIDS, string][];

function jsonName(pairs: DnPairs): Record<string, string[]>[] {
  return pairs.map(([k, v]) => ({ [NAME_OIDS[k]]: [v] }));
}

/** A self-signed CA (named like a TI component CA, marked as simulator). */
export async function createCa(
  commonName: string,
  notBefore: Date,
  notAfter: Date,
): Promise<IssuedCertificate> {
  const keys = await webcrypto.subtle.generateKey(EC, true, ['sign', 'verify']);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: jsonName([
      ['CN', commonName],
      ['O', 'Praxisready Simulator NOT-VALID'],
      ['C', 'DE'],
    ]),
    notBefore,
    notAfter,
    keys,
    signingAlgorithm: EC,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
    ],
  });
  return { cert, keys, certPem: cert.toString('pem'), keyPem: await keyPem(keys) };
}

export interface LeafOptions {
  subject: DnPairs;
  notBefore: Date;
  notAfter: Date;
  dnsNames?: string[];
  ipAddresses?: string[];
  usage: 'server' | 'client' | 'card';
}

/** A leaf certificate issued by `ca`. */
export async function issueCertificate(ca: IssuedCertificate, o: LeafOptions): Promise<IssuedCertificate> {
  const keys = await webcrypto.subtle.generateKey(EC, true, ['sign', 'verify']);
  const san = [
    ...(o.dnsNames ?? []).map((value) => ({ type: 'dns' as const, value })),
    ...(o.ipAddresses ?? []).map((value) => ({ type: 'ip' as const, value })),
  ];
  const eku = o.usage === 'server' ? ['1.3.6.1.5.5.7.3.1'] : ['1.3.6.1.5.5.7.3.2'];
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: jsonName(o.subject),
    issuer: ca.cert.subject,
    notBefore: o.notBefore,
    notAfter: o.notAfter,
    publicKey: keys.publicKey,
    signingKey: ca.keys.privateKey,
    signingAlgorithm: EC,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyAgreement,
        true,
      ),
      new x509.ExtendedKeyUsageExtension(eku),
      ...(san.length ? [new x509.SubjectAlternativeNameExtension(san)] : []),
    ],
  });
  return { cert, keys, certPem: cert.toString('pem'), keyPem: await keyPem(keys) };
}

export { buildPkcs12 };
