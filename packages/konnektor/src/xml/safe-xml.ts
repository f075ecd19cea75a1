import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { AppError } from '@praxisready/model';

/** One element, with its namespace resolved from the xmlns declarations in scope (prefixes do not matter). */
export interface XmlElement {
  /** Namespace URI ('' when none). */
  ns: string;
  /** Local name without prefix. */
  name: string;
  /** Attributes by local name (namespace declarations removed). */
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Concatenated, trimmed text content of this element (not of its children). */
  text: string;
}

/** Limits that keep a hostile or broken peer from exhausting memory or time. */
export const XML_LIMITS = {
  /** Largest document we parse (a real connector.sds is ~20 kB, a GetCards answer a few kB). */
  maxBytes: 2 * 1024 * 1024,
  /** Deepest nesting we walk. */
  maxDepth: 64,
  /** Most elements in one document. */
  maxElements: 50_000,
} as const;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  // Numeric-looking values (ICCSN, CardHandle "0012", LeftTries) must stay strings.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // Only the five predefined XML entities; DOCTYPEs are rejected before parsing, so no custom entities exist.
  processEntities: true,
  htmlEntities: false,
  allowBooleanAttributes: false,
});

const DOCTYPE = /<!DOCTYPE/i;
const ENTITY = /<!ENTITY/i;

type RawNode = Record<string, unknown>;

function fail(message: string, cause?: unknown): never {
  throw new AppError('PARSE_FAILED', message, cause === undefined ? {} : { cause });
}

/**
 * Parses XML safely: size-limited, no DOCTYPE (hence no entity expansion of any kind), no external references,
 * values kept as strings. Returns the root element with namespaces resolved. Throws AppError('PARSE_FAILED').
 */
export function parseXml(input: string | Buffer, what = 'XML'): XmlElement {
  const size = typeof input === 'string' ? Buffer.byteLength(input) : input.length;
  if (size > XML_LIMITS.maxBytes) {
    throw new AppError('TOO_LARGE', `${what} is larger than ${XML_LIMITS.maxBytes} bytes (${size})`);
  }
  const text = (typeof input === 'string' ? input : input.toString('utf8')).replace(/^\uFEFF/, '');
  if (DOCTYPE.test(text) || ENTITY.test(text)) {
    fail(`${what} contains a DOCTYPE or ENTITY declaration, which is not accepted`);
  }
  let valid: ReturnType<typeof XMLValidator.validate>;
  try {
    valid = XMLValidator.validate(text, { allowBooleanAttributes: false });
  } catch (e) {
    fail(`${what} is not well-formed XML`, e);
  }
  if (valid !== true) {
    fail(`${what} is not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  }
  let raw: unknown;
  try {
    raw = parser.parse(text);
  } catch (e) {
    fail(`${what} could not be parsed`, e);
  }
  const counter = { elements: 0 };
  const roots = toElements(raw as RawNode[], {}, 0, counter);
  if (roots.length !== 1) {
    fail(`${what} must have exactly one root element, found ${roots.length}`);
  }
  return roots[0]!;
}

function toElements(
  nodes: RawNode[],
  scope: Record<string, string>,
  depth: number,
  counter: { elements: number },
): XmlElement[] {
  if (depth > XML_LIMITS.maxDepth) {
    fail(`XML nesting deeper than ${XML_LIMITS.maxDepth}`);
  }
  const out: XmlElement[] = [];
  for (const node of nodes) {
    const key = Object.keys(node).find((k) => k !== ':@');
    if (key === undefined || key === '#text' || key.startsWith('?') || key === '#comment') {
      continue;
    }
    if (++counter.elements > XML_LIMITS.maxElements) {
      fail(`XML has more than ${XML_LIMITS.maxElements} elements`);
    }
    const rawAttrs = (node[':@'] ?? {}) as Record<string, string>;
    const local = { ...scope };
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(rawAttrs)) {
      if (k === 'xmlns') {
        local[''] = String(v);
      } else if (k.startsWith('xmlns:')) {
        local[k.slice(6)] = String(v);
      }
    }
    for (const [k, v] of Object.entries(rawAttrs)) {
      if (k === 'xmlns' || k.startsWith('xmlns:')) {
        continue;
      }
      const colon = k.indexOf(':');
      attrs[colon >= 0 ? k.slice(colon + 1) : k] = String(v);
    }
    const colon = key.indexOf(':');
    const prefix = colon >= 0 ? key.slice(0, colon) : '';
    const name = colon >= 0 ? key.slice(colon + 1) : key;
    const ns = local[prefix];
    if (ns === undefined && prefix !== '') {
      fail(`Undeclared namespace prefix '${prefix}' on <${key}>`);
    }
    const childNodes = (node[key] ?? []) as RawNode[];
    const texts: string[] = [];
    for (const c of childNodes) {
      if (typeof c['#text'] === 'string' || typeof c['#text'] === 'number') {
        texts.push(String(c['#text']));
      }
    }
    out.push({
      ns: ns ?? '',
      name,
      attrs,
      children: toElements(childNodes, local, depth + 1, counter),
      text: texts.join('').trim(),
    });
  }
  return out;
}

/** First child with this local name (and namespace, when given). */
export function child(el: XmlElement | undefined, name: string, ns?: string): XmlElement | undefined {
  return el?.children.find((c) => c.name === name && (ns === undefined || c.ns === ns));
}

/** All children with this local name (and namespace, when given). */
export function children(el: XmlElement | undefined, name: string, ns?: string): XmlElement[] {
  return el?.children.filter((c) => c.name === name && (ns === undefined || c.ns === ns)) ?? [];
}

/** Follows a path of local names; returns the text of the last element or undefined. */
export function textAt(el: XmlElement | undefined, ...path: string[]): string | undefined {
  let cur = el;
  for (const p of path) {
    cur = child(cur, p);
  }
  return cur?.text;
}

/** Like textAt, but an empty string counts as absent. */
export function optText(el: XmlElement | undefined, ...path: string[]): string | undefined {
  const t = textAt(el, ...path);
  return t === undefined || t === '' ? undefined : t;
}
