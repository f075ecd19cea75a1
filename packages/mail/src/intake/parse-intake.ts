import { convert } from 'html-to-text';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import type { Issue } from '@praxisready/model';
import { extractIntakeFields, type IntakeExtraction } from './extract.ts';
import { normalizeMessageId, sha256Hex, syntheticMessageId } from './message-id.ts';

export interface MailAddress {
  name: string;
  address: string;
}

export interface IntakeAttachment {
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  content: Buffer;
  /** `inline` parts (signature logos) are kept but marked, so the server can file them apart. */
  inline: boolean;
}

/** A mail from the central mailbox, parsed for intake. Always produced, even for garbage input. */
export interface IntakeMail {
  /** Normalised Message-ID (no angle brackets, domain lower-cased), the dedupe key. */
  messageId: string;
  /** `synthetic` when the mail had no usable Message-ID: then it is derived from the raw bytes' SHA-256. */
  messageIdSource: 'header' | 'synthetic';
  from?: MailAddress;
  replyTo?: MailAddress;
  to: MailAddress[];
  cc: MailAddress[];
  subject: string;
  /** ISO 8601; absent when the Date header is missing or unreadable. */
  date?: string;
  inReplyTo?: string;
  references: string[];
  /** The plain text body; converted from HTML when the mail has no text part. */
  text: string;
  textFromHtml: boolean;
  html?: string;
  extracted: IntakeExtraction;
  attachments: IntakeAttachment[];
  /** Problems found while parsing. An `error` means the mail is malformed; the server keeps it with the reason. */
  problems: Issue[];
  malformed: boolean;
  /** The bytes as received, always kept. */
  raw: Buffer;
  rawSha256: string;
  size: number;
}

export interface IntakeParseOptions {
  /** Larger mails are not parsed (kept raw with a problem). Default 25 MiB. */
  maxSize?: number;
  /** Most attachments kept; the rest are listed as a problem. Default 50. */
  maxAttachments?: number;
  /** Most MIME parts the parser accepts. Default 250. */
  maxParts?: number;
  /** HTML longer than this is not converted to text. Default 2 MiB. */
  maxHtmlLength?: number;
  /** Parsing that takes longer gives up with a problem. Default 10 s. */
  timeoutMs?: number;
  /** Our own domains: a sender there is a forwarder (dispatcher), never the practice. */
  internalDomains?: readonly string[];
}

export const INTAKE_DEFAULTS = {
  maxSize: 25 * 1024 * 1024,
  maxAttachments: 50,
  maxParts: 250,
  maxHtmlLength: 2 * 1024 * 1024,
  timeoutMs: 10_000,
} as const;

/** Codes of intake problems. `error` ones make the mail malformed. */
export const IntakeProblem = {
  TOO_LARGE: 'MAIL_TOO_LARGE',
  PARSE_FAILED: 'MAIL_PARSE_FAILED',
  PARSE_TIMEOUT: 'MAIL_PARSE_TIMEOUT',
  NOT_A_MAIL: 'MAIL_NO_HEADERS',
  MISSING_MESSAGE_ID: 'MAIL_MISSING_MESSAGE_ID',
  MISSING_FROM: 'MAIL_MISSING_FROM',
  INVALID_DATE: 'MAIL_INVALID_DATE',
  HTML_NOT_CONVERTED: 'MAIL_HTML_NOT_CONVERTED',
  TOO_MANY_ATTACHMENTS: 'MAIL_TOO_MANY_ATTACHMENTS',
  EMPTY: 'MAIL_EMPTY_BODY',
} as const;
export type IntakeProblem = (typeof IntakeProblem)[keyof typeof IntakeProblem];

function problem(
  code: IntakeProblem,
  message: string,
  severity: Issue['severity'],
  path: string[] = [],
): Issue {
  return { code, path, message, severity };
}

/**
 * Parses the raw bytes of an intake mail. Never rejects: a mail that cannot be parsed comes back with `problems`,
 * `malformed: true` and its raw bytes, so the caller can store it with the reason instead of losing it.
 * No I/O; the only asynchrony is mailparser's stream.
 */
export async function parseIntakeMail(
  raw: Uint8Array | string,
  options: IntakeParseOptions = {},
): Promise<IntakeMail> {
  const bytes = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : Buffer.from(raw);
  const opts = { ...INTAKE_DEFAULTS, ...options };
  const base = emptyIntake(bytes);
  try {
    return await parseChecked(bytes, base, opts);
  } catch (error) {
    // Belt and braces: nothing below should throw, but a mail must never be lost to a bug in a heuristic.
    base.problems.push(
      problem(IntakeProblem.PARSE_FAILED, `Unexpected parser failure: ${describe(error)}`, 'error'),
    );
    return finish(base);
  }
}

function emptyIntake(bytes: Buffer): IntakeMail {
  return {
    messageId: syntheticMessageId(bytes),
    messageIdSource: 'synthetic',
    to: [],
    cc: [],
    subject: '',
    references: [],
    text: '',
    textFromHtml: false,
    extracted: {},
    attachments: [],
    problems: [],
    malformed: false,
    raw: bytes,
    rawSha256: sha256Hex(bytes),
    size: bytes.length,
  };
}

function finish(mail: IntakeMail): IntakeMail {
  mail.malformed = mail.problems.some((p) => p.severity === 'error');
  return mail;
}

type Opts = { -readonly [K in keyof typeof INTAKE_DEFAULTS]: number } & Pick<
  IntakeParseOptions,
  'internalDomains'
>;

async function parseChecked(bytes: Buffer, mail: IntakeMail, opts: Opts): Promise<IntakeMail> {
  if (bytes.length > opts.maxSize) {
    mail.problems.push(
      problem(
        IntakeProblem.TOO_LARGE,
        `Mail has ${bytes.length} bytes; the limit is ${opts.maxSize}`,
        'error',
      ),
    );
    return finish(mail);
  }
  if (!looksLikeMail(bytes)) {
    mail.problems.push(problem(IntakeProblem.NOT_A_MAIL, 'No RFC 822 header block found', 'error'));
  }
  let parsed: ParsedMail;
  try {
    parsed = await withTimeout(
      simpleParser(bytes, {
        maxChildNodes: opts.maxParts,
        maxHtmlLengthToParse: opts.maxHtmlLength,
        checksumAlgo: 'sha256',
        skipTextToHtml: true,
        skipImageLinks: true,
        keepCidLinks: true,
      }),
      opts.timeoutMs,
    );
  } catch (error) {
    const timedOut = error instanceof TimeoutError;
    mail.problems.push(
      problem(
        timedOut ? IntakeProblem.PARSE_TIMEOUT : IntakeProblem.PARSE_FAILED,
        timedOut
          ? `Parsing took longer than ${opts.timeoutMs} ms`
          : `Mail could not be parsed: ${describe(error)}`,
        'error',
      ),
    );
    fallbackHeaders(bytes, mail);
    mail.extracted = extractIntakeFields({
      text: mail.text,
      subject: mail.subject,
      fromName: mail.from?.name,
      fromAddress: mail.from?.address,
      internalDomains: opts.internalDomains,
    });
    return finish(mail);
  }
  fillFromParsed(parsed, mail, opts);
  mail.extracted = extractIntakeFields({
    text: mail.text,
    subject: mail.subject,
    fromName: mail.from?.name,
    fromAddress: mail.from?.address,
    internalDomains: opts.internalDomains,
  });
  return finish(mail);
}

function fillFromParsed(parsed: ParsedMail, mail: IntakeMail, opts: Opts): void {
  const id = normalizeMessageId(parsed.messageId);
  if (id === undefined) {
    mail.problems.push(
      problem(
        IntakeProblem.MISSING_MESSAGE_ID,
        'No Message-ID; a synthetic id from the content hash is used',
        'warning',
        ['messageId'],
      ),
    );
  } else {
    mail.messageId = id;
    mail.messageIdSource = 'header';
  }
  const from = addresses(parsed.from)[0];
  if (from === undefined) {
    mail.problems.push(problem(IntakeProblem.MISSING_FROM, 'No usable From address', 'warning', ['from']));
  } else {
    mail.from = from;
  }
  const replyTo = addresses(parsed.replyTo)[0];
  if (replyTo !== undefined) {
    mail.replyTo = replyTo;
  }
  mail.to = addresses(parsed.to);
  mail.cc = addresses(parsed.cc);
  mail.subject = (parsed.subject ?? '').slice(0, 998);
  // mailparser substitutes "now" for an unreadable Date; check the header text ourselves.
  const dateLine = parsed.headerLines.find((h) => h.key === 'date');
  if (dateLine !== undefined) {
    const stamp = Date.parse(
      dateLine.line
        .replace(/^date:\s*/i, '')
        .replace(/\s+/g, ' ')
        .trim(),
    );
    if (Number.isNaN(stamp) || parsed.date === undefined) {
      mail.problems.push(
        problem(IntakeProblem.INVALID_DATE, 'Date header could not be read', 'warning', ['date']),
      );
    } else {
      mail.date = parsed.date.toISOString();
    }
  }
  const inReplyTo = normalizeMessageId(parsed.inReplyTo);
  if (inReplyTo !== undefined) {
    mail.inReplyTo = inReplyTo;
  }
  const refs =
    parsed.references === undefined
      ? []
      : Array.isArray(parsed.references)
        ? parsed.references
        : [parsed.references];
  mail.references = refs.map((r) => normalizeMessageId(r)).filter((r): r is string => r !== undefined);

  if (typeof parsed.html === 'string') {
    mail.html = parsed.html;
  }
  mail.text = parsed.text ?? '';
  if (typeof parsed.html === 'string' && (!hasTextPart(mail.raw) || mail.text.trim() === '')) {
    const converted = htmlToText(parsed.html, opts.maxHtmlLength);
    if (converted !== undefined) {
      mail.text = converted;
      mail.textFromHtml = true;
    }
  }
  if (parsed.textConversionError !== undefined) {
    mail.problems.push(
      problem(
        IntakeProblem.HTML_NOT_CONVERTED,
        `HTML not converted to text: ${parsed.textConversionError.message}`,
        'warning',
        ['html'],
      ),
    );
  }
  if (mail.text.trim() === '' && parsed.attachments.length === 0) {
    mail.problems.push(
      problem(IntakeProblem.EMPTY, 'Mail has neither text nor attachments', 'warning', ['text']),
    );
  }
  const kept = parsed.attachments.slice(0, opts.maxAttachments);
  if (parsed.attachments.length > kept.length) {
    mail.problems.push(
      problem(
        IntakeProblem.TOO_MANY_ATTACHMENTS,
        `${parsed.attachments.length} attachments; only the first ${kept.length} are kept (the raw mail has all)`,
        'warning',
        ['attachments'],
      ),
    );
  }
  mail.attachments = kept.map((a, i) => ({
    filename: safeFilename(a.filename, i, a.contentType),
    contentType: a.contentType.toLowerCase(),
    size: a.content.length,
    sha256: sha256Hex(a.content),
    content: a.content,
    inline: a.contentDisposition === 'inline' || a.related === true,
  }));
}

/**
 * HTML → text that keeps table cells and rows on their own lines: signatures are often tables, and the
 * address heuristics work line by line (mailparser's own conversion joins the cells of a row).
 */
function htmlToText(html: string, maxLength: number): string | undefined {
  try {
    return convert(html, {
      wordwrap: false,
      limits: { maxInputLength: maxLength, maxDepth: 100 },
      selectors: [
        { selector: 'a', options: { ignoreHref: true } },
        { selector: 'img', format: 'skip' },
        { selector: 'table', format: 'block' },
        { selector: 'tr', format: 'block' },
        { selector: 'td', format: 'block' },
        { selector: 'th', format: 'block' },
        { selector: 'h1', options: { uppercase: false } },
        { selector: 'h2', options: { uppercase: false } },
        { selector: 'h3', options: { uppercase: false } },
      ],
    });
  } catch {
    return undefined;
  }
}

/** mailparser converts HTML only when there is no text/plain part; this tells which happened. */
function hasTextPart(bytes: Buffer): boolean {
  const latin = bytes.toString('latin1');
  const head = latin.split(/\r?\n\r?\n/, 1)[0] ?? '';
  // A mail without Content-Type is text/plain by definition (RFC 2045).
  return /content-type:\s*text\/plain/i.test(latin) || !/^content-type:/im.test(head);
}

function addresses(value: AddressObject | AddressObject[] | undefined): MailAddress[] {
  if (value === undefined) {
    return [];
  }
  const objects = Array.isArray(value) ? value : [value];
  const out: MailAddress[] = [];
  const visit = (entries: AddressObject['value']): void => {
    for (const e of entries) {
      if (e.group !== undefined) {
        visit(e.group);
      } else if (e.address !== undefined && e.address.includes('@')) {
        out.push({ name: e.name.trim(), address: e.address.trim().toLowerCase() });
      }
    }
  };
  for (const o of objects) {
    visit(o.value);
  }
  return out.slice(0, 200);
}

const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'text/calendar': 'ics',
  'text/plain': 'txt',
  'message/rfc822': 'eml',
};

/** Attachment names go to a folder on disk later: no paths, no control characters, bounded length. */
function safeFilename(name: string | undefined, index: number, contentType: string): string {
  const cleaned = (name ?? '')
    .replace(/[\\/]/g, '_')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what we strip
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(/^\.+/, '')
    .trim()
    .slice(0, 200);
  if (cleaned !== '') {
    return cleaned;
  }
  return `attachment-${index + 1}.${EXTENSIONS[contentType.toLowerCase()] ?? 'bin'}`;
}

/** A header block is at least one "Name: value" line before the first blank line. */
function looksLikeMail(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 4096).toString('latin1');
  return /^[\x21-\x39\x3b-\x7e]{1,76}:/m.test(head.split(/\r?\n\r?\n/)[0] ?? '');
}

/** When mailparser gave up: Subject/From/Message-ID by hand, the rest as text, so the case still has a title. */
function fallbackHeaders(bytes: Buffer, mail: IntakeMail): void {
  const textAll = bytes.subarray(0, 256 * 1024).toString('utf8');
  const split = /\r?\n\r?\n/.exec(textAll);
  const head = split === null ? textAll : textAll.slice(0, split.index);
  const body = split === null ? '' : textAll.slice(split.index + split[0].length);
  const header = (name: string): string | undefined =>
    new RegExp(`^${name}:[ \\t]*(.{0,998})$`, 'im').exec(head)?.[1]?.trim();
  const id = normalizeMessageId(header('Message-ID'));
  if (id !== undefined) {
    mail.messageId = id;
    mail.messageIdSource = 'header';
  }
  mail.subject = header('Subject') ?? '';
  const from = header('From');
  const address = from === undefined ? undefined : /[^\s<>"]{1,64}@[^\s<>"]{1,200}/.exec(from)?.[0];
  if (address !== undefined) {
    mail.from = {
      name: from!
        .replace(/<[^>]*>/, '')
        .replace(/"/g, '')
        .replace(address, '')
        .trim(),
      address: address.toLowerCase(),
    };
  }
  mail.text = body.slice(0, 64 * 1024);
}

class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message.slice(0, 300) : String(error).slice(0, 300);
}
