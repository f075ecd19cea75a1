import { describe, expect, it } from 'vitest';
import { resolution } from '@praxisready/ipp';
import type { PrinterDefinition } from '../scenarios/types.ts';
import { deviceId, documentFormats, printerAttributes, selectAttributes } from './printer-attributes.ts';

const DEF: PrinterDefinition = {
  id: 'p',
  name: 'Empfang',
  make: 'Brother',
  model: 'HL-L5100DN',
  location: 'Empfang',
  formats: ['application/pdf', 'image/pwg-raster', 'image/jpeg'],
  reachable: true,
};

describe('simulated printer attributes', () => {
  it('lists document formats like ippeveprinter: octet-stream first, then sorted', () => {
    expect(documentFormats(DEF)).toEqual([
      'application/octet-stream',
      'application/pdf',
      'image/jpeg',
      'image/pwg-raster',
    ]);
    expect(documentFormats({ ...DEF, formats: ['image/pwg-raster'] })).toEqual([
      'application/octet-stream',
      'image/pwg-raster',
    ]);
  });

  it('builds printer-device-id with the command sets in ippeveprinter order', () => {
    expect(deviceId(DEF)).toBe('MFG:Brother;MDL:HL-L5100DN;CMD:PDF,JPEG,PWG;');
    expect(deviceId({ ...DEF, formats: ['image/pwg-raster'] })).toBe('MFG:Brother;MDL:HL-L5100DN;CMD:PWG;');
  });

  it('answers requested-attributes with the named ones, or all for a group', () => {
    const all = printerAttributes(DEF, 'ipp://127.0.0.1:631/ipp/print', Date.now());
    expect(selectAttributes(all, ['printer-make-and-model', 'nope']).map((a) => a.name)).toEqual([
      'printer-make-and-model',
    ]);
    expect(selectAttributes(all, ['all'])).toBe(all);
    expect(selectAttributes(all, undefined)).toBe(all);
    expect(all.find((a) => a.name === 'printer-resolution-supported')?.values).toEqual([
      resolution(600, 600),
    ]);
    expect(new Set(all.map((a) => a.name)).size).toBe(all.length);
  });
});
