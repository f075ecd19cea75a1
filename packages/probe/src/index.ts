/**
 * @module @praxisready/probe
 * The probe: collects the audit facts from a practice PC, read-only and PII-free, into a facts document that
 * validates against `@praxisready/model`'s schema; optional subnet scan, upload with an offline outbox.
 *
 * @example
 * ```ts
 * import { runProbe } from '@praxisready/probe';
 * const { facts } = await runProbe({ policy: 'loopback', pvsServer: '127.42.0.20', printers: [{ host: '127.42.0.51', port: 631 }] });
 * ```
 */
export { COLLECTORS } from './collectors.ts';
export type { Collector, CollectorResult, FactsPatch, Platform, ProbeContext } from './collector.ts';
export type { ProbeOptions, KonnektorTarget } from './options.ts';
export { runProbe, mergePatch, DEFAULT_BUDGET_MS, STATUS_LABELS_DE } from './run/run-probe.ts';
export type { CollectorRun, ProbeRunResult, RunProbeHooks } from './run/run-probe.ts';
export { formatSummary } from './run/summary.ts';
export { scanSubnet, checkScanTarget, SCAN_MAX_ADDRESSES, SCAN_DEFAULTS } from './net/scan.ts';
export type { ScanOptions } from './net/scan.ts';
export { parseCidr, cidrHosts, isLoopback, parseHostPort } from './net/address.ts';
export { tcpConnect } from './net/tcp.ts';
export type { NetworkPolicy, TcpState } from './net/tcp.ts';
export { scanPorts, portListPorts } from './collectors/port-targets.ts';
export { postFacts, queueFacts, uploadOrQueue, flushOutbox, defaultOutboxDir } from './upload/upload.ts';
export type { UploadOptions, UploadOutcome, FlushResult } from './upload/upload.ts';
export { getPrinterAttributes, printerFactsFromAttributes } from './printers/ipp.ts';
export { browseIppPrinters } from './printers/dnssd.ts';
export { renderCollectorTable } from './readme-table.ts';
export { parseProbeConfig, ProbeConfigFileSchema } from './config.ts';
export type { ProbeConfigFile } from './config.ts';
export { PROBE_VERSION } from './version.ts';
export { labProbeOptions } from './lab/lab-options.ts';
