import { describe, expect, it } from 'vitest';
import { sniff } from './sniff.ts';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const PDF = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n', 'latin1');
const EXE = Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]);

describe('sniff', () => {
  it.each([
    [PNG, 'image/png', 'image/png'],
    [PDF, 'application/pdf', 'application/pdf'],
    [Buffer.from('Konnektor 192.168.1.10:443\nStörung'), 'text/plain; charset=utf-8', 'text/plain'],
    [Buffer.from('{"a":1}'), 'application/json', 'text/plain'],
  ])('accepts matching bytes (%#)', (bytes, declared, detected) => {
    expect(sniff(bytes, declared)).toMatchObject({ detected, matches: true });
  });

  it('rejects a PNG declared as PDF, an executable, and latin-1 binary declared as text', () => {
    expect(sniff(PNG, 'application/pdf').matches).toBe(false);
    expect(sniff(EXE, 'application/octet-stream')).toMatchObject({ detected: undefined, matches: false });
    expect(sniff(Buffer.from([0x41, 0x00, 0x42]), 'text/plain').matches).toBe(false);
  });

  it('offers text extraction for text only', () => {
    expect(sniff(Buffer.from('hallo'), 'text/plain').extractableText).toBe(true);
    expect(sniff(PDF, 'application/pdf').extractableText).toBe(false);
  });
});
