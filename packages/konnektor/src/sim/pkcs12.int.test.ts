import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCa, issueCertificate } from './certs.ts';
import { buildPkcs12 } from './pkcs12.ts';

describe('PKCS#12 written by the simulator', () => {
  it('OpenSSL 3 reads it without -legacy and finds certificate and key', async () => {
    const ca = await createCa('CA', new Date('2020-01-01'), new Date('2040-01-01'));
    const client = await issueCertificate(ca, {
      subject: [['CN', 'PVS-Client']],
      notBefore: new Date('2020-01-01'),
      notAfter: new Date('2030-01-01'),
      usage: 'client',
    });
    const dir = mkdtempSync(join(tmpdir(), 'p12-'));
    const file = join(dir, 'c.p12');
    writeFileSync(file, buildPkcs12(client.certPem, client.keyPem, 'pass-1'));
    const out = execFileSync('openssl', ['pkcs12', '-in', file, '-passin', 'pass:pass-1', '-nodes'], {
      encoding: 'utf8',
    });
    expect(out).toContain('subject=CN = PVS-Client');
    expect(out).toContain('BEGIN PRIVATE KEY');
    expect(() =>
      execFileSync('openssl', ['pkcs12', '-in', file, '-passin', 'pass:wrong', '-nodes'], { stdio: 'pipe' }),
    ).toThrow();
  });
});
