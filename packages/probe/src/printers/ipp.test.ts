import { describe, expect, it } from 'vitest';
import { printerFactsFromAttributes } from './ipp.ts';

// Shapes as the `ipp` npm parser returns them (recorded from the lab's IPP printer simulator and ippeveprinter:
// one value bare, a single resolution as [x, y, unit], several as a list of those).
describe('printerFactsFromAttributes', () => {
  it('reads PDF support, resolutions, trays and state', () => {
    expect(
      printerFactsFromAttributes({
        'printer-name': 'Empfang',
        'printer-make-and-model': 'Brother HL-L5100DN',
        'document-format-supported': ['application/octet-stream', 'application/pdf', 'image/pwg-raster'],
        'printer-resolution-supported': [
          [600, 600, 'dpi'],
          [300, 300, 'dpi'],
        ],
        'media-source-supported': ['auto', 'main', 'manual'],
        'printer-state': 'idle',
      }),
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

  it('handles single values, dots per cm and numeric states', () => {
    const f = printerFactsFromAttributes({
      'document-format-supported': 'image/pwg-raster',
      'printer-resolution-supported': [118, 118, 'dpcm'],
      'media-source-supported': 'main',
      'printer-state': 5,
    });
    expect(f).toMatchObject({
      pdfSupported: false,
      resolutionsDpi: [300],
      trays: ['main'],
      state: 'stopped',
    });
  });
});
