import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  decodeIpp,
  DelimiterTag,
  enumValue,
  groupAttributes,
  keyword,
  mimeMediaType,
  name,
  resolution,
  text,
  type IppValue,
} from '@praxisready/ipp';
import { printerFactsFromAttributes } from './ipp.ts';

const attrs = (o: Record<string, IppValue[]>) => new Map(Object.entries(o));

describe('printerFactsFromAttributes', () => {
  it('reads PDF support, resolutions, trays and state', () => {
    expect(
      printerFactsFromAttributes(
        attrs({
          'printer-name': [name('Empfang')],
          'printer-make-and-model': [text('Brother HL-L5100DN')],
          'document-format-supported': [
            'application/octet-stream',
            'application/pdf',
            'image/pwg-raster',
          ].map(mimeMediaType),
          'printer-resolution-supported': [resolution(600, 600), resolution(300, 300)],
          'media-source-supported': ['auto', 'main', 'manual'].map(keyword),
          'printer-state': [enumValue(3)],
        }),
      ),
    ).toEqual({
      name: 'Empfang',
      makeAndModel: 'Brother HL-L5100DN',
      documentFormats: ['application/octet-stream', 'application/pdf', 'image/pwg-raster'],
      pdfSupported: true,
      resolutionsDpi: [300, 600],
      trays: ['auto', 'main', 'manual'],
      state: 'idle',
    });
  });

  it('handles dots per cm, the smaller of x and y, unknown states and missing attributes', () => {
    const f = printerFactsFromAttributes(
      attrs({
        'document-format-supported': [mimeMediaType('image/pwg-raster')],
        'printer-resolution-supported': [resolution(118, 118, 'dpcm'), resolution(600, 1200)],
        'media-source-supported': [keyword('main')],
        'printer-state': [enumValue(9)],
      }),
    );
    expect(f).toEqual({
      documentFormats: ['image/pwg-raster'],
      pdfSupported: false,
      resolutionsDpi: [300, 600],
      trays: ['main'],
      state: '9',
    });
    expect(printerFactsFromAttributes(attrs({ 'printer-state': [enumValue(5)] })).state).toBe('stopped');
  });

  it('reads a real ippeveprinter answer (CUPS 2.4.2, recorded in packages/ipp/src/__fixtures__)', () => {
    const bytes = readFileSync(
      new URL('../../../ipp/src/__fixtures__/get-printer-attributes.response.ipp', import.meta.url),
    );
    const r = decodeIpp(bytes);
    expect(r.success).toBe(true);
    if (r.success) {
      expect(printerFactsFromAttributes(groupAttributes(r.data, DelimiterTag.printerAttributes))).toEqual({
        name: 'Empfang',
        makeAndModel: 'Brother HL-L5100DN',
        documentFormats: ['application/octet-stream', 'application/pdf', 'image/pwg-raster'],
        pdfSupported: true,
        resolutionsDpi: [600],
        trays: ['auto', 'main', 'manual', 'by-pass-tray'],
        state: 'idle',
      });
    }
  });
});
