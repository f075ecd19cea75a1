import { describe, expect, it } from 'vitest';
import { normalizeMessageId, syntheticMessageId, toMessageIdHeader } from './message-id.ts';

describe('normalizeMessageId', () => {
  it.each([
    ['<abc@Example.COM>', 'abc@example.com'],
    ['  <ABC@example.com> (comment)', 'ABC@example.com'],
    ['abc@EXAMPLE.com', 'abc@example.com'],
    ['<a b\r\n c@x.de>', 'abc@x.de'],
  ])('%j → %s', (input, expected) => {
    expect(normalizeMessageId(input)).toBe(expected);
  });

  it.each([undefined, '', '<>', '   '])('%j → undefined', (input) => {
    expect(normalizeMessageId(input)).toBeUndefined();
  });

  it('round-trips through the header form', () => {
    expect(toMessageIdHeader('abc@Example.com')).toBe('<abc@example.com>');
    expect(normalizeMessageId(toMessageIdHeader('x@y.de'))).toBe('x@y.de');
  });

  it('gives the same synthetic id for the same bytes only', () => {
    expect(syntheticMessageId(Buffer.from('a'))).toBe(syntheticMessageId(Buffer.from('a')));
    expect(syntheticMessageId(Buffer.from('a'))).not.toBe(syntheticMessageId(Buffer.from('b')));
  });
});
