import { describe, expect, it } from 'vitest';
import { parseProbeConfig } from './config.ts';

describe('probe config file', () => {
  it('accepts the targets', () => {
    expect(
      parseProbeConfig({
        pvsServer: 'SRV01',
        printers: ['192.168.10.50'],
        konnektor: { url: 'https://192.168.10.10', mandantId: 'M1' },
      }),
    ).toMatchObject({
      pvsServer: 'SRV01',
    });
  });

  it('refuses unknown keys and secrets with the path named', () => {
    expect(() => parseProbeConfig({ konnektor: { url: 'https://k', password: 'x' } })).toThrow(/config/);
    try {
      parseProbeConfig({ token: 'x' });
    } catch (e) {
      expect((e as { code: string; issues: unknown[] }).code).toBe('CONFIG_INVALID');
      expect((e as { issues: unknown[] }).issues.length).toBeGreaterThan(0);
    }
    expect(() => parseProbeConfig({ token: 'x' })).toThrow();
  });
});
