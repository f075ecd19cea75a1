import { createHash, createHmac, createPrivateKey, randomBytes, X509Certificate } from 'node:crypto';

/*
 * A minimal PKCS#12 (RFC 7292) writer for the simulator's client certificate: one certificate bag and one
 * PBES2/AES-256 shrouded key bag (encrypted by node's own PKCS#8 export), protected by an HMAC-SHA-256 MAC.
 * OpenSSL 3 (and node's `tls` `pfx` option) read this without the legacy provider.
 */

function len(n: number): Buffer {
  if (n < 0x80) {
    return Buffer.from([n]);
  }
  const bytes: number[] = [];
  for (let v = n; v > 0; v >>= 8) {
    bytes.unshift(v & 0xff);
  }
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function tlv(tag: number, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  return Buffer.concat([Buffer.from([tag]), len(body.length), body]);
}

const seq = (...c: Buffer[]) => tlv(0x30, ...c);
const set = (...c: Buffer[]) => tlv(0x31, ...c);
const octets = (b: Buffer) => tlv(0x04, b);
const explicit0 = (b: Buffer) => tlv(0xa0, b);
const nul = Buffer.from([0x05, 0x00]);

function integer(n: number): Buffer {
  const bytes: number[] = [];
  for (let v = n; v > 0; v >>= 8) {
    bytes.unshift(v & 0xff);
  }
  if (bytes.length === 0 || bytes[0]! & 0x80) {
    bytes.unshift(0);
  }
  return tlv(0x02, Buffer.from(bytes));
}

function oid(dotted: string): Buffer {
  const parts = dotted.split('.').map(Number);
  const out: number[] = [40 * parts[0]! + parts[1]!];
  for (const p of parts.slice(2)) {
    const chunk: number[] = [p & 0x7f];
    for (let v = p >>> 7; v > 0; v >>>= 7) {
      chunk.unshift(0x80 | (v & 0x7f));
    }
    out.push(...chunk);
  }
  return tlv(0x06, Buffer.from(out));
}

const OID = {
  data: '1.2.840.113549.1.7.1',
  certBag: '1.2.840.113549.1.12.10.1.3',
  shroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
  x509Certificate: '1.2.840.113549.1.9.22.1',
  localKeyId: '1.2.840.113549.1.9.21',
  friendlyName: '1.2.840.113549.1.9.20',
  sha256: '2.16.840.1.101.3.4.2.1',
} as const;

/** The PKCS#12 key derivation (RFC 7292 appendix B.2) with SHA-256, u = 32, v = 64. */
export function pkcs12Kdf(
  password: string,
  salt: Buffer,
  id: number,
  iterations: number,
  size: number,
): Buffer {
  const u = 32;
  const v = 64;
  const pw = Buffer.alloc((password.length + 1) * 2);
  for (let i = 0; i < password.length; i++) {
    pw.writeUInt16BE(password.charCodeAt(i), i * 2);
  }
  const fill = (src: Buffer) => {
    const n = v * Math.ceil(src.length / v);
    const out = Buffer.alloc(n);
    for (let i = 0; i < n; i++) {
      out[i] = src[i % src.length]!;
    }
    return out;
  };
  const D = Buffer.alloc(v, id);
  const I = Buffer.concat([salt.length ? fill(salt) : Buffer.alloc(0), fill(pw)]);
  const blocks: Buffer[] = [];
  for (let produced = 0; produced < size; produced += u) {
    let A = createHash('sha256').update(D).update(I).digest();
    for (let r = 1; r < iterations; r++) {
      A = createHash('sha256').update(A).digest();
    }
    blocks.push(A);
    const B = fill(A);
    for (let j = 0; j < I.length; j += v) {
      let carry = 1;
      for (let k = v - 1; k >= 0; k--) {
        const sum = I[j + k]! + B[k]! + carry;
        I[j + k] = sum & 0xff;
        carry = sum >> 8;
      }
    }
  }
  return Buffer.concat(blocks).subarray(0, size);
}

/** Builds a PKCS#12 file from a PEM certificate and a PEM private key. */
export function buildPkcs12(
  certPem: string,
  keyPem: string,
  passphrase: string,
  friendlyName = 'client',
): Buffer {
  const certDer = new X509Certificate(certPem).raw;
  const keyId = createHash('sha1').update(certDer).digest();
  const attrs = set(
    seq(oid(OID.localKeyId), set(octets(keyId))),
    seq(oid(OID.friendlyName), set(tlv(0x1e, Buffer.from(friendlyName, 'utf16le').swap16()))),
  );
  const encryptedKey = createPrivateKey(keyPem).export({
    type: 'pkcs8',
    format: 'der',
    cipher: 'aes-256-cbc',
    passphrase,
  });
  const certBag = seq(
    oid(OID.certBag),
    explicit0(seq(oid(OID.x509Certificate), explicit0(octets(certDer)))),
    attrs,
  );
  const keyBag = seq(oid(OID.shroudedKeyBag), explicit0(encryptedKey), attrs);
  const dataInfo = (content: Buffer) => seq(oid(OID.data), explicit0(octets(content)));
  const authSafe = seq(dataInfo(seq(certBag)), dataInfo(seq(keyBag)));
  const salt = randomBytes(16);
  const iterations = 2048;
  const macKey = pkcs12Kdf(passphrase, salt, 3, iterations, 32);
  const mac = createHmac('sha256', macKey).update(authSafe).digest();
  const macData = seq(seq(seq(oid(OID.sha256), nul), octets(mac)), octets(salt), integer(iterations));
  return seq(integer(3), dataInfo(authSafe), macData);
}
