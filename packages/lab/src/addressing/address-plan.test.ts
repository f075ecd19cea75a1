import { describe, expect, it } from 'vitest';
import { isLoopbackV4, parseBlock, planAddresses } from './address-plan.ts';

describe('lab address plan', () => {
  it('accepts only loopback /24 blocks', () => {
    expect(parseBlock('127.42.0')).toBe('127.42.0');
    for (const bad of ['10.0.0', '127.256.0', '127.1', '127.1.2.3', '192.168.1']) {
      expect(() => parseBlock(bad), bad).toThrow(expect.objectContaining({ code: 'BAD_REQUEST' }));
    }
  });

  it('puts everything on 127.0.0.1 with ephemeral ports in single mode', async () => {
    const plan = await planAddresses({ addressing: 'single' });
    expect(plan.mode).toBe('single');
    expect(plan.address('konnektor')).toBe('127.0.0.1');
    expect(plan.address('printer', 1)).toBe('127.0.0.1');
    expect(plan.port(443)).toBe(0);
  });

  it('recognises IPv4 loopback addresses only', () => {
    expect(isLoopbackV4('127.0.0.1')).toBe(true);
    expect(isLoopbackV4('127.42.0.10')).toBe(true);
    expect(isLoopbackV4('0.0.0.0')).toBe(false);
    expect(isLoopbackV4('::1')).toBe(false);
    expect(isLoopbackV4('10.127.0.1')).toBe(false);
  });
});
