import type { IssueSeverity } from '@praxisready/model';

interface ProblemSpec {
  readonly severity: IssueSeverity;
  readonly de: string;
  readonly en: string;
}

/**
 * Every problem the GDT engine reports, declared once: default severity plus a German (technician) and English
 * text. The parser reports the codec problems, the validator the record rules, the folder audit the folder ones.
 * Messages never contain field values, so a problem can be shown in a PII-free report as it is.
 */
export const GdtProblemCodes = {
  // --- codec (parser) --------------------------------------------------------------------------------------
  /** The file has no bytes. */
  EMPTY_FILE: { severity: 'error', de: 'Datei ist leer', en: 'File is empty' },
  /** A line is neither `LLL FFFF content` nor blank. */
  INVALID_LINE: {
    severity: 'error',
    de: 'Zeile hat nicht das Format LLL FFFF Inhalt',
    en: 'Line is not of the form LLL FFFF content',
  },
  /** An empty line (e.g. between two records). */
  BLANK_LINE: { severity: 'warning', de: 'Leerzeile', en: 'Blank line' },
  /** LLL differs from the byte length of the line (counted with CR LF). */
  LENGTH_MISMATCH: {
    severity: 'warning',
    de: 'Zeilenlänge LLL stimmt nicht mit der Byte-Länge der Zeile überein',
    en: 'Line length LLL does not match the byte length of the line',
  },
  /** A 4-digit length prefix (values over 990 bytes, NOX T3 style). */
  LLL_FOUR_DIGITS: {
    severity: 'warning',
    de: 'Vierstellige Zeilenlänge (Wert länger als 990 Bytes)',
    en: 'Four-digit line length (value longer than 990 bytes)',
  },
  /** A value spans several physical lines; LLL says where it ends. */
  EMBEDDED_LINE_BREAK: {
    severity: 'warning',
    de: 'Zeilenumbruch innerhalb eines Feldinhalts',
    en: 'Line break inside a field value',
  },
  /** The last line ends before the length LLL announces: the file was cut off. */
  TRUNCATED_LINE: {
    severity: 'error',
    de: 'Letzte Zeile abgeschnitten (Datei unvollständig geschrieben?)',
    en: 'Last line truncated (file written incompletely?)',
  },
  /** The last line has no line end; harmless, but not what the spec asks for. */
  NO_FINAL_LINE_BREAK: {
    severity: 'info',
    de: 'Letzte Zeile ohne Zeilenende',
    en: 'Last line has no line end',
  },
  /** Lines end in LF only; GDT asks for CR LF. */
  LF_ONLY: {
    severity: 'warning',
    de: 'Zeilenende nur LF statt CR LF',
    en: 'Line ends are LF only instead of CR LF',
  },
  /** Lines end in CR only. */
  CR_ONLY: {
    severity: 'warning',
    de: 'Zeilenende nur CR statt CR LF',
    en: 'Line ends are CR only instead of CR LF',
  },
  /** Different line ends in one file. */
  MIXED_LINE_ENDINGS: {
    severity: 'warning',
    de: 'Gemischte Zeilenenden',
    en: 'Mixed line ends',
  },
  /** A UTF-8 byte order mark precedes the first line. */
  UTF8_BOM: {
    severity: 'warning',
    de: 'UTF-8-BOM am Dateianfang',
    en: 'UTF-8 byte order mark at the start',
  },
  /** Fields before the first 8000 line: the record has no record type. */
  MISSING_SATZART: {
    severity: 'error',
    de: 'Satz ohne Satzart (8000)',
    en: 'Record without record type (8000)',
  },
  /** 8000 holds a value that is not one of 6300, 6301, 6302, 6303, 6310, 6311. */
  UNKNOWN_SATZART: {
    severity: 'warning',
    de: 'Unbekannte Satzart',
    en: 'Unknown record type',
  },
  /** The record has no 8100 (mandatory in GDT 2.1). */
  MISSING_SATZLAENGE: {
    severity: 'warning',
    de: 'Satzlänge (8100) fehlt',
    en: 'Record length (8100) missing',
  },
  /** 8100 differs from the record's byte length (with CR LF, including the 8100 line). */
  SATZLAENGE_MISMATCH: {
    severity: 'warning',
    de: 'Satzlänge (8100) stimmt nicht mit der Byte-Länge des Satzes überein',
    en: 'Record length (8100) does not match the byte length of the record',
  },
  /** More than one record in one file (allowed by readers, unusual for exchange). */
  MULTIPLE_RECORDS: {
    severity: 'info',
    de: 'Mehrere Sätze in einer Datei',
    en: 'Several records in one file',
  },
  /** No 9206 and non-ASCII bytes: CP437, the spec default, is assumed. */
  MISSING_CHARSET: {
    severity: 'info',
    de: 'Zeichensatz (9206) fehlt, IBM CP437 (Standard) angenommen',
    en: 'Character set (9206) missing, IBM CP437 (default) assumed',
  },
  /** No 9206, and the bytes are UTF-8 (which GDT does not know). */
  UNDECLARED_UTF8: {
    severity: 'warning',
    de: 'Datei ist UTF-8-kodiert, ohne Zeichensatzangabe (9206); GDT kennt kein UTF-8',
    en: 'File is UTF-8 encoded without a character set (9206); GDT has no UTF-8',
  },
  /** The bytes do not fit the declared (or default) character set. */
  CHARSET_MISMATCH: {
    severity: 'error',
    de: 'Zeichensatz der Bytes passt nicht zur Angabe in 9206 (Umlaute werden falsch angezeigt)',
    en: 'The bytes do not match the character set in 9206 (umlauts will be garbled)',
  },
  /** 9206 holds a value other than 1, 2, 3 (4 is reported as NONSTANDARD_CHARSET). */
  UNKNOWN_CHARSET: {
    severity: 'warning',
    de: 'Unbekannter Zeichensatz-Wert in 9206',
    en: 'Unknown character set value in 9206',
  },
  /** 9206 = 4 (UTF-8): used by single tools, not part of GDT 2.1/3.0. */
  NONSTANDARD_CHARSET: {
    severity: 'warning',
    de: 'Zeichensatz 4 (UTF-8) ist nicht GDT-konform',
    en: 'Character set 4 (UTF-8) is not GDT conformant',
  },
  /** The charset is in 9106 (LDT/BDT field, used by a GDT 3.0 draft) instead of 9206. */
  CHARSET_FIELD_9106: {
    severity: 'info',
    de: 'Zeichensatz in 9106 statt 9206',
    en: 'Character set given in 9106 instead of 9206',
  },
  /** Records of one file declare different character sets. */
  CHARSET_CONFLICT: {
    severity: 'warning',
    de: 'Sätze einer Datei geben unterschiedliche Zeichensätze an',
    en: 'Records of one file declare different character sets',
  },

  // --- validator ---------------------------------------------------------------------------------------------
  /** A mandatory field of the record type is missing. */
  MISSING_FIELD: { severity: 'error', de: 'Pflichtfeld fehlt', en: 'Mandatory field missing' },
  /** A field the record type does not list (kept, reported for information). */
  FIELD_NOT_EXPECTED: {
    severity: 'info',
    de: 'Feld ist für diese Satzart nicht vorgesehen',
    en: 'Field is not listed for this record type',
  },
  /** A field id not in the field table. */
  UNKNOWN_FIELD: { severity: 'info', de: 'Unbekannte Feldkennung', en: 'Unknown field id' },
  /** A non-repeatable field occurs more than once in a record. */
  DUPLICATE_FIELD: {
    severity: 'warning',
    de: 'Feld mehrfach vorhanden',
    en: 'Field occurs more than once',
  },
  /** Value longer than the spec allows (read anyway, written within limits). */
  FIELD_TOO_LONG: {
    severity: 'warning',
    de: 'Feldinhalt länger als erlaubt',
    en: 'Field value longer than allowed',
  },
  /** Date not TTMMJJJJ (e.g. JJJJMMTT). */
  INVALID_DATE: {
    severity: 'error',
    de: 'Datum nicht im Format TTMMJJJJ',
    en: 'Date not in the format DDMMYYYY',
  },
  /** Time not HHMMSS. */
  INVALID_TIME: {
    severity: 'error',
    de: 'Uhrzeit nicht im Format HHMMSS',
    en: 'Time not in the format HHMMSS',
  },
  /** Value outside the field's list (e.g. 3110 `M` instead of `1`). */
  INVALID_VALUE: {
    severity: 'warning',
    de: 'Wert nicht in der erlaubten Werteliste',
    en: 'Value not in the allowed list',
  },
  /** 8100 is not a number. */
  INVALID_NUMBER: { severity: 'warning', de: 'Keine Zahl', en: 'Not a number' },
  /** 9218 is not a known GDT version. */
  UNKNOWN_VERSION: {
    severity: 'warning',
    de: 'Unbekannte GDT-Version (9218)',
    en: 'Unknown GDT version (9218)',
  },
  /** No 9218 at all: version 2.1 is assumed for the rules. */
  MISSING_VERSION: {
    severity: 'error',
    de: 'GDT-Version (9218) fehlt',
    en: 'GDT version (9218) missing',
  },
  /** A record type the version does not have (6303 before 3.0). */
  SATZART_NOT_IN_VERSION: {
    severity: 'error',
    de: 'Satzart gibt es in dieser GDT-Version nicht',
    en: 'Record type does not exist in this GDT version',
  },
  /** GDT-ID of receiver and sender are equal. */
  SENDER_EQUALS_RECEIVER: {
    severity: 'warning',
    de: 'Empfänger (8315) und Sender (8316) haben dieselbe GDT-ID',
    en: 'Receiver (8315) and sender (8316) have the same GDT-ID',
  },
  /** 8315/8316 differ from the configured partners; SWAPPED when exactly exchanged. */
  ROLE_MISMATCH: {
    severity: 'error',
    de: 'Empfänger/Sender (8315/8316) passen nicht zur Konfiguration',
    en: 'Receiver/sender (8315/8316) do not match the configuration',
  },
  /** 8315 and 8316 are exchanged against the configuration (a common bug). */
  ROLES_SWAPPED: {
    severity: 'error',
    de: 'Empfänger (8315) und Sender (8316) sind vertauscht',
    en: 'Receiver (8315) and sender (8316) are swapped',
  },
  /** 8402 not of the form up to 4 letters + 2 digits. */
  EXAMINATION_CODE_FORMAT: {
    severity: 'warning',
    de: 'Untersuchungskennung (8402) nicht im Format Buchstaben + 2 Ziffern',
    en: 'Examination code (8402) not letters + 2 digits',
  },
  /** 8402 group not in the spec list (device-specific codes are allowed). */
  EXAMINATION_CODE_UNKNOWN: {
    severity: 'info',
    de: 'Untersuchungskennung (8402) nicht in der Spezifikationsliste',
    en: 'Examination code (8402) not in the spec list',
  },
  /** 8402 differs from the configured examination code of the device. */
  EXAMINATION_CODE_MISMATCH: {
    severity: 'error',
    de: 'Untersuchungskennung (8402) passt nicht zur Gerätekonfiguration',
    en: 'Examination code (8402) does not match the device configuration',
  },
  /** An attachment group (6302–6305) whose file reference (6305) is missing. */
  ATTACHMENT_INCOMPLETE: {
    severity: 'warning',
    de: 'Dateianhang ohne Verweis auf Datei (6305)',
    en: 'Attachment without file reference (6305)',
  },
  /** The file a 6305 refers to does not exist (next to the GDT file or at its path). */
  ATTACHMENT_MISSING: {
    severity: 'error',
    de: 'Angehängte Datei (6305) nicht gefunden',
    en: 'Attached file (6305) not found',
  },

  // --- exchange folder audit ---------------------------------------------------------------------------------
  /** The folder does not exist. */
  FOLDER_MISSING: {
    severity: 'error',
    de: 'GDT-Verzeichnis existiert nicht',
    en: 'GDT folder does not exist',
  },
  /** The path is not a folder, or cannot be listed. */
  FOLDER_UNREADABLE: {
    severity: 'error',
    de: 'GDT-Verzeichnis nicht lesbar',
    en: 'GDT folder cannot be read',
  },
  /** This account may not write into the folder (the partner cannot deliver). */
  FOLDER_NOT_WRITABLE: {
    severity: 'warning',
    de: 'Keine Schreibrechte im GDT-Verzeichnis',
    en: 'No write permission in the GDT folder',
  },
  /** A GDT file nobody has picked up for longer than the threshold. */
  STALE_FILE: {
    severity: 'warning',
    de: 'GDT-Datei liegt länger als erwartet unverarbeitet im Verzeichnis',
    en: 'GDT file has been lying unprocessed longer than expected',
  },
  /** A temporary file left over from an interrupted write. */
  TEMP_FILE_LEFT: {
    severity: 'warning',
    de: 'Temporäre Datei eines abgebrochenen Schreibvorgangs',
    en: 'Temporary file of an interrupted write',
  },
  /** A file could not be read (permissions, locked). */
  FILE_UNREADABLE: {
    severity: 'error',
    de: 'Datei nicht lesbar',
    en: 'File cannot be read',
  },
  /** A file with a GDT name whose content is nothing GDT-like. */
  NOT_GDT: {
    severity: 'error',
    de: 'Datei mit GDT-Namen enthält kein GDT',
    en: 'File with a GDT name holds no GDT',
  },
  /** Larger than the audit reads; only the beginning was checked. */
  FILE_TOO_LARGE: {
    severity: 'info',
    de: 'Datei sehr groß, nur der Anfang geprüft',
    en: 'File very large, only its beginning was checked',
  },
} as const satisfies Record<string, ProblemSpec>;

export type GdtProblemCode = keyof typeof GdtProblemCodes;

/** One problem: where (1-based line; 0 = the file as a whole), what, how bad. */
export interface GdtProblem {
  line: number;
  code: GdtProblemCode;
  message: string;
  severity: IssueSeverity;
}

/** Builds a problem with the table's severity and text; `detail` is appended and must never hold field values. */
export function problem(
  code: GdtProblemCode,
  line: number,
  detail?: string,
  lang: 'de' | 'en' = 'en',
): GdtProblem {
  const spec = GdtProblemCodes[code];
  const text = lang === 'de' ? spec.de : spec.en;
  return { line, code, severity: spec.severity, message: detail ? `${text} (${detail})` : text };
}

/** The message of a problem in the other language (for CLI output in German). */
export function problemText(code: GdtProblemCode, lang: 'de' | 'en'): string {
  return GdtProblemCodes[code][lang];
}

/** More occurrences of one code are counted, not listed: a broken 1 MB file must not yield a million entries. */
export const MAX_PROBLEMS_PER_CODE = 1000;

/** Collects problems with a per-code cap; `done()` adds one summary per capped code and sorts by line. */
export class ProblemList {
  private readonly items: GdtProblem[] = [];
  private readonly counts = new Map<GdtProblemCode, number>();

  constructor(private readonly cap = MAX_PROBLEMS_PER_CODE) {}

  push(p: GdtProblem): void {
    const n = (this.counts.get(p.code) ?? 0) + 1;
    this.counts.set(p.code, n);
    if (n <= this.cap) {
      this.items.push(p);
    }
  }

  done(): GdtProblem[] {
    for (const [code, n] of this.counts) {
      if (n > this.cap) {
        this.items.push(problem(code, 0, `${n - this.cap} more not listed`));
      }
    }
    return this.items.sort((a, b) => a.line - b.line);
  }
}
