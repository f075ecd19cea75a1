import { describe, expect, it } from 'vitest';
import { withGlyphFallbacks } from './engine.ts';

describe('withGlyphFallbacks', () => {
  it('replaces characters Roboto lacks in every text, keeps images, functions and dates', () => {
    const footer = () => 'x';
    const date = new Date('2026-11-20T00:00:00Z');
    const image = 'data:image/png;base64,→';
    const doc = {
      info: { creationDate: date },
      footer,
      content: [{ text: ['Dienstprogramme → Service-Provider', { text: '✓ ok' }] }, { image }],
    };
    const out = withGlyphFallbacks(doc);
    expect(out.content[0]).toEqual({ text: ['Dienstprogramme › Service-Provider', { text: '+ ok' }] });
    expect(out.content[1]).toEqual({ image });
    expect(out.footer).toBe(footer);
    expect(out.info.creationDate).toBe(date);
    expect(doc.content[0]).toEqual({ text: ['Dienstprogramme → Service-Provider', { text: '✓ ok' }] });
  });
});
