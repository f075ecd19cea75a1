/**
 * Content-type check by magic bytes: the declared type of an upload must agree with what the bytes are.
 * Only the types an audit case needs are accepted (documents, screenshots, exports, mails, invites).
 */
export interface SniffRule {
  type: string;
  /** Declared types (and file extensions) that are accepted for these bytes. */
  accepts: readonly string[];
  test(bytes: Buffer): boolean;
  /** Text can be extracted cheaply for search. */
  text?: boolean;
}

const startsWith = (bytes: Buffer, ...sig: number[]) => sig.every((b, i) => bytes[i] === b);

/** Valid UTF-8 without NUL bytes, looked at in the first 64 KiB. */
function looksLikeText(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 65536);
  if (head.includes(0)) {
    return false;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(
      // a cut in the middle of a multi-byte char at the boundary is fine
      head.length === bytes.length ? head : head.subarray(0, head.length - 4),
    );
    return true;
  } catch {
    return false;
  }
}

export const SNIFF_RULES: readonly SniffRule[] = [
  {
    type: 'application/pdf',
    accepts: ['application/pdf'],
    test: (b) => startsWith(b, 0x25, 0x50, 0x44, 0x46, 0x2d),
  },
  {
    type: 'image/png',
    accepts: ['image/png'],
    test: (b) => startsWith(b, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
  },
  { type: 'image/jpeg', accepts: ['image/jpeg', 'image/jpg'], test: (b) => startsWith(b, 0xff, 0xd8, 0xff) },
  { type: 'image/gif', accepts: ['image/gif'], test: (b) => startsWith(b, 0x47, 0x49, 0x46, 0x38) },
  {
    type: 'application/zip',
    accepts: [
      'application/zip',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    test: (b) => startsWith(b, 0x50, 0x4b, 0x03, 0x04),
  },
  {
    type: 'text/plain',
    accepts: [
      'text/plain',
      'text/csv',
      'application/json',
      'application/xml',
      'text/xml',
      'text/calendar',
      'message/rfc822',
      'application/octet-stream',
    ],
    test: looksLikeText,
    text: true,
  },
];

export interface SniffResult {
  /** The family the bytes belong to; undefined = not an accepted format. */
  detected: string | undefined;
  /** The declared type agrees with the bytes. */
  matches: boolean;
  extractableText: boolean;
}

/** Sniffs the bytes and checks the declared type (parameters like `; charset=` ignored). */
export function sniff(bytes: Buffer, declaredType: string): SniffResult {
  const declared = declaredType.split(';')[0]!.trim().toLowerCase();
  const rule = SNIFF_RULES.find((r) => r.test(bytes));
  return {
    detected: rule?.type,
    matches: rule !== undefined && rule.accepts.includes(declared),
    extractableText: rule?.text === true,
  };
}
