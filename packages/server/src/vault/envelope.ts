import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { AppError } from '@praxisready/model';

/**
 * Envelope encryption: each secret gets its own random data key (AES-256-GCM); the data key is wrapped with
 * the master key (AES-256-GCM as well). Only wrapped keys and ciphertext are stored. The associated data binds
 * a ciphertext to its secret id, so rows cannot be swapped between secrets.
 */
const ALG = 'aes-256-gcm';
const IV_BYTES = 12;
const KEY_BYTES = 32;

export interface Sealed {
  keyId: string;
  /** iv ‖ wrapped data key ‖ tag. */
  wrappedKey: Buffer;
  iv: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

/** Id of a master key (not secret): lets a future rotation find rows wrapped with an older key. */
export function masterKeyId(masterKey: Buffer): string {
  return createHash('sha256')
    .update('praxisready-master-key-id')
    .update(masterKey)
    .digest('hex')
    .slice(0, 16);
}

function gcmEncrypt(key: Buffer, plain: Buffer, aad: Buffer) {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALG, key, iv);
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plain), cipher.final()]);
  return { iv, ciphertext, tag: cipher.getAuthTag() };
}

function gcmDecrypt(key: Buffer, iv: Buffer, ciphertext: Buffer, tag: Buffer, aad: Buffer): Buffer {
  const decipher = createDecipheriv(ALG, key, iv);
  decipher.setAAD(aad);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
}

export function seal(masterKey: Buffer, secretId: string, plaintext: string): Sealed {
  if (masterKey.length !== KEY_BYTES) {
    throw new AppError('CONFIG_INVALID', 'Master key must be 32 bytes');
  }
  const aad = Buffer.from(`secret:${secretId}`);
  const dataKey = randomBytes(KEY_BYTES);
  try {
    const data = gcmEncrypt(dataKey, Buffer.from(plaintext, 'utf8'), aad);
    const wrap = gcmEncrypt(masterKey, dataKey, aad);
    return {
      keyId: masterKeyId(masterKey),
      wrappedKey: Buffer.concat([wrap.iv, wrap.ciphertext, wrap.tag]),
      iv: data.iv,
      ciphertext: data.ciphertext,
      tag: data.tag,
    };
  } finally {
    dataKey.fill(0);
  }
}

export function open(masterKey: Buffer, secretId: string, sealed: Sealed): string {
  if (sealed.keyId !== masterKeyId(masterKey)) {
    throw new AppError('CONFIG_INVALID', 'Secret was sealed with another master key', {
      hint: 'PRAXISREADY_MASTER_KEY stimmt nicht mit dem Schlüssel überein, mit dem das Geheimnis gespeichert wurde.',
    });
  }
  const aad = Buffer.from(`secret:${secretId}`);
  const w = sealed.wrappedKey;
  let dataKey: Buffer | undefined;
  try {
    dataKey = gcmDecrypt(
      masterKey,
      w.subarray(0, IV_BYTES),
      w.subarray(IV_BYTES, w.length - 16),
      w.subarray(w.length - 16),
      aad,
    );
    return gcmDecrypt(dataKey, sealed.iv, sealed.ciphertext, sealed.tag, aad).toString('utf8');
  } catch (e) {
    throw new AppError('INTERNAL', 'Secret could not be decrypted (tampered or wrong key)', { cause: e });
  } finally {
    dataKey?.fill(0);
  }
}
