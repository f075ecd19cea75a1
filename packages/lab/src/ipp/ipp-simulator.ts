import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import ipp from 'ipp';
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

interface ParsedRequest {
  version?: string;
  operation?: string;
  id?: number;
  'operation-attributes-tag'?: Record<string, unknown>;
  data?: Buffer;
}

/**
 * A built-in IPP printer: the stand-in for `ippeveprinter` where it is not installed (e.g. a technician's Windows
 * laptop). It speaks IPP/1.1 and 2.0 over HTTP with the `ipp` package as codec and answers Get-Printer-Attributes,
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
    let request: ParsedRequest;
    try {
      request = ipp.parse(body) as unknown as ParsedRequest;
    } catch {
      res.writeHead(400).end();
      return;
    }
    const reply = answer(request, body.length);
    res.writeHead(200, { 'content-type': 'application/ipp' });
    res.end(ipp.serialize(reply));
  }

  function answer(request: ParsedRequest, size: number): Record<string, unknown> {
    const base = {
      version: request.version === '1.1' ? '1.1' : '2.0',
      id: request.id ?? 1,
      'operation-attributes-tag': { 'attributes-charset': 'utf-8', 'attributes-natural-language': 'en' },
    };
    const op = request['operation-attributes-tag'] ?? {};
    switch (request.operation ?? '') {
      case 'Get-Printer-Attributes': {
        const requested = op['requested-attributes'];
        const list = requested === undefined ? undefined : ([] as unknown[]).concat(requested).map(String);
        return {
          ...base,
          statusCode: 'successful-ok',
          'printer-attributes-tag': selectAttributes(printerAttributes(def, uri, startedAt), list),
        };
      }
      case 'Validate-Job':
        return { ...base, statusCode: 'successful-ok' };
      case 'Print-Job': {
        const id = jobs.length + 1;
        const format =
          typeof op['document-format'] === 'string' ? op['document-format'] : 'application/octet-stream';
        jobs.push({
          id,
          name: typeof op['job-name'] === 'string' ? op['job-name'] : 'Untitled',
          bytes: request.data?.length ?? size,
          format,
        });
        return {
          ...base,
          statusCode: 'successful-ok',
          'job-attributes-tag': { 'job-id': id, 'job-uri': `${uri}/${id}`, 'job-state': 'completed' },
        };
      }
      case 'Get-Jobs':
        return { ...base, statusCode: 'successful-ok' };
      default:
        return { ...base, statusCode: 'server-error-operation-not-supported' };
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
