/** A tiny XML writer: every text and attribute value goes through {@link escapeXml}. */

export type XmlChild = string | XmlNode | undefined | false | null;

export interface XmlNode {
  readonly xml: string;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

function allowedInXml(c: string): boolean {
  const code = c.charCodeAt(0);
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code !== 0xfffe && code !== 0xffff);
}

/** Escapes text or an attribute value. Characters not allowed in XML 1.0 are dropped. */
export function escapeXml(value: string): string {
  let clean = value;
  if (![...value].every(allowedInXml)) {
    clean = [...value].filter(allowedInXml).join('');
  }
  return clean.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/**
 * Builds an element. String children are escaped text; nodes are inserted as they are; empty values are skipped.
 * @param qname - prefixed name, e.g. `CONN:MandantId`
 */
export function el(
  qname: string,
  attrs: Record<string, string | undefined> | null,
  ...kids: XmlChild[]
): XmlNode {
  const a = Object.entries(attrs ?? {})
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join('');
  const inner = kids
    .filter((k): k is string | XmlNode => k !== undefined && k !== null && k !== false)
    .map((k) => (typeof k === 'string' ? escapeXml(k) : k.xml))
    .join('');
  return { xml: inner === '' ? `<${qname}${a}/>` : `<${qname}${a}>${inner}</${qname}>` };
}

/** An element with text content, omitted entirely when the value is undefined. */
export function opt(qname: string, value: string | undefined): XmlNode | undefined {
  return value === undefined ? undefined : el(qname, null, value);
}

/** Serialises a document with the XML declaration. */
export function xmlDocument(root: XmlNode): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${root.xml}`;
}
