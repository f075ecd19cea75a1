/**
 * A tolerant INI parser for ServiceProvider.ini files (seed 004). Pure: no I/O, never throws. It keeps every
 * line with its number, raw text and line ending, so diagnostics can point at a line and see its formatting
 * (the seed's hint: no spaces before or after `=`). Concatenating `raw + eol` of all lines gives the input back.
 */

export const IniLineKind = {
  blank: 'blank',
  comment: 'comment',
  section: 'section',
  entry: 'entry',
  /** Neither a section header, an entry nor a comment (e.g. a wrapped continuation line). */
  garbage: 'garbage',
} as const;
export type IniLineKind = keyof typeof IniLineKind;

export interface IniLine {
  /** 1-based line number. */
  lineNo: number;
  /** The line without its line ending. */
  raw: string;
  /** The line ending that followed it: "\r\n", "\n", "\r" or "" (last line). */
  eol: string;
  kind: IniLineKind;
  /** Section the line belongs to (as written, without brackets); "" before the first header. */
  section: string;
  /** Entry key, trimmed. */
  key?: string;
  /** Entry value, trimmed. */
  value?: string;
  /** The entry has whitespace directly before or after its first `=`. */
  spaceAroundEquals?: boolean;
}

export interface IniDocument {
  lines: IniLine[];
}

/** Splits text into lines keeping each line ending. */
function splitLines(text: string): { raw: string; eol: string }[] {
  const out: { raw: string; eol: string }[] = [];
  const re = /\r\n|\n|\r/g;
  let last = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push({ raw: text.slice(last, m.index), eol: m[0] });
    last = m.index + m[0].length;
  }
  if (last < text.length || out.length === 0) {
    out.push({ raw: text.slice(last), eol: '' });
  }
  return out;
}

/** Parses INI text. Accepts anything, including binary garbage; unknown lines become `garbage`. */
export function parseIni(text: string): IniDocument {
  const lines: IniLine[] = [];
  let section = '';
  splitLines(text).forEach(({ raw, eol }, i) => {
    // A UTF-8 BOM on the first line is formatting, not content.
    const content = (i === 0 ? raw.replace(/^\uFEFF/, '') : raw).trim();
    const base = { lineNo: i + 1, raw, eol };
    if (content === '') {
      lines.push({ ...base, kind: 'blank', section });
      return;
    }
    if (content.startsWith(';') || content.startsWith('#')) {
      lines.push({ ...base, kind: 'comment', section });
      return;
    }
    const header = /^\[([^\]]*)\]$/.exec(content);
    if (header) {
      section = (header[1] ?? '').trim();
      lines.push({ ...base, kind: 'section', section });
      return;
    }
    const eq = content.indexOf('=');
    if (eq > 0) {
      const left = content.slice(0, eq);
      const right = content.slice(eq + 1);
      lines.push({
        ...base,
        kind: 'entry',
        section,
        key: left.trim(),
        value: right.trim(),
        spaceAroundEquals: /\s$/.test(left) || /^\s/.test(right),
      });
      return;
    }
    lines.push({ ...base, kind: 'garbage', section });
  });
  return { lines };
}

/** Reassembles the original text. */
export function iniToString(doc: IniDocument): string {
  return doc.lines.map((l) => l.raw + l.eol).join('');
}

/**
 * The first entry for any of `keys` (case-insensitive) in `section` (case-insensitive; `undefined` = any
 * section). Aliases cover the spellings seen in the field, e.g. `UniqueIdentifizier` for `UniqueIdentifier`.
 */
export function iniEntry(doc: IniDocument, keys: readonly string[], section?: string): IniLine | undefined {
  const wanted = new Set(keys.map((k) => k.toLowerCase()));
  const sec = section?.toLowerCase();
  return doc.lines.find(
    (l) =>
      l.kind === 'entry' &&
      wanted.has((l.key ?? '').toLowerCase()) &&
      (sec === undefined || l.section.toLowerCase() === sec),
  );
}

/** The value of {@link iniEntry}, or undefined. */
export function iniValue(doc: IniDocument, keys: readonly string[], section?: string): string | undefined {
  return iniEntry(doc, keys, section)?.value;
}

/** Entries with whitespace around `=`. */
export function entriesWithSpaces(doc: IniDocument): IniLine[] {
  return doc.lines.filter((l) => l.kind === 'entry' && l.spaceAroundEquals === true);
}
