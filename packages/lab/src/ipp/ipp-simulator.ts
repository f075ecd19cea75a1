import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import {
  attribute,
  charset,
  decodeIpp,
  DelimiterTag,
  encodeIpp,
  enumValue,
  groupAttributes,
  integer,
  naturalLanguage,
  Operation,
  plainValue,
  StatusCode,
  uri as uriValue,
  type IppGroup,
  type IppMessage,
} from '@praxisready/ipp';
import { AppError } from '@praxisready/model';
import { isLoopbackV4 } from '../addressing/address-plan.ts';
import type { PrinterDefinition } from '../scenarios/types.ts';
import { printerAttributes, selectAttributes } from './printer-attributes.ts';

/** Path ippeveprinter serves its print queue on; the simulator uses the same. */
export const IPP_PATH = '/ipp/print';
/** Requests larger than this are refused (a lab printer never needs more). */
const MAX_REQUEST_BYTES = 8 * 1024 * 1024;

export interface IppPrinterSimulator {
  uri: string;
  address: string;
  port: number;
  /** Jobs received (name and size only; the data is discarded). */
  jobs(): { id: number; name: string; bytes: number; format: string }[];
  close(): Promise<void>;
}

/** job-state completed (RFC 8011 §5.3.7): the simulator discards the data at once. */
const JOB_STATE_COMPLETED = 9;

/**
 * A built-in IPP printer: the stand-in for `ippeveprinter` where it is not installed (e.g. a technician's Windows
 * laptop). It speaks IPP/1.1 and 2.0 over HTTP with @praxisready/ipp as codec and answers Get-Printer-Attributes,
 * Validate-Job, Print-Job and Get-Jobs with the attributes ippeveprinter reports for the same definition.
 */
export async function startIppPrinterSimulator(
  def: PrinterDefinition,
  options: { address: string; port: number },
): Promise<IppPrinterSimulator> {
  if (!isLoopbackV4(options.address)) {
    throw new AppError('CONFIG_INVALID', `Refusing to listen on non-loopback address ${options.address}`);
  }
  const startedAt = Date.now();
  const jobs: { id: number; name: string; bytes: number; format: string }[] = [];
  const sockets = new Set<Socket>();
  let uri = '';

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) {
        res.writeHead(500).end();
      }
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') {
      res.writeHead(req.method === 'GET' ? 200 : 405, { 'content-type': 'text/plain' });
      res.end(`${def.name} (${def.make} ${def.model}) - praxisready lab IPP printer\n`);
      return;
    }
    const body = await readBody(req);
    if (body === null) {
      res.writeHead(413).end();
      return;
    }
    const decoded = decodeIpp(body, { maxBytes: MAX_REQUEST_BYTES });
    if (!decoded.success) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end(`${decoded.issues[0]?.message ?? ''}\n`);
      return;
    }
    res.writeHead(200, { 'content-type': 'application/ipp' });
    res.end(encodeIpp(answer(decoded.data)));
  }

  function answer(request: IppMessage): IppMessage {
    const reply = (status: number, groups: IppGroup[] = []): IppMessage => ({
      // IPP/1.1 clients get 1.1 answers; everything else is answered as 2.0, as ippeveprinter does.
      version:
        request.version.major === 1 && request.version.minor === 1
          ? { major: 1, minor: 1 }
          : { major: 2, minor: 0 },
      code: status,
      requestId: request.requestId,
      groups: [
        {
          tag: DelimiterTag.operationAttributes,
          attributes: [
            attribute('attributes-charset', charset('utf-8')),
            attribute('attributes-natural-language', naturalLanguage('en')),
          ],
        },
        ...groups,
      ],
      data: new Uint8Array(0),
    });
    const op = groupAttributes(request, DelimiterTag.operationAttributes);
    const firstText = (name: string): string | undefined => {
      const v = op.get(name)?.[0];
      const p = v === undefined ? undefined : plainValue(v);
      return typeof p === 'string' ? p : undefined;
    };
    switch (request.code) {
      case Operation['Get-Printer-Attributes']: {
        const requested = op
          .get('requested-attributes')
          ?.flatMap((v) => (v.kind === 'string' ? [v.value] : []));
        return reply(StatusCode['successful-ok'], [
          {
            tag: DelimiterTag.printerAttributes,
            attributes: selectAttributes(printerAttributes(def, uri, startedAt), requested),
          },
        ]);
      }
      case Operation['Validate-Job']:
        return reply(StatusCode['successful-ok']);
      case Operation['Print-Job']: {
        const id = jobs.length + 1;
        jobs.push({
          id,
          name: firstText('job-name') ?? 'Untitled',
          bytes: request.data.length,
          format: firstText('document-format') ?? 'application/octet-stream',
        });
        return reply(StatusCode['successful-ok'], [
          {
            tag: DelimiterTag.jobAttributes,
            attributes: [
              attribute('job-id', integer(id)),
              attribute('job-uri', uriValue(`${uri}/${id}`)),
              attribute('job-state', enumValue(JOB_STATE_COMPLETED)),
            ],
          },
        ]);
      }
      case Operation['Get-Jobs']:
        return reply(StatusCode['successful-ok']);
      default:
        return reply(StatusCode['server-error-operation-not-supported']);
    }
  }

  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: options.address, port: options.port, exclusive: true }, () => {
      const addr = server.address();
      resolve(typeof addr === 'object' && addr !== null ? addr.port : options.port);
    });
  });
  uri = `ipp://${options.address}:${port}${IPP_PATH}`;

  return {
    uri,
    address: options.address,
    port,
    jobs: () => jobs.map((j) => ({ ...j })),
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) {
          s.destroy();
        }
        server.close(() => resolve());
      }),
  };
}

async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_REQUEST_BYTES) {
      return null;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
