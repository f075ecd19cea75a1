import type { CollectorStatus, FactsDocument, SystemFacts } from '@praxisready/model';
import type { ProbeOptions } from './options.ts';
import type { NetworkPolicy, TcpState } from './net/tcp.ts';

/** Platforms a collector runs on (`process.platform` values). */
export type Platform = 'win32' | 'linux' | 'darwin';
export const ALL_PLATFORMS: readonly Platform[] = ['win32', 'linux', 'darwin'];

type Sections = Omit<
  FactsDocument,
  'kind' | 'schemaVersion' | 'documentId' | 'collectedAt' | 'probe' | 'caseId' | 'collectors'
>;

/** What a collector contributes to the facts document; `system` and the other objects are merged key by key. */
export type FactsPatch = {
  [K in keyof Sections]?: K extends 'system'
    ? Partial<SystemFacts>
    : K extends 'network'
      ? Partial<NonNullable<Sections[K]>>
      : Sections[K];
};

/** Outcome of one collector (the runner adds `timeout` and the duration itself). */
export interface CollectorResult {
  status: Exclude<CollectorStatus, 'timeout'>;
  /** German, one line: what was found, or why it could not be checked. */
  message?: string;
  facts?: FactsPatch;
  /** Data for other collectors (e.g. the installed-programs list); never written into the facts document. */
  shared?: Record<string, unknown>;
}

export interface ExecResult {
  stdout: string;
  stderr: string;
  code: number | null;
}

/** Everything a collector may use; all I/O goes through here or through node:fs read calls. */
export interface ProbeContext {
  options: ProbeOptions;
  platform: NodeJS.Platform;
  /** Aborted when the collector's timeout or the overall budget is hit. */
  signal: AbortSignal;
  policy: NetworkPolicy;
  /** Runs a program without a shell (read-only queries only). */
  exec(file: string, args: readonly string[], timeoutMs: number): Promise<ExecResult>;
  /** Runs a PowerShell script and parses its `ConvertTo-Json` output (Windows only). */
  powershell(script: string, timeoutMs?: number): Promise<unknown>;
  /** TCP connect under the network policy. */
  tcp(host: string, port: number, timeoutMs?: number): Promise<TcpState>;
  /** Waits for another collector's result (e.g. card terminals need the Konnektor's terminal list). */
  resultOf(id: string): Promise<CollectorResult | undefined>;
}

/**
 * A probe collector, declared as data (osquery-style spec): what it fills, where it runs, how long it may take
 * and why it matters. `collect` does the I/O; parsing lives in pure functions beside it.
 */
export interface Collector {
  /** Stable id, `area.name`. */
  id: string;
  /** German title for progress lines and the README. */
  title: string;
  /** Audit-sheet paths this collector fills (via `sheetFromFacts`). */
  fills: readonly string[];
  platforms: readonly Platform[];
  timeoutMs: number;
  /** Why it matters for the audit (English, one sentence). */
  why: string;
  collect(ctx: ProbeContext): Promise<CollectorResult>;
}

/** Helper for a typed collector entry. */
export function defineCollector(collector: Collector): Collector {
  return collector;
}
