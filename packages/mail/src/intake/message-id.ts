import { createHash } from 'node:crypto';

/** Domain of synthetic Message-IDs; `.invalid` (RFC 2606) can never collide with a real mail domain. */
export const SYNTHETIC_MESSAGE_ID_DOMAIN = 'praxisready.invalid';

/**
 * Normalises a Message-ID for deduplication: angle brackets, comments and whitespace removed, the domain part
 * lower-cased (domains are case-insensitive; the local part is not, so it is kept). Returns `undefined` when
 * nothing id-like is left. The result has no angle brackets; {@link toMessageIdHeader} adds them back.
 */
export function normalizeMessageId(value: string | undefined | null): string | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  // Some clients fold or pad the header; the first bracketed token is the id.
  const bracketed = /<([^<>]*)>/.exec(value);
  let id = (bracketed?.[1] ?? value).replace(/\s+/g, '');
  id = id.replace(/^<+|>+$/g, '');
  if (id === '' || id.length > 998) {
    return undefined;
  }
  const at = id.lastIndexOf('@');
  if (at > 0 && at < id.length - 1) {
    id = `${id.slice(0, at)}@${id.slice(at + 1).toLowerCase()}`;
  }
  return id;
}

/** A stable id for a mail without a usable Message-ID: the same bytes give the same id, so dedupe still works. */
export function syntheticMessageId(raw: Uint8Array): string {
  return `sha256-${sha256Hex(raw).slice(0, 40)}@${SYNTHETIC_MESSAGE_ID_DOMAIN}`;
}

/** `<id>` form for Message-ID, In-Reply-To and References headers. */
export function toMessageIdHeader(id: string): string {
  const normalized = normalizeMessageId(id) ?? id;
  return `<${normalized}>`;
}

export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}
