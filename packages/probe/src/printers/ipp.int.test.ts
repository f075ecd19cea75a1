// The probe's IPP client against the real thing: Debian's ippeveprinter (started by the lab with
// `--printers ippeveprinter`), checked against what CUPS's ipptool reads from the same printers.
// (lab.int.test.ts does the same against the lab's built-in printers.)
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLab, type RunningLab } from '@praxisready/lab';
import { getPrinterAttributes, printerFactsFromAttributes } from './ipp.ts';

const run = promisify(execFile);
const block = `127.${200 + Math.floor(Math.random() * 50)}.${Math.floor(Math.random() * 250)}`;
let lab: RunningLab;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'probe-ipp-'));
  lab = await runLab({ scenario: 'typical-problems', dir, block, printers: 'ippeveprinter' });
});

afterAll(async () => {
  await lab?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** `name (syntax) = v1,v2` lines of `ipptool -tv … get-printer-attributes.test`, response part. */
async function ipptool(uri: string): Promise<Record<string, string[]>> {
  const { stdout } = await run('ipptool', ['-tv', '-T', '10', uri, 'get-printer-attributes.test']);
  const received = stdout.split(/^\s+RECEIVED: .*$/m)[1] ?? '';
  return Object.fromEntries(
    [...received.matchAll(/^\s+([a-z0-9-]+) \([^)]*\) = (.*)$/gm)].map((m) => [m[1]!, m[2]!.split(',')]),
  );
}

describe('probe IPP client against ippeveprinter', () => {
  it('the lab runs ippeveprinter here', () => {
    expect(lab.groundTruth.printerImplementation.chosen).toBe('ippeveprinter');
  });

  it('reads the same facts as ipptool and the ground truth', async () => {
    const reachable = lab.groundTruth.printers.filter((p) => p.uri !== null);
    expect(reachable.length).toBeGreaterThan(0);
    for (const p of reachable) {
      const facts = printerFactsFromAttributes(await getPrinterAttributes(p.uri!, 5000));
      const a = await ipptool(p.uri!);
      expect(facts.name).toBe(a['printer-name']?.join(','));
      expect(facts.makeAndModel).toBe(a['printer-make-and-model']?.join(','));
      expect(facts.state).toBe(a['printer-state']?.[0]);
      expect(facts.documentFormats).toEqual(a['document-format-supported']);
      expect(facts.trays).toEqual(a['media-source-supported']);
      expect(facts.resolutionsDpi).toEqual(
        a['printer-resolution-supported']?.map((r) => Number(r.replace('dpi', ''))),
      );
      expect(facts).toMatchObject({
        makeAndModel: p.attributes.makeAndModel,
        pdfSupported: p.attributes.pdf,
        resolutionsDpi: p.attributes.resolutionsDpi,
        trays: p.attributes.mediaSources,
      });
    }
  });

  it('turns an HTTP error and a non-IPP answer into errors, not crashes', async () => {
    const p = lab.groundTruth.printers.find((x) => x.uri !== null)!;
    // ippeveprinter answers an unknown resource with an IPP error status or HTTP 404; both must reject cleanly.
    await expect(getPrinterAttributes(p.uri!.replace(/\/ipp\/print$/, '/nope'), 5000)).rejects.toThrow(
      /IPP|HTTP/,
    );
    // A web server that answers 200 with HTML: the codec's issue becomes the error message.
    const server = createServer((_req, res) => res.writeHead(200).end('<html>not a printer</html>'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    try {
      await expect(getPrinterAttributes(`ipp://127.0.0.1:${port}/ipp/print`, 5000)).rejects.toThrow(
        /undecodable answer .*expected a delimiter tag/,
      );
    } finally {
      server.close();
    }
  });
});
