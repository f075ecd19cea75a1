import { AppError } from '@praxisready/model';
import { el, xmlDocument, type XmlNode } from '../xml/build.ts';
import { child, optText, parseXml, type XmlElement } from '../xml/safe-xml.ts';
import { describeGematikCode } from './fault-codes.ts';
import { NS } from './namespaces.ts';

/** Wraps a body element into a SOAP 1.1 envelope. */
export function soapEnvelope(body: XmlNode): string {
  return xmlDocument(
    el('soap:Envelope', { 'xmlns:soap': NS.SOAP }, el('soap:Header', null), el('soap:Body', null, body)),
  );
}

/** The gematik error detail of a fault or a Status/Error. */
export interface GematikError {
  code?: string;
  errorText?: string;
  severity?: string;
  errorType?: string;
  compType?: string;
  detail?: string;
  messageId?: string;
}

export function readGematikError(error: XmlElement | undefined): GematikError | undefined {
  if (error === undefined) {
    return undefined;
  }
  const trace = child(error, 'Trace');
  const out: GematikError = {};
  const pairs: [keyof GematikError, string | undefined][] = [
    ['code', optText(trace, 'Code')],
    ['errorText', optText(trace, 'ErrorText')],
    ['severity', optText(trace, 'Severity')],
    ['errorType', optText(trace, 'ErrorType')],
    ['compType', optText(trace, 'CompType')],
    ['detail', optText(trace, 'Detail')?.replace(/\s+/g, ' ')],
    ['messageId', optText(error, 'MessageID')],
  ];
  for (const [k, v] of pairs) {
    if (v !== undefined) {
      out[k] = v;
    }
  }
  return out;
}

/** Builds the PEER_FAULT AppError for a SOAP fault, with the gematik code and a German hint. */
export function faultError(
  operation: string,
  faultString: string | undefined,
  gematik: GematikError | undefined,
): AppError {
  const info = describeGematikCode(gematik?.code);
  const code = gematik?.code;
  const text = gematik?.errorText ?? faultString ?? info.text;
  return new AppError('PEER_FAULT', `Konnektor-Fehler bei ${operation}${code ? ` (${code})` : ''}: ${text}`, {
    details: {
      operation,
      gematikCode: code ?? null,
      faultString: faultString ?? null,
      errorText: gematik?.errorText ?? null,
      severity: gematik?.severity ?? null,
      detail: gematik?.detail ?? null,
      knownText: code !== undefined ? info.text : null,
    },
    hint: info.hint,
  });
}

/**
 * Unwraps a SOAP response: returns the first Body child, or throws PEER_FAULT for a SOAP Fault, PARSE_FAILED for
 * anything that is not a SOAP envelope.
 */
export function unwrapSoap(xml: string | Buffer, operation: string): XmlElement {
  const root = parseXml(xml, `Antwort auf ${operation}`);
  if (root.name !== 'Envelope' || root.ns !== NS.SOAP) {
    throw new AppError(
      'PARSE_FAILED',
      `Antwort auf ${operation} ist kein SOAP-1.1-Envelope (<${root.name}>)`,
    );
  }
  const body = child(root, 'Body', NS.SOAP);
  const payload = body?.children[0];
  if (payload === undefined) {
    throw new AppError('PARSE_FAILED', `Antwort auf ${operation} hat einen leeren SOAP-Body`);
  }
  if (payload.name === 'Fault' && payload.ns === NS.SOAP) {
    const detail = child(payload, 'detail') ?? child(payload, 'Detail');
    const error = detail?.children.find((c) => c.name === 'Error' && c.ns === NS.GERROR);
    throw faultError(operation, optText(payload, 'faultstring'), readGematikError(error));
  }
  return payload;
}
