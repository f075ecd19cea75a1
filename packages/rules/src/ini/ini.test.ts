import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { entriesWithSpaces, iniEntry, iniToString, iniValue, parseIni } from './ini.ts';

// The x.isynet sample of seed 004, including the wrapped ConnectionString line.
const ISYNET = [
  '[Install]',
  'Installed=1',
  'UniqueIdentifizier=51EC3B21-1884-424E-A9F0-A417B5160505',
  'TCPPort=23174',
  'PVSTName=X.ISYNET',
  'PVSDDataPath=',
  'Hostname=Rechnername',
  'ConnectionString=Data Source=Rechnername\\SQLENT; Initial Catalog=WINACS; Integrated Security=True; Connect Timeout=90;',
  'Async=True; Enlist=True;',
  'Kundennummer=123456',
].join('\r\n');

describe('parseIni', () => {
  it('reads the seed 004 x.isynet sample with aliases and case-insensitive section', () => {
    const doc = parseIni(ISYNET);
    expect(iniValue(doc, ['PVSName', 'PVSTName'], 'install')).toBe('X.ISYNET');
    expect(iniValue(doc, ['PVSDataPath', 'PVSDDataPath'])).toBe('');
    expect(iniValue(doc, ['ConnectionString'])).toContain('Initial Catalog=WINACS');
    expect(iniEntry(doc, ['Kundennummer'])?.lineNo).toBe(10);
    expect(entriesWithSpaces(doc)).toEqual([]);
  });

  it('finds spaces before or after = with their line numbers', () => {
    const doc = parseIni('[INSTALL]\nHostname =SRV01\nInstalled= 1\nTCPPort=23174\n');
    expect(entriesWithSpaces(doc).map((l) => l.lineNo)).toEqual([2, 3]);
    expect(iniValue(doc, ['Installed'])).toBe('1');
  });

  it('keeps comments, blank lines, garbage and a BOM without failing', () => {
    const doc = parseIni('\uFEFF; comment\n\nnot an entry\n[Install]\n=novalue\n');
    expect(doc.lines.map((l) => l.kind)).toEqual(['comment', 'blank', 'garbage', 'section', 'garbage']);
  });

  it('never throws and round-trips arbitrary text byte for byte', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        const doc = parseIni(text);
        expect(iniToString(doc)).toBe(text);
        doc.lines.forEach((l, i) => expect(l.lineNo).toBe(i + 1));
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips ini-shaped text with mixed line endings', () => {
    const line = fc.oneof(
      fc.constantFrom(
        '[Install]',
        '[INSTALL]',
        '',
        '; x',
        'Installed=1',
        'Installed = 0',
        'TCPPort =23174',
        ' Kundennummer=',
      ),
      fc.string({ maxLength: 30 }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(line, fc.constantFrom('\n', '\r\n', '\r')), { maxLength: 20 }),
        (parts) => {
          const text = parts.map(([l, e]) => l + e).join('');
          expect(iniToString(parseIni(text))).toBe(text);
        },
      ),
      { numRuns: 200 },
    );
  });
});
