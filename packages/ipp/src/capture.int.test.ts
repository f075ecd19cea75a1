// Fresh bytes on every run: ipptool talks to a new ippeveprinter through a recording proxy on 127.0.0.1
// (src/testing/capture.ts); every request and response must decode and re-encode byte for byte, and the
// Get-Printer-Attributes answer must read as ipptool printed it.
import { describe, expect, it } from 'vitest';
import { decodeIpp, encodeIpp } from './codec.ts';
import { DelimiterTag, isSuccessStatus } from './tags.ts';
import { captureExchanges, CAPTURE_RUNS } from './testing/capture.ts';
import { groupAttributes, plainValue } from './values.ts';

describe('live ipptool ↔ ippeveprinter exchanges', () => {
  it('every recorded message round-trips byte for byte', async () => {
    const runs = await captureExchanges();
    expect(runs.map((r) => r.id)).toEqual(CAPTURE_RUNS.map((r) => r.id));
    let messages = 0;
    for (const run of runs) {
      expect(run.exchanges.length, run.id).toBeGreaterThan(0);
      for (const e of run.exchanges) {
        expect(e.httpStatus).toBe(200);
        for (const bytes of [e.request, e.response]) {
          const r = decodeIpp(bytes);
          expect(r.issues, run.id).toEqual([]);
          expect(r.success && Buffer.from(encodeIpp(r.data)).equals(bytes), run.id).toBe(true);
          messages++;
        }
      }
    }
    expect(messages).toBeGreaterThanOrEqual(2 * CAPTURE_RUNS.length);

    const gpa = runs.find((r) => r.id === 'get-printer-attributes');
    const answer = decodeIpp(gpa?.exchanges[0]?.response ?? new Uint8Array());
    expect(answer.success).toBe(true);
    if (answer.success) {
      expect(isSuccessStatus(answer.data.code)).toBe(true);
      const attrs = groupAttributes(answer.data, DelimiterTag.printerAttributes);
      const printed = gpa?.ipptoolOutput ?? '';
      expect(attrs.get('printer-make-and-model')?.map(plainValue)).toEqual(['Brother HL-L5100DN']);
      expect(printed).toContain('printer-make-and-model (textWithoutLanguage) = Brother HL-L5100DN');
      expect(printed).toContain('printer-resolution-supported (resolution) = 600dpi');
      expect(attrs.get('printer-resolution-supported')?.map(plainValue)).toEqual([[600, 600, 'dpi']]);
      expect(printed).toContain('copies-supported (rangeOfInteger) = 1-999');
      expect(attrs.get('copies-supported')?.map(plainValue)).toEqual([{ lower: 1, upper: 999 }]);
      expect(attrs.get('media-col-database')?.every((v) => v.kind === 'collection')).toBe(true);
    }
  });
});
