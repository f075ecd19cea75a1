// Test support, not part of the codec: records the IPP bodies that Debian's `ipptool` and `ippeveprinter`
// (cups-ipp-utils) exchange on loopback. Used by scripts/capture-fixtures.ts (writes the committed fixtures) and by
// capture.int.test.ts (records fresh bytes on every run).
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { createServer as createNetServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const IPPEVEPRINTER = '/usr/sbin/ippeveprinter';
export const IPPTOOL = '/usr/bin/ipptool';

/** One HTTP POST through the proxy: the IPP request body and the IPP response body, as sent. */
export interface Exchange {
  request: Buffer;
  response: Buffer;
  httpStatus: number;
}

export interface Printer {
  /** ipp://127.0.0.1:<port>/ipp/print of ippeveprinter itself. */
  uri: string;
  port: number;
  stop(): Promise<void>;
}

function bindAndRelease(host: string, port: number): Promise<number | null> {
  return new Promise((resolve) => {
    const s = createNetServer();
    s.once('error', () => resolve(null));
    s.listen({ host, port, exclusive: true }, () => {
      const addr = s.address();
      const got = typeof addr === 'object' && addr !== null ? addr.port : null;
      s.close(() => resolve(got));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ host: '127.0.0.1', port });
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

/**
 * Starts ippeveprinter on localhost (it needs an IPv4 and an IPv6 listener, so a port free on 127.0.0.1 and ::1)
 * with `-r off` (no DNS-SD registration), a fixed make/model and PDF support.
 */
export async function startIppeveprinter(workDir: string): Promise<Printer> {
  let port = 0;
  for (let i = 0; i < 20 && port === 0; i++) {
    const p = await bindAndRelease('127.0.0.1', 0);
    if (p !== null && (await bindAndRelease('::1', p)) !== null) {
      port = p;
    }
  }
  if (port === 0) {
    throw new Error('no port free on 127.0.0.1 and ::1');
  }
  const child: ChildProcess = spawn(
    IPPEVEPRINTER,
    [
      ...['-r', 'off', '-n', 'localhost', '-p', String(port)],
      ...['-M', 'Brother', '-m', 'HL-L5100DN', '-l', 'Empfang'],
      ...['-f', 'application/pdf,image/pwg-raster', '-d', workDir, 'Empfang'],
    ],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) {
      break;
    }
    if (await canConnect(port)) {
      return {
        uri: `ipp://127.0.0.1:${port}/ipp/print`,
        port,
        stop: () =>
          new Promise((resolve) => {
            if (child.exitCode !== null) {
              resolve();
              return;
            }
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      };
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`ippeveprinter did not listen on port ${port}`);
}

/**
 * An HTTP proxy on 127.0.0.1 that forwards POSTs to the printer and records both bodies. Node de-chunks the
 * HTTP framing, so what is recorded is exactly the IPP message (plus document data) each side sent.
 */
export async function startRecorder(
  targetPort: number,
): Promise<{ port: number; exchanges: Exchange[]; close(): Promise<void> }> {
  const exchanges: Exchange[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const out = request(
        {
          host: '127.0.0.1',
          port: targetPort,
          path: req.url,
          method: req.method,
          headers: { 'content-type': 'application/ipp', 'content-length': body.length },
        },
        (up) => {
          const back: Buffer[] = [];
          up.on('data', (c: Buffer) => back.push(c));
          up.on('end', () => {
            const response = Buffer.concat(back);
            exchanges.push({ request: body, response, httpStatus: up.statusCode ?? 0 });
            res.writeHead(up.statusCode ?? 502, {
              'content-type': up.headers['content-type'] ?? 'application/ipp',
              'content-length': response.length,
            });
            res.end(response);
          });
        },
      );
      out.on('error', () => res.writeHead(502).end());
      out.end(body);
    });
  });
  const port = await new Promise<number>((resolve) => {
    server.listen({ host: '127.0.0.1', port: 0 }, () => {
      const addr = server.address();
      resolve(typeof addr === 'object' && addr !== null ? addr.port : 0);
    });
  });
  return {
    port,
    exchanges,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Values the stock test files never send: textWithLanguage, nameWithLanguage, octetString, dateTime, out-of-band
 * values and a resolution and range in a request. ippeveprinter answers (it may reject some with an
 * unsupported-attributes group, which is one more real shape).
 */
export const EXTRA_TEST = `{
  NAME "Validate-Job with every value syntax"
  OPERATION Validate-Job
  GROUP operation-attributes-tag
  ATTR charset attributes-charset utf-8
  ATTR naturalLanguage attributes-natural-language de
  ATTR uri printer-uri $uri
  ATTR nameWithLanguage requesting-user-name "de-DE:Praxis Müller"
  ATTR textWithLanguage job-name "de:Rezept für Frau Ö"
  ATTR mimeMediaType document-format application/pdf
  GROUP job-attributes-tag
  ATTR octetString job-password 31323334
  ATTR resolution printer-resolution 600dpi
  ATTR rangeOfInteger page-ranges 1-2,5-7
  ATTR no-value job-hold-until-time
  ATTR unknown job-account-id
  ATTR collection media-col {
    MEMBER collection media-size {
      MEMBER integer x-dimension 21000
      MEMBER integer y-dimension 29700
    }
    MEMBER keyword media-source main
  }
  STATUS successful-ok
  STATUS successful-ok-ignored-or-substituted-attributes
  STATUS client-error-attributes-or-values-not-supported
  STATUS client-error-bad-request
}
`;

/** The ipptool runs recorded: stock test files of cups-ipp-utils, and EXTRA_TEST. */
export const CAPTURE_RUNS = [
  { id: 'get-printer-attributes', file: 'get-printer-attributes.test' },
  { id: 'print-job', file: 'print-job.test', withDocument: true },
  { id: 'print-job-media-col', file: 'print-job-media-col.test', withDocument: true },
  { id: 'get-jobs', file: 'get-jobs.test' },
  { id: 'get-completed-jobs', file: 'get-completed-jobs.test' },
  { id: 'value-syntaxes', file: 'EXTRA' },
] as const;

/** A small PDF, the document Print-Job sends. */
const PDF = `%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj
trailer << /Root 1 0 R >>
%%EOF
`;

/**
 * Runs ipptool through the recorder against a fresh ippeveprinter and returns the exchanges per run.
 * `ipptool -I` keeps going after a failed expectation: the bytes are what matters here.
 */
export async function captureExchanges(): Promise<
  { id: string; exchanges: Exchange[]; ipptoolOutput: string }[]
> {
  const work = mkdtempSync(join(tmpdir(), 'ipp-capture-'));
  mkdirSync(join(work, 'spool'));
  const printer = await startIppeveprinter(join(work, 'spool'));
  const recorder = await startRecorder(printer.port);
  try {
    const extra = join(work, 'value-syntaxes.test');
    writeFileSync(extra, EXTRA_TEST);
    const pdf = join(work, 'document.pdf');
    writeFileSync(pdf, PDF);
    const out: { id: string; exchanges: Exchange[]; ipptoolOutput: string }[] = [];
    for (const r of CAPTURE_RUNS) {
      const before = recorder.exchanges.length;
      const args = ['-I', '-tv', '-T', '10', ...('withDocument' in r ? ['-f', pdf] : [])];
      const stdout = await run(IPPTOOL, [
        ...args,
        `ipp://127.0.0.1:${recorder.port}/ipp/print`,
        r.file === 'EXTRA' ? extra : r.file,
      ]).then(
        (o) => o.stdout,
        (e: unknown) => {
          // ipptool exits 1 when an expectation fails; the exchange was still recorded.
          if (typeof e === 'object' && e !== null && 'code' in e && e.code === 1 && 'stdout' in e) {
            return String(e.stdout);
          }
          throw e;
        },
      );
      out.push({ id: r.id, exchanges: recorder.exchanges.slice(before), ipptoolOutput: stdout });
    }
    return out;
  } finally {
    await recorder.close();
    await printer.stop();
    rmSync(work, { recursive: true, force: true });
  }
}
