import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAppError } from '@praxisready/model';
import { escapeXml } from './build.ts';
import { child, parseXml, XML_LIMITS } from './safe-xml.ts';

function parseError(xml: string): string {
  try {
    parseXml(xml);
  } catch (e) {
    if (isAppError(e)) {
      return e.code;
    }
    throw e;
  }
  return 'parsed';
}

describe('parseXml', () => {
  it('resolves namespaces whatever the prefix', () => {
    const a = parseXml('<a:Root xmlns:a="urn:x"><a:Iccsn>0012</a:Iccsn></a:Root>');
    const b = parseXml('<Root xmlns="urn:x"><Iccsn>0012</Iccsn></Root>');
    for (const r of [a, b]) {
      expect(r.ns).toBe('urn:x');
      expect(r.name).toBe('Root');
      expect(child(r, 'Iccsn', 'urn:x')?.text).toBe('0012');
    }
  });

  it('keeps numeric-looking values as strings (ICCSN, handles, leading zeros, booleans)', () => {
    const r = parseXml('<r><i>80276883110000016165</i><h>0012</h><b>true</b><n>1e5</n></r>');
    expect(r.children.map((c) => c.text)).toEqual(['80276883110000016165', '0012', 'true', '1e5']);
    expect(typeof r.children[0]!.text).toBe('string');
  });

  it('decodes the predefined entities', () => {
    expect(parseXml('<r>a &amp; b &lt;c&gt;</r>').text).toBe('a & b <c>');
  });

  it('rejects any DOCTYPE: external entities and entity bombs never get expanded', () => {
    const xxe = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>';
    const bomb =
      '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><r>&c;</r>';
    expect(parseError(xxe)).toBe('PARSE_FAILED');
    expect(parseError(bomb)).toBe('PARSE_FAILED');
    expect(parseError('<!doctype html><r/>')).toBe('PARSE_FAILED');
  });

  it('rejects oversized input, undeclared prefixes, broken XML and several roots', () => {
    expect(parseError(`<r>${'x'.repeat(XML_LIMITS.maxBytes)}</r>`)).toBe('TOO_LARGE');
    expect(parseError('<p:r/>')).toBe('PARSE_FAILED');
    expect(parseError('<r><a></r>')).toBe('PARSE_FAILED');
    expect(parseError('<a/><b/>')).toBe('PARSE_FAILED');
    expect(parseError('')).toBe('PARSE_FAILED');
  });

  it('rejects nesting deeper than the limit', () => {
    const deep = '<a>'.repeat(XML_LIMITS.maxDepth + 5) + '</a>'.repeat(XML_LIMITS.maxDepth + 5);
    expect(parseError(deep)).toBe('PARSE_FAILED');
  });

  it('never crashes or hangs on garbage: either an element or an AppError', () => {
    const alphabet = fc.constantFrom(
      '<',
      '>',
      '/',
      'a',
      'b:',
      '=',
      '"',
      "'",
      ' ',
      '&',
      ';',
      '!',
      '?',
      '[',
      'x',
      '-',
      'xmlns:b="u"',
    );
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 60 }).map((a) => a.join('')),
        (s) => {
          const started = Date.now();
          try {
            const r = parseXml(s);
            expect(typeof r.name).toBe('string');
          } catch (e) {
            expect(isAppError(e)).toBe(true);
          }
          expect(Date.now() - started).toBeLessThan(1000);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('round-trips any text through escapeXml', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (s) => {
        const expected = [...s].filter((c) => {
          const n = c.charCodeAt(0);
          return n === 9 || n === 10 || n === 13 || (n >= 0x20 && n !== 0xfffe && n !== 0xffff);
        });
        expect(parseXml(`<r>${escapeXml(s)}</r>`).text).toBe(expected.join('').trim());
      }),
      { numRuns: 300 },
    );
  });
});
