import { describe, expect, it } from 'vitest';
import { de, en } from './messages.ts';

describe('message catalog', () => {
  it('has every key in both languages, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(de).sort());
    for (const [k, v] of [...Object.entries(de), ...Object.entries(en)]) {
      expect(v.trim(), k).not.toBe('');
    }
  });
});
