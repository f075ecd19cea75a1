import type { PrinterFacts } from '@praxisready/model';
import { toAppError } from '@praxisready/model';
import { ALL_PLATFORMS, defineCollector } from '../collector.ts';
import { assertAllowed, mapLimit } from '../net/tcp.ts';
import { browseIppPrinters } from '../printers/dnssd.ts';
import { getPrinterAttributes, printerFactsFromAttributes } from '../printers/ipp.ts';

interface PrinterTarget {
  uri: string;
  host: string;
  port: number;
  discoveredBy: PrinterFacts['discoveredBy'];
}

/** Resource paths tried on an explicit printer, in order (IPP Everywhere, CUPS/older devices). */
export const IPP_PATHS = ['/ipp/print', '/ipp', '/'] as const;

export const printersCollector = defineCollector({
  id: 'printers.ipp',
  title: 'Drucker (DNS-SD, IPP-Attribute)',
  fills: [
    'print.printers[].name',
    'print.printers[].host',
    'print.printers[].uri',
    'print.printers[].makeAndModel',
    'print.printers[].reachable',
    'print.printers[].ippSupported',
    'print.printers[].pdfSupported',
    'print.printers[].resolutionsDpi',
    'print.printers[].trays',
    'print.printers[].state',
  ],
  platforms: ALL_PLATFORMS,
  timeoutMs: 15_000,
  why: 'Direct print from the PVS/Doctolib needs IPP with PDF, at least 300 dpi for eRezept, and the right trays.',
  async collect(ctx) {
    const targets: PrinterTarget[] = [];
    const notes: string[] = [];
    if (ctx.options.dnssd) {
      if (ctx.policy === 'loopback') {
        notes.push('DNS-SD im Loopback-Modus aus (kein Multicast)');
      } else {
        for (const p of await browseIppPrinters(ctx.options.dnssdTimeoutMs ?? 2500)) {
          const path = `/${p.resourcePath.replace(/^\//, '')}`;
          targets.push({
            uri: `${p.secure ? 'ipps' : 'ipp'}://${p.host}:${p.port}${path}`,
            host: p.host,
            port: p.port,
            discoveredBy: 'dns-sd',
          });
        }
      }
    }
    for (const p of ctx.options.printers ?? []) {
      if (!targets.some((t) => t.host === p.host && t.port === p.port)) {
        targets.push({
          uri: `ipp://${p.host}:${p.port}${IPP_PATHS[0]}`,
          host: p.host,
          port: p.port,
          discoveredBy: 'explicit',
        });
      }
    }
    if (targets.length === 0) {
      return {
        status: 'skipped',
        message: ['keine Drucker angegeben (--printer) oder gefunden', ...notes].join('; '),
      };
    }
    const printers = await mapLimit(targets, 8, async (t): Promise<PrinterFacts> => {
      assertAllowed(ctx.policy, t.host);
      const reachable = (await ctx.tcp(t.host, t.port, 1500).catch(() => 'filtered')) === 'open';
      if (!reachable) {
        return { ...t, reachable: false, error: 'Port nicht erreichbar' };
      }
      const paths = t.discoveredBy === 'explicit' ? IPP_PATHS : [new URL(t.uri).pathname];
      let lastError = '';
      for (const path of paths) {
        const uri = `${t.uri.split('/').slice(0, 3).join('/')}${path}`;
        try {
          const attrs = await getPrinterAttributes(uri, 4000);
          return { ...t, uri, reachable: true, ...printerFactsFromAttributes(attrs) };
        } catch (e) {
          lastError = toAppError(e).message;
        }
      }
      return { ...t, reachable: true, error: lastError.slice(0, 500) };
    });
    const noPdf = printers.filter((p) => p.pdfSupported === false).map((p) => p.name ?? p.host);
    const failed = printers.filter((p) => p.error !== undefined);
    return {
      status: failed.length === 0 ? 'ok' : failed.length === printers.length ? 'failed' : 'partial',
      message: [
        `${printers.length} Drucker`,
        noPdf.length > 0 ? `ohne PDF: ${noPdf.join(', ')}` : '',
        failed.length > 0 ? `nicht abfragbar: ${failed.map((p) => `${p.host}:${p.port}`).join(', ')}` : '',
        ...notes,
      ]
        .filter(Boolean)
        .join('; '),
      facts: { printers },
    };
  },
});
