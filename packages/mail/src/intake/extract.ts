import {
  CLOSING_LINE,
  FORWARD_MARKER,
  KONNEKTOR_CATALOG,
  PRACTICE_KINDS,
  PVS_CATALOG,
  USAGE_CONTEXT,
  type ProductPattern,
} from './catalogs.ts';

/** Where a value was found; the server shows it next to the value so a person can judge it. */
export const EvidenceSource = {
  header: 'header',
  forwardedHeader: 'forwarded-header',
  signature: 'signature',
  body: 'body',
  subject: 'subject',
} as const;
export type EvidenceSource = (typeof EvidenceSource)[keyof typeof EvidenceSource];

/** One extracted value with how sure we are (0..1) and the text it came from. */
export interface Extracted<T> {
  value: T;
  confidence: number;
  evidence: string;
  source: EvidenceSource;
}

export interface ExtractedAddress {
  street: string;
  postalCode: string;
  city: string;
}

export type PracticeKind = 'einzelpraxis' | 'bag' | 'mvz' | 'other';

export interface IntakeExtraction {
  practiceName?: Extracted<string>;
  /** Derived from the practice name; its confidence is the name's. */
  practiceKind?: Extracted<PracticeKind>;
  contactName?: Extracted<string>;
  /** E.164, e.g. `+4922112345678`; the evidence keeps the number as written. */
  phone?: Extracted<string>;
  email?: Extracted<string>;
  address?: Extracted<ExtractedAddress>;
  pvs?: Extracted<string>;
  konnektor?: Extracted<string>;
  /** Set when the mail is a forward (e.g. the dispatcher forwarding a request); values come from the inner mail. */
  forwardedBy?: string;
}

export interface ExtractionInput {
  text: string;
  subject?: string | undefined;
  fromName?: string | undefined;
  fromAddress?: string | undefined;
  /** Domains of our own organisation: a sender there is a forwarder, never the practice. */
  internalDomains?: readonly string[] | undefined;
}

/** Only this much body text is examined; the interesting parts of an intake mail are near the top and bottom. */
export const MAX_EXTRACTION_CHARS = 64 * 1024;
const MAX_LINE_CHARS = 500;
const MAX_EVIDENCE_CHARS = 160;

/**
 * Extracts practice data from an intake mail with German heuristics. Pure and total: any string in, never
 * throws. Regular expressions are anchored or bounded so the work stays linear in the input size.
 */
export function extractIntakeFields(input: ExtractionInput): IntakeExtraction {
  const allLines = splitLines(input.text);
  const forward = findForward(allLines, input.subject);
  const internal = (input.internalDomains ?? []).map((d) => d.toLowerCase());
  const fromIsInternal =
    input.fromAddress !== undefined && internal.some((d) => domainOf(input.fromAddress!) === d);

  let lines = allLines;
  let senderName = fromIsInternal ? undefined : input.fromName;
  let senderAddress = fromIsInternal ? undefined : input.fromAddress;
  let senderSource: EvidenceSource = EvidenceSource.header;
  const out: IntakeExtraction = {};
  if (forward !== undefined) {
    lines = forward.body;
    senderName = forward.fromName;
    senderAddress = forward.fromAddress;
    senderSource = EvidenceSource.forwardedHeader;
    if (input.fromAddress !== undefined) {
      out.forwardedBy = input.fromAddress;
    }
  }
  lines = lines.filter((l) => !l.trimStart().startsWith('>'));
  const { signature, body } = splitSignature(lines);

  const practice = findPracticeName(signature, body, senderName, senderSource, input.subject);
  if (practice !== undefined) {
    out.practiceName = practice;
    out.practiceKind = { ...practice, value: practiceKindOf(practice.value) };
  }
  const contact = findContactName(signature, body, senderName, senderSource);
  if (contact !== undefined) {
    out.contactName = contact;
  }
  const phone = findPhone(signature, body);
  if (phone !== undefined) {
    out.phone = phone;
  }
  const email = findEmail(signature, senderAddress, senderSource);
  if (email !== undefined) {
    out.email = email;
  }
  const address = findAddress(signature, body);
  if (address !== undefined) {
    out.address = address;
  }
  const productText = [...(input.subject === undefined ? [] : [input.subject]), ...lines];
  const pvs = findProduct(productText, PVS_CATALOG);
  if (pvs !== undefined) {
    out.pvs = pvs;
  }
  const konnektor = findProduct(productText, KONNEKTOR_CATALOG);
  if (konnektor !== undefined) {
    out.konnektor = konnektor;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Structure: lines, forwards, signature

interface Line {
  text: string;
  index: number;
}

function splitLines(text: string): string[] {
  return text
    .slice(0, MAX_EXTRACTION_CHARS)
    .split(/\r?\n|\r/)
    .map((l) =>
      l
        .slice(0, MAX_LINE_CHARS)
        .replace(/[\u00a0\t]/g, ' ')
        .trimEnd(),
    );
}

interface Forward {
  body: string[];
  fromName?: string;
  fromAddress?: string;
}

const FORWARD_SUBJECT = /^\s*(?:WG|Fwd?|FW|Wtr)\s*:/i;
const INNER_FROM = /^\s*\*?(?:Von|From)\s*:\*?\s*(.*)$/i;
const INNER_HEADER = /^\s*\*?(?:Von|From|An|To|Cc|Datum|Date|Gesendet|Sent|Betreff|Subject)\s*:/i;

function findForward(lines: readonly string[], subject: string | undefined): Forward | undefined {
  const markerAt = lines.findIndex((l) => FORWARD_MARKER.test(l.trim()));
  const outlookQuote = lines.findIndex((l) => INNER_FROM.test(l) && /^-+\s*$|^_+\s*$/.test(lines[0] ?? 'x'));
  let start = markerAt;
  // Outlook forwards without a marker line: "WG:" subject and a "Von:" header block in the body.
  if (start < 0 && subject !== undefined && FORWARD_SUBJECT.test(subject)) {
    start = lines.findIndex((l) => INNER_FROM.test(l));
  }
  if (start < 0) {
    start = outlookQuote;
  }
  if (start < 0) {
    return undefined;
  }
  let i = start;
  if (FORWARD_MARKER.test((lines[i] ?? '').trim())) {
    i++;
  }
  while (i < lines.length && (lines[i] ?? '').trim() === '') {
    i++;
  }
  const forward: Forward = { body: [] };
  let sawHeader = false;
  while (i < lines.length && INNER_HEADER.test(lines[i] ?? '')) {
    sawHeader = true;
    const from = INNER_FROM.exec(lines[i] ?? '');
    if (from?.[1] !== undefined) {
      const parsed = parseDisplayAddress(from[1]);
      if (parsed.name !== undefined) {
        forward.fromName = parsed.name;
      }
      if (parsed.address !== undefined) {
        forward.fromAddress = parsed.address;
      }
    }
    i++;
  }
  if (!sawHeader) {
    return undefined;
  }
  forward.body = lines.slice(i);
  return forward;
}

const EMAIL_RE = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,200}\.[A-Za-z]{2,24}/;

function parseDisplayAddress(value: string): { name?: string; address?: string } {
  const email = EMAIL_RE.exec(value)?.[0];
  const name = value
    .replace(/\[mailto:[^\]]*\]/gi, '')
    .replace(/<[^>]*>/g, '')
    .replace(EMAIL_RE, '')
    .replace(/["*]/g, '')
    .trim();
  return {
    ...(name === '' ? {} : { name }),
    ...(email === undefined ? {} : { address: email.toLowerCase() }),
  };
}

function splitSignature(lines: readonly string[]): { signature: Line[]; body: Line[] } {
  const numbered = lines.map((text, index) => ({ text, index }));
  let closing = -1;
  for (let i = numbered.length - 1; i >= 0; i--) {
    if (CLOSING_LINE.test((numbered[i]?.text ?? '').trim())) {
      closing = i;
      break;
    }
  }
  if (closing >= 0) {
    // Text after the closing on the same line ("Viele Grüße, Anna Müller") belongs to the signature too.
    const closingLine = numbered[closing]!;
    const rest = closingLine.text.replace(CLOSING_LINE, '').replace(/^[\s,!.]+/, '');
    const sig = [
      ...(rest === '' ? [] : [{ text: rest, index: closingLine.index }]),
      ...numbered.slice(closing + 1),
    ];
    return {
      signature: sig.filter((l) => l.text.trim() !== '').slice(0, 25),
      body: numbered.slice(0, closing),
    };
  }
  // No closing: the last lines are the most signature-like part.
  const nonEmpty = numbered.filter((l) => l.text.trim() !== '');
  return { signature: nonEmpty.slice(-8), body: numbered };
}

function evidence(text: string): string {
  const t = text.trim().replace(/\s+/g, ' ');
  return t.length > MAX_EVIDENCE_CHARS ? `${t.slice(0, MAX_EVIDENCE_CHARS - 1)}…` : t;
}

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

function best<T>(candidates: readonly (Extracted<T> | undefined)[]): Extracted<T> | undefined {
  let chosen: Extracted<T> | undefined;
  for (const c of candidates) {
    if (c !== undefined && (chosen === undefined || c.confidence > chosen.confidence)) {
      chosen = c;
    }
  }
  return chosen;
}

// ---------------------------------------------------------------------------------------------------------------
// Practice name

/** A word that starts a practice name: "Praxis", any "…praxis" compound, MVZ and friends. */
const PRACTICE_HEAD =
  /(?:^|[^\p{L}])((?:[A-ZÄÖÜ][\p{Ll}-]{0,30}(?:ische|liche|ärztliche)\s+)?(?:[A-ZÄÖÜ][\p{L}-]{0,40})?(?:praxis|Praxis|PRAXIS)|Praxisgemeinschaft|Praxisklinik|MVZ|Medizinisches Versorgungszentrum|Berufsausübungsgemeinschaft)(?![\p{L}])/u;
const TITLE_TOKEN =
  /^(?:Dr\.|med\.|dent\.|vet\.|Prof\.|univ\.|habil\.|Dipl\.-[\p{L}]+\.?|MUDr\.|Dres\.|rer\.|nat\.|PD)$/u;
const NAME_TOKEN = /^[A-ZÄÖÜ][\p{L}'’-]*\.?$|^[A-ZÄÖÜ]\.$/u;
const CONNECTOR_TOKEN = /^(?:&|und|u\.|für|fuer|am|an|der|den|dem|im|in|zur|zum|von|van|de|\+)$/;
const LEGAL_FORM_TOKEN = /^(?:GmbH|gGmbH|GbR|PartG|mbB|PartGmbB|e\.V\.|AG|KG)$/;
const STOP_BEFORE_CITY = /^(?:in|aus|bei)$/;
const GENERIC_NAME_WORDS =
  /^(?:Praxis|Arztpraxis|Hausarztpraxis|Zahnarztpraxis|Facharztpraxis|Kinderarztpraxis)$/;

/** Reads the name that starts at a practice head word: titles, capitalised words and a few connectors. */
function readPracticeName(text: string): string | undefined {
  const m = PRACTICE_HEAD.exec(text);
  if (m?.[1] === undefined) {
    return undefined;
  }
  const start = m.index + m[0].length - m[1].length;
  const rest = text.slice(start).slice(0, 160);
  const tokens = rest.split(/\s+/).filter((t) => t !== '');
  const taken: string[] = [];
  for (let i = 0; i < tokens.length && taken.length < 12; i++) {
    let token = tokens[i]!;
    // A trailing comma, colon or bracket ends the name after this token.
    const ends = /[,;:!?()|]$/.test(token) || /^[(|·•]/.test(token);
    token = token.replace(/[,;:!?()|]+$/g, '');
    if (i === 0) {
      taken.push(token);
    } else if (STOP_BEFORE_CITY.test(token) && taken.length > 1) {
      break;
    } else if (LEGAL_FORM_TOKEN.test(token)) {
      taken.push(token);
      break;
    } else if (TITLE_TOKEN.test(token) || NAME_TOKEN.test(token) || CONNECTOR_TOKEN.test(token)) {
      if (token.endsWith('.') && !TITLE_TOKEN.test(token) && !/^[A-ZÄÖÜ]\.$/.test(token)) {
        taken.push(token.slice(0, -1));
        break;
      }
      taken.push(token);
    } else {
      break;
    }
    if (ends) {
      break;
    }
  }
  while (taken.length > 1 && CONNECTOR_TOKEN.test(taken[taken.length - 1]!)) {
    taken.pop();
  }
  const name = taken.join(' ');
  // "Praxis" alone, or "unsere Praxis ist …", names nothing.
  if (taken.length < 2 && GENERIC_NAME_WORDS.test(name)) {
    return undefined;
  }
  if (taken.length === 1 && !/MVZ|gemeinschaft|Versorgungszentrum/i.test(name)) {
    return undefined;
  }
  return name.length > 120 ? undefined : name;
}

function findPracticeName(
  signature: readonly Line[],
  body: readonly Line[],
  senderName: string | undefined,
  senderSource: EvidenceSource,
  subject: string | undefined,
): Extracted<string> | undefined {
  const candidates: Extracted<string>[] = [];
  for (const line of signature) {
    const name = readPracticeName(line.text);
    if (name !== undefined) {
      candidates.push({ value: name, confidence: 0.9, evidence: evidence(line.text), source: 'signature' });
      break;
    }
  }
  for (const line of body) {
    // Lower-case "praxis" inside a sentence is usually "unsere Praxis"; readPracticeName rejects those.
    const name = readPracticeName(line.text);
    if (name !== undefined) {
      candidates.push({ value: name, confidence: 0.7, evidence: evidence(line.text), source: 'body' });
      break;
    }
  }
  if (subject !== undefined) {
    const name = readPracticeName(subject);
    if (name !== undefined) {
      candidates.push({ value: name, confidence: 0.65, evidence: evidence(subject), source: 'subject' });
    }
  }
  if (senderName !== undefined) {
    const name = readPracticeName(senderName);
    if (name !== undefined) {
      candidates.push({ value: name, confidence: 0.6, evidence: evidence(senderName), source: senderSource });
    }
  }
  return best(candidates);
}

function practiceKindOf(name: string): PracticeKind {
  return PRACTICE_KINDS.find((k) => k.pattern.test(name))?.kind ?? 'einzelpraxis';
}

// ---------------------------------------------------------------------------------------------------------------
// Contact person

const PERSON_WORD = /^[A-ZÄÖÜ][\p{Ll}ß'’]+(?:-[A-ZÄÖÜ][\p{Ll}ß'’]+)?$/u;
const PARTICLE = /^(?:von|van|de|zu|vom|der|den|di|da|el)$/;
const NOT_A_NAME =
  /^(?:Guten|Hallo|Liebe|Lieber|Sehr|Moin|Servus|Danke|Vielen|Bitte|Ihr|Ihre|Euer)\b|praxis|MVZ|Versorgungszentrum|GmbH|Team|Empfang|Anmeldung|Rezeption|Straße|Str\.|Tel|Fax|Mail|www|http|Uhr|Deutschland|Sprechzeit|Öffnungszeit|Telematik|Konnektor/i;

/** "Dr. med. Anna Müller-Lüdenscheidt" → itself; "Anna" alone or "Hauptstraße 5" → undefined. */
function readPersonName(text: string): string | undefined {
  const cleaned = text
    .replace(/^\s*i\.\s?[AV]\.\s*/, '')
    .replace(/\s*(?:[,|–·•&/(]|\bund\b)\s*.*$/, '')
    .replace(/\s+-\s+.*$/, '')
    .trim();
  if (cleaned === '' || cleaned.length > 80 || NOT_A_NAME.test(cleaned) || /\d/.test(cleaned)) {
    return undefined;
  }
  const tokens = cleaned.split(/\s+/).map((t) => t.replace(/^(?:Frau|Herr)$/, ''));
  const words = tokens.filter((t) => t !== '');
  let titles = 0;
  let names = 0;
  for (const w of words) {
    if (TITLE_TOKEN.test(w)) {
      if (names > 0) {
        return undefined;
      }
      titles++;
    } else if (PERSON_WORD.test(w)) {
      names++;
    } else if (!PARTICLE.test(w)) {
      return undefined;
    }
  }
  if (names === 0 || names > 4 || (names === 1 && titles === 0)) {
    return undefined;
  }
  return words.join(' ');
}

const CONTACT_LABEL =
  /\b(?:Ansprechpartner(?:in)?|Ansprechperson|Kontaktperson|Kontakt)\s*(?:ist|wäre|:|-)?\s*(?:(?:Frau|Herr)\s+)?(.{2,80})$/i;
const SELF_INTRO =
  /\b(?:mein\s+Name\s+ist|ich\s+bin|hier\s+(?:ist|schreibt))\s+(?:(?:Frau|Herr)\s+)?(.{2,60})$/i;

function findContactName(
  signature: readonly Line[],
  body: readonly Line[],
  senderName: string | undefined,
  senderSource: EvidenceSource,
): Extracted<string> | undefined {
  const candidates: Extracted<string>[] = [];
  for (const line of [...body, ...signature]) {
    const m = CONTACT_LABEL.exec(line.text);
    const name = m?.[1] === undefined ? undefined : readPersonName(stripSentenceTail(m[1]));
    if (name !== undefined) {
      candidates.push({ value: name, confidence: 0.9, evidence: evidence(line.text), source: 'body' });
      break;
    }
  }
  for (const line of signature.slice(0, 4)) {
    const name = readPersonName(line.text);
    if (name !== undefined) {
      candidates.push({ value: name, confidence: 0.85, evidence: evidence(line.text), source: 'signature' });
      break;
    }
  }
  for (const line of body.slice(0, 15)) {
    const m = SELF_INTRO.exec(line.text);
    const name = m?.[1] === undefined ? undefined : readPersonName(stripSentenceTail(m[1]));
    if (name !== undefined) {
      candidates.push({ value: name, confidence: 0.75, evidence: evidence(line.text), source: 'body' });
      break;
    }
  }
  const lastLine = [...body, ...signature].filter((l) => l.text.trim() !== '').pop();
  const inlineClosing = lastLine === undefined ? null : INLINE_CLOSING.exec(lastLine.text);
  if (inlineClosing?.[1] !== undefined) {
    const name = readPersonName(inlineClosing[1]);
    if (name !== undefined) {
      candidates.push({ value: name, confidence: 0.7, evidence: evidence(inlineClosing[0]), source: 'body' });
    }
  }
  if (senderName !== undefined) {
    // "Müller, Anna" is how Outlook shows many German address books.
    const swapped = /^([^,]{2,40}),\s*([^,]{2,40})$/.exec(senderName.trim());
    const display = swapped === null ? senderName : `${swapped[2]} ${swapped[1]}`;
    const name = readPersonName(display.replace(/["']/g, ''));
    if (name !== undefined) {
      candidates.push({ value: name, confidence: 0.6, evidence: evidence(senderName), source: senderSource });
    }
  }
  return best(candidates);
}

/** "… Danke, Deniz Yilmaz" at the end of a one-paragraph mail. */
const INLINE_CLOSING =
  /(?:Danke|Dank|Grüße|Gruß|MfG|LG|VG)[,!.]?\s+((?:Dr\.\s+)?[A-ZÄÖÜ][\p{Ll}ß-]+\s+[A-ZÄÖÜ][\p{Ll}ß-]+)\s*$/u;

function stripSentenceTail(text: string): string {
  return text.replace(/\s+(?:und|die|der|sie|er|unter|erreichbar|zu|,).*$/i, '').replace(/[.!,;:]+$/, '');
}

// ---------------------------------------------------------------------------------------------------------------
// Phone

const PHONE_LABEL =
  /(?:^|[\s|,;(/·•])(Telefon|Tel\.?\s*-?\s*Nr\.?|Tel\.?|Fon|Phone|Mobil(?:funk)?|Handy|Mobile|Rufnummer|T|M)\s*[.:]?\s*([+(]?\d[\d\s()/.\-–]{4,24}\d)/gi;
const FAX_LABEL = /(?:Fax|Telefax)\s*[.:]?\s*$/i;
const BARE_PHONE = /(?:^|[^\d+])((?:\+49|0049|\(0\d{1,5}\)|0[1-9])[\d\s()/.\-–]{5,22}\d)(?!\d)/;

/** German number as written → E.164 (`+49…`), or undefined when it cannot be a German phone number. */
export function normalizeGermanPhone(written: string): string | undefined {
  let s = written.replace(/\(0\)/g, '').replace(/[\s()/.\-–]/g, '');
  if (!/^\+?\d+$/.test(s)) {
    return undefined;
  }
  if (s.startsWith('0049')) {
    s = `+49${s.slice(4)}`;
  } else if (s.startsWith('00')) {
    s = `+${s.slice(2)}`;
  } else if (s.startsWith('0')) {
    s = `+49${s.slice(1)}`;
  } else if (!s.startsWith('+')) {
    return undefined;
  }
  if (s.startsWith('+49')) {
    const national = s.slice(3);
    // National significant numbers are 6–13 digits and never start with 0.
    if (national.length < 6 || national.length > 13 || national.startsWith('0')) {
      return undefined;
    }
  } else if (s.length < 8 || s.length > 16) {
    return undefined;
  }
  return s;
}

function findPhone(signature: readonly Line[], body: readonly Line[]): Extracted<string> | undefined {
  const candidates: Extracted<string>[] = [];
  const scan = (lines: readonly Line[], source: EvidenceSource, boost: number): void => {
    for (const line of lines) {
      for (const m of line.text.matchAll(PHONE_LABEL)) {
        const label = m[1] ?? '';
        const before = line.text.slice(0, m.index + (m[0].length - m[0].trimStart().length));
        if (FAX_LABEL.test(before) || /fax/i.test(label)) {
          continue;
        }
        const value = normalizeGermanPhone(m[2] ?? '');
        if (value === undefined) {
          continue;
        }
        // "M" or "T" alone is only a label in a signature, not in prose.
        if (/^[TM]$/i.test(label) && source !== 'signature') {
          continue;
        }
        const mobile = /^(?:Mobil|Handy|Mobile|M)/i.test(label);
        candidates.push({
          value,
          confidence: (mobile ? 0.8 : 0.9) - boost,
          evidence: evidence(m[0]),
          source,
        });
      }
    }
    for (const line of lines) {
      if (/fax/i.test(line.text)) {
        continue;
      }
      const m = BARE_PHONE.exec(line.text);
      const value = m?.[1] === undefined ? undefined : normalizeGermanPhone(m[1]);
      if (value !== undefined && !/\b\d{5}\s+[A-ZÄÖÜ]/.test(m![1]!)) {
        candidates.push({ value, confidence: 0.5 - boost, evidence: evidence(m![1]!), source });
        break;
      }
    }
  };
  scan(signature, 'signature', 0);
  scan(body, 'body', 0.05);
  return best(candidates);
}

// ---------------------------------------------------------------------------------------------------------------
// E-mail

const EMAIL_LABEL =
  /(?:E-?Mail|Mail|email)\s*[.:]?\s*(?:mailto:)?([A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,200}\.[A-Za-z]{2,24})/i;

function findEmail(
  signature: readonly Line[],
  senderAddress: string | undefined,
  senderSource: EvidenceSource,
): Extracted<string> | undefined {
  const candidates: Extracted<string>[] = [];
  for (const line of signature) {
    const m = EMAIL_LABEL.exec(line.text);
    if (m?.[1] !== undefined) {
      candidates.push({
        value: m[1].toLowerCase(),
        confidence: 0.85,
        evidence: evidence(m[0]),
        source: 'signature',
      });
      break;
    }
  }
  if (senderAddress !== undefined && EMAIL_RE.test(senderAddress)) {
    // The sender address is what replies go to; it wins over an address in the signature.
    candidates.push({
      value: senderAddress.toLowerCase(),
      confidence: 0.95,
      evidence: senderAddress,
      source: senderSource,
    });
  }
  return best(candidates);
}

// ---------------------------------------------------------------------------------------------------------------
// Address

const STREET_SUFFIX =
  /(?:straße|strasse|str\.|weg|allee|platz|gasse|ring|damm|ufer|chaussee|markt|steig|stieg|pfad|berg|hof|graben|promenade|wall|kamp|feld|garten|park|tor|brücke|zeile|au|aue|höhe|grund|bogen)$/i;
const HOUSE_NUMBER = /^(.{2,200}?)\s+(\d{1,4}\s?[a-zA-Z]?(?:\s?[-–/]\s?\d{1,4}\s?[a-zA-Z]?)?)$/;
const POSTAL_CITY =
  /^(?:D\s?-\s?)?(\d{5})\s+([A-ZÄÖÜ][\p{L}.'’-]*(?:\s+(?:am|an\s+der|im|in\s+der|ob\s+der|bei|vor\s+der|a\.\s?d\.|i\.\s?d\.|[A-ZÄÖÜ(][\p{L}.)'’-]*)){0,4})$/u;
const STREET_THEN_POSTAL =
  /^(.{2,60}?\s\d{1,4}\s?[a-zA-Z]?(?:\s?[-–/]\s?\d{1,4}\s?[a-zA-Z]?)?)\s+(?:D\s?-\s?)?(\d{5}\s+.+)$/;

function isPostalCode(code: string): boolean {
  // 01001–99998; nothing starts with 00.
  return /^(?:0[1-9]|[1-9]\d)\d{3}$/.test(code);
}

/** A "Straße 12" segment: a house number and either a street suffix or a capitalised start ("Am Markt 5"). */
function readStreet(segment: string): { street: string; hasSuffix: boolean } | undefined {
  // "Unsere Adresse: Kaiserplatz 3" — a label before a colon is not part of the street.
  const s = segment.trim().replace(/^.*:\s*/, '');
  const m = HOUSE_NUMBER.exec(s);
  if (m?.[1] === undefined || m[2] === undefined) {
    return undefined;
  }
  let name = m[1].trim();
  let words = name.split(/\s+/);
  const lastWord = words[words.length - 1] ?? '';
  const hasSuffix = STREET_SUFFIX.test(lastWord);
  // In prose ("… die Praxis in der Gartenstraße 4, …") only the street words at the end count.
  if (
    hasSuffix &&
    (words.length > 5 ||
      words.slice(0, -1).some((w) => /^\p{Ll}/u.test(w) && !/^(?:am|an|der|im|in|zum|zur|von|auf)$/.test(w)))
  ) {
    const standalone =
      /^(?:Straße|Strasse|Str\.|Weg|Allee|Platz|Chaussee|Ring|Damm|Ufer|Markt|Gasse|Steig|Graben)$/i.test(
        lastWord,
      );
    const before = words[words.length - 2];
    words = standalone && before !== undefined && /^[A-ZÄÖÜ]/.test(before) ? [before, lastWord] : [lastWord];
    name = words.join(' ');
  }
  if (!/^[A-ZÄÖÜ0-9]/.test(name) || /\d{3,}|@|:|Tel|Fax|Postfach/i.test(name) || words.length > 5) {
    return undefined;
  }
  return { street: `${name} ${m[2].replace(/\s+/g, '')}`, hasSuffix };
}

function readPostalCity(segment: string): { postalCode: string; city: string } | undefined {
  const m = POSTAL_CITY.exec(segment.trim().replace(/[.!;]+$/, ''));
  if (m?.[1] === undefined || m[2] === undefined || !isPostalCode(m[1])) {
    return undefined;
  }
  return { postalCode: m[1], city: m[2].replace(/\s+Deutschland$/i, '').trim() };
}

function findAddress(
  signature: readonly Line[],
  body: readonly Line[],
): Extracted<ExtractedAddress> | undefined {
  const candidates: Extracted<ExtractedAddress>[] = [];
  const scan = (lines: readonly Line[], source: EvidenceSource, base: number): void => {
    // Segments keep their order across lines, so "Straße 1" on one line and "PLZ Ort" on the next pair up.
    const segments: { text: string; line: string }[] = [];
    for (const line of lines) {
      for (const part of line.text.split(/\s*(?:[,|·•]|\s[-–]\s)\s*/)) {
        if (part.trim() !== '') {
          segments.push({ text: part.trim(), line: line.text });
        }
      }
    }
    for (let i = 0; i < segments.length; i++) {
      const seg = segments[i]!;
      const combined = STREET_THEN_POSTAL.exec(seg.text);
      if (combined?.[1] !== undefined && combined[2] !== undefined) {
        const street = readStreet(combined[1]);
        const postal = readPostalCity(combined[2]);
        if (street !== undefined && postal !== undefined) {
          candidates.push({
            value: { street: street.street, ...postal },
            confidence: base + (street.hasSuffix ? 0 : -0.1),
            evidence: evidence(seg.line),
            source,
          });
          return;
        }
      }
      const postal = readPostalCity(seg.text);
      const prev = segments[i - 1];
      if (postal === undefined || prev === undefined) {
        continue;
      }
      const street = readStreet(prev.text);
      if (street === undefined) {
        continue;
      }
      candidates.push({
        value: { street: street.street, ...postal },
        confidence: base + (street.hasSuffix ? 0 : -0.15),
        evidence: evidence(prev.line === seg.line ? seg.line : `${prev.line} / ${seg.line}`),
        source,
      });
      return;
    }
  };
  scan(signature, 'signature', 0.9);
  scan(body, 'body', 0.8);
  return best(candidates);
}

// ---------------------------------------------------------------------------------------------------------------
// PVS and Konnektor

function findProduct(
  lines: readonly string[],
  catalog: readonly ProductPattern[],
): Extracted<string> | undefined {
  const candidates: Extracted<string>[] = [];
  for (const line of lines) {
    for (const entry of catalog) {
      const m = entry.pattern.exec(line);
      if (m === null) {
        continue;
      }
      const context = line.slice(Math.max(0, m.index - 60), m.index + m[0].length + 60);
      candidates.push({
        value: entry.name,
        confidence: USAGE_CONTEXT.test(context.replace(m[0], '')) ? 0.8 : 0.6,
        evidence: evidence(context),
        source: 'body',
      });
    }
    if (candidates.length > 0) {
      break;
    }
  }
  return best(candidates);
}
